//! Fuzz target: the whole extractor (nlp passes, then the record) on any text. It
//! must never panic, and every span of the record must lie inside the body with
//! `text == body[start..end]` counted in characters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::corpus::Article;
use newsgraph::extract::{extract_article, Config};
use serde_json::Value;

fn check(v: &Value, chars: &[char]) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
                m.get("text").and_then(Value::as_str),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e && e <= chars.len(), "span {s}..{e} of {}", chars.len());
                let slice: String = chars[s..e].iter().collect();
                assert_eq!(slice, t, "span {s}..{e}");
            }
            m.values().for_each(|x| check(x, chars));
        }
        Value::Array(a) => a.iter().for_each(|x| check(x, chars)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data).into_owned();
    let article = Article {
        id: "fuzz".into(),
        date: newsgraph::corpus::parse_date("2023-10-16"),
        title: None,
        url: None,
        body: body.clone(),
        source: "fuzz".into(),
        line: None,
    };
    let rec = extract_article(article, &Config::default());
    let chars: Vec<char> = body.chars().collect();
    assert_eq!(rec.article.length, chars.len());
    let v = serde_json::to_value(&rec).expect("record serialises");
    check(&v, &chars);
});

