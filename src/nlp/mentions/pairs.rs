//! Hyphenated pairs of names: "the Trump-Putin summit", "Erdogan-Assad meeting
//! possible" name two actors, not one person called "Trump-Putin".
//!
//! Reads one capitalised token and the document around it; answers with the parts
//! that are names of their own, as byte spans inside the token. It makes no mentions
//! (that is `combine`) and leaves double-barrelled names ("Karine Jean-Pierre",
//! "Gilda Cobb-Hunter", "Abu-Marzouk") whole.

use super::elsewhere;
use crate::nlp::lexicon::{Form, Lexicon};
use crate::nlp::{ActorKind, Doc, Mention, MentionKind, Span, TokenKind};
use crate::resolve::names::strip_article;

/// First parts of Arabic and other names that join the next part with a hyphen
/// ("Abdel-Rahman", "Abu-Marzouk", "Ould-Abdallah"): a name, not a pair.
const NAME_PREFIXES: &[&str] = &[
    "abd", "abdel", "abdul", "abu", "al", "ben", "bin", "bou", "el", "ibn", "ould", "umm",
];

/// English prefixes written before a hyphen ("Anti-Trump", "Ex-CIA", "Pro-Kremlin"):
/// a modifier of the name after them, not a name.
const BOUND_PREFIXES: &[&str] = &[
    "anti", "co", "counter", "ex", "inter", "mid", "multi", "neo", "non", "pan", "post", "pre",
    "pro", "pseudo", "quasi", "self", "semi", "sub", "super", "trans", "ultra",
];

/// What a hyphenated capitalised token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pair {
    /// Two or three names the text also writes alone, each of them ("Erdogan-Assad" beside "Tayyip
    /// Erdogan" and "Bashar al-Assad"): the parts, as byte spans.
    Names(Vec<Span>),
    /// A pair of names used only as a modifier, none of them written alone ("the
    /// Dodd-Frank law", "the Trump-Putin summit" in a text that names neither again):
    /// no actor is sure, so no mention.
    Modifier,
}

/// What token `i` is when it is a hyphenated pair (or triple) of names: every part
/// capitalised and not in capitals ("WNBC-TV"), of two letters or more, no name prefix
/// ("Abu-Marzouk"), no English prefix ("Anti-Trump"), no common word ("Star-Ledger"),
/// no demonym ("Muslim-Americans", "Afro-Colombian"), no place ("Miami-Dade"),
/// not all given names (a compound given name: "Jean-Pierre"), and the token a whole
/// name (no name word glued before it: "Karine Jean-Pierre"). Then the parts are
/// [`Pair::Names`] when each of them stands alone elsewhere (a part is no common word, so
/// even a sentence's first word is a name; "Hewlett-Packard" beside "Walter Hewlett"
/// alone is a company's name), else
/// [`Pair::Modifier`] when the token stands between a determiner or possessive and a
/// lower-case word ("the Trump-Putin summit"), else `None` (a double-barrelled name:
/// "Cobb-Hunter said"). Every occurrence of the token in the document reads the same.
pub fn pair_parts(doc: &Doc, lex: &Lexicon, i: usize) -> Option<Pair> {
    let text = doc.token_text(i);
    if !text.contains('-') {
        return None;
    }
    let start = doc.tokens[i].span.start;
    let mut parts = Vec::new();
    let mut at = 0;
    for p in text.split('-') {
        let low = p.to_lowercase();
        let ok = p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().all(char::is_alphabetic)
            && p.chars().count() >= 2
            && !NAME_PREFIXES.contains(&low.as_str())
            && !lex.is_common_word(&low)
            && p.chars().any(char::is_lowercase)
            && !BOUND_PREFIXES.contains(&low.as_str())
            && !lex
                .lookup(p)
                .iter()
                .any(|&(e, f)| f == Form::Demonym || lex.entries[e].kind == ActorKind::Place);
        if !ok {
            return None;
        }
        parts.push(Span::new(start + at, start + at + p.len()));
        at += p.len() + 1;
    }
    if !(2..=3).contains(&parts.len()) || parts.iter().all(|&s| lex.is_given_name(doc.text(s))) {
        return None;
    }
    let range = elsewhere(doc, i);
    let same: Vec<usize> = range
        .clone()
        .filter(|&k| doc.token_text(k) == text && whole_name(doc, k))
        .collect();
    if !same.contains(&i) {
        return None;
    }
    let alone = parts.iter().all(|&s| {
        let part = doc.text(s);
        // "Assad" of "Bashar al-Assad": a token behind an Arabic article counts.
        range.clone().any(|k| {
            let t = doc.token_text(k);
            t == part || (t.len() > part.len() && strip_article(t) == part)
        })
    });
    if alone {
        Some(Pair::Names(parts))
    } else if same.iter().any(|&k| modifier_use(doc, k)) {
        Some(Pair::Modifier)
    } else {
        None
    }
}

