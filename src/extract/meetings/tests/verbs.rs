//! Meeting verbs and their frames: met, spoke by phone, visited, hosted, received, talks.

use super::*;

#[test]
fn met_with_on_saturday_in_qatar() {
    let (d, m) = one(
        "[Amirabdollahian] met with Hamas leader [Ismail Haniyeh] on Saturday in [Qatar|country].",
        Some("2023-10-16"),
    );
    assert_eq!(names(&d, &m), ["Amirabdollahian", "Ismail Haniyeh"]);
    assert_eq!(m.date.start, day("2023-10-14"));
    assert_eq!(
        m.place.map(|p| d.entities[p].name.clone()),
        Some("Qatar".into())
    );
    assert_eq!(m.mode, MeetingMode::InPerson);
}

#[test]
fn held_a_phone_call_with() {
    let (d, m) = one("President [Erdogan] on Monday held a phone call with [Iranian|demonym:Iran] President [Raisi].", Some("2023-10-16"));
    assert_eq!(names(&d, &m), ["Erdogan", "Raisi"]);
    assert_eq!(m.mode, MeetingMode::Phone);
    assert_eq!(m.date.start, day("2023-10-16"));
}

#[test]
fn delegation_visited_city_for_talks() {
    let (d, m) = one("Also on Thursday, a delegation from [Hamas|org] visited [Moscow|place] for talks on hostages.", Some("2023-10-26"));
    assert_eq!(names(&d, &m), ["Hamas", "Moscow"]);
    assert_eq!(m.mode, MeetingMode::Visit);
    assert_eq!(m.date.start, day("2023-10-26"));
}

#[test]
fn landed_for_talks_with() {
    let (d, m) = one("A delegation from [Hamas|org] landed in [Moscow|place] on Thursday for talks with [Russian|demonym:Russia] officials.", Some("2023-10-27"));
    assert_eq!(names(&d, &m), ["Hamas", "Russia"]);
    assert_eq!(
        m.place.map(|p| d.entities[p].name.clone()),
        Some("Moscow".into())
    );
    assert_eq!(m.date.start, day("2023-10-26"));
}

#[test]
fn hosted_is_a_visit() {
    let (d, m) = one(
        "[Yeltsin] on Saturday hosted [Hashimoto] for an informal meeting.",
        Some("1997-11-03"),
    );
    assert_eq!(names(&d, &m), ["Hashimoto", "Yeltsin"]);
    assert_eq!(m.mode, MeetingMode::Visit);
}

#[test]
fn welcomed_a_country_delegation_is_a_visit() {
    let (_, m) = one(
        "[Putin] welcomed the [Chinese|demonym:China] delegation in [Moscow|place].",
        None,
    );
    assert_eq!(m.mode, MeetingMode::Visit);
}

#[test]
fn was_received_by() {
    let (d, m) = one("[Zarif] was received by [Rouhani] in [Tehran|place].", None);
    assert_eq!(names(&d, &m), ["Rouhani", "Zarif"]);
}

#[test]
fn spoke_by_phone() {
    let (d, m) = one(
        "[Kerry] and [Lavrov] spoke by phone Wednesday afternoon.",
        Some("2016-10-06"),
    );
    assert_eq!(names(&d, &m), ["Kerry", "Lavrov"]);
    assert_eq!(m.mode, MeetingMode::Phone);
    assert_eq!(m.date.start, day("2016-10-05"));
}

#[test]
fn telephoned() {
    let (_, m) = one(
        "[Christopher] telephoned [Kozyrev] on Tuesday to discuss peace.",
        None,
    );
    assert_eq!(m.mode, MeetingMode::Phone);
}

#[test]
fn visited_country() {
    let (d, m) = one(
        "[Taiwan|country]'s Vice Foreign Minister [Chen] visited [Russia|country] today.",
        Some("1992-09-10"),
    );
    assert_eq!(names(&d, &m), ["Chen", "Russia"]);
    assert_eq!(m.mode, MeetingMode::Visit);
}

#[test]
fn spoke_to_a_counterpart_is_a_meeting() {
    let (d, m) = one(
        "[Reid] said he had spoken to [Jeh Johnson] on Monday.",
        None,
    );
    assert_eq!(names(&d, &m), ["Jeh Johnson", "Reid"]);
}

#[test]
fn spoken_by_telephone() {
    let (_, m) = one("[Obama] and [Rouhani] have spoken by telephone.", None);
    assert_eq!(m.mode, MeetingMode::Phone);
}

#[test]
fn sit_down_to_dinner_with() {
    let (d, m) = one("[Trump] and his wife sit down to dinner with [Abe].", None);
    assert_eq!(names(&d, &m), ["Abe", "Trump"]);
}
