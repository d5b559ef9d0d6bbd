//! Tests of resolution steered by an actor dictionary, on hand-built records.

use super::*;
use crate::resolve::dictionary::{Dictionary, DictionaryFormat};

fn dict(tsv: &str) -> Dictionary {
    Dictionary::parse("d.tsv", tsv.as_bytes(), DictionaryFormat::Tsv)
        .unwrap()
        .0
}

fn people(names: &[&str]) -> Vec<Record> {
    names
        .iter()
        .enumerate()
        .map(|(k, n)| {
            record(
                &format!("r{k}"),
                None,
                vec![actor("a1", n, ActorKind::Person)],
            )
        })
        .collect()
}

fn iris(recs: &[Record]) -> Vec<String> {
    recs.iter().map(|r| r.actors[0].iri.clone()).collect()
}

#[test]
fn listed_aliases_merge_where_fuzzy_matching_would_not() {
    let names = ["Mahmoud Abbas", "Abu Mazen"];
    let mut plain = people(&names);
    resolve_corpus(&mut plain, DEFAULT_BASE);
    assert_ne!(iris(&plain)[0], iris(&plain)[1]);
    let d = dict("Mahmoud Abbas\tperson\tAbu Mazen\n");
    let mut recs = people(&names);
    let view = resolve_corpus_with(&mut recs, DEFAULT_BASE, Some(&d));
    let key = name_key("Mahmoud Abbas");
    assert_eq!(iris(&recs), vec![actor_iri(DEFAULT_BASE, &key); 2]);
    assert_eq!(view.actors.name[&key], "Mahmoud Abbas");
    assert!(view.actors.spellings[&key].contains("Abu Mazen"));
}

#[test]
fn similar_entries_stay_apart() {
    let names = ["Mohammad Bagheri", "Mohammed Bagheri"];
    let mut plain = people(&names);
    resolve_corpus(&mut plain, DEFAULT_BASE);
    assert_eq!(iris(&plain)[0], iris(&plain)[1]);
    let d = dict("Mohammad Bagheri\tperson\nMohammed Bagheri\tperson\n");
    let mut recs = people(&names);
    resolve_corpus_with(&mut recs, DEFAULT_BASE, Some(&d));
    assert_ne!(iris(&recs)[0], iris(&recs)[1]);
}

#[test]
fn a_spelling_close_to_two_entries_joins_neither() {
    let d = dict("Mohammad Bagheri\tperson\nMohammed Bagheri\tperson\n");
    let mut recs = people(&["Mohammad Bagheri", "Muhammed Bagheri"]);
    resolve_corpus_with(&mut recs, DEFAULT_BASE, Some(&d));
    assert_ne!(iris(&recs)[0], iris(&recs)[1]);
}

#[test]
fn dictionary_name_becomes_canonical_and_key() {
    let d = dict("Hossein Amir-Abdollahian\tperson\tAmirabdollahian\tQ5908604\n");
    let mut recs = people(&["Hossein Amirabdollahian", "Amirabdollahian"]);
    let view = resolve_corpus_with(&mut recs, DEFAULT_BASE, Some(&d));
    let key = name_key("Hossein Amir-Abdollahian");
    assert_eq!(iris(&recs), vec![actor_iri(DEFAULT_BASE, &key); 2]);
    let facts = view.dictionary.unwrap();
    assert_eq!(
        facts.actors[&key].same_as,
        ["http://www.wikidata.org/entity/Q5908604"]
    );
}

#[test]
fn unlisted_people_are_still_found() {
    let d = dict("Mahmoud Abbas\tperson\n");
    let mut recs = people(&["Mousa Abu Marzook", "Abu Marzouk"]);
    let view = resolve_corpus_with(&mut recs, DEFAULT_BASE, Some(&d));
    assert_eq!(iris(&recs)[0], iris(&recs)[1]);
    assert!(view.dictionary.unwrap().actors.is_empty());
}

#[test]
fn organisation_alias_takes_the_entry_key() {
    let d = dict("Hamas\torganization\tIslamic Resistance Movement\n");
    let mut recs = vec![record(
        "a",
        None,
        vec![actor(
            "a1",
            "Islamic Resistance Movement",
            ActorKind::Organization,
        )],
    )];
    resolve_corpus_with(&mut recs, DEFAULT_BASE, Some(&d));
    assert_eq!(recs[0].actors[0].iri, actor_iri(DEFAULT_BASE, "hamas"));
}

#[test]
fn person_entries_do_not_match_organisations() {
    let d = dict("Jordan\tperson\n");
    let mut recs = vec![record(
        "a",
        None,
        vec![actor("a1", "Jordan", ActorKind::Country)],
    )];
    let view = resolve_corpus_with(&mut recs, DEFAULT_BASE, Some(&d));
    assert!(view.actors.dictionary.is_empty());
}

#[test]
fn role_organisations_get_keys() {
    let d = dict("Ali Bagheri Kani\tperson\t\t\tDeputy Foreign Minister;Iran;2021-09-01\n");
    let mut recs = people(&["Ali Bagheri Kani"]);
    let view = resolve_corpus_with(&mut recs, DEFAULT_BASE, Some(&d));
    assert_eq!(view.dictionary.unwrap().organizations["Iran"], "iran");
}

#[test]
fn an_alias_of_the_article_does_not_pull_a_full_name_into_an_entry() {
    let d = dict("Donald Trump\tperson\tTrump\n");
    let mut ivana = actor("a1", "Ivana Trump", ActorKind::Person);
    ivana.aliases.push("Trump".into());
    let mut recs = vec![
        record("a", None, vec![ivana]),
        record("b", None, vec![actor("a1", "Trump", ActorKind::Person)]),
    ];
    resolve_corpus_with(&mut recs, DEFAULT_BASE, Some(&d));
    assert_eq!(
        recs[0].actors[0].iri,
        actor_iri(DEFAULT_BASE, "ivana-trump")
    );
    assert_eq!(
        recs[1].actors[0].iri,
        actor_iri(DEFAULT_BASE, "donald-trump")
    );
}
