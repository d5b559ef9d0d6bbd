//! `newsgraph ingest`: read, extract (in parallel), and replace each article's graph
//! in the store, in input order; report bad inputs and print a summary line.
//!
//! The actor dictionary (`--actors FILE`) is checked before the store is opened, then
//! copied into the store (`DIR/actors.tsv` or `DIR/actors.ttl`, replacing an earlier
//! one); an ingest without `--actors` uses that copy, so every ingest of a store
//! resolves all its records with the same dictionary until a new one is given.

use std::collections::{BTreeMap, HashSet};
use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::actors_file;
use crate::cli::args::IngestArgs;
use crate::corpus::{self, Article, CorpusError};
use crate::extract::{self, ActorKind, Config, Record};
use crate::resolve::dictionary::Dictionary;
use crate::resolve::index;
use crate::resolve::CorpusView;
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

/// Phase timings, printed with `--timings`: wall-clock time and, where the system
/// tells it (`/proc/self/stat`), the CPU time of all the process's threads.
struct Timings {
    on: bool,
    last: std::cell::Cell<Instant>,
    last_cpu: std::cell::Cell<Option<f64>>,
}

impl Timings {
    fn new(on: bool) -> Self {
        Timings {
            on,
            last: std::cell::Cell::new(Instant::now()),
            last_cpu: std::cell::Cell::new(cpu_seconds()),
        }
    }

    /// Prints the time since the previous phase ended.
    fn done(&self, phase: &str) {
        let now = Instant::now();
        let cpu = if self.on { cpu_seconds() } else { None };
        if self.on {
            let secs = now.duration_since(self.last.get()).as_secs_f64();
            match (cpu, self.last_cpu.get()) {
                (Some(c), Some(l)) => {
                    eprintln!(
                        "newsgraph: timing: {phase}: {secs:.2} s ({:.2} s CPU)",
                        c - l
                    )
                }
                _ => eprintln!("newsgraph: timing: {phase}: {secs:.2} s"),
            }
        }
        self.last.set(now);
        self.last_cpu.set(cpu);
    }
}

/// User and system CPU seconds this process has used so far, from `/proc/self/stat`
/// (Linux; `None` elsewhere). Clock ticks are taken as 100 a second, the value Linux
/// reports to user space on every common platform.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at its ')'.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
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

/// How the stored and the new records are resolved together.
struct Resolving<'a> {
    /// The actor dictionary, if any.
    dict: Option<&'a Dictionary>,
    /// Keep the IRIs earlier ingests published (`resolve::published`); off with
    /// `--relink`, and when a new dictionary is given.
    keep_published: bool,
}

