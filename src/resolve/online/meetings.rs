//! Placing the meeting reports of new articles: a report joins the published (or
//! new) meeting it is one meeting with, by the test batch resolution uses (dates,
//! place, mode and two shared participants, against every distinct report of the
//! meeting), else it starts a meeting named as batch resolution names one. It never
//! renames a published meeting, and does no I/O.

use std::collections::{BTreeMap, BTreeSet};

use super::super::corpus::{countries, naming_parts, numbered_meeting_iri};
use super::super::events::{meeting_obs, meeting_order, same_content, same_report, MeetingObs};
use super::state::{MeetingCluster, State};
use crate::extract::Record;

/// Sets the IRI of every meeting of `records` (new articles, actor IRIs already set)
/// and adds them to the state; returns, for every meeting IRI that gained sources,
/// the new source articles.
pub fn place_meetings(
    state: &mut State,
    records: &mut [Record],
) -> BTreeMap<String, BTreeSet<String>> {
    let base = state.base.clone();
    let country = countries(records, None, &base);
    let country_of = |iri: &str| country.get(iri).cloned();
    // (record, meeting, report, is an event).
    let mut obs: Vec<(usize, usize, MeetingObs, bool)> = Vec::new();
    for (ri, rec) in records.iter().enumerate() {
        for (mi, o) in meeting_obs(rec, &country_of).into_iter().enumerate() {
            let event = rec.is_event(&rec.meetings[mi]);
            obs.push((ri, mi, o, event));
        }
    }
    obs.sort_by(|a, b| meeting_order(&a.2, &b.2));
    // Clusters by participant (widened), and the IRIs in use.
    let mut by_participant: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut iris: BTreeSet<String> = BTreeSet::new();
    for (c, m) in state.meetings.iter().enumerate() {
        iris.insert(m.iri.clone());
        for p in m.variants.iter().flat_map(|v| &v.widened) {
            let v = by_participant.entry(p.clone()).or_default();
            if v.last() != Some(&c) {
                v.push(c);
            }
        }
    }
    // New articles in each cluster (a meeting takes one report per article).
    let mut articles: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut gained: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut placed: Vec<(usize, usize, String)> = Vec::new();
    for (ri, mi, m, event) in obs {
        let mut cands: Vec<usize> = m
            .widened
            .iter()
            .filter_map(|p| by_participant.get(p))
            .flatten()
            .copied()
            .collect();
        cands.sort_unstable();
        cands.dedup();
        // In the order batch resolution would have made them: by first report.
        cands.sort_by(|&x, &y| {
            meeting_order(
                &state.meetings[x].variants[0],
                &state.meetings[y].variants[0],
            )
        });
        let home = cands.into_iter().find(|&c| {
            !articles
                .get(&c)
                .is_some_and(|a| a.contains(m.at.0.as_str()))
                && state.meetings[c]
                    .variants
                    .iter()
                    .all(|v| same_content(&m, v))
        });
        let c = match home {
            Some(c) => {
                let cluster = &mut state.meetings[c];
                if !cluster.variants.iter().any(|v| same_report(&m, v)) {
                    cluster.variants.push(m.clone());
                }
                c
            }
            None => {
                let parts = naming_parts(&m);
                let iri = (0..)
                    .map(|n| numbered_meeting_iri(&base, &parts, n))
                    .find(|iri| !iris.contains(iri))
                    .unwrap_or_default();
                iris.insert(iri.clone());
                state.meetings.push(MeetingCluster {
                    iri,
                    variants: vec![m.clone()],
                });
                state.meetings.len() - 1
            }
        };
        articles.entry(c).or_default().insert(m.at.0.clone());
        for p in &m.widened {
            let v = by_participant.entry(p.clone()).or_default();
            if !v.contains(&c) {
                v.push(c);
            }
        }
        let iri = state.meetings[c].iri.clone();
        if event {
            gained
                .entry(iri.clone())
                .or_default()
                .insert(m.at.0.clone());
        }
        placed.push((ri, mi, iri));
    }
    for (ri, mi, iri) in placed {
        records[ri].meetings[mi].iri = iri;
    }
    for (iri, new) in &gained {
        *state.meeting_sources.entry(iri.clone()).or_default() += new.len();
    }
    gained
}
