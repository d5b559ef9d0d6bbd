//! Stage 6, **store**: the only module that touches Oxigraph's `Store`.
//!
//! A store is a directory of N-Quads files, one per article graph (layout in
//! [`files`]), loaded into Oxigraph's in-memory store when opened. Writing an article
//! replaces its file atomically (temporary file, fsync, rename, directory fsync) and
//! then its graph in memory, in one transaction, so nothing half-written is ever
//! visible and ingesting an article again replaces what it said before. One ingest at
//! a time holds the directory's lock; readers need no lock. Any other triple store can
//! load the directory as it is (`cat DIR/graphs/*.nq`).
//!
//! In memory, the default graph holds the merged view: every triple of every article
//! graph, once. It is kept in step on every replacement (a triple leaves it when no
//! article graph holds it any more) and rebuilt on open. Queries therefore see each
//! fact once however many articles report it (Oxigraph's union-of-graphs default
//! would repeat it per article and make joins grow with the number of sources), and
//! `GRAPH ?g { … }` still tells which article says what. Exports are sorted, so the
//! same store always gives the same bytes (see [`export`]).
//!
//! ```no_run
//! # fn main() -> Result<(), newsgraph::store::StoreError> {
//! let store = newsgraph::store::Store::open("newsgraph.db")?;
//! let results = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")?;
//! # Ok(()) }
//! ```

pub mod clusters;
mod error;
pub mod export;
pub mod files;
pub mod header;
pub mod index;
mod load;
pub mod queries;
pub mod rocks;
mod swap;
mod write;

use std::fs::File;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, NamedNodeRef, Quad};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use rayon::prelude::*;
use swap::swap_graph;

pub use error::StoreError;
pub use export::ExportFormat;

use crate::extract::Record;

/// An opened store: the directory and its content in memory.
pub struct Store {
    dir: PathBuf,
    inner: oxigraph::store::Store,
    /// Held while the store is open for writing.
    lock: Option<File>,
    /// Whether `inner` holds the graphs (false for a write-only ingest).
    loaded: bool,
    /// Whether `inner` is the on-disk RocksDB mirror, kept in step by this writer
    /// (feature `rocksdb`; see [`rocks`]).
    #[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
    mirror: bool,
    base: String,
    /// Whether the last [`Store::slim_records`] read a sound index (so that
    /// [`Store::write_index`] may append to it).
    index_sound: std::sync::atomic::AtomicBool,
}

/// What [`Store::compact`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compacted {
    /// Compacted the RocksDB mirror in place.
    Mirror,
    /// Rebuilt the RocksDB mirror from the graph files (it was missing or stale).
    Rebuilt,
    /// Nothing: this build has no RocksDB mirror (the graph files are the store).
    NoMirror,
}

/// What one article's replacement wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Quads in the article's graph.
    pub quads: usize,
}

