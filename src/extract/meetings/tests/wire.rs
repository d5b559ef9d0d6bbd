//! Wire-style news (datelines, show and book titles, party members, hyphenated pairs,
//! background years): errors found by running newsgraph on Reuters/AP-style text.

use super::*;

#[test]
fn a_datelines_agency_is_no_participant() {
    let (d, m) = one(
        "[SINGAPORE|country] ([Reuters|org]) - [Kim Jong Un] and [Donald Trump] shook hands at the start of their historic summit on Tuesday.",
        Some("2018-06-12"),
    );
    assert_eq!(names(&d, &m), ["Donald Trump", "Kim Jong Un"]);
}

#[test]
fn a_datelines_city_and_region_are_no_participants() {
    let (d, m) = one(
        "[KYIV|place], [Ukraine|country] ([AP=Associated Press|org]) — [Zelenskyy] and [Macron] held their talks on Tuesday.",
        Some("2022-08-03"),
    );
    assert_eq!(names(&d, &m), ["Macron", "Zelenskyy"]);
}

#[test]
fn a_show_named_with_an_ampersand_is_no_participant() {
    none("[Trump] spoke with [Fox] & [Friends] on Thursday.");
}

#[test]
fn a_quoted_book_title_is_no_participant() {
    let (d, m) = one(
        "In his book \"The [Art] of the [Deal],\" [Trump] described talks with [Ivana].",
        Some("2017-01-18"),
    );
    assert_eq!(names(&d, &m), ["Ivana", "Trump"]);
}

#[test]
fn a_quote_after_a_work_noun_is_a_title() {
    none("[Pompeo] spoke with the show \"[Face] the [Nation]\" on Sunday.");
}

#[test]
fn a_party_member_who_met_is_the_person() {
    let (d, m) = one(
        "Senator [Bob Corker], a [Tennessee|place] [Republican=Republican Party|org] who has met with [Putin], said the talks were useful.",
        Some("2018-07-17"),
    );
    assert_eq!(names(&d, &m), ["Bob Corker", "Putin"]);
}

#[test]
fn a_party_member_is_no_participant_on_its_own() {
    none("A [Republican=Republican Party|org] met [Putin] last year, a source said.");
}

#[test]
fn a_background_year_of_a_participant_dates_no_meeting() {
    let (_, m) = one(
        "[Clinton] first won the state in 1992. [He|pronoun:Clinton] met with Mayor [Ted Gatsas] at a diner in [Nashua|place].",
        Some("2016-01-05"),
    );
    assert_eq!(m.date.start, None);
}

#[test]
fn the_latest_occasion_is_inherited_over_a_background_year() {
    let (d, ms) = run(
        "[Clinton] met [Yeltsin] in [Moscow|place] on Monday. [Clinton] was elected in 1992. [He|pronoun:Clinton] also met [Gorbachev].",
        Some("2016-01-06"),
    );
    let g = ms
        .iter()
        .find(|m| names(&d, m).contains(&"Gorbachev".to_string()))
        .expect("the Gorbachev meeting");
    assert_eq!(g.date.start, day("2016-01-04"));
}

#[test]
fn a_visit_a_day_before_is_another_occasion() {
    let (d, ms) = run(
        "[Biden] met [Duda] in [Warsaw|place] on Tuesday, a day after his surprise visit to [Kyiv|place].",
        Some("2023-02-21"),
    );
    let warsaw = ms
        .iter()
        .find(|m| names(&d, m).contains(&"Duda".to_string()))
        .expect("the Warsaw meeting");
    assert_eq!(names(&d, warsaw), ["Biden", "Duda"]);
}

#[test]
fn two_sides_held_talks() {
    let (d, m) = one(
        "[Israeli|demonym:Israel] and [Palestinian officials|demonym:Palestine] held talks in [Jerusalem|place] on Monday.",
        Some("2022-03-29"),
    );
    assert_eq!(names(&d, &m), ["Israel", "Palestine"]);
}

#[test]
fn a_pair_split_inside_one_word_names_the_summits_sides() {
    // The mention finder puts a mention on each half of "Trump-Putin".
    let (d, m) = one(
        "After the [Trump]-[Putin] summit in [Helsinki|place] on Monday, critics were furious.",
        Some("2018-07-17"),
    );
    assert_eq!(names(&d, &m), ["Putin", "Trump"]);
}

#[test]
fn a_title_with_of_before_the_second_name_keeps_it() {
    let mut d = doc(
        "[Iranian|demonym:Iran] Foreign Minister [Zarif] and [U.S.|country] Secretary of State [John Kerry] met for a final session.",
        Some("2015-07-14"),
    );
    // The mention finder gives the title as a role of the name.
    let kerry = d.mentions.len() - 1;
    let t0 = d.body().find("Secretary").unwrap();
    d.mentions[kerry].roles.push(crate::nlp::Role {
        title: "Secretary of State".into(),
        of: Some(kerry - 1),
        span: Span::new(t0, t0 + "Secretary of State".len()),
    });
    let m = extract(&d);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(names(&d, &m[0]), ["John Kerry", "Zarif"]);
}

#[test]
fn a_virtual_summit_is_a_video_meeting() {
    let (_, m) = one(
        "[Biden] and [Xi] held a virtual summit on Monday evening.",
        Some("2021-11-16"),
    );
    assert_eq!(m.mode, MeetingMode::Video);
}

#[test]
fn told_during_hours_of_talks() {
    let (d, m) = one(
        "[Putin] told [Macron] during five hours of talks at the [Kremlin|org] on Monday that he would not escalate.",
        Some("2022-02-08"),
    );
    assert_eq!(names(&d, &m), ["Macron", "Putin"]);
}

