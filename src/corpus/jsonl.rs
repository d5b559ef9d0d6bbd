//! JSON Lines articles: one object per line with `id`, `text`, and optional `date`
//! (or `published`), `title`, `url`.
//!
//! A bad line becomes one [`CorpusError`] naming the file and line; the other lines are
//! still read. `text` is the body verbatim. This module does no language processing.

use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{parse_date, Article, CorpusError};

/// Reads every line of a JSON Lines input. Returns the good articles and one error
/// per bad line, in line order.
pub fn parse_jsonl(
    path: &Path,
    bytes: &[u8],
    fallback_date: Option<NaiveDate>,
) -> (Vec<Article>, Vec<CorpusError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        match parse_line(path, line, raw, fallback_date) {
            Ok(a) => articles.push(a),
            Err(e) => errors.push(e),
        }
    }
    (articles, errors)
}

fn parse_line(
    path: &Path,
    line: usize,
    raw: &[u8],
    fallback_date: Option<NaiveDate>,
) -> Result<Article, CorpusError> {
    let text = std::str::from_utf8(raw).map_err(|e| CorpusError::NotUtf8 {
        path: path.to_path_buf(),
        line,
        byte: e.valid_up_to(),
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| CorpusError::BadJson {
        path: path.to_path_buf(),
        line,
        message: e.to_string(),
    })?;
    let Value::Object(obj) = value else {
        return Err(CorpusError::BadJson {
            path: path.to_path_buf(),
            line,
            message: "expected a JSON object per line".into(),
        });
    };
    let field = |name: &'static str| optional_string(path, line, &obj, name);
    let id = match obj.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(_)) => return Err(bad(path, line, "id", "must not be empty")),
        Some(_) => return Err(bad(path, line, "id", "expected a string")),
        None => return Err(bad(path, line, "id", "missing")),
    };
    let body = match obj.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(bad(path, line, "text", "expected a string")),
        None => return Err(bad(path, line, "text", "missing")),
    };
    if body.trim().is_empty() {
        return Err(CorpusError::Empty {
            path: path.to_path_buf(),
            line: Some(line),
        });
    }
    let date_value = match field("date")? {
        Some(d) => Some(d),
        None => field("published")?,
    };
    let date = match date_value {
        Some(v) => Some(parse_date(&v).ok_or_else(|| CorpusError::BadDate {
            path: path.to_path_buf(),
            line: Some(line),
            value: v.clone(),
        })?),
        None => fallback_date,
    };
    Ok(Article {
        id,
        date,
        title: field("title")?,
        url: field("url")?,
        body,
        source: path.display().to_string(),
        line: Some(line),
    })
}

fn optional_string(
    path: &Path,
    line: usize,
    obj: &Map<String, Value>,
    name: &'static str,
) -> Result<Option<String>, CorpusError> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(bad(path, line, name, "expected a string")),
    }
}

fn bad(path: &Path, line: usize, field: &'static str, message: &str) -> CorpusError {
    CorpusError::BadField {
        path: path.to_path_buf(),
        line,
        field,
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_line_in_the_middle_keeps_the_rest() {
        let input = b"{\"id\":\"a\",\"text\":\"One.\"}\n{broken\n{\"id\":\"c\",\"text\":\"Three.\",\"published\":\"2023-10-26T09:00:00Z\"}\n";
        let (arts, errs) = parse_jsonl(Path::new("in.jsonl"), input, None);
        assert_eq!(arts.len(), 2);
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].to_string().starts_with("in.jsonl:2:"),
            "{}",
            errs[0]
        );
        assert_eq!(arts[1].date, NaiveDate::from_ymd_opt(2023, 10, 26));
        assert_eq!(arts[1].line, Some(3));
    }

    #[test]
    fn missing_and_mistyped_fields_are_named() {
        let input = b"{\"text\":\"x\"}\n{\"id\":\"b\",\"text\":5}\n{\"id\":\"c\",\"text\":\"x\",\"date\":\"2023-02-30\"}\n";
        let (arts, errs) = parse_jsonl(Path::new("in.jsonl"), input, None);
        assert!(arts.is_empty());
        let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert!(msgs[0].contains("`id`"), "{msgs:?}");
        assert!(msgs[1].contains("`text`"), "{msgs:?}");
        assert!(msgs[2].contains("2023-02-30"), "{msgs:?}");
    }
}
