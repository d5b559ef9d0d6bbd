//! Tests of corpus-level resolution on hand-built records.

use super::*;
use crate::extract::*;

pub(super) fn span(t: &str) -> TextSpan {
    TextSpan {
        start: 0,
        end: t.chars().count(),
        text: t.to_string(),
    }
}

pub(super) fn actor(id: &str, name: &str, kind: ActorKind) -> ActorRecord {
    ActorRecord {
        id: id.into(),
        iri: actor_iri(DEFAULT_BASE, &name_key(name)),
        name: name.into(),
        kind,
        aliases: vec![],
        roles: vec![],
        mentions: vec![span(name)],
    }
}

pub(super) fn record(id: &str, date: Option<&str>, actors: Vec<ActorRecord>) -> Record {
    Record {
        article: ArticleInfo {
            id: id.into(),
            iri: article_iri(DEFAULT_BASE, id),
            date: date.map(String::from),
            title: None,
            source: id.into(),
            url: None,
            hash: String::new(),
            length: 0,
        },
        actors,
        meetings: vec![],
        statements: vec![],
    }
}

pub(super) fn meeting(
    id: &str,
    parts: &[&str],
    day: Option<&str>,
    text: Option<&str>,
    place: Option<&str>,
) -> MeetingRecord {
    MeetingRecord {
        id: id.into(),
        iri: format!("x:{id}"),
        participants: parts.iter().map(|p| p.to_string()).collect(),
        mode: MeetingMode::InPerson,
        place: place.map(String::from),
        date: DateRecord {
            start: day.map(String::from),
            end: day.map(String::from),
            text: text.map(String::from),
        },
        evidence: span("met"),
        trigger: None,
        confidence: 0.9,
    }
}

pub(super) fn statement(id: &str, speaker: &str, content: &str) -> StatementRecord {
    StatementRecord {
        id: id.into(),
        iri: format!("x:{id}"),
        speaker: Some(speaker.into()),
        speaker_mention: None,
        cue: None,
        content: span(content),
        kind: StatementKind::Direct,
        date: DateRecord::default(),
        evidence: span(content),
        confidence: 0.9,
    }
}

fn iri_of<'a>(recs: &'a [Record], article: &str, actor: &str) -> &'a str {
    let r = recs.iter().find(|r| r.article.id == article).unwrap();
    &r.actors.iter().find(|a| a.id == actor).unwrap().iri
}

#[test]
fn transliterated_and_short_names_join_the_full_name() {
    let mut recs = vec![
        record(
            "a",
            None,
            vec![actor("a1", "Abu Marzouk", ActorKind::Person)],
        ),
        record(
            "b",
            None,
            vec![actor("a1", "Mousa Abu Marzook", ActorKind::Person)],
        ),
        record("c", None, vec![actor("a1", "Marzook", ActorKind::Person)]),
    ];
    let view = resolve_corpus(&mut recs, DEFAULT_BASE);
    let full = iri_of(&recs, "b", "a1").to_string();
    assert_eq!(iri_of(&recs, "a", "a1"), full);
    assert_eq!(iri_of(&recs, "c", "a1"), full);
    assert_eq!(
        view.actors.name[&name_key("Mousa Abu Marzook")],
        "Mousa Abu Marzook"
    );
}

#[test]
fn ambiguous_surname_stays_apart() {
    let mut recs = vec![
        record(
            "a",
            None,
            vec![actor("a1", "Hillary Clinton", ActorKind::Person)],
        ),
        record(
            "b",
            None,
            vec![actor("a1", "Bill Clinton", ActorKind::Person)],
        ),
        record("c", None, vec![actor("a1", "Clinton", ActorKind::Person)]),
    ];
    resolve_corpus(&mut recs, DEFAULT_BASE);
    assert_ne!(iri_of(&recs, "a", "a1"), iri_of(&recs, "b", "a1"));
    assert_ne!(iri_of(&recs, "c", "a1"), iri_of(&recs, "a", "a1"));
    assert_ne!(iri_of(&recs, "c", "a1"), iri_of(&recs, "b", "a1"));
}

pub(super) fn pair_record(id: &str, date: Option<&str>, m: MeetingRecord) -> Record {
    let mut r = record(
        id,
        date,
        vec![
            actor("a1", "Mousa Abu Marzook", ActorKind::Person),
            actor("a2", "Mikhail Bogdanov", ActorKind::Person),
            actor("a3", "Moscow", ActorKind::Place),
            actor("a4", "Doha", ActorKind::Place),
        ],
    );
    r.meetings.push(m);
    r
}

