//! Online placement against batch resolution, on hand-built records and on the
//! sample corpus.

use super::*;
use crate::extract::{ActorKind, Record};
use crate::graph::corpus::{apply_delta, corpus_nquads, delta_lines};
use crate::resolve::tests::{actor, meeting, pair_record, record, statement};
use crate::resolve::{resolve_corpus, DEFAULT_BASE};

/// Resolves `earlier` in batch, builds its state, then places `later` online.
fn online(mut earlier: Vec<Record>, mut later: Vec<Record>) -> (State, Vec<Record>, Changes) {
    let view = resolve_corpus(&mut earlier, DEFAULT_BASE);
    let mut state = build(&earlier, &view, DEFAULT_BASE);
    let changes = place(&mut state, &mut later);
    (state, later, changes)
}

fn person(article: &str, name: &str) -> Record {
    record(article, None, vec![actor("a1", name, ActorKind::Person)])
}

fn key(r: &Record) -> &str {
    r.actors[0].iri.rsplit('/').next().unwrap_or_default()
}

#[test]
fn a_surname_joins_the_published_full_name() {
    let (_, later, _) = online(
        vec![person("a", "Mousa Abu Marzook")],
        vec![person("b", "Abu Marzouk")],
    );
    assert_eq!(key(&later[0]), "mousa-abu-marzook");
}

#[test]
fn a_fuller_name_joins_the_person_published_by_surname() {
    let (_, later, _) = online(
        vec![person("a", "Abu Marzouk"), person("b", "Abu Marzouk")],
        vec![person("c", "Mousa Abu Marzouk")],
    );
    assert_eq!(key(&later[0]), "abu-marzouk");
}

#[test]
fn a_surname_two_published_people_share_stays_apart() {
    let (_, later, changes) = online(
        vec![person("a", "Donald Trump"), person("b", "Ivanka Trump")],
        vec![person("c", "Trump")],
    );
    assert_eq!(key(&later[0]), "trump");
    assert_eq!(changes.actors["trump"].0, None);
}

#[test]
fn a_new_spelling_is_added_to_the_actors_names() {
    let (state, _, changes) = online(
        vec![person("a", "Hossein Amir-Abdollahian")],
        vec![person("b", "Hossein Amirabdollahian")],
    );
    let (before, after) = &changes.actors["hossein-amirabdollahian"];
    assert_eq!(before.as_ref().map(|b| b.spellings.len()), Some(1));
    assert_eq!(after.spellings.len(), 2);
    assert_eq!(state.actors["hossein-amirabdollahian"], *after);
}

fn talks(article: &str, day: &str) -> Record {
    pair_record(
        article,
        Some(day),
        meeting("m1", &["a1", "a2"], Some(day), None, Some("a3")),
    )
}

#[test]
fn a_report_of_a_published_meeting_joins_it() {
    let (_, later, changes) = online(
        vec![talks("a", "2023-10-26")],
        vec![talks("b", "2023-10-26")],
    );
    let mut batch = vec![talks("a", "2023-10-26"), talks("b", "2023-10-26")];
    resolve_corpus(&mut batch, DEFAULT_BASE);
    assert_eq!(later[0].meetings[0].iri, batch[0].meetings[0].iri);
    let (before, new) = &changes.meetings[&later[0].meetings[0].iri];
    assert_eq!((*before, new.len()), (1, 1));
}

#[test]
fn a_meeting_on_another_day_is_new_and_named_as_batch_names_it() {
    let (_, later, changes) = online(
        vec![talks("a", "2023-10-26")],
        vec![talks("b", "2023-11-02")],
    );
    let mut alone = vec![talks("b", "2023-11-02")];
    resolve_corpus(&mut alone, DEFAULT_BASE);
    assert_eq!(later[0].meetings[0].iri, alone[0].meetings[0].iri);
    assert_eq!(changes.meetings[&later[0].meetings[0].iri].0, 0);
}

fn said(article: &str, speaker: &str, text: &str) -> Record {
    let mut r = person(article, speaker);
    r.statements.push(statement("s1", "a1", text));
    r
}

