//! Tests that adding more reports of the same facts (a copy of an article under
//! another id, more articles with the commoner spelling) never changes the IRIs the
//! earlier articles already have: an incremental ingest then re-links nothing.

use super::tests::{actor, meeting, pair_record, record, statement};
use super::*;
use crate::extract::*;

/// Every article's IRIs, by article id.
type Iris = Vec<(String, Vec<String>)>;

/// Every IRI of the records, by article id.
fn iris(recs: &[Record]) -> Iris {
    let mut out: Vec<(String, Vec<String>)> = recs
        .iter()
        .map(|r| (r.article.id.clone(), index::iris(r)))
        .collect();
    out.sort();
    out
}

/// The IRIs of `recs` resolved alone, and resolved with `more` added.
fn before_and_after(recs: Vec<Record>, more: Vec<Record>) -> (Iris, Iris) {
    let ids: Vec<String> = recs.iter().map(|r| r.article.id.clone()).collect();
    let mut alone = recs.clone();
    resolve_corpus(&mut alone, DEFAULT_BASE);
    let mut all = recs;
    all.extend(more);
    resolve_corpus(&mut all, DEFAULT_BASE);
    all.retain(|r| ids.contains(&r.article.id));
    (iris(&alone), iris(&all))
}

#[test]
fn more_of_the_rarer_spelling_keeps_the_actor_iri() {
    let person =
        |id: &str, name: &str| record(id, None, vec![actor("a1", name, ActorKind::Person)]);
    let recs = vec![
        person("a", "Adolf Hitler"),
        person("b", "Adolf Hitler"),
        person("c", "Adolph Hitler"),
    ];
    let more = vec![person("d", "Adolph Hitler"), person("e", "Adolph Hitler")];
    let (before, after) = before_and_after(recs, more);
    assert_eq!(before, after);
}

#[test]
fn undated_meeting_keeps_its_iri_when_a_copy_sorts_first() {
    let undated = |id: &str| pair_record(id, None, meeting("m1", &["a1", "a2"], None, None, None));
    let (before, after) =
        before_and_after(vec![undated("x~2"), undated("x~3")], vec![undated("x~10")]);
    assert_eq!(before, after);
}

#[test]
fn reworded_statement_keeps_its_iri_when_a_copy_sorts_first() {
    let who = || vec![actor("a1", "Hossein Amirabdollahian", ActorKind::Person)];
    let said = |id: &str, text: &str| {
        let mut r = record(id, None, who());
        r.statements.push(statement("s1", "a1", text));
        r
    };
    let one = "we do not welcome the expansion of the war in the region today";
    let two = "we do not welcome any expansion of the war in the region today";
    let (before, after) = before_and_after(
        vec![said("b~2", one), said("c~2", two)],
        vec![said("a~10", two)],
    );
    assert_eq!(before, after);
}

#[test]
fn two_undated_meetings_of_one_pair_in_one_article_stay_two() {
    let mut r = pair_record("x", None, meeting("m1", &["a1", "a2"], None, None, None));
    r.meetings
        .push(meeting("m2", &["a1", "a2"], None, None, None));
    let mut recs = vec![r];
    let view = resolve_corpus(&mut recs, DEFAULT_BASE);
    assert_ne!(recs[0].meetings[0].iri, recs[0].meetings[1].iri);
    assert_eq!(view.meetings.len(), 2);
}