/// Resolves identity over the stored articles and the new ones (corpus-level: the
/// same actor, meeting or statement gets one IRI whichever article and order it came
/// from), then stores the new records, every stored record whose IRIs changed, the
/// corpus graph and the resolution index.
///
/// The stored articles come from the resolution index (their slim records), not from
/// the graphs or the full records, so the cost of an ingest grows with the new
/// articles and the few old ones they re-link, plus one pass over the compact index.
fn commit(
    store: &Store,
    config: &Config,
    how: Resolving<'_>,
    pending: Vec<(Record, String)>,
    s: &mut Summary,
    p: &Progress,
    t: &Timings,
) -> Result<()> {
    let Resolving {
        dict,
        keep_published,
    } = how;
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    let mut full_new: BTreeMap<String, Record> = BTreeMap::new();
    for (r, src) in pending {
        sources.insert(r.article.id.clone(), src);
        full_new.insert(r.article.id.clone(), r);
    }
    // The new articles in the order they are stored (input order).
    let mut order: Vec<(&str, &str)> = sources
        .iter()
        .map(|(id, src)| (src.as_str(), id.as_str()))
        .collect();
    order.sort();
    let order: Vec<&str> = order.into_iter().map(|(_, id)| id).collect();
    // Reading the index and resolution run on one thread: the other core meanwhile
    // creates the files the new articles will be written to (see
    // `Store::create_temps_ahead`), the costliest part of writing them.
    let stop = AtomicBool::new(false);
    let resolved = std::thread::scope(|scope| {
        let ahead = scope.spawn(|| store.create_temps_ahead(&order, &stop));
        let how = Resolving {
            dict,
            keep_published,
        };
        let resolved = read_and_resolve(store, config, how, &full_new, t);
        stop.store(true, Ordering::Relaxed);
        let _ = ahead.join();
        resolved
    });
    let (all, old, view) = match resolved {
        Ok(r) => r,
        Err(e) => {
            store.remove_temps(&order);
            return Err(e);
        }
    };
    let mut fresh = Vec::new();
    let mut relinked: Vec<&Record> = Vec::new();
    // What the index must add or replace.
    let mut changed: Vec<&Record> = Vec::new();
    for r in &all {
        if let Some(full) = full_new.remove(&r.article.id) {
            fresh.push((full, r));
            changed.push(r);
        } else if old.get(&r.article.id) != Some(&index::iris(r)) {
            relinked.push(r);
        }
    }
    let mut fresh: Vec<Record> = fresh
        .into_par_iter()
        .map(|(mut full, r)| {
            index::apply_iris(&mut full, r);
            full
        })
        .collect();
    if let Err(e) = store.mark_index_stale() {
        store.remove_temps(&order);
        return Err(e).context("marking the resolution index");
    }
    let errors_before = s.errors;
    // New articles in input order.
    fresh.sort_by_cached_key(|r| sources.get(&r.article.id).cloned().unwrap_or_default());
    let stored = std::thread::scope(|scope| -> Result<()> {
        // The corpus graph is computed on a spare thread while the articles are written.
        let corpus = scope.spawn(|| crate::graph::corpus::corpus_nquads(&view, &config.base));
        store.replace_articles_streamed(fresh.chunks(STORE_BATCH), |chunk, results| {
            let srcs = chunk
                .iter()
                .map(|r| sources.get(&r.article.id).cloned().unwrap_or_default())
                .collect();
            count_stored(chunk, results, srcs, s, p);
        });
        t.done("store new articles");
        let mut quiet = Summary::default();
        for chunk in relinked.chunks(BATCH) {
            let full: Vec<Record> = chunk
                .par_iter()
                .map(|slim| {
                    let mut full = store.record(&slim.article.id)?;
                    index::apply_iris(&mut full, slim);
                    Ok(full)
                })
                .collect::<Result<_, StoreError>>()
                .context("reading the stored records to re-link")?;
            let srcs = full.iter().map(|r| r.article.source.clone()).collect();
            let results = store.replace_articles(&full);
            count_stored(&full, results, srcs, &mut quiet, p);
        }
        s.errors += quiet.errors;
        s.relinked += quiet.articles;
        t.done("re-link earlier articles");
        let nquads = corpus
            .join()
            .map_err(|_| anyhow::anyhow!("computing the corpus graph failed"))?;
        // The corpus graph and the index are two files in two directories: written at
        // once. A record that failed to store leaves the index stale: the next ingest
        // rebuilds it from the records actually on disk.
        let clean = s.errors == errors_before;
        let all = &all;
        changed.extend(relinked.iter().copied());
        let changed = &changed;
        let written_index = scope.spawn(move || clean.then(|| store.write_index(all, changed)));
        let corpus_written = store
            .replace_corpus_graph(&nquads)
            .context("writing the corpus graph");
        let index_written = written_index
            .join()
            .map_err(|_| anyhow::anyhow!("writing the resolution index failed"))?;
        corpus_written?;
        if let Some(r) = index_written {
            r.context("writing the resolution index")?;
        }
        t.done("corpus graph and index");
        Ok(())
    });
    // Every record and the corpus view (millions of small allocations) are not freed
    // one by one: the command is done, and the process ends with it, which gives the
    // memory back at once (0.03 s of a 1k ingest).
    drop((relinked, changed));
    std::mem::forget((all, fresh, view, old, sources));
    stored
}

