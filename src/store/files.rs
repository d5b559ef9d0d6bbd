//! The store directory on disk: layout, the ingest lock, listing graph files and
//! writing one atomically.
//!
//! ```text
//! DIR/newsgraph-store.json   marker: {"format": 2}; a directory without it is not a store
//!                            (written through DIR/.newsgraph-store.json.<pid>.tmp)
//! DIR/lock                   the ingest lock (an advisory exclusive file lock)
//! DIR/graphs/<id>.nq         one N-Quads file per article: a first comment line holding
//!                            the article's extraction record, as resolved, for the next
//!                            corpus-level resolution (`store::header`), then the
//!                            article graph's lines, sorted
//! DIR/graphs/.<id>.nq.tmp    a file being written; never read, removed on next ingest
//! DIR/records/<id>.json      stores written before format 2 only: the record of an
//!                            article whose graph file has no record line
//! DIR/corpus.nq              the corpus graph (merged facts' sources, canonical names)
//! DIR/index/records.jsonl    the resolution index: every record, slimmed to what
//!                            corpus-level resolution reads (see `store::index`)
//! DIR/index/stale            marker: the index may not match the records; rebuild it
//! DIR/actors.tsv|actors.ttl   the actor dictionary's copy (written by `ingest --actors`)
//! ```
//! `<id>` is the article id percent-encoded to `[A-Za-z0-9._~%-]`; an id that would
//! give a hidden or over-long name is shortened and suffixed with a hash of the id.
//! This module knows nothing of RDF; it moves bytes safely.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::StoreError;
use crate::resolve::{iri_segment, short_hash};

/// Name of the marker file that says a directory is a newsgraph store.
pub const MARKER: &str = "newsgraph-store.json";
/// Name of the lock file.
pub const LOCK: &str = "lock";
/// Name of the directory of graph files.
pub const GRAPHS: &str = "graphs";
/// Extension of graph files.
pub const EXT: &str = "nq";
/// Name of the directory of extraction records.
pub const RECORDS: &str = "records";
/// Name of the corpus graph file.
pub const CORPUS: &str = "corpus.nq";

const MARKER_CONTENT: &str = "{\"format\": 2}\n";

/// The file name stem for an article id.
pub fn file_stem(id: &str) -> String {
    let seg = iri_segment(id);
    if seg.is_empty() || seg.starts_with('.') || seg.len() > 120 {
        let head: String = seg.trim_start_matches('.').chars().take(80).collect();
        format!("{head}~{}", short_hash(&[id]))
    } else {
        seg
    }
}

/// The path of an article's graph file.
pub fn graph_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(GRAPHS).join(format!("{}.{EXT}", file_stem(id)))
}

/// The path of an article's extraction record in a store written before format 2
/// (later stores keep it in the graph file: `store::header`).
pub fn record_path(dir: &Path, id: &str) -> PathBuf {
    record_of_stem(dir, &file_stem(id))
}

/// [`record_path`] of the article whose graph file is `graph` (in `dir`'s graphs).
pub fn record_of_graph(dir: &Path, graph: &Path) -> PathBuf {
    record_of_stem(
        dir,
        &graph.file_stem().unwrap_or_default().to_string_lossy(),
    )
}

fn record_of_stem(dir: &Path, stem: &str) -> PathBuf {
    dir.join(RECORDS).join(format!("{stem}.json"))
}

fn tmp_path(final_path: &Path) -> PathBuf {
    let name = final_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    final_path.with_file_name(format!(".{name}.tmp"))
}

/// Checks that `dir` is a store (has the marker).
pub fn check_store(dir: &Path) -> Result<(), StoreError> {
    if !dir.is_dir() {
        return Err(StoreError::NotFound {
            path: dir.to_path_buf(),
        });
    }
    if !dir.join(MARKER).is_file() {
        return Err(StoreError::NotAStore {
            path: dir.to_path_buf(),
            marker: MARKER,
        });
    }
    Ok(())
}

/// Creates the store layout in `dir` if it is missing or empty; refuses a non-empty
/// directory that is not a store. Safe against a crash while creating (a directory
/// holding only a marker's temporary file counts as empty) and against another ingest
/// creating the same store at the same moment (no lock can be taken before the
/// marker exists): whichever marker lands first is kept.
pub fn create_store(dir: &Path) -> Result<(), StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, "cannot create", e))?;
    let marker = dir.join(MARKER);
    if !marker.is_file() {
        // Re-checked after listing: the other creator writes its marker before
        // anything else, so entries without a marker are not ours.
        if has_entries_besides_marker_temps(dir)? && !marker.is_file() {
            return Err(StoreError::NotAStore {
                path: dir.to_path_buf(),
                marker: MARKER,
            });
        }
        write_marker(dir)?;
    }
    let d = dir.join(GRAPHS);
    std::fs::create_dir_all(&d).map_err(|e| StoreError::io(&d, "cannot create", e))?;
    Ok(())
}

