//! Unit tests of the record-to-quads mapping, on a record built by hand.

use super::*;
use crate::extract::*;
use oxigraph::model::{NamedOrBlankNode, Term};

const B: &str = "https://w3id.org/newsgraph/id/";

fn span(start: usize, text: &str) -> TextSpan {
    TextSpan {
        start,
        end: start + text.chars().count(),
        text: text.to_string(),
    }
}

fn actor(id: &str, name: &str, kind: ActorKind) -> ActorRecord {
    ActorRecord {
        id: id.into(),
        iri: format!("{B}actor/{}", crate::resolve::name_key(name)),
        name: name.into(),
        kind,
        aliases: vec![],
        roles: vec![],
        mentions: vec![],
    }
}

fn record() -> Record {
    let mut lavrov = actor("a1", "Sergei Lavrov", ActorKind::Person);
    lavrov.roles.push(RoleRecord {
        title: "Foreign Minister".into(),
        of: Some("a3".into()),
    });
    lavrov.aliases.push("Lavrov".into());
    Record {
        article: ArticleInfo {
            id: "t1".into(),
            iri: format!("{B}article/t1"),
            date: Some("2023-10-16".into()),
            title: Some("Talks".into()),
            source: "t1.txt".into(),
            url: None,
            hash: "abc".into(),
            length: 40,
        },
        actors: vec![
            lavrov,
            actor("a2", "Wang Yi", ActorKind::Person),
            actor("a3", "Russia", ActorKind::Country),
        ],
        meetings: vec![MeetingRecord {
            id: "m1".into(),
            iri: format!("{B}meeting/1"),
            participants: vec!["a1".into(), "a2".into()],
            mode: MeetingMode::Phone,
            place: None,
            date: DateRecord {
                start: Some("2023-10-14".into()),
                end: Some("2023-10-14".into()),
                text: Some("on Saturday".into()),
            },
            evidence: span(0, "Lavrov spoke by phone with Wang Yi"),
            trigger: None,
            confidence: 0.8,
        }],
        statements: vec![StatementRecord {
            id: "s1".into(),
            iri: format!("{B}statement/1"),
            speaker: Some("a1".into()),
            speaker_mention: None,
            cue: Some(span(7, "said")),
            content: span(12, "\"no\""),
            kind: StatementKind::Direct,
            date: DateRecord::default(),
            evidence: span(0, "Lavrov said \"no\""),
            confidence: 0.9,
        }],
    }
}

fn has(quads: &[Quad], s: &str, p: NamedNodeRef<'_>, o: &str) -> bool {
    quads.iter().any(|q| {
        q.subject.to_string() == s && q.predicate.as_ref() == p && q.object.to_string() == o
    })
}

#[test]
fn every_quad_is_in_the_article_graph() {
    let quads = record_quads(&record()).unwrap();
    let g = format!("<{B}article/t1>");
    assert!(quads.iter().all(|q| q.graph_name.to_string() == g));
}

#[test]
fn no_blank_nodes() {
    let quads = record_quads(&record()).unwrap();
    for q in &quads {
        assert!(matches!(q.subject, NamedOrBlankNode::NamedNode(_)), "{q}");
        assert!(!matches!(q.object, Term::BlankNode(_)), "{q}");
    }
}

#[test]
fn same_record_same_quads() {
    assert_eq!(
        record_quads(&record()).unwrap(),
        record_quads(&record()).unwrap()
    );
}

#[test]
fn phone_meeting_has_both_attendees_and_mode() {
    let quads = record_quads(&record()).unwrap();
    let m = format!("<{B}meeting/1>");
    assert!(has(
        &quads,
        &m,
        schema::ATTENDEE,
        &format!("<{B}actor/sergei-lavrov>")
    ));
    assert!(has(
        &quads,
        &m,
        schema::ATTENDEE,
        &format!("<{B}actor/wang-yi>")
    ));
    assert!(has(
        &quads,
        &m,
        crate::graph::vocab::ng::MEETING_MODE,
        &format!("<{}>", crate::graph::vocab::ng::PHONE.as_str())
    ));
    assert!(has(
        &quads,
        &m,
        time::UNIT_TYPE,
        &format!("<{}>", time::UNIT_DAY.as_str())
    ));
}

