//! Sentence shape, for chunking: whether a token opens its sentence, whether a
//! sentence is a Title Case headline, and which capitalised words the document uses
//! inside sentences. It makes no chunks (that is `chunks::chunk`).

use std::collections::HashSet;
use std::ops::Range;

use super::chunks::is_cap_word;
use super::junk;
use crate::nlp::{Doc, TokenKind};

/// Whether token `i` opens its sentence (only quotes or brackets before it).
pub fn is_sentence_initial(doc: &Doc, start: usize, i: usize) -> bool {
    (start..i).all(|k| {
        matches!(doc.tokens[k].kind, TokenKind::Quote)
            || matches!(doc.token_text(k), "(" | "[" | "—" | "-")
    })
}

/// Whether a sentence is a headline in Title Case ("Chris Christie Calls Hillary
/// Clinton a Liar"): most of its words of three letters or more are capitalised, and
/// the only lower-case ones are the short function words Title Case leaves small. A
/// body sentence dense with names ("Barack Obama met David Cameron") still has its
/// verb in lower case, so it is no headline. It needs four such words, or three in the
/// first paragraph of a text with more (`first_paragraph`), where the title stands
/// ("Biden Meets Xi In California"); elsewhere three are a photo credit or a caption
/// ("Jim Urquhart / Reuters").
pub fn is_title_case(doc: &Doc, range: Range<usize>, first_paragraph: bool) -> bool {
    let (mut words, mut caps) = (0, 0);
    for i in range {
        let w = doc.token_text(i);
        if doc.tokens[i].kind != TokenKind::Word || w.chars().nth(2).is_none() {
            continue;
        }
        words += 1;
        let first = w.chars().next();
        if first.is_some_and(char::is_uppercase) {
            caps += 1;
        } else if first.is_some_and(char::is_lowercase)
            && TITLE_CASE_SMALL_WORDS.binary_search(&w).is_err()
        {
            // A lower-case content word: no headline.
            return false;
        }
    }
    let min = if first_paragraph { 3 } else { 4 };
    words >= min && caps * 10 >= words * 8
}

/// Words of three letters or more that Title Case headlines leave in lower case
/// (articles, conjunctions, prepositions), sorted for binary search.
const TITLE_CASE_SMALL_WORDS: &[&str] = &[
    "about", "after", "against", "amid", "and", "before", "but", "for", "from", "into", "near",
    "nor", "off", "onto", "over", "per", "than", "the", "under", "upon", "via", "with", "yet",
];

/// Capitalised words the document uses inside sentences (headlines and clause openings
/// left out): a sentence-initial word, or any word of a Title Case headline, counts as
/// a name only if it also stands capitalised elsewhere (or is a given name or a lexicon
/// name).
/// `headlines` tells, per sentence, whether it [`is_title_case`].
pub fn mid_sentence_capitals<'d>(doc: &'d Doc, headlines: &[bool]) -> HashSet<&'d str> {
    let mut set = HashSet::new();
    for (s, &headline) in doc.sentences.iter().zip(headlines) {
        if headline {
            continue;
        }
        for i in s.tokens.clone() {
            if is_cap_word(doc, i) && !junk::opens_clause(doc, s.tokens.start, i) {
                let prev = doc.token_text(i - 1);
                if !matches!(prev, ":" | "." | "?" | "!") {
                    set.insert(doc.token_text(i));
                }
            }
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;

    #[test]
    fn short_title_case_headline_keeps_names_apart() {
        let n = names("Biden Meets Xi In California\n\nPresident Joe Biden met Chinese leader Xi Jinping. Xi told Biden it went well.");
        assert!(!n.iter().any(|m| m.contains("Meets")), "{n:?}");
    }
}
