//! Helpers: one corpus store per test run, a running `newsgraph serve` per test
//! (killed on drop), and a raw HTTP/1.1 exchange over a `TcpStream`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, OnceLock};
use std::time::Duration;

/// The store ingested from `corpus/` once for all tests.
pub fn corpus_store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = dir.path().join("store");
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let status = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .arg("ingest")
            .arg(&corpus)
            .arg("--store")
            .arg(&store)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run newsgraph ingest");
        assert!(status.success(), "ingest of corpus/ failed");
        (dir, store)
    });
    path
}

/// A running `newsgraph serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// Where it listens.
    pub address: SocketAddr,
    /// The directory it runs in (holds `secret.txt`, for the traversal tests); kept
    /// until the server stops.
    _cwd: tempfile::TempDir,
}

/// The content of the file placed beside the server, which no request may reach.
pub const SECRET: &str = "newsgraph-test-secret-3b1f9";

impl Server {
    /// Starts `newsgraph serve --store <corpus store> --bind 127.0.0.1:0 EXTRA…` with
    /// the given environment; panics if it does not report its address.
    pub fn start(extra: &[&str], env: &[(&str, &str)]) -> Server {
        Self::try_start(extra, env).unwrap_or_else(|log| panic!("serve did not start: {log}"))
    }

    /// Like `start`, but returns what the server printed if it exits instead.
    pub fn try_start(extra: &[&str], env: &[(&str, &str)]) -> Result<Server, String> {
        let cwd = tempfile::tempdir().expect("temp dir");
        std::fs::write(cwd.path().join("secret.txt"), SECRET).expect("write secret");
        let mut command = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
        command
            .arg("serve")
            .arg("--store")
            .arg(corpus_store())
            .args(["--bind", "127.0.0.1:0"])
            .args(extra)
            .current_dir(cwd.path())
            .env_remove("NEWSGRAPH_TOKEN")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("spawn newsgraph serve");
        let stderr = child.stderr.take().expect("stderr");
        let (found, address) = mpsc::channel();
        // Drains standard error for the whole life of the server (a full pipe would
        // block it), reporting the address, or everything printed if it exits.
        std::thread::spawn(move || {
            let mut printed = String::new();
            let mut sent = false;
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !sent {
                    if let Some(rest) = line.strip_prefix("newsgraph: listening on http://") {
                        let _ = found.send(Ok(rest.trim_end_matches('/').to_owned()));
                        sent = true;
                    } else {
                        printed.push_str(&line);
                        printed.push('\n');
                    }
                }
            }
            if !sent {
                let _ = found.send(Err(printed));
            }
        });
        match address.recv_timeout(Duration::from_secs(60)) {
            Ok(Ok(address)) => Ok(Server {
                child,
                address: address.parse().expect("address"),
                _cwd: cwd,
            }),
            Ok(Err(log)) => {
                let _ = child.wait();
                Err(log)
            }
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                Err("no address within 60 s".to_owned())
            }
        }
    }

    /// Like `query`, but `None` when the server cannot be reached (while restarting).
    pub fn try_query(&self, query: &str) -> Option<Answer> {
        TcpStream::connect(self.address).ok()?;
        Some(self.query(query))
    }

    /// Sends `raw` on a fresh connection and reads the answer up to the close.
    pub fn raw(&self, raw: &[u8]) -> Answer {
        exchange(self.address, raw)
    }

    /// A `GET target` with `Connection: close` and extra header lines.
    pub fn get(&self, target: &str, headers: &str) -> Answer {
        self.raw(
            format!("GET {target} HTTP/1.1\r\nHost: x\r\n{headers}Connection: close\r\n\r\n")
                .as_bytes(),
        )
    }

    /// A POST with a body, `Connection: close` and extra header lines.
    pub fn post(&self, target: &str, headers: &str, body: &[u8]) -> Answer {
        let mut raw = format!(
            "POST {target} HTTP/1.1\r\nHost: x\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        raw.extend_from_slice(body);
        self.raw(&raw)
    }

    /// A SPARQL query by GET, answered as CSV.
    pub fn query(&self, query: &str) -> Answer {
        query_at(self.address, query)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer: status (0 when none could be read) and the raw text.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub text: String,
}

impl Answer {
    /// The body (after the head).
    pub fn body(&self) -> &str {
        self.text.split_once("\r\n\r\n").map_or("", |(_, b)| b)
    }
}

/// A SPARQL query by GET to the server at `address`, answered as CSV.
pub fn query_at(address: SocketAddr, query: &str) -> Answer {
    exchange(
        address,
        format!(
            "GET /sparql?query={} HTTP/1.1\r\nAccept: text/csv\r\nConnection: close\r\n\r\n",
            encode(query)
        )
        .as_bytes(),
    )
}

/// Sends `raw` and reads until the server closes (or 60 s pass).
pub fn exchange(address: SocketAddr, raw: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    // The server may answer (413, 431) and close before reading all of it.
    let _ = stream.write_all(raw);
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Answer {
        status: status_of(&text),
        text,
    }
}

/// The status code of the first (final) response in `text`.
pub fn status_of(text: &str) -> u16 {
    let text = text
        .strip_prefix("HTTP/1.1 100 Continue\r\n\r\n")
        .unwrap_or(text);
    text.strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

/// Percent-encodes a query-string value.
pub use newsgraph::server::params::encode;

/// The small query the other clients keep sending during an attack.
pub const SMALL: &str = "ASK { ?m <http://schema.org/attendee> ?a }";
