//! "the Trump-Putin summit", "Biden-Xi talks", "the Russia-Ukraine talks": a word of
//! two capitalised names joined by a hyphen, right before a meeting noun, names the
//! two sides of the meeting, one actor each. The chunker reads such a word as one name
//! ("Trump-Putin", a person) or, for two lexicon names, as an adjective (no mention);
//! this pass puts one mention on each half instead (mentions inside the token: byte
//! spans, as every mention has). A word that the text also writes elsewhere other than
//! before a meeting noun ("Alexandria Ocasio-Cortez … the Ocasio-Cortez meeting") is a
//! double name and stays whole. Pairs whose halves the text also writes alone are
//! split earlier, for any use (`pairs`); this pass adds the meeting-noun case, where no
//! half is written alone. It adds mentions only; it decides nothing about meetings.

use crate::nlp::fxhash::FxHashMap;
use crate::nlp::lexicon::{Form, Lexicon};
use crate::nlp::{Doc, Mention, Span, TokenKind};

/// Nouns of a meeting that a pair of sides may name ("the Trump-Kim summit").
const MEETING_NOUNS: &[&str] = &[
    "call",
    "calls",
    "conversation",
    "dialogue",
    "handshake",
    "meeting",
    "meetings",
    "negotiations",
    "summit",
    "summits",
    "talks",
];

/// The two halves of word `i` when it is two capitalised names joined by one hyphen,
/// as byte spans.
fn halves(doc: &Doc, i: usize) -> Option<(Span, Span)> {
    let tok = doc.tokens[i];
    if tok.kind != TokenKind::Word {
        return None;
    }
    let text = doc.token_text(i);
    let (a, b) = text.split_once('-')?;
    let name = |p: &str| {
        p.chars().count() >= 2
            && p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().all(char::is_alphabetic)
    };
    if !name(a) || !name(b) {
        return None;
    }
    let s = tok.span.start;
    Some((
        Span::new(s, s + a.len()),
        Span::new(s + a.len() + 1, tok.span.end),
    ))
}

/// Whether a meeting noun follows word `i`, after at most two lower-case words ("the
/// Trump-Putin phone call").
fn before_meeting_noun(doc: &Doc, i: usize) -> bool {
    for k in i + 1..(i + 4).min(doc.tokens.len()) {
        let t = doc.token_text(k);
        if MEETING_NOUNS.contains(&t) {
            return true;
        }
        let lower = doc.tokens[k].kind == TokenKind::Word
            && t.chars().next().is_some_and(char::is_lowercase);
        if !lower {
            return false;
        }
    }
    false
}

/// The mention of one half: a lexicon name's kind and canonical name, else a person.
/// `None` for a demonym ("Russian-Ukrainian"), which qualifies rather than names.
fn half_mention(doc: &Doc, lex: &Lexicon, span: Span) -> Option<Mention> {
    let demonym = matches!(
        lex.lookup(doc.text(span)).first(),
        Some(&(_, Form::Demonym))
    );
    (!demonym).then(|| super::pairs::part_mention(lex, doc, span))
}

/// Puts one mention on each half of the pair words in `out` (the mentions found so
/// far, in any order): a mention that is exactly the word becomes its first half, the
/// second half is added (a longer mention over the word wins over the halves when
/// overlaps are resolved).
pub(super) fn split(doc: &Doc, lex: &Lexicon, out: &mut Vec<Mention>) {
    let mut at: FxHashMap<usize, usize> = FxHashMap::default();
    let mut double: FxHashMap<&str, bool> = FxHashMap::default();
    for i in 0..doc.tokens.len() {
        let Some((a, b)) = halves(doc, i) else {
            continue;
        };
        if !before_meeting_noun(doc, i) {
            continue;
        }
        let text = doc.token_text(i);
        // (Looked up once per word: the text is bounded, the word may recur.)
        let double_name = *double.entry(text).or_insert_with(|| {
            super::elsewhere(doc, i)
                .any(|k| k != i && doc.token_text(k) == text && !before_meeting_noun(doc, k))
        });
        if double_name {
            continue;
        }
        let (Some(ma), Some(mb)) = (half_mention(doc, lex, a), half_mention(doc, lex, b)) else {
            continue;
        };
        if at.is_empty() {
            at = out
                .iter()
                .enumerate()
                .map(|(j, m)| (m.span.start, j))
                .collect();
        }
        let word = doc.tokens[i].span;
        match at.get(&word.start).copied() {
            Some(j) if out[j].span == word => {
                out[j] = ma;
                out.push(mb);
            }
            Some(_) => {}
            None => {
                out.push(ma);
                out.push(mb);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::nlp::mentions::tests::names;

    #[test]
    fn a_pair_before_a_summit_is_two_names() {
        let n = names("Critics attacked the Trump-Putin summit in Helsinki.");
        assert!(
            n.contains(&"Trump".to_string()) && n.contains(&"Putin".to_string()),
            "{n:?}"
        );
        assert!(!n.contains(&"Trump-Putin".to_string()), "{n:?}");
    }

    #[test]
    fn a_pair_of_countries_before_talks_is_two_names() {
        let n = names("After the Russia-Ukraine talks in Istanbul, both sides left.");
        assert!(
            n.contains(&"Russia".to_string()) && n.contains(&"Ukraine".to_string()),
            "{n:?}"
        );
    }

    #[test]
    fn a_double_name_written_elsewhere_stays_whole() {
        let n = names("Alexandria Ocasio-Cortez spoke. The Ocasio-Cortez meeting ran late.");
        assert!(!n.contains(&"Cortez".to_string()), "{n:?}");
    }

    #[test]
    fn a_pair_before_another_noun_stays_whole() {
        let n = names("He praised the Hewlett-Packard printers.");
        assert!(!n.contains(&"Packard".to_string()), "{n:?}");
    }
}
