//! What scoring meetings counts: [`Counts`] per document and summed over a dataset
//! (matched meetings, participants, dates, modes, places), the [`ratio`]s printed
//! from them, and the [`DocErrors`] listed by `--errors`.
//!
//! Plain data; `score` fills it, the `eval meetings` command prints it.

use serde::Serialize;

/// Counts for a set of documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Matched non-optional gold meetings.
    pub tp: usize,
    /// Predicted meetings, minus those matched to optional gold.
    pub predicted: usize,
    /// Non-optional gold meetings.
    pub gold: usize,
    /// Predicted participants of matched meetings.
    pub part_pred: usize,
    /// Of those, how many match a gold participant.
    pub part_pred_ok: usize,
    /// Required gold participants of matched meetings.
    pub part_gold: usize,
    /// Of those, how many a predicted participant matches.
    pub part_gold_ok: usize,
    /// Matched meetings whose gold has a date.
    pub dated: usize,
    /// Of those, how many have the right date.
    pub date_ok: usize,
    /// Matched meetings whose gold states a mode.
    pub moded: usize,
    /// Of those, right mode.
    pub mode_ok: usize,
    /// Matched meetings whose gold has a place.
    pub placed: usize,
    /// Of those, right place.
    pub place_ok: usize,
    /// False positives that fall on a gold non-meeting.
    pub non_meeting_hits: usize,
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.part_pred += o.part_pred;
        self.part_pred_ok += o.part_pred_ok;
        self.part_gold += o.part_gold;
        self.part_gold_ok += o.part_gold_ok;
        self.dated += o.dated;
        self.date_ok += o.date_ok;
        self.moded += o.moded;
        self.mode_ok += o.mode_ok;
        self.placed += o.placed;
        self.place_ok += o.place_ok;
        self.non_meeting_hits += o.non_meeting_hits;
    }
}

/// A ratio, 1 when the denominator is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The errors of one document, for `--errors`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocErrors {
    /// Gold meetings not found: participants' first names and evidence.
    pub misses: Vec<String>,
    /// Predicted meetings with no gold: participants' names and evidence.
    pub false_positives: Vec<String>,
    /// Matched meetings with a wrong date, mode or place.
    pub wrong: Vec<String>,
}