/// The stored articles' slim records from the index, every record resolved
/// (corpus-level) with the new ones, and the IRIs each stored article had before.
type Resolved = (Vec<Record>, BTreeMap<String, Vec<String>>, CorpusView);

/// Reads the resolution index and resolves it together with the new articles.
fn read_and_resolve(
    store: &Store,
    config: &Config,
    how: Resolving<'_>,
    full_new: &BTreeMap<String, Record>,
    t: &Timings,
) -> Result<Resolved> {
    let Resolving {
        dict,
        keep_published,
    } = how;
    let stored = store
        .slim_records()
        .context("reading the resolution index")?;
    // Resolution only rewrites IRIs, so an old article changed iff its IRIs did.
    let mut all: Vec<Record> = stored
        .into_iter()
        .filter(|r| !full_new.contains_key(&r.article.id))
        .collect();
    let old: BTreeMap<String, Vec<String>> = all
        .iter()
        .map(|r| (r.article.id.clone(), index::iris(r)))
        .collect();
    let new: Vec<&Record> = full_new.values().collect();
    all.par_extend(new.into_par_iter().map(index::slim));
    t.done("read index");
    let view = crate::resolve::resolve_corpus_with(&mut all, &config.base, dict);
    let view = if keep_published {
        // Renamings may re-link at most as many earlier articles as come in new.
        let budget = full_new.len();
        crate::resolve::published::keep_published(&mut all, &old, view, budget, &config.base, dict)
    } else {
        view
    };
    t.done("resolve");
    Ok((all, old, view))
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

/// Counts what storing `records` did (`results`, one each), reporting failures with
/// the record's source.
fn count_stored(
    records: &[Record],
    results: Vec<Result<crate::store::Written, StoreError>>,
    sources: Vec<String>,
    s: &mut Summary,
    p: &Progress,
) {
    for ((record, result), source) in records.iter().zip(results).zip(sources) {
        match result {
            Ok(w) => {
                s.articles += 1;
                s.triples += w.quads;
                let actors = record
                    .actors
                    .iter()
                    .filter(|a| a.kind != ActorKind::Place)
                    .map(|a| &a.iri);
                count_distinct(&mut s.actors, actors);
                let meetings = record
                    .meetings
                    .iter()
                    .filter(|m| crate::graph::is_graph_meeting(record, m))
                    .map(|m| &m.iri);
                count_distinct(&mut s.meetings, meetings);
                count_distinct(&mut s.statements, record.statements.iter().map(|x| &x.iri));
            }
            Err(e) => {
                p.error(&format!("{source}: {e}"));
                s.errors += 1;
            }
        }
    }
}

/// Adds IRIs to a set of distinct ones, copying only those not seen before.
fn count_distinct<'a>(set: &mut HashSet<String>, iris: impl Iterator<Item = &'a String>) {
    for iri in iris {
        if !set.contains(iri) {
            set.insert(iri.clone());
        }
    }
}

/// A progress bar on standard error, drawn only on a terminal and only once the run
/// has lasted a while; error lines are printed above it.
struct Progress {
    bar: ProgressBar,
    start: Instant,
    terminal: bool,
    articles: std::cell::Cell<usize>,
}

impl Progress {
    fn new() -> Self {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{elapsed_precise} [{wide_bar}] {pos}/{len} files, {msg}")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            start: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            articles: std::cell::Cell::new(0),
        }
    }

    fn set_files(&self, n: usize) {
        self.bar.set_length(n as u64);
    }

    fn tick(&self) {
        if self.terminal && self.bar.is_hidden() && self.start.elapsed() > SHOW_PROGRESS_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn file_done(&self) {
        self.bar.inc(1);
        self.tick();
    }

    fn extracted(&self, n: usize) {
        self.articles.set(self.articles.get() + n);
        self.bar
            .set_message(format!("{} articles", self.articles.get()));
        self.tick();
    }

    fn error(&self, message: &str) {
        self.bar.suspend(|| eprintln!("newsgraph: {message}"));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
