//! The ASCII stand-in of a text: a copy with the same byte offsets that the temporal
//! patterns search instead of the text, for speed (see [`ascii_stand_in`]).
//!
//! It neither searches nor parses; `patterns` reads the words after each hit from the
//! original text.

use std::sync::OnceLock;

use regex::Regex;

/// An ASCII copy of `text` with the same byte offsets that every pattern matches
/// exactly where it matches `text`, or `None` when there is none (a non-ASCII digit).
///
/// Why: the patterns' `\b` is Unicode-aware, and the regex engine's fast (DFA) search
/// gives up at the first non-ASCII byte and falls back to a far slower one; news text
/// is rarely pure ASCII (curly quotes, dashes, no-break spaces). Each non-ASCII
/// character becomes as many bytes of one ASCII stand-in of its class for the
/// patterns: white space (`\s`) becomes spaces, a word character (`\w`) `q` (a letter
/// no pattern spells), anything else `#`. Patterns start and end on ASCII letters or
/// digits and read their groups' words (white space normalised), so the hits, their
/// offsets and their meaning are those of `text`.
pub(super) fn ascii_stand_in(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    if text.is_ascii() {
        return Some(std::borrow::Cow::Borrowed(text));
    }
    static CLASSES: OnceLock<Option<(Regex, Regex)>> = OnceLock::new();
    let (word, digit) = CLASSES
        .get_or_init(|| Some((Regex::new(r"^\w$").ok()?, Regex::new(r"^\d$").ok()?)))
        .as_ref()?;
    let mut out = String::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let s: &str = c.encode_utf8(&mut buf);
        let stand_in = if c.is_whitespace() {
            ' '
        } else if digit.is_match(s) {
            return None;
        } else if word.is_match(s) {
            'q'
        } else {
            '#'
        };
        out.extend(std::iter::repeat_n(stand_in, s.len()));
    }
    Some(std::borrow::Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_in_keeps_byte_offsets() {
        let text = "Zoë met him «on Monday»";
        let ascii = ascii_stand_in(text).unwrap();
        assert_eq!(ascii.len(), text.len());
        assert!(ascii.is_ascii());
    }

    #[test]
    fn no_stand_in_for_other_digits() {
        assert!(ascii_stand_in("on ١٢ October").is_none());
    }
}
