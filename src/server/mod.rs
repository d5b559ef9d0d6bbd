//! Stage 7, **server**: the SPARQL endpoint and web explorer (`newsgraph serve`).
//!
//! In: an Oxigraph [`Store`] (one named graph per article) and [`ServerOptions`].
//! Out: HTTP answers. [`handle`] is a pure function from a [`Request`] to a
//! [`Response`], testable without a socket; [`serve`] puts it behind a bounded
//! thread-per-connection HTTP/1.1 listener of our own (`http.rs`, `wire.rs`), so that
//! every limit (read deadline, head size, body size) is ours to set and test;
//! [`serve_bytes`] runs the same reading and handling on a byte slice (fuzzing).
//!
//! Routes (see `routes.rs`): `/` and `/explorer/*` (the web explorer), `/sparql` and
//! `/query` (SPARQL 1.1 Protocol; updates only when writable), `/update`, `/store`
//! (Graph Store Protocol: reading; writing only when writable), `/export.ttl` (the
//! whole Turtle export).
//!
//! This module does not build or change the graph (that is `graph` and `store`), never
//! makes an outbound request (SPARQL `SERVICE` is refused), and never sends a 200
//! before the whole answer is computed: answers are evaluated and serialized into a
//! buffer under a deadline first.

mod explorer;
mod export;
mod formats;
mod graph_store;
mod graph_store_write;
mod http;
mod limits;
pub mod negotiation;
pub mod params;
mod routes;
mod service_description;
mod sparql;
mod update;
mod wire;
mod wire_body;

use std::io::{self, Write};
use std::net::SocketAddr;
use std::time::Duration;

use oxigraph::store::Store;

pub use http::{serve, spawn, Running};
pub use limits::QueryGate;

/// The exit code of a server process that stopped because a query ignored its
/// cancellation (see [`ServerOptions::stuck_query_grace`]).
pub const STUCK_EXIT_CODE: i32 = 75;

/// Writes the whole graph as Turtle (the `/export.ttl` body).
pub type ExportFn = Box<dyn Fn(&mut dyn Write) -> io::Result<()> + Send + Sync>;

/// Limits and switches of the server. `Default` gives the safe defaults: read-only,
/// 30 s per query, 4 concurrent queries, 1 MiB request bodies, 10 s to send a request,
/// 16 KiB of request head (SECURITY.md lists them all).
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// Time limit for evaluating and serializing one query (`--timeout`).
    pub timeout: Duration,
    /// Largest accepted request body in bytes (larger: 413).
    pub max_body_bytes: usize,
    /// Largest answer in bytes (larger: 500 with a message asking for a LIMIT).
    pub max_response_bytes: usize,
    /// Queries evaluated at the same time (more: 503 with `Retry-After`).
    pub max_concurrent_queries: usize,
    /// Open connections served at the same time (more wait in the listen queue).
    pub max_connections: usize,
    /// Largest number of URL or form parameters in one request (more: 400).
    pub max_params: usize,
    /// Largest request line plus headers in bytes (more: 414 or 431).
    pub max_head_bytes: usize,
    /// Largest number of header fields (more: 431).
    pub max_headers: usize,
    /// Time a client has to send a whole request (head and body), counted from the
    /// end of the previous answer on the connection; past it: 408 and close.
    pub request_read_timeout: Duration,
    /// Time one write of the answer may block on a client that does not read.
    pub write_timeout: Duration,
    /// `Some(grace)`: when a query is still running `grace` after its time limit
    /// (Oxigraph cannot interrupt every operator), the server process exits with
    /// [`STUCK_EXIT_CODE`] so that its supervisor (`newsgraph serve`) restarts it.
    /// `None`: the query keeps its slot until it ends.
    pub stuck_query_grace: Option<Duration>,
    /// `Some(token)` makes the endpoint writable (`--writable`): SPARQL Update is
    /// accepted with `Authorization: Bearer <token>`. `None`: read-only.
    pub write_token: Option<String>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_body_bytes: 1 << 20,
            max_response_bytes: 256 << 20,
            max_concurrent_queries: 4,
            max_connections: 128,
            max_params: 200,
            max_head_bytes: 16 << 10,
            max_headers: 100,
            request_read_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(30),
            stuck_query_grace: None,
            write_token: None,
        }
    }
}

/// Everything a request handler needs: the store, the Turtle exporter, the options
/// and the concurrent-query gate.
pub struct ServerState {
    /// The dataset: one named graph per article.
    pub store: Store,
    /// Writes `/export.ttl`.
    pub export_turtle: ExportFn,
    /// Limits and switches.
    pub options: ServerOptions,
    /// Counts running queries against `options.max_concurrent_queries`.
    pub gate: QueryGate,
    /// What queries run on: read-only, a copy of `store` whose default graph holds
    /// the RDF merge of all graphs (each triple once); writable, `store` itself.
    view: Store,
    /// True when `view`'s default graph is the materialized merge; false when queries
    /// use Oxigraph's union-default-graph flag instead.
    merged_default: bool,
}

impl ServerState {
    /// A state over `store` with the default Turtle export (all triples of all graphs,
    /// deduplicated and sorted).
    pub fn new(store: Store, options: ServerOptions) -> Self {
        let export_store = store.clone();
        let export_turtle: ExportFn =
            Box::new(move |w: &mut dyn Write| export::write_sorted_turtle(&export_store, w));
        Self::with_export(store, options, export_turtle)
    }

