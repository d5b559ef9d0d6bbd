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

use std::collections::{HashMap, HashSet};
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
    write_reusing(dir, records, &HashSet::new())
}

/// [`write`], copying the line of every article named in `unchanged` from the index
/// file as it stands (when it has one for that article) instead of serialising its
/// record again: the caller vouches that those records are the ones read from it.
pub fn write_reusing(
    dir: &Path,
    records: &[Record],
    unchanged: &HashSet<&str>,
) -> Result<(), StoreError> {
    let d = dir.join(INDEX);
    std::fs::create_dir_all(&d).map_err(|e| StoreError::io(&d, "cannot create", e))?;
    let current = if unchanged.is_empty() {
        Vec::new()
    } else {
        std::fs::read(path(dir)).unwrap_or_default()
    };
    let old = lines_by_id(&current, unchanged);
    let mut order: Vec<&Record> = records.iter().collect();
    order.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let lines: Vec<std::borrow::Cow<[u8]>> = order
        .par_iter()
        .map(|r| match old.get(r.article.id.as_str()) {
            Some(line) => Ok(std::borrow::Cow::Borrowed(*line)),
            None => serde_json::to_vec(r).map(std::borrow::Cow::Owned),
        })
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
    files::write_atomic(&path(dir), &bytes)?;
    files::sync_dir(&d)?;
    files::clear_mark(&d, STALE)
}

/// The lines of an index file (its bytes) for the articles in `wanted`, by article id.
/// A line's id is read from its start (`{"article":{"id":"…"`, as [`write`] puts it);
/// a line that does not start so is left out, and its article is serialised again.
fn lines_by_id<'a>(bytes: &'a [u8], wanted: &HashSet<&str>) -> HashMap<String, &'a [u8]> {
    const START: &[u8] = br#"{"article":{"id":"#;
    bytes
        .split(|&b| b == b'\n')
        .skip(1)
        .filter_map(|line| {
            let rest = line.strip_prefix(START)?;
            let id: String = serde_json::Deserializer::from_slice(rest)
                .into_iter::<String>()
                .next()?
                .ok()?;
            wanted.contains(id.as_str()).then_some((id, line))
        })
        .collect()
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
    fn unchanged_lines_are_copied_as_they_stand() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &[rec("a"), rec("b")]).unwrap();
        let p = path(dir.path());
        // Mark the stored line of "a" so that a copy can be told from a re-serialisation.
        let text = std::fs::read_to_string(&p).unwrap();
        let marked = text.replace(r#""source":"a""#, r#""source":"a","x":1"#);
        std::fs::write(&p, &marked).unwrap();
        let mut b = rec("b");
        b.article.source = "b2".into();
        write_reusing(
            dir.path(),
            &[b.clone(), rec("a"), rec("c")],
            &HashSet::from(["a"]),
        )
        .unwrap();
        let after = std::fs::read_to_string(&p).unwrap();
        assert!(after.contains(r#""source":"a","x":1"#));
        assert!(after.contains(r#""source":"b2""#));
        assert_eq!(read(dir.path()).unwrap(), vec![rec("a"), b, rec("c")]);
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
