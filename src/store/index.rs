//! The resolution index on disk: every article's slim record
//! ([`crate::resolve::index::slim`]) in JSON Lines files, so that an ingest
//! re-resolves the corpus without parsing the full records or the graph files.
//!
//! ```text
//! DIR/index/records.jsonl      the base: line 1 {"format": F, "articles": N}; then one
//!                              slim record per line, in article-id order
//! DIR/index/added-000001.jsonl segments, same layout: the records an ingest added or
//!                              re-linked; a later file's record replaces an earlier
//!                              one of the same article
//! DIR/index/stale              present while an ingest is rewriting records: the index
//!                              may not match them, so it is rebuilt from the records
//! ```
//! Published IRIs stay put (`resolve::published`), so an ingest changes few earlier
//! records: it appends a segment of what it changed instead of rewriting the whole
//! index (903 MB at 100,000 articles), and folds the segments into a new base once
//! they hold a quarter of the base's bytes (or [`MAX_SEGMENTS`] files).
//!
//! The index is only a cache of the stored records (each graph file's first line): when it is missing, stale, of another
//! format, or unreadable, [`read`] answers `None` and the caller rebuilds it from the
//! records. This module must not decide anything about identity (that is `resolve`).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::files;
use super::StoreError;
use crate::extract::Record;
use crate::nlp::fxhash::FxHashMap;
use crate::resolve::index::FORMAT;

/// Name of the index directory.
pub const INDEX: &str = "index";
/// Name of the index file in it.
pub const FILE: &str = "records.jsonl";
/// Name of the marker that says the index may be out of date.
pub const STALE: &str = "stale";
/// Segments kept before they are folded into the base, whatever their size.
pub const MAX_SEGMENTS: usize = 32;

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    articles: usize,
}

fn path(dir: &Path) -> PathBuf {
    dir.join(INDEX).join(FILE)
}

/// The segment files, in the order they were written.
fn segments(dir: &Path) -> Vec<(u32, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir.join(INDEX)) else {
        return Vec::new();
    };
    let mut out: Vec<(u32, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let n = name.strip_prefix("added-")?.strip_suffix(".jsonl")?;
            Some((n.parse().ok()?, e.path()))
        })
        .collect();
    out.sort();
    out
}

/// Parses one index file, or `None` when it cannot be trusted.
fn read_file(path: &Path) -> Option<Vec<Record>> {
    let bytes = std::fs::read(path).ok()?;
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

/// Reads the index: the slim records in article-id order, or `None` when it cannot be
/// trusted (missing, marked stale, another format, unreadable).
pub fn read(dir: &Path) -> Option<Vec<Record>> {
    if dir.join(INDEX).join(STALE).exists() {
        return None;
    }
    let mut records = read_file(&path(dir))?;
    let segs = segments(dir);
    if segs.is_empty() {
        return Some(records);
    }
    let mut at: FxHashMap<String, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.article.id.clone(), i))
        .collect();
    for (_, seg) in segs {
        for r in read_file(&seg)? {
            match at.get(&r.article.id) {
                Some(&i) => records[i] = r,
                None => {
                    at.insert(r.article.id.clone(), records.len());
                    records.push(r);
                }
            }
        }
    }
    records.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    Some(records)
}

/// Marks the index stale before records are rewritten (call with the lock held).
pub fn mark_stale(dir: &Path) -> Result<(), StoreError> {
    let d = dir.join(INDEX);
    std::fs::create_dir_all(&d).map_err(|e| StoreError::io(&d, "cannot create", e))?;
    files::set_mark(&d, STALE, b"")
}

/// The bytes of an index file holding `records`, sorted by article id.
fn file_bytes(records: &[&Record]) -> Result<Vec<u8>, StoreError> {
    let mut order: Vec<&Record> = records.to_vec();
    order.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    let err = |e: serde_json::Error| StoreError::Write {
        what: "the resolution index".into(),
        source: e.into(),
    };
    let lines: Vec<Vec<u8>> = order
        .par_iter()
        .map(serde_json::to_vec)
        .collect::<Result<_, _>>()
        .map_err(err)?;
    let header = Header {
        format: FORMAT,
        articles: lines.len(),
    };
    let mut bytes = serde_json::to_vec(&header).map_err(err)?;
    bytes.push(b'\n');
    for l in lines {
        bytes.extend_from_slice(&l);
        bytes.push(b'\n');
    }
    Ok(bytes)
}

/// Writes the index atomically and clears the stale mark: every record of `all` (slim
/// records in any order) as a new base, or, when `changed` is given (the records that
/// differ from the index read at the start of the ingest), only those as a new segment
/// while the segments stay small.
pub fn write(dir: &Path, all: &[Record], changed: Option<&[&Record]>) -> Result<(), StoreError> {
    commit(dir, prepare(dir, all, changed)?)
}

/// The index file an ingest will write, made before it is written (see [`prepare`]):
/// a segment of the records that changed, or the whole index.
pub struct Prepared {
    /// `Some(n)`: segment `added-n.jsonl`; `None`: the whole index, replacing every
    /// segment.
    segment: Option<u32>,
    bytes: Vec<u8>,
}

