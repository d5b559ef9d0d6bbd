//! Unit tests of the name rules of wire-style news: particles inside names, a
//! country's collective behind a field word, words in capitals that name nothing.
//! One short case per test; the helpers are `tests`'.

use super::tests::{doc, mentions, names};
use crate::nlp::Doc;

fn entity_of<'a>(d: &'a Doc, text: &str) -> Option<&'a str> {
    let m = d.mentions.iter().find(|m| d.text(m.span) == text)?;
    Some(d.entities[m.entity?].name.as_str())
}

#[test]
fn two_particles_stay_inside_the_name() {
    let n = names("European Commission President Ursula von der Leyen met him.");
    assert!(n.contains(&"Ursula von der Leyen".to_string()), "{n:?}");
}

#[test]
fn one_particle_stays_inside_the_name() {
    let n = names("Brazilian President Luiz Inácio Lula da Silva spoke.");
    assert!(n.contains(&"Luiz Inácio Lula da Silva".to_string()), "{n:?}");
}

#[test]
fn particle_before_a_lower_case_word_ends_the_name() {
    let n = names("Jim Smith de facto runs the party.");
    assert!(n.contains(&"Jim Smith".to_string()), "{n:?}");
}

#[test]
fn particle_at_the_end_of_the_sentence_ends_the_name() {
    let m = mentions("The man who spoke was Jim Smith de.");
    assert!(m.iter().any(|x| x.0 == "Jim Smith"), "{m:?}");
}

#[test]
fn zu_is_a_particle() {
    let n = names("Karl-Theodor zu Guttenberg resigned.");
    assert!(n.contains(&"Karl-Theodor zu Guttenberg".to_string()), "{n:?}");
}

#[test]
fn country_owns_its_trade_negotiators() {
    let d = doc("Chinese trade negotiators arrived in Washington.");
    assert_eq!(entity_of(&d, "Chinese trade negotiators"), Some("China"));
}

#[test]
fn possessive_country_owns_its_nuclear_negotiators() {
    let d = doc("Iran's nuclear negotiators arrived in Vienna.");
    assert_eq!(entity_of(&d, "Iran's nuclear negotiators"), Some("Iran"));
}

#[test]
fn organisation_owns_its_security_officials() {
    let d = doc("Hamas security officials arrived in Cairo.");
    assert_eq!(entity_of(&d, "Hamas security officials"), Some("Hamas"));
}

#[test]
fn community_leaders_stay_a_group() {
    let d = doc("Obama met with Palestinian community leaders in Ramallah.");
    assert_eq!(
        entity_of(&d, "Palestinian community leaders"),
        Some("Palestinian community leaders")
    );
}
