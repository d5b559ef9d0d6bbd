//! Meetings: who met whom, when, where, and how (in person, phone, video, visit).
//!
//! Reads the annotated document; returns [`Meeting`]s. (Being written.)

use super::Meeting;
use crate::nlp::Doc;

/// Finds the meetings the document reports as having happened.
pub fn extract(doc: &Doc) -> Vec<Meeting> {
    let _ = doc;
    Vec::new()
}
