//! Crash safety, end to end and black box: the built `newsgraph` binary is killed with
//! SIGKILL in the middle of `ingest` many times, and two ingests are run on one store
//! at once. Only the command line and the documented store layout (`DIR/graphs/*.nq`,
//! `DIR/records/*.json`, `DIR/corpus.nq`, hidden `.*.tmp` files being written) are
//! used, so the test stays valid whatever the store does inside. (Stores written since
//! format 2 keep each record on the first line of its graph file and have no
//! `records/`; the checks below hold for both layouts.)
//!
//! The corpus is generated in a temporary directory: copies of `corpus/` with new ids
//! and dates. After each kill the store must open (`stats` succeeds and counts one
//! article per graph file, so a temporary file is never taken for data), every graph,
//! record and corpus file present must be byte-identical to the same file of a clean
//! one-run ingest (every run ingests the same inputs, so corpus-level resolution gives
//! the same IRIs: a file that differs is half-written or stale), and an article's
//! record must not be there without its graph (a graph file carries its record, or, in
//! the older layout, the record file is written last). After all
//! the kills, one more ingest must finish and leave the same files and the same
//! `export` bytes as the clean run.
//!
//! Every other killed run starts on an empty store, the others on what the kills
//! before left. Kill points are random but seeded: half of them spread over the span in which the
//! clean run wrote its files (where a crash can do harm), a quarter before it (reading,
//! extracting, resolving) and a quarter after it. Defaults keep `cargo test` short; for more:
//! `NEWSGRAPH_CRASH_KILLS=200 NEWSGRAPH_CRASH_SEED=7 cargo test --release --test crash`
//! (`NEWSGRAPH_CRASH_ARTICLES` sets the corpus size, default 30).
//!
//! This file must not test extraction quality.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The two tests share the machine's cores: run them one after the other, so that the
/// timings measured on the clean run hold for the killed runs.
static SERIAL: Mutex<()> = Mutex::new(());

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A small seeded generator (SplitMix64): kill points are random but repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A duration uniformly in `[lo, hi)`.
    fn between(&mut self, lo: Duration, hi: Duration) -> Duration {
        let span = hi.saturating_sub(lo).as_micros().max(1) as u64;
        lo + Duration::from_micros(self.next() % span)
    }
}

fn newsgraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

/// Writes `n` plain-text articles into `dir`: the sample articles of `corpus/` in
/// turn, each under a new id (the file name) and a new date.
fn make_corpus(dir: &Path, n: usize) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut samples: Vec<PathBuf> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    samples.sort();
    assert!(!samples.is_empty());
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let text = std::fs::read_to_string(&samples[i % samples.len()]).unwrap();
        // Drop the sample's own date header, if any, and give a new one.
        let body = match text.trim_start().strip_prefix("date ") {
            Some(rest) if rest.len() > 11 => rest[11..].to_string(),
            _ => text.clone(),
        };
        let date = format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1);
        std::fs::write(
            dir.join(format!("art{i:03}.txt")),
            format!(" date {date} {body}"),
        )
        .unwrap();
    }
}

fn ingest_cmd(input: &Path, store: &Path, extra: &[&str]) -> Command {
    let mut c = newsgraph();
    c.arg("ingest")
        .arg(input)
        .arg("--store")
        .arg(store)
        .args(extra)
        .stdin(Stdio::null());
    c
}

fn run_ok(mut cmd: Command, what: &str) -> Output {
    let out = cmd.stdin(Stdio::null()).output().expect("run newsgraph");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn export(store: &Path) -> Vec<u8> {
    let mut c = newsgraph();
    c.args(["export", "--format", "nquads", "--store"])
        .arg(store);
    run_ok(c, "export").stdout
}

/// The article count `stats` reports: proves the store opens.
fn stats_articles(store: &Path) -> u64 {
    let mut c = newsgraph();
    c.args(["stats", "--format", "json", "--store"]).arg(store);
    let out = run_ok(c, "stats after a kill");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats JSON");
    v["articles"].as_u64().expect("articles count")
}

/// The data files of a store, by path relative to it: graph files, records and the
/// corpus graph. Hidden files (temporary files) and other files are left out.
fn data_files(store: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for (sub, ext) in [("graphs", ".nq"), ("records", ".json")] {
        let Ok(entries) = std::fs::read_dir(store.join(sub)) else {
            continue;
        };
        for e in entries {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') && name.ends_with(ext) {
                files.insert(format!("{sub}/{name}"), std::fs::read(e.path()).unwrap());
            }
        }
    }
    if let Ok(b) = std::fs::read(store.join("corpus.nq")) {
        files.insert("corpus.nq".into(), b);
    }
    files
}

