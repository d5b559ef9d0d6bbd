//! Meetings and statements of one record, each with its evidence annotation.
//!
//! A meeting is one `sem:Event`/`schema:Event` with every participant; a statement is
//! a `schema:Quotation`. Each carries one `oa:Annotation` per article span that
//! reports it: target = the article with a position selector (code points) and a
//! quote selector (exact text), plus provenance and a confidence. A meeting with fewer
//! than two known participants (places do not count) is not a meeting and is left
//! out.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use oxigraph::model::vocab::xsd;
use oxigraph::model::NamedNodeRef;

use super::iris;
use super::mapping::{parse_day, Builder, Obj};
use super::vocab::{ng, oa, prov, rdfs, schema, sem, time};
use super::GraphError;
use crate::extract::{ActorKind, DateRecord, MeetingMode, Record, StatementKind, TextSpan};

/// The meeting-mode concept of a mode.
pub fn mode_concept(mode: MeetingMode) -> NamedNodeRef<'static> {
    match mode {
        MeetingMode::InPerson => ng::IN_PERSON,
        MeetingMode::Phone => ng::PHONE,
        MeetingMode::Video => ng::VIDEO,
        MeetingMode::Visit => ng::VISIT,
        MeetingMode::Unknown => ng::UNKNOWN_MODE,
    }
}

/// The speech-kind concept of a statement kind.
pub fn kind_concept(kind: StatementKind) -> NamedNodeRef<'static> {
    match kind {
        StatementKind::Direct => ng::DIRECT_SPEECH,
        StatementKind::Indirect => ng::INDIRECT_SPEECH,
        StatementKind::Mixed => ng::MIXED_SPEECH,
    }
}

/// Whether meeting `m` of record `r` reaches the graph ([`Record::is_event`]).
pub fn is_graph_meeting(r: &Record, m: &crate::extract::MeetingRecord) -> bool {
    r.is_event(m)
}

pub(super) fn meetings(
    b: &mut Builder<'_>,
    r: &Record,
    actors: &BTreeMap<&str, String>,
) -> Result<(), GraphError> {
    // A place does not take part in a meeting (it is where one happens).
    let places: BTreeSet<&str> = r
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Place)
        .map(|a| a.id.as_str())
        .collect();
    for m in r.meetings.iter().filter(|m| is_graph_meeting(r, m)) {
        let mut people: Vec<&String> = m
            .participants
            .iter()
            .filter(|p| !places.contains(p.as_str()))
            .filter_map(|p| actors.get(p.as_str()))
            .collect();
        people.sort();
        people.dedup();
        let node = b.iri(m.iri.clone(), || format!("meeting {}", m.id))?;
        b.a(&node, sem::EVENT);
        b.a(&node, schema::EVENT);
        for p in people {
            b.link(&node, schema::ATTENDEE, p);
            b.link(&node, sem::HAS_ACTOR, p);
        }
        if let Some(place) = m.place.as_deref().and_then(|p| actors.get(p)) {
            b.link(&node, sem::HAS_PLACE, place);
            b.link(&node, schema::LOCATION, place);
        }
        b.link(&node, ng::MEETING_MODE, mode_concept(m.mode).as_str());
        match m.mode {
            MeetingMode::InPerson | MeetingMode::Visit => b.link(
                &node,
                schema::EVENT_ATTENDANCE_MODE,
                schema::OFFLINE_EVENT_ATTENDANCE_MODE.as_str(),
            ),
            MeetingMode::Video => b.link(
                &node,
                schema::EVENT_ATTENDANCE_MODE,
                schema::ONLINE_EVENT_ATTENDANCE_MODE.as_str(),
            ),
            MeetingMode::Phone | MeetingMode::Unknown => {}
        }
        date(b, &node, &m.date, false);
        evidence(b, &node, &m.evidence, m.confidence)?;
    }
    Ok(())
}

pub(super) fn statements(
    b: &mut Builder<'_>,
    r: &Record,
    actors: &BTreeMap<&str, String>,
) -> Result<(), GraphError> {
    for s in &r.statements {
        let node = b.iri(s.iri.clone(), || format!("statement {}", s.id))?;
        b.a(&node, schema::QUOTATION);
        if let Some(speaker) = s.speaker.as_deref().and_then(|p| actors.get(p)) {
            b.link(&node, schema::SPOKEN_BY_CHARACTER, speaker);
        }
        b.text(&node, schema::TEXT, &s.content.text);
        b.link(&node, ng::SPEECH_KIND, kind_concept(s.kind).as_str());
        if let Some(cue) = s.cue.as_ref().filter(|c| !c.text.trim().is_empty()) {
            b.text(&node, ng::CUE, &cue.text);
        }
        date(b, &node, &s.date, true);
        evidence(b, &node, &s.evidence, s.confidence)?;
    }
    Ok(())
}

