//! The routing table: path and method to handler.
//!
//! In: a [`Request`]; out: the handler's [`Response`], or 404/405. It does no work of
//! its own beyond choosing the handler.

use super::{explorer, export, graph_store, sparql, Request, Response, ServerState};

/// Sends the request to its handler.
pub fn route(state: &ServerState, request: &Request) -> Response {
    let path = request.path();
    match path {
        "/sparql" | "/sparql/" | "/query" | "/query/" => sparql::handle(state, request),
        "/update" | "/update/" => match request.method.as_str() {
            "POST" => sparql::handle(state, request),
            _ => sparql::method_not_allowed("POST"),
        },
        "/store" | "/store/" => graph_store::handle(state, request),
        "/export.ttl" => only_get(request, || export::handle(state)),
        _ => match explorer::asset(path) {
            Some(asset) => only_get(request, || asset),
            None => Response::text(404, format_args!("no such resource: {path}")),
        },
    }
}

fn only_get(request: &Request, answer: impl FnOnce() -> Response) -> Response {
    match request.method.as_str() {
        "GET" | "HEAD" => answer(),
        _ => sparql::method_not_allowed("GET, HEAD"),
    }
}
