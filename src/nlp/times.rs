//! Pass `times`: finds temporal expressions and resolves them against the article date.
//!
//! Reads: `doc.tokens`, `doc.sentences`, `doc.article.date`. Writes: `doc.times`.
//! (To be filled in: see the meetings work.)

use super::Doc;

/// Pass entry point: fills `doc.times`.
pub fn find(doc: &mut Doc) {
    doc.times.clear();
}
