//! Socket tests of `http.rs`: a real listener on an ephemeral loopback port.

use std::io::{Read, Write};
use std::net::TcpStream;

use oxigraph::store::Store;

use super::*;
use crate::server::ServerOptions;

fn exchange(address: SocketAddr, raw: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(raw).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn start(options: ServerOptions) -> SocketAddr {
    let state = ServerState::new(Store::new().unwrap(), options);
    let (address, _running) = spawn(state, SocketAddr::from(([127, 0, 0, 1], 0))).unwrap();
    address
}

#[test]
fn socket_query_is_answered() {
    let address = start(ServerOptions::default());
    let answer = exchange(
        address,
        b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: text/csv, application/sparql-results+json;q=0.5\r\nConnection: close\r\n\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // text/csv has the higher q, so the ASK answer comes as CSV.
    assert!(answer.ends_with("\r\n\r\ntrue"), "{answer}");
}

#[test]
fn socket_keep_alive_serves_pipelined_requests() {
    let address = start(ServerOptions::default());
    let one = "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nAccept: text/csv\r\n\r\n";
    let last =
        "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nAccept: text/csv\r\nConnection: close\r\n\r\n";
    let answer = exchange(address, format!("{one}{one}{last}").as_bytes());
    assert_eq!(answer.matches("HTTP/1.1 200 OK").count(), 3, "{answer}");
}

#[test]
fn socket_declared_oversized_body_is_413() {
    let options = ServerOptions {
        max_body_bytes: 16,
        ..ServerOptions::default()
    };
    let address = start(options);
    // The 413 comes before the body is read; the rest is discarded, never buffered.
    let mut raw = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n".to_vec();
    raw.extend(std::iter::repeat_n(b' ', 100_000));
    let answer = exchange(address, &raw);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}

#[test]
fn socket_expect_continue_gets_100_then_the_answer() {
    let address = start(ServerOptions::default());
    let answer = exchange(
        address,
        b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nAccept: text/csv\r\nExpect: 100-continue\r\nContent-Length: 6\r\nConnection: close\r\n\r\nASK{ }",
    );
    assert!(
        answer.starts_with("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200"),
        "{answer}"
    );
}

#[test]
fn socket_slow_request_is_cut_at_the_read_deadline() {
    let options = ServerOptions {
        request_read_timeout: Duration::from_millis(300),
        ..ServerOptions::default()
    };
    let address = start(options);
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\n").unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 408"));
}

#[test]
fn socket_full_pool_answers_503() {
    let options = ServerOptions {
        max_connections: 1,
        ..ServerOptions::default()
    };
    let address = start(options);
    let _holder = TcpStream::connect(address).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let answer = exchange(address, b"GET / HTTP/1.1\r\n\r\n");
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
}
