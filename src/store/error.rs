//! Errors of the store: each carries the path (or query) it is about and its cause, so
//! the user can act on it.

use std::path::PathBuf;

/// A problem opening, writing, querying or exporting a store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// There is no store at this path.
    #[error("{path}: no newsgraph store here (run `newsgraph ingest --store {path} …` first)")]
    NotFound {
        /// The store directory.
        path: PathBuf,
    },
    /// The directory exists, is not empty, and is not a newsgraph store.
    #[error("{path}: not a newsgraph store (no {marker}); refusing to write into it")]
    NotAStore {
        /// The directory.
        path: PathBuf,
        /// The marker file that is missing.
        marker: &'static str,
    },
    /// Another process holds the ingest lock.
    #[error("{path}: the store is being written by another `newsgraph ingest`; try again when it has finished")]
    Locked {
        /// The lock file.
        path: PathBuf,
    },
    /// The store was opened read-only and cannot be written.
    #[error("{path}: store opened read-only")]
    ReadOnly {
        /// The store directory.
        path: PathBuf,
    },
    /// A file system operation failed.
    #[error("{path}: {action}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What was being done ("cannot write", "cannot rename", …).
        action: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// A graph file does not parse.
    #[error("{path}: damaged graph file: {message}")]
    Corrupt {
        /// The graph file.
        path: PathBuf,
        /// What the parser said.
        message: String,
    },
    /// A record cannot be mapped to RDF.
    #[error(transparent)]
    Graph(#[from] crate::graph::GraphError),
    /// Oxigraph's in-memory storage failed.
    #[error("store {path}: {message}")]
    Storage {
        /// The store directory.
        path: PathBuf,
        /// The cause.
        message: String,
    },
    /// The SPARQL query does not parse.
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    /// The SPARQL query failed while running.
    #[error("SPARQL query failed: {0}")]
    Query(String),
    /// Writing an export or query result failed.
    #[error("cannot write {what}: {source}")]
    Write {
        /// What was being written.
        what: String,
        /// The cause.
        source: std::io::Error,
    },
}

impl StoreError {
    /// An I/O error with its path and action.
    pub(crate) fn io(
        path: impl Into<PathBuf>,
        action: &'static str,
        source: std::io::Error,
    ) -> Self {
        StoreError::Io {
            path: path.into(),
            action,
            source,
        }
    }
}
