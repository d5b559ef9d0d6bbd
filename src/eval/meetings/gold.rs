//! The meeting gold format (`shared/design/meeting-annotation.md`): serde types and
//! reading. This module does not score.

use std::path::Path;

use anyhow::Context;
use serde::Deserialize;

/// One gold file: a dataset and its documents.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldFile {
    /// Dataset name (`m2e2`, `plover`, `polnear`, `corpus`).
    pub dataset: String,
    /// Annotated documents.
    pub docs: Vec<GoldDoc>,
}

/// One annotated document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// Document id within the dataset.
    pub doc: String,
    /// All meetings it reports.
    #[serde(default)]
    pub meetings: Vec<GoldMeeting>,
    /// Sentences that look like meetings but are not.
    #[serde(default)]
    pub non_meetings: Vec<NonMeeting>,
}

/// A gold meeting.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldMeeting {
    /// Participants, each a list of acceptable names.
    pub participants: Vec<GoldParticipant>,
    /// in_person | phone | video | visit | unknown.
    #[serde(default)]
    pub mode: Option<String>,
    /// "YYYY-MM-DD", {"start", "end"}, or null.
    #[serde(default)]
    pub date: serde_json::Value,
    /// Acceptable place names.
    #[serde(default)]
    pub place: Option<Vec<String>>,
    /// Borderline: neither a hit nor a miss counts.
    #[serde(default)]
    pub optional: bool,
    /// The clause that reports it.
    #[serde(default)]
    pub evidence: String,
}

/// A gold participant.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldParticipant {
    /// Acceptable names, full name first.
    pub names: Vec<String>,
    /// Whether the text states the actor took part.
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

/// A look-alike that is no meeting.
#[derive(Debug, Clone, Deserialize)]
pub struct NonMeeting {
    /// The text that could fool a keyword matcher.
    pub evidence: String,
    /// future | intent | generic | negated | call_for | message | speech | other.
    #[serde(default)]
    pub reason: String,
}

impl GoldMeeting {
    /// The gold date as (start, end) ISO strings; `None` when unknown.
    pub fn date_bounds(&self) -> Option<(String, String)> {
        match &self.date {
            serde_json::Value::String(s) => Some((s.clone(), s.clone())),
            serde_json::Value::Object(o) => {
                let s = o.get("start")?.as_str()?.to_string();
                let e = o
                    .get("end")
                    .and_then(|e| e.as_str())
                    .unwrap_or(&s)
                    .to_string();
                Some((s, e))
            }
            _ => None,
        }
    }
}

/// Reads a gold file.
pub fn read(path: &Path) -> anyhow::Result<GoldFile> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{}: not a meeting gold file", path.display()))
}
