//! `newsgraph ingest` on the nasty corpus: a run with rejected inputs stores exactly
//! the good articles (the same store, byte for byte, as one built from the good
//! records alone), leaves no temporary file, and every export format carries the odd
//! text (controls, RTL, emoji, quotes) back unchanged: export then parse gives the
//! store's quads again.

use std::collections::HashSet;
use std::path::Path;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad};

use super::support::{nasty, run};

fn ingest(store: &Path, extra: &[&str], paths: &[&Path]) -> super::support::Run {
    let mut args: Vec<std::ffi::OsString> = vec!["ingest".into(), "--store".into()];
    args.push(store.as_os_str().to_owned());
    args.extend(extra.iter().map(|s| s.into()));
    args.extend(paths.iter().map(|p| p.as_os_str().to_owned()));
    run(&args, None)
}

fn export(store: &Path, format: &str) -> Vec<u8> {
    let r = run(
        &[
            "export",
            "--store",
            store.to_str().unwrap(),
            "--format",
            format,
        ],
        None,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    r.stdout.into_bytes()
}

#[test]
fn failed_ingest_stores_exactly_the_good_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let files = nasty("");
    let r = ingest(&a, &[], &[&files]);
    r.assert_no_panic();
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stdout.starts_with("ingested 21 articles"), "{}", r.stdout);
    assert!(r.stdout.contains(" 21 errors"), "{}", r.stdout);

    // The good records alone, ingested as records, give the same store.
    let ex = super::support::extract(&[&files]);
    let recs = dir.path().join("good.jsonl");
    std::fs::write(&recs, &ex.stdout).unwrap();
    let r = ingest(&b, &["--records"], &[&recs]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(export(&a, "nquads"), export(&b, "nquads"));

    // One graph file per good article and nothing else (no temporary files).
    let mut names: Vec<String> = std::fs::read_dir(a.join("graphs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 21, "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".nq")), "{names:?}");
}

fn parse(bytes: &[u8], format: RdfFormat) -> HashSet<Quad> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .map(|q| q.expect("export parses"))
        .collect()
}

#[test]
fn every_export_format_round_trips_the_nasty_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let r = ingest(&store, &[], &[&nasty("")]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    let quads = parse(&export(&store, "nquads"), RdfFormat::NQuads);
    assert!(quads.len() > 100);
    let union: HashSet<Quad> = quads
        .iter()
        .map(|q| {
            Quad::new(
                q.subject.clone(),
                q.predicate.clone(),
                q.object.clone(),
                GraphName::DefaultGraph,
            )
        })
        .collect();
    for (name, format, dataset) in [
        ("trig", RdfFormat::TriG, true),
        (
            "jsonld",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
            true,
        ),
        ("turtle", RdfFormat::Turtle, false),
        ("ntriples", RdfFormat::NTriples, false),
        ("rdfxml", RdfFormat::RdfXml, false),
    ] {
        let got = parse(&export(&store, name), format);
        let want = if dataset { &quads } else { &union };
        assert!(
            got == *want,
            "{name}: {} quads, want {}",
            got.len(),
            want.len()
        );
    }
}