/// Hidden temporary files left in the store (allowed after a kill, never after a
/// finished run).
fn temp_files(store: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for sub in ["graphs", "records", "."] {
        let Ok(entries) = std::fs::read_dir(store.join(sub)) else {
            continue;
        };
        for e in entries {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".tmp") {
                found.push(format!("{sub}/{name}"));
            }
        }
    }
    found
}

/// The clean reference: one uninterrupted ingest, its files, its export, and when
/// (after the start) its first and last data files appeared and the run ended.
struct Clean {
    files: BTreeMap<String, Vec<u8>>,
    export: Vec<u8>,
    first_write: Duration,
    last_write: Duration,
    total: Duration,
}

/// How many entries (data or temporary) the store's file directories hold.
fn entries(store: &Path) -> usize {
    ["graphs", "records"]
        .iter()
        .filter_map(|sub| std::fs::read_dir(store.join(sub)).ok())
        .map(Iterator::count)
        .sum::<usize>()
        + usize::from(store.join("corpus.nq").exists())
}

fn clean_run(input: &Path, store: &Path) -> Clean {
    let start = Instant::now();
    let mut child = ingest_cmd(input, store, &[])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut first_write, mut last_write, mut seen) = (None, None, 0);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        let now = entries(store);
        if now != seen {
            seen = now;
            first_write.get_or_insert(start.elapsed());
            last_write = Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let total = start.elapsed();
    assert!(status.success(), "clean ingest failed: {status}");
    let first_write = first_write.unwrap_or(total / 2).min(total);
    Clean {
        files: data_files(store),
        export: export(store),
        first_write,
        // A little past the last change seen, as polling may have missed the end.
        last_write: (last_write.unwrap_or(total) + Duration::from_millis(20))
            .clamp(first_write, total),
        total,
    }
}

/// Checks a store just after a kill against the clean run; returns its data files.
fn check_after_kill(store: &Path, clean: &Clean, what: &str) -> BTreeMap<String, Vec<u8>> {
    let files = data_files(store);
    for (name, bytes) in &files {
        let want = clean
            .files
            .get(name)
            .unwrap_or_else(|| panic!("{what}: unexpected file {name}"));
        assert!(
            bytes == want,
            "{what}: {name} differs from the clean run's ({} bytes, want {}): half-written or stale",
            bytes.len(),
            want.len()
        );
        if let Some(stem) = name
            .strip_prefix("records/")
            .and_then(|n| n.strip_suffix(".json"))
        {
            assert!(
                files.contains_key(&format!("graphs/{stem}.nq")),
                "{what}: record of {stem} stored without its graph"
            );
        }
    }
    files
}

fn kill_at(mut child: Child, delay: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < delay {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1).min(delay - start.elapsed().min(delay)));
    }
    let killed = child.try_wait().unwrap().is_none();
    // `Child::kill` sends SIGKILL on Unix.
    let _ = child.kill();
    let _ = child.wait();
    killed
}

