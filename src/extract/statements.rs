//! Statements: who said what, when (direct quotes, reported speech, mixed).
//!
//! Reads the annotated document; returns [`Statement`]s. (Being written.)

use super::Statement;
use crate::nlp::Doc;

/// Finds the statements the document attributes to a speaker.
pub fn extract(doc: &Doc) -> Vec<Statement> {
    let _ = doc;
    Vec::new()
}
