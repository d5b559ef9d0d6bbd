//! `newsgraph meetings` and `newsgraph statements`: facts with their participants or
//! speaker, date, sources and evidence, read from the store with SPARQL.
//!
//! Filters go into the queries: `--actor` as a `VALUES` list of the matching actor
//! IRIs, `--from`/`--to` as overlap of the fact's date bounds with the range (undated
//! facts are left out when a range is given). When several articles report the same
//! fact, the most precise date wins and every article is listed in `sources`.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use serde::Serialize;

use super::actors::{actor_ref, index, matching, ActorInfo, ActorRef};
use super::sparql::{date_literal, select, value, values, Row};
use crate::cli::args::{ListArgs, ListFormat, ListSort};
use crate::cli::output;
use crate::graph::vocab::ng;
use crate::store::{queries, Store};

/// A date as listed.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct DateOut {
    /// First possible day.
    pub start: Option<String>,
    /// Last possible day.
    pub end: Option<String>,
    /// The expression as written.
    pub text: Option<String>,
}

/// One piece of evidence.
#[derive(Debug, Clone, Serialize, PartialEq, PartialOrd)]
pub struct EvidenceOut {
    /// The article id.
    pub article: String,
    /// First character (code points).
    pub start: u64,
    /// End character (exclusive).
    pub end: u64,
    /// The exact text.
    pub text: String,
    /// Confidence from 0 to 1.
    pub confidence: f64,
}

#[derive(Debug, Serialize)]
struct MeetingOut {
    iri: String,
    participants: Vec<ActorRef>,
    mode: String,
    place: Option<ActorRef>,
    date: DateOut,
    sources: Vec<String>,
    evidence: Vec<EvidenceOut>,
}

#[derive(Debug, Serialize)]
struct StatementOut {
    iri: String,
    speaker: Option<ActorRef>,
    content: String,
    kind: String,
    cue: Option<String>,
    date: DateOut,
    sources: Vec<String>,
    evidence: Vec<EvidenceOut>,
}

/// The filter clauses for a fact `?f` from the flags; `None` when `--actor` matches
/// nobody (so the answer is empty).
fn filters(
    args: &ListArgs,
    idx: &BTreeMap<String, ActorInfo>,
    link: &str,
) -> Result<Option<String>> {
    let mut f = String::new();
    if let Some(q) = &args.actor {
        let iris = matching(idx, q);
        if iris.is_empty() {
            return Ok(None);
        }
        f.push_str(&format!(
            " FILTER EXISTS {{ ?f {link} ?who . {} }}",
            values("who", &iris)
        ));
    }
    if let Some(from) = super::day_arg("--from", args.from.as_deref())? {
        f.push_str(&format!(
            " FILTER EXISTS {{ ?f sem:hasLatestEndTimeStamp ?e FILTER(?e >= {}) }}",
            date_literal(&from)
        ));
    }
    if let Some(to) = super::day_arg("--to", args.to.as_deref())? {
        f.push_str(&format!(
            " FILTER EXISTS {{ ?f sem:hasEarliestBeginTimeStamp ?b FILTER(?b <= {}) }}",
            date_literal(&to)
        ));
    }
    Ok(Some(f))
}

/// Per fact, per source article: the rows of the per-graph query.
fn by_fact(rows: Vec<Row>) -> BTreeMap<String, Vec<Row>> {
    let mut m: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for r in rows {
        if let Some(f) = value(&r, "f") {
            m.entry(f).or_default().push(r);
        }
    }
    m
}

/// The most precise date among a fact's rows (narrowest range, then earliest).
fn best_date(rows: &[Row]) -> DateOut {
    let mut dates: Vec<DateOut> = rows
        .iter()
        .map(|r| DateOut {
            start: value(r, "start"),
            end: value(r, "end"),
            text: value(r, "dtext"),
        })
        .collect();
    let width = |d: &DateOut| match (&d.start, &d.end) {
        (Some(s), Some(e)) => {
            let p = |x: &str| chrono::NaiveDate::parse_from_str(x, "%Y-%m-%d").ok();
            match (p(s), p(e)) {
                (Some(s), Some(e)) => (e - s).num_days(),
                _ => i64::MAX - 1,
            }
        }
        _ => i64::MAX,
    };
    dates.sort_by(|a, b| {
        (width(a), &a.start, a.text.is_none(), &a.text).cmp(&(
            width(b),
            &b.start,
            b.text.is_none(),
            &b.text,
        ))
    });
    dates.into_iter().next().unwrap_or_default()
}

