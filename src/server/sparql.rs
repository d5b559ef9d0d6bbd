//! The SPARQL 1.1 Protocol: query (GET, POST form, POST direct) and, when writable,
//! update, with the protocol dataset (`default-graph-uri`, `named-graph-uri`,
//! `using-graph-uri`, `using-named-graph-uri`).
//!
//! In: a [`Request`] for `/sparql`, `/query` or `/update`; out: a fully computed
//! [`Response`]. Without a dataset in the request or the query, the default graph is
//! the union of all named graphs (the article graphs). It makes no outbound request:
//! `SERVICE` is refused by Oxigraph (no HTTP client is compiled in).

use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;
use oxigraph::sparql::{
    PreparedSparqlQuery, QueryDatasetSpecification, QueryResults, SparqlEvaluator,
};
use oxigraph::store::Store;
use spargebra::SparqlParser;

use super::formats::{self, GRAPH_OFFERS, SOLUTION_OFFERS};
use super::limits::{self, Deadline};
use super::negotiation;
use super::params;
use super::{service_description, update, Request, Response, ServerState};

/// What the request asks for, once its parameters are read.
enum Operation {
    Query(String),
    Update(String),
    Describe,
}

/// The request's operation and parameters, or an error answer.
struct Parsed {
    operation: Operation,
    params: Vec<(String, String)>,
}

const ALLOW: &str = "GET, HEAD, POST, OPTIONS";

/// Handles `/sparql` and `/query`.
pub fn handle(state: &ServerState, request: &Request) -> Response {
    match request.method.as_str() {
        "OPTIONS" => options(),
        "GET" | "HEAD" | "POST" => match parse(state, request) {
            Ok(Parsed {
                operation: Operation::Query(query),
                params,
            }) => with_cors(query_response(state, request, &query, &params)),
            Ok(Parsed {
                operation: Operation::Update(update),
                params,
            }) => with_cors(update::handle(state, request, &update, &params)),
            Ok(Parsed {
                operation: Operation::Describe,
                params,
            }) => with_cors(service_description::handle(
                state,
                request,
                effective_accept(request, &params),
            )),
            Err(response) => with_cors(response),
        },
        _ => method_not_allowed(ALLOW),
    }
}

/// A 405 with the `Allow` header.
pub fn method_not_allowed(allow: &str) -> Response {
    Response::text(405, format_args!("method not allowed here; use {allow}"))
        .with_header("Allow", allow)
}

fn options() -> Response {
    Response {
        status: 204,
        headers: Vec::new(),
        body: Vec::new(),
    }
    .with_header("Allow", ALLOW)
    .with_header("Access-Control-Allow-Methods", ALLOW)
    .with_header(
        "Access-Control-Allow-Headers",
        "Accept, Content-Type, Authorization",
    )
}

fn with_cors(response: Response) -> Response {
    response.with_header("Access-Control-Allow-Origin", "*")
}

pub(super) fn bad_request(message: impl std::fmt::Display) -> Response {
    Response::text(400, message)
}

