//! The online-resolution state on disk (`DIR/index/clusters.json`): every published
//! cluster reduced to what placing new facts needs ([`crate::resolve::online::State`]).
//!
//! Like the resolution index, it is a cache: it is removed before an ingest rewrites
//! anything and written again only once the index is committed, so a state on disk
//! always matches the records and index beside it. A missing, unreadable or foreign
//! state is `None`, and the next ingest resolves in batch and writes a new one. This
//! module decides nothing about identity.

use std::path::{Path, PathBuf};

use super::files;
use super::index::{INDEX, STALE};
use super::StoreError;
use crate::resolve::online::{State, FORMAT};

/// Name of the state file in the index directory.
pub const FILE: &str = "clusters.json";

fn path(dir: &Path) -> PathBuf {
    dir.join(INDEX).join(FILE)
}

/// The state, when it can be trusted: present, parsed, of this format and base, and
/// the index beside it not marked stale.
pub fn read(dir: &Path, base: &str) -> Option<State> {
    if dir.join(INDEX).join(STALE).exists() {
        return None;
    }
    let bytes = std::fs::read(path(dir)).ok()?;
    let state: State = serde_json::from_slice(&bytes).ok()?;
    (state.format == FORMAT && state.base == base).then_some(state)
}

/// Removes the state (before records are rewritten).
pub fn forget(dir: &Path) -> Result<(), StoreError> {
    let p = path(dir);
    match std::fs::remove_file(&p) {
        Ok(()) => files::sync_dir(&dir.join(INDEX)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io(&p, "cannot remove", e)),
    }
}

/// The bytes [`write`] writes for a state (made apart, so that a writer can make them
/// on a spare thread).
pub fn bytes(dir: &Path, state: &State) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(state)
        .map_err(|e| StoreError::io(path(dir), "cannot serialise", std::io::Error::other(e)))
}

/// Writes a state's [`bytes`] atomically.
pub fn write(dir: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let p = path(dir);
    let d = dir.join(INDEX);
    std::fs::create_dir_all(&d).map_err(|e| StoreError::io(&d, "cannot create", e))?;
    files::write_atomic(&p, bytes)?;
    files::sync_dir(&d)
}
