//! In-process tests of [`handle`]: one request, one expected answer, no socket.

use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::Store;

use super::params::encode;
use super::*;

const FIXTURE: &str = include_str!("../../tests/clients/fixture.trig");

fn state_with(options: ServerOptions) -> ServerState {
    let store = Store::new().unwrap();
    store
        .load_from_slice(RdfParser::from_format(RdfFormat::TriG), FIXTURE)
        .unwrap();
    ServerState::new(store, options)
}

fn state() -> ServerState {
    state_with(ServerOptions::default())
}

fn get_query(query: &str) -> Request {
    Request::new("GET", &format!("/sparql?query={}", encode(query)))
}

fn body(response: &Response) -> String {
    String::from_utf8_lossy(&response.body).into_owned()
}

const COUNT_MEETINGS: &str =
    "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a <http://schema.org/Event> }";

#[test]
fn default_graph_is_union_of_article_graphs() {
    let response = handle(
        &state(),
        get_query(COUNT_MEETINGS).with_header("accept", "text/csv"),
    );
    assert_eq!(response.status, 200);
    assert_eq!(body(&response), "n\r\n4\r\n");
}

#[test]
fn union_default_graph_counts_a_shared_triple_once() {
    // "Wang Yi" is named in all three article graphs.
    let query = "SELECT (COUNT(*) AS ?n) WHERE { ?a <http://schema.org/name> \"Wang Yi\" }";
    let response = handle(&state(), get_query(query).with_header("accept", "text/csv"));
    assert_eq!(body(&response), "n\r\n1\r\n");
}

#[test]
fn named_graphs_stay_separate_from_the_merge() {
    let query =
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a <http://schema.org/name> \"Wang Yi\" } }";
    let response = handle(&state(), get_query(query).with_header("accept", "text/csv"));
    assert_eq!(body(&response), "n\r\n3\r\n");
}

#[test]
fn default_graph_uri_restricts_the_dataset() {
    let target = format!(
        "/sparql?query={}&default-graph-uri={}",
        encode(COUNT_MEETINGS),
        encode("https://w3id.org/newsgraph/id/article/a2")
    );
    let request = Request::new("GET", &target).with_header("accept", "text/csv");
    assert_eq!(body(&handle(&state(), request)), "n\r\n2\r\n");
}

#[test]
fn post_direct_query_is_answered() {
    let request = Request::new("POST", "/query")
        .with_header("content-type", "application/sparql-query")
        .with_body(COUNT_MEETINGS);
    let response = handle(&state(), request);
    assert_eq!(response.status, 200);
    assert_eq!(
        response.header("content-type"),
        Some("application/sparql-results+json")
    );
}

#[test]
fn construct_defaults_to_turtle() {
    let response = handle(
        &state(),
        get_query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"),
    );
    assert_eq!(response.status, 200);
    assert!(response
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/turtle")));
}

#[test]
fn unacceptable_type_is_406() {
    let request = get_query("ASK {}").with_header("accept", "image/png");
    assert_eq!(handle(&state(), request).status, 406);
}

#[test]
fn wrong_method_is_405_with_allow() {
    let response = handle(&state(), Request::new("DELETE", "/sparql"));
    assert_eq!(response.status, 405);
    assert!(response.header("allow").is_some_and(|a| a.contains("POST")));
}

#[test]
fn wrong_media_type_is_415() {
    let request = Request::new("POST", "/sparql")
        .with_header("content-type", "text/plain")
        .with_body("ASK {}");
    assert_eq!(handle(&state(), request).status, 415);
}

#[test]
fn bad_syntax_is_400_with_message() {
    let response = handle(&state(), get_query("SELECT WHERE"));
    assert_eq!(response.status, 400);
    assert!(body(&response).contains("syntax error"));
}

#[test]
fn service_is_refused() {
    let query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }";
    let response = handle(&state(), get_query(query));
    assert_eq!(response.status, 400);
    assert!(body(&response).contains("no outbound requests"));
}

#[test]
fn timeout_is_an_error_not_a_cut_off_200() {
    let options = ServerOptions {
        timeout: Duration::ZERO,
        ..ServerOptions::default()
    };
    let query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let response = handle(&state_with(options), get_query(query));
    assert_eq!(response.status, 503);
    assert!(body(&response).contains("time limit"));
}

#[test]
fn too_many_concurrent_queries_is_503() {
    let options = ServerOptions {
        max_concurrent_queries: 1,
        ..ServerOptions::default()
    };
    let state = state_with(options);
    let _held = state.gate.try_enter();
    let response = handle(&state, get_query("ASK {}"));
    assert_eq!(response.status, 503);
    assert_eq!(response.header("retry-after"), Some("1"));
}

#[test]
fn oversized_body_is_413() {
    let options = ServerOptions {
        max_body_bytes: 10,
        ..ServerOptions::default()
    };
    let request = Request::new("POST", "/sparql")
        .with_header("content-type", "application/sparql-query")
        .with_body("SELECT * WHERE { ?s ?p ?o }");
    assert_eq!(handle(&state_with(options), request).status, 413);
}

#[test]
fn too_large_answer_is_an_error() {
    let options = ServerOptions {
        max_response_bytes: 100,
        ..ServerOptions::default()
    };
    let response = handle(&state_with(options), get_query("SELECT * { ?s ?p ?o }"));
    assert_eq!(response.status, 500);
}

