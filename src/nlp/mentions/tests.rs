//! Unit tests of the `mentions` and `coref` passes, one short sentence per case.

use crate::corpus::Article;
use crate::nlp::{annotate, ActorKind, Doc, MentionKind};

/// The annotated document of one short text (shared by the rule files' own tests and
/// `coref`'s).
pub(in crate::nlp) fn doc(text: &str) -> Doc {
    annotate(Article {
        id: "t".into(),
        date: None,
        title: None,
        url: None,
        body: text.into(),
        source: "t".into(),
        line: None,
    })
}

/// (mention text, kind, roles as "Title of X")
pub(super) fn mentions(text: &str) -> Vec<(String, MentionKind, Vec<String>)> {
    let d = doc(text);
    d.mentions
        .iter()
        .map(|m| {
            let roles = m
                .roles
                .iter()
                .map(|r| match r.of {
                    Some(o) => format!("{} of {}", r.title, d.text(d.mentions[o].span)),
                    None => r.title.clone(),
                })
                .collect();
            (d.text(m.span).to_string(), m.kind, roles)
        })
        .collect()
}

fn entity_of<'a>(d: &'a Doc, text: &str) -> Option<&'a str> {
    let m = d.mentions.iter().find(|m| d.text(m.span) == text)?;
    Some(d.entities[m.entity?].name.as_str())
}

#[test]
fn possessive_country_title_name() {
    let m = mentions("Iran's Foreign Minister Hossein Amirabdollahian has warned.");
    assert_eq!(m[0].0, "Iran");
    assert_eq!(m[1].0, "Hossein Amirabdollahian");
    assert_eq!(m[1].2, ["Foreign Minister of Iran"]);
}

#[test]
fn demonym_title_name() {
    let m = mentions("He met Russian deputy foreign minister Mikhail Bogdanov.");
    let b = m.iter().find(|x| x.0 == "Mikhail Bogdanov").unwrap();
    assert_eq!(b.2, ["Deputy Foreign Minister of Russian"]);
}

#[test]
fn modifier_org_title_name() {
    let m = mentions("Senior Hamas member Abu Marzouk was among those attending.");
    assert_eq!(m[0].0, "Hamas");
    assert_eq!(m[1].0, "Abu Marzouk");
    assert_eq!(m[1].2, ["Member of Hamas"]);
}

#[test]
fn apposition_gives_roles() {
    let m = mentions("Mousa Abu Marzook, the founder and political leader of Hamas, was there.");
    assert_eq!(m[0].0, "Mousa Abu Marzook");
    assert_eq!(m[0].2, ["Founder of Hamas", "Political Leader of Hamas"]);
}

#[test]
fn title_before_comma_name() {
    let m = mentions("He met the Iranian deputy foreign minister, Ali Bagheri Kani.");
    let b = m.iter().find(|x| x.0 == "Ali Bagheri Kani").unwrap();
    assert_eq!(b.2, ["Deputy Foreign Minister of Iranian"]);
}

#[test]
fn institution_of_country() {
    let d = doc("The Russian foreign ministry said so.");
    assert_eq!(
        d.mentions[0].canonical.as_deref(),
        Some("Russian Foreign Ministry")
    );
    assert_eq!(d.mentions[0].actor_kind, ActorKind::Organization);
}

#[test]
fn collective_stands_for_its_owner() {
    let d = doc("A Hamas delegation held talks with Russian officials.");
    assert_eq!(entity_of(&d, "Hamas delegation"), Some("Hamas"));
    assert_eq!(entity_of(&d, "Russian officials"), Some("Russia"));
}

#[test]
fn surname_joins_full_name() {
    let d = doc("Mousa Abu Marzook arrived. Marzook, who lives in Qatar, met Abu Marzook's hosts.");
    assert_eq!(entity_of(&d, "Marzook"), Some("Mousa Abu Marzook"));
    assert_eq!(entity_of(&d, "Abu Marzook"), Some("Mousa Abu Marzook"));
}

#[test]
fn turkey_is_turkiye() {
    let d = doc("Turkey and Türkiye are one.");
    assert_eq!(d.mentions[0].entity, d.mentions[1].entity);
}