/// Evidence of every fact: fact IRI → sorted evidence.
fn evidence(store: &Store) -> Result<BTreeMap<String, Vec<EvidenceOut>>> {
    let q = "SELECT ?f ?id ?start ?end ?exact ?conf WHERE { \
             ?ann a oa:Annotation ; oa:hasBody ?f ; oa:hasTarget ?t . \
             OPTIONAL { ?ann ng:confidence ?conf } \
             ?t oa:hasSource ?g ; oa:hasSelector ?ps, ?qs . \
             ?ps a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . \
             ?qs a oa:TextQuoteSelector ; oa:exact ?exact . \
             ?g schema:identifier ?id }";
    let mut m: BTreeMap<String, Vec<EvidenceOut>> = BTreeMap::new();
    for r in select(store, q)? {
        let Some(f) = value(&r, "f") else { continue };
        m.entry(f).or_default().push(EvidenceOut {
            article: value(&r, "id").unwrap_or_default(),
            start: value(&r, "start").and_then(|s| s.parse().ok()).unwrap_or(0),
            end: value(&r, "end").and_then(|s| s.parse().ok()).unwrap_or(0),
            text: value(&r, "exact").unwrap_or_default(),
            confidence: value(&r, "conf")
                .and_then(|c| c.parse().ok())
                .unwrap_or(0.0),
        });
    }
    for v in m.values_mut() {
        v.sort_by(|a, b| {
            (&a.article, a.start, a.end, &a.text).cmp(&(&b.article, b.start, b.end, &b.text))
        });
        v.dedup();
    }
    Ok(m)
}

/// Keeps the items reported by at least `--min-sources` articles and, with `--sort
/// sources`, orders them by that count (stable: equal counts keep the date order).
fn by_source_count<T>(out: &mut Vec<T>, args: &ListArgs, count: impl Fn(&T) -> usize) {
    out.retain(|x| count(x) >= args.min_sources);
    if args.sort == ListSort::Sources {
        out.sort_by_key(|x| std::cmp::Reverse(count(x)));
    }
}

fn sources(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| value(r, "id"))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Sorts dated facts first (by start day), then by IRI.
fn date_key(d: &DateOut) -> (bool, String) {
    (d.start.is_none(), d.start.clone().unwrap_or_default())
}

fn date_cell(d: &DateOut) -> String {
    let day = match (&d.start, &d.end) {
        (Some(s), Some(e)) if s == e => s.clone(),
        (Some(s), Some(e)) => format!("{s}..{e}"),
        _ => "?".to_string(),
    };
    match &d.text {
        Some(t) if day == "?" => format!("? ({})", output::clip(t, 24)),
        _ => day,
    }
}

fn mode_name(iri: &str) -> String {
    [
        (ng::IN_PERSON, "in_person"),
        (ng::PHONE, "phone"),
        (ng::VIDEO, "video"),
        (ng::VISIT, "visit"),
    ]
    .iter()
    .find(|(n, _)| n.as_str() == iri)
    .map_or("unknown", |(_, s)| s)
    .to_string()
}

fn kind_name(iri: &str) -> String {
    [
        (ng::DIRECT_SPEECH, "direct"),
        (ng::INDIRECT_SPEECH, "indirect"),
        (ng::MIXED_SPEECH, "mixed"),
    ]
    .iter()
    .find(|(n, _)| n.as_str() == iri)
    .map_or("", |(_, s)| s)
    .to_string()
}

