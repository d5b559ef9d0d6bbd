//! Opening a store: parse every graph file and bulk-load it into Oxigraph's in-memory
//! store, with each triple also once in the merged default graph.
//!
//! Parsing (in parallel, on the rayon pool) and loading (one writer, as Oxigraph's
//! in-memory store allows) overlap: a parser thread hands chunks of parsed files to
//! the loader through a short queue, so opening costs about the larger of the two,
//! not their sum. This module only reads; it never writes the directory.

use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use rayon::prelude::*;

use super::swap::merged_copy;
use super::{files, storage, StoreError};

/// How many graph files are parsed (in parallel) before they go to the loader.
const LOAD_CHUNK: usize = 256;
/// How many parsed chunks may wait for the loader.
const QUEUE: usize = 2;

/// Loads every graph file of `dir` (and the corpus graph) into a new in-memory store.
pub fn load_graphs(dir: &Path) -> Result<oxigraph::store::Store, StoreError> {
    let inner = oxigraph::store::Store::new().map_err(|e| storage(dir, e))?;
    load_into(dir, &inner)?;
    Ok(inner)
}

/// Bulk-loads every graph file of `dir` (and the corpus graph) into `inner`, an empty
/// store (in memory, or the RocksDB mirror being rebuilt).
pub fn load_into(dir: &Path, inner: &oxigraph::store::Store) -> Result<(), StoreError> {
    let mut paths = files::graph_files(dir)?;
    let corpus = dir.join(files::CORPUS);
    if corpus.is_file() {
        paths.push(corpus);
    }
    let chunks: Vec<Vec<PathBuf>> = paths.chunks(LOAD_CHUNK).map(<[_]>::to_vec).collect();
    let (tx, rx) = sync_channel::<Result<Vec<Vec<Quad>>, StoreError>>(QUEUE);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for chunk in chunks {
                let parsed = chunk
                    .par_iter()
                    .map(|p| read_graph_file(p))
                    .collect::<Result<Vec<_>, _>>();
                let failed = parsed.is_err();
                if tx.send(parsed).is_err() || failed {
                    return;
                }
            }
        });
        let mut loader = inner.bulk_loader();
        for parsed in rx {
            let parsed = parsed?;
            // Each quad goes in its article graph and, as a triple, in the merged
            // default graph (a set, so shared triples are stored once).
            let named = parsed.iter().flatten().cloned();
            let merged = parsed.iter().flatten().map(merged_copy);
            loader
                .load_quads(named.chain(merged))
                .map_err(|e| storage(dir, e))?;
        }
        loader.commit().map_err(|e| storage(dir, e))
    })
}

/// Parses one graph file.
pub(super) fn read_graph_file(path: &Path) -> Result<Vec<Quad>, StoreError> {
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
