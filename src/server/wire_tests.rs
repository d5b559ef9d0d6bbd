//! Unit tests of `wire.rs`: one request shape per test, read from a byte slice.

use super::*;

const LIMITS: WireLimits = WireLimits {
    max_head_bytes: 256,
    max_headers: 4,
    max_body_bytes: 16,
};

fn read(raw: &[u8]) -> Result<Incoming, ReadError> {
    let mut reader = raw;
    read_request(&mut reader, &LIMITS, || Ok(()))
}

fn status(raw: &[u8]) -> u16 {
    match read(raw) {
        Err(ReadError::Reject(response)) => response.status,
        Ok(_) => 0,
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn simple_get_is_read() {
    let incoming =
        read(b"GET /sparql?query=x HTTP/1.1\r\nHost: a\r\nAccept: text/csv\r\n\r\n").unwrap();
    assert_eq!(incoming.request.method, "GET");
    assert_eq!(incoming.request.target, "/sparql?query=x");
    assert_eq!(incoming.request.header("accept"), Some("text/csv"));
    assert!(incoming.keep_alive);
}

#[test]
fn http10_closes_by_default() {
    assert!(!read(b"GET / HTTP/1.0\r\n\r\n").unwrap().keep_alive);
}

#[test]
fn connection_close_is_honoured() {
    assert!(
        !read(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
            .unwrap()
            .keep_alive
    );
}

#[test]
fn content_length_body_is_read() {
    let incoming = read(b"POST /q HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcdef").unwrap();
    assert_eq!(incoming.request.body, b"abc");
}

#[test]
fn chunked_body_is_read() {
    let raw = b"POST /q HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n";
    assert_eq!(read(raw).unwrap().request.body, b"abcde");
}

#[test]
fn declared_oversized_body_is_413() {
    assert_eq!(
        status(b"POST /q HTTP/1.1\r\nContent-Length: 17\r\n\r\n"),
        413
    );
}

#[test]
fn chunked_oversized_body_is_413() {
    let raw = b"POST /q HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n1\r\nx\r\n0\r\n\r\n";
    assert_eq!(status(raw), 413);
}

#[test]
fn huge_content_length_is_413() {
    assert_eq!(
        status(b"POST /q HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n"),
        413
    );
}

#[test]
fn chunk_size_near_u64_max_is_413() {
    let raw =
        b"POST /q HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\nffffffffffffffff\r\n";
    assert_eq!(status(raw), 413);
}

#[test]
fn both_length_and_chunked_is_400() {
    let raw = b"POST /q HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n";
    assert_eq!(status(raw), 400);
}

#[test]
fn long_header_is_431() {
    let mut raw = b"GET / HTTP/1.1\r\nAccept: ".to_vec();
    raw.extend(std::iter::repeat_n(b'a', 300));
    raw.extend(b"\r\n\r\n");
    assert_eq!(status(&raw), 431);
}

#[test]
fn long_request_line_is_414() {
    let mut raw = b"GET /".to_vec();
    raw.extend(std::iter::repeat_n(b'a', 300));
    raw.extend(b" HTTP/1.1\r\n\r\n");
    assert_eq!(status(&raw), 414);
}

#[test]
fn too_many_headers_is_431() {
    assert_eq!(
        status(b"GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\ne: 5\r\n\r\n"),
        431
    );
}

#[test]
fn unknown_version_is_505() {
    assert_eq!(status(b"GET / HTTP/2.0\r\n\r\n"), 505);
}

#[test]
fn malformed_request_line_is_400() {
    assert_eq!(status(b"GET  / HTTP/1.1\r\n\r\n"), 400);
}

#[test]
fn relative_target_is_400() {
    assert_eq!(status(b"GET ../etc/passwd HTTP/1.1\r\n\r\n"), 400);
}

#[test]
fn absolute_target_keeps_the_path() {
    let incoming = read(b"GET http://example.org/sparql?query=x HTTP/1.1\r\n\r\n").unwrap();
    assert_eq!(incoming.request.target, "/sparql?query=x");
}

#[test]
fn empty_stream_is_closed() {
    assert!(matches!(read(b""), Err(ReadError::Closed)));
    assert!(matches!(read(b"\r\n"), Err(ReadError::Closed)));
}

#[test]
fn truncated_head_is_io_error() {
    assert!(matches!(
        read(b"GET / HTTP/1.1\r\nHost"),
        Err(ReadError::Io(_))
    ));
}

#[test]
fn truncated_body_is_io_error() {
    assert!(matches!(
        read(b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab"),
        Err(ReadError::Io(_))
    ));
}

#[test]
fn response_drops_header_values_with_line_breaks() {
    let response = Response::text(200, "x").with_header("X-Evil", "a\r\nSet-Cookie: b");
    let mut out = Vec::new();
    write_response(&mut out, &response, true).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
    assert!(!text.contains("Set-Cookie"));
    assert!(text.contains("Content-Length: 2\r\n\r\nx\n"));
}
