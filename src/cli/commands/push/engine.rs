//! `push`: sends a store to a remote SPARQL store through the SPARQL 1.1 Graph Store
//! HTTP Protocol: one `PUT ?graph=IRI` (N-Triples) per article graph file, then one
//! `PUT ?default` with the merged view (each triple once), so the remote dataset
//! mirrors the local one. Resumable and idempotent: `DIR/push-state.tsv` records,
//! per target URL and graph, the SHA-256 of what was last accepted; unchanged graphs
//! are skipped, and the state is saved every [`SAVE_EVERY`] graphs. It reads the
//! graph files only; it must not write the store's graphs or take its lock.

use super::http;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use sha2::{Digest, Sha256};

use crate::store::{files, StoreError};

/// The state file under the store directory.
pub const STATE: &str = "push-state.tsv";
/// The state is saved after this many graphs.
const SAVE_EVERY: usize = 200;
/// The state key of the merged default graph.
const DEFAULT_KEY: &str = "DEFAULT";

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// Server base URL (`http://host:port`).
    pub url: String,
    /// The Graph Store Protocol path on the server (`/store` for Oxigraph).
    pub graph_store_path: String,
    /// Extra request headers (`Authorization`, …).
    pub headers: Vec<(String, String)>,
    /// Also push the merged default graph.
    pub default_graph: bool,
}

/// What a push did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PushSummary {
    /// Graphs sent (accepted by the server).
    pub sent: usize,
    /// Graphs skipped: unchanged since the last accepted push to this URL.
    pub unchanged: usize,
    /// Graphs the server refused or that could not be sent.
    pub failed: usize,
    /// Triples sent.
    pub triples: usize,
    /// Messages about failures, one per failed graph.
    pub errors: Vec<String>,
}

/// Pushes every graph of the store in `dir`; `progress(done, total)` is called after
/// each graph.
pub fn push(
    dir: &Path,
    opts: &PushOptions,
    mut progress: impl FnMut(usize, usize),
) -> Result<PushSummary, StoreError> {
    files::check_store(dir)?;
    let target = http::parse_url(&opts.url).map_err(|message| StoreError::Storage {
        path: dir.to_path_buf(),
        message,
    })?;
    let path = format!(
        "{}/{}",
        target.path,
        opts.graph_store_path.trim_start_matches('/')
    );
    let state_path = dir.join(STATE);
    let mut state = read_state(&state_path)?;
    let url = opts.url.trim_end_matches('/').to_string();
    let mut paths = files::graph_files(dir)?;
    // The corpus graph (canonical names, merged facts' sources), when the store has one.
    let corpus = dir.join(files::CORPUS);
    if corpus.is_file() {
        paths.push(corpus);
    }
    let total = paths.len() + usize::from(opts.default_graph);
    let mut summary = PushSummary::default();
    let mut hashes = Vec::with_capacity(paths.len());
    for (i, p) in paths.iter().enumerate() {
        let bytes = std::fs::read(p).map_err(|e| StoreError::io(p, "cannot read", e))?;
        let hash = hex(&Sha256::digest(&bytes));
        hashes.push(hash.clone());
        let graph = graph_of(p, &bytes)?;
        let key = (url.clone(), graph.clone());
        if state.get(&key) == Some(&hash) {
            summary.unchanged += 1;
        } else {
            let (body, n) = ntriples(p, &bytes)?;
            let query = format!("{path}?graph={}", http::encode(&graph));
            let sent = send(&target, &query, &opts.headers, &body);
            summary.record(sent, n, &graph, &mut state, key, hash);
        }
        if (i + 1) % SAVE_EVERY == 0 {
            write_state(&state_path, &state)?;
        }
        progress(i + 1, total);
    }
    if opts.default_graph {
        hashes.sort();
        let hash = hex(&Sha256::digest(hashes.join("\n").as_bytes()));
        let key = (url.clone(), DEFAULT_KEY.to_string());
        if state.get(&key) == Some(&hash) {
            summary.unchanged += 1;
        } else {
            let (body, n) = merged(&paths)?;
            let sent = send(&target, &format!("{path}?default"), &opts.headers, &body);
            summary.record(sent, n, "default graph", &mut state, key, hash);
        }
        progress(total, total);
    }
    write_state(&state_path, &state)?;
    Ok(summary)
}