fn update(token: Option<&str>) -> Request {
    let request = Request::new("POST", "/sparql")
        .with_header("content-type", "application/sparql-update")
        .with_body("CLEAR ALL");
    match token {
        Some(t) => request.with_header("authorization", &format!("Bearer {t}")),
        None => request,
    }
}

#[test]
fn update_on_read_only_server_is_403() {
    assert_eq!(handle(&state(), update(Some("x"))).status, 403);
}

#[test]
fn update_without_token_is_401() {
    let options = ServerOptions {
        write_token: Some("secret".into()),
        ..ServerOptions::default()
    };
    assert_eq!(handle(&state_with(options), update(None)).status, 401);
}

#[test]
fn update_with_token_is_applied() {
    let options = ServerOptions {
        write_token: Some("secret".into()),
        ..ServerOptions::default()
    };
    let state = state_with(options);
    assert_eq!(handle(&state, update(Some("secret"))).status, 204);
    assert!(state.store.is_empty().unwrap());
}

#[test]
fn update_load_from_url_is_refused() {
    let options = ServerOptions {
        write_token: Some("secret".into()),
        ..ServerOptions::default()
    };
    let request = Request::new("POST", "/update")
        .with_header("content-type", "application/sparql-update")
        .with_header("authorization", "Bearer secret")
        .with_body("LOAD <http://example.org/data.ttl>");
    let response = handle(&state_with(options), request);
    assert_eq!(response.status, 400);
}

#[test]
fn service_description_without_query() {
    let response = handle(
        &state(),
        Request::new("GET", "/sparql").with_header("host", "h"),
    );
    assert_eq!(response.status, 200);
    assert!(body(&response).contains("<http://h/sparql>"));
}

#[test]
fn browser_without_query_is_sent_to_explorer() {
    let request = Request::new("GET", "/sparql").with_header("accept", "text/html,*/*;q=0.8");
    let response = handle(&state(), request);
    assert_eq!(response.status, 303);
    assert_eq!(response.header("location"), Some("/"));
}

#[test]
fn graph_store_reads_one_graph() {
    let target = format!(
        "/store?graph={}",
        encode("https://w3id.org/newsgraph/id/article/a3")
    );
    let request = Request::new("GET", &target).with_header("accept", "application/n-triples");
    let response = handle(&state(), request);
    assert_eq!(response.status, 200);
    assert!(body(&response).contains("by telephone"));
    assert!(!body(&response).contains("Lavrov"));
}

#[test]
fn graph_store_unknown_graph_is_404() {
    let request = Request::new("GET", "/store?graph=http%3A%2F%2Fexample.org%2Fnone");
    assert_eq!(handle(&state(), request).status, 404);
}

#[test]
fn head_has_no_body() {
    let response = handle(&state(), Request::new("HEAD", "/export.ttl"));
    assert_eq!(response.status, 200);
    assert!(response.body.is_empty());
}

#[test]
fn export_is_sorted_turtle_of_all_graphs() {
    let response = handle(&state(), Request::new("GET", "/export.ttl"));
    assert_eq!(response.status, 200);
    let text = body(&response);
    assert!(text.contains("Sergey Lavrov"));
    assert_eq!(
        text,
        body(&handle(&state(), Request::new("GET", "/export.ttl")))
    );
}

#[test]
fn explorer_page_is_served() {
    let response = handle(&state(), Request::new("GET", "/"));
    assert_eq!(response.status, 200);
    assert!(body(&response).contains("<html"));
}

#[test]
fn unknown_path_is_404() {
    assert_eq!(
        handle(&state(), Request::new("GET", "/../etc/passwd")).status,
        404
    );
}

fn writable() -> ServerState {
    state_with(ServerOptions {
        write_token: Some("secret".into()),
        ..ServerOptions::default()
    })
}

fn put_graph(token: &str) -> Request {
    Request::new("PUT", "/store?graph=http%3A%2F%2Fexample.org%2Fg")
        .with_header("content-type", "text/turtle")
        .with_header("authorization", &format!("Bearer {token}"))
        .with_body("<http://example.org/s> <http://example.org/p> \"o\" .")
}

#[test]
fn graph_store_put_on_read_only_server_is_403() {
    assert_eq!(handle(&state(), put_graph("secret")).status, 403);
}

#[test]
fn graph_store_put_with_wrong_token_is_401() {
    assert_eq!(handle(&writable(), put_graph("wrong")).status, 401);
}

#[test]
fn graph_store_put_creates_then_replaces() {
    let state = writable();
    assert_eq!(handle(&state, put_graph("secret")).status, 201);
    assert_eq!(handle(&state, put_graph("secret")).status, 204);
    let get = Request::new("GET", "/store?graph=http%3A%2F%2Fexample.org%2Fg")
        .with_header("accept", "application/n-triples");
    assert_eq!(
        body(&handle(&state, get)),
        "<http://example.org/s> <http://example.org/p> \"o\" .\n"
    );
}

#[test]
fn graph_store_delete_of_missing_graph_is_404() {
    let request = Request::new("DELETE", "/store?graph=http%3A%2F%2Fexample.org%2Fnone")
        .with_header("authorization", "Bearer secret");
    assert_eq!(handle(&writable(), request).status, 404);
}

#[test]
fn graph_store_put_of_invalid_turtle_is_400() {
    let request = put_graph("secret").with_body("<http://example.org/s> <p");
    assert_eq!(handle(&writable(), request).status, 400);
}
