//! The web explorer's files (plain HTML, CSS and JavaScript written for this project),
//! compiled into the binary with `include_str!` and served at `/` and `/explorer/*`.
//!
//! In: a path; out: the file with its content type, or `None`. The explorer only talks
//! to this server's `/sparql`; it loads nothing from other hosts.

use super::Response;

const INDEX: &str = include_str!("explorer/index.html");
const STYLE: &str = include_str!("explorer/style.css");
const APP: &str = include_str!("explorer/app.js");
const QUERIES: &str = include_str!("explorer/queries.js");
const GRAPH: &str = include_str!("explorer/network.js");

/// Pages and scripts may only come from this server and talk to it.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
                   script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/// The explorer file at `path`, if there is one.
pub fn asset(path: &str) -> Option<Response> {
    let (content_type, body) = match path {
        "/" | "/index.html" | "/explorer" | "/explorer/" => ("text/html; charset=utf-8", INDEX),
        "/explorer/style.css" => ("text/css; charset=utf-8", STYLE),
        "/explorer/app.js" => ("text/javascript; charset=utf-8", APP),
        "/explorer/queries.js" => ("text/javascript; charset=utf-8", QUERIES),
        "/explorer/network.js" => ("text/javascript; charset=utf-8", GRAPH),
        _ => return None,
    };
    Some(
        Response::new(200, content_type, body.as_bytes())
            .with_header("Content-Security-Policy", CSP)
            .with_header("Cache-Control", "no-cache"),
    )
}
