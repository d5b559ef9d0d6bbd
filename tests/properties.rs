//! Property tests (proptest) of the input side: for any text, extraction never panics
//! and every span of the record lies inside the body with `text == body[start..end]`
//! counted in characters; the corpus readers never panic on any bytes, and a plain
//! text body they accept is the input's tail, unchanged.
//!
//! Failing inputs are shrunk by proptest and printed; add them to `tests/nasty/files/`
//! or as a unit test where the bug lives. This file does not test extraction quality.

use newsgraph::corpus::{parse_jsonl, parse_plaintext, Article};
use newsgraph::extract::{extract_article, Config};
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;

fn article(body: String) -> Article {
    Article {
        id: "prop".into(),
        date: chrono::NaiveDate::from_ymd_opt(2023, 10, 16),
        title: None,
        url: None,
        body,
        source: "prop.txt".into(),
        line: None,
    }
}

/// Every object with integer `start`, `end` and string `text` in `v`.
fn spans(v: &Value, out: &mut Vec<(u64, u64, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
                m.get("text").and_then(Value::as_str),
            ) {
                out.push((s, e, t.to_string()));
            }
            m.values().for_each(|x| spans(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

/// Extracts `body` and checks every span against it; an error names the bad span.
fn check(body: &str) -> Result<(), TestCaseError> {
    let rec = extract_article(article(body.to_string()), &Config::default());
    let chars: Vec<char> = body.chars().collect();
    prop_assert_eq!(rec.article.length, chars.len());
    let v = serde_json::to_value(&rec).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut all = Vec::new();
    spans(&v, &mut all);
    for (s, e, t) in all {
        let (s, e) = (s as usize, e as usize);
        prop_assert!(
            s <= e && e <= chars.len(),
            "span {}..{} of {}",
            s,
            e,
            chars.len()
        );
        let slice: String = chars[s..e].iter().collect();
        prop_assert_eq!(slice, t, "span {}..{}", s, e);
    }
    Ok(())
}

/// Pieces of news prose: names, titles, reporting and meeting verbs, every quote
/// style (balanced or not), punctuation, line ends of every kind, and odd characters.
const FRAGMENTS: &[&str] = &[
    "Iran's Foreign Minister Hossein Amirabdollahian",
    "Russian deputy foreign minister Mikhail Bogdanov",
    "Mousa Abu Marzook",
    "Marzook",
    "Senior Hamas member Abu Marzouk",
    "President Erdoğan",
    "Türkiye",
    "Ebrahim Raisi",
    "Emmanuel Macron",
    "John Kirby",
    "the deputy minister",
    "a Hamas delegation",
    "he",
    "she",
    "they",
    "his",
    "met",
    "met with",
    "held talks with",
    "held a phone call with",
    "spoke by phone with",
    "visited",
    "said",
    "told reporters",
    "said that",
    "according to",
    "in Moscow",
    "in Doha",
    "on Thursday",
    "on Oct. 12",
    "earlier this month",
    "12 October",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "\"We agree,\"",
    "“There was a direct message relayed,”",
    ".",
    ",",
    ":",
    ";",
    "—",
    "(",
    ")",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{FEFF}",
    "\u{200D}",
    "\u{202E}",
    "e\u{301}",
    "🇷🇺",
    "👨‍👩‍👧",
    "\u{1}",
    "\u{7f}",
    "U.S.",
    "Mr.",
    "2023-10-26",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(FRAGMENTS), prop::bool::ANY), 0..80).prop_map(
        |parts| {
            let mut s = String::new();
            for (p, space) in parts {
                s.push_str(p);
                if space {
                    s.push(' ');
                }
            }
            s
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_text_spans_hold(body in any::<String>()) {
        check(&body)?;
    }

    #[test]
    fn any_chars_with_controls_spans_hold(chars in prop::collection::vec(any::<char>(), 0..400)) {
        check(&chars.into_iter().collect::<String>())?;
    }

    #[test]
    fn news_like_text_spans_hold(body in news_like()) {
        check(&body)?;
    }

    #[test]
    fn plaintext_reader_never_panics_and_keeps_the_tail(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(a) = parse_plaintext(Path::new("p.txt"), &bytes, None) {
            let text = String::from_utf8_lossy(&bytes);
            prop_assert!(text.ends_with(&a.body), "body is not the input's tail");
            prop_assert!(!a.body.trim().is_empty());
        }
    }

    #[test]
    fn plaintext_reader_on_news_with_header(body in news_like(), crlf in prop::bool::ANY) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let input = format!(" date 2023-10-26{sep}{body}");
        match parse_plaintext(Path::new("p.txt"), input.as_bytes(), None) {
            Ok(a) => {
                prop_assert!(input.ends_with(&a.body));
                check(&a.body)?;
            }
            Err(e) => prop_assert!(e.to_string().starts_with("p.txt"), "{}", e),
        }
    }

    #[test]
    fn jsonl_reader_never_panics_and_names_lines(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let (arts, errs) = parse_jsonl(Path::new("j.jsonl"), &bytes, None);
        let lines = bytes.split(|&b| b == b'\n').count();
        for e in errs {
            prop_assert!(e.to_string().starts_with("j.jsonl:"), "{}", e);
        }
        for a in arts {
            prop_assert!(a.line.is_some_and(|l| l >= 1 && l <= lines));
        }
    }

    #[test]
    fn jsonl_text_round_trips(body in news_like(), id in "[a-z0-9-]{1,12}") {
        let line = serde_json::json!({"id": id, "text": body}).to_string();
        let (arts, errs) = parse_jsonl(Path::new("j.jsonl"), line.as_bytes(), None);
        if body.trim().is_empty() {
            prop_assert_eq!(errs.len(), 1);
        } else {
            prop_assert!(errs.is_empty());
            prop_assert_eq!(&arts[0].body, &body);
        }
    }
}
