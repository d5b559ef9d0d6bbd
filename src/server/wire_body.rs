//! The body side of HTTP/1.1 requests: which framing the headers declare, and
//! reading a `Content-Length` or chunked body without going past the size limit.
//!
//! In: header values and a [`BufRead`] positioned after the head; out: the body bytes
//! or the error to answer. It does not read heads or write answers (`wire.rs`).

use std::io::{self, BufRead, Read};

use super::wire::{reject, ReadError};

/// How the request body is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Framing {
    /// No body.
    None,
    /// `Content-Length` bytes.
    Length(u64),
    /// `Transfer-Encoding: chunked`.
    Chunked,
}

pub(super) fn body_framing(lengths: &[&str], encodings: &[&str]) -> Result<Framing, ReadError> {
    match (lengths, encodings) {
        ([], []) => Ok(Framing::None),
        ([_, ..], [_, ..]) => Err(reject(
            400,
            "Content-Length and Transfer-Encoding must not both be set",
        )),
        ([], [encoding]) if encoding.trim().eq_ignore_ascii_case("chunked") => Ok(Framing::Chunked),
        ([], _) => Err(reject(
            501,
            "only the chunked Transfer-Encoding is supported",
        )),
        ([first, rest @ ..], []) => {
            if rest.iter().any(|r| r != first) {
                return Err(reject(400, "conflicting Content-Length headers"));
            }
            if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
                return Err(reject(400, "malformed Content-Length"));
            }
            first
                .parse::<u64>()
                .map(Framing::Length)
                .map_err(|_| reject(413, "Content-Length too large"))
        }
    }
}

pub(super) fn read_exact_body<R: Read>(reader: &mut R, length: u64) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    reader.take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Err(ReadError::Io(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the request body ended early",
        )));
    }
    Ok(body)
}

/// Longest chunk-size or trailer line accepted.
const MAX_CHUNK_LINE: u64 = 1024;

fn read_line<R: BufRead>(reader: &mut R) -> Result<Vec<u8>, ReadError> {
    let mut line = Vec::new();
    reader
        .by_ref()
        .take(MAX_CHUNK_LINE)
        .read_until(b'\n', &mut line)?;
    if !line.ends_with(b"\n") {
        return Err(if line.len() as u64 >= MAX_CHUNK_LINE {
            reject(400, "chunk line too long")
        } else {
            ReadError::Io(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the chunked body ended early",
            ))
        });
    }
    Ok(line)
}

pub(super) fn read_chunked<R: BufRead>(reader: &mut R, max: usize) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    loop {
        let line = read_line(reader)?;
        let text = std::str::from_utf8(&line).map_err(|_| reject(400, "bad chunk size"))?;
        let size = text.split(';').next().unwrap_or("").trim();
        let size = u64::from_str_radix(size, 16).map_err(|_| reject(400, "bad chunk size"))?;
        if size == 0 {
            // Trailers, up to the empty line; they are ignored.
            for _ in 0..64 {
                let trailer = read_line(reader)?;
                if trailer == b"\r\n" || trailer == b"\n" {
                    return Ok(body);
                }
            }
            return Err(reject(400, "too many trailer lines"));
        }
        if (body.len() as u64).saturating_add(size) > max as u64 {
            return Err(ReadError::Reject(super::limits::body_too_large(max)));
        }
        let chunk = read_exact_body(reader, size)?;
        body.extend_from_slice(&chunk);
        let end = read_line(reader)?;
        if end != b"\r\n" && end != b"\n" {
            return Err(reject(400, "a chunk does not end with CRLF"));
        }
    }
}
