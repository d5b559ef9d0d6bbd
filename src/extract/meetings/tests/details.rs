//! Dates, places and merging: what a meeting inherits from nearby sentences and when two tellings are one.

use super::*;

#[test]
fn an_earlier_meeting_does_not_take_the_date_told_before() {
    let (d, m) = run(
        "[Marzook] met [Bogdanov] in [Moscow|place] on Thursday. [Marzook] travelled there after an earlier meeting in [Doha|place] with [Kani].",
        Some("2023-10-27"),
    );
    let doha = m
        .iter()
        .find(|x| d.text(x.evidence).contains("Doha"))
        .expect("the Doha meeting");
    assert_eq!(doha.date.start, None);
}

#[test]
fn said_on_monday_does_not_date_the_meeting() {
    let (_, m) = one(
        "[Abbas] met [Kerry] in [Amman|place], officials said on Monday.",
        Some("2016-04-04"),
    );
    assert_eq!(m.date.start, None);
}

#[test]
fn separate_places_stay_separate_meetings() {
    let (_, m) = run("[Marzook] met [Bogdanov] in [Moscow|place]. [Marzook] met [Bogdanov] in [Doha|place] earlier.", None);
    assert_eq!(m.len(), 2);
}

#[test]
fn a_second_account_merges() {
    let (d, m) = run("[Marzook] met [Bogdanov] in [Moscow|place] on Thursday. [Marzook] and [Bogdanov] discussed hostages with [Kani].", Some("2023-10-27"));
    assert_eq!(m.len(), 1);
    assert_eq!(names(&d, &m[0]), ["Bogdanov", "Kani", "Marzook"]);
}

#[test]
fn undated_meeting_takes_the_date_told_just_before() {
    let (_, m) = run(
        "The summit opened on Saturday in Brussels. [Merkel] met with [Hollande].",
        Some("2016-06-15"),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].date.start, day("2016-06-11"));
}

#[test]
fn welcomed_to_a_city_is_the_place() {
    let (d, m) = one(
        "[Erdogan] welcomed [Orban] to [Ankara|place] on Monday.",
        Some("2023-10-21"),
    );
    assert_eq!(d.entities[m.place.expect("a place")].name, "Ankara");
}

#[test]
fn the_situation_in_a_place_is_no_meeting_place() {
    let (_, m) = one(
        "[Sisi] met [Abdullah] on Monday and discussed the situation in [Gaza|place].",
        Some("2023-10-21"),
    );
    assert_eq!(m.place, None);
}

#[test]
fn roundup_paragraph_about_other_people_takes_no_date() {
    let (d, m) = run(
        "[Macron] met [Netanyahu] in [Tel Aviv|place] on Tuesday. [Erdogan] welcomed [Orban] to [Ankara|place].",
        Some("2023-10-21"),
    );
    let ankara = m
        .iter()
        .find(|x| d.text(x.evidence).contains("Orban"))
        .expect("the Ankara visit");
    assert_eq!(ankara.date.start, None);
}

#[test]
fn earlier_occasion_does_not_inherit_the_previous_date() {
    let (_, ms) = run(
        "[Amirabdollahian] met with [Ismail Haniyeh] on Saturday in [Qatar|country]. Earlier, [Raisi] held a phone call with [Emmanuel Macron].",
        Some("2023-10-16"),
    );
    let call = ms
        .iter()
        .find(|m| m.mode == MeetingMode::Phone)
        .expect("the call");
    assert_eq!(call.date.start, None);
}

#[test]
fn separate_calls_are_one_meeting_each() {
    let (d, m) = run(
        "[Trump] made separate telephone calls to the leaders of [Japan|country], [China|country] and [Germany|country].",
        None,
    );
    assert_eq!(m.len(), 3);
    assert_eq!(names(&d, &m[0]), ["Japan", "Trump"]);
}

#[test]
fn call_and_spoke_with_in_one_sentence_are_one_phone_call() {
    let (_, m) = one(
        "In a much anticipated call, [Trump] also spoke with [Putin], agreeing to cooperate.",
        None,
    );
    assert_eq!(m.mode, MeetingMode::Phone);
}

#[test]
fn building_named_organisation_is_the_place() {
    let (d, m) = one(
        "[Obama] met [Sanders] at the [White House|org] on Wednesday.",
        None,
    );
    assert_eq!(
        m.place.map(|p| d.entities[p].name.clone()),
        Some("White House".into())
    );
}

#[test]
fn time_of_a_later_when_clause_does_not_date_the_meeting() {
    let (_, m) = one(
        "[Obama] met [Sanders], an idea raised when the two men talked last month.",
        Some("2016-01-27"),
    );
    assert_eq!(m.date.start, None);
}

#[test]
fn present_perfect_does_not_inherit_a_date() {
    let (_, m) = run(
        "[Obama] won in 2008. [Obama] has met previously with [Clinton].",
        Some("2016-01-28"),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].date.start, None);
}

#[test]
fn the_meeting_with_one_of_them_is_the_meeting_just_told() {
    let (_, m) = run(
        "They sent [Eggleston] to the Hill for a meeting with [Pelosi] and [Reid] on Tuesday. The meeting with [Eggleston] delayed the news conference.",
        Some("2016-01-13"),
    );
    assert_eq!(m.len(), 1);
}

#[test]
fn reference_back_counts_from_the_latest_retelling() {
    let (_, m) = run(
        "[Eggleston] met [Pelosi] on Tuesday. A. B. C. D. E. F. [Eggleston]'s meeting with [Pelosi] was tense. G. The meeting with [Eggleston] delayed the event.",
        Some("2016-01-13"),
    );
    assert_eq!(m.len(), 1, "{m:?}");
}

#[test]
fn place_told_just_before_with_a_participant() {
    let (d, m) = one(
        "[Sanders] took a detour Wednesday to stop at the [White House|org]. Emerging from a meeting with [Obama], [Sanders] said it went well.",
        Some("2016-01-28"),
    );
    assert_eq!(
        m.place.map(|p| d.entities[p].name.clone()),
        Some("White House".into())
    );
}

#[test]
fn visited_to_meet_is_one_meeting() {
    let (d, m) = one(
        "Judge [Garland] visited the [Capitol|place] on Thursday to meet with [Harry Reid] and [Pat Leahy].",
        Some("2016-03-18"),
    );
    assert!(names(&d, &m).contains(&"Harry Reid".to_string()));
    assert!(names(&d, &m).contains(&"Garland".to_string()));
}

#[test]
fn city_naming_the_summit_is_its_place() {
    let (d, m) = one(
        "[Merkel] and [Orban] attended the [Brussels|place] summit on Sunday.",
        Some("2015-10-26"),
    );
    assert_eq!(
        m.place.map(|p| d.entities[p].name.clone()).as_deref(),
        Some("Brussels")
    );
}

#[test]
fn telling_with_an_unnamed_group_joins_the_meeting_just_told() {
    let (d, m) = run(
        "[Trump] met [Netanyahu] on Monday. [Trump] also met [members of the delegation|group].",
        Some("2017-02-16"),
    );
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(
        names(&d, &m[0]),
        ["Netanyahu", "Trump", "members of the delegation"]
    );
}
