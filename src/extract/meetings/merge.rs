//! Merging: candidates that tell the same event become one meeting (same actors or
//! the same sides, no clash of date, place or mode; "the meeting" referring back; two
//! triggers of one sentence).
//!
//! Reads only the candidates and the document's entities; finds nothing new.

use std::collections::BTreeSet;

use super::{push_all, Cand};
use crate::extract::{Meeting, MeetingMode};
use crate::nlp::lexicon::lexicon;
use crate::nlp::{ActorKind, DateRange, Doc};

/// The side each participant stands for: the country or organisation of its role
/// ("Russian deputy foreign minister X" → Russia), the lexicon country of a place or
/// ministry ("Moscow" → Russia), or itself.
fn sides(doc: &Doc, parts: &[usize]) -> BTreeSet<String> {
    let lex = lexicon();
    parts
        .iter()
        .filter_map(|&p| doc.entities.get(p))
        .map(|e| {
            if let Some(of) = e.roles.iter().find_map(|r| r.of) {
                if let Some(o) = doc.entities.get(of) {
                    return o.canonical.clone().unwrap_or_else(|| o.name.clone());
                }
            }
            let own = e.canonical.clone().unwrap_or_else(|| e.name.clone());
            // "Russian Foreign Ministry" stands for Russia.
            if e.kind == ActorKind::Organization {
                if let Some(first) = e.name.split_whitespace().next() {
                    if let Some(&(i, crate::nlp::lexicon::Form::Demonym)) =
                        lex.lookup(first).first()
                    {
                        return lex.entries[i].canonical.clone();
                    }
                }
            }
            if let Some(x) = lex.entry_named(&own) {
                let state = e.kind == ActorKind::Place
                    || x.subtype.as_deref().is_some_and(|t| t == "government");
                if let Some(c) = x.country.clone().filter(|_| state) {
                    return c;
                }
            }
            own
        })
        .collect()
}

fn overlaps(a: &DateRange, b: &DateRange) -> bool {
    match (a.start, a.end, b.start, b.end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
        _ => true,
    }
}

fn mode_compatible(a: MeetingMode, b: MeetingMode) -> bool {
    use MeetingMode::*;
    let remote = |m| matches!(m, Phone | Video);
    a == Unknown || b == Unknown || remote(a) == remote(b)
}

/// How many sentences back "the meeting", "X's meeting" may refer (the nearest meeting
/// sharing a participant is taken).
const REFER_BACK: usize = 25;

/// How many earlier meetings a candidate is compared with for merging.
const MERGE_WINDOW: usize = 24;

/// Merges candidates that tell the same event.
pub(super) fn merge(doc: &Doc, cands: Vec<Cand>) -> Vec<Meeting> {
    let mut out: Vec<Cand> = Vec::new();
    for c in cands {
        let cs = sides(doc, &c.meeting.participants);
        // Only recent meetings can be retold (keeps long documents linear).
        let target = out.iter_mut().rev().take(MERGE_WINDOW).find(|e| {
            let m = &e.meeting;
            let shared = m
                .participants
                .iter()
                .filter(|p| c.meeting.participants.contains(p))
                .count();
            let shared_sides = sides(doc, &m.participants).intersection(&cs).count();
            // "In a much anticipated call, Trump also spoke with Putin": two triggers of
            // one sentence for the same actors tell one event.
            let same_sentence = e.sentence == c.sentence && shared >= 2;
            // "X visited the Capitol to meet with Y": the visit is the meeting's setting.
            let visit_for = e.sentence == c.sentence
                && shared >= 1
                && (m.mode == MeetingMode::Visit) != (c.meeting.mode == MeetingMode::Visit);
            // "The meeting with Eggleston managed to delay …": the meeting just told.
            let refers_back = c.anaphoric && shared >= 1 && c.sentence - e.sentence <= REFER_BACK;
            // "Trump met Netanyahu on Monday. He also met members of the delegation":
            // a telling whose other side is an unnamed group joins the nearby meeting
            // of its named participants.
            let group = |p: &usize| {
                doc.entities
                    .get(*p)
                    .is_some_and(|x| x.kind == ActorKind::Group)
            };
            let group_retell = c.meeting.participants.iter().any(group)
                && c.sentence - e.sentence <= 2
                && c.meeting
                    .participants
                    .iter()
                    .filter(|p| !group(p))
                    .all(|p| m.participants.contains(p));
            !c.earlier
                && (shared >= 2 || shared_sides >= 2 || refers_back || visit_for || group_retell)
                && overlaps(&m.date, &c.meeting.date)
                && (m.place.is_none()
                    || c.meeting.place.is_none()
                    || m.place == c.meeting.place
                    || visit_for)
                && (mode_compatible(m.mode, c.meeting.mode) || same_sentence)
        });
        match target {
            Some(e) => {
                // Recency for later references counts from the latest retelling.
                e.sentence = e.sentence.max(c.sentence);
                let m = &mut e.meeting;
                push_all(&mut m.participants, &c.meeting.participants);
                if m.date.start.is_none() && m.date.end.is_none() {
                    m.date = c.meeting.date;
                    m.date_span = c.meeting.date_span;
                }
                if m.place.is_none() {
                    m.place = c.meeting.place;
                }
                let remote = matches!(c.meeting.mode, MeetingMode::Phone | MeetingMode::Video);
                if (matches!(m.mode, MeetingMode::Unknown | MeetingMode::Visit) || remote)
                    && c.meeting.mode != MeetingMode::Unknown
                {
                    m.mode = c.meeting.mode;
                }
                m.confidence = m.confidence.max(c.meeting.confidence);
            }
            None => out.push(c),
        }
    }
    out.into_iter().map(|c| c.meeting).collect()
}