#[test]
fn undated_thursday_joins_dated_thursday_meeting() {
    let mut recs = vec![
        pair_record(
            "x",
            Some("2023-10-26"),
            meeting(
                "m1",
                &["a1", "a2"],
                Some("2023-10-26"),
                Some("on Thursday"),
                Some("a3"),
            ),
        ),
        pair_record(
            "y",
            None,
            meeting("m1", &["a1", "a2"], None, Some("Thursday"), Some("a3")),
        ),
    ];
    let view = resolve_corpus(&mut recs, DEFAULT_BASE);
    assert_eq!(recs[0].meetings[0].iri, recs[1].meetings[0].iri);
    let m = &view.meetings[&recs[0].meetings[0].iri];
    assert_eq!(m.sources.len(), 2);
    assert_eq!(m.start.as_deref(), Some("2023-10-26"));
}

#[test]
fn same_pair_on_different_days_or_places_stays_apart() {
    let mut recs = vec![
        pair_record(
            "x",
            None,
            meeting("m1", &["a1", "a2"], Some("2023-10-26"), None, Some("a3")),
        ),
        pair_record(
            "y",
            None,
            meeting("m1", &["a1", "a2"], Some("2023-10-12"), None, Some("a3")),
        ),
        pair_record(
            "z",
            None,
            meeting("m1", &["a1", "a2"], None, None, Some("a4")),
        ),
    ];
    resolve_corpus(&mut recs, DEFAULT_BASE);
    assert_ne!(recs[0].meetings[0].iri, recs[1].meetings[0].iri);
    assert_ne!(recs[0].meetings[0].iri, recs[2].meetings[0].iri);
    assert_ne!(recs[1].meetings[0].iri, recs[2].meetings[0].iri);
}

#[test]
fn reworded_quote_is_one_statement_but_denial_is_not() {
    let who = || vec![actor("a1", "Hossein Amirabdollahian", ActorKind::Person)];
    let mut a = record("a", None, who());
    a.statements.push(statement("s1", "a1", "I say frankly to the American statesmen, who are now managing the genocide in Palestine, that we do not welcome (an)expansion of the war in the region"));
    let mut b = record("b", None, who());
    b.statements.push(statement("s1", "a1", "I say frankly to the American statesman, who are now managing the genocide in Palestine, that we do not welcome the expansion of war in the region"));
    let mut c = record("c", None, who());
    c.statements.push(statement(
        "s1",
        "a1",
        "Iran is ready to release the hostages held in Gaza today",
    ));
    let mut d = record("d", None, who());
    d.statements.push(statement(
        "s1",
        "a1",
        "Iran is not ready to release the hostages held in Gaza today",
    ));
    let mut recs = vec![a, b, c, d];
    let view = resolve_corpus(&mut recs, DEFAULT_BASE);
    assert_eq!(recs[0].statements[0].iri, recs[1].statements[0].iri);
    assert_ne!(recs[2].statements[0].iri, recs[3].statements[0].iri);
    assert_eq!(view.statements[&recs[0].statements[0].iri].sources.len(), 2);
}

#[test]
fn order_of_records_does_not_matter() {
    let build = || {
        vec![
            pair_record(
                "x",
                Some("2023-10-26"),
                meeting("m1", &["a1", "a2"], Some("2023-10-26"), None, Some("a3")),
            ),
            pair_record(
                "y",
                None,
                meeting("m1", &["a1", "a2"], None, Some("Thursday"), Some("a3")),
            ),
            record(
                "z",
                None,
                vec![actor("a1", "Abu Marzouk", ActorKind::Person)],
            ),
        ]
    };
    let mut one = build();
    let mut two = build();
    two.reverse();
    resolve_corpus(&mut one, DEFAULT_BASE);
    resolve_corpus(&mut two, DEFAULT_BASE);
    assert_eq!(one, two);
}

