//! Cross-document identity of meetings (statements: [`super::statements`]).
//!
//! Two reports are one meeting when they come from different articles and agree on
//! everything both state: dates that overlap (an undated article's "Thursday" fits a
//! dated source's Thursday), the same place (or a city inside the other's country), a
//! compatible mode, and at least two shared participants once people are widened to
//! the organisations and countries their roles name (a Hamas delegation and Mousa Abu
//! Marzook of Hamas overlap).
//! Clustering is greedy over a content-based order, so it never depends on input order.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};

use crate::extract::{MeetingMode, Record};
use crate::nlp::fxhash::FxHashSet;

/// One meeting report, reduced to what identity needs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MeetingObs {
    /// (article id, local meeting id).
    pub at: (String, String),
    /// Participant IRIs.
    pub participants: BTreeSet<String>,
    /// Participants plus the organisations and countries of their roles.
    pub widened: BTreeSet<String>,
    /// Each participant's affiliations: the organisations and countries of its roles,
    /// and the country of an organisation.
    pub affiliations: BTreeMap<String, BTreeSet<String>>,
    /// First and last day, when known.
    pub start: Option<NaiveDate>,
    /// Last day.
    pub end: Option<NaiveDate>,
    /// A weekday named by an unresolved date ("Thursday").
    pub weekday: Option<Weekday>,
    /// Place IRI and the IRI of the place's country, if known.
    pub place: Option<(String, Option<String>)>,
    /// Mode.
    pub mode: MeetingMode,
}

fn parse_day(s: &Option<String>) -> Option<NaiveDate> {
    s.as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

fn weekday_in(text: &str) -> Option<Weekday> {
    let t = text.to_lowercase();
    [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ]
    .iter()
    .find(|(n, _)| t.contains(n))
    .map(|(_, w)| *w)
}

/// Collects the meeting reports of a record (actor IRIs must already be resolved).
/// `country_of` gives the country IRI of a place or organisation IRI, if known.
pub fn meeting_obs(rec: &Record, country_of: &dyn Fn(&str) -> Option<String>) -> Vec<MeetingObs> {
    let iri_of = |local: &str| rec.actor_iri(local).map(String::from);
    rec.meetings
        .iter()
        .map(|m| {
            let participants: BTreeSet<String> =
                m.participants.iter().filter_map(|p| iri_of(p)).collect();
            let mut widened = participants.clone();
            let mut affiliations: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for p in &m.participants {
                if let Some(a) = rec.actors.iter().find(|a| &a.id == p) {
                    let aff = affiliations.entry(a.iri.clone()).or_default();
                    for r in &a.roles {
                        if let Some(of) = r.of.as_deref().and_then(iri_of) {
                            aff.extend(country_of(&of));
                            aff.insert(of);
                        }
                    }
                    aff.extend(country_of(&a.iri));
                    widened.extend(aff.iter().cloned());
                }
            }
            let start = parse_day(&m.date.start);
            let end = parse_day(&m.date.end).or(start);
            let weekday = if start.is_none() {
                m.date.text.as_deref().and_then(weekday_in)
            } else {
                None
            };
            let place = m.place.as_deref().and_then(iri_of).map(|p| {
                let c = country_of(&p);
                (p, c)
            });
            MeetingObs {
                at: (rec.article.id.clone(), m.id.clone()),
                participants,
                widened,
                affiliations,
                start,
                end,
                weekday,
                place,
                mode: m.mode,
            }
        })
        .collect()
}

fn dates_fit(a: &MeetingObs, b: &MeetingObs) -> bool {
    match (a.start, b.start) {
        (Some(sa), Some(sb)) => {
            let (ea, eb) = (a.end.unwrap_or(sa), b.end.unwrap_or(sb));
            sa <= eb && sb <= ea
        }
        (Some(s), None) => b
            .weekday
            .is_none_or(|w| day_range_has(s, a.end.unwrap_or(s), w)),
        (None, Some(s)) => a
            .weekday
            .is_none_or(|w| day_range_has(s, b.end.unwrap_or(s), w)),
        (None, None) => match (a.weekday, b.weekday) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        },
    }
}

fn day_range_has(start: NaiveDate, end: NaiveDate, w: Weekday) -> bool {
    let mut d = start;
    for _ in 0..7 {
        if d > end {
            return false;
        }
        if d.weekday() == w {
            return true;
        }
        d = d.succ_opt().unwrap_or(d);
    }
    false
}

fn places_fit(a: &MeetingObs, b: &MeetingObs) -> bool {
    match (&a.place, &b.place) {
        (Some((pa, ca)), Some((pb, cb))) => {
            pa == pb || ca.as_ref() == Some(pb) || cb.as_ref() == Some(pa)
        }
        _ => true,
    }
}

fn modes_fit(a: MeetingMode, b: MeetingMode) -> bool {
    use MeetingMode::*;
    a == b
        || a == Unknown
        || b == Unknown
        || matches!((a, b), (InPerson, Visit) | (Visit, InPerson))
}