/// Date bounds, precision and text. `created` adds `schema:dateCreated` for a day.
fn date(b: &mut Builder<'_>, node: &str, d: &DateRecord, created: bool) {
    let start = d.start.as_deref().and_then(parse_day);
    let end = d.end.as_deref().and_then(parse_day).or(start);
    let start = start.or(end);
    if let (Some(s), Some(e)) = (start, end) {
        let (s, e) = if s <= e { (s, e) } else { (e, s) };
        b.day(node, sem::HAS_EARLIEST_BEGIN_TIME_STAMP, s);
        b.day(node, sem::HAS_LATEST_END_TIME_STAMP, e);
        if let Some(unit) = precision(s, e) {
            b.link(node, time::UNIT_TYPE, unit.as_str());
        }
        if created && s == e {
            b.day(node, schema::DATE_CREATED, s);
        }
    }
    if let Some(text) = d.text.as_deref().filter(|t| !t.trim().is_empty()) {
        b.text(node, ng::DATE_TEXT, text);
    }
}

/// The OWL-Time unit that best describes a range's width: one day, up to a week, up
/// to a month, up to a year; wider ranges get none.
pub fn precision(start: NaiveDate, end: NaiveDate) -> Option<NamedNodeRef<'static>> {
    match (end - start).num_days() {
        0 => Some(time::UNIT_DAY),
        1..=6 => Some(time::UNIT_WEEK),
        7..=30 => Some(time::UNIT_MONTH),
        31..=365 => Some(time::UNIT_YEAR),
        _ => None,
    }
}

/// A confidence as the lexical form of an `xsd:decimal` with two places, clamped to
/// 0..=1.
fn confidence_text(c: f64) -> String {
    let c = if c.is_nan() { 0.0 } else { c.clamp(0.0, 1.0) };
    // The canonical form ("0.9", "1", "0"), which is what Oxigraph gives back, so the
    // graph files and the store hold the very same literal.
    let text = format!("{c:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text.is_empty() { "0" } else { text };
    text.to_string()
}

fn evidence(
    b: &mut Builder<'_>,
    fact: &str,
    span: &TextSpan,
    confidence: f64,
) -> Result<(), GraphError> {
    let art = b.article.clone();
    let a_iri = iris::annotation(b.base, &art, fact, span.start, span.end);
    let ann = b.iri(a_iri, || "an annotation".into())?;
    let target = b.iri(iris::target(&ann), || "an annotation target".into())?;
    let pos = b.iri(iris::position_selector(&ann), || {
        "a position selector".into()
    })?;
    let quote = b.iri(iris::quote_selector(&ann), || "a quote selector".into())?;
    let first = b.provenance.is_none();
    let (activity, agent) = match b.provenance.take() {
        Some(p) => p,
        None => (
            b.iri(iris::activity(b.base), || "the activity".into())?,
            b.iri(iris::agent(b.base), || "the agent".into())?,
        ),
    };

    // The fact comes from this article: every article that reports it says so in its
    // own graph, and the merged view lists them all (the corpus graph counts them).
    b.link(fact, prov::WAS_DERIVED_FROM, &art);
    b.a(&ann, oa::ANNOTATION);
    b.link(&ann, oa::HAS_BODY, fact);
    b.link(&ann, oa::HAS_TARGET, &target);
    b.link(&ann, prov::WAS_DERIVED_FROM, &art);
    b.link(&ann, prov::WAS_GENERATED_BY, &activity);
    b.add(
        &ann,
        ng::CONFIDENCE,
        Obj::Typed(&confidence_text(confidence), xsd::DECIMAL),
    );

    b.a(&target, oa::SPECIFIC_RESOURCE);
    b.link(&target, oa::HAS_SOURCE, &art);
    b.link(&target, oa::HAS_SELECTOR, &pos);
    b.link(&target, oa::HAS_SELECTOR, &quote);

    b.a(&pos, oa::TEXT_POSITION_SELECTOR);
    let start = span.start.to_string();
    let end = span.end.max(span.start).to_string();
    b.add(&pos, oa::START, Obj::Typed(&start, xsd::INTEGER));
    b.add(&pos, oa::END, Obj::Typed(&end, xsd::INTEGER));

    b.a(&quote, oa::TEXT_QUOTE_SELECTOR);
    b.text(&quote, oa::EXACT, &span.text);

    // The activity and agent are the same for every annotation: their triples are
    // written once (the graph is deduplicated anyway).
    if first {
        let version = env!("CARGO_PKG_VERSION");
        b.a(&activity, prov::ACTIVITY);
        b.text(
            &activity,
            rdfs::LABEL,
            &format!("extraction by newsgraph {version}"),
        );
        b.link(&activity, prov::WAS_ASSOCIATED_WITH, &agent);
        b.a(&agent, prov::SOFTWARE_AGENT);
        b.text(&agent, rdfs::LABEL, &format!("newsgraph {version}"));
        b.text(&agent, schema::SOFTWARE_VERSION, version);
    }
    b.provenance = Some((activity, agent));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_is_canonical_decimal() {
        assert_eq!(confidence_text(0.9), "0.9");
        assert_eq!(confidence_text(1.0), "1");
        assert_eq!(confidence_text(0.0), "0");
        assert_eq!(confidence_text(0.857), "0.86");
    }

    #[test]
    fn confidence_out_of_range_is_clamped() {
        assert_eq!(confidence_text(7.0), "1");
        assert_eq!(confidence_text(f64::NAN), "0");
    }

    #[test]
    fn precision_of_a_month_range() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            precision(d("2023-10-01"), d("2023-10-16")),
            Some(time::UNIT_MONTH)
        );
        assert_eq!(
            precision(d("2023-10-16"), d("2023-10-16")),
            Some(time::UNIT_DAY)
        );
    }
}
