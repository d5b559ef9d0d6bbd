//! The Graph Store HTTP Protocol, writing side (only with `--writable` and the bearer
//! token): `PUT` replaces a graph, `POST` adds to it (or, without `?graph=`, creates a
//! new graph and answers its IRI in `Location`), `DELETE` drops it.
//!
//! In: a [`Request`] whose body is a graph in Turtle, N-Triples, RDF/XML or JSON-LD;
//! out: 201 (created), 204 (changed), 404, or an error. The body is parsed fully
//! before the store is touched, and each change is one transaction.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad};

use super::graph_store::Target;
use super::negotiation;
use super::service_description::endpoint_iri;
use super::update::authorize_write;
use super::{Request, Response, ServerState};

fn store_error(e: impl std::fmt::Display) -> Response {
    Response::text(500, format_args!("store error: {e}"))
}

/// Parses the request body as a graph in `graph`; relative IRIs resolve against `base`.
fn parse_body(request: &Request, graph: &GraphName, base: &str) -> Result<Vec<Quad>, Response> {
    let Some(content_type) = request.header("content-type") else {
        return Err(Response::text(
            400,
            "a Content-Type is needed (e.g. text/turtle)",
        ));
    };
    let content_type = negotiation::content_type(content_type);
    let format = RdfFormat::from_media_type(&content_type.media)
        .filter(|f| !f.supports_datasets())
        .ok_or_else(|| {
            Response::text(
                415,
                format_args!(
                    "unsupported Content-Type {:?}; use text/turtle, application/n-triples, \
                     application/rdf+xml or application/ld+json",
                    content_type.media
                ),
            )
        })?;
    let mut parser = RdfParser::from_format(format).with_default_graph(graph.clone());
    if let Ok(with_base) = parser.clone().with_base_iri(base) {
        parser = with_base;
    }
    parser
        .for_slice(&request.body)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Response::text(400, format_args!("the body is not valid RDF: {e}")))
}

fn no_content() -> Response {
    Response {
        status: 204,
        headers: Vec::new(),
        body: Vec::new(),
    }
}

fn created(location: Option<&str>) -> Response {
    let response = Response::text(201, "created");
    match location {
        Some(iri) => response.with_header("Location", iri),
        None => response,
    }
}

/// Replaces (`replace`) or extends a graph with `quads`; returns whether it is new.
fn write(
    state: &ServerState,
    graph: &GraphName,
    quads: Vec<Quad>,
    replace: bool,
) -> Result<bool, Response> {
    let store = &state.store;
    let existed = match graph {
        GraphName::NamedNode(node) => store.contains_named_graph(node).map_err(store_error)?,
        _ => true,
    };
    let mut transaction = store.start_transaction().map_err(store_error)?;
    if replace {
        transaction
            .clear_graph(GraphNameRef::from(graph))
            .map_err(store_error)?;
    }
    if let GraphName::NamedNode(node) = graph {
        transaction.insert_named_graph(node);
    }
    transaction.extend(quads.iter());
    transaction.commit().map_err(store_error)?;
    Ok(!existed)
}

/// A fresh graph IRI under the endpoint for `POST /store`: a hash of the body, with a
/// counter if that graph already exists.
fn new_graph_iri(state: &ServerState, request: &Request) -> Result<NamedNode, Response> {
    let base = endpoint_iri(request);
    let hash = crate::resolve::sha256_hex(&String::from_utf8_lossy(&request.body));
    for n in 0..1000 {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let iri = NamedNode::new(format!("{}/{}{suffix}", base.as_str(), &hash[..16]))
            .map_err(|e| Response::text(500, format_args!("cannot mint a graph IRI: {e}")))?;
        if !state
            .store
            .contains_named_graph(&iri)
            .map_err(store_error)?
        {
            return Ok(iri);
        }
    }
    Err(Response::text(500, "cannot mint a new graph IRI"))
}

/// Answers PUT, POST and DELETE on `/store`.
pub fn handle(state: &ServerState, request: &Request, target: Target) -> Response {
    if let Err(response) = authorize_write(state, request) {
        return response;
    }
    let outcome = match (request.method.as_str(), target) {
        ("DELETE", Target::Named(node)) => match state.store.contains_named_graph(&node) {
            Ok(true) => state
                .store
                .remove_named_graph(&node)
                .map(|()| no_content())
                .map_err(store_error),
            Ok(false) => Ok(Response::text(
                404,
                format_args!("no graph named <{}>", node.as_str()),
            )),
            Err(e) => Err(store_error(e)),
        },
        ("DELETE", Target::Default) => state
            .store
            .clear_graph(GraphNameRef::DefaultGraph)
            .map(|()| no_content())
            .map_err(store_error),
        ("DELETE" | "PUT", Target::Dataset) => Err(Response::text(
            400,
            "give graph=IRI or default; the whole dataset cannot be replaced or deleted here",
        )),
        ("POST", Target::Dataset) => new_graph_iri(state, request).and_then(|iri| {
            let graph = GraphName::NamedNode(iri.clone());
            let quads = parse_body(request, &graph, iri.as_str())?;
            write(state, &graph, quads, false)?;
            Ok(created(Some(iri.as_str())))
        }),
        (method, target) => {
            let graph = match target {
                Target::Named(node) => GraphName::NamedNode(node),
                _ => GraphName::DefaultGraph,
            };
            let base = match &graph {
                GraphName::NamedNode(node) => node.as_str().to_owned(),
                _ => endpoint_iri(request).as_str().to_owned(),
            };
            parse_body(request, &graph, &base).and_then(|quads| {
                let is_new = write(state, &graph, quads, method == "PUT")?;
                Ok(if is_new { created(None) } else { no_content() })
            })
        }
    };
    outcome.unwrap_or_else(|response| response)
}
