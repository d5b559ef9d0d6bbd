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
    assert!(
        n.contains(&"Luiz Inácio Lula da Silva".to_string()),
        "{n:?}"
    );
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
    assert!(
        n.contains(&"Karl-Theodor zu Guttenberg".to_string()),
        "{n:?}"
    );
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

#[test]
fn weekday_in_capitals_is_no_name() {
    let n = names("MONDAY, Oct. 3 -- Walter Mondale spoke in Minneapolis.");
    assert!(!n.contains(&"MONDAY".to_string()), "{n:?}");
}

#[test]
fn month_in_capitals_is_no_name() {
    let n = names("The talks will resume in JANUARY, Jim Smith said.");
    assert!(!n.contains(&"JANUARY".to_string()), "{n:?}");
}

#[test]
fn common_words_in_capitals_are_no_name() {
    let n = names("Jim Smith said the MEETING WAS DELAYED.");
    assert_eq!(n, ["Jim Smith"]);
}

#[test]
fn name_in_capitals_stays_a_name() {
    let n = names("WALTER MONDALE spoke in Minneapolis.");
    assert!(n.contains(&"WALTER MONDALE".to_string()), "{n:?}");
}

#[test]
fn surname_in_capitals_the_text_writes_as_a_name_stays() {
    let n = names("George Bush spoke. Later BUSH SAID it went well.");
    assert!(n.contains(&"BUSH".to_string()), "{n:?}");
}

#[test]
fn country_in_capitals_inside_a_line_is_the_country() {
    let d = doc("Jim Smith said: MAKE MEXICO GREAT AGAIN.");
    assert_eq!(entity_of(&d, "MEXICO"), Some("Mexico"));
}

#[test]
fn plural_of_a_common_word_in_capitals_is_no_name() {
    let n = names("Jim Smith said the BOMBERS were gone.");
    assert_eq!(n, ["Jim Smith"]);
}

#[test]
fn dateline_in_capitals_stays_a_place() {
    let d = doc("MOSCOW (Reuters) - Jim Smith met Ann Jones.");
    assert_eq!(entity_of(&d, "MOSCOW"), Some("Moscow"));
}

#[test]
fn contraction_in_capitals_is_no_name() {
    let n = names("Jim Smith said IOWA DOESN’T MATTER.");
    assert!(!n.iter().any(|x| x.contains("DOESN")), "{n:?}");
}

#[test]
fn english_word_opening_a_quotation_is_no_name() {
    let n = names("Issa said, “Well, this is where her judgment is in question.”");
    assert_eq!(n, ["Issa"]);
}

#[test]
fn show_title_word_in_quotes_is_no_name() {
    let n = names("Carson said on “Meet the Press” that he expects to be vetted.");
    assert!(!n.contains(&"Meet".to_string()), "{n:?}");
}

#[test]
fn name_opening_a_quotation_stays_a_name() {
    let n = names("He said: “Trump is wrong,” and left.");
    assert_eq!(n, ["Trump"]);
}

#[test]
fn number_word_alone_is_no_name() {
    let n = names("Schumer was part of the Gang of Eight in the Senate.");
    assert!(!n.contains(&"Eight".to_string()), "{n:?}");
}

#[test]
fn particles_after_a_title_open_the_surname() {
    let m = mentions("Commission President von der Leyen met Li Qiang.");
    let v = m.iter().find(|x| x.0 == "von der Leyen");
    assert!(v.is_some_and(|v| v.2 == ["President"]), "{m:?}");
}

#[test]
fn particle_the_text_writes_inside_a_full_name_opens_the_surname() {
    let d = doc("Mayor Bill de Blasio spoke. Later de Blasio said it went well.");
    assert_eq!(entity_of(&d, "de Blasio"), Some("Bill de Blasio"));
}

#[test]
fn particle_before_a_lexicon_name_is_no_name() {
    let n = names("He rode in the Tour de France.");
    assert!(!n.iter().any(|x| x.starts_with("de")), "{n:?}");
}

#[test]
fn particles_are_known_and_english_words_are_not() {
    use super::chunks::is_particle;
    for p in ["al", "de", "zu", "al-", "von", "bint", "della"] {
        assert!(is_particle(p), "{p}");
    }
    for w in ["a", "do", "and", "the", "ten", "dell", "vons"] {
        assert!(!is_particle(w), "{w}");
    }
}

#[test]
fn a_word_before_a_weekday_names_the_day() {
    for text in [
        "Clinton and Trump won big on Super Tuesday.",
        "Ahead of Black Friday, Sanders said he would fight on.",
        "Crowds gathered on Easter Sunday in Rome.",
    ] {
        let n = names(text);
        for day in ["Super", "Black", "Easter"] {
            assert!(!n.contains(&day.to_string()), "{text}: {n:?}");
        }
    }
}

#[test]
fn a_name_before_a_weekday_stays_a_name() {
    let n = names("President Barack Obama met him. Obama Tuesday signed the order.");
    assert!(n.contains(&"Obama".to_string()), "{n:?}");
    let n = names("Reporters asked Merkel Tuesday about the talks.");
    assert!(n.contains(&"Merkel".to_string()), "{n:?}");
}

#[test]
fn an_english_word_after_a_determiner_or_possessive_names_no_one() {
    for (text, junk) in [
        ("The District will probably always be blue.", "District"),
        ("The Latest: Cruz to give away a shotgun.", "Latest"),
        (
            "Speaking Sunday on ABC's This Week, Carson admitted it.",
            "Week",
        ),
        (
            "Half of Clinton’s State meetings were with donors.",
            "State",
        ),
        ("Access to the Internet was free.", "Internet"),
    ] {
        let n = names(text);
        assert!(!n.contains(&junk.to_string()), "{text}: {n:?}");
    }
}

#[test]
fn a_surname_after_a_determiner_stays_when_the_text_names_its_person() {
    let m = mentions("Todd Young spoke. The Young campaign said no.");
    assert!(
        m.iter().filter(|x| x.0.ends_with("Young")).count() >= 2,
        "{m:?}"
    );
    // A given name or a word the lexicon knows is kept.
    let n = names("The talks with the Pentagon and the Donald went on.");
    assert!(n.iter().any(|x| x.contains("Pentagon")), "{n:?}");
}

#[test]
fn an_english_word_glued_to_a_known_name_names_no_one() {
    for (text, junk) in [
        ("She wrote in a Baltimore Sun op-ed that he lied.", "Sun"),
        (
            "A spokesman for Priorities USA declined to comment.",
            "Priorities",
        ),
        ("He spoke after the Oklahoma City bombing.", "City"),
    ] {
        let n = names(text);
        assert!(!n.contains(&junk.to_string()), "{text}: {n:?}");
    }
    // Inside a longer capitalised run the known word may be a given name.
    let m = mentions("M. Dane Waters, whose group backs him, disagreed.");
    assert!(m.iter().any(|x| x.0.ends_with("Waters")), "{m:?}");
}
