//! Hostile requests at the socket: slow clients, oversized bodies, thousands of
//! parameters, huge headers and path traversal on every route.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use std::net::SocketAddr;

use crate::server::{encode, query_at, Server, SECRET, SMALL};

/// Sends the small query every 100 ms while `running`; returns how many were
/// answered right, how many were sent, and the slowest answer's time.
pub fn keep_querying(address: SocketAddr, running: &AtomicBool) -> (usize, usize, Duration) {
    let (mut ok, mut total, mut slowest) = (0, 0, Duration::ZERO);
    while running.load(Ordering::Acquire) {
        let started = Instant::now();
        let answer = query_at(address, SMALL);
        slowest = slowest.max(started.elapsed());
        total += 1;
        ok += usize::from(answer.status == 200 && answer.body().contains("true"));
        thread::sleep(Duration::from_millis(100));
    }
    (ok, total, slowest)
}

#[test]
fn slowloris_is_cut_while_others_are_served() {
    let server = Server::start(&["--read-timeout", "2"], &[]);
    let running = Arc::new(AtomicBool::new(true));
    // 20 clients send a request head one byte every 200 ms (it would take 10 s).
    let slow: Vec<_> = (0..20)
        .map(|_| {
            let address = server.address;
            thread::spawn(move || {
                let mut stream = TcpStream::connect(address).expect("connect");
                let started = Instant::now();
                let head = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
                stream
                    .set_read_timeout(Some(Duration::from_millis(10)))
                    .expect("timeout");
                let mut seen = Vec::new();
                for byte in head {
                    if stream.write_all(&[*byte]).is_err() {
                        return (started.elapsed(), String::from_utf8_lossy(&seen).into_owned());
                    }
                    let mut buf = [0u8; 512];
                    match stream.read(&mut buf) {
                        Ok(0) => return (started.elapsed(), String::from_utf8_lossy(&seen).into_owned()),
                        Ok(n) => seen.extend_from_slice(&buf[..n]),
                        Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {}
                        Err(_) => return (started.elapsed(), String::from_utf8_lossy(&seen).into_owned()),
                    }
                    thread::sleep(Duration::from_millis(200));
                }
                (started.elapsed(), format!("never cut: {}", String::from_utf8_lossy(&seen)))
            })
        })
        .collect();
    let served = {
        let running = Arc::clone(&running);
        let address = server.address;
        thread::spawn(move || keep_querying(address, &running))
    };
    let cuts: Vec<_> = slow
        .into_iter()
        .map(|t| t.join().expect("slow client"))
        .collect();
    running.store(false, Ordering::Release);
    let (ok, total, slowest) = served.join().expect("fast client");
    for (after, seen) in &cuts {
        assert!(
            *after >= Duration::from_millis(1500) && *after < Duration::from_secs(6),
            "a slow client was cut after {after:?}: {seen}"
        );
        assert!(
            seen.is_empty() || seen.starts_with("HTTP/1.1 408"),
            "{seen}"
        );
    }
    assert!(
        total >= 10,
        "only {total} queries while the slow clients ran"
    );
    assert_eq!(ok, total, "some queries failed during the slowloris");
    assert!(
        slowest < Duration::from_secs(1),
        "slowest answer {slowest:?}"
    );
}