/// Runs `meetings`.
pub fn meetings(args: &ListArgs) -> Result<bool> {
    let store = Store::open(&args.store.store)?;
    let idx = index(&store)?;
    let mut out: Vec<MeetingOut> = Vec::new();
    if let Some(filter) = filters(args, &idx, "schema:attendee")? {
        let q = format!(
            "SELECT ?f ?id ?mode ?place ?start ?end ?dtext WHERE {{ GRAPH ?g {{ ?f a sem:Event . \
             OPTIONAL {{ ?f ng:meetingMode ?mode }} OPTIONAL {{ ?f sem:hasPlace ?place }} \
             OPTIONAL {{ ?f sem:hasEarliestBeginTimeStamp ?start }} \
             OPTIONAL {{ ?f sem:hasLatestEndTimeStamp ?end }} \
             OPTIONAL {{ ?f ng:dateText ?dtext }} }} ?g schema:identifier ?id .{filter} }}"
        );
        let facts = by_fact(select(&store, &q)?);
        let mut people: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for r in select(&store, queries::MEETING_ATTENDEES)? {
            if let (Some(f), Some(a)) = (value(&r, "m"), value(&r, "a")) {
                people.entry(f).or_default().insert(a);
            }
        }
        let mut ev = evidence(&store)?;
        for (iri, rows) in facts {
            let modes: BTreeSet<String> = rows
                .iter()
                .filter_map(|r| value(r, "mode"))
                .map(|m| mode_name(&m))
                .collect();
            let mode = modes
                .iter()
                .find(|m| *m != "unknown")
                .cloned()
                .unwrap_or_else(|| "unknown".into());
            let place = rows.iter().filter_map(|r| value(r, "place")).min();
            let mut participants: Vec<ActorRef> = people
                .get(&iri)
                .map(|s| s.iter().map(|a| actor_ref(&idx, a)).collect())
                .unwrap_or_default();
            participants.sort_by(|a, b| (&a.name, &a.iri).cmp(&(&b.name, &b.iri)));
            out.push(MeetingOut {
                participants,
                mode,
                place: place.map(|p| actor_ref(&idx, &p)),
                date: best_date(&rows),
                sources: sources(&rows),
                evidence: ev.remove(&iri).unwrap_or_default(),
                iri,
            });
        }
    }
    out.sort_by(|a, b| (date_key(&a.date), &a.iri).cmp(&(date_key(&b.date), &b.iri)));
    by_source_count(&mut out, args, |m| m.sources.len());
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&out)?),
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = out
                .iter()
                .map(|m| {
                    let names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
                    vec![
                        date_cell(&m.date),
                        m.mode.clone(),
                        m.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
                        names.join(", "),
                        m.sources.join(" "),
                    ]
                })
                .collect();
            print!(
                "{}",
                output::table(&["DATE", "MODE", "PLACE", "PARTICIPANTS", "SOURCES"], &rows)
            );
        }
    }
    Ok(true)
}

/// Runs `statements`.
pub fn statements(args: &ListArgs) -> Result<bool> {
    let store = Store::open(&args.store.store)?;
    let idx = index(&store)?;
    let mut out: Vec<StatementOut> = Vec::new();
    if let Some(filter) = filters(args, &idx, "schema:spokenByCharacter")? {
        let q = format!(
            "SELECT ?f ?id ?speaker ?text ?kind ?cue ?start ?end ?dtext WHERE {{ GRAPH ?g {{ \
             ?f a schema:Quotation ; schema:text ?text . \
             OPTIONAL {{ ?f schema:spokenByCharacter ?speaker }} OPTIONAL {{ ?f ng:speechKind ?kind }} \
             OPTIONAL {{ ?f ng:cue ?cue }} \
             OPTIONAL {{ ?f sem:hasEarliestBeginTimeStamp ?start }} \
             OPTIONAL {{ ?f sem:hasLatestEndTimeStamp ?end }} \
             OPTIONAL {{ ?f ng:dateText ?dtext }} }} ?g schema:identifier ?id .{filter} }}"
        );
        let facts = by_fact(select(&store, &q)?);
        let mut ev = evidence(&store)?;
        for (iri, rows) in facts {
            // Rows are ordered by source id so that "first" is deterministic.
            let mut rows = rows;
            rows.sort_by_key(|r| (value(r, "id"), value(r, "text"), value(r, "cue")));
            let first = |var: &str| rows.iter().find_map(|r| value(r, var));
            out.push(StatementOut {
                speaker: rows
                    .iter()
                    .filter_map(|r| value(r, "speaker"))
                    .min()
                    .map(|s| actor_ref(&idx, &s)),
                content: first("text").unwrap_or_default(),
                kind: first("kind").map(|k| kind_name(&k)).unwrap_or_default(),
                cue: first("cue"),
                date: best_date(&rows),
                sources: sources(&rows),
                evidence: ev.remove(&iri).unwrap_or_default(),
                iri,
            });
        }
    }
    out.sort_by(|a, b| {
        (
            date_key(&a.date),
            a.sources.first(),
            &a.evidence.first().map(|e| e.start),
            &a.iri,
        )
            .cmp(&(
                date_key(&b.date),
                b.sources.first(),
                &b.evidence.first().map(|e| e.start),
                &b.iri,
            ))
    });
    by_source_count(&mut out, args, |m| m.sources.len());
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&out)?),
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = out
                .iter()
                .map(|s| {
                    vec![
                        date_cell(&s.date),
                        s.speaker
                            .as_ref()
                            .map(|p| p.name.clone())
                            .unwrap_or_else(|| "?".into()),
                        s.kind.clone(),
                        output::clip(&s.content, 70),
                        s.sources.join(" "),
                    ]
                })
                .collect();
            print!(
                "{}",
                output::table(&["DATE", "SPEAKER", "KIND", "CONTENT", "SOURCES"], &rows)
            );
        }
    }
    Ok(true)
}