/// The mention of one part of a pair: the lexicon's actor when it knows the part
/// ("Trump-Iran"), else a person's name.
pub fn part_mention(lex: &Lexicon, doc: &Doc, span: Span) -> Mention {
    let (kind, canonical) = match lex.lookup(doc.text(span)).first() {
        Some(&(entry, _)) => {
            let e = &lex.entries[entry];
            (e.kind, Some(e.canonical.clone()))
        }
        None => (ActorKind::Person, None),
    };
    Mention {
        span,
        kind: MentionKind::Name,
        actor_kind: kind,
        canonical,
        roles: Vec::new(),
        entity: None,
    }
}

/// Whether token `k` stands as a whole name: no capitalised word right before it.
fn whole_name(doc: &Doc, k: usize) -> bool {
    k == 0
        || doc.tokens[k - 1].kind != TokenKind::Word
        || !doc
            .token_text(k - 1)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        || matches!(doc.token_text(k - 1), "The" | "A" | "An")
}

/// "the Trump-Putin summit", "a Modi-Sharif meeting", "Russia's Putin-Erdogan deal":
/// token `k` between a determiner or possessive and a lower-case word.
fn modifier_use(doc: &Doc, k: usize) -> bool {
    let before = k > 0
        && matches!(
            doc.token_text(k - 1).to_lowercase().as_str(),
            "the" | "a" | "an" | "'s" | "’s" | "this" | "that"
        );
    let after = doc.tokens.get(k + 1).is_some_and(|t| {
        t.kind == TokenKind::Word
            && doc
                .token_text(k + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    });
    before && after
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn pair_before_a_noun_is_two_names_the_text_writes() {
        let n = names("The Trump-Putin summit in Helsinki ended. Trump said Putin was polite.");
        assert_eq!(n, ["Trump", "Putin", "Helsinki", "Trump", "Putin"]);
    }

    #[test]
    fn pair_before_a_noun_naming_no_one_again_is_no_actor() {
        let n = names("Banks fought the Dodd-Frank law for years.");
        assert!(n.is_empty(), "{n:?}");
    }

    #[test]
    fn demonym_compound_is_no_pair() {
        let n = names("She spoke to Muslim-Americans in Dearborn on Sunday.");
        assert!(!n.contains(&"Muslim".to_string()), "{n:?}");
    }

    #[test]
    fn prefix_before_a_name_is_no_pair() {
        let n = names("Protesters joined the Anti-Trump march. Trump said little.");
        assert!(!n.contains(&"Anti".to_string()), "{n:?}");
    }

    #[test]
    fn company_named_for_one_known_person_is_no_pair() {
        let n = names("Walter Hewlett fought the Hewlett-Packard merger. Hewlett lost.");
        assert!(!n.contains(&"Packard".to_string()), "{n:?}");
    }

    #[test]
    fn place_compound_is_no_pair() {
        let n = names("Voters in Miami-Dade waited for hours, Jim Smith said in Miami.");
        assert!(!n.contains(&"Dade".to_string()), "{n:?}");
    }

    #[test]
    fn pair_in_a_headline_is_two_names_the_body_writes() {
        let n = names(
            "Erdogan-Assad meeting possible, official says\n\nA meeting between Tayyip Erdogan and Bashar al-Assad is possible.",
        );
        assert!(n.starts_with(&["Erdogan".into(), "Assad".into()]), "{n:?}");
    }

    #[test]
    fn double_barrelled_surname_stays_one_name() {
        let n = names("State Rep. Gilda Cobb-Hunter said the bill would pass.");
        assert!(n.contains(&"Gilda Cobb-Hunter".to_string()), "{n:?}");
    }

    #[test]
    fn compound_given_name_stays_one_name() {
        let n = names("The Jean-Pierre briefing was short, reporters said.");
        assert!(!n.contains(&"Jean".to_string()), "{n:?}");
    }

    #[test]
    fn arabic_name_prefix_stays_one_name() {
        let n = names("The Abu-Marzouk interview ran on Monday.");
        assert!(!n.contains(&"Abu".to_string()), "{n:?}");
    }
}
