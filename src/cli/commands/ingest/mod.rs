//! `newsgraph ingest`: read, extract (in parallel), and replace each article's graph
//! in the store, in input order; report bad inputs and print a summary line.
//!
//! The actor dictionary (`--actors FILE`) is checked before the store is opened, then
//! copied into the store (`DIR/actors.tsv` or `DIR/actors.ttl`, replacing an earlier
//! one); an ingest without `--actors` uses that copy, so every ingest of a store
//! resolves all its records with the same dictionary until a new one is given.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use rayon::prelude::*;

use self::commit::{commit, Resolving};
use self::report::{Progress, Timings};
use super::actors_file;
use crate::cli::args::IngestArgs;
use crate::corpus::{self, Article, CorpusError};
use crate::extract::{self, Config, Record};
use crate::resolve::dictionary::Dictionary;
use crate::store::{Store, StoreError};

/// Articles extracted together, and earlier articles re-linked together.
const BATCH: usize = 256;
/// New articles written and committed together (one group commit: see
/// `Store::replace_articles_streamed`). The pipeline prepares one batch while the one
/// before is written, so the first batch's preparation and the last one's writing
/// overlap nothing: smaller batches shorten both (256 → 64 took ~0.03 s off a 1k
/// ingest and 40 MB off its peak memory), and 64 articles still make 128 files
/// synced together.
const STORE_BATCH: usize = 64;
/// The progress bar appears only when a run takes longer than this.
const SHOW_PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// What an ingest run did.
#[derive(Debug, Default)]
struct Summary {
    articles: usize,
    /// Distinct IRIs, only counted (a set in no order; an IRI is copied once).
    actors: HashSet<String>,
    meetings: HashSet<String>,
    statements: HashSet<String>,
    triples: usize,
    errors: usize,
    /// Earlier articles whose IRIs changed because of the new ones.
    relinked: usize,
}

/// Runs `ingest`; returns whether every input was stored without error.
pub fn run(args: &IngestArgs) -> Result<bool> {
    let opts = super::read_options(&args.input)?;
    // A bad dictionary rejects the whole run before anything is stored.
    let given = match &args.actors {
        Some(path) => match crate::resolve::Dictionary::read_file(path) {
            Ok((d, format, bytes, warnings)) => {
                for w in warnings {
                    eprintln!("newsgraph: warning: {w}");
                }
                Some((d, format, bytes))
            }
            Err(e) => {
                eprintln!("newsgraph: {e}");
                return Ok(false);
            }
        },
        None => None,
    };
    // The extraction tables are built on a spare core while the store is opened and
    // the input read; joined before the command returns, so that no thread of it is
    // still running when the process exits.
    let warm = (!args.records)
        .then(|| std::thread::Builder::new().spawn(|| extract::warm_up(&Config::default())))
        .and_then(Result::ok);
    let ran = run_warm(args, opts, given);
    if let Some(w) = warm {
        let _ = w.join();
    }
    ran
}

/// [`run`] once the warm-up has started.
fn run_warm(
    args: &IngestArgs,
    opts: corpus::ReadOptions,
    given: Option<(
        Dictionary,
        crate::resolve::dictionary::DictionaryFormat,
        Vec<u8>,
    )>,
) -> Result<bool> {
    let store = open(args)?;
    let t = Timings::new(args.timings);
    let dict = match given {
        Some((d, format, bytes)) => {
            actors_file::keep_dictionary(&store, format, &bytes)?;
            Some(d)
        }
        None => match actors_file::stored_dictionary(&store) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("newsgraph: {e}");
                return Ok(false);
            }
        },
    };
    let dict = dict.as_ref();
    let keep_published = !args.relink && args.actors.is_none();
    let progress = Progress::new();
    let mut summary = Summary::default();
    let (files, errors) = corpus::collect_inputs(&args.input.paths);
    for e in errors {
        progress.error(&e.to_string());
        summary.errors += 1;
    }
    progress.set_files(files.len());
    if args.records {
        let pending = read_records(&files, &mut summary, &progress);
        t.done("read records");
        commit(
            &store,
            &Config::default(),
            Resolving {
                dict,
                keep_published,
            },
            pending,
            &mut summary,
            &progress,
            &t,
        )?;
        return close(store, &summary, &progress);
    }
    let config = Config::default();
    let mut pending: Vec<(Record, String)> = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut batch: Vec<Article> = Vec::new();
    for file in files {
        let (articles, errors) = corpus::read_inputs(std::slice::from_ref(&file), &opts);
        for e in errors {
            progress.error(&e.to_string());
            summary.errors += 1;
        }
        for w in corpus::warnings(&articles, chrono::Utc::now().date_naive()) {
            progress.error(&format!("warning: {w}"));
        }
        for a in articles {
            if let Some(first) = seen.get(&a.id) {
                let e = CorpusError::DuplicateId {
                    path: file.clone(),
                    line: a.line.unwrap_or(1),
                    id: a.id.clone(),
                    first: first.clone(),
                };
                progress.error(&e.to_string());
                summary.errors += 1;
                continue;
            }
            seen.insert(a.id.clone(), here(&a));
            batch.push(a);
            if batch.len() >= BATCH {
                extract_batch(&config, &mut batch, &mut pending, &progress);
            }
        }
        progress.file_done();
    }
    extract_batch(&config, &mut batch, &mut pending, &progress);
    t.done("read and extract");
    let how = Resolving {
        dict,
        keep_published,
    };
    commit(&store, &config, how, pending, &mut summary, &progress, &t)?;
    close(store, &summary, &progress)
}