#[test]
fn talks_with_two_and_no_subject_name_one_side_only() {
    none("The pontiff also held one-on-one talks with [Modi] and [Zelenskyy].");
}

#[test]
fn told_during_talks_after_a_dateline() {
    let (d, m) = one(
        "[MOSCOW|place] ([AP=Associated Press|org]) — [Russian|demonym:Russia] President [Putin] told [Macron] during talks at the [Kremlin|org] on Monday that he would not escalate.",
        Some("2022-02-08"),
    );
    assert_eq!(names(&d, &m), ["Macron", "Putin"]);
}

/// Gives mention `m` of `d` the role `title`, written where `title` first occurs.
fn with_role(mut d: Doc, m: usize, title: &str) -> Doc {
    let t0 = d.body().find(title).unwrap();
    d.mentions[m].roles.push(crate::nlp::Role {
        title: title.into(),
        of: None,
        span: Span::new(t0, t0 + title.len()),
    });
    d
}

#[test]
fn an_employer_before_a_title_is_no_participant() {
    let d = with_role(
        doc(
            "Peace is far, says [State Analytics] founder [Giorgio Cafiero], speaking by phone from [Oman|country]",
            Some("2016-01-05"),
        ),
        1,
        "founder",
    );
    let m = extract(&d);
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn a_headline_welcomes_a_thing_a_country_qualifies() {
    none("[St. Louis|place] Welcomes Second [US|country] Presidential Debate");
}

#[test]
fn welcomed_new_sanctions_a_country_qualifies() {
    none("[Zelenskiy] welcomed new [U.S.|country] sanctions on Friday.");
}

#[test]
fn a_place_before_visit_is_its_destination() {
    let (d, m) = one(
        "[Pope Francis]’ [U.S.|country] visit has spawned a wave of memorabilia.",
        Some("2015-09-25"),
    );
    assert_eq!(names(&d, &m), ["Pope Francis", "U.S."]);
    assert_eq!(m.mode, MeetingMode::Visit);
}

#[test]
fn the_owner_before_a_place_before_trip_is_the_visitor() {
    let (d, m) = one(
        "In the final [Mass] of [his|pronoun:Francis] [Mexico|country] trip, [Francis] told a story.",
        Some("2016-02-20"),
    );
    assert_eq!(names(&d, &m), ["Francis", "Mexico"]);
}

#[test]
fn the_subject_of_a_since_clause() {
    let (d, m) = one(
        "This is the first face-to-face meeting between the two men since [Trump] abruptly ended an introductory phone call with [Turnbull] in February.",
        Some("2017-05-04"),
    );
    assert_eq!(names(&d, &m), ["Trump", "Turnbull"]);
    assert_eq!(m.mode, MeetingMode::Phone);
}

#[test]
fn a_visit_a_day_before_takes_no_date_of_the_clause() {
    let (d, ms) = run(
        "[Biden] met [Duda] in [Warsaw|place] on Tuesday, a day after his surprise visit to [Kyiv|place].",
        Some("2023-02-21"),
    );
    let kyiv = ms
        .iter()
        .find(|m| names(&d, m).contains(&"Kyiv".to_string()))
        .expect("the Kyiv visit");
    assert_eq!(kyiv.date.start, None);
}

#[test]
fn the_two_leaders_are_the_two_named_just_before() {
    let (d, m) = one(
        "[Modi] told [Putin] on Friday that now was not the time for war. The two leaders met on the sidelines of the summit.",
        Some("2022-09-16"),
    );
    assert_eq!(names(&d, &m), ["Modi", "Putin"]);
}

#[test]
fn the_two_leaders_name_no_one_after_three() {
    none("[Modi] told [Putin] and [Xi] that now was not the time for war. The two leaders met on the sidelines of the summit.");
}

#[test]
fn a_talk_the_sentence_later_calls_the_call_is_by_phone() {
    let (_, m) = one(
        "[Turnbull] said Thursday he had spoken candidly and frankly with [Trump], but would not confirm a report that [Trump] had cut the call short.",
        Some("2017-02-02"),
    );
    assert_eq!(m.mode, MeetingMode::Phone);
}

#[test]
fn an_agency_opening_a_sentence_is_no_participant() {
    let (d, m) = one(
        "([AP=Associated Press|org]) — President [Joe Biden] hosted [Fumio Kishida] at [Camp David|place] on Friday.",
        Some("2023-08-18"),
    );
    assert_eq!(names(&d, &m), ["Fumio Kishida", "Joe Biden"]);
}

#[test]
fn spoke_on_a_weekday_with() {
    let (d, m) = one(
        "[Biden] spoke on Tuesday with [Macron], his team said.",
        Some("2020-11-10"),
    );
    assert_eq!(names(&d, &m), ["Biden", "Macron"]);
    assert_eq!(m.date.start, day("2020-11-10"));
}

#[test]
fn spoke_with_the_leaders_of_several_countries_is_one_talk_each() {
    let (_, m) = run(
        "[Biden] spoke on Tuesday with the leaders of [Britain|country], [France|country] and [Germany|country].",
        Some("2020-11-10"),
    );
    assert_eq!(m.len(), 3, "{m:?}");
}

#[test]
fn held_quoted_adjectives_talks() {
    let (d, m) = one(
        "[Jake Sullivan] and [Wang Yi] held \"candid, substantive and constructive\" talks in [Bangkok|place] on Friday, the [White House|org] said.",
        Some("2024-01-26"),
    );
    assert_eq!(names(&d, &m), ["Jake Sullivan", "Wang Yi"]);
}

#[test]
fn a_denied_meeting_is_no_meeting() {
    none("The [White House|org] denied on Tuesday that President [Barack Obama] had met with [Iranian officials|demonym:Iran] during his trip.");
}
