//! Scoring one document: predicted meetings (from an extraction record) against gold
//! meetings, exactly as issue 3 says.
//!
//! - A predicted participant matches a gold one when its name or one of its aliases
//!   equals one of the gold names (case- and diacritic-insensitively), or is contained
//!   in one as a token subsequence ("Marzook" in "Mousa Abu Marzook").
//! - A predicted meeting matches a gold meeting when at least two of its participants
//!   match distinct gold participants (one when the gold names only one). Matching is
//!   one-to-one, best pairs first; optional gold meetings count neither way.
//! - Participant precision/recall, date, mode and place accuracy are counted over the
//!   matched pairs.
//!
//! This module does not run extraction or print.

use serde::Serialize;

use super::gold::{GoldDoc, GoldMeeting};
use crate::extract::{MeetingRecord, Record};

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

/// Lower case, no diacritics, tokens of letters and digits only.
pub fn norm_tokens(s: &str) -> Vec<String> {
    deunicode::deunicode(s)
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|t| {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether a predicted name matches one gold name: equal, or a token subsequence.
pub fn name_matches(pred: &[String], gold: &[String]) -> bool {
    if pred.is_empty() || gold.is_empty() {
        return false;
    }
    pred == gold || (pred.len() < gold.len() && gold.windows(pred.len()).any(|w| w == pred))
}

/// A gold name and, when the lexicon knows it as a name of a country or organisation,
/// that entry's canonical name: gold "Turkey" accepts the system's "Türkiye", the same
/// country by its own name (demonyms and capitals are not names of the entry).
pub fn with_canonical(name: &str) -> Vec<Vec<String>> {
    let lex = crate::nlp::lexicon::lexicon();
    let mut v = vec![norm_tokens(name)];
    for &(e, form) in lex.lookup(name) {
        if form == crate::nlp::lexicon::Form::Name {
            let c = norm_tokens(&lex.entries[e].canonical);
            if !v.contains(&c) {
                v.push(c);
            }
        }
    }
    v
}

/// Whether any of the predicted names matches any gold name.
pub fn any_match(pred: &[Vec<String>], gold: &[Vec<String>]) -> bool {
    pred.iter().any(|p| gold.iter().any(|g| name_matches(p, g)))
}

/// A predicted meeting with its names resolved.
struct Pred<'a> {
    rec: &'a MeetingRecord,
    /// Per participant: its normalised name and aliases.
    parts: Vec<Vec<Vec<String>>>,
    place: Vec<Vec<String>>,
    names: Vec<String>,
}

fn actor_names(record: &Record, id: &str) -> (Vec<Vec<String>>, String) {
    match record.actors.iter().find(|a| a.id == id) {
        Some(a) => {
            let mut v = vec![norm_tokens(&a.name)];
            v.extend(a.aliases.iter().map(|x| norm_tokens(x)));
            (v, a.name.clone())
        }
        None => (Vec::new(), id.to_string()),
    }
}

/// One-to-one participant matching: (matched pred participants, matched gold
/// participants as indices).
fn match_participants(p: &Pred, g: &GoldMeeting) -> (usize, Vec<usize>) {
    let gold: Vec<Vec<Vec<String>>> = g
        .participants
        .iter()
        .map(|x| x.names.iter().flat_map(|n| with_canonical(n)).collect())
        .collect();
    let mut used = vec![false; gold.len()];
    let mut matched = 0;
    for names in &p.parts {
        if let Some(j) = (0..gold.len()).find(|&j| !used[j] && any_match(names, &gold[j])) {
            used[j] = true;
            matched += 1;
        }
    }
    let idx = (0..gold.len()).filter(|&j| used[j]).collect();
    (matched, idx)
}

fn mode_str(r: &MeetingRecord) -> String {
    serde_json::to_value(r.mode)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn describe_gold(g: &GoldMeeting) -> String {
    let names: Vec<&str> = g
        .participants
        .iter()
        .filter_map(|p| p.names.first().map(String::as_str))
        .collect();
    format!("[{}] {}", names.join(", "), g.evidence)
}

fn describe_pred(p: &Pred) -> String {
    format!("[{}] {}", p.names.join(", "), p.rec.evidence.text)
}

/// Whether a predicted date fits the gold day or range `gs..ge`: the same bounds, or
/// one day inside a gold range.
fn date_ok(r: &MeetingRecord, gs: &str, ge: &str) -> bool {
    let ps = r.date.start.as_deref().unwrap_or_default();
    let pe = r.date.end.as_deref().unwrap_or_default();
    (ps == gs && pe == ge) || (gs != ge && ps == pe && !ps.is_empty() && gs <= ps && ps <= ge)
}

/// The character span of the first occurrence of `evidence` in `text` (the record's
/// offsets count characters), or `None` when it is empty or absent.
fn char_span_of(text: &str, evidence: &str) -> Option<(usize, usize)> {
    if evidence.is_empty() {
        return None;
    }
    let b = text.find(evidence)?;
    let start = text[..b].chars().count();
    Some((start, start + evidence.chars().count()))
}

/// Scores one document; `text` is its body (to place gold non-meetings).
pub fn score_doc(gold: &GoldDoc, record: &Record, text: &str) -> (Counts, DocErrors) {
    let preds: Vec<Pred> = record
        .meetings
        .iter()
        .map(|m| {
            let mut parts = Vec::new();
            let mut names = Vec::new();
            for id in &m.participants {
                let (n, name) = actor_names(record, id);
                parts.push(n);
                names.push(name);
            }
            let place = m
                .place
                .as_deref()
                .map(|id| actor_names(record, id).0)
                .unwrap_or_default();
            Pred {
                rec: m,
                parts,
                place,
                names,
            }
        })
        .collect();
    // Candidate pairs with their participant overlap, best first.
    let gold_spans: Vec<Option<(usize, usize)>> = gold
        .meetings
        .iter()
        .map(|g| char_span_of(text, &g.evidence))
        .collect();
    let mut pairs: Vec<(usize, usize, usize, bool, bool, bool)> = Vec::new();
    for (pi, p) in preds.iter().enumerate() {
        for (gi, g) in gold.meetings.iter().enumerate() {
            let (n, _) = match_participants(p, g);
            let need = g.participants.len().clamp(1, 2);
            if n >= need {
                let same_text = gold_spans[gi]
                    .is_some_and(|(gs, ge)| p.rec.evidence.start < ge && gs < p.rec.evidence.end);
                let same_day = g
                    .date_bounds()
                    .is_some_and(|(gs, ge)| date_ok(p.rec, &gs, &ge));
                pairs.push((n, pi, gi, g.optional, same_text, same_day));
            }
        }
    }
    // Non-optional gold first, then more shared participants; among those, the gold
    // meeting whose evidence the prediction overlaps and whose date it gives (two
    // meetings of one pair on different days pair up by what they say, not by text
    // order), then text order.
    pairs.sort_by_key(|&(n, pi, gi, opt, same_text, same_day)| {
        (opt, std::cmp::Reverse(n), !same_text, !same_day, gi, pi)
    });
    let mut pred_used = vec![false; preds.len()];
    let mut gold_used = vec![false; gold.meetings.len()];
    let mut c = Counts::default();
    let mut err = DocErrors::default();
    let mut optional_hits = 0;
    for (_, pi, gi, opt, _, _) in pairs {
        if pred_used[pi] || gold_used[gi] {
            continue;
        }
        pred_used[pi] = true;
        gold_used[gi] = true;
        if opt {
            optional_hits += 1;
            continue;
        }
        c.tp += 1;
        let p = &preds[pi];
        let g = &gold.meetings[gi];
        let (n, idx) = match_participants(p, g);
        c.part_pred += p.parts.len();
        c.part_pred_ok += n;
        let required: Vec<usize> = (0..g.participants.len())
            .filter(|&j| g.participants[j].required)
            .collect();
        c.part_gold += required.len();
        c.part_gold_ok += required.iter().filter(|j| idx.contains(j)).count();
        let mut wrong = Vec::new();
        if let Some((gs, ge)) = g.date_bounds() {
            c.dated += 1;
            let ps = p.rec.date.start.clone().unwrap_or_default();
            let pe = p.rec.date.end.clone().unwrap_or_default();
            if date_ok(p.rec, &gs, &ge) {
                c.date_ok += 1;
            } else {
                wrong.push(format!("date {ps}..{pe} (gold {gs}..{ge})"));
            }
        }
        if let Some(gm) = g.mode.as_deref().filter(|m| *m != "unknown") {
            c.moded += 1;
            let pm = mode_str(p.rec);
            if pm == gm {
                c.mode_ok += 1;
            } else {
                wrong.push(format!("mode {pm} (gold {gm})"));
            }
        }
        if let Some(gp) = &g.place {
            c.placed += 1;
            let gpn: Vec<Vec<String>> = gp.iter().map(|x| norm_tokens(x)).collect();
            if any_match(&p.place, &gpn) {
                c.place_ok += 1;
            } else {
                wrong.push(format!(
                    "place {:?} (gold {gp:?})",
                    p.place.first().map(|x| x.join(" "))
                ));
            }
        }
        if !wrong.is_empty() {
            err.wrong
                .push(format!("{} -- {}", describe_pred(p), wrong.join("; ")));
        }
    }
    c.gold = gold.meetings.iter().filter(|g| !g.optional).count();
    c.predicted = preds.len() - optional_hits;
    for (gi, g) in gold.meetings.iter().enumerate() {
        if !gold_used[gi] && !g.optional {
            err.misses.push(describe_gold(g));
        }
    }
    // Where the gold's look-alikes are, in characters.
    let spans: Vec<(usize, usize, &str)> = gold
        .non_meetings
        .iter()
        .filter_map(|n| {
            let b = text.find(&n.evidence)?;
            let s = text[..b].chars().count();
            Some((s, s + n.evidence.chars().count(), n.reason.as_str()))
        })
        .collect();
    for (pi, p) in preds.iter().enumerate() {
        if pred_used[pi] {
            continue;
        }
        let at = p
            .rec
            .trigger
            .as_ref()
            .map(|t| t.start)
            .unwrap_or(p.rec.evidence.start);
        let on = spans.iter().find(|(s, e, _)| *s <= at && at < *e);
        if on.is_some() {
            c.non_meeting_hits += 1;
        }
        let tag = on
            .map(|(_, _, r)| format!(" (gold non-meeting: {r})"))
            .unwrap_or_default();
        err.false_positives
            .push(format!("{}{tag}", describe_pred(p)));
    }
    (c, err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        norm_tokens(s)
    }

    #[test]
    fn surname_matches_full_name() {
        assert!(name_matches(&t("Marzook"), &t("Mousa Abu Marzook")));
    }

    #[test]
    fn diacritics_and_case_are_ignored() {
        assert!(name_matches(&t("ERDOGAN"), &t("Recep Tayyip Erdoğan")));
    }

    #[test]
    fn longer_prediction_does_not_match_shorter_gold() {
        assert!(!name_matches(&t("Russian Foreign Ministry"), &t("Russia")));
    }

    /// Two meetings of one pair on different days: each prediction pairs with the gold
    /// meeting it tells, not with the first gold meeting in the file.
    #[test]
    fn same_pair_on_two_days_pairs_by_evidence_and_date() {
        let text = "John Kerry met Sergei Lavrov in Geneva on Monday. \
                    Kerry met Lavrov again in Rome on Friday.";
        let article = crate::corpus::Article {
            id: "t".into(),
            date: chrono::NaiveDate::from_ymd_opt(2016, 9, 17),
            title: None,
            url: None,
            body: text.into(),
            source: "t".into(),
            line: None,
        };
        let record = crate::extract::extract_article(article, &Default::default());
        assert_eq!(record.meetings.len(), 2, "{:?}", record.meetings);
        let gold: GoldDoc = serde_json::from_value(serde_json::json!({
            "doc": "t",
            "meetings": [
                {"participants": [{"names": ["John Kerry", "Kerry"], "required": true},
                                  {"names": ["Sergei Lavrov", "Lavrov"], "required": true}],
                 "mode": "in_person", "date": "2016-09-16", "place": ["Rome"],
                 "evidence": "Kerry met Lavrov again in Rome on Friday"},
                {"participants": [{"names": ["John Kerry", "Kerry"], "required": true},
                                  {"names": ["Sergei Lavrov", "Lavrov"], "required": true}],
                 "mode": "in_person", "date": "2016-09-12", "place": ["Geneva"],
                 "evidence": "John Kerry met Sergei Lavrov in Geneva on Monday"}
            ]
        }))
        .unwrap();
        let (c, _) = score_doc(&gold, &record, text);
        assert_eq!((c.tp, c.dated, c.date_ok), (2, 2, 2));
        assert_eq!((c.placed, c.place_ok), (2, 2));
    }

    #[test]
    fn gold_country_name_accepts_its_canonical_name() {
        assert!(with_canonical("Turkey").contains(&t("Türkiye")));
    }

    #[test]
    fn gold_demonym_does_not_accept_the_country() {
        assert!(!with_canonical("Turkish").contains(&t("Türkiye")));
    }

    #[test]
    fn partial_token_is_no_match() {
        assert!(!name_matches(&t("Abu"), &t("Abubakar Shekau")));
    }
}