/// How many participants of `a` stand for someone in `b`: the same actor, or an
/// organisation or country and a member of it (a Hamas delegation and Mousa Abu
/// Marzook of Hamas). Two people who merely share a country do not count.
fn matched(a: &MeetingObs, b: &MeetingObs) -> usize {
    let empty = BTreeSet::new();
    a.participants
        .iter()
        .filter(|p| {
            let of_a = a.affiliations.get(p.as_str()).unwrap_or(&empty);
            b.participants.iter().any(|q| {
                p == &q
                    || b.affiliations
                        .get(q.as_str())
                        .is_some_and(|of_b| of_b.contains(p.as_str()))
                    || of_a.contains(q.as_str())
            })
        })
        .count()
}

/// Whether two reports (from different articles) are one meeting.
pub fn same_meeting(a: &MeetingObs, b: &MeetingObs) -> bool {
    a.at.0 != b.at.0 && same_content(a, b)
}

/// Whether two reports are one meeting, their articles aside (cheap tests first).
pub(super) fn same_content(a: &MeetingObs, b: &MeetingObs) -> bool {
    dates_fit(a, b)
        && places_fit(a, b)
        && modes_fit(a.mode, b.mode)
        && matched(a, b).min(matched(b, a)) >= 2
}

/// Whether two reports say the same of a meeting (every field [`same_content`] reads).
pub(super) fn same_report(a: &MeetingObs, b: &MeetingObs) -> bool {
    a.participants == b.participants
        && a.affiliations == b.affiliations
        && a.start == b.start
        && a.end == b.end
        && a.weekday == b.weekday
        && a.place == b.place
        && a.mode == b.mode
}

/// A cluster being built: its members, their articles, and one member per distinct
/// report. A report joins a cluster when it comes from none of its articles and is one
/// meeting with every member; testing one member per distinct report is the same test,
/// and far cheaper when many articles repeat one report.
pub(super) struct Building<'a> {
    pub(super) members: Vec<usize>,
    pub(super) articles: FxHashSet<&'a str>,
    pub(super) variants: Vec<usize>,
}

impl<'a> Building<'a> {
    pub(super) fn new(i: usize, article: &'a str) -> Self {
        Building {
            members: vec![i],
            articles: FxHashSet::from_iter([article]),
            variants: vec![i],
        }
    }
}

/// The order in which reports are clustered: most specific first (dated, then placed,
/// then more participants), then by what they say (earliest date, participants, place),
/// and only then by article: so the first member of a cluster, which names it, does
/// not change when more reports of the same meeting arrive.
pub(super) fn meeting_order(a: &MeetingObs, b: &MeetingObs) -> std::cmp::Ordering {
    let spec = |m: &MeetingObs| {
        let span = match (m.start, m.end) {
            (Some(s), Some(e)) => (e - s).num_days(),
            _ => i64::MAX,
        };
        (
            span,
            m.place.is_none(),
            std::cmp::Reverse(m.participants.len()),
        )
    };
    spec(a)
        .cmp(&spec(b))
        .then_with(|| a.start.cmp(&b.start))
        .then_with(|| a.participants.cmp(&b.participants))
        .then_with(|| a.place.cmp(&b.place))
        .then_with(|| a.at.cmp(&b.at))
}

/// Clusters meeting reports. Returns clusters as lists of indices into `obs`, the first
/// member the most specific report.
pub fn cluster_meetings(obs: &[MeetingObs]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..obs.len()).collect();
    order.sort_by(|&x, &y| meeting_order(&obs[x], &obs[y]));
    let mut clusters: Vec<Building> = Vec::new();
    // Clusters by participant (widened), so each report is only compared with clusters
    // it shares someone with: linear in practice, not quadratic.
    let mut by_participant: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for i in order {
        let m = &obs[i];
        let mut cands: Vec<usize> = m
            .widened
            .iter()
            .filter_map(|p| by_participant.get(p.as_str()))
            .flatten()
            .copied()
            .collect();
        cands.sort_unstable();
        cands.dedup();
        let home = cands.into_iter().find(|&c| {
            let b = &clusters[c];
            !b.articles.contains(m.at.0.as_str())
                && b.variants.iter().all(|&j| same_content(m, &obs[j]))
        });
        let c = match home {
            Some(c) => {
                let b = &mut clusters[c];
                b.members.push(i);
                b.articles.insert(m.at.0.as_str());
                if !b.variants.iter().any(|&j| same_report(m, &obs[j])) {
                    b.variants.push(i);
                }
                c
            }
            None => {
                clusters.push(Building::new(i, m.at.0.as_str()));
                clusters.len() - 1
            }
        };
        for p in &m.widened {
            let v = by_participant.entry(p.as_str()).or_default();
            if v.last() != Some(&c) {
                v.push(c);
            }
        }
    }
    clusters.into_iter().map(|b| b.members).collect()
}
