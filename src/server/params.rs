//! `application/x-www-form-urlencoded` parsing for URL query strings and form bodies.
//!
//! In: the raw bytes; out: `(name, value)` pairs in order, percent- and `+`-decoded.
//! It rejects invalid UTF-8 and too many pairs; it knows nothing of SPARQL.

/// Why a parameter string was rejected.
#[derive(Debug, PartialEq, Eq)]
pub enum ParamError {
    /// A decoded name or value is not UTF-8.
    NotUtf8,
    /// More pairs than allowed.
    TooMany(usize),
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamError::NotUtf8 => write!(f, "a parameter is not valid UTF-8 once decoded"),
            ParamError::TooMany(max) => write!(f, "more than {max} parameters"),
        }
    }
}

/// Parses `a=1&b=x+y` into pairs; empty segments are skipped.
pub fn parse(input: &[u8], max_pairs: usize) -> Result<Vec<(String, String)>, ParamError> {
    let mut pairs = Vec::new();
    for segment in input.split(|b| *b == b'&') {
        if segment.is_empty() {
            continue;
        }
        if pairs.len() >= max_pairs {
            return Err(ParamError::TooMany(max_pairs));
        }
        let (name, value) = match segment.iter().position(|b| *b == b'=') {
            Some(i) => (&segment[..i], &segment[i + 1..]),
            None => (segment, &b""[..]),
        };
        pairs.push((decode(name)?, decode(value)?));
    }
    Ok(pairs)
}

/// Decodes `%XX` escapes and `+` (space); a `%` not followed by two hex digits is kept.
pub fn decode(input: &[u8]) -> Result<String, ParamError> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(input.get(i + 1)), hex(input.get(i + 2))) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ParamError::NotUtf8)
}

fn hex(b: Option<&u8>) -> Option<u8> {
    let b = *b?;
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes a value for a URL query string (for links and tests).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_and_percent_are_decoded() {
        let pairs = parse(b"query=ASK%20%7B%7D&x=a+b", 10).unwrap();
        assert_eq!(pairs[0], ("query".into(), "ASK {}".into()));
        assert_eq!(pairs[1], ("x".into(), "a b".into()));
    }

    #[test]
    fn truncated_escape_is_kept() {
        assert_eq!(decode(b"100%").unwrap(), "100%");
        assert_eq!(decode(b"%4").unwrap(), "%4");
    }

    #[test]
    fn invalid_utf8_is_rejected() {
        assert_eq!(decode(b"%FF"), Err(ParamError::NotUtf8));
    }

    #[test]
    fn too_many_pairs_are_rejected() {
        assert_eq!(parse(b"a&b&c", 2), Err(ParamError::TooMany(2)));
    }

    #[test]
    fn encode_then_decode_round_trips() {
        let s = "SELECT * { ?s ?p \"é&=+\" }";
        assert_eq!(decode(encode(s).as_bytes()).unwrap(), s);
    }
}
