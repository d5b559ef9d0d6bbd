//! A minimal HTTP/1.1 client for `push`: one `PUT` per request over plain TCP
//! (`http://` only), `Connection: close`, status line parsed, body drained. It must
//! not know about RDF or the store; TLS is out of scope (use a local proxy).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// A parsed `http://host[:port]/path` target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Host name or address.
    pub host: String,
    /// TCP port (80 by default).
    pub port: u16,
    /// Path (starts with `/`), without query.
    pub path: String,
}

/// Parses an `http://` URL; other schemes are refused with a message.
pub fn parse_url(url: &str) -> Result<Target, String> {
    let rest = url.strip_prefix("http://").ok_or_else(|| {
        format!("{url}: only http:// URLs are supported (put a TLS proxy in front for https)")
    })?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, p.parse().map_err(|_| format!("{url}: bad port `{p}`"))?),
        None => (authority, 80),
    };
    if host.is_empty() {
        return Err(format!("{url}: no host"));
    }
    Ok(Target {
        host: host.to_string(),
        port,
        path: path.trim_end_matches('/').to_string(),
    })
}

/// Percent-encodes a query value (everything but unreserved characters): the one
/// encoder the server's links and tests use too.
pub use crate::server::params::encode;

/// Sends `PUT path_and_query` with `body`; returns the status code and body text.
pub fn put(
    target: &Target,
    path_and_query: &str,
    content_type: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect((target.host.as_str(), target.port))?;
    stream.set_read_timeout(Some(Duration::from_secs(300)))?;
    stream.set_write_timeout(Some(Duration::from_secs(300)))?;
    let mut head = format!(
        "PUT {path_and_query} HTTP/1.1\r\nHost: {}:{}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\nConnection: close\r\nUser-Agent: newsgraph\r\n",
        target.host,
        target.port,
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()?;
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let code = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| {
            std::io::Error::other(format!("bad status line `{}`", status_line.trim()))
        })?;
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest)?;
    let text = String::from_utf8_lossy(&rest);
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .trim()
        .to_string();
    Ok((code, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_with_port_and_path() {
        let t = parse_url("http://127.0.0.1:7878/store/").unwrap();
        assert_eq!(
            (t.host.as_str(), t.port, t.path.as_str()),
            ("127.0.0.1", 7878, "/store")
        );
    }

    #[test]
    fn https_is_refused() {
        assert!(parse_url("https://example.org/").is_err());
    }

    #[test]
    fn iri_is_percent_encoded() {
        assert_eq!(encode("http://x.org/a b"), "http%3A%2F%2Fx.org%2Fa%20b");
    }
}
