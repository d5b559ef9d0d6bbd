//! Load generator for `newsgraph serve` (run by `scripts/soak.sh`): a fixed number of
//! client threads, each on one keep-alive connection, send a canned mix of requests
//! (SPARQL queries from the README's examples, the service description, a Graph
//! Store read, the explorer page) for a set time, while a sampler reads the server's
//! resident memory from `/proc/PID/status`. Prints throughput, latency percentiles,
//! errors by kind and the memory samples; exits 1 if any request failed.
//!
//! `cargo run --release --example load -- --addr 127.0.0.1:7878 [--seconds 60]
//! [--concurrency 4] [--pid PID] [--sample-seconds 10]`
//!
//! Only std: raw HTTP/1.1 over `TcpStream`. It talks to the one address it is given.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use newsgraph::server::params::encode;

const PREFIXES: &str = "PREFIX schema: <http://schema.org/> \
    PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> \
    PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";

/// The canned mix: (name, query or path, Accept).
fn mix() -> Vec<(&'static str, String, &'static str)> {
    let query = |q: &str| format!("/sparql?query={}", encode(&format!("{PREFIXES}{q}")));
    vec![
        (
            "who-met-whom",
            query(
                "SELECT ?a ?b (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a schema:Event ; \
                 schema:attendee ?x, ?y . ?x schema:name ?a . ?y schema:name ?b \
                 FILTER (STR(?x) < STR(?y)) } GROUP BY ?a ?b ORDER BY DESC(?n) ?a ?b",
            ),
            "application/sparql-results+json",
        ),
        (
            "between-dates",
            query(
                "SELECT ?m ?d WHERE { ?m a schema:Event ; sem:hasEarliestBeginTimeStamp ?d \
                 FILTER (?d >= \"2023-10-01\"^^xsd:date && ?d < \"2023-11-01\"^^xsd:date) } \
                 ORDER BY ?d",
            ),
            "text/csv",
        ),
        (
            "statements",
            query(
                "SELECT ?who ?text WHERE { ?s a schema:Quotation ; schema:spokenByCharacter \
                 ?p ; schema:text ?text . ?p schema:name ?who } ORDER BY ?who ?text",
            ),
            "application/sparql-results+xml",
        ),
        (
            "count",
            query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
            "text/tab-separated-values",
        ),
        (
            "construct",
            query("CONSTRUCT { ?m schema:attendee ?a } WHERE { ?m schema:attendee ?a }"),
            "text/turtle",
        ),
        (
            "ask",
            query("ASK { ?a schema:name ?n }"),
            "application/sparql-results+json",
        ),
        ("service-description", "/sparql".to_owned(), "text/turtle"),
        ("explorer", "/".to_owned(), "text/html"),
    ]
}

struct Options {
    addr: SocketAddr,
    seconds: f64,
    concurrency: usize,
    pid: Option<u32>,
    sample_seconds: f64,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        addr: SocketAddr::from(([127, 0, 0, 1], 7878)),
        seconds: 60.0,
        concurrency: 4,
        pid: None,
        sample_seconds: 10.0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--addr" => options.addr = value()?.parse().map_err(|e| format!("--addr: {e}"))?,
            "--seconds" => {
                options.seconds = value()?.parse().map_err(|e| format!("--seconds: {e}"))?
            }
            "--concurrency" => {
                options.concurrency = value()?
                    .parse()
                    .map_err(|e| format!("--concurrency: {e}"))?
            }
            "--pid" => options.pid = Some(value()?.parse().map_err(|e| format!("--pid: {e}"))?),
            "--sample-seconds" => {
                options.sample_seconds = value()?
                    .parse()
                    .map_err(|e| format!("--sample-seconds: {e}"))?
            }
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    Ok(options)
}

/// What one client thread saw.
#[derive(Default)]
struct Tally {
    latencies_us: Vec<u32>,
    errors: BTreeMap<String, usize>,
    bytes: u64,
}

/// Sends one GET on the connection and reads the answer; returns (status, body bytes).
fn request(
    stream: &mut BufReader<TcpStream>,
    target: &str,
    accept: &str,
) -> std::io::Result<(u16, usize)> {
    let raw = format!("GET {target} HTTP/1.1\r\nHost: load\r\nAccept: {accept}\r\n\r\n");
    stream.get_mut().write_all(raw.as_bytes())?;
    let mut line = String::new();
    stream.read_line(&mut line)?;
    let status = line
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length = None;
    let mut close = false;
    loop {
        line.clear();
        if stream.read_line(&mut line)? == 0 {
            return Err(std::io::Error::other("connection closed in the head"));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse::<usize>().ok();
        }
        if lower == "connection: close" {
            close = true;
        }
    }
    let length = length.ok_or_else(|| std::io::Error::other("no Content-Length"))?;
    std::io::copy(
        &mut stream.by_ref().take(length as u64),
        &mut std::io::sink(),
    )?;
    if close {
        return Err(std::io::Error::other(format!(
            "server closed after {status}"
        )));
    }
    Ok((status, length))
}

