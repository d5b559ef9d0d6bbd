//! Unit tests of the `coref` pass's name rules, one short text per case.

use crate::nlp::mentions::tests::doc;
use crate::nlp::Doc;

/// The name of the entity of the first mention written `text`.
fn entity_of<'a>(d: &'a Doc, text: &str) -> Option<&'a str> {
    let m = d.mentions.iter().find(|m| d.text(m.span) == text)?;
    Some(d.entities[m.entity?].name.as_str())
}

#[test]
fn article_prefixed_surname_keeps_the_full_name() {
    let d = doc("President Abdel Fattah al-Sisi spoke on Monday. Sisi said Egypt would help.");
    assert_eq!(entity_of(&d, "Sisi"), Some("Abdel Fattah al-Sisi"));
}

#[test]
fn article_prefixed_name_alone_is_a_name() {
    let d = doc("Bashar al-Assad met the envoy. Later al-Assad spoke.");
    assert_eq!(entity_of(&d, "al-Assad"), Some("Bashar al-Assad"));
}

#[test]
fn surname_first_name_is_found_by_its_first_word() {
    let d = doc("Chinese President Xi Jinping met Putin. Xi said ties were strong.");
    assert_eq!(entity_of(&d, "Xi"), Some("Xi Jinping"));
}

#[test]
fn first_word_of_two_people_joins_neither() {
    let d = doc("Kim Jong Un met Kim Yo Jong on Monday. Kim said nothing.");
    assert_eq!(entity_of(&d, "Kim"), Some("Kim"));
}

#[test]
fn english_word_is_no_first_name() {
    let d = doc("Fans bought the Liberty Forward album. Liberty spoke later.");
    assert_ne!(entity_of(&d, "Liberty"), Some("Liberty Forward"));
}

#[test]
fn counterpart_takes_the_title_of_the_other_side() {
    let d = doc("Chinese Foreign Minister Wang Yi spoke with his Iranian counterpart Hossein Amirabdollahian.");
    let m = d
        .mentions
        .iter()
        .find(|m| d.text(m.span) == "Hossein Amirabdollahian")
        .and_then(|m| m.entity)
        .expect("an entity");
    let titles: Vec<&str> = d.entities[m]
        .roles
        .iter()
        .map(|r| r.title.as_str())
        .collect();
    assert_eq!(titles, ["Foreign Minister"]);
}

#[test]
fn indefinite_title_introduces_someone_new() {
    let d = doc("Campaign spokesman Brian Fallon replied on Twitter. Later a spokesman said the emails were classified.");
    let m = d
        .mentions
        .iter()
        .find(|m| d.text(m.span) == "spokesman")
        .expect("the title-only mention");
    assert_eq!(m.entity, None);
}

#[test]
fn definite_title_joins_its_holder() {
    let d = doc("Campaign spokesman Brian Fallon replied on Twitter. Later the spokesman said the emails were classified.");
    assert_eq!(entity_of(&d, "spokesman"), Some("Brian Fallon"));
}

#[test]
fn indefinite_title_opening_a_sentence_introduces_someone_new() {
    let d = doc(
        "Spokesman Brian Fallon replied on Twitter. A spokesman said the emails were classified.",
    );
    let m = d
        .mentions
        .iter()
        .find(|m| d.text(m.span) == "spokesman")
        .expect("the title-only mention");
    assert_eq!(m.entity, None);
}

#[test]
fn name_read_in_the_wrong_encoding_is_one_person_spelt_right() {
    let d = doc("Mexican President Enrique PeÃ±a Nieto met Trump. PeÃ±a Nieto said no.");
    assert_eq!(
        entity_of(&d, "Enrique PeÃ±a Nieto"),
        Some("Enrique Peña Nieto")
    );
}

#[test]
fn possessive_in_a_reporting_tail_is_the_subjects() {
    let d = doc("Benjamin Netanyahu met envoy Amos Hochstein on Thursday, his office said.");
    assert_eq!(entity_of(&d, "his"), Some("Benjamin Netanyahu"));
}
