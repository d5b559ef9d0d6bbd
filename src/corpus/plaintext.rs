//! Plain-text articles: an optional leading ` date YYYY-MM-DD` header, then the body.
//!
//! The body is the file's content after the header (and the one white-space character
//! that separates it from the text) has been removed, and nothing else: a title line
//! stays part of the body, so character offsets stay true to the file.
//! This module only reads; it does not look for sentences or names.

use std::path::Path;

use super::{date_in_name, parse_date, Article, CorpusError};
use chrono::NaiveDate;

/// Splits a leading ` date YYYY-MM-DD` header off `text`.
///
/// Returns the date as written (if there is a header) and the byte offset where the
/// body begins. Without a header the offset is 0.
pub fn split_header(text: &str) -> (Option<&str>, usize) {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let lead = text.len() - trimmed.len();
    let Some(rest) = trimmed.strip_prefix("date") else {
        return (None, 0);
    };
    let after_kw = rest.trim_start_matches([' ', '\t']);
    if after_kw.len() == rest.len() {
        return (None, 0); // "dated ..." is text, not a header
    }
    let value_start = lead + 4 + (rest.len() - after_kw.len());
    let value_len = after_kw
        .find(|c: char| c.is_whitespace())
        .unwrap_or(after_kw.len());
    let value = &after_kw[..value_len];
    // Only something shaped like a date counts as a header.
    let shaped = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return (None, 0);
    }
    let mut body_start = value_start + value_len;
    if let Some(c) = text[body_start..].chars().next() {
        if c.is_whitespace() {
            body_start += c.len_utf8();
        }
    }
    (Some(value), body_start)
}

/// Reads one plain-text article from its bytes.
///
/// `fallback_date` (from `--date`) is used when the file has no header; after that a
/// `YYYY-MM-DD` in the file name is tried.
pub fn parse_plaintext(
    path: &Path,
    bytes: &[u8],
    fallback_date: Option<NaiveDate>,
) -> Result<Article, CorpusError> {
    if let Some(byte) = bytes.iter().position(|&b| b == 0) {
        return Err(CorpusError::Binary {
            path: path.to_path_buf(),
            byte,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let byte = e.valid_up_to();
        CorpusError::NotUtf8 {
            path: path.to_path_buf(),
            line: 1 + bytes[..byte].iter().filter(|&&b| b == b'\n').count(),
            byte,
        }
    })?;
    let (header, body_start) = split_header(text);
    let body = &text[body_start..];
    if body.trim().is_empty() {
        return Err(CorpusError::Empty {
            path: path.to_path_buf(),
            line: None,
        });
    }
    let date = match header {
        Some(value) => Some(parse_date(value).ok_or_else(|| CorpusError::BadDate {
            path: path.to_path_buf(),
            line: Some(1),
            value: value.to_string(),
        })?),
        None => fallback_date.or_else(|| {
            path.file_name()
                .and_then(|n| n.to_str())
                .and_then(date_in_name)
        }),
    };
    // A file name that is not UTF-8 still names its article (lossily), rather than
    // every such file becoming the article `stdin`.
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".to_string());
    Ok(Article {
        id,
        date,
        title: title_line(body),
        url: None,
        body: body.to_string(),
        source: path.display().to_string(),
        line: None,
    })
}

/// A first line that reads as a headline: short, followed by a blank line, and not
/// ending like a sentence.
fn title_line(body: &str) -> Option<String> {
    let body = body.trim_start();
    let (first, rest) = body.split_once('\n')?;
    let first = first.trim_end_matches('\r').trim();
    let blank_follows = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
    let sentence_end = first.ends_with(['.', '"', '”', '’', '\'', ':', ';', ',']);
    if !first.is_empty() && first.chars().count() <= 200 && blank_follows && !sentence_end {
        Some(first.to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_removed_with_its_separator() {
        let a = parse_plaintext(
            Path::new("x.txt"),
            b" date 2023-10-26 Iran's minister",
            None,
        )
        .unwrap();
        assert_eq!(a.body, "Iran's minister");
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2023, 10, 26));
        assert_eq!(a.id, "x");
    }

    #[test]
    fn title_line_stays_in_body() {
        let a = parse_plaintext(
            Path::new("004.txt"),
            b"Hamas in Moscow\n\nThe delegation met.",
            None,
        )
        .unwrap();
        assert_eq!(a.body, "Hamas in Moscow\n\nThe delegation met.");
        assert_eq!(a.title.as_deref(), Some("Hamas in Moscow"));
        assert_eq!(a.date, None);
    }

    #[test]
    fn impossible_header_date_is_an_error() {
        let e = parse_plaintext(Path::new("bad.txt"), b" date 2023-02-30 Text.", None).unwrap_err();
        assert!(e.to_string().contains("2023-02-30"), "{e}");
    }

    #[test]
    fn invalid_utf8_names_line() {
        let e = parse_plaintext(Path::new("bad.txt"), b"ok\nbad \xff here", None).unwrap_err();
        assert!(e.to_string().starts_with("bad.txt:2:"), "{e}");
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert!(matches!(
            parse_plaintext(Path::new("e.txt"), b"  \n\t ", None),
            Err(CorpusError::Empty { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_file_name_keeps_its_id() {
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
        let a = parse_plaintext(p, b"Text.", None).unwrap();
        assert_eq!(a.id, "caf\u{FFFD}");
    }

    #[test]
    fn bom_is_dropped() {
        let a = parse_plaintext(Path::new("b.txt"), b"\xEF\xBB\xBFHello world.", None).unwrap();
        assert_eq!(a.body, "Hello world.");
    }

    #[test]
    fn date_from_file_name_and_flag() {
        let a = parse_plaintext(Path::new("cnn_2016-03-11_x.txt"), b"Text.", None).unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2016, 3, 11));
        let d = NaiveDate::from_ymd_opt(2020, 1, 2);
        let a = parse_plaintext(Path::new("cnn_2016-03-11_x.txt"), b"Text.", d).unwrap();
        assert_eq!(a.date, d);
    }
}