#[test]
fn meeting_with_one_known_participant_is_left_out() {
    let mut r = record();
    r.meetings[0].participants = vec!["a1".into(), "a9".into()];
    let quads = record_quads(&r).unwrap();
    assert!(!quads
        .iter()
        .any(|q| q.subject.to_string() == format!("<{B}meeting/1>")));
}

#[test]
fn membership_is_dated_by_article() {
    let quads = record_quads(&record()).unwrap();
    let m = quads
        .iter()
        .find(|q| q.predicate.as_ref() == org::MEMBER)
        .map(|q| q.subject.to_string())
        .unwrap();
    assert!(has(
        &quads,
        &m,
        org::ROLE,
        &format!("<{B}role/foreign-minister>")
    ));
    assert!(has(
        &quads,
        &m,
        org::ORGANIZATION,
        &format!("<{B}actor/russia>")
    ));
    assert!(has(
        &quads,
        &m,
        org::MEMBER_DURING,
        &format!("<{B}time/2023-10-16>")
    ));
}

#[test]
fn annotation_has_position_and_quote() {
    let quads = record_quads(&record()).unwrap();
    let exact = "\"Lavrov said \\\"no\\\"\"";
    assert!(quads
        .iter()
        .any(|q| q.predicate.as_ref() == crate::graph::vocab::oa::EXACT
            && q.object.to_string() == exact));
    let starts = quads
        .iter()
        .filter(|q| q.predicate.as_ref() == crate::graph::vocab::oa::START)
        .count();
    assert_eq!(starts, 2);
}

#[test]
fn statement_without_date_has_no_date_created() {
    let quads = record_quads(&record()).unwrap();
    assert!(!quads
        .iter()
        .any(|q| q.predicate.as_ref() == schema::DATE_CREATED));
}

#[test]
fn invalid_actor_iri_is_an_error() {
    let mut r = record();
    r.actors[0].iri = "not an iri".into();
    assert!(record_quads(&r).is_err());
}

#[test]
fn place_is_not_a_participant() {
    let mut r = record();
    r.actors.push(actor("a4", "Beijing", ActorKind::Place));
    r.meetings[0].participants = vec!["a1".into(), "a4".into()];
    let quads = record_quads(&r).unwrap();
    assert!(!quads
        .iter()
        .any(|q| q.subject.to_string() == format!("<{B}meeting/1>")));
}

#[test]
fn nquads_text_is_what_a_serialiser_writes_for_its_quads() {
    let mut r = record();
    r.statements[0].content = span(12, "\"a\\b\"\t\u{1}\u{7F}\u{FFFE}\u{FFFF} é ￼");
    let n = record_nquads_with_base(&r, B).unwrap();
    let quads = n.to_quads("t1").unwrap();
    let written: String = quads.iter().map(|q| format!("{q} .\n")).collect();
    assert_eq!(String::from_utf8(n.text).unwrap(), written);
    assert_eq!(n.quads, quads.len());
}

#[test]
fn nquads_lines_are_sorted_and_distinct() {
    let n = record_nquads_with_base(&record(), B).unwrap();
    let text = String::from_utf8(n.text).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn activity_is_written_once_for_two_annotations() {
    let quads = record_quads(&record()).unwrap();
    let labels = quads
        .iter()
        .filter(|q| q.predicate.as_ref() == schema::SOFTWARE_VERSION)
        .count();
    assert_eq!(labels, 1);
}

#[test]
fn parse_day_reads_what_chrono_reads() {
    for s in [
        "2023-10-16",
        "2023-02-30",
        "0000-01-01",
        "2023-00-10",
        "2023-1-5",
        " 2023-10-16",
        "+2023-10-16",
        "2023-10-16x",
        "20231016",
    ] {
        let chrono = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(parse_day(s), chrono, "{s}");
    }
}

#[test]
fn day_text_is_chrono_format() {
    for (y, m, d) in [
        (2023, 10, 6),
        (0, 1, 1),
        (9999, 12, 31),
        (10000, 1, 1),
        (-1, 5, 5),
    ] {
        let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(day_text(day), day.format("%Y-%m-%d").to_string());
    }
}
