//! The second half of an ingest: resolve the new records together with the stored
//! ones (keeping published IRIs), then store the new articles, re-link the earlier
//! ones whose IRIs changed, and write the corpus graph and the resolution index. It
//! reads no input and extracts nothing (that is the first half, in `ingest`).

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};
use rayon::prelude::*;

use super::report::{Progress, Timings};
use super::{Summary, BATCH, STORE_BATCH};
use crate::extract::{ActorKind, Config, Record};
use crate::resolve::dictionary::Dictionary;
use crate::resolve::index;
use crate::resolve::CorpusView;
use crate::store::{Store, StoreError};

/// How the stored and the new records are resolved together.
pub(super) struct Resolving<'a> {
    /// The actor dictionary, if any.
    pub(super) dict: Option<&'a Dictionary>,
    /// Keep the IRIs earlier ingests published (`resolve::published`); off with
    /// `--relink`, and when a new dictionary is given.
    pub(super) keep_published: bool,
}

/// Resolves identity over the stored articles and the new ones (corpus-level: the
/// same actor, meeting or statement gets one IRI whichever article and order it came
/// from), then stores the new records, every stored record whose IRIs changed, the
/// corpus graph and the resolution index.
///
/// The stored articles come from the resolution index (their slim records), not from
/// the graphs or the full records, so the cost of an ingest grows with the new
/// articles and the few old ones they re-link, plus one pass over the compact index.
pub(super) fn commit(
    store: &Store,
    config: &Config,
    how: Resolving<'_>,
    pending: Vec<(Record, String)>,
    s: &mut Summary,
    p: &Progress,
    t: &Timings,
) -> Result<()> {
    let Resolving {
        dict,
        keep_published,
    } = how;
    // New articles into a store with a trusted online state: placed, not re-resolved.
    if keep_published && dict.is_none() && !pending.is_empty() && store.has_online_state() {
        let all_new = pending
            .iter()
            .all(|(r, _)| !store.has_record(&r.article.id));
        if let Some(state) = all_new.then(|| store.online_state(&config.base)).flatten() {
            t.done("read online state");
            return super::online::commit_online(store, config, state, pending, s, p, t);
        }
    }
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    let mut full_new: BTreeMap<String, Record> = BTreeMap::new();
    for (r, src) in pending {
        sources.insert(r.article.id.clone(), src);
        full_new.insert(r.article.id.clone(), r);
    }
    // The new articles in the order they are stored (input order).
    let mut order: Vec<(&str, &str)> = sources
        .iter()
        .map(|(id, src)| (src.as_str(), id.as_str()))
        .collect();
    order.sort();
    let order: Vec<&str> = order.into_iter().map(|(_, id)| id).collect();
    // Reading the index and resolution run on one thread: the other core meanwhile
    // creates the files the new articles will be written to (see
    // `Store::create_temps_ahead`), the costliest part of writing them.
    let stop = AtomicBool::new(false);
    let resolved = std::thread::scope(|scope| {
        let ahead = scope.spawn(|| store.create_temps_ahead(&order, &stop));
        let how = Resolving {
            dict,
            keep_published,
        };
        let resolved = read_and_resolve(store, config, how, &full_new, t);
        stop.store(true, Ordering::Relaxed);
        let _ = ahead.join();
        resolved
    });
    let (all, old, view) = match resolved {
        Ok(r) => r,
        Err(e) => {
            store.remove_temps(&order);
            return Err(e);
        }
    };
    let mut fresh = Vec::new();
    let mut relinked: Vec<&Record> = Vec::new();
    // What the index must add or replace.
    let mut changed: Vec<&Record> = Vec::new();
    for r in &all {
        if let Some(full) = full_new.remove(&r.article.id) {
            fresh.push((full, r));
            changed.push(r);
        } else if old.get(&r.article.id) != Some(&index::iris(r)) {
            relinked.push(r);
        }
    }
    let mut fresh: Vec<Record> = fresh
        .into_par_iter()
        .map(|(mut full, r)| {
            index::apply_iris(&mut full, r);
            full
        })
        .collect();
    if let Err(e) = store
        .forget_online_state()
        .and_then(|()| store.mark_index_stale())
    {
        store.remove_temps(&order);
        return Err(e).context("marking the resolution index");
    }
    let errors_before = s.errors;
    // New articles in input order.
    fresh.sort_by_cached_key(|r| sources.get(&r.article.id).cloned().unwrap_or_default());
    changed.extend(relinked.iter().copied());
    let stored = std::thread::scope(|scope| -> Result<()> {
        // The corpus graph and the index file are made on a spare thread while the
        // articles are written; only writing them waits for the articles.
        let (all, changed, view) = (&all, &changed, &view);
        let made = scope.spawn(move || {
            let nquads = crate::graph::corpus::corpus_nquads(view, &config.base);
            // The online state is for stores without a dictionary (see `online`).
            let state = dict.is_none().then(|| {
                let state = crate::resolve::online::build(all, view, &config.base);
                store.online_state_bytes(&state)
            });
            (nquads, store.prepare_index(all, changed), state)
        });
        store_new(store, &fresh, &sources, s, p);
        t.done("store new articles");
        let mut quiet = Summary::default();
        for chunk in relinked.chunks(BATCH) {
            let full: Vec<Record> = chunk
                .par_iter()
                .map(|slim| {
                    let mut full = store.record(&slim.article.id)?;
                    index::apply_iris(&mut full, slim);
                    Ok(full)
                })
                .collect::<Result<_, StoreError>>()
                .context("reading the stored records to re-link")?;
            let srcs = full.iter().map(|r| r.article.source.clone()).collect();
            let results = store.replace_articles(&full);
            count_stored(&full, results, srcs, &mut quiet, p);
        }
        s.errors += quiet.errors;
        s.relinked += quiet.articles;
        t.done("re-link earlier articles");
        let (nquads, index, state) = made
            .join()
            .map_err(|_| anyhow::anyhow!("computing the corpus graph failed"))?;
        let index = index.context("making the resolution index")?;
        // The corpus graph and the index are two files in two directories: written at
        // once. A record that failed to store leaves the index stale: the next ingest
        // rebuilds it from the records actually on disk.
        let clean = s.errors == errors_before;
        let written_index = scope.spawn(move || clean.then(|| store.commit_index(index)));
        let corpus_written = store
            .replace_corpus_graph(&nquads)
            .context("writing the corpus graph");
        let index_written = written_index
            .join()
            .map_err(|_| anyhow::anyhow!("writing the resolution index failed"))?;
        corpus_written?;
        if let Some(r) = index_written {
            r.context("writing the resolution index")?;
            if let Some(state) = state {
                let bytes = state.context("making the online-resolution state")?;
                store
                    .write_online_state(&bytes)
                    .context("writing the online-resolution state")?;
            }
        }
        t.done("corpus graph and index");
        Ok(())
    });
    // Every record and the corpus view (millions of small allocations) are not freed
    // one by one: the command is done, and the process ends with it, which gives the
    // memory back at once (0.03 s of a 1k ingest).
    drop((relinked, changed));
    std::mem::forget((all, fresh, view, old, sources));
    stored
}

