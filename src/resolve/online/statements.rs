//! Placing the statement reports of new articles: a report joins the first published
//! (or new) statement of its speaker whose every distinct wording says the same
//! (batch resolution's test), else it starts a statement named as batch resolution
//! names one. It never renames a published statement, and does no I/O.

use std::collections::{BTreeMap, BTreeSet};

use super::super::statements::{overlap, similar_words, text_words};
use super::state::{State, StatementCluster};
use crate::extract::Record;
use crate::nlp::fxhash::FxHashMap;

/// One new statement report.
struct Report {
    /// (record, statement) indices.
    at: (usize, usize),
    article: String,
    speaker: Option<String>,
    words: Vec<String>,
    negated: bool,
}

/// Sets the IRI of every statement of `records` (new articles, actor IRIs already
/// set) and adds them to the state; returns, for every statement IRI that gained
/// sources, the new source articles.
pub fn place_statements(
    state: &mut State,
    records: &mut [Record],
) -> BTreeMap<String, BTreeSet<String>> {
    let base = state.base.clone();
    let mut read: FxHashMap<&str, (Vec<String>, bool)> = FxHashMap::default();
    let mut reports: Vec<Report> = Vec::new();
    for (ri, rec) in records.iter().enumerate() {
        for (si, s) in rec.statements.iter().enumerate() {
            let speaker = s
                .speaker
                .as_deref()
                .and_then(|local| rec.actor_iri(local))
                .map(String::from);
            let (words, negated) = read
                .entry(s.content.text.as_str())
                .or_insert_with(|| text_words(&s.content.text))
                .clone();
            reports.push(Report {
                at: (ri, si),
                article: rec.article.id.clone(),
                speaker,
                words,
                negated,
            });
        }
    }
    // Batch resolution's order: most words first, then the words, then the article.
    reports.sort_by(|a, b| {
        b.words
            .len()
            .cmp(&a.words.len())
            .then_with(|| a.words.cmp(&b.words))
            .then_with(|| (&a.article, a.at.1).cmp(&(&b.article, b.at.1)))
    });
    // The speakers' clusters, in the order they were made; their wordings as words.
    let speakers: BTreeSet<&str> = reports
        .iter()
        .filter_map(|r| r.speaker.as_deref())
        .collect();
    let mut of_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (c, s) in state.statements.iter().enumerate() {
        if let Some(sp) = s.speaker.as_deref().filter(|sp| speakers.contains(sp)) {
            of_speaker.entry(sp.to_string()).or_default().push(c);
        }
    }
    let mut wordings: FxHashMap<usize, Vec<(Vec<String>, bool)>> = FxHashMap::default();
    let mut articles: FxHashMap<usize, BTreeSet<String>> = FxHashMap::default();
    let mut gained: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut placed: Vec<((usize, usize), String)> = Vec::new();
    for r in reports {
        let key = r.words.join(" ");
        let home = r.speaker.as_deref().and_then(|sp| {
            let cands = of_speaker.get(sp)?;
            cands.iter().copied().find(|&c| {
                if articles.get(&c).is_some_and(|a| a.contains(&r.article)) {
                    return false;
                }
                let ws = wordings.entry(c).or_insert_with(|| {
                    state.statements[c]
                        .variants
                        .iter()
                        .map(|(w, neg)| (w.split(' ').map(String::from).collect(), *neg))
                        .collect()
                });
                ws.iter().all(|(w, neg)| {
                    *neg == r.negated && similar_words(w.len(), r.words.len(), overlap(w, &r.words))
                })
            })
        });
        let c = match home {
            Some(c) => {
                let cluster = &mut state.statements[c];
                if !cluster
                    .variants
                    .iter()
                    .any(|(w, neg)| *neg == r.negated && *w == key)
                {
                    cluster.variants.push((key, r.negated));
                    if let Some(ws) = wordings.get_mut(&c) {
                        ws.push((r.words.clone(), r.negated));
                    }
                }
                c
            }
            None => {
                let iri = super::super::statement_iri(
                    &base,
                    &[r.speaker.as_deref().unwrap_or(&r.article), &key],
                );
                state.statements.push(StatementCluster {
                    iri,
                    speaker: r.speaker.clone(),
                    variants: vec![(key, r.negated)],
                });
                let c = state.statements.len() - 1;
                if let Some(sp) = &r.speaker {
                    of_speaker.entry(sp.clone()).or_default().push(c);
                }
                c
            }
        };
        articles.entry(c).or_default().insert(r.article.clone());
        let iri = state.statements[c].iri.clone();
        gained.entry(iri.clone()).or_default().insert(r.article);
        placed.push((r.at, iri));
    }
    for ((ri, si), iri) in placed {
        records[ri].statements[si].iri = iri;
    }
    for (iri, new) in &gained {
        *state.statement_sources.entry(iri.clone()).or_default() += new.len();
    }
    gained
}
