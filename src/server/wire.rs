//! HTTP/1.1 on the wire: reads one request (head, then body) from a byte stream under
//! the size limits, and writes one response.
//!
//! In: any [`BufRead`] (a socket behind a deadline, or a byte slice in tests and the
//! fuzz target) and [`WireLimits`]; out: a [`Request`] or the error answer to send
//! before closing. It does not route or evaluate anything (that is `handle`) and it
//! knows nothing of sockets or time (that is `http.rs`).

use std::io::{self, BufRead, Read, Write};

use super::wire_body::{body_framing, read_chunked, read_exact_body, Framing};
use super::{Request, Response};

/// The size limits applied while reading a request.
#[derive(Debug, Clone, Copy)]
pub struct WireLimits {
    /// Request line plus headers, in bytes (more: 414 or 431).
    pub max_head_bytes: usize,
    /// Number of header fields (more: 431).
    pub max_headers: usize,
    /// Body bytes (more: 413, without reading the rest).
    pub max_body_bytes: usize,
}

/// A request read off the wire, and whether the connection may carry another one.
#[derive(Debug)]
pub struct Incoming {
    /// The request, body included.
    pub request: Request,
    /// False for HTTP/1.0 (without keep-alive) and `Connection: close`.
    pub keep_alive: bool,
}

/// Why no request came out of the stream.
#[derive(Debug)]
pub enum ReadError {
    /// The peer closed the connection before sending a byte of a new request.
    Closed,
    /// Reading failed (a timeout, a reset) after part of a request came in.
    Io(io::Error),
    /// The request is malformed or over a limit: send this answer, then close.
    Reject(Response),
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        ReadError::Io(error)
    }
}

pub(super) fn reject(status: u16, message: impl std::fmt::Display) -> ReadError {
    ReadError::Reject(Response::text(status, message))
}

/// Reads one request. `send_continue` is called (once) when the client asked for
/// `Expect: 100-continue` and the declared body is within the limit.
pub fn read_request<R: BufRead>(
    reader: &mut R,
    limits: &WireLimits,
    mut send_continue: impl FnMut() -> io::Result<()>,
) -> Result<Incoming, ReadError> {
    let head = read_head(reader, limits.max_head_bytes)?;
    let head = parse_head(&head, limits.max_headers)?;
    let headers = &head.headers;
    let header = |name: &'static str| {
        headers
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let connection = header("connection").collect::<Vec<_>>().join(",");
    let has_token = |token: &str| {
        connection
            .split(',')
            .any(|t| t.trim().eq_ignore_ascii_case(token))
    };
    let keep_alive = if head.http11 {
        !has_token("close")
    } else {
        has_token("keep-alive")
    };
    let framing = body_framing(
        &header("content-length").collect::<Vec<_>>(),
        &header("transfer-encoding").collect::<Vec<_>>(),
    )?;
    if let Framing::Length(length) = framing {
        if length > limits.max_body_bytes as u64 {
            return Err(ReadError::Reject(super::limits::body_too_large(
                limits.max_body_bytes,
            )));
        }
    }
    let expects_continue = header("expect").any(|v| v.eq_ignore_ascii_case("100-continue"));
    if expects_continue && head.http11 && framing != Framing::Length(0) && framing != Framing::None
    {
        send_continue()?;
    }
    let body = match framing {
        Framing::None => Vec::new(),
        Framing::Length(length) => read_exact_body(reader, length)?,
        Framing::Chunked => read_chunked(reader, limits.max_body_bytes)?,
    };
    Ok(Incoming {
        request: Request {
            method: head.method,
            target: head.target,
            headers: head.headers,
            body,
        },
        keep_alive,
    })
}

/// The request line and headers, split up.
struct Head {
    method: String,
    target: String,
    http11: bool,
    headers: Vec<(String, String)>,
}