/// The stored articles' slim records from the index, every record resolved
/// (corpus-level) with the new ones, and the IRIs each stored article had before.
type Resolved = (Vec<Record>, BTreeMap<String, Vec<String>>, CorpusView);

/// Reads the resolution index and resolves it together with the new articles.
fn read_and_resolve(
    store: &Store,
    config: &Config,
    how: Resolving<'_>,
    full_new: &BTreeMap<String, Record>,
    t: &Timings,
) -> Result<Resolved> {
    let Resolving {
        dict,
        keep_published,
    } = how;
    let stored = store
        .slim_records()
        .context("reading the resolution index")?;
    // Resolution only rewrites IRIs, so an old article changed iff its IRIs did.
    let mut all: Vec<Record> = stored
        .into_iter()
        .filter(|r| !full_new.contains_key(&r.article.id))
        .collect();
    let old: BTreeMap<String, Vec<String>> = all
        .iter()
        .map(|r| (r.article.id.clone(), index::iris(r)))
        .collect();
    let new: Vec<&Record> = full_new.values().collect();
    all.par_extend(new.into_par_iter().map(index::slim));
    t.done("read index");
    let view = crate::resolve::resolve_corpus_with(&mut all, &config.base, dict);
    let view = if keep_published {
        // Renamings may re-link at most as many earlier articles as come in new.
        let budget = full_new.len();
        crate::resolve::published::keep_published(&mut all, &old, view, budget, &config.base, dict)
    } else {
        view
    };
    t.done("resolve");
    Ok((all, old, view))
}

/// Stores new articles' records (in their order, [`STORE_BATCH`] at a time) and counts
/// what that did, reporting failures with each article's source (`sources`: id →
/// source).
pub(super) fn store_new(
    store: &Store,
    records: &[Record],
    sources: &BTreeMap<String, String>,
    s: &mut Summary,
    p: &Progress,
) {
    store.replace_articles_streamed(records.chunks(STORE_BATCH), |chunk, results| {
        let srcs = chunk
            .iter()
            .map(|r| sources.get(&r.article.id).cloned().unwrap_or_default())
            .collect();
        count_stored(chunk, results, srcs, s, p);
    });
}

/// Counts what storing `records` did (`results`, one each), reporting failures with
/// the record's source.
pub(super) fn count_stored(
    records: &[Record],
    results: Vec<Result<crate::store::Written, StoreError>>,
    sources: Vec<String>,
    s: &mut Summary,
    p: &Progress,
) {
    for ((record, result), source) in records.iter().zip(results).zip(sources) {
        match result {
            Ok(w) => {
                s.articles += 1;
                s.triples += w.quads;
                let actors = record
                    .actors
                    .iter()
                    .filter(|a| a.kind != ActorKind::Place)
                    .map(|a| &a.iri);
                count_distinct(&mut s.actors, actors);
                let meetings = record
                    .meetings
                    .iter()
                    .filter(|m| crate::graph::is_graph_meeting(record, m))
                    .map(|m| &m.iri);
                count_distinct(&mut s.meetings, meetings);
                count_distinct(&mut s.statements, record.statements.iter().map(|x| &x.iri));
            }
            Err(e) => {
                p.error(&format!("{source}: {e}"));
                s.errors += 1;
            }
        }
    }
}

/// Adds IRIs to a set of distinct ones, copying only those not seen before.
fn count_distinct<'a>(set: &mut HashSet<String>, iris: impl Iterator<Item = &'a String>) {
    for iri in iris {
        if !set.contains(iri) {
            set.insert(iri.clone());
        }
    }
}
