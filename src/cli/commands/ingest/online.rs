//! The second half of an ingest of new articles into a store with an online-resolution
//! state: place the new facts into the published clusters (`resolve::online`), store
//! the new articles, and patch the corpus graph, the index and the state with what
//! they add. Nothing here reads the earlier articles, so its cost follows the new
//! articles (plus reading the compact state and rewriting the corpus graph's file).
//! The batch path (`commit`) is taken instead whenever this one cannot be.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use rayon::prelude::*;

use super::commit::store_new;
use super::report::{Progress, Timings};
use super::Summary;
use crate::extract::{Config, Record};
use crate::resolve::index;
use crate::resolve::online::{self, State};
use crate::store::index::Prepared as IndexFile;
use crate::store::Store;

/// Resolves `pending` (new articles, none stored yet) online against `state`, then
/// stores them with the corpus graph, index segment and state they change.
pub(super) fn commit_online(
    store: &Store,
    config: &Config,
    mut state: State,
    pending: Vec<(Record, String)>,
    s: &mut Summary,
    p: &Progress,
    t: &Timings,
) -> Result<()> {
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    let mut full: Vec<Record> = Vec::with_capacity(pending.len());
    for (r, src) in pending {
        sources.insert(r.article.id.clone(), src);
        full.push(r);
    }
    full.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let mut slims: Vec<Record> = full.par_iter().map(index::slim).collect();
    let changes = online::place(&mut state, &mut slims);
    for (f, slim) in full.iter_mut().zip(&slims) {
        index::apply_iris(f, slim);
    }
    t.done("resolve (online)");
    // Nothing on disk may claim to match the records while they change.
    store
        .forget_online_state()
        .context("removing the online-resolution state")?;
    store
        .mark_index_stale()
        .context("marking the resolution index")?;
    let errors_before = s.errors;
    // New articles in input order.
    full.sort_by_cached_key(|r| sources.get(&r.article.id).cloned().unwrap_or_default());
    std::thread::scope(|scope| -> Result<()> {
        // The corpus graph's new text and the index segment are made on a spare thread
        // while the articles are written.
        let (changes, slims, state) = (&changes, &slims, &state);
        let made = scope.spawn(move || -> Result<(Vec<u8>, IndexFile, Vec<u8>)> {
            let old = store.corpus_nquads()?;
            let (removed, added) = crate::graph::corpus::delta_lines(changes, &config.base);
            let nquads = crate::graph::corpus::apply_delta(&old, &removed, &added);
            let refs: Vec<&Record> = slims.iter().collect();
            let index = store.prepare_index_segment(&refs)?;
            Ok((nquads, index, store.online_state_bytes(state)?))
        });
        store_new(store, &full, &sources, s, p);
        t.done("store new articles");
        let (nquads, prepared, state_bytes) = made
            .join()
            .map_err(|_| anyhow::anyhow!("computing the corpus graph failed"))?
            .context("making the corpus graph and the index segment")?;
        store
            .replace_corpus_graph(&nquads)
            .context("writing the corpus graph")?;
        // A record that failed to store leaves the index stale and no state: the next
        // ingest resolves in batch from the records actually on disk.
        if s.errors == errors_before {
            store
                .commit_index(prepared)
                .context("writing the resolution index")?;
            store
                .write_online_state(&state_bytes)
                .context("writing the online-resolution state")?;
        }
        t.done("corpus graph, index and state");
        Ok(())
    })?;
    std::mem::forget((full, slims, state, changes, sources));
    Ok(())
}