#[test]
fn pronoun_skips_names_inside_quotes() {
    let d = doc("John Kirby spoke. \"Ask Mary Smith,\" he said.");
    assert_eq!(entity_of(&d, "he"), Some("John Kirby"));
}

#[test]
fn title_only_joins_holder() {
    let d =
        doc("Russian deputy foreign minister Mikhail Bogdanov spoke. The deputy minister left.");
    assert_eq!(entity_of(&d, "deputy minister"), Some("Mikhail Bogdanov"));
}

#[test]
fn weekdays_are_not_names() {
    let m = mentions("On Thursday the talks ended.");
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn abbreviated_title_takes_its_period() {
    let m = mentions("Sen. Bernie Sanders spoke.");
    assert_eq!(m[0].0, "Bernie Sanders");
    assert_eq!(m[0].2, ["Sen"]);
}

#[test]
fn curly_possessive_matches_lexicon_forms() {
    let d = doc("Russia’s foreign ministry said so.");
    assert_eq!(
        d.mentions[0].canonical.as_deref(),
        Some("Russian Foreign Ministry")
    );
}

#[test]
fn sentence_initial_surname_before_a_verb_is_a_name() {
    let m =
        mentions("Trump suggested he changed his mind after meeting with General James Mattis.");
    assert!(m.iter().any(|x| x.0 == "Trump"), "{m:?}");
}

#[test]
fn sentence_initial_common_word_used_in_lower_case_is_no_name() {
    let m = mentions("Rain delayed the vote. The rain stopped later.");
    assert!(!m.iter().any(|x| x.0 == "Rain"), "{m:?}");
}

#[test]
fn sentence_initial_surname_and_his_is_a_name() {
    let m = mentions("Trump and his aides have been meeting with party officials this week.");
    assert!(m.iter().any(|x| x.0 == "Trump"), "{m:?}");
}

#[test]
fn sentence_dense_with_names_is_no_headline() {
    let names: Vec<String> = mentions("Vladimir Putin met Xi Jinping on Monday.")
        .into_iter()
        .map(|(t, _, _)| t)
        .collect();
    assert_eq!(names, ["Vladimir Putin", "Xi Jinping"]);
}

#[test]
fn title_case_headline_keeps_only_names_the_body_confirms() {
    let names: Vec<String> = mentions("Chris Christie Calls Hillary Clinton a Liar")
        .into_iter()
        .map(|(t, _, _)| t)
        .collect();
    assert!(!names.iter().any(|n| n == "Chris Christie"), "{names:?}");
}

#[test]
fn party_state_tag_is_no_mention() {
    let d = doc("Senate Minority Leader Harry M. Reid (D-Nev.) said he had spoken to Jeh Johnson.");
    assert!(d.mentions.iter().all(|m| d.text(m.span) != "D-Nev"));
}

#[test]
fn pronoun_after_a_party_tag_is_the_named_senator() {
    let d = doc("Harry M. Reid (D-Nev.) said he had spoken to Jeh Johnson.");
    let he = d.mentions.iter().find(|m| d.text(m.span) == "he").unwrap();
    let e = he.entity.unwrap();
    assert_eq!(d.entities[e].name, "Harry M. Reid");
}

/// (mention text, canonical name) of the group mentions.
fn groups(text: &str) -> Vec<(String, String)> {
    let d = doc(text);
    d.mentions
        .iter()
        .filter(|m| m.actor_kind == ActorKind::Group && m.kind == MentionKind::Nominal)
        .map(|m| {
            (
                d.text(m.span).to_string(),
                m.canonical.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn collective_with_a_noun_before_is_a_group() {
    assert_eq!(
        groups("Union leaders met with Governor Andrew Cuomo."),
        [("Union leaders".to_string(), "union leaders".to_string())]
    );
}

#[test]
fn collective_before_an_irregular_past_verb_is_a_group() {
    assert_eq!(
        groups("His meeting with opposition leaders came after the coup."),
        [(
            "opposition leaders".to_string(),
            "opposition leaders".to_string()
        )]
    );
}

#[test]
fn collective_with_a_phrase_after_is_a_group() {
    let g =
        groups("He met leaders in law enforcement and prominent members of the black community.");
    assert_eq!(g[0].1, "leaders in law enforcement");
    assert_eq!(g[1].0, "prominent members of the black community");
    assert_eq!(g[1].1, "members of the black community");
}

#[test]
fn demonym_qualifying_a_noun_is_part_of_the_group() {
    let g = groups("Three lawmakers met relatives of Palestinian assailants killed in clashes.");
    assert_eq!(g[0].1, "relatives of Palestinian assailants");
}

#[test]
fn place_after_in_does_not_own_the_group() {
    let g = groups("Obama met with Palestinian community leaders in Ramallah.");
    assert_eq!(g[0].1, "Palestinian community leaders");
}

#[test]
fn bare_collective_is_no_group() {
    assert!(groups("Officials said the talks failed.").is_empty());
}

#[test]
fn adjective_alone_names_no_group() {
    assert!(groups("Local officials met with Cuomo.").is_empty());
}

#[test]
fn collective_of_a_named_actor_is_no_group() {
    assert!(groups("A delegation from Hamas arrived in Moscow.").is_empty());
    assert!(groups("Officials in Iran denied it.").is_empty());
}

#[test]
fn collective_of_a_named_organisation_told_again_is_no_group() {
    assert!(
        groups("Marzook was among the delegation of the militant group who met Bogdanov.")
            .is_empty()
    );
    assert_eq!(groups("He met members of the black community.").len(), 1);
}

#[test]
fn vague_owner_names_no_group() {
    assert!(groups("Officials from both countries met.").is_empty());
}

#[test]
fn place_phrase_after_in_names_no_group() {
    assert!(groups("He visited the injured officers in the hospital.").is_empty());
}

#[test]
fn collective_owned_by_a_possessor_is_no_group() {
    assert!(groups("He met leaders of Romania's new government.").is_empty());
}

#[test]
fn collective_relative_to_a_speaker_is_no_group() {
    assert!(groups("He came out of meetings with our closest allies.").is_empty());
}

#[test]
fn anonymous_sources_are_no_group() {
    assert!(groups("Three intelligence sources spoke to Fox News.").is_empty());
}

#[test]
fn verb_after_to_is_no_modifier_of_the_group() {
    let g = groups("They urged Hamas to release civilian hostages.");
    assert!(g.iter().all(|(_, name)| !name.contains("release")), "{g:?}");
}

#[test]
fn number_word_is_no_modifier_of_the_group() {
    assert!(groups("A million civilians fled.").is_empty());
}

#[test]
fn capitalised_collective_of_a_name_is_an_organisation() {
    let d = doc("The strike ended, said the Nigerian Union of Teachers on Monday.");
    let m = d
        .mentions
        .iter()
        .find(|m| d.text(m.span) == "Nigerian Union of Teachers")
        .expect("one mention for the union");
    assert_eq!(m.actor_kind, ActorKind::Organization);
}

#[test]
fn collective_before_a_noun_is_no_group() {
    assert!(groups("He negotiated with the two main opposition parties.").is_empty());
}

#[test]
fn verb_in_s_is_no_modifier_of_the_group() {
    assert!(
        groups("The program allows foreign investors to gain citizenship.")
            .iter()
            .all(|(_, n)| !n.contains("allows"))
    );
}

#[test]
fn time_after_for_is_no_part_of_the_group() {
    assert!(groups("He met with the executives for hours.").is_empty());
}

#[test]
fn the_public_is_no_group() {
    assert!(groups("Clinton met with coal miners in West Virginia.").is_empty());
}

#[test]
fn function_word_is_no_modifier_of_the_group() {
    assert!(groups("He did not win enough delegates.").is_empty());
}

#[test]
fn modal_ends_the_phrase_of_the_group() {
    let g = groups("He said families of fallen soldiers may sue.");
    assert_eq!(g[0].1, "families of fallen soldiers");
}

/// The texts of the name mentions found in `text` (shared by the rule files' tests).
pub(super) fn names(text: &str) -> Vec<String> {
    mentions(text)
        .into_iter()
        .filter(|m| m.1 == MentionKind::Name)
        .map(|m| m.0)
        .collect()
}

#[test]
fn party_adjective_alone_is_no_person() {
    let n = names("Democratic presidential candidate Bernie Sanders spoke on Monday.");
    assert!(!n.contains(&"Democratic".to_string()), "{n:?}");
    assert!(n.contains(&"Bernie Sanders".to_string()), "{n:?}");
}

#[test]
fn contraction_opening_a_sentence_is_no_name() {
    let n = names("I'm not going anywhere, Jim Smith said.");
    assert!(!n.iter().any(|m| m.starts_with("I")), "{n:?}");
}

#[test]
fn header_word_in_capitals_is_no_name() {
    let n = names("ABSTRACT\n\nJim Smith met Ann Jones in Ohio.");
    assert!(!n.contains(&"ABSTRACT".to_string()), "{n:?}");
}

#[test]
fn acronym_in_capitals_stays_a_name() {
    let n = names("Jim Smith spoke at CPAC on Friday.");
    assert!(n.contains(&"CPAC".to_string()), "{n:?}");
}

fn kind_of(text: &str, name: &str) -> Option<ActorKind> {
    let d = doc(text);
    let m = d.mentions.iter().find(|m| d.text(m.span) == name)?;
    Some(m.actor_kind)
}

#[test]
fn compass_word_alone_is_no_person() {
    assert_eq!(
        kind_of("She won the South by a wide margin.", "South"),
        None
    );
}

#[test]
fn religion_alone_is_no_person() {
    assert_eq!(
        kind_of("He spoke about radical Islam on Monday.", "Islam"),
        None
    );
}

#[test]
fn ap_state_abbreviation_is_a_place() {
    assert_eq!(
        kind_of("The rally in Cambridge, Mass., drew students.", "Mass"),
        Some(ActorKind::Place)
    );
}

#[test]
fn city_before_state_abbreviation_is_a_place() {
    assert_eq!(
        kind_of(
            "Police in San Bernardino, Calif., named the suspect.",
            "San Bernardino"
        ),
        Some(ActorKind::Place)
    );
}

#[test]
fn dateline_in_capitals_is_a_place() {
    let text = "Title line.\nLOS ANGELES (AP) — Mayor Eric Garcetti spoke.";
    assert_eq!(kind_of(text, "LOS ANGELES"), Some(ActorKind::Place));
}

#[test]
fn run_ending_in_event_word_is_no_actor() {
    let text = "Delegates went to the Democratic National Convention in July.";
    assert_eq!(kind_of(text, "Democratic National Convention"), None);
}

#[test]
fn given_name_before_event_word_stays_person() {
    assert_eq!(
        kind_of("The singer Doris Day sang.", "Doris Day"),
        Some(ActorKind::Person)
    );
}

#[test]
fn acronym_alone_is_an_organisation() {
    assert_eq!(
        kind_of("The ad was paid for by a PAC in Ohio.", "PAC"),
        Some(ActorKind::Organization)
    );
}

#[test]
fn plural_of_surname_is_no_person() {
    let text = "Hillary Clinton spoke. Sanders has cast the Clintons as insiders.";
    assert_eq!(kind_of(text, "Clintons"), None);
}

#[test]
fn single_letter_is_no_person() {
    assert_eq!(kind_of("Gov. Rick Snyder (R) resigned.", "R"), None);
}

#[test]
fn party_tag_after_comma_is_no_actor() {
    let text = "Sen. Ted Cruz, R-Texas, spoke on Monday.";
    assert_eq!(kind_of(text, "R-Texas"), None);
}

#[test]
fn dotted_state_abbreviation_is_a_place() {
    let text = "Voters in N.H. cast their ballots.";
    assert_eq!(kind_of(text, "N.H."), Some(ActorKind::Place));
}

#[test]
fn continental_adjective_alone_is_no_person() {
    let text = "She won support among African voters.";
    assert_eq!(kind_of(text, "African"), None);
}

#[test]
fn chief_before_a_name_is_the_title() {
    let m = mentions("IAEA chief Rafael Grossi visited Tehran.");
    let g = m.iter().find(|x| x.0 == "Rafael Grossi").expect("Grossi");
    assert_eq!(g.2, ["Chief of IAEA"]);
}

#[test]
fn chief_before_a_common_word_is_no_title() {
    let m = mentions("The chief reason was money, Jim Smith said.");
    assert!(m.iter().all(|x| x.1 != MentionKind::Title), "{m:?}");
}

#[test]
fn name_the_news_writes_capitalised_opens_a_sentence() {
    let n = names("Trump and Putin met in Helsinki on Monday.");
    assert!(n.contains(&"Trump".to_string()), "{n:?}");
}