/// Reads up to and including the empty line that ends the head; skips blank lines
/// before the request line (RFC 9112, 2.2).
fn read_head<R: BufRead>(reader: &mut R, max: usize) -> Result<Vec<u8>, ReadError> {
    let mut head = Vec::new();
    loop {
        let room = (max + 1).saturating_sub(head.len()) as u64;
        let before = head.len();
        let read = reader.by_ref().take(room).read_until(b'\n', &mut head)?;
        if read == 0 {
            return Err(if head.iter().all(|b| *b == b'\r' || *b == b'\n') {
                ReadError::Closed
            } else {
                ReadError::Io(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the request ended inside its head",
                ))
            });
        }
        if head.len() > max {
            return Err(if head.contains(&b'\n') {
                reject(
                    431,
                    format_args!("request headers larger than the limit of {max} bytes"),
                )
            } else {
                reject(
                    414,
                    format_args!("request line larger than the limit of {max} bytes"),
                )
            });
        }
        let line = &head[before..];
        if line == b"\r\n" || line == b"\n" {
            if before == 0 || head[..before].iter().all(|b| *b == b'\r' || *b == b'\n') {
                head.clear(); // blank lines before the request line
                continue;
            }
            return Ok(head);
        }
        if !line.ends_with(b"\n") {
            // `take` stopped us: the next round reports the limit.
            continue;
        }
    }
}

fn parse_head(bytes: &[u8], max_headers: usize) -> Result<Head, ReadError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| reject(400, "the request head is not valid UTF-8"))?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().unwrap_or("");
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(reject(400, "malformed request line"));
    };
    if method.is_empty() || !method.bytes().all(is_token_byte) {
        return Err(reject(400, "malformed method"));
    }
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(reject(505, "only HTTP/1.0 and HTTP/1.1 are supported")),
    };
    let target = origin_form(target)?;
    let mut headers = Vec::new();
    for line in lines {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            return Err(reject(400, "folded header lines are not accepted"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(reject(400, "malformed header line"));
        };
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return Err(reject(400, "malformed header name"));
        }
        if value.bytes().any(|b| b < 0x20 && b != b'\t' || b == 0x7f) {
            return Err(reject(400, "control character in a header value"));
        }
        if headers.len() >= max_headers {
            return Err(reject(
                431,
                format_args!("more than {max_headers} header fields"),
            ));
        }
        headers.push((
            name.to_ascii_lowercase(),
            value.trim_matches([' ', '\t']).to_owned(),
        ));
    }
    Ok(Head {
        method: method.to_owned(),
        target,
        http11,
        headers,
    })
}

/// The path and query of a target: origin form (`/p?q`) as it is, the path of an
/// absolute form (`http://host/p?q`), `*` as it is; anything else is refused.
fn origin_form(target: &str) -> Result<String, ReadError> {
    if target.starts_with('/') || target == "*" {
        return Ok(target.to_owned());
    }
    let lower = target.get(..8).unwrap_or(target).to_ascii_lowercase();
    let rest = if lower.starts_with("http://") {
        &target[7..]
    } else if lower.starts_with("https://") {
        &target[8..]
    } else {
        return Err(reject(400, "the request target must start with /"));
    };
    Ok(match rest.find(['/', '?']) {
        Some(i) if rest[i..].starts_with('/') => rest[i..].to_owned(),
        Some(i) => format!("/{}", &rest[i..]),
        None => "/".to_owned(),
    })
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The reason phrase of a status code.
fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// Writes a response with `Content-Length`, the `Server` header and `Connection:
/// keep-alive` or `close`. Header values with line breaks are dropped.
pub fn write_response<W: Write>(
    writer: &mut W,
    response: &Response,
    keep_alive: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        if name.eq_ignore_ascii_case("content-length")
            || name.eq_ignore_ascii_case("connection")
            || value.contains(['\r', '\n'])
        {
            continue;
        }
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(concat!(
        "Server: newsgraph/",
        env!("CARGO_PKG_VERSION"),
        "\r\n"
    ));
    // Said either way: HTTP/1.0 clients only keep a connection they are told to keep.
    head.push_str(if keep_alive {
        "Connection: keep-alive\r\n"
    } else {
        "Connection: close\r\n"
    });
    head.push_str(&format!("Content-Length: {}\r\n\r\n", response.body.len()));
    writer.write_all(head.as_bytes())?;
    writer.write_all(&response.body)?;
    writer.flush()
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
