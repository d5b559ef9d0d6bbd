//! Byte offsets (inside the pipeline) to character offsets (in the record).
//!
//! The extraction record counts Unicode scalar values; the pipeline counts bytes.
//! [`CharIndex`] converts once, at the record boundary. It does no other work.

use super::record::TextSpan;
use crate::nlp::Span;

/// Converts byte offsets of one text to character offsets.
pub struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset of every 64th character, for a short scan from the nearest one.
    checkpoints: Vec<usize>,
}

const STEP: usize = 64;

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let checkpoints = text.char_indices().step_by(STEP).map(|(b, _)| b).collect();
        CharIndex { text, checkpoints }
    }

    /// The character offset of byte `b` (which must be a char boundary; otherwise the
    /// offset of the character containing it).
    pub fn char_of(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        let k = self
            .checkpoints
            .partition_point(|&c| c <= b)
            .saturating_sub(1);
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        // The characters that start in `base..b`: every byte there but UTF-8's
        // continuation bytes (`10xxxxxx`).
        k * STEP
            + self.text.as_bytes()[base..b]
                .iter()
                .filter(|&&c| (c as i8) >= -0x40)
                .count()
    }

    /// A record span for a byte span.
    pub fn span(&self, s: Span) -> TextSpan {
        TextSpan {
            start: self.char_of(s.start),
            end: self.char_of(s.end),
            text: self.text.get(s.start..s.end).unwrap_or("").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        let text = "Türkiye’s “ok” ".repeat(20);
        let ix = CharIndex::new(&text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.char_of(b), ci);
        }
        assert_eq!(ix.char_of(text.len()), text.chars().count());
    }

    #[test]
    fn inside_a_character_counts_it() {
        let text = "aé€b".repeat(40);
        let ix = CharIndex::new(&text);
        for b in 0..=text.len() {
            let old = text.char_indices().take_while(|(i, _)| *i < b).count();
            assert_eq!(ix.char_of(b), old, "byte {b}");
        }
    }
}