/// Whether `dir` holds anything but temporary files of the marker (left by a crash
/// while creating the store, or being written by another ingest creating it).
fn has_entries_besides_marker_temps(dir: &Path) -> Result<bool, StoreError> {
    let entries = std::fs::read_dir(dir).map_err(|e| StoreError::io(dir, "cannot list", e))?;
    for entry in entries {
        let entry = entry.map_err(|e| StoreError::io(dir, "cannot list", e))?;
        if !is_marker_temp(&entry.file_name().to_string_lossy()) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn is_marker_temp(name: &str) -> bool {
    name.starts_with(&format!(".{MARKER}.")) && name.ends_with(".tmp")
}

/// Writes the marker through a temporary file named after this process, so that two
/// ingests creating the store at once do not write the same temporary file. If the
/// rename fails because another ingest already put its marker there (and, holding
/// the lock, removed this temporary file as stale), that marker is as good.
fn write_marker(dir: &Path) -> Result<(), StoreError> {
    let marker = dir.join(MARKER);
    let tmp = dir.join(format!(".{MARKER}.{}.tmp", std::process::id()));
    let written = File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(MARKER_CONTENT.as_bytes())?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, &marker));
    match written {
        Ok(()) => {}
        Err(_) if marker.is_file() => {
            let _ = std::fs::remove_file(&tmp);
        }
        Err(e) => return Err(StoreError::io(&marker, "cannot write", e)),
    }
    sync_dir(dir)
}

/// Takes the ingest lock. With `wait`, blocks until the other holder is done;
/// without, fails with [`StoreError::Locked`]. The lock lasts as long as the file.
pub fn lock(dir: &Path, wait: bool) -> Result<File, StoreError> {
    let path = dir.join(LOCK);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| StoreError::io(&path, "cannot open lock file", e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) if wait => {
            file.lock()
                .map_err(|e| StoreError::io(&path, "cannot lock", e))?;
            Ok(file)
        }
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked { path }),
        Err(TryLockError::Error(e)) => Err(StoreError::io(&path, "cannot lock", e)),
    }
}

/// Every graph file of the store, sorted by name. Hidden (temporary) files are
/// skipped. A graph file carries its article's record (`store::header`) and is renamed
/// into place whole, so its presence commits the article. In a store written before
/// format 2, a graph with no record line is committed only by its record file (written
/// last then): a kill between the two left a graph no reader may see.
pub fn graph_files(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let graphs = dir.join(GRAPHS);
    if !graphs.is_dir() {
        return Ok(Vec::new());
    }
    let legacy = dir.join(RECORDS).is_dir();
    let entries =
        std::fs::read_dir(&graphs).map_err(|e| StoreError::io(&graphs, "cannot list", e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| StoreError::io(&graphs, "cannot list", e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || !name.ends_with(&format!(".{EXT}")) {
            continue;
        }
        let path = entry.path();
        let committed =
            !legacy || record_of_graph(dir, &path).is_file() || super::header::has(&path);
        if committed {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Removes temporary files left by an interrupted ingest (call with the lock held).
pub fn remove_stale_temps(dir: &Path) -> Result<(), StoreError> {
    for sub in [GRAPHS, RECORDS, super::index::INDEX, "."] {
        remove_temps_in(&dir.join(sub))?;
    }
    Ok(())
}

fn remove_temps_in(graphs: &Path) -> Result<(), StoreError> {
    let Ok(entries) = std::fs::read_dir(graphs) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') && name.ends_with(".tmp") {
            let p = entry.path();
            std::fs::remove_file(&p).map_err(|e| StoreError::io(&p, "cannot remove", e))?;
        }
    }
    Ok(())
}

/// Writes `bytes` to a temporary file next to `path`, syncs it and renames it over
/// `path`, so readers see the old file or the new one, never half of one. The caller
/// syncs the directory ([`sync_dir`]) once a batch is renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = tmp_path(path);
    let mut f = File::create(&tmp).map_err(|e| StoreError::io(&tmp, "cannot create", e))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| StoreError::io(&tmp, "cannot write", e))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(|e| StoreError::io(path, "cannot rename into place", e))
}

/// Threads that write and sync one batch's files: the work is waiting on the disk, not
/// on a core, and a device serves many syncs at once far faster than one at a time.
const IO_THREADS: usize = 16;

/// Writes every `(path, [head, body])` (the two written one after the other) to its temporary file and syncs it, on [`IO_THREADS`]
/// threads, without renaming anything: see [`rename_synced`]. Returns one result per
/// file, in order; a failed file leaves no temporary file behind.
pub fn write_synced_temps(files: &[(PathBuf, [&[u8]; 2])]) -> Vec<Result<(), StoreError>> {
    let results: Vec<std::sync::Mutex<Option<Result<(), StoreError>>>> =
        files.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || loop {
        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let Some((path, parts)) = files.get(k) else {
            break;
        };
        let r = write_synced_temp(path, parts);
        if let Ok(mut slot) = results[k].lock() {
            *slot = Some(r);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..IO_THREADS.min(files.len()) {
            scope.spawn(work);
        }
        work();
    });
    results
        .into_iter()
        .zip(files)
        .map(|(slot, (path, _))| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                Err(StoreError::Storage {
                    path: path.clone(),
                    message: "a writer thread failed".into(),
                })
            })
        })
        .collect()
}

