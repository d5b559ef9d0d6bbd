//! Writing article batches: mapping and serialising records, the group commit of
//! their files (see [`Store::replace_articles`]), swapping them in memory, and the
//! pipelined variant that overlaps one batch's disk syncs with the next one's mapping.
//! Nothing here reads the store or decides what a record says.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use oxigraph::model::{NamedNodeRef, Quad};
use rayon::prelude::*;

use super::swap::{put_graphs, GraphSwap};
use super::{files, header, load, storage, Store, StoreError, Written};
use crate::extract::Record;

/// How many batches of a write-only store [`Store::replace_articles_streamed`] writes
/// at once.
const WRITES_IN_FLIGHT: usize = 2;

impl Store {
    /// [`Store::replace_articles`] over a sequence of batches, pipelined: while one
    /// batch's files are written and synced (waiting on the disk) on another thread, the
    /// next batch is mapped and serialised on the cores. `done` gets each batch and
    /// its results, in order. Each article must appear at most once over all batches
    /// (a batch reads what its articles' files held while the one before is written).
    pub fn replace_articles_streamed<'r>(
        &self,
        batches: impl IntoIterator<Item = &'r [Record]>,
        mut done: impl FnMut(&'r [Record], Vec<Result<Written, StoreError>>),
    ) {
        // Batches written at once. Writing a batch is mostly waiting (syncs of its
        // files, then of each directory), so two batches of a write-only store are
        // written side by side: each still follows the commit order of
        // `try_write_prepared` (its records are renamed only once its graphs are
        // durable), and the articles are independent. A loaded store swaps each batch
        // into memory as it is written: one at a time, in order.
        let in_flight = if self.loaded { 1 } else { WRITES_IN_FLIGHT };
        std::thread::scope(|scope| {
            let mut writing = VecDeque::new();
            for batch in batches {
                let prepared = self.prepare(batch);
                if writing.len() >= in_flight {
                    if let Some((b, h)) = writing.pop_front() {
                        done(b, join_results(b, &self.dir, h));
                    }
                }
                writing.push_back((
                    batch,
                    scope.spawn(move || self.write_prepared(batch, prepared)),
                ));
            }
            for (b, h) in writing {
                done(b, join_results(b, &self.dir, h));
            }
        });
    }

    /// Creates the temporary files that storing the articles `ids` will write (each
    /// one's graph and record, in this order; see [`files::create_temp`]), empty,
    /// until `stop` is set. Meant for a core that would otherwise wait, such as while
    /// corpus-level resolution runs on one thread; must be stopped before those
    /// articles are written. Every article must then be stored
    /// ([`Store::replace_articles_streamed`] removes the files of those that fail) or
    /// given to [`Store::remove_temps`]. Returns how many articles it prepared.
    pub fn create_temps_ahead(&self, ids: &[&str], stop: &AtomicBool) -> usize {
        if self.lock.is_none() {
            return 0;
        }
        for (n, id) in ids.iter().enumerate() {
            if stop.load(Ordering::Relaxed) {
                return n;
            }
            if files::create_temp(&files::graph_path(&self.dir, id)).is_err() {
                // The writer will report what is wrong, if it still is.
                return n;
            }
        }
        ids.len()
    }

    /// Removes the temporary files of the articles `ids` (created by
    /// [`Store::create_temps_ahead`] for articles that will not be stored after all).
    pub fn remove_temps(&self, ids: &[&str]) {
        for id in ids {
            files::remove_temp(&files::graph_path(&self.dir, id));
        }
    }

    /// Maps and serialises each record (on the cores); nothing is written.
    pub(super) fn prepare(&self, records: &[Record]) -> Vec<Result<Prepared, StoreError>> {
        if self.lock.is_none() {
            return records
                .iter()
                .map(|_| {
                    Err(StoreError::ReadOnly {
                        path: self.dir.clone(),
                    })
                })
                .collect();
        }
        records
            .par_iter()
            .map(|r| {
                let nquads = crate::graph::record_nquads_with_base(r, &self.base)?;
                // What the store holds for this article now, from its file (read before
                // the file is replaced), so the swap need not read the store back.
                let old = if self.loaded {
                    load::read_graph_file(&files::graph_path(&self.dir, &r.article.id)).ok()
                } else {
                    None
                };
                // The quads are kept only to swap them in memory: read back from the
                // text, as loading the file would.
                let quads: Vec<Quad> = if self.loaded {
                    nquads.to_quads(&r.article.id)?
                } else {
                    Vec::new()
                };
                let record = header::record_line(r).map_err(|e| StoreError::Write {
                    what: format!("the record of article `{}`", r.article.id),
                    source: e.into(),
                })?;
                Ok(Prepared {
                    count: nquads.quads,
                    quads,
                    old,
                    record,
                    graph: nquads.text,
                })
            })
            .collect()
    }