#[test]
fn sigkill_during_ingest_never_corrupts_the_store() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let kills = env_num("NEWSGRAPH_CRASH_KILLS", 8);
    let seed = env_num("NEWSGRAPH_CRASH_SEED", 2026);
    let n = env_num("NEWSGRAPH_CRASH_ARTICLES", 30) as usize;
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, n);
    let clean = clean_run(&input, &tmp.path().join("clean"));
    assert_eq!(
        clean
            .files
            .keys()
            .filter(|k| k.starts_with("graphs/"))
            .count(),
        n
    );
    eprintln!(
        "crash: {n} articles, clean ingest {:?} (files written from {:?} to {:?}); {kills} kills, seed {seed}",
        clean.total, clean.first_write, clean.last_write
    );

    let store = tmp.path().join("s");
    let mut rng = Rng(seed);
    let mut verified: Option<BTreeMap<String, Vec<u8>>> = None;
    let (mut killed, mut opened, mut temps_seen) = (0, 0, 0);
    for i in 0..kills {
        let delay = match i % 4 {
            0 => rng.between(Duration::ZERO, clean.first_write),
            3 => rng.between(clean.last_write, clean.total),
            _ => rng.between(clean.first_write, clean.last_write),
        };
        // Every other run starts on an empty store, so that the kills leave many
        // different partial stores; the others pile crash upon crash.
        if i % 2 == 1 && store.exists() {
            std::fs::remove_dir_all(&store).unwrap();
            verified = None;
        }
        let child = ingest_cmd(&input, &store, &[])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let what = format!("kill {i} at {delay:?}");
        killed += usize::from(kill_at(child, delay));
        temps_seen += usize::from(!temp_files(&store).is_empty());
        // A kill before the store's marker landed leaves no store (at most the
        // marker's temporary file, which the next ingest clears:
        // `a_crash_while_creating_the_store_does_not_block_it`).
        if !store.join("newsgraph-store.json").exists() {
            continue;
        }
        let files = check_after_kill(&store, &clean, &what);
        // Opening costs a full load; a store whose data did not change since the last
        // check was already shown to open.
        if verified.as_ref() != Some(&files) {
            // An article is committed by its record: the first line of its graph file
            // (or, in the older layout, a record file written after the graph); a
            // graph left without one by the kill is not shown.
            let graphs = files
                .iter()
                .filter_map(|(k, bytes)| {
                    Some((k.strip_prefix("graphs/")?.strip_suffix(".nq")?, bytes))
                })
                .filter(|(stem, bytes)| {
                    bytes.starts_with(b"# newsgraph-record ")
                        || files.contains_key(&format!("records/{stem}.json"))
                })
                .count();
            assert_eq!(
                stats_articles(&store),
                graphs as u64,
                "{what}: stats must count one article per committed graph file"
            );
            opened += 1;
            verified = Some(files);
        }
    }
    eprintln!(
        "crash: {killed} runs killed ({} finished first), {opened} stores opened, temporary files seen after {temps_seen}",
        kills as usize - killed
    );

    // Rerun to the end: same files, same export, no temporary file left.
    let out = run_ok(ingest_cmd(&input, &store, &[]), "ingest after the kills");
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with(&format!("ingested {n} articles")),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(temp_files(&store), Vec::<String>::new());
    let files = data_files(&store);
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        clean.files.keys().collect::<Vec<_>>()
    );
    assert!(files == clean.files, "files differ from the clean run's");
    assert!(
        export(&store) == clean.export,
        "export differs from the clean run's"
    );
}

#[test]
fn two_ingests_on_one_store_wait_or_refuse() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 12);
    let clean = clean_run(&input, &tmp.path().join("clean"));

    // A store that another writer holds: the test takes the writers' lock itself (as
    // an ingest does), so the other ingests find it held however fast they are.
    let store = tmp.path().join("s");
    let first = ingest_cmd(&input, &store, &[]).output().unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let lock = store.join("lock");
    let held = File::options().write(true).open(&lock).unwrap();
    held.try_lock().unwrap();

    // `--no-wait`: refused at once, exit 1, naming the lock.
    let refused = ingest_cmd(&input, &store, &["--no-wait"]).output().unwrap();
    let err = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&lock.display().to_string())
            && err.contains("being written by another `newsgraph ingest`"),
        "{err}"
    );

    // By default: says it waits (naming the lock), then runs once the lock is free.
    let mut second = ingest_cmd(&input, &store, &[])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    let mut stderr = std::io::BufReader::new(second.stderr.take().unwrap());
    std::io::BufRead::read_line(&mut stderr, &mut said).unwrap();
    assert!(
        said.contains(&format!(
            "{}: another ingest is writing this store; waiting",
            lock.display()
        )),
        "{said}"
    );
    assert!(
        second.try_wait().unwrap().is_none(),
        "it waits for the lock"
    );
    drop(held);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let second = second.wait_with_output().unwrap();
    assert!(second.status.success(), "{rest}");
    assert_eq!(temp_files(&store), Vec::<String>::new());
    assert!(
        data_files(&store) == clean.files,
        "files differ from a clean run's"
    );
    assert!(
        export(&store) == clean.export,
        "export differs from a clean run's"
    );
}

/// Two ingests started at the same moment on a store that does not exist yet: both
/// create it, one waits for the other, both succeed, and the store is a clean one.
/// Repeated a few times, as the window is short.
#[test]
fn two_ingests_creating_one_store_at_once() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 3);
    let clean = clean_run(&input, &tmp.path().join("clean"));
    for round in 0..4 {
        let store = tmp.path().join(format!("s{round}"));
        let spawn = || {
            ingest_cmd(&input, &store, &[])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for run in [a, b] {
            let out = run.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(
            data_files(&store) == clean.files,
            "round {round}: files differ"
        );
    }
}

/// A crash while the store was being created leaves a directory holding only the
/// marker's temporary file: the next ingest must take it as an empty store.
#[test]
fn a_crash_while_creating_the_store_does_not_block_it() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    make_corpus(&input, 1);
    let store = tmp.path().join("s");
    std::fs::create_dir(&store).unwrap();
    std::fs::write(store.join(".newsgraph-store.json.tmp"), "{\"form").unwrap();
    run_ok(
        ingest_cmd(&input, &store, &[]),
        "ingest into a half-created store",
    );
    assert_eq!(temp_files(&store), Vec::<String>::new());
}