    /// A state with an explicit Turtle exporter (the `store` module's sorted export).
    pub fn with_export(store: Store, options: ServerOptions, export_turtle: ExportFn) -> Self {
        let gate = QueryGate::new(options.max_concurrent_queries);
        // Why a merged copy: Oxigraph 0.5's union default graph yields a triple once
        // per graph holding it (oxigraph/oxigraph#1919, fixed after 0.5.13), so with
        // one graph per article every COUNT over shared facts (names, types) would be
        // inflated. A read-only server can afford the copy; a writable one cannot keep
        // it in step with updates and falls back to the union flag.
        let merged = if options.write_token.is_none() {
            merged_view(&store).ok()
        } else {
            None
        };
        let merged_default = merged.is_some();
        let view = merged.unwrap_or_else(|| store.clone());
        Self {
            store,
            export_turtle,
            options,
            gate,
            view,
            merged_default,
        }
    }

    /// A read-only state over a store whose default graph already holds the merge of
    /// all article graphs (each triple once), as `crate::store::Store::oxigraph()`
    /// does: no copy is made.
    pub fn over_merged_store(
        store: Store,
        options: ServerOptions,
        export_turtle: ExportFn,
    ) -> Self {
        let gate = QueryGate::new(options.max_concurrent_queries);
        Self {
            view: store.clone(),
            store,
            export_turtle,
            options,
            gate,
            merged_default: true,
        }
    }

    /// The store queries run on, and whether its default graph is already the merge.
    pub(crate) fn query_store(&self) -> (&Store, bool) {
        (&self.view, self.merged_default)
    }
}

/// A copy of `store` plus, in its default graph, every triple of every graph once.
fn merged_view(store: &Store) -> Result<Store, oxigraph::store::StorageError> {
    let view = Store::new()?;
    let mut quads = Vec::new();
    for quad in store.iter() {
        let quad = quad?;
        let merged = oxigraph::model::Quad::new(
            quad.subject.clone(),
            quad.predicate.clone(),
            quad.object.clone(),
            oxigraph::model::GraphName::DefaultGraph,
        );
        quads.push(quad);
        quads.push(merged);
    }
    view.extend(quads)?;
    Ok(view)
}

/// An HTTP request as the handlers see it: the body is already read (and bounded).
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `GET`, `POST`, …
    pub method: String,
    /// Path and query string, e.g. `/sparql?query=ASK%7B%7D`.
    pub target: String,
    /// Header names in lower case, values as sent.
    pub headers: Vec<(String, String)>,
    /// The request body.
    pub body: Vec<u8>,
}

impl Request {
    /// A request without headers or body.
    pub fn new(method: &str, target: &str) -> Self {
        Self {
            method: method.to_owned(),
            target: target.to_owned(),
            ..Self::default()
        }
    }

    /// Adds a header (the name is lower-cased).
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers
            .push((name.to_ascii_lowercase(), value.to_owned()));
        self
    }

    /// Sets the body.
    pub fn with_body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The path without the query string.
    pub fn path(&self) -> &str {
        self.target.split(['?', '#']).next().unwrap_or("")
    }

    /// The raw query string (after `?`), or "".
    pub fn query_string(&self) -> &str {
        let without_fragment = self.target.split('#').next().unwrap_or("");
        without_fragment
            .split_once('?')
            .map_or("", |(_, query)| query)
    }
}

/// An HTTP response, fully computed before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers (names in canonical case).
    pub headers: Vec<(String, String)>,
    /// The whole body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body and its content type.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".to_owned(), content_type.to_owned())],
            body: body.into(),
        }
    }

    /// A plain-text error (or notice) with a trailing newline.
    pub fn text(status: u16, message: impl std::fmt::Display) -> Self {
        Self::new(
            status,
            "text/plain; charset=utf-8",
            format!("{message}\n").into_bytes(),
        )
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Answers one request. Pure apart from reading (or, when writable and authorized,
/// updating) the store; never panics on outside input.
pub fn handle(state: &ServerState, request: Request) -> Response {
    let is_head = request.method == "HEAD";
    let mut response = if request.body.len() > state.options.max_body_bytes {
        limits::body_too_large(state.options.max_body_bytes)
    } else {
        routes::route(state, &request)
    };
    response
        .headers
        .push(("X-Content-Type-Options".to_owned(), "nosniff".to_owned()));
    if is_head {
        response.body.clear();
    }
    response
}

/// Reads every request in `raw` (pipelined HTTP/1.1, as a client would send them on
/// one connection), answers each with [`handle`] and returns the bytes that would be
/// written back. The socket server does the same per connection; this entry point
/// exists for the fuzz target and tests. Never panics on any input.
pub fn serve_bytes(state: &ServerState, raw: &[u8]) -> Vec<u8> {
    let limits = wire::WireLimits {
        max_head_bytes: state.options.max_head_bytes,
        max_headers: state.options.max_headers,
        max_body_bytes: state.options.max_body_bytes,
    };
    let mut reader = raw;
    let mut out = Vec::new();
    loop {
        let read = wire::read_request(&mut reader, &limits, || {
            out.extend_from_slice(b"HTTP/1.1 100 Continue\r\n\r\n");
            Ok(())
        });
        match read {
            Ok(incoming) => {
                let response = handle(state, incoming.request);
                if wire::write_response(&mut out, &response, incoming.keep_alive).is_err()
                    || !incoming.keep_alive
                {
                    return out;
                }
            }
            Err(wire::ReadError::Reject(response)) => {
                let _ = wire::write_response(&mut out, &response, false);
                return out;
            }
            Err(wire::ReadError::Closed | wire::ReadError::Io(_)) => return out,
        }
    }
}

/// Where `serve` listens when no `--bind` is given: loopback only.
pub fn default_bind() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 7878))
}

#[cfg(test)]
mod tests;
