//! Name matching for meeting scoring: a predicted participant's names against a gold
//! participant's, case- and diacritic-insensitively, equal or as a token subsequence
//! ("Marzook" in "Mousa Abu Marzook"), a gold country also by the lexicon's canonical
//! name ("Turkey" accepts "Türkiye").
//!
//! Plain functions on normalised token lists; pairing meetings and counting is
//! `score`. This module does not run extraction.

/// Lower case, no diacritics, tokens of letters and digits only.
pub fn norm_tokens(s: &str) -> Vec<String> {
    deunicode::deunicode(s)
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|t| {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether a predicted name matches one gold name: equal, or a token subsequence.
pub fn name_matches(pred: &[String], gold: &[String]) -> bool {
    if pred.is_empty() || gold.is_empty() {
        return false;
    }
    pred == gold || (pred.len() < gold.len() && gold.windows(pred.len()).any(|w| w == pred))
}

/// A gold name and, when the lexicon knows it as a name of a country or organisation,
/// that entry's canonical name: gold "Turkey" accepts the system's "Türkiye", the same
/// country by its own name (demonyms and capitals are not names of the entry).
pub fn with_canonical(name: &str) -> Vec<Vec<String>> {
    let lex = crate::nlp::lexicon::lexicon();
    let mut v = vec![norm_tokens(name)];
    for &(e, form) in lex.lookup(name) {
        if form == crate::nlp::lexicon::Form::Name {
            let c = norm_tokens(&lex.entries[e].canonical);
            if !v.contains(&c) {
                v.push(c);
            }
        }
    }
    v
}

/// Whether any of the predicted names matches any gold name.
pub fn any_match(pred: &[Vec<String>], gold: &[Vec<String>]) -> bool {
    pred.iter().any(|p| gold.iter().any(|g| name_matches(p, g)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        norm_tokens(s)
    }

    #[test]
    fn surname_matches_full_name() {
        assert!(name_matches(&t("Marzook"), &t("Mousa Abu Marzook")));
    }

    #[test]
    fn diacritics_and_case_are_ignored() {
        assert!(name_matches(&t("ERDOGAN"), &t("Recep Tayyip Erdoğan")));
    }

    #[test]
    fn longer_prediction_does_not_match_shorter_gold() {
        assert!(!name_matches(&t("Russian Foreign Ministry"), &t("Russia")));
    }

    #[test]
    fn gold_country_name_accepts_its_canonical_name() {
        assert!(with_canonical("Turkey").contains(&t("Türkiye")));
    }

    #[test]
    fn gold_demonym_does_not_accept_the_country() {
        assert!(!with_canonical("Turkish").contains(&t("Türkiye")));
    }

    #[test]
    fn partial_token_is_no_match() {
        assert!(!name_matches(&t("Abu"), &t("Abubakar Shekau")));
    }
}
