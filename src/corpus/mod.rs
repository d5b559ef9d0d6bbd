//! Stage 1, **corpus**: bytes in, [`Article`]s out.
//!
//! Every input format (plain text with an optional ` date YYYY-MM-DD` header, JSON
//! Lines) and every input error lives here. A bad file or line becomes one
//! [`CorpusError`] naming the file (and line); the other inputs are still read.
//! This module does no language processing and never touches the store.

mod error;
mod jsonl;
mod plaintext;
mod walk;
mod warn;

pub use error::CorpusError;
pub use jsonl::parse_jsonl;
pub use plaintext::{parse_plaintext, split_header};
pub use walk::{collect_inputs, read_inputs, InputFormat, ReadOptions};
pub use warn::warnings;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One news article, as read from the input, before any language processing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier: the JSON Lines `id`, or the file name without its extension.
    pub id: String,
    /// Publication date, when known (header, JSON field, `--date`, or file name).
    pub date: Option<NaiveDate>,
    /// Headline, when the input gives one (JSON `title`, or a plain-text title line).
    pub title: Option<String>,
    /// Address of the article on the web, when given.
    pub url: Option<String>,
    /// The body text that every character offset refers to.
    pub body: String,
    /// Where the article came from: a path, or `-` for standard input.
    pub source: String,
    /// The 1-based line of `source` for JSON Lines input.
    pub line: Option<usize>,
}

/// Parses a `YYYY-MM-DD` date, rejecting impossible days such as 2023-02-30.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() < 10 {
        return None;
    }
    // Accept a full timestamp ("2023-10-26T10:00:00Z") by taking its date part.
    let day = s.get(..10)?;
    if s.len() > 10 && !matches!(s.as_bytes()[10], b'T' | b't' | b' ') {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// Finds the first `YYYY-MM-DD` in a file name (e.g. `bbc_2016-03-11_story.txt`).
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    let b = name.as_bytes();
    if b.len() < 10 {
        return None;
    }
    (0..=b.len() - 10).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(j, c)| {
            if j == 4 || j == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 10 == b.len() || !b[i + 10].is_ascii_digit());
        if shape && bounded {
            std::str::from_utf8(w).ok().and_then(parse_date)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_date_rejects_impossible_day() {
        assert!(parse_date("2023-02-30").is_none());
        assert_eq!(
            parse_date("2023-10-26"),
            NaiveDate::from_ymd_opt(2023, 10, 26)
        );
        assert_eq!(
            parse_date("2023-10-26T08:00:00Z"),
            NaiveDate::from_ymd_opt(2023, 10, 26)
        );
        assert!(parse_date("2023-10-26x").is_none());
    }

    #[test]
    fn date_in_name_finds_polnear_style_dates() {
        assert_eq!(
            date_in_name("breitbart_2016-03-11_activists"),
            NaiveDate::from_ymd_opt(2016, 3, 11)
        );
        assert!(date_in_name("000_b7c33502702b2378").is_none());
    }
}
