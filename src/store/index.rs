//! The resolution index on disk: every article's slim record
//! ([`crate::resolve::index::slim`]) in one JSON Lines file, so that an ingest
//! re-resolves the corpus without parsing the full records or the graph files.
//!
//! ```text
//! DIR/index/records.jsonl   line 1: {"format": F, "articles": N}; then one slim record
//!                           per line, in article-id order
//! DIR/index/stale           present while an ingest is rewriting records: the index
//!                           may not match them, so it is rebuilt from DIR/records/
//! ```
//! The index is only a cache of `DIR/records/`: when it is missing, stale, of another
//! format, or unreadable, [`read`] answers `None` and the caller rebuilds it from the
//! records. This module must not decide anything about identity (that is `resolve`).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::files;
use super::StoreError;
use crate::extract::Record;
use crate::resolve::index::FORMAT;

/// Name of the index directory.
pub const INDEX: &str = "index";
/// Name of the index file in it.
pub const FILE: &str = "records.jsonl";
/// Name of the marker that says the index may be out of date.
pub const STALE: &str = "stale";

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    articles: usize,
}

fn path(dir: &Path) -> PathBuf {
    dir.join(INDEX).join(FILE)
}

/// Reads the index: the slim records in article-id order, or `None` when it cannot be
/// trusted (missing, marked stale, another format, unreadable).
pub fn read(dir: &Path) -> Option<Vec<Record>> {
    if dir.join(INDEX).join(STALE).exists() {
        return None;
    }
    let bytes = std::fs::read(path(dir)).ok()?;
    let mut lines = bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty());
    let header: Header = serde_json::from_slice(lines.next()?).ok()?;
    if header.format != FORMAT {
        return None;
    }
    let lines: Vec<&[u8]> = lines.collect();
    if lines.len() != header.articles {
        return None;
    }
    lines
        .par_iter()
        .map(|l| serde_json::from_slice::<Record>(l).ok())
        .collect()
}

/// Marks the index stale before records are rewritten (call with the lock held).
pub fn mark_stale(dir: &Path) -> Result<(), StoreError> {
    let d = dir.join(INDEX);
    std::fs::create_dir_all(&d).map_err(|e| StoreError::io(&d, "cannot create", e))?;
    files::set_mark(&d, STALE, b"")
}

/// Writes the index (slim records in any order; written sorted by article id)
/// atomically and clears the stale mark.
pub fn write(dir: &Path, records: &[Record]) -> Result<(), StoreError> {
    write_encoded(dir, &encode(records)?)
}

/// The bytes of the index file for these slim records (in any order).
pub fn encode(records: &[Record]) -> Result<Vec<u8>, StoreError> {
    let mut order: Vec<&Record> = records.iter().collect();
    order.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let lines: Vec<Vec<u8>> = order
        .par_iter()
        .map(serde_json::to_vec)
        .collect::<Result<_, _>>()
        .map_err(|e| StoreError::Write {
            what: "the resolution index".into(),
            source: e.into(),
        })?;
    let header = Header {
        format: FORMAT,
        articles: lines.len(),
    };
    let mut bytes = serde_json::to_vec(&header).map_err(|e| StoreError::Write {
        what: "the resolution index".into(),
        source: e.into(),
    })?;
    bytes.push(b'\n');
    for l in lines {
        bytes.extend_from_slice(&l);
        bytes.push(b'\n');
    }
    Ok(bytes)
}

/// Writes index bytes made by [`encode`] atomically and clears the stale mark.
pub fn write_encoded(dir: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let d = dir.join(INDEX);
    std::fs::create_dir_all(&d).map_err(|e| StoreError::io(&d, "cannot create", e))?;
    files::write_atomic(&path(dir), bytes)?;
    files::sync_dir(&d)?;
    files::clear_mark(&d, STALE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str) -> Record {
        serde_json::from_value(serde_json::json!({
            "article": {"id": id, "iri": format!("x:{id}"), "date": null, "title": null,
                        "source": id},
            "actors": [], "meetings": [], "statements": []
        }))
        .unwrap()
    }

    #[test]
    fn index_round_trips_sorted() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &[rec("b"), rec("a")]).unwrap();
        let back = read(dir.path()).unwrap();
        assert_eq!(back, vec![rec("a"), rec("b")]);
    }

    #[test]
    fn missing_index_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(dir.path()).is_none());
    }

    #[test]
    fn stale_index_is_none_until_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &[rec("a")]).unwrap();
        mark_stale(dir.path()).unwrap();
        assert!(read(dir.path()).is_none());
        write(dir.path(), &[rec("a")]).unwrap();
        assert!(read(dir.path()).is_some());
    }

    #[test]
    fn truncated_index_is_none() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &[rec("a"), rec("b")]).unwrap();
        let p = path(dir.path());
        let text = std::fs::read_to_string(&p).unwrap();
        let cut: Vec<&str> = text.lines().take(2).collect();
        std::fs::write(&p, cut.join("\n")).unwrap();
        assert!(read(dir.path()).is_none());
    }
}
