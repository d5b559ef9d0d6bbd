//! Unit tests of the titled-name rules (`titled.rs`), one short sentence per case.

use super::super::tests::mentions;

/// The roles ("Title of X") of the first mention written `name` in `text`.
fn roles_of(text: &str, name: &str) -> Vec<String> {
    let m = mentions(text);
    m.into_iter()
        .find(|x| x.0 == name)
        .map(|x| x.2)
        .unwrap_or_else(|| panic!("no mention {name:?} in {text:?}"))
}

#[test]
fn title_for_an_institution_apposed_before_a_name() {
    let r = roles_of(
        "A spokesman for the Iranian foreign ministry, Nasser Kanaani, said on Monday that talks would go on.",
        "Nasser Kanaani",
    );
    assert_eq!(r, ["Spokesman of Iranian foreign ministry"]);
}

#[test]
fn title_of_an_organisation_apposed_before_a_name() {
    let r = roles_of(
        "Putin met the head of the International Atomic Energy Agency, Rafael Grossi, on Thursday.",
        "Rafael Grossi",
    );
    assert_eq!(r, ["Head of International Atomic Energy Agency"]);
}

#[test]
fn possessive_title_apposed_before_a_ranked_name() {
    let r = roles_of(
        "Pakistan's army chief, General Asim Munir, met officials in Kabul.",
        "Asim Munir",
    );
    assert_eq!(r, ["Army Chief of Pakistan", "General"]);
}

#[test]
fn title_before_a_comma_and_a_clause_subject_is_no_apposition() {
    let r = roles_of(
        "According to a spokesman, Jim Smith will visit Ohio next week.",
        "Jim Smith",
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn title_before_a_name_in_a_list_is_no_apposition() {
    let r = roles_of(
        "Guests included the spokesman, Jim Smith and Ann Jones.",
        "Jim Smith",
    );
    assert!(r.is_empty(), "{r:?}");
}

#[test]
fn owner_and_office_words_before_a_title() {
    let r = roles_of(
        "Hamas political bureau chief Ismail Haniyeh met Turkish President Tayyip Erdogan.",
        "Ismail Haniyeh",
    );
    assert_eq!(r, ["Political Bureau Chief of Hamas"]);
}

#[test]
fn demonym_and_a_qualifier_before_a_title() {
    let r = roles_of(
        "Lebanese caretaker Prime Minister Najib Mikati urged restraint.",
        "Najib Mikati",
    );
    assert_eq!(r, ["Caretaker Prime Minister of Lebanese"]);
}

#[test]
fn verb_between_an_owner_and_a_title_gives_no_role_of_it() {
    let r = roles_of(
        "Israel appointed army chief Herzi Halevi in January.",
        "Herzi Halevi",
    );
    assert_eq!(r, ["Army Chief"]);
}

#[test]
fn title_opening_the_sentence_describes_the_subject_after_it() {
    let r = roles_of(
        "As an investor, William A. Ackman lives or dies by his big bets.",
        "William A. Ackman",
    );
    assert_eq!(r, ["Investor"]);
}

#[test]
fn apposed_name_may_go_on_with_its_court() {
    let r = roles_of(
        "He criticised the judge, Gonzalo P. Curiel of United States District Court, on Monday.",
        "Gonzalo P. Curiel",
    );
    assert_eq!(r, ["Judge"]);
}

#[test]
fn form_of_address_takes_no_office_words() {
    let r = roles_of(
        "Many Republicans fear Mrs. Clinton would win easily.",
        "Clinton",
    );
    assert!(r.iter().all(|t| !t.contains("Fear")), "{r:?}");
}

#[test]
fn title_only_mention_keeps_its_plain_title() {
    let m = mentions("A Hamas political bureau spokesman said the talks failed.");
    let t = m.iter().find(|x| x.0.contains("spokesman")).expect("title");
    assert_eq!(t.2, ["Spokesman of Hamas"]);
}

#[test]
fn title_after_a_possessive_is_apposed_to_the_name() {
    let r = roles_of(
        "The Taliban said the group's supreme leader, Haibatullah Akhundzada, had approved it.",
        "Haibatullah Akhundzada",
    );
    assert_eq!(r, ["Supreme Leader"]);
}

#[test]
fn institution_before_a_title_is_part_of_the_office() {
    let r = roles_of(
        "Foreign ministry spokeswoman Maria Zakharova said the talks were useful.",
        "Maria Zakharova",
    );
    assert_eq!(r, ["Foreign Ministry Spokeswoman"]);
}

#[test]
fn institution_and_title_apposed_before_a_name() {
    let r = roles_of(
        "A presidency spokesman, Ajuri Ngelale, said in a statement that it was done.",
        "Ajuri Ngelale",
    );
    assert_eq!(r, ["Presidency Spokesman"]);
}

#[test]
fn affairs_minister_is_one_title() {
    let r = roles_of(
        "External Affairs Minister Subrahmanyam Jaishankar is due to visit Kyiv.",
        "Subrahmanyam Jaishankar",
    );
    assert_eq!(r, ["External Affairs Minister"]);
}

#[test]
fn commission_of_an_organisation_owns_the_title() {
    let r = roles_of(
        "African Union Commission chairperson Moussa Faki Mahamat welcomed the talks.",
        "Moussa Faki Mahamat",
    );
    assert_eq!(r, ["Chairperson of African Union Commission"]);
}

#[test]
fn plural_collective_owns_no_title_after_it() {
    let r = roles_of(
        "If the Syrian refugees President Obama wants to admit arrive, they will settle.",
        "Obama",
    );
    assert_eq!(r, ["President"]);
}
