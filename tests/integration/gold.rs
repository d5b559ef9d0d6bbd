//! Precision and recall on our own gold annotation of the five sample articles
//! (`tests/gold/meetings-corpus.json`, `tests/gold/corpus-statements.json`): printed,
//! and held above the level the extractor reaches today minus a margin.

use crate::util::*;
use serde_json::Value;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

ngtest!(corpus_gold_meetings_precision_and_recall, |ng| {
    let gold = root().join("tests/gold/meetings-corpus.json");
    let out = ng.ok(&[
        "eval",
        "meetings",
        s(&gold),
        "--project-dir",
        s(&root()),
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let o = &v["overall"];
    let (p, r) = (
        o["precision"].as_f64().unwrap(),
        o["recall"].as_f64().unwrap(),
    );
    println!(
        "sample-corpus meetings: precision {p:.3} recall {r:.3} F1 {:.3}",
        o["f1"].as_f64().unwrap()
    );
    assert!(p >= 0.9 && r >= 0.9, "{o}");
});

ngtest!(corpus_gold_statements_precision_and_recall, |ng| {
    let gold = root().join("tests/gold/corpus-statements.json");
    let out = ng.ok(&[
        "eval",
        "statements",
        s(&gold),
        "--corpus",
        s(&corpus()),
        "--json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let f = &v["figures"];
    let (p, r) = (
        f["precision"].as_f64().unwrap(),
        f["speech_recall"].as_f64().unwrap(),
    );
    println!(
        "sample-corpus statements: precision {p:.3} recall {r:.3} speaker accuracy {:.3}",
        f["speaker_accuracy"].as_f64().unwrap()
    );
    assert!(p >= 0.9 && r >= 0.8, "{f}");
});