/// Makes the bytes [`write`] would write, without writing anything: a writer can make
/// them while it stores articles, and write them with [`commit`] once those are stored.
/// The choice between a segment and the whole index reads the sizes of the index files
/// on disk, which only the writer (holding the store's lock) changes.
pub fn prepare(
    dir: &Path,
    all: &[Record],
    changed: Option<&[&Record]>,
) -> Result<Prepared, StoreError> {
    let segs = segments(dir);
    if let Some(changed) = changed {
        let bytes = file_bytes(changed)?;
        let base = std::fs::metadata(path(dir)).map(|m| m.len()).unwrap_or(0);
        let added: u64 = segs
            .iter()
            .filter_map(|(_, p)| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum::<u64>()
            + bytes.len() as u64;
        if base > 0 && 4 * added <= base && segs.len() < MAX_SEGMENTS {
            let n = segs.last().map_or(1, |(n, _)| n + 1);
            return Ok(Prepared {
                segment: Some(n),
                bytes,
            });
        }
    }
    let every: Vec<&Record> = all.iter().collect();
    Ok(Prepared {
        segment: None,
        bytes: file_bytes(&every)?,
    })
}

/// Whether an ingest may append a segment without reading the index: the base is
/// there in this format, nothing marks it stale, and the segments leave room for one
/// more (fewer than [`MAX_SEGMENTS`] − 1 files, under a fifth of the base's bytes),
/// so that no fold, which needs every record, is due.
pub fn appendable(dir: &Path) -> bool {
    if dir.join(INDEX).join(STALE).exists() {
        return false;
    }
    let Ok(file) = std::fs::File::open(path(dir)) else {
        return false;
    };
    let mut first = String::new();
    let read = std::io::BufRead::read_line(&mut std::io::BufReader::new(file), &mut first);
    let header: Option<Header> = read.ok().and_then(|_| serde_json::from_str(&first).ok());
    if header.is_none_or(|h| h.format != FORMAT) {
        return false;
    }
    let base = std::fs::metadata(path(dir)).map(|m| m.len()).unwrap_or(0);
    let segs = segments(dir);
    let added: u64 = segs
        .iter()
        .filter_map(|(_, p)| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    segs.len() + 1 < MAX_SEGMENTS && 5 * added < base
}

/// A segment of `changed` records, whatever the sizes (see [`appendable`]).
pub fn prepare_segment(dir: &Path, changed: &[&Record]) -> Result<Prepared, StoreError> {
    let n = segments(dir).last().map_or(1, |(n, _)| n + 1);
    Ok(Prepared {
        segment: Some(n),
        bytes: file_bytes(changed)?,
    })
}

/// Writes a [`Prepared`] index file: a segment, or the whole index (removing the
/// segments it folds in); then clears the stale mark.
pub fn commit(dir: &Path, prepared: Prepared) -> Result<(), StoreError> {
    let d = dir.join(INDEX);
    std::fs::create_dir_all(&d).map_err(|e| StoreError::io(&d, "cannot create", e))?;
    if let Some(n) = prepared.segment {
        files::write_atomic(&d.join(format!("added-{n:06}.jsonl")), &prepared.bytes)?;
        files::sync_dir(&d)?;
        return files::clear_mark(&d, STALE);
    }
    let segs = segments(dir);
    files::write_atomic(&path(dir), &prepared.bytes)?;
    for (_, p) in segs {
        std::fs::remove_file(&p).map_err(|e| StoreError::io(&p, "cannot remove", e))?;
    }
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
        write(dir.path(), &[rec("b"), rec("a")], None).unwrap();
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
        write(dir.path(), &[rec("a")], None).unwrap();
        mark_stale(dir.path()).unwrap();
        assert!(read(dir.path()).is_none());
        write(dir.path(), &[rec("a")], None).unwrap();
        assert!(read(dir.path()).is_some());
    }

    #[test]
    fn truncated_index_is_none() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &[rec("a"), rec("b")], None).unwrap();
        let p = path(dir.path());
        let text = std::fs::read_to_string(&p).unwrap();
        let cut: Vec<&str> = text.lines().take(2).collect();
        std::fs::write(&p, cut.join("\n")).unwrap();
        assert!(read(dir.path()).is_none());
    }

    fn named(id: &str, date: &str) -> Record {
        let mut r = rec(id);
        r.article.date = Some(date.into());
        r
    }

    #[test]
    fn a_segment_replaces_and_adds_records() {
        let dir = tempfile::tempdir().unwrap();
        let many: Vec<Record> = (0..20).map(|i| rec(&format!("r{i:02}"))).collect();
        write(dir.path(), &many, None).unwrap();
        let changed = [named("r03", "2024-01-01"), rec("zz")];
        let refs: Vec<&Record> = changed.iter().collect();
        write(dir.path(), &[], Some(&refs)).unwrap();
        assert_eq!(segments(dir.path()).len(), 1);
        let back = read(dir.path()).unwrap();
        assert_eq!(back.len(), 21);
        assert_eq!(back[3], changed[0]);
        assert_eq!(back[20], changed[1]);
    }

    #[test]
    fn large_segments_are_folded_into_the_base() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &[rec("a")], None).unwrap();
        let all = [rec("a"), rec("b")];
        let refs: Vec<&Record> = vec![&all[1]];
        write(dir.path(), &all, Some(&refs)).unwrap();
        assert!(segments(dir.path()).is_empty());
        assert_eq!(read(dir.path()).unwrap(), all.to_vec());
    }

    #[test]
    fn a_bad_segment_makes_the_index_untrusted() {
        let dir = tempfile::tempdir().unwrap();
        let many: Vec<Record> = (0..20).map(|i| rec(&format!("r{i:02}"))).collect();
        write(dir.path(), &many, None).unwrap();
        let refs: Vec<&Record> = vec![&many[0]];
        write(dir.path(), &[], Some(&refs)).unwrap();
        let (_, seg) = &segments(dir.path())[0];
        std::fs::write(seg, "{\"format\": 1, \"articles\": 2}\n{}\n").unwrap();
        assert!(read(dir.path()).is_none());
    }
}
