//! The SPARQL 1.1 Graph Store HTTP Protocol, reading side: `GET`/`HEAD /store?graph=…`
//! (one article graph), `?default` (the union default graph, the merged view) and no
//! parameter (the whole dataset as TriG or N-Quads).
//!
//! In: a [`Request`]; out: the graph, fully serialized under the deadline. Writing
//! (PUT/POST/DELETE) is in `graph_store_write.rs` and needs `--writable` and the token.

use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, Quad, QuadRef};

use super::formats::{self, DATASET_OFFERS, GRAPH_OFFERS};
use super::limits::{self, Deadline};
use super::negotiation;
use super::params;
use super::sparql::method_not_allowed;
use super::{graph_store_write, Request, Response, ServerState};

/// Which graph a Graph Store request addresses.
pub enum Target {
    /// `?default`.
    Default,
    /// `?graph=IRI`.
    Named(NamedNode),
    /// Neither: the whole dataset (or, for POST, a new graph).
    Dataset,
}

/// Reads `?graph=`/`?default` from the URL.
pub fn target(state: &ServerState, request: &Request) -> Result<Target, Response> {
    let params = params::parse(request.query_string().as_bytes(), state.options.max_params)
        .map_err(|e| Response::text(400, e))?;
    let graphs: Vec<&str> = params
        .iter()
        .filter(|(n, _)| n == "graph")
        .map(|(_, v)| v.as_str())
        .collect();
    let default = params.iter().any(|(n, _)| n == "default");
    match (graphs.as_slice(), default) {
        ([], false) => Ok(Target::Dataset),
        ([], true) => Ok(Target::Default),
        ([iri], false) => NamedNode::new(*iri).map(Target::Named).map_err(|e| {
            Response::text(
                400,
                format_args!("graph={iri:?} is not an absolute IRI: {e}"),
            )
        }),
        _ => Err(Response::text(
            400,
            "give one graph=IRI or default, not several",
        )),
    }
}

/// Answers `/store`.
pub fn handle(state: &ServerState, request: &Request) -> Response {
    let target = match target(state, request) {
        Ok(target) => target,
        Err(response) => return response,
    };
    match request.method.as_str() {
        "GET" | "HEAD" => read(state, request, target),
        "PUT" | "POST" | "DELETE" => graph_store_write::handle(state, request, target),
        _ => method_not_allowed("GET, HEAD, PUT, POST, DELETE"),
    }
}

fn read(state: &ServerState, request: &Request, target: Target) -> Response {
    let offers: &[(&str, oxigraph::io::RdfFormat)] = match target {
        Target::Dataset => &DATASET_OFFERS,
        _ => &GRAPH_OFFERS,
    };
    let Some(format) = negotiation::choose(request.header("accept"), offers).copied() else {
        return formats::not_acceptable(&offers.iter().map(|(m, _)| *m).collect::<Vec<_>>());
    };
    let Some(_slot) = state.gate.try_enter() else {
        return limits::busy_response(state.options.max_concurrent_queries);
    };
    let deadline = Deadline::start(state.options.timeout);
    let max = state.options.max_response_bytes;
    let store = &state.store;
    let answer = match &target {
        Target::Named(node) => match store.contains_named_graph(node) {
            Ok(true) => {
                let graph = GraphNameRef::NamedNode(NamedNodeRef::from(node));
                let quads: Vec<Quad> = store
                    .quads_for_pattern(None, None, None, Some(graph))
                    .filter_map(Result::ok)
                    .collect();
                formats::quads(quads.iter().map(QuadRef::from), format, &deadline, max)
            }
            Ok(false) => {
                return Response::text(404, format_args!("no graph named <{}>", node.as_str()))
            }
            Err(e) => return Response::text(500, format_args!("store error: {e}")),
        },
        Target::Default => {
            // The union default graph: every triple of every graph, each once.
            let mut triples: Vec<Quad> = store
                .iter()
                .filter_map(Result::ok)
                .map(|q| Quad::new(q.subject, q.predicate, q.object, GraphNameRef::DefaultGraph))
                .collect();
            triples.sort_by_cached_key(|q| q.to_string());
            triples.dedup();
            formats::quads(triples.iter().map(QuadRef::from), format, &deadline, max)
        }
        Target::Dataset => {
            let quads: Vec<Quad> = store.iter().filter_map(Result::ok).collect();
            formats::quads(quads.iter().map(QuadRef::from), format, &deadline, max)
        }
    };
    match answer {
        Ok(body) => Response::new(200, &formats::rdf_content_type(format), body)
            .with_header("Vary", "Accept"),
        Err(response) => response,
    }
}
