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
//! Queries see the union of the article graphs as their default graph; exports are
//! sorted, so the same store always gives the same bytes (see [`export`]).
//!
//! ```no_run
//! # fn main() -> Result<(), newsgraph::store::StoreError> {
//! let store = newsgraph::store::Store::open("newsgraph.db")?;
//! let results = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")?;
//! # Ok(()) }
//! ```

mod error;
pub mod export;
pub mod files;

use std::fs::File;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNodeRef, Quad};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use rayon::prelude::*;

pub use error::StoreError;
pub use export::ExportFormat;

use crate::extract::Record;

/// How many graph files are parsed (in parallel) before they go to the bulk loader.
const LOAD_CHUNK: usize = 1024;

/// An opened store: the directory and its content in memory.
pub struct Store {
    dir: PathBuf,
    inner: oxigraph::store::Store,
    /// Held while the store is open for writing.
    lock: Option<File>,
    base: String,
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
        Self::load(dir, Some(lock))
    }

    fn load(dir: PathBuf, lock: Option<File>) -> Result<Self, StoreError> {
        let inner = oxigraph::store::Store::new().map_err(|e| storage(&dir, e))?;
        let paths = files::graph_files(&dir)?;
        let mut loader = inner.bulk_loader();
        for chunk in paths.chunks(LOAD_CHUNK) {
            let parsed: Vec<Vec<Quad>> = chunk
                .par_iter()
                .map(|p| read_graph_file(p))
                .collect::<Result<_, _>>()?;
            loader
                .load_quads(parsed.into_iter().flatten())
                .map_err(|e| storage(&dir, e))?;
        }
        loader.commit().map_err(|e| storage(&dir, e))?;
        Ok(Store {
            dir,
            inner,
            lock,
            base: crate::resolve::DEFAULT_BASE.to_string(),
        })
    }

    /// The store directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The underlying Oxigraph store (for the SPARQL endpoint). Do not write to it:
    /// writes that bypass [`Store::replace_articles`] are not persisted.
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

    /// Replaces the graphs of several articles: maps each record, writes each graph
    /// file atomically, syncs the directory once, then swaps the graphs in memory in
    /// one transaction. Returns one result per record, in order; a record that fails
    /// (mapping or writing) leaves its old graph untouched.
    pub fn replace_articles(&self, records: &[Record]) -> Vec<Result<Written, StoreError>> {
        if self.lock.is_none() {
            let path = || self.dir.clone();
            return records
                .iter()
                .map(|_| Err(StoreError::ReadOnly { path: path() }))
                .collect();
        }
        match self.try_replace_articles(records) {
            Ok(results) => results,
            // A failure that concerns the whole batch is reported for every record.
            Err(e) => {
                let message = e.to_string();
                records
                    .iter()
                    .map(|_| {
                        Err(StoreError::Storage {
                            path: self.dir.clone(),
                            message: message.clone(),
                        })
                    })
                    .collect()
            }
        }
    }

    fn try_replace_articles(
        &self,
        records: &[Record],
    ) -> Result<Vec<Result<Written, StoreError>>, StoreError> {
        let written: Vec<Result<Vec<Quad>, StoreError>> = records
            .par_iter()
            .map(|r| {
                let quads = crate::graph::record_quads_with_base(r, &self.base)?;
                let bytes = nquads_bytes(&quads).map_err(|source| StoreError::Write {
                    what: format!("the graph of article `{}`", r.article.id),
                    source,
                })?;
                files::write_atomic(&files::graph_path(&self.dir, &r.article.id), &bytes)?;
                Ok(quads)
            })
            .collect();
        files::sync_dir(&self.dir.join(files::GRAPHS))?;
        let mut tx = self
            .inner
            .start_transaction()
            .map_err(|e| storage(&self.dir, e))?;
        let mut results = Vec::with_capacity(records.len());
        for (r, w) in records.iter().zip(written) {
            results.push(w.and_then(|quads| {
                if let Ok(g) = NamedNodeRef::new(&r.article.iri) {
                    tx.clear_graph(g).map_err(|e| storage(&self.dir, e))?;
                }
                tx.extend(quads.iter());
                Ok(Written { quads: quads.len() })
            }));
        }
        tx.commit().map_err(|e| storage(&self.dir, e))?;
        Ok(results)
    }

    /// Runs a SPARQL query. Unless the query names its own dataset (`FROM`), the
    /// default graph is the union of all article graphs; `GRAPH ?g { … }` tells which
    /// article says what.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        let mut prepared = SparqlEvaluator::new()
            .parse_query(sparql)
            .map_err(|e| StoreError::Syntax(e.to_string()))?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        prepared
            .on_store(&self.inner)
            .execute()
            .map_err(|e| StoreError::Query(e.to_string()))
    }

    /// Number of article graphs.
    pub fn article_count(&self) -> usize {
        self.inner.named_graphs().count()
    }

    /// Number of quads over all article graphs.
    pub fn quad_count(&self) -> Result<usize, StoreError> {
        self.inner.len().map_err(|e| storage(&self.dir, e))
    }

    /// Every quad of the store, in no particular order.
    pub fn quads(&self) -> Result<Vec<Quad>, StoreError> {
        self.inner
            .quads_for_pattern(None, None, None, None)
            .map(|q| q.map_err(|e| storage(&self.dir, e)))
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

fn read_graph_file(path: &Path) -> Result<Vec<Quad>, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, "cannot read", e))?;
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&bytes)
        .map(|q| {
            q.map_err(|e| StoreError::Corrupt {
                path: path.to_path_buf(),
                message: e.to_string(),
            })
        })
        .collect()
}

fn nquads_bytes(quads: &[Quad]) -> std::io::Result<Vec<u8>> {
    let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in quads {
        w.serialize_quad(q)?;
    }
    w.finish()
}

#[cfg(test)]
mod tests;
