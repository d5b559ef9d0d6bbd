//! Name folding for cross-document identity.
//!
//! News spells one name many ways: transliterations (Amirabdollahian /
//! Amir-Abdollahian, Abu Marzouk / Abu Marzook, Baghiri / Bagheri), accents (Erdoğan /
//! Erdogan), case. [`fold_tokens`] maps each word to a key in which these alternations
//! coincide; [`similar_word`] adds a Jaro-Winkler test for what folding misses.
//! This module only compares strings; which actors may be merged is `actors`' job.

/// Arabic article prefixes written with a hyphen before a name ("al-Sisi", "el-Sisi",
/// "ash-Sharaa").
const ARTICLES: &[&str] = &["ad", "al", "ar", "as", "ash", "az", "el"];

/// A word without its article prefix ("al-Assad" → "Assad", "El-Sisi" → "Sisi"); any
/// other word as it is.
pub fn strip_article(word: &str) -> &str {
    match word.split_once(['-', '‐', '‑']) {
        Some((head, rest))
            if head.len() <= 3
                && ARTICLES.contains(&head.to_ascii_lowercase().as_str())
                && rest.chars().next().is_some_and(char::is_alphabetic) =>
        {
            rest
        }
        _ => word,
    }
}

/// A name with the article prefix of each word dropped, for comparing names: "Abdel
/// Fattah al-Sisi", "Abdel Fattah el-Sisi" and "Sisi" then share their last word.
/// (The actor's IRI and display name keep the name as written.)
pub fn without_articles(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.contains(['-', '‐', '‑']) {
        return std::borrow::Cow::Borrowed(name);
    }
    let words: Vec<&str> = name.split_whitespace().map(strip_article).collect();
    std::borrow::Cow::Owned(words.join(" "))
}

/// A name's words, transliterated to ASCII, lower case, without inner hyphens and
/// apostrophes ("Amir-Abdollahian" → "amirabdollahian") and without Arabic article
/// prefixes ("al-Assad" → "assad").
pub fn plain_tokens(name: &str) -> Vec<String> {
    super::name_key(&without_articles(name))
        .split('-')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Folds one plain word so that common transliteration alternations coincide:
/// vowel runs (ou/oo/u, ee/ea/ei/e/i/y), q/k, kh/k, gh/g, ph/f, doubled letters.
pub fn fold_word(w: &str) -> String {
    let mut s = w.to_string();
    for (a, b) in [
        ("kh", "k"),
        ("gh", "g"),
        ("ph", "f"),
        ("q", "k"),
        ("ck", "k"),
        ("c", "k"),
        ("w", "v"),
        ("j", "y"),
        ("z", "s"),
        ("dh", "d"),
    ] {
        s = s.replace(a, b);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        // Vowels fold to two classes: back (o, u) and front (a, e, i, y).
        let c = match c {
            'o' | 'u' => 'u',
            'e' | 'i' | 'y' => 'i',
            other => other,
        };
        if prev == Some(c) {
            continue; // doubled letters and vowel runs
        }
        // "ou" and "uo" are one back vowel; "ia"/"ai" stay (Haniyeh vs Haniya differ anyway).
        prev = Some(c);
        out.push(c);
    }
    out
}

/// The folded words of a name. Middle initials are dropped ("Donald J. Trump" is
/// "Donald Trump"), and so are generational suffixes ("Jr.").
pub fn fold_tokens(name: &str) -> Vec<String> {
    let plain = plain_tokens(name);
    let n = plain.len();
    plain
        .iter()
        .enumerate()
        .filter(|(k, w)| {
            let initial = w.chars().count() == 1 && *k > 0 && *k + 1 < n;
            // Regnal numbers ("Abdullah II") stay: they tell people apart.
            let suffix = *k > 0 && matches!(w.as_str(), "jr" | "sr");
            !initial && !suffix
        })
        .map(|(_, w)| fold_word(w))
        .collect()
}

/// Whether two folded words are the same word spelled differently: equal, or close by
/// Jaro-Winkler (≥ 0.93) when both are long enough for that to mean something.
pub fn similar_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len() < 5 || b.len() < 5 {
        return false;
    }
    strsim::jaro_winkler(a, b) >= 0.93
}

/// Whether `short` (folded words) names the same person as `long` by its last words:
/// "Marzook" and "Abu Marzook" both fit "Mousa Abu Marzook".
pub fn is_suffix_of(short: &[String], long: &[String]) -> bool {
    !short.is_empty()
        && short.len() <= long.len()
        && short
            .iter()
            .zip(&long[long.len() - short.len()..])
            .all(|(a, b)| similar_word(a, b))
}

/// Whether two full names (folded words, same number of words) are one name.
pub fn same_full_name(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| similar_word(x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_prefixes_fold_away() {
        assert_eq!(
            plain_tokens("Abdel Fattah al-Sisi"),
            ["abdel", "fattah", "sisi"]
        );
        assert_eq!(
            fold_tokens("Abdel Fattah el-Sisi"),
            fold_tokens("Abdel Fattah Sisi")
        );
    }

    #[test]
    fn hyphenated_word_without_article_stays_whole() {
        assert_eq!(strip_article("Amir-Abdollahian"), "Amir-Abdollahian");
        assert_eq!(strip_article("al-"), "al-");
    }

    #[test]
    fn transliterations_fold_together() {
        assert_eq!(fold_tokens("Abu Marzouk"), fold_tokens("Abu Marzook"));
        assert_eq!(
            fold_tokens("Ali Baghiri Kani"),
            fold_tokens("Ali Bagheri Kani")
        );
        assert_eq!(
            fold_tokens("Hossein Amir-Abdollahian"),
            fold_tokens("Hossein Amirabdollahian")
        );
        assert_eq!(
            fold_tokens("Recep Tayyip Erdoğan"),
            fold_tokens("Recep Tayyip Erdogan")
        );
    }

    #[test]
    fn middle_initials_and_suffixes_are_dropped() {
        assert_eq!(fold_tokens("Donald J. Trump"), fold_tokens("Donald Trump"));
        assert_eq!(
            fold_tokens("Martin Luther King Jr."),
            fold_tokens("Martin Luther King")
        );
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(fold_tokens("John Kirby"), fold_tokens("John Kerry"));
        assert!(!same_full_name(
            &fold_tokens("Hillary Clinton"),
            &fold_tokens("Bill Clinton")
        ));
        assert!(!similar_word(&fold_word("kerry"), &fold_word("kirby")));
    }

    #[test]
    fn surname_fits_full_name() {
        assert!(is_suffix_of(
            &fold_tokens("Marzouk"),
            &fold_tokens("Mousa Abu Marzook")
        ));
        assert!(!is_suffix_of(
            &fold_tokens("Mousa"),
            &fold_tokens("Mousa Abu Marzook")
        ));
    }
}
