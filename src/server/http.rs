//! The socket side: an oxhttp listener (one thread per connection, bounded) that reads
//! each request body up to the limit, calls [`handle`](super::handle) and writes the
//! finished answer.
//!
//! In: a [`ServerState`] and an address; out: a running server. All protocol logic
//! lives in `handle`; this file only converts between oxhttp's types and ours.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use oxhttp::model::{
    Body, HeaderName, HeaderValue, Request as HttpRequest, Response as HttpResponse, StatusCode,
};
use oxhttp::Server;

use super::{handle, limits, Request, Response, ServerState};

/// Per-socket read/write timeout: slow clients (slowloris) are dropped after this.
const SOCKET_TIMEOUT: Duration = Duration::from_secs(60);

/// Converts an oxhttp request, reading at most `max_body` bytes of body.
fn convert_request(request: &mut HttpRequest<Body>, max_body: usize) -> Result<Request, Response> {
    let declared = request
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > max_body as u64) {
        return Err(limits::body_too_large(max_body));
    }
    let mut body = Vec::new();
    let limit = u64::try_from(max_body)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    request
        .body_mut()
        .take(limit)
        .read_to_end(&mut body)
        .map_err(|e| Response::text(400, format_args!("could not read the request body: {e}")))?;
    if body.len() > max_body {
        return Err(limits::body_too_large(max_body));
    }
    let headers = request
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_ascii_lowercase(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let target = request.uri().path_and_query().map_or_else(
        || request.uri().path().to_owned(),
        |pq| pq.as_str().to_owned(),
    );
    Ok(Request {
        method: request.method().as_str().to_owned(),
        target,
        headers,
        body,
    })
}

fn convert_response(response: Response) -> HttpResponse<Body> {
    let mut out = HttpResponse::new(Body::from(response.body));
    *out.status_mut() =
        StatusCode::from_u16(response.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in response.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            out.headers_mut().append(name, value);
        }
    }
    out
}

/// Serves `state` on `bind` until the process ends. Prints the address it listens on
/// (useful with port 0) to standard error.
pub fn serve(state: ServerState, bind: SocketAddr) -> anyhow::Result<()> {
    let max_connections = state.options.max_connections;
    let max_body = state.options.max_body_bytes;
    let state = Arc::new(state);
    // Bind first ourselves so that port 0 can be reported, then hand the port over.
    let listener =
        std::net::TcpListener::bind(bind).with_context(|| format!("cannot listen on {bind}"))?;
    let address = listener.local_addr()?;
    drop(listener);
    let server = Server::new(move |request| match convert_request(request, max_body) {
        Ok(request) => convert_response(handle(&state, request)),
        Err(response) => convert_response(response),
    })
    .bind(address)
    .with_global_timeout(SOCKET_TIMEOUT)
    .with_max_concurrent_connections(max_connections)
    .with_server_name(concat!("newsgraph/", env!("CARGO_PKG_VERSION")))
    .context("invalid server name")?;
    let running = server
        .spawn()
        .with_context(|| format!("cannot listen on {address}"))?;
    eprintln!("newsgraph: listening on http://{address}/");
    running.join().context("the server stopped")?;
    Ok(())
}
