//! A manual timing of corpus-level resolution on a store's index (ignored by default):
//! `NEWSGRAPH_INDEX=DIR/index/records.jsonl cargo test --release --lib resolve_timing
//! -- --ignored --nocapture`. It must not be a gate: it only prints.

use crate::extract::Record;
use crate::resolve::{resolve_corpus, DEFAULT_BASE};

/// User plus system CPU seconds of this process.
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

#[test]
#[ignore]
fn resolve_timing() {
    let Ok(path) = std::env::var("NEWSGRAPH_INDEX") else {
        return;
    };
    let bytes = std::fs::read(path).unwrap();
    let mut records: Vec<Record> = bytes
        .split(|&b| b == b'\n')
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let (c0, t0) = (cpu(), std::time::Instant::now());
    let view = resolve_corpus(&mut records, DEFAULT_BASE);
    let mut all = String::new();
    for r in &records {
        all.push_str(&crate::resolve::index::iris(r).join(" "));
        all.push('\n');
    }
    eprintln!(
        "resolve {} records: {:.2} s CPU, {:.2} s wall; {} meetings, {} statements; IRIs {}",
        records.len(),
        cpu() - c0,
        t0.elapsed().as_secs_f64(),
        view.meetings.len(),
        view.statements.len(),
        crate::resolve::short_hash(&[&all])
    );
}