fn write_synced_temp(path: &Path, parts: &[&[u8]; 2]) -> Result<(), StoreError> {
    let tmp = tmp_path(path);
    let written = File::create(&tmp)
        .map_err(|e| StoreError::io(&tmp, "cannot create", e))
        .and_then(|mut f| {
            f.write_all(parts[0])
                .and_then(|()| f.write_all(parts[1]))
                .and_then(|()| f.sync_all())
                .map_err(|e| StoreError::io(&tmp, "cannot write", e))
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Renames the synced temporary file of `path` (from [`write_synced_temps`]) over
/// `path`. The caller syncs the directory ([`sync_dir`]) once a batch is renamed.
pub fn rename_synced(path: &Path) -> Result<(), StoreError> {
    std::fs::rename(tmp_path(path), path)
        .map_err(|e| StoreError::io(path, "cannot rename into place", e))
}

/// Creates the temporary file of `path`, empty, unless it exists. Creating a file
/// (an inode and a directory entry) costs many times what opening it again does, so
/// a writer with an idle core creates the files it will write ahead of time; the
/// writes then truncate and fill them ([`write_synced_temps`]). A file created
/// ahead stays a hidden temporary file: never read, removed by [`remove_temp`] when
/// its write fails or does not happen, or by [`remove_stale_temps`] after a crash.
pub fn create_temp(path: &Path) -> Result<(), StoreError> {
    let tmp = tmp_path(path);
    match OpenOptions::new().write(true).create_new(true).open(&tmp) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::io(&tmp, "cannot create", e)),
    }
}

/// Removes the temporary file of `path`, if any (after a failed write or rename).
pub fn remove_temp(path: &Path) {
    let _ = std::fs::remove_file(tmp_path(path));
}

/// Writes the mark file `name` in `dir` (a "stale" flag) and syncs the directory, so
/// the mark is durable before anything it guards changes. Rewritten when present: a
/// mark left by a crash may not have been synced.
pub fn set_mark(dir: &Path, name: &str, text: &[u8]) -> Result<(), StoreError> {
    write_atomic(&dir.join(name), text)?;
    sync_dir(dir)
}

/// Removes the mark file `name` from `dir`, if present, and syncs the directory.
pub fn clear_mark(dir: &Path, name: &str) -> Result<(), StoreError> {
    let path = dir.join(name);
    match std::fs::remove_file(&path) {
        Ok(()) => sync_dir(dir),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io(&path, "cannot remove", e)),
    }
}

/// Syncs a directory so that renames in it survive a crash.
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io(dir, "cannot sync directory", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stem_keeps_plain_ids() {
        assert_eq!(file_stem("000_b7c33502702b2378"), "000_b7c33502702b2378");
    }

    #[test]
    fn file_stem_escapes_slashes() {
        assert_eq!(file_stem("a/b"), "a%2Fb");
    }

    #[test]
    fn file_stem_avoids_hidden_names() {
        assert!(!file_stem("..").starts_with('.'));
        assert!(!file_stem("").is_empty());
    }

    #[test]
    fn file_stem_shortens_long_ids() {
        assert!(file_stem(&"x".repeat(500)).len() < 120);
    }

    #[test]
    fn second_lock_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _first = lock(dir.path(), false).unwrap();
        assert!(matches!(
            lock(dir.path(), false),
            Err(StoreError::Locked { .. })
        ));
    }

    #[test]
    fn create_takes_a_directory_with_only_a_marker_temp_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".newsgraph-store.json.tmp"), "{").unwrap();
        create_store(dir.path()).unwrap();
        assert!(dir.path().join(MARKER).is_file());
    }

    #[test]
    fn create_refuses_a_directory_with_another_hidden_temp() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".notes.tmp"), "mine").unwrap();
        assert!(matches!(
            create_store(dir.path()),
            Err(StoreError::NotAStore { .. })
        ));
    }

    #[test]
    fn create_refuses_foreign_directory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x"), "y").unwrap();
        assert!(matches!(
            create_store(dir.path()),
            Err(StoreError::NotAStore { .. })
        ));
    }
}
