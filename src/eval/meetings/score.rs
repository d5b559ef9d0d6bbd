//! Scoring one document: predicted meetings (from an extraction record) against gold
//! meetings, exactly as issue 3 says.
//!
//! - A predicted participant matches a gold one when its name or one of its aliases
//!   equals one of the gold names (case- and diacritic-insensitively), or is contained
//!   in one as a token subsequence ("Marzook" in "Mousa Abu Marzook"); the rules
//!   are in `names`.
//! - A predicted meeting matches a gold meeting when at least two of its participants
//!   match distinct gold participants (one when the gold names only one). Matching is
//!   one-to-one, best pairs first; optional gold meetings count neither way.
//! - Participant precision/recall, date, mode and place accuracy are counted over the
//!   matched pairs.
//!
//! The counts themselves are `counts`. This module does not run extraction or print.

use super::counts::{Counts, DocErrors};
use super::gold::{GoldDoc, GoldMeeting};
use super::names::{any_match, norm_tokens, with_canonical};
use crate::extract::{MeetingRecord, Record};

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
    let preds = predictions(record);
    let pairs = candidate_pairs(&preds, gold, text);
    let mut pred_used = vec![false; preds.len()];
    let mut gold_used = vec![false; gold.meetings.len()];
    let mut c = Counts::default();
    let mut err = DocErrors::default();
    let mut optional_hits = 0;
    for pair in pairs {
        let (pi, gi) = (pair.pred, pair.gold);
        if pred_used[pi] || gold_used[gi] {
            continue;
        }
        pred_used[pi] = true;
        gold_used[gi] = true;
        if pair.optional {
            optional_hits += 1;
            continue;
        }
        count_match(&preds[pi], &gold.meetings[gi], &mut c, &mut err);
    }
    c.gold = gold.meetings.iter().filter(|g| !g.optional).count();
    c.predicted = preds.len() - optional_hits;
    for (gi, g) in gold.meetings.iter().enumerate() {
        if !gold_used[gi] && !g.optional {
            err.misses.push(describe_gold(g));
        }
    }
    count_false_positives(&preds, &pred_used, gold, text, &mut c, &mut err);
    (c, err)
}

/// The record's meetings with their participants' and place's names.
fn predictions(record: &Record) -> Vec<Pred<'_>> {
    record
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
        .collect()
}

/// A predicted and a gold meeting that share enough participants to be paired.
struct Pair {
    /// Participants they share.
    shared: usize,
    /// Index of the predicted meeting.
    pred: usize,
    /// Index of the gold meeting.
    gold: usize,
    /// Whether the gold meeting is optional.
    optional: bool,
    /// Whether the prediction's evidence overlaps the gold's.
    same_text: bool,
    /// Whether the prediction gives the gold's date.
    same_day: bool,
}

/// The candidate pairs, best first: non-optional gold first, then more shared
/// participants; among those, the gold meeting whose evidence the prediction overlaps
/// and whose date it gives (two meetings of one pair on different days pair up by what
/// they say, not by text order), then text order.
fn candidate_pairs(preds: &[Pred], gold: &GoldDoc, text: &str) -> Vec<Pair> {
    let gold_spans: Vec<Option<(usize, usize)>> = gold
        .meetings
        .iter()
        .map(|g| char_span_of(text, &g.evidence))
        .collect();
    let mut pairs: Vec<Pair> = Vec::new();
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
                pairs.push(Pair {
                    shared: n,
                    pred: pi,
                    gold: gi,
                    optional: g.optional,
                    same_text,
                    same_day,
                });
            }
        }
    }
    pairs.sort_by_key(|x| {
        (
            x.optional,
            std::cmp::Reverse(x.shared),
            !x.same_text,
            !x.same_day,
            x.gold,
            x.pred,
        )
    });
    pairs
}

/// Counts a matched pair: its participants, and its date, mode and place against the
/// gold's (a wrong one goes to `err.wrong`).
fn count_match(p: &Pred, g: &GoldMeeting, c: &mut Counts, err: &mut DocErrors) {
    c.tp += 1;
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

/// Lists the predictions left unpaired as false positives, and counts those whose
/// trigger falls on one of the gold's non-meetings (its look-alikes).
fn count_false_positives(
    preds: &[Pred],
    pred_used: &[bool],
    gold: &GoldDoc,
    text: &str,
    c: &mut Counts,
    err: &mut DocErrors,
) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
