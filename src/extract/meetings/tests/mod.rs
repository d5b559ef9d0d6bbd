//! Rule tests on short hand-written sentences. Mentions are marked by hand
//! (`[Name]`, `[Name|kind]`, `[Marzouk=Mousa Abu Marzook]`) so the tests do not depend
//! on the mention finder. The tests are split by rule family into the files below;
//! this file holds the document builder they share.

use chrono::NaiveDate;

use super::extract;
use crate::corpus::Article;
use crate::extract::{Meeting, MeetingMode};
use crate::nlp::{ActorKind, Doc, Entity, Mention, MentionKind, Span};

/// Builds a document from marked text: `[text]` is a person name; `[text|country]`,
/// `[text|place]`, `[text|org]`, `[text|group]`, `[text|demonym:Country]`,
/// `[text|pronoun:Entity]`; `[text=Entity]` names the entity it refers to.
fn doc(marked: &str, date: Option<&str>) -> Doc {
    let mut body = String::new();
    let mut marks: Vec<(Span, String, String)> = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        body.push_str(&rest[..open]);
        let close = rest[open..].find(']').unwrap() + open;
        let inner = &rest[open + 1..close];
        let (text_ent, kind) = match inner.split_once('|') {
            Some((a, b)) => (a, b.to_string()),
            None => (inner, "person".to_string()),
        };
        let (text, ent) = match text_ent.split_once('=') {
            Some((a, b)) => (a, b.to_string()),
            None => (text_ent, text_ent.to_string()),
        };
        let start = body.len();
        body.push_str(text);
        let (kind, ent) = match kind.split_once(':') {
            Some((k, e)) => (k.to_string(), e.to_string()),
            None => (kind, ent),
        };
        marks.push((Span::new(start, body.len()), kind, ent));
        rest = &rest[close + 1..];
    }
    body.push_str(rest);
    let article = Article {
        id: "t".into(),
        date: date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        title: None,
        url: None,
        body,
        source: "test".into(),
        line: None,
    };
    let mut d = Doc::new(article);
    crate::nlp::tokens::tokenize(&mut d);
    crate::nlp::sentences::split(&mut d);
    crate::nlp::quotes::find(&mut d);
    crate::nlp::times::find(&mut d);
    for (span, kind, ent) in marks {
        let (mk, ak) = match kind.as_str() {
            "country" => (MentionKind::Name, ActorKind::Country),
            "place" => (MentionKind::Name, ActorKind::Place),
            "org" => (MentionKind::Name, ActorKind::Organization),
            "group" => (MentionKind::Nominal, ActorKind::Group),
            "demonym" => (MentionKind::Demonym, ActorKind::Country),
            "pronoun" => (MentionKind::Pronoun, ActorKind::Person),
            _ => (MentionKind::Name, ActorKind::Person),
        };
        let e = match d.entities.iter().position(|x| x.name == ent) {
            Some(i) => i,
            None => {
                d.entities.push(Entity {
                    name: ent.clone(),
                    kind: ak,
                    canonical: None,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                });
                d.entities.len() - 1
            }
        };
        d.entities[e].mentions.push(d.mentions.len());
        d.mentions.push(Mention {
            span,
            kind: mk,
            actor_kind: ak,
            canonical: None,
            roles: Vec::new(),
            entity: Some(e),
        });
    }
    d
}

fn names(d: &Doc, m: &Meeting) -> Vec<String> {
    let mut v: Vec<String> = m
        .participants
        .iter()
        .map(|&e| d.entities[e].name.clone())
        .collect();
    v.sort();
    v
}

fn run(marked: &str, date: Option<&str>) -> (Doc, Vec<Meeting>) {
    let d = doc(marked, date);
    let m = extract(&d);
    (d, m)
}

fn one(marked: &str, date: Option<&str>) -> (Doc, Meeting) {
    let (d, m) = run(marked, date);
    assert_eq!(m.len(), 1, "{m:?}");
    let m = m.into_iter().next().unwrap();
    (d, m)
}

fn none(marked: &str) {
    let (_, m) = run(marked, Some("2023-10-26"));
    assert!(m.is_empty(), "expected no meeting in {marked:?}: {m:?}");
}

fn day(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

mod details;
mod filters;
mod general;
mod news_lines;
mod nominal;
mod subjects;
mod verbs;
mod wire;
