//! Criterion micro-benchmarks, one per pipeline stage, on real news text: the PolNeAR
//! train articles (`../shared/eval/polnear/train/text`, or `$NEWSGRAPH_BENCH_TEXT`)
//! when present, else the sample corpus in `corpus/`. Each stage runs over the same
//! articles with the earlier stages already done, so a figure is that stage alone;
//! throughput is in bytes of article text. It measures only; it asserts nothing.
//!
//! `cargo bench --bench stages` (`-- tokens` to run one stage).

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newsgraph::corpus::{read_inputs, Article, ReadOptions};
use newsgraph::extract::{self, Config, Record};
use newsgraph::nlp::{Doc, PASSES};
use newsgraph::store::Store;

/// Articles per stage run.
const ARTICLES: usize = 40;

fn text_dir() -> PathBuf {
    if let Ok(d) = std::env::var("NEWSGRAPH_BENCH_TEXT") {
        return PathBuf::from(d);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for d in [
        root.join("../shared/eval/polnear/train/text"),
        root.join("../../shared/eval/polnear/train/text"),
        PathBuf::from("/work/shared/eval/polnear/train/text"),
    ] {
        if d.is_dir() {
            return d;
        }
    }
    root.join("corpus")
}

/// The first [`ARTICLES`] text files of the directory, sorted by name.
fn article_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files.truncate(ARTICLES);
    files
}

fn articles(files: &[PathBuf]) -> Vec<Article> {
    read_inputs(files, &ReadOptions::default()).0
}

/// Docs annotated by the passes before `upto` (an index into [`PASSES`]).
fn docs_before(arts: &[Article], upto: usize) -> Vec<Doc> {
    arts.iter()
        .map(|a| {
            let mut d = Doc::new(a.clone());
            for (_, pass) in &PASSES[..upto] {
                pass(&mut d);
            }
            d
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let dir = text_dir();
    let files = article_files(&dir);
    let arts = articles(&files);
    let bytes: u64 = arts.iter().map(|a| a.body.len() as u64).sum();
    eprintln!(
        "stages: {} articles, {} bytes of text from {}",
        arts.len(),
        bytes,
        dir.display()
    );
    let config = Config::default();
    let mut g = c.benchmark_group("stage");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1))
        .throughput(Throughput::Bytes(bytes));

    g.bench_function("reading", |b| b.iter(|| articles(black_box(&files))));

    for (k, (name, pass)) in PASSES.iter().enumerate() {
        let before = docs_before(&arts, k);
        g.bench_function(*name, |b| {
            b.iter_batched(
                || before.clone(),
                |mut docs| {
                    for d in &mut docs {
                        pass(d);
                    }
                    docs
                },
                BatchSize::LargeInput,
            )
        });
    }

    let docs = docs_before(&arts, PASSES.len());
    g.bench_function("meetings", |b| {
        b.iter(|| {
            docs.iter()
                .map(extract::meetings::extract)
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("statements", |b| {
        b.iter(|| {
            docs.iter()
                .map(extract::statements::extract)
                .collect::<Vec<_>>()
        })
    });
    g.bench_function("record", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract::extract(d, &config))
                .collect::<Vec<_>>()
        })
    });

    let records: Vec<Record> = docs.iter().map(|d| extract::extract(d, &config)).collect();
    g.bench_function("resolve", |b| {
        b.iter_batched(
            || records.clone(),
            |mut recs| newsgraph::resolve::resolve_corpus(&mut recs, &config.base),
            BatchSize::LargeInput,
        )
    });
    g.bench_function("mapping", |b| {
        b.iter(|| {
            records
                .iter()
                .map(|r| newsgraph::graph::record_quads_with_base(r, &config.base))
                .collect::<Vec<_>>()
        })
    });

    let store_dir = tempfile::tempdir().ok();
    if let Some(store_dir) = &store_dir {
        let path = store_dir.path().join("store");
        if let Ok(store) = Store::open_writer(&path, false) {
            let _ = store.replace_articles(&records);
        }
        g.bench_function("store_write", |b| {
            let dir = tempfile::tempdir().ok();
            b.iter(|| {
                if let Some(dir) = &dir {
                    if let Ok(s) = Store::open_writer(dir.path().join("s"), false) {
                        s.replace_articles(&records);
                    }
                }
            })
        });
        g.bench_function("store_load", |b| b.iter(|| Store::open(&path).is_ok()));
    }
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