/// Reads the operation from the URL and, for POST, the body.
fn parse(state: &ServerState, request: &Request) -> Result<Parsed, Response> {
    let max = state.options.max_params;
    let mut params = params::parse(request.query_string().as_bytes(), max).map_err(bad_request)?;
    let mut direct: Option<Operation> = None;
    if request.method == "POST" {
        let Some(content_type) = request.header("content-type") else {
            return Err(bad_request(
                "a POST needs a Content-Type: application/x-www-form-urlencoded, \
                 application/sparql-query or application/sparql-update",
            ));
        };
        let content_type = negotiation::content_type(content_type);
        if content_type
            .charset
            .as_deref()
            .is_some_and(|c| c != "utf-8" && c != "utf8")
        {
            return Err(Response::text(
                415,
                "only the UTF-8 charset is supported in request bodies",
            ));
        }
        match content_type.media.as_str() {
            "application/x-www-form-urlencoded" => {
                let body = params::parse(&request.body, max).map_err(bad_request)?;
                params.extend(body);
                if params.len() > max {
                    return Err(bad_request(format_args!("more than {max} parameters")));
                }
            }
            "application/sparql-query" | "application/sparql-update" => {
                let text = String::from_utf8(request.body.clone())
                    .map_err(|_| bad_request("the request body is not valid UTF-8"))?;
                direct = Some(if content_type.media == "application/sparql-query" {
                    Operation::Query(text)
                } else {
                    Operation::Update(text)
                });
            }
            other => {
                return Err(Response::text(
                    415,
                    format_args!(
                        "unsupported Content-Type {other:?}; use \
                         application/x-www-form-urlencoded, application/sparql-query or \
                         application/sparql-update"
                    ),
                ))
            }
        }
    }
    let queries = values(&params, "query");
    let updates = values(&params, "update");
    if let Some(operation) = direct {
        if !queries.is_empty() || !updates.is_empty() {
            return Err(bad_request(
                "the operation is in the body; do not also pass query= or update=",
            ));
        }
        return Ok(Parsed { operation, params });
    }
    let operation = match (queries.as_slice(), updates.as_slice()) {
        ([], []) if request.method == "POST" => {
            return Err(bad_request("a POST needs a query= or update= parameter"))
        }
        ([], []) => Operation::Describe,
        ([query], []) => Operation::Query((*query).to_owned()),
        ([], [update]) => {
            if request.method != "POST" {
                return Err(bad_request("an update must be sent with POST"));
            }
            Operation::Update((*update).to_owned())
        }
        ([], _) => return Err(bad_request("more than one update= parameter")),
        (_, []) => return Err(bad_request("more than one query= parameter")),
        _ => return Err(bad_request("both query= and update= given")),
    };
    Ok(Parsed { operation, params })
}

fn values<'a>(params: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    params
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

pub(super) fn named_nodes(
    params: &[(String, String)],
    name: &str,
) -> Result<Vec<NamedNode>, Response> {
    values(params, name)
        .into_iter()
        .map(|iri| {
            NamedNode::new(iri)
                .map_err(|e| bad_request(format_args!("{name}={iri:?} is not an IRI: {e}")))
        })
        .collect()
}

/// Applies the protocol dataset (or the union default graph) to a dataset spec.
pub(super) fn apply_dataset(
    dataset: &mut QueryDatasetSpecification,
    default: Vec<NamedNode>,
    named: Vec<NamedNode>,
    merged_default: bool,
) {
    if !default.is_empty() || !named.is_empty() {
        dataset.set_default_graph(default.into_iter().map(GraphName::from).collect());
        dataset.set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::from).collect());
    } else if dataset.is_default_dataset() && !merged_default {
        dataset.set_default_graph_as_union();
    }
}

/// The `Accept` to negotiate with: `format=`/`output=` overrides the header.
fn effective_accept<'a>(request: &'a Request, params: &'a [(String, String)]) -> Option<&'a str> {
    params
        .iter()
        .find(|(n, _)| n == "format" || n == "output")
        .and_then(|(_, v)| formats::media_for_short_name(v))
        .or_else(|| request.header("accept"))
}

