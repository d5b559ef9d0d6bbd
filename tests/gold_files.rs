//! Checks the hand-written gold files in `tests/gold/` against the texts they refer to,
//! read through `newsgraph::eval::sources` (the same loader the scorers use).
//!
//! Every evidence / content string must be an exact substring of its document, the
//! document date must match the source, and every date must be a valid ISO day or a
//! `{start, end}` range. Datasets from `shared/eval` are skipped when it is absent; the
//! corpus articles are always checked. This test only reads; it scores nothing.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use newsgraph::eval::sources::{find_eval_dir, load_text};
use serde_json::Value;

fn project_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_gold(name: &str) -> Value {
    let path = project_dir().join("tests/gold").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn day(v: &Value) -> Option<NaiveDate> {
    v.as_str()
        .filter(|s| s.len() == 10)
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// A meeting date: null, an ISO day, or a range with start <= end.
fn date_ok(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(_) => day(v).is_some(),
        Value::Object(o) => match (o.get("start").and_then(day), o.get("end").and_then(day)) {
            (Some(a), Some(b)) => o.len() == 2 && a <= b,
            _ => false,
        },
        _ => false,
    }
}

/// The text of a gold document, or `None` when its dataset is not available here.
fn text(
    eval: Option<&Path>,
    dataset: &str,
    doc: &str,
    errors: &mut Vec<String>,
) -> Option<(String, Option<NaiveDate>)> {
    let eval = match (dataset, eval) {
        ("corpus", _) => Path::new("."),
        (_, Some(e)) => e,
        (_, None) => return None,
    };
    match load_text(eval, &project_dir(), dataset, doc) {
        Ok(t) => Some(t),
        Err(e) => {
            errors.push(format!("{dataset}:{doc}: {e}"));
            None
        }
    }
}

fn check_meeting_file(name: &str, eval: Option<&Path>, errors: &mut Vec<String>) -> usize {
    let gold = read_gold(name);
    let dataset = gold["dataset"].as_str().unwrap_or_default().to_string();
    let docs = gold["docs"].as_array().cloned().unwrap_or_default();
    for d in &docs {
        let doc = d["doc"].as_str().unwrap_or_default();
        let w = format!("{name}:{doc}");
        let got = text(eval, &dataset, doc, errors);
        if let Some((_, date)) = &got {
            if day(&d["date"]) != *date {
                errors.push(format!(
                    "{w}: document date {} but source {date:?}",
                    d["date"]
                ));
            }
        }
        for m in d["meetings"].as_array().into_iter().flatten() {
            let parts = m["participants"].as_array().map_or(0, Vec::len);
            if parts == 0 {
                errors.push(format!("{w}: meeting without participants"));
            }
            if !date_ok(&m["date"]) {
                errors.push(format!("{w}: bad date {}", m["date"]));
            }
            let mode = m["mode"].as_str().unwrap_or_default();
            if !["in_person", "phone", "video", "visit", "unknown"].contains(&mode) {
                errors.push(format!("{w}: bad mode {mode:?}"));
            }
            let ev = m["evidence"].as_str().unwrap_or_default();
            if let Some((t, _)) = &got {
                if ev.is_empty() || !t.contains(ev) {
                    errors.push(format!("{w}: evidence not in text: {ev:?}"));
                }
            }
        }
        for n in d["non_meetings"].as_array().into_iter().flatten() {
            let ev = n["evidence"].as_str().unwrap_or_default();
            if let Some((t, _)) = &got {
                if ev.is_empty() || !t.contains(ev) {
                    errors.push(format!("{w}: non-meeting evidence not in text: {ev:?}"));
                }
            }
        }
    }
    docs.len()
}

#[test]
fn meeting_gold_evidence_is_in_the_texts() {
    let eval = find_eval_dir(&project_dir());
    let mut errors = Vec::new();
    let mut docs = 0;
    for name in [
        "meetings-corpus.json",
        "meetings-m2e2.json",
        "meetings-m2e2-more.json",
        "meetings-plover.json",
        "meetings-polnear.json",
    ] {
        docs += check_meeting_file(name, eval.as_deref(), &mut errors);
    }
    assert!(docs >= 150, "only {docs} gold documents");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn statement_gold_content_is_in_the_corpus() {
    let gold = read_gold("corpus-statements.json");
    let mut errors = Vec::new();
    for d in gold["docs"].as_array().into_iter().flatten() {
        let doc = d["doc"].as_str().unwrap_or_default();
        let Some((t, _)) = text(None, "corpus", doc, &mut errors) else {
            continue;
        };
        for s in d["statements"].as_array().into_iter().flatten() {
            let c = s["content"].as_str().unwrap_or_default();
            if c.is_empty() || !t.contains(c) {
                errors.push(format!("{doc}: content not in text: {c:?}"));
            }
            let kind = s["kind"].as_str().unwrap_or_default();
            if !["direct", "indirect", "mixed"].contains(&kind) {
                errors.push(format!("{doc}: bad kind {kind:?}"));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn near_miss_evidence_is_in_the_texts() {
    let eval = find_eval_dir(&project_dir());
    let gold = read_gold("near-misses.json");
    let mut errors = Vec::new();
    for p in gold["pairs"].as_array().into_iter().flatten() {
        for side in ["a", "b"] {
            let x = &p[side];
            let Some(dataset) = x["dataset"].as_str() else {
                assert!(x["text"].is_string(), "near-miss side without text: {x}");
                continue;
            };
            let doc = x["doc"].as_str().unwrap_or_default();
            if let Some((t, _)) = text(eval.as_deref(), dataset, doc, &mut errors) {
                let ev = x["evidence"].as_str().unwrap_or_default();
                if ev.is_empty() || !t.contains(ev) {
                    errors.push(format!("{dataset}:{doc}: evidence not in text: {ev:?}"));
                }
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn actor_cluster_spans_match_their_text() {
    let Some(eval) = find_eval_dir(&project_dir()) else {
        return;
    };
    let gold = read_gold("actor-clusters-dev.json");
    let mentions = gold["mentions"].as_array().cloned().unwrap_or_default();
    assert!(mentions.len() >= 300, "only {} mentions", mentions.len());
    let mut errors = Vec::new();
    for m in &mentions {
        let doc = m["doc"].as_str().unwrap_or_default();
        let Some((t, _)) = text(Some(&eval), "polnear", doc, &mut errors) else {
            continue;
        };
        let (start, end) = (
            m["start"].as_u64().unwrap_or(0) as usize,
            m["end"].as_u64().unwrap_or(0) as usize,
        );
        let span: String = t
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        if span != m["text"].as_str().unwrap_or_default() || m["cluster"].as_str().is_none() {
            errors.push(format!("{doc}:{start}: span {span:?} vs {}", m["text"]));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