impl PushSummary {
    /// Counts one PUT: on success its triples, and the state remembers the content
    /// hash the server now holds; on failure the error, named by `what`.
    fn record<E: std::fmt::Display>(
        &mut self,
        sent: Result<(), E>,
        triples: usize,
        what: &str,
        state: &mut State,
        key: (String, String),
        hash: String,
    ) {
        match sent {
            Ok(()) => {
                self.sent += 1;
                self.triples += triples;
                state.insert(key, hash);
            }
            Err(e) => {
                self.failed += 1;
                self.errors.push(format!("{what}: {e}"));
            }
        }
    }
}

fn send(
    target: &http::Target,
    query: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Result<(), String> {
    match http::put(target, query, "application/n-triples", headers, body) {
        Ok((code, _)) if (200..300).contains(&code) => Ok(()),
        Ok((code, text)) => Err(format!(
            "HTTP {code}: {}",
            text.chars().take(200).collect::<String>()
        )),
        Err(e) => Err(e.to_string()),
    }
}

fn parse(path: &Path, bytes: &[u8]) -> Result<Vec<oxigraph::model::Quad>, StoreError> {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(bytes)
        .map(|q| {
            q.map_err(|e| StoreError::Corrupt {
                path: path.to_path_buf(),
                message: e.to_string(),
            })
        })
        .collect()
}

/// The graph IRI of a graph file (the graph of its first quad; the file name decoded
/// is not needed).
fn graph_of(path: &Path, bytes: &[u8]) -> Result<String, StoreError> {
    let quads = parse(path, bytes)?;
    match quads.first().map(|q| &q.graph_name) {
        Some(oxigraph::model::GraphName::NamedNode(n)) => Ok(n.as_str().to_string()),
        _ => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            message: "no named graph".into(),
        }),
    }
}

/// The quads of a graph file as N-Triples, and their number.
fn ntriples(path: &Path, bytes: &[u8]) -> Result<(Vec<u8>, usize), StoreError> {
    let quads = parse(path, bytes)?;
    let mut out = String::new();
    for q in &quads {
        out.push_str(&format!("{} .\n", Triple::from(q.clone())));
    }
    Ok((out.into_bytes(), quads.len()))
}

/// Every triple of every graph file, once, sorted, as N-Triples.
fn merged(paths: &[std::path::PathBuf]) -> Result<(Vec<u8>, usize), StoreError> {
    let mut lines = BTreeSet::new();
    for p in paths {
        let bytes = std::fs::read(p).map_err(|e| StoreError::io(p, "cannot read", e))?;
        for q in parse(p, &bytes)? {
            lines.insert(format!("{} .\n", Triple::from(q)));
        }
    }
    let n = lines.len();
    Ok((lines.into_iter().collect::<String>().into_bytes(), n))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

type State = BTreeMap<(String, String), String>;

fn read_state(path: &Path) -> Result<State, StoreError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(State::new()),
        Err(e) => return Err(StoreError::io(path, "cannot read", e)),
    };
    Ok(text
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((
                (f.next()?.to_string(), f.next()?.to_string()),
                f.next()?.to_string(),
            ))
        })
        .collect())
}

fn write_state(path: &Path, state: &State) -> Result<(), StoreError> {
    let text: String = state
        .iter()
        .map(|((u, g), h)| format!("{u}\t{g}\t{h}\n"))
        .collect();
    files::write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(STATE);
        let mut s = State::new();
        s.insert(("http://h".into(), "http://g".into()), "ab".into());
        write_state(&p, &s).unwrap();
        assert_eq!(read_state(&p).unwrap(), s);
    }

    #[test]
    fn missing_state_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_state(&dir.path().join(STATE)).unwrap().is_empty());
    }
}