    /// Writes prepared records (see [`Store::replace_articles`]); one result each.
    pub(super) fn write_prepared(
        &self,
        records: &[Record],
        prepared: Vec<Result<Prepared, StoreError>>,
    ) -> Vec<Result<Written, StoreError>> {
        match self.try_write_prepared(records, prepared) {
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

    fn try_write_prepared(
        &self,
        records: &[Record],
        prepared: Vec<Result<Prepared, StoreError>>,
    ) -> Result<Vec<Result<Written, StoreError>>, StoreError> {
        // Group commit: every graph file of the batch (its record on the first line) is
        // written to its temporary file and synced at once; then each goes into place
        // and their directory is synced. A batch costs one directory sync and the
        // device's time for the file syncs done together, not a sync per article.
        let mut paths = Vec::new();
        let mut temps: Vec<(PathBuf, [&[u8]; 2])> = Vec::new();
        for (r, p) in records.iter().zip(&prepared) {
            let graph = files::graph_path(&self.dir, &r.article.id);
            if let Ok(p) = p {
                temps.push((graph.clone(), [p.record.as_slice(), p.graph.as_slice()]));
                paths.push(Some(graph));
            } else {
                // Nothing to write; a file created ahead for it goes.
                files::remove_temp(&graph);
                paths.push(None);
            }
        }
        if temps.is_empty() {
            // Nothing to write (every record failed before): touch nothing.
            return Ok(prepared
                .into_iter()
                .map(|p| p.map(|p| Written { quads: p.count }))
                .collect());
        }
        let mut synced = files::write_synced_temps(&temps).into_iter();
        let mut status: Vec<Result<(), StoreError>> = Vec::with_capacity(records.len());
        for p in &paths {
            let Some(graph) = p else {
                status.push(Ok(()));
                continue;
            };
            let done = synced
                .next()
                .unwrap_or(Ok(()))
                .and_then(|()| files::rename_synced(graph));
            if done.is_err() {
                files::remove_temp(graph);
            }
            status.push(done);
        }
        files::sync_dir(&self.dir.join(files::GRAPHS))?;
        // A store written before format 2 may still hold these articles' old record
        // files; the graph files' record lines now stand for them.
        if self.dir.join(files::RECORDS).is_dir() {
            for (r, st) in records.iter().zip(&status) {
                if st.is_ok() {
                    let _ = std::fs::remove_file(files::record_path(&self.dir, &r.article.id));
                }
            }
        }
        let mut written: Vec<Result<Prepared, StoreError>> = prepared
            .into_iter()
            .zip(status)
            .map(|(p, st)| p.and_then(|p| st.map(|()| p)))
            .collect();
        if self.loaded {
            // The batch's graphs go into the store together (see `swap::put_graphs`).
            let mut graphs = Vec::new();
            for (r, w) in records.iter().zip(written.iter_mut()) {
                if let (Ok(p), Ok(graph)) = (w, NamedNodeRef::new(&r.article.iri)) {
                    graphs.push(GraphSwap {
                        graph,
                        quads: &p.quads,
                        old: p.old.take(),
                    });
                }
            }
            put_graphs(&self.inner, &graphs).map_err(|e| storage(&self.dir, e))?;
        }
        Ok(written
            .into_iter()
            .map(|w| w.map(|p| Written { quads: p.count }))
            .collect())
    }
}

/// The results of a batch written on another thread; a writer that panicked fails
/// every record of its batch.
fn join_results(
    batch: &[Record],
    dir: &Path,
    h: std::thread::ScopedJoinHandle<'_, Vec<Result<Written, StoreError>>>,
) -> Vec<Result<Written, StoreError>> {
    h.join().unwrap_or_else(|_| {
        batch
            .iter()
            .map(|_| {
                Err(StoreError::Storage {
                    path: dir.to_path_buf(),
                    message: "the writer thread failed".into(),
                })
            })
            .collect()
    })
}

/// One article's graph and record, serialised and waiting to be written.
pub(super) struct Prepared {
    /// Quads in the graph.
    count: usize,
    /// The quads themselves, only when the store is loaded in memory.
    quads: Vec<Quad>,
    /// What the article's graph file held before (only when loaded; `None` for a
    /// new article or an unreadable file).
    old: Option<Vec<Quad>>,
    /// The graph file's first line: the record ([`header::record_line`]).
    record: Vec<u8>,
    /// The graph's N-Quads text, the rest of the file.
    graph: Vec<u8>,
}
