//! The extraction record an article's graph file carries on its first line, an
//! N-Quads comment (`# newsgraph-record {json}`), so that the graph and the record that
//! corpus-level resolution re-reads are written, synced and renamed into place as one
//! file: one atomic step commits both, and a store holds one file per article.
//!
//! RDF tools skip the line (N-Quads comments), so `cat DIR/graphs/*.nq` still loads.
//! Stores written before this layout (marker format 1) keep each record in
//! `DIR/records/<id>.json`; `files` and the store read those where a graph file has
//! no header. This module reads and writes the line; it knows nothing of paths.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::extract::Record;

/// How the first line of a graph file written with its record opens.
pub const PREFIX: &[u8] = b"# newsgraph-record ";

/// The record's line (prefix, JSON, line break): a graph file is this line, then the
/// graph's N-Quads text.
pub fn record_line(record: &Record) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(PREFIX.len() + 32 * 1024);
    out.extend_from_slice(PREFIX);
    // JSON escapes every line break inside strings, so the record is one line.
    serde_json::to_writer(&mut out, record)?;
    out.push(b'\n');
    Ok(out)
}

/// The record's JSON from a graph file's first line; `Ok(None)` when the file opens
/// with no record line (a graph written before this layout).
pub fn read(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    let mut reader = BufReader::with_capacity(64 * 1024, File::open(path)?);
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line)?;
    match line.strip_prefix(PREFIX) {
        Some(json) => Ok(Some(json.strip_suffix(b"\n").unwrap_or(json).to_vec())),
        None => Ok(None),
    }
}

/// Whether a graph file opens with a record line (reads only its first bytes).
pub fn has(path: &Path) -> bool {
    let mut head = [0u8; PREFIX.len()];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        serde_json::from_str(
            r#"{"article":{"id":"a","source":"","title":null,"date":null,"iri":"http://x/a"},
                "actors":[],"meetings":[],"statements":[]}"#,
        )
        .expect("a minimal record")
    }

    #[test]
    fn the_record_line_comes_back_and_the_quads_follow() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("a.nq");
        let mut bytes = record_line(&record()).expect("serialised");
        bytes.extend_from_slice(b"<s> <p> <o> <g> .\n");
        std::fs::write(&p, &bytes).expect("written");
        assert!(has(&p));
        let json = read(&p).expect("read").expect("a record line");
        let back: Record = serde_json::from_slice(&json).expect("a record");
        assert_eq!(back.article.id, "a");
        assert!(bytes.ends_with(b"\n<s> <p> <o> <g> .\n"));
    }

    #[test]
    fn a_graph_without_the_line_has_no_record() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("a.nq");
        std::fs::write(&p, b"<s> <p> <o> <g> .\n").expect("written");
        assert!(!has(&p));
        assert_eq!(read(&p).expect("read"), None);
    }
}