fn query_response(
    state: &ServerState,
    request: &Request,
    query: &str,
    params: &[(String, String)],
) -> Response {
    // Relative IRIs resolve against the endpoint URL (SPARQL 1.1 Protocol, 2.1.4).
    let base = service_description::endpoint_iri(request);
    let parser = match SparqlParser::new().with_base_iri(base.as_str()) {
        Ok(parser) => parser,
        Err(_) => SparqlParser::new(),
    };
    let parsed = match parser.parse_query(query) {
        Ok(parsed) => parsed,
        Err(e) => return bad_request(format_args!("SPARQL syntax error: {e}")),
    };
    let accept = effective_accept(request, params);
    let is_graph = matches!(
        parsed,
        spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. }
    );
    let (results_format, rdf_format) = if is_graph {
        match negotiation::choose(accept, &GRAPH_OFFERS) {
            Some(f) => (None, Some(*f)),
            None => return formats::not_acceptable(&GRAPH_OFFERS.map(|(m, _)| m)),
        }
    } else {
        match negotiation::choose(accept, &SOLUTION_OFFERS) {
            Some(f) => (Some(*f), None),
            None => return formats::not_acceptable(&SOLUTION_OFFERS.map(|(m, _)| m)),
        }
    };
    let default = match named_nodes(params, "default-graph-uri") {
        Ok(nodes) => nodes,
        Err(response) => return response,
    };
    let named = match named_nodes(params, "named-graph-uri") {
        Ok(nodes) => nodes,
        Err(response) => return response,
    };
    let Some(slot) = state
        .gate
        .try_enter_until(std::time::Instant::now() + state.options.timeout)
    else {
        return limits::busy_response(state.options.max_concurrent_queries);
    };
    let deadline = Deadline::start(state.options.timeout);
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(deadline.token.clone())
        .for_query(parsed);
    let (store, merged_default) = state.query_store();
    let store = store.clone();
    apply_dataset(prepared.dataset_mut(), default, named, merged_default);
    let max = state.options.max_response_bytes;
    let timeout = state.options.timeout;
    // Why a worker thread: some operators (ORDER BY, aggregates) do not check the
    // cancellation token while they run, so the client gets its 503 on time from here
    // while the worker finishes; it keeps its query slot until then, so runaway
    // queries cannot pile up past `max_concurrent_queries`. A worker that never
    // notices (an aggregate over a cross join checks only between store reads) is
    // caught by the stuck-query watchdog (`ServerOptions::stuck_query_grace`).
    let (sender, receiver) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name("newsgraph query".to_owned())
        .spawn(move || {
            let answer = evaluate(prepared, &store, results_format, rdf_format, &deadline, max);
            // Free the slot before answering: a client sending its next query as soon
            // as it reads this answer must find the slot free.
            drop(slot);
            // The receiver may have given up (timeout): nothing left to do.
            let _ = sender.send(answer);
        });
    if let Err(e) = spawned {
        return Response::text(503, format_args!("cannot start the query: {e}"));
    }
    match receiver.recv_timeout(timeout + Duration::from_millis(100)) {
        Ok(Ok((body, content_type))) => {
            Response::new(200, &content_type, body).with_header("Vary", "Accept")
        }
        Ok(Err(response)) => response,
        Err(mpsc::RecvTimeoutError::Timeout) => limits::timeout_response(timeout),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Response::text(500, "the query stopped unexpectedly")
        }
    }
}

/// Evaluates and serializes a prepared query fully (runs on the query thread).
fn evaluate(
    prepared: PreparedSparqlQuery,
    store: &Store,
    results_format: Option<QueryResultsFormat>,
    rdf_format: Option<RdfFormat>,
    deadline: &Deadline,
    max: usize,
) -> Result<(Vec<u8>, String), Response> {
    let results = prepared
        .on_store(store)
        .execute()
        .map_err(|e| formats::evaluation_error(e, deadline))?;
    match (results, results_format, rdf_format) {
        (QueryResults::Boolean(value), Some(format), _) => formats::boolean(value, format)
            .map(|body| (body, formats::results_content_type(format))),
        (QueryResults::Solutions(solutions), Some(format), _) => {
            formats::solutions(solutions, format, deadline, max)
                .map(|body| (body, formats::results_content_type(format)))
        }
        (QueryResults::Graph(triples), _, Some(format)) => {
            formats::triples(triples, format, deadline, max)
                .map(|body| (body, formats::rdf_content_type(format)))
        }
        _ => Err(Response::text(
            500,
            "the query form and the negotiated format disagree",
        )),
    }
}