const QUOTE: &str = "the talks in Cairo will resume next week without preconditions";

#[test]
fn a_reworded_quote_joins_the_published_statement_but_a_denial_does_not() {
    let (_, later, _) = online(
        vec![said("a", "Ann Lee", QUOTE)],
        vec![
            said(
                "b",
                "Ann Lee",
                "talks in Cairo will resume next week without any preconditions",
            ),
            said(
                "c",
                "Ann Lee",
                "the talks in Cairo will not resume next week without preconditions",
            ),
        ],
    );
    let mut batch = vec![said("a", "Ann Lee", QUOTE)];
    resolve_corpus(&mut batch, DEFAULT_BASE);
    assert_eq!(later[0].statements[0].iri, batch[0].statements[0].iri);
    assert_ne!(later[1].statements[0].iri, batch[0].statements[0].iri);
}

#[test]
fn the_same_words_by_another_speaker_are_another_statement() {
    let (_, later, _) = online(
        vec![said("a", "Ann Lee", QUOTE)],
        vec![said("b", "Bob Roe", QUOTE)],
    );
    let mut batch = vec![said("a", "Ann Lee", QUOTE)];
    resolve_corpus(&mut batch, DEFAULT_BASE);
    assert_ne!(later[0].statements[0].iri, batch[0].statements[0].iri);
}

/// The sample corpus, and copies of two of its articles under new ids.
fn sample_and_copies() -> (Vec<Record>, Vec<Record>) {
    use crate::corpus::{read_inputs, ReadOptions};
    use crate::extract::{extract_article, Config};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (articles, _) = read_inputs(&[dir], &ReadOptions::default());
    assert!(articles.len() >= 5, "the sample corpus is readable");
    let config = Config::default();
    let records: Vec<Record> = articles
        .into_iter()
        .map(|a| extract_article(a, &config))
        .collect();
    let copies = records
        .iter()
        .take(2)
        .map(|r| {
            let mut c = r.clone();
            c.article.id = format!("copy-{}", r.article.id);
            c
        })
        .collect();
    (records, copies)
}

#[test]
fn copies_placed_online_match_one_batch_resolution_of_everything() {
    let (earlier, copies) = sample_and_copies();
    let mut first = earlier.clone();
    let view = resolve_corpus(&mut first, DEFAULT_BASE);
    let before = corpus_nquads(&view, DEFAULT_BASE);
    let (_, later, changes) = online(earlier.clone(), copies.clone());
    let mut all: Vec<Record> = earlier.into_iter().chain(copies).collect();
    let view_all = resolve_corpus(&mut all, DEFAULT_BASE);
    for r in &later {
        let batch = all.iter().find(|b| b.article.id == r.article.id);
        assert_eq!(Some(r), batch, "article {}", r.article.id);
    }
    let (removed, added) = delta_lines(&changes, DEFAULT_BASE);
    assert!(!added.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&apply_delta(&before, &removed, &added)),
        String::from_utf8_lossy(&corpus_nquads(&view_all, DEFAULT_BASE))
    );
}

#[test]
fn the_sample_corpus_in_two_parts_groups_facts_as_one_batch() {
    let (records, _) = sample_and_copies();
    let (earlier, later) = records.split_at(3);
    let (_, placed, _) = online(earlier.to_vec(), later.to_vec());
    let mut all = records.clone();
    resolve_corpus(&mut all, DEFAULT_BASE);
    // Facts of the later articles fall together (or apart) as in one batch.
    let group = |recs: &[Record]| -> std::collections::BTreeSet<Vec<(String, String)>> {
        let mut by_iri: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for r in recs
            .iter()
            .filter(|r| later.iter().any(|l| l.article.id == r.article.id))
        {
            for a in &r.actors {
                by_iri
                    .entry(a.iri.clone())
                    .or_default()
                    .push((r.article.id.clone(), a.id.clone()));
            }
            for m in &r.meetings {
                by_iri
                    .entry(m.iri.clone())
                    .or_default()
                    .push((r.article.id.clone(), m.id.clone()));
            }
        }
        by_iri.into_values().collect()
    };
    assert_eq!(group(&placed), group(&all));
}
