//! A country's or organisation's collective behind the field it works in: "Chinese
//! trade negotiators", "Iran's nuclear negotiators", "Hamas security officials". The
//! words between the owner and the collective name a field of state or organisational
//! business (trade, security, defence …), so the collective still stands for its owner,
//! as "Russian officials" does. A noun that names a community instead ("Palestinian
//! community leaders", "Russian opposition leaders") makes a group of its own
//! (`groups`). This module only answers whether chunks are field words; `combine`
//! builds the mention.

use super::chunks::{Chunk, ChunkKind};
use crate::nlp::{Doc, TokenKind};

/// Fields of state business, lower case, sorted for binary search. A word that may
/// name a community or a cause ("community", "opposition", "business", "rights") is
/// not one.
const FIELD_WORDS: &[&str] = &[
    "agriculture",
    "arms",
    "aviation",
    "border",
    "budget",
    "climate",
    "commerce",
    "consular",
    "counterterrorism",
    "customs",
    "defence",
    "defense",
    "diplomatic",
    "economic",
    "economy",
    "education",
    "election",
    "electoral",
    "energy",
    "environment",
    "environmental",
    "finance",
    "financial",
    "fiscal",
    "foreign",
    "health",
    "immigration",
    "intelligence",
    "interior",
    "justice",
    "maritime",
    "migration",
    "military",
    "monetary",
    "naval",
    "nuclear",
    "peace",
    "policy",
    "security",
    "tax",
    "trade",
    "transport",
    "treasury",
];

/// Whether the chunks `range` (one or two) are each a lower-case field word: the owner
/// before them owns the collective after them.
pub(super) fn field_words(doc: &Doc, chunks: &[Chunk], range: std::ops::Range<usize>) -> bool {
    !range.is_empty()
        && range.len() <= 2
        && chunks[range].iter().all(|c| {
            let i = c.tokens.start;
            c.kind == ChunkKind::Other
                && c.tokens.len() == 1
                && doc.tokens[i].kind == TokenKind::Word
                && FIELD_WORDS.binary_search(&doc.token_text(i)).is_ok()
        })
}

#[cfg(test)]
mod tests {
    use super::FIELD_WORDS;

    #[test]
    fn field_words_are_sorted() {
        assert!(FIELD_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
