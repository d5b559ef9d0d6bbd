//! Queries that explode (cut by `--timeout` with an error status while a small query
//! is answered) and queries that try to make the server contact another host.

use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crate::attacks::keep_querying;
use crate::server::{encode, Server, SMALL};

const CROSS_JOIN: &str =
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
const DEEP_PATH: &str = "SELECT (COUNT(*) AS ?n) WHERE { \
    ?a (<http://example.org/p>|!<http://example.org/p>)* ?b . \
    ?c (<http://example.org/p>|!<http://example.org/p>)* ?d }";
const SORTED_CROSS_JOIN: &str =
    "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1";

/// Runs `query` against a server with a 2 s timeout while another client keeps
/// sending a small query; checks the error status, the time and the other client.
fn cut_off(query: &str) {
    let server = Server::start(&["--timeout", "2"], &[]);
    let running = Arc::new(AtomicBool::new(true));
    let other = {
        let running = Arc::clone(&running);
        let address = server.address;
        thread::spawn(move || keep_querying(address, &running))
    };
    let started = Instant::now();
    let answer = server.query(query);
    let took = started.elapsed();
    running.store(false, Ordering::Release);
    let (ok, total, slowest) = other.join().expect("other client");
    assert_eq!(answer.status, 503, "{}", answer.text);
    assert!(answer.body().contains("time limit"), "{}", answer.text);
    assert!(took < Duration::from_secs(4), "answered after {took:?}");
    assert!(total >= 5, "only {total} small queries");
    assert_eq!(ok, total, "small queries failed during the explosion");
    assert!(
        slowest < Duration::from_secs(1),
        "slowest small query {slowest:?}"
    );
    // The server is still fine afterwards.
    assert_eq!(server.query(SMALL).status, 200);
}

#[test]
fn cross_join_is_cut_by_the_timeout() {
    cut_off(CROSS_JOIN);
}

#[test]
fn deep_property_path_is_cut_by_the_timeout() {
    cut_off(DEEP_PATH);
}

#[test]
fn sorted_cross_join_is_cut_by_the_timeout() {
    cut_off(SORTED_CROSS_JOIN);
}

#[test]
fn runaway_queries_cannot_take_every_slot_for_long() {
    let server = Server::start(&["--timeout", "1", "--max-queries", "2"], &[]);
    let runaway: Vec<_> = (0..2)
        .map(|_| {
            let address = server.address;
            thread::spawn(move || crate::server::query_at(address, CROSS_JOIN).status)
        })
        .collect();
    for t in runaway {
        assert_eq!(t.join().expect("runaway"), 503);
    }
    // Oxigraph checks cancellation only between store reads, so a COUNT over a cross
    // join keeps its slot; the supervisor replaces the server process 10 s after the
    // time limit, and the same address answers again.
    let started = Instant::now();
    loop {
        let answer = server.try_query(SMALL);
        if answer.as_ref().is_some_and(|a| a.status == 200) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "slots never freed: {answer:?}"
        );
        thread::sleep(Duration::from_millis(100));
    }
}

/// A listener standing for "another host"; returns it and its URL.
fn bait() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("nonblocking");
    let url = format!("http://{}/", listener.local_addr().expect("address"));
    (listener, url)
}

fn assert_never_contacted(listener: &TcpListener) {
    thread::sleep(Duration::from_millis(300));
    assert!(
        listener.accept().is_err(),
        "the server connected to another host"
    );
}

#[test]
fn service_is_refused_without_contacting_the_host() {
    let server = Server::start(&[], &[]);
    let (listener, url) = bait();
    let answer = server.query(&format!(
        "SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}"
    ));
    assert_eq!(answer.status, 400, "{}", answer.text);
    assert!(answer.body().contains("SERVICE"), "{}", answer.text);
    // SILENT asks to ignore a failing service: the answer is empty, and nothing is sent.
    let silent = server.query(&format!(
        "SELECT ?s WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}"
    ));
    assert!(matches!(silent.status, 200 | 400), "{}", silent.text);
    assert_eq!(
        silent.body().trim().lines().count(),
        usize::from(silent.status == 200),
        "{}",
        silent.text
    );
    let nested = server.query(&format!(
        "ASK {{ {{ SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }} }}"
    ));
    // Inside FILTER EXISTS the refusal is an evaluation error that Oxigraph folds into
    // the filter's value; whatever the answer, nothing may leave the machine.
    assert!(matches!(nested.status, 200 | 400), "{}", nested.text);
    assert_never_contacted(&listener);
}

#[test]
fn load_and_url_datasets_do_not_contact_the_host() {
    let token = "a-long-enough-test-token-123";
    let server = Server::start(&["--writable"], &[("NEWSGRAPH_TOKEN", token)]);
    let (listener, url) = bait();
    let load = server.post(
        "/update",
        &format!("Content-Type: application/sparql-update\r\nAuthorization: Bearer {token}\r\n"),
        format!("LOAD <{url}data.ttl>").as_bytes(),
    );
    assert!(matches!(load.status, 400 | 403 | 501), "{}", load.text);
    let from = server.query(&format!(
        "SELECT * FROM <{url}data.ttl> WHERE {{ ?s ?p ?o }}"
    ));
    assert_eq!(from.status, 200, "{}", from.text);
    assert_eq!(
        from.body().trim().lines().count(),
        1,
        "FROM names a graph, it loads nothing"
    );
    let dataset = server.get(
        &format!(
            "/sparql?query={}&default-graph-uri={}",
            encode(SMALL),
            encode(&url)
        ),
        "Accept: text/csv\r\n",
    );
    assert_eq!(dataset.status, 200, "{}", dataset.text);
    assert_eq!(dataset.body().trim(), "false");
    assert_never_contacted(&listener);
}
