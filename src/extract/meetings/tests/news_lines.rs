//! One-line news and photo captions (the second blind M2E2 set): meetings told in a
//! caption, between adverbs, or only spoken of.

use super::*;

#[test]
fn talk_of_a_summit_is_no_meeting() {
    none("Talk of an early summit between [Trump] and [Putin] is alarming the continent.");
}

#[test]
fn visitors_of_a_sight_meet_no_one() {
    none("[Erica] and [Jahnte Bates] from [Chicago|place] were visiting the arch with their son.");
}

#[test]
fn a_joint_visit_to_a_place_stays() {
    let (d, m) = one(
        "[Obama] and [Abe] visited [Pearl Harbor|place] on Tuesday.",
        Some("2016-12-28"),
    );
    assert_eq!(names(&d, &m), ["Abe", "Obama", "Pearl Harbor"]);
}

#[test]
fn caption_speaks_to_is_in_person_at_its_place() {
    let (d, m) = one(
        "[Russia|country] Foreign Minister [Sergei Lavrov], left, speaks to [John Kerry] prior to their news conference in [Vienna|place], [Austria|country], May 17, 2016",
        Some("2016-05-17"),
    );
    assert_eq!(m.mode, MeetingMode::InPerson);
    assert_eq!(m.date.start, day("2016-05-17"));
    assert_eq!(m.place.map(|p| d.entities[p].name.as_str()), Some("Vienna"));
}

#[test]
fn spoken_candidly_and_frankly_with() {
    let (d, m) = one(
        "[Malcolm Turnbull] said Thursday he had spoken candidly and frankly with [Donald Trump].",
        Some("2017-02-02"),
    );
    assert_eq!(names(&d, &m), ["Donald Trump", "Malcolm Turnbull"]);
}

#[test]
fn both_countries_with_no_meeting_before_leave_the_pair_dialogue() {
    let (d, m) = one(
        "Officials from both countries attended the [U.S.|country]-[Cambodia|country] Dialogue in [Washington|place].",
        Some("2016-02-14"),
    );
    assert_eq!(names(&d, &m), ["Cambodia", "U.S."]);
}

#[test]
fn caption_talks_on_a_cellphone_to() {
    let (d, m) = one(
        "[Jim Obergefell], center, talks on a cellphone to [President Barack Obama=Barack Obama] on the steps of the court, June 26, 2015",
        Some("2015-06-26"),
    );
    assert_eq!(names(&d, &m), ["Barack Obama", "Jim Obergefell"]);
    assert_eq!(m.mode, MeetingMode::Phone);
}

#[test]
fn before_a_court_in_an_aside_opens_no_clause() {
    let (d, m) = one(
        "[Jim Obergefell], the plaintiff in the case before the [Supreme Court|org], center, talks on a cellphone to [President Barack Obama=Barack Obama], June 26, 2015",
        Some("2015-06-26"),
    );
    assert_eq!(names(&d, &m), ["Barack Obama", "Jim Obergefell"]);
}

#[test]
fn verbless_caption_with_is_a_meeting() {
    let (d, m) = one(
        "U.N. Secretary-General [Ban Ki-moon], left, with Iraqi Prime Minister [Haider al-Abadi] in [Baghdad|place], March 26, 2016",
        Some("2016-03-27"),
    );
    assert_eq!(names(&d, &m), ["Ban Ki-moon", "Haider al-Abadi"]);
    assert_eq!(m.date.start, day("2016-03-26"));
    assert_eq!(
        m.place.map(|p| d.entities[p].name.as_str()),
        Some("Baghdad")
    );
}

#[test]
fn caption_with_after_a_verb_is_left_to_the_verb() {
    none("[Ban Ki-moon] arrives with [Haider al-Abadi] in [Baghdad|place], March 26, 2016");
}

#[test]
fn a_and_b_shook_hands() {
    let (d, m) = one(
        "[Obama] and [Castro] shook hands in [Panama City|place].",
        Some("2015-04-12"),
    );
    assert_eq!(names(&d, &m), ["Castro", "Obama"]);
}

#[test]
fn headline_before_a_dateline_lends_no_subject() {
    let (d, m) = one(
        "A Year After Rapprochement, [Cubans=Cuba|country] Still Waiting for Change-WASHINGTON — A year ago, after months of secret negotiations, the leaders of [Cuba|country] and the [U.S.|country] announced the two nations were restoring ties",
        Some("2015-12-17"),
    );
    assert_eq!(names(&d, &m), ["Cuba", "U.S."]);
}

#[test]
fn object_of_the_verb_after_an_aside_is_no_subject() {
    none("Trump, in the phone call with [Xi], criticized [North Korea|country]'s belligerence.");
}