/// Prints the summary, then closes the store (with the `rocksdb` feature this brings
/// the on-disk mirror up to date); returns whether the run was clean.
fn close(store: Store, summary: &Summary, progress: &Progress) -> Result<bool> {
    let clean = finish(&store, summary, progress);
    store
        .close()
        .context("bringing the RocksDB copy of the store up to date")?;
    Ok(clean)
}

/// Prints the summary line; returns whether the run was clean.
fn finish(store: &Store, summary: &Summary, progress: &Progress) -> bool {
    progress.finish();
    println!(
        "ingested {} articles into {}: {} actors, {} meetings, {} statements, {} triples, {} errors",
        summary.articles,
        store.dir().display(),
        summary.actors.len(),
        summary.meetings.len(),
        summary.statements.len(),
        summary.triples,
        summary.errors
    );
    if summary.relinked > 0 {
        println!(
            "re-linked {} earlier articles to actors, meetings or statements of the new ones",
            summary.relinked
        );
    }
    summary.errors == 0
}

/// Reads ready-made extraction records, one JSON object per line.
fn read_records(files: &[PathBuf], s: &mut Summary, p: &Progress) -> Vec<(Record, String)> {
    let mut pending = Vec::new();
    for file in files {
        let bytes = if file.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        } else {
            std::fs::read(file)
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                p.error(&format!("{}: cannot read: {e}", file.display()));
                s.errors += 1;
                continue;
            }
        };
        let mut records = Vec::new();
        let mut sources = Vec::new();
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Record>(line) {
                Ok(r) => {
                    records.push(r);
                    sources.push(format!("{}:{}", file.display(), i + 1));
                }
                Err(e) => {
                    p.error(&format!(
                        "{}:{}: not an extraction record: {e}",
                        file.display(),
                        i + 1
                    ));
                    s.errors += 1;
                }
            }
        }
        p.extracted(records.len());
        pending.extend(records.into_iter().zip(sources));
        p.file_done();
    }
    pending
}

fn here(a: &Article) -> String {
    match a.line {
        Some(l) => format!("{}:{l}", a.source),
        None => a.source.clone(),
    }
}

/// Opens the store for writing, waiting (with a message) if another ingest holds it.
fn open(args: &IngestArgs) -> Result<Store> {
    let dir = &args.store.store;
    match Store::open_writer(dir, false) {
        Err(StoreError::Locked { path }) if !args.no_wait => {
            eprintln!(
                "newsgraph: {}: another ingest is writing this store; waiting for it to finish",
                path.display()
            );
            Store::open_writer(dir, true)
                .with_context(|| format!("opening store {}", dir.display()))
        }
        other => other.with_context(|| format!("opening store {}", dir.display())),
    }
}

/// Extracts a batch in parallel, keeping input order; records wait for [`commit`].
fn extract_batch(
    config: &Config,
    batch: &mut Vec<Article>,
    pending: &mut Vec<(Record, String)>,
    p: &Progress,
) {
    if batch.is_empty() {
        return;
    }
    let sources: Vec<String> = batch.iter().map(here).collect();
    let records: Vec<Record> = std::mem::take(batch)
        .into_par_iter()
        .map(|a| extract::extract_article(a, config))
        .collect();
    p.extracted(records.len());
    pending.extend(records.into_iter().zip(sources));
}

mod commit;
mod online;
mod report;