#[test]
fn compatriots_are_not_the_same_participants() {
    // Two meetings in one country whose people only share affiliations stay apart.
    let mut a = record(
        "a",
        None,
        vec![
            actor("a1", "Ali Bagheri Kani", ActorKind::Person),
            actor("a2", "Mousa Abu Marzook", ActorKind::Person),
            actor("a3", "Iran", ActorKind::Country),
            actor("a4", "Hamas", ActorKind::Organization),
        ],
    );
    a.actors[0].roles.push(RoleRecord {
        title: "Deputy Foreign Minister".into(),
        of: Some("a3".into()),
    });
    a.actors[1].roles.push(RoleRecord {
        title: "Founder".into(),
        of: Some("a4".into()),
    });
    a.meetings
        .push(meeting("m1", &["a1", "a2"], None, None, None));
    let mut b = record(
        "b",
        Some("2023-10-16"),
        vec![
            actor("a1", "Hossein Amirabdollahian", ActorKind::Person),
            actor("a2", "Ismail Haniyeh", ActorKind::Person),
            actor("a3", "Iran", ActorKind::Country),
            actor("a4", "Hamas", ActorKind::Organization),
        ],
    );
    b.actors[0].roles.push(RoleRecord {
        title: "Foreign Minister".into(),
        of: Some("a3".into()),
    });
    b.actors[1].roles.push(RoleRecord {
        title: "Leader".into(),
        of: Some("a4".into()),
    });
    b.meetings
        .push(meeting("m1", &["a1", "a2"], Some("2023-10-14"), None, None));
    let mut recs = vec![a, b];
    resolve_corpus(&mut recs, DEFAULT_BASE);
    assert_ne!(recs[0].meetings[0].iri, recs[1].meetings[0].iri);
}

#[test]
fn organisation_and_its_official_overlap() {
    let mut a = record(
        "a",
        None,
        vec![
            actor("a1", "Hamas", ActorKind::Organization),
            actor("a2", "Russia", ActorKind::Country),
        ],
    );
    a.meetings
        .push(meeting("m1", &["a1", "a2"], Some("2023-10-26"), None, None));
    let mut b = record(
        "b",
        None,
        vec![
            actor("a1", "Mousa Abu Marzook", ActorKind::Person),
            actor("a2", "Mikhail Bogdanov", ActorKind::Person),
            actor("a3", "Hamas", ActorKind::Organization),
            actor("a4", "Russia", ActorKind::Country),
        ],
    );
    b.actors[0].roles.push(RoleRecord {
        title: "Founder".into(),
        of: Some("a3".into()),
    });
    b.actors[1].roles.push(RoleRecord {
        title: "Deputy Foreign Minister".into(),
        of: Some("a4".into()),
    });
    b.meetings
        .push(meeting("m1", &["a1", "a2"], Some("2023-10-26"), None, None));
    let mut recs = vec![a, b];
    resolve_corpus(&mut recs, DEFAULT_BASE);
    assert_eq!(recs[0].meetings[0].iri, recs[1].meetings[0].iri);
}

#[path = "dictionary_resolution_tests.rs"]
mod dictionary_resolution;

#[test]
fn unnamed_groups_of_two_articles_stay_apart() {
    let mut recs = vec![
        record(
            "a",
            None,
            vec![actor("a1", "union leaders", ActorKind::Group)],
        ),
        record(
            "b",
            None,
            vec![actor("a1", "union leaders", ActorKind::Group)],
        ),
    ];
    resolve_corpus(&mut recs, DEFAULT_BASE);
    assert_ne!(iri_of(&recs, "a", "a1"), iri_of(&recs, "b", "a1"));
}

#[test]
fn a_quote_an_article_repeats_keeps_every_source() {
    let said = |id: &str, times: usize| {
        let mut r = record(
            id,
            None,
            vec![actor("a1", "Hossein Amirabdollahian", ActorKind::Person)],
        );
        for n in 0..times {
            let text = "we do not welcome the expansion of the war in the region";
            r.statements.push(statement(&format!("s{n}"), "a1", text));
        }
        r
    };
    let mut recs = vec![said("a", 2), said("b", 2), said("c", 1)];
    let view = resolve_corpus(&mut recs, DEFAULT_BASE);
    let iri = &recs[0].statements[0].iri;
    assert!(recs
        .iter()
        .flat_map(|r| &r.statements)
        .all(|s| &s.iri == iri));
    assert_eq!(view.statements[iri].sources.len(), 3);
}

#[test]
fn a_visit_to_a_place_alone_is_no_merged_meeting() {
    let mut r = pair_record("x", None, meeting("m1", &["a1", "a3"], None, None, None));
    r.meetings
        .push(meeting("m2", &["a1", "a2"], None, None, None));
    let mut recs = vec![r];
    let view = resolve_corpus(&mut recs, DEFAULT_BASE);
    assert!(!view.meetings.contains_key(&recs[0].meetings[0].iri));
    assert!(view.meetings.contains_key(&recs[0].meetings[1].iri));
    assert_eq!(view.meetings.len(), 1);
}
