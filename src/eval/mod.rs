//! **eval**: scores extraction against gold annotations (`newsgraph eval`).
//!
//! - `polnear`: statements against brat attribution files (PolNeAR format).
//! - `meetings`: meetings against gold in the JSON form of
//!   `shared/design/meeting-annotation.md`.
//! - `sources`: loads the texts the gold documents refer to (PolNeAR, PLOVER, M2E2)
//!   from `shared/eval`, so gold files keep only ids and annotations.
//!
//! This module only reads gold and extraction records and counts; it never changes
//! how extraction works.

pub mod actors;
pub mod meetings;
pub mod near_misses;
pub mod polnear;
pub mod sources;

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    /// Correct predictions.
    pub tp: usize,
    /// All predictions.
    pub predicted: usize,
    /// All gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    /// Recall (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}