fn client(addr: SocketAddr, offset: usize, until: Instant) -> Tally {
    let mix = mix();
    let mut tally = Tally::default();
    let mut connection: Option<BufReader<TcpStream>> = None;
    let mut i = offset;
    while Instant::now() < until {
        let (_, target, accept) = &mix[i % mix.len()];
        i += 1;
        if connection.is_none() {
            match TcpStream::connect(addr) {
                Ok(stream) => {
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
                    let _ = stream.set_nodelay(true);
                    connection = Some(BufReader::new(stream));
                }
                Err(e) => {
                    *tally.errors.entry(format!("connect: {e}")).or_default() += 1;
                    thread::sleep(Duration::from_millis(100));
                    continue;
                }
            }
        }
        let Some(stream) = connection.as_mut() else {
            continue;
        };
        let started = Instant::now();
        match request(stream, target, accept) {
            Ok((200, bytes)) => {
                let micros = started.elapsed().as_micros().min(u32::MAX as u128) as u32;
                tally.latencies_us.push(micros);
                tally.bytes += bytes as u64;
            }
            Ok((status, _)) => *tally.errors.entry(format!("status {status}")).or_default() += 1,
            Err(e) => {
                *tally.errors.entry(format!("io: {e}")).or_default() += 1;
                connection = None;
            }
        }
    }
    tally
}

/// Resident memory of `pid` in KiB, from /proc (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    f64::from(sorted[rank.clamp(1, sorted.len()) - 1]) / 1000.0
}

fn main() {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("load: {message}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let until = started + Duration::from_secs_f64(options.seconds);
    let done = Arc::new(AtomicBool::new(false));
    let sampler = options.pid.map(|pid| {
        let done = Arc::clone(&done);
        let every = Duration::from_secs_f64(options.sample_seconds.max(0.1));
        thread::spawn(move || {
            let mut samples = Vec::new();
            let mut next = Instant::now();
            while !done.load(Ordering::Acquire) {
                if Instant::now() >= next {
                    if let Some(kib) = rss_kib(pid) {
                        samples.push((started.elapsed().as_secs_f64(), kib));
                        println!(
                            "load: t={:>6.0} s  server RSS {:>7.1} MiB",
                            started.elapsed().as_secs_f64(),
                            kib as f64 / 1024.0
                        );
                    }
                    next += every;
                }
                thread::sleep(Duration::from_millis(50));
            }
            if let Some(kib) = rss_kib(pid) {
                samples.push((started.elapsed().as_secs_f64(), kib));
            }
            samples
        })
    });
    let clients: Vec<_> = (0..options.concurrency.max(1))
        .map(|n| {
            let addr = options.addr;
            thread::spawn(move || client(addr, n * 3, until))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    let mut bytes = 0;
    for client in clients {
        if let Ok(tally) = client.join() {
            latencies.extend(tally.latencies_us);
            bytes += tally.bytes;
            for (kind, n) in tally.errors {
                *errors.entry(kind).or_default() += n;
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    done.store(true, Ordering::Release);
    let samples = sampler.and_then(|s| s.join().ok()).unwrap_or_default();
    latencies.sort_unstable();
    let failed: usize = errors.values().sum();
    println!(
        "load: {} s, {} clients, {} requests ok, {} failed, {:.0} requests/s, {:.1} MiB/s",
        elapsed.round(),
        options.concurrency,
        latencies.len(),
        failed,
        latencies.len() as f64 / elapsed,
        bytes as f64 / elapsed / (1 << 20) as f64
    );
    println!(
        "load: latency ms: median {:.2}, p95 {:.2}, p99 {:.2}, max {:.2}",
        percentile(&latencies, 50.0),
        percentile(&latencies, 95.0),
        percentile(&latencies, 99.0),
        percentile(&latencies, 100.0)
    );
    if let (Some(first), Some(last)) = (samples.first(), samples.last()) {
        let max = samples.iter().map(|(_, k)| *k).max().unwrap_or(0);
        println!(
            "load: server RSS MiB: start {:.1}, end {:.1}, max {:.1} ({} samples)",
            first.1 as f64 / 1024.0,
            last.1 as f64 / 1024.0,
            max as f64 / 1024.0,
            samples.len()
        );
    }
    for (kind, n) in &errors {
        println!("load: error {n} x {kind}");
    }
    if failed > 0 || latencies.is_empty() {
        std::process::exit(1);
    }
}