impl Store {
    /// Opens an existing store for reading (queries, exports). No lock is taken: every
    /// graph file is either its old or its new version.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        let dir = dir.as_ref().to_path_buf();
        files::check_store(&dir)?;
        #[cfg(feature = "rocksdb")]
        if let Some(inner) = rocks::open_reader(&dir)? {
            return Ok(Store::with(dir, inner, None, true, false));
        }
        Self::load(dir, None)
    }

    /// Opens (creating it if needed) a store for writing, taking its ingest lock.
    /// With `wait`, waits for another ingest to finish; without, fails with
    /// [`StoreError::Locked`].
    pub fn open_writable(dir: impl AsRef<Path>, wait: bool) -> Result<Self, StoreError> {
        let dir = dir.as_ref().to_path_buf();
        files::create_store(&dir)?;
        let lock = files::lock(&dir, wait)?;
        files::remove_stale_temps(&dir)?;
        #[cfg(feature = "rocksdb")]
        {
            if !rocks::is_fresh(&dir) {
                rocks::rebuild(&dir)?;
            }
            if let Some(inner) = rocks::open_writer(&dir)? {
                return Ok(Store::with(dir, inner, Some(lock), true, true));
            }
        }
        rocks::mark_stale_if_present(&dir)?;
        Self::load(dir, Some(lock))
    }

    /// Opens (creating it if needed) a store for writing only, taking its ingest
    /// lock but loading nothing into memory: replacing articles writes their files
    /// and nothing else, so the cost does not grow with the store. Queries on it see
    /// an empty dataset. This is what `ingest` uses.
    pub fn open_writer(dir: impl AsRef<Path>, wait: bool) -> Result<Self, StoreError> {
        let dir = dir.as_ref().to_path_buf();
        files::create_store(&dir)?;
        let lock = files::lock(&dir, wait)?;
        files::remove_stale_temps(&dir)?;
        // With the on-disk engine, a fresh mirror is kept in step as files are
        // written (queries then see it); otherwise it is rebuilt by `close`.
        #[cfg(feature = "rocksdb")]
        if let Some(inner) = rocks::open_writer(&dir)? {
            return Ok(Store::with(dir, inner, Some(lock), true, true));
        }
        rocks::mark_stale_if_present(&dir)?;
        let inner = oxigraph::store::Store::new().map_err(|e| storage(&dir, e))?;
        Ok(Store::with(dir, inner, Some(lock), false, false))
    }

    /// Finishes a write: with the `rocksdb` feature, brings the on-disk mirror up to
    /// date (flushes the one kept in step, or rebuilds it from the files) and marks it
    /// fresh. Without the feature, or for a reader, does nothing. A writer dropped
    /// without `close` leaves the mirror marked stale, and the next open rebuilds it.
    pub fn close(self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        if self.lock.is_some() {
            if self.mirror {
                rocks::mark_fresh(&self.dir, &self.inner)?;
            } else {
                rocks::rebuild(&self.dir)?;
            }
        }
        Ok(())
    }

    /// Compacts the store's on-disk RocksDB mirror (feature `rocksdb`) under the
    /// ingest lock, waiting for a running ingest when `wait`. A mirror that is missing
    /// or stale is rebuilt instead, which leaves it compact too. The graph files are
    /// never touched. Without the feature there is no mirror, and nothing to do.
    pub fn compact(dir: impl AsRef<Path>, wait: bool) -> Result<Compacted, StoreError> {
        let dir = dir.as_ref();
        files::check_store(dir)?;
        let lock = files::lock(dir, wait)?;
        #[cfg(feature = "rocksdb")]
        let done = if rocks::is_fresh(dir) {
            rocks::compact(dir)?;
            Compacted::Mirror
        } else {
            rocks::rebuild(dir)?;
            Compacted::Rebuilt
        };
        #[cfg(not(feature = "rocksdb"))]
        let done = Compacted::NoMirror;
        drop(lock);
        Ok(done)
    }

    /// The one place a `Store` value is put together.
    fn with(
        dir: PathBuf,
        inner: oxigraph::store::Store,
        lock: Option<File>,
        loaded: bool,
        mirror: bool,
    ) -> Self {
        Store {
            dir,
            inner,
            lock,
            loaded,
            mirror,
            base: crate::resolve::DEFAULT_BASE.to_string(),
            index_sound: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn load(dir: PathBuf, lock: Option<File>) -> Result<Self, StoreError> {
        let inner = load::load_graphs(&dir)?;
        Ok(Store::with(dir, inner, lock, true, false))
    }

    /// The store directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The underlying Oxigraph store (for the SPARQL endpoint). Its default graph is
    /// the merged view (each triple once) and its named graphs are the articles, so
    /// plain SPARQL evaluation on it answers like [`Store::query`]. Do not write to
    /// it: writes that bypass [`Store::replace_articles`] are not persisted.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// Replaces one article's graph with the quads of `record`. See
    /// [`Store::replace_articles`].
    pub fn replace_article(&self, record: &Record) -> Result<Written, StoreError> {
        self.replace_articles(std::slice::from_ref(record))
            .pop()
            .unwrap_or(Ok(Written { quads: 0 }))
    }

    /// Replaces the graphs of several articles: maps each record, writes every graph
    /// file of the batch (the record on its first line, see [`header`]) to a temporary
    /// file and syncs them together, moves them into place (which commits each
    /// article) and syncs their directory, then swaps the graphs in memory in one
    /// transaction. Returns one result per record, in order; a record that fails
    /// (mapping or writing) leaves its old graph untouched.
    pub fn replace_articles(&self, records: &[Record]) -> Vec<Result<Written, StoreError>> {
        let prepared = self.prepare(records);
        self.write_prepared(records, prepared)
    }

    /// Every stored extraction record (as last resolved), in article-id order. Records
    /// are what corpus-level resolution re-reads when new articles arrive.
    pub fn records(&self) -> Result<Vec<Record>, StoreError> {
        let paths = files::graph_files(&self.dir)?;
        let mut records: Vec<Record> = paths
            .par_iter()
            .map(|p| self.record_of_graph(p))
            .collect::<Result<_, _>>()?;
        records.sort_by(|a, b| a.article.id.cmp(&b.article.id));
        Ok(records)
    }

    /// The stored extraction record of one article.
    pub fn record(&self, id: &str) -> Result<Record, StoreError> {
        self.record_of_graph(&files::graph_path(&self.dir, id))
    }

    /// The record an article's graph file carries on its first line, or, in a store
    /// written before format 2, its record file.
    fn record_of_graph(&self, graph: &Path) -> Result<Record, StoreError> {
        let (p, bytes) = match header::read(graph) {
            Ok(Some(json)) => (graph.to_path_buf(), json),
            Ok(None) => {
                let p = files::record_of_graph(&self.dir, graph);
                let bytes = std::fs::read(&p).map_err(|e| StoreError::io(&p, "cannot read", e))?;
                (p, bytes)
            }
            Err(e) => return Err(StoreError::io(graph, "cannot read", e)),
        };
        serde_json::from_slice(&bytes).map_err(|e| StoreError::Storage {
            path: p,
            message: format!("not an extraction record: {e}"),
        })
    }

    /// Every stored article's slim record ([`crate::resolve::index::slim`]), in
    /// article-id order: from the resolution index when it can be trusted, else
    /// rebuilt from the records.
    pub fn slim_records(&self) -> Result<Vec<Record>, StoreError> {
        if let Some(index) = index::read(&self.dir) {
            self.index_sound
                .store(true, std::sync::atomic::Ordering::Relaxed);
            return Ok(index);
        }
        self.index_sound
            .store(false, std::sync::atomic::Ordering::Relaxed);
        Ok(self
            .records()?
            .iter()
            .map(crate::resolve::index::slim)
            .collect())
    }

    /// Marks the resolution index stale: call before rewriting records, then
    /// [`Store::write_index`] once they are all written.
    pub fn mark_index_stale(&self) -> Result<(), StoreError> {
        self.writable()?;
        index::mark_stale(&self.dir)
    }

    /// Writes the resolution index from the slim records of every stored article;
    /// `changed` (the records that differ from what [`Store::slim_records`] read) lets
    /// it append only those when that read came from a sound index.
    pub fn write_index(&self, slim: &[Record], changed: &[&Record]) -> Result<(), StoreError> {
        self.commit_index(self.prepare_index(slim, changed)?)
    }

    /// Makes the index file [`Store::write_index`] would write, without writing it (an
    /// ingest makes it while it stores articles); [`Store::commit_index`] writes it.
    pub fn prepare_index(
        &self,
        slim: &[Record],
        changed: &[&Record],
    ) -> Result<index::Prepared, StoreError> {
        self.writable()?;
        let sound = self.index_sound.load(std::sync::atomic::Ordering::Relaxed);
        index::prepare(&self.dir, slim, sound.then_some(changed))
    }

    /// Writes an index file made by [`Store::prepare_index`] and clears the stale mark.
    pub fn commit_index(&self, prepared: index::Prepared) -> Result<(), StoreError> {
        self.writable()?;
        index::commit(&self.dir, prepared)
    }

    /// Whether the store has an online-resolution state file (its trust is checked
    /// by [`Store::online_state`]).
    pub fn has_online_state(&self) -> bool {
        clusters::exists(&self.dir)
    }

    /// Whether an ingest may resolve online: the index takes a segment without a fold
    /// and the online-resolution state is there (see [`clusters`]); the state, if so.
    pub fn online_state(&self, base: &str) -> Option<crate::resolve::online::State> {
        if !index::appendable(&self.dir) {
            return None;
        }
        clusters::read(&self.dir, base)
    }

    /// Whether the store holds the record of this article id (its graph file's
    /// record line, or a record file in a store written before format 2).
    pub fn has_record(&self, id: &str) -> bool {
        header::has(&files::graph_path(&self.dir, id)) || files::record_path(&self.dir, id).exists()
    }

    /// Removes the online-resolution state: call before rewriting records.
    pub fn forget_online_state(&self) -> Result<(), StoreError> {
        self.writable()?;
        clusters::forget(&self.dir)
    }

    /// The bytes of the online-resolution state file for `state` (see
    /// [`Store::write_online_state`]).
    pub fn online_state_bytes(
        &self,
        state: &crate::resolve::online::State,
    ) -> Result<Vec<u8>, StoreError> {
        clusters::bytes(&self.dir, state)
    }

    /// Writes the online-resolution state, as [`Store::online_state_bytes`] made it
    /// (after the index is committed).
    pub fn write_online_state(&self, bytes: &[u8]) -> Result<(), StoreError> {
        self.writable()?;
        clusters::write(&self.dir, bytes)
    }

    /// Makes an index segment of `changed` records, whatever the index's sizes (for an
    /// online ingest, which checked [`Store::online_state`] first).
    pub fn prepare_index_segment(
        &self,
        changed: &[&Record],
    ) -> Result<index::Prepared, StoreError> {
        self.writable()?;
        index::prepare_segment(&self.dir, changed)
    }

    /// The corpus graph's N-Quads text as stored (`DIR/corpus.nq`; empty when absent).
    pub fn corpus_nquads(&self) -> Result<Vec<u8>, StoreError> {
        let path = self.dir.join(files::CORPUS);
        match std::fs::read(&path) {
            Ok(b) => Ok(b),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(StoreError::io(&path, "cannot read", e)),
        }
    }

    fn writable(&self) -> Result<(), StoreError> {
        match self.lock {
            Some(_) => Ok(()),
            None => Err(StoreError::ReadOnly {
                path: self.dir.clone(),
            }),
        }
    }

    /// Replaces the corpus graph (merged facts' sources, canonical names) with
    /// `nquads`, its N-Quads text as [`crate::graph::corpus::corpus_nquads`] writes it:
    /// written to `DIR/corpus.nq` atomically, then swapped in memory in one transaction.
    pub fn replace_corpus_graph(&self, nquads: &[u8]) -> Result<(), StoreError> {
        if self.lock.is_none() {
            return Err(StoreError::ReadOnly {
                path: self.dir.clone(),
            });
        }
        let path = self.dir.join(files::CORPUS);
        // What the mirror holds now, from the file, before the file is replaced.
        let old = if self.loaded {
            std::fs::read(&path).ok()
        } else {
            None
        };
        files::write_atomic(&path, nquads)?;
        files::sync_dir(&self.dir)?;
        if !self.loaded {
            return Ok(());
        }
        let graph = crate::graph::corpus::corpus_graph_iri(&self.base);
        let g = NamedNodeRef::new(&graph).map_err(|e| storage(&self.dir, e))?;
        let mut tx = self
            .inner
            .start_transaction()
            .map_err(|e| storage(&self.dir, e))?;
        // Only the lines that changed are parsed and written (see `swap::text_diff`); an
        // old file that does not parse makes the store itself the reference.
        match old.map(|old| swap::text_diff(&old, nquads)) {
            Some(Ok((added, gone))) => swap::apply_diff(&mut tx, &added, &gone),
            _ => {
                let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::NQuads)
                    .for_slice(nquads)
                    .collect::<Result<_, _>>()
                    .map_err(|e| storage(&self.dir, e))?;
                swap_graph(&mut tx, g, &quads, None)
            }
        }
        .map_err(|e| storage(&self.dir, e))?;
        tx.commit().map_err(|e| storage(&self.dir, e))
    }

    /// Runs a SPARQL query. The default graph is the merged view of all article
    /// graphs (each triple once); `GRAPH ?g { … }` tells which article says what.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        SparqlEvaluator::new()
            .parse_query(sparql)
            .map_err(|e| StoreError::Syntax(e.to_string()))?
            .on_store(&self.inner)
            .execute()
            .map_err(|e| StoreError::Query(e.to_string()))
    }

    /// Number of article graphs.
    pub fn article_count(&self) -> usize {
        self.inner.named_graphs().count()
    }

    /// Number of quads over all article graphs (the merged default graph not counted).
    pub fn quad_count(&self) -> Result<usize, StoreError> {
        let all = self.inner.len().map_err(|e| storage(&self.dir, e))?;
        Ok(all - self.triple_count())
    }

    /// Number of distinct triples (the size of the merged default graph).
    pub fn triple_count(&self) -> usize {
        self.inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .count()
    }

    /// Every quad of the article graphs, in no particular order.
    pub fn quads(&self) -> Result<Vec<Quad>, StoreError> {
        self.inner
            .quads_for_pattern(None, None, None, None)
            .filter(|q| {
                q.as_ref()
                    .map_or(true, |q| !q.graph_name.is_default_graph())
            })
            .map(|q| q.map_err(|e| storage(&self.dir, e)))
            .collect()
    }

    /// Every triple of the merged view, each once, in no particular order.
    pub fn triples(&self) -> Result<Vec<oxigraph::model::Triple>, StoreError> {
        self.inner
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .map(|q| q.map(Into::into).map_err(|e| storage(&self.dir, e)))
            .collect()
    }

    /// Whether the store holds the graph of this article IRI.
    pub fn has_article(&self, iri: &str) -> bool {
        NamedNodeRef::new(iri).is_ok_and(|g| {
            self.inner
                .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g)))
                .next()
                .is_some()
        })
    }

    /// Total size in bytes of the graph files.
    pub fn disk_size(&self) -> Result<u64, StoreError> {
        let mut total = 0;
        for p in files::graph_files(&self.dir)? {
            total += std::fs::metadata(&p)
                .map_err(|e| StoreError::io(&p, "cannot stat", e))?
                .len();
        }
        Ok(total)
    }
}

fn storage(dir: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Storage {
        path: dir.to_path_buf(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests;
