//! The online-resolution state on disk (`DIR/index/clusters.state`): every published
//! cluster reduced to what placing new facts needs ([`crate::resolve::online::State`]),
//! as one line naming the index files it was written against, then the state's JSON.
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
pub const FILE: &str = "clusters.state";

/// Whether the store has a state file at all (read nothing): a cheap first test.
pub fn exists(dir: &Path) -> bool {
    path(dir).is_file()
}

fn path(dir: &Path) -> PathBuf {
    dir.join(INDEX).join(FILE)
}

/// The index files beside the state, with their sizes, one line: what the state was
/// written against. An ingest by a build that does not know the state (it leaves the
/// file alone) appends a segment or rewrites the base, and so changes this line.
fn index_files(dir: &Path) -> String {
    let Ok(entries) = std::fs::read_dir(dir.join(INDEX)) else {
        return String::new();
    };
    let mut files: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let len = e.metadata().ok()?.len();
            (name.ends_with(".jsonl")).then(|| format!("{name}:{len}"))
        })
        .collect();
    files.sort();
    files.join(" ")
}

/// The state, when it can be trusted: present, parsed, of this format and base,
/// written against the index files that are there now, and the index not marked stale.
pub fn read(dir: &Path, base: &str) -> Option<State> {
    if dir.join(INDEX).join(STALE).exists() {
        return None;
    }
    let bytes = std::fs::read(path(dir)).ok()?;
    let split = bytes.iter().position(|&b| b == b'\n')?;
    if bytes[..split] != *index_files(dir).as_bytes() {
        return None;
    }
    let state: State = serde_json::from_slice(&bytes[split + 1..]).ok()?;
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

/// Writes a state's [`bytes`] atomically, after a line naming the index files it
/// matches (call once the index is written).
pub fn write(dir: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let p = path(dir);
    let d = dir.join(INDEX);
    std::fs::create_dir_all(&d).map_err(|e| StoreError::io(&d, "cannot create", e))?;
    let mut file = index_files(dir).into_bytes();
    file.push(b'\n');
    file.extend_from_slice(bytes);
    files::write_atomic(&p, &file)?;
    files::sync_dir(&d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::DEFAULT_BASE;

    fn state() -> State {
        State {
            format: FORMAT,
            base: DEFAULT_BASE.to_string(),
            ..Default::default()
        }
    }

    fn index_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(INDEX)).unwrap();
        std::fs::write(dir.path().join(INDEX).join("records.jsonl"), "{}\n").unwrap();
        dir
    }

    #[test]
    fn a_written_state_reads_back() {
        let dir = index_dir();
        write(dir.path(), &bytes(dir.path(), &state()).unwrap()).unwrap();
        assert_eq!(read(dir.path(), DEFAULT_BASE), Some(state()));
        assert_eq!(read(dir.path(), "http://other/"), None);
    }

    #[test]
    fn a_state_is_not_trusted_once_the_index_changed_beside_it() {
        let dir = index_dir();
        write(dir.path(), &bytes(dir.path(), &state()).unwrap()).unwrap();
        let seg = dir.path().join(INDEX).join("added-000001.jsonl");
        std::fs::write(seg, "{}\n").unwrap();
        assert_eq!(read(dir.path(), DEFAULT_BASE), None);
    }

    #[test]
    fn a_forgotten_or_stale_state_is_none() {
        let dir = index_dir();
        write(dir.path(), &bytes(dir.path(), &state()).unwrap()).unwrap();
        std::fs::write(dir.path().join(INDEX).join(STALE), "").unwrap();
        assert_eq!(read(dir.path(), DEFAULT_BASE), None);
        std::fs::remove_file(dir.path().join(INDEX).join(STALE)).unwrap();
        forget(dir.path()).unwrap();
        assert_eq!(read(dir.path(), DEFAULT_BASE), None);
    }
}
