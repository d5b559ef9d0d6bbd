//! The socket side: an oxhttp listener (one thread per connection, bounded) that reads
//! each request body up to the limit, calls [`handle`](super::handle) and writes the
//! finished answer.
//!
//! In: a [`ServerState`] and an address; out: a running server. All protocol logic
//! lives in `handle`; this file only converts between oxhttp's types and ours.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use oxhttp::model::{
    Body, HeaderName, HeaderValue, Request as HttpRequest, Response as HttpResponse, StatusCode,
};
use oxhttp::{ListeningServer, Server};

use super::{handle, limits, Request, Response, ServerState};

/// Per-socket read/write timeout: slow clients (slowloris) are dropped after this.
const SOCKET_TIMEOUT: Duration = Duration::from_secs(20);

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

/// Starts serving `state` on `bind` in background threads; returns the address
/// actually bound (useful with port 0) and the running server.
pub fn spawn(
    state: ServerState,
    bind: SocketAddr,
) -> anyhow::Result<(SocketAddr, ListeningServer)> {
    let max_connections = state.options.max_connections;
    let max_body = state.options.max_body_bytes;
    let state = Arc::new(state);
    // Bind first ourselves so that port 0 can be reported, then hand the port over.
    let listener =
        std::net::TcpListener::bind(bind).with_context(|| format!("cannot listen on {bind}"))?;
    let address = listener.local_addr()?;
    drop(listener);
    let server = Server::new(move |request| {
        let started = Instant::now();
        let method = request.method().as_str().to_owned();
        // The path only: query strings may hold queries, tokens never go in URLs.
        let path = request.uri().path().to_owned();
        let response = match convert_request(request, max_body) {
            Ok(request) => handle(&state, request),
            Err(response) => response,
        };
        eprintln!(
            "newsgraph: {method} {path} {} {} bytes {} ms",
            response.status,
            response.body.len(),
            started.elapsed().as_millis()
        );
        convert_response(response)
    })
    .bind(address)
    .with_global_timeout(SOCKET_TIMEOUT)
    .with_max_concurrent_connections(max_connections)
    .with_server_name(concat!("newsgraph/", env!("CARGO_PKG_VERSION")))
    .context("invalid server name")?;
    let running = server
        .spawn()
        .with_context(|| format!("cannot listen on {address}"))?;
    Ok((address, running))
}

/// Serves `state` on `bind` until the process ends. Prints the address it listens on
/// (useful with port 0) to standard error.
pub fn serve(state: ServerState, bind: SocketAddr) -> anyhow::Result<()> {
    let (address, running) = spawn(state, bind)?;
    eprintln!("newsgraph: listening on http://{address}/");
    running.join().context("the server stopped")?;
    Ok(())
}

#[cfg(test)]
mod tests {
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
    fn socket_declared_oversized_body_is_413() {
        let options = ServerOptions {
            max_body_bytes: 16,
            ..ServerOptions::default()
        };
        let address = start(options);
        // oxhttp reads (and discards) the rest of a body before answering, so the
        // whole declared body is sent; it is never buffered by us.
        let mut raw = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n".to_vec();
        raw.extend(std::iter::repeat_n(b' ', 100_000));
        let answer = exchange(address, &raw);
        assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    }
}