#[test]
fn oversized_bodies_are_413() {
    let server = Server::start(&["--max-body", "65536"], &[]);
    let big = vec![b' '; 2 << 20];
    let declared = server.post(
        "/sparql",
        "Content-Type: application/sparql-query\r\n",
        &big,
    );
    assert_eq!(declared.status, 413, "{}", declared.text);
    // Chunked, so the size is only known while reading.
    let mut raw = b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for _ in 0..64 {
        raw.extend_from_slice(format!("{:x}\r\n", 32 << 10).as_bytes());
        raw.extend(std::iter::repeat_n(b' ', 32 << 10));
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    let chunked = server.raw(&raw);
    assert_eq!(
        chunked.status,
        413,
        "{}",
        &chunked.text[..chunked.text.len().min(300)]
    );
    // Expect: 100-continue with a body over the limit: no 100, a 413 at once.
    let early = server.raw(b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nExpect: 100-continue\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n");
    assert!(early.text.starts_with("HTTP/1.1 413"), "{}", early.text);
    assert_eq!(server.query(SMALL).status, 200);
}

#[test]
fn thousands_of_parameters_are_refused() {
    let server = Server::start(&[], &[]);
    let many = "a=1&".repeat(5000);
    let in_url = server.get(&format!("/sparql?{many}query={}", encode(SMALL)), "");
    assert_eq!(in_url.status, 414, "{}", in_url.text);
    let some = "a&".repeat(1000);
    let short_names = server.get(&format!("/sparql?{some}query={}", encode(SMALL)), "");
    assert_eq!(short_names.status, 400, "{}", short_names.text);
    assert!(short_names.body().contains("parameters"));
    let form = format!("{}query={}", "a=1&".repeat(100_000), encode(SMALL));
    let started = Instant::now();
    let in_form = server.post(
        "/sparql",
        "Content-Type: application/x-www-form-urlencoded\r\n",
        form.as_bytes(),
    );
    assert_eq!(in_form.status, 400, "{}", in_form.text);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(server.query(SMALL).status, 200);
}

#[test]
fn huge_headers_are_refused() {
    let server = Server::start(&[], &[]);
    let huge = format!("Accept: {}\r\n", "text/csv;q=0.1, ".repeat(10_000));
    assert_eq!(
        server
            .get(&format!("/sparql?query={}", encode(SMALL)), &huge)
            .status,
        431
    );
    let many: String = (0..500).map(|i| format!("X-H{i}: v\r\n")).collect();
    assert_eq!(server.get("/", &many).status, 431);
    // A long but legal Accept (600 ranges) is negotiated quickly.
    let long = format!(
        "Accept: {}application/sparql-results+json;q=0.9\r\n",
        "x/y;q=0.1, ".repeat(600)
    );
    let started = Instant::now();
    let answer = server.get(&format!("/sparql?query={}", encode(SMALL)), &long);
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn path_traversal_reaches_nothing_on_any_route() {
    let server = Server::start(&[], &[]);
    let routes = [
        "",
        "/sparql",
        "/query",
        "/store",
        "/export.ttl",
        "/explorer",
        "/explorer/app.js",
        "/update",
    ];
    let tricks = [
        "/../secret.txt",
        "/../../../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "/....//secret.txt",
        "/.%2e/.%2e/etc/passwd",
        "/%c0%ae%c0%ae/secret.txt",
        "/secret.txt%00.html",
        "/../Cargo.toml",
    ];
    let mut targets = vec![
        "/secret.txt".to_owned(),
        "//etc/passwd".to_owned(),
        "/store?graph=file:///etc/passwd".to_owned(),
        format!("/store?graph={}", encode("file:///etc/passwd")),
        format!("/store?graph={}", encode("../secret.txt")),
        format!(
            "/sparql?query={}",
            encode("SELECT * WHERE { GRAPH <file:///etc/passwd> { ?s ?p ?o } }")
        ),
        format!(
            "/sparql?query={}&default-graph-uri={}",
            encode(SMALL),
            encode("file:///etc/passwd")
        ),
    ];
    for route in routes {
        for trick in tricks {
            targets.push(format!("{route}{trick}"));
        }
    }
    for target in &targets {
        let answer = server.get(target, "");
        assert!(
            !answer.text.contains(SECRET)
                && !answer.text.contains("root:")
                && !answer.text.contains("[package]"),
            "{target} leaked a file: {}",
            answer.text
        );
        let graph_lookup = target.contains("?");
        if !graph_lookup {
            assert!(
                matches!(answer.status, 400 | 404),
                "{target}: {}",
                answer.text
            );
        } else {
            assert!(
                answer.status != 0 && answer.status != 500,
                "{target}: {}",
                answer.text
            );
        }
    }
    // The explorer's own files are still there.
    assert_eq!(server.get("/explorer/app.js", "").status, 200);
}
