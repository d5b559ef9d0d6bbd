//! The opt-in RocksDB mirror (`--features rocksdb`): whatever path brought it up to
//! date (a first ingest's bulk rebuild, a later ingest's transactions, a reader's
//! rebuild after a crash or after a build without the feature wrote the files), it
//! must hold exactly the graph files' quads plus the merged default graph.
#![cfg(feature = "rocksdb")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use newsgraph::store::{rocks, Compacted, Store};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad};

fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .expect("corpus/ is listed")
            .map(|e| e.expect("corpus entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
    files.sort();
    files
}

fn ingest(store: &Path, files: &[PathBuf]) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("ingest")
        .args(files)
        .arg("--store")
        .arg(store)
        .output()
        .expect("newsgraph runs");
    assert!(
        out.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What the graph files say: every quad of every committed graph file and the
/// corpus graph, and each of their triples once more in the default graph.
fn expected(dir: &Path) -> BTreeSet<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("graphs"))
        .expect("graphs/ is listed")
        .map(|e| e.expect("graph entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "nq"))
        .collect();
    paths.push(dir.join("corpus.nq"));
    let mut out = BTreeSet::new();
    for p in paths {
        let bytes = std::fs::read(&p).expect("graph file reads");
        for q in RdfParser::from_format(RdfFormat::NQuads).for_slice(&bytes) {
            let q = q.expect("graph file parses");
            let d = Quad::new(
                q.subject.clone(),
                q.predicate.clone(),
                q.object.clone(),
                GraphName::DefaultGraph,
            );
            out.insert(q.to_string());
            out.insert(d.to_string());
        }
    }
    out
}

fn mirrored(dir: &Path) -> BTreeSet<String> {
    let store = Store::open(dir).expect("store opens");
    store
        .oxigraph()
        .iter()
        .map(|q| q.expect("mirror reads").to_string())
        .collect()
}

#[test]
fn first_ingest_builds_a_mirror_equal_to_the_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("s");
    ingest(&dir, &corpus_files());
    assert!(rocks::is_fresh(&dir), "the mirror is fresh after ingest");
    let want = expected(&dir);
    assert!(want.len() > 1000);
    assert_eq!(mirrored(&dir), want);
}

#[test]
fn later_ingests_keep_the_mirror_in_step() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("s");
    let files = corpus_files();
    ingest(&dir, &files[..2]);
    ingest(&dir, &files[2..4]);
    // Ingesting an article again replaces what it said.
    ingest(&dir, &files[3..]);
    assert!(rocks::is_fresh(&dir));
    assert_eq!(mirrored(&dir), expected(&dir));
}

#[test]
fn a_stale_marker_makes_the_next_reader_rebuild() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("s");
    let files = corpus_files();
    ingest(&dir, &files[..3]);
    // A writer that died (or a build without the feature) after changing files: the
    // marker is set and the mirror is behind.
    let grown = tmp.path().join("grown");
    ingest(&grown, &files);
    // Each graph file carries its article's record.
    std::fs::remove_dir_all(dir.join("graphs")).expect("graphs removed");
    copy_dir(&grown.join("graphs"), &dir.join("graphs"));
    std::fs::copy(grown.join("corpus.nq"), dir.join("corpus.nq")).expect("corpus copied");
    rocks::mark_stale(&dir).expect("marker written");
    assert!(!rocks::is_fresh(&dir));
    assert_eq!(mirrored(&dir), expected(&dir));
    assert!(
        rocks::is_fresh(&dir),
        "the reader's rebuild clears the marker"
    );
}

#[test]
fn a_missing_mirror_is_rebuilt_on_open() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("s");
    ingest(&dir, &corpus_files()[..2]);
    std::fs::remove_dir_all(dir.join(rocks::MIRROR)).expect("mirror removed");
    assert_eq!(mirrored(&dir), expected(&dir));
}

#[test]
fn compacting_keeps_the_mirror_equal_to_the_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("s");
    let files = corpus_files();
    ingest(&dir, &files[..3]);
    // Replacements leave deleted quads behind in the mirror's files.
    ingest(&dir, &files[1..]);
    assert_eq!(
        Store::compact(&dir, true).expect("compacts"),
        Compacted::Mirror
    );
    assert!(rocks::is_fresh(&dir));
    assert_eq!(mirrored(&dir), expected(&dir));
    // A stale mirror is rebuilt instead.
    rocks::mark_stale(&dir).expect("marker written");
    assert_eq!(
        Store::compact(&dir, true).expect("rebuilds"),
        Compacted::Rebuilt
    );
    assert!(rocks::is_fresh(&dir));
    assert_eq!(mirrored(&dir), expected(&dir));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir created");
    for e in std::fs::read_dir(from).expect("dir listed") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, to.join(p.file_name().expect("file name"))).expect("file copied");
    }
}
