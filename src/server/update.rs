//! SPARQL 1.1 Update over the protocol (only with `--writable` and the bearer token),
//! and the write authorization shared with the Graph Store writes.
//!
//! In: an update string and the protocol's `using-graph-uri`/`using-named-graph-uri`;
//! out: 204, or 400/401/403 with a message. Without `USING`, the update's `WHERE`
//! reads the union of all graphs, like queries.

use oxigraph::sparql::SparqlEvaluator;

use super::limits::{self, Deadline};
use super::sparql::{apply_dataset, bad_request, named_nodes};
use super::{service_description, Request, Response, ServerState};

/// Constant-time comparison of the bearer token.
fn token_matches(given: &str, expected: &str) -> bool {
    let (a, b) = (given.as_bytes(), expected.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Checks that the server is writable and the request carries its bearer token:
/// 403 on a read-only server, 401 without the right token.
pub fn authorize_write(state: &ServerState, request: &Request) -> Result<(), Response> {
    let Some(expected) = state.options.write_token.as_deref() else {
        return Err(Response::text(
            403,
            "this endpoint is read-only; start `newsgraph serve --writable` to accept changes",
        ));
    };
    let given = request
        .header("authorization")
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    if given.is_some_and(|g| token_matches(g, expected)) {
        Ok(())
    } else {
        Err(
            Response::text(401, "changes need the header Authorization: Bearer <token>")
                .with_header("WWW-Authenticate", "Bearer realm=\"newsgraph\""),
        )
    }
}

/// Answers an update request.
pub fn handle(
    state: &ServerState,
    request: &Request,
    update: &str,
    params: &[(String, String)],
) -> Response {
    if let Err(response) = authorize_write(state, request) {
        return response;
    }
    let deadline = Deadline::start(state.options.timeout);
    let base = service_description::endpoint_iri(request);
    let evaluator = SparqlEvaluator::new().with_cancellation_token(deadline.token.clone());
    let evaluator = match evaluator.clone().with_base_iri(base.as_str()) {
        Ok(with_base) => with_base,
        Err(_) => evaluator,
    };
    let mut prepared = match evaluator.parse_update(update) {
        Ok(prepared) => prepared,
        Err(e) => return bad_request(format_args!("SPARQL Update syntax error: {e}")),
    };
    let using = match named_nodes(params, "using-graph-uri") {
        Ok(nodes) => nodes,
        Err(response) => return response,
    };
    let using_named = match named_nodes(params, "using-named-graph-uri") {
        Ok(nodes) => nodes,
        Err(response) => return response,
    };
    let protocol_dataset = !using.is_empty() || !using_named.is_empty();
    for dataset in prepared.using_datasets_mut() {
        if protocol_dataset && !dataset.is_default_dataset() {
            return bad_request(
                "using-graph-uri/using-named-graph-uri conflict with USING or WITH in the update",
            );
        }
        apply_dataset(dataset, using.clone(), using_named.clone(), false);
    }
    let Some(_slot) = state.gate.try_enter() else {
        return limits::busy_response(state.options.max_concurrent_queries);
    };
    match prepared.on_store(&state.store).execute() {
        Ok(()) => Response {
            status: 204,
            headers: Vec::new(),
            body: Vec::new(),
        },
        Err(e) => {
            if deadline.token.is_cancelled() {
                deadline.timeout_response()
            } else {
                Response::text(400, format_args!("update failed: {e}"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_comparison_needs_equal_strings() {
        assert!(token_matches("abc", "abc"));
        assert!(!token_matches("abd", "abc"));
        assert!(!token_matches("ab", "abc"));
    }
}
