//! Rules for unseen news: one-body meetings, present-tense captions with a past day,
//! compounds naming a dialogue's sides, and look-alikes (a thing received, a place
//! spoken from, an interview with a news outlet, a summit only talked of, a headline).

use super::*;

#[test]
fn body_members_met() {
    let (d, m) = one(
        "[NATO|org] ambassadors met Sunday in [Brussels|place] to discuss the crisis.",
        Some("2014-03-02"),
    );
    assert_eq!(names(&d, &m), ["NATO"]);
    assert_eq!(m.date.start, day("2014-03-02"));
}

#[test]
fn body_two_word_members_met() {
    let (d, m) = one(
        "[EU|org] foreign ministers met in [Brussels|place] on Monday.",
        Some("2016-07-19"),
    );
    assert_eq!(names(&d, &m), ["EU"]);
}

#[test]
fn body_members_met_an_object_is_no_body_meeting() {
    none("[EU|org] foreign ministers met the deadline on Monday.");
}

#[test]
fn body_name_deep_in_a_phrase_is_no_subject() {
    none("The crisis in [Ukraine|country] ministers met on Monday.");
}

#[test]
fn caption_meet_with_a_past_day() {
    let (d, m) = one(
        "[Putin] and [Erdogan] meet in [St. Petersburg|place], Aug. 9, 2016.",
        Some("2016-12-01"),
    );
    assert_eq!(names(&d, &m), ["Erdogan", "Putin"]);
    assert_eq!(m.date.start, day("2016-08-09"));
}

#[test]
fn bare_meet_with_a_coming_day_is_a_plan() {
    none("[Putin] and [Erdogan] meet in [Vienna|place] Monday to set up a commission.");
}

#[test]
fn dialogue_named_by_a_compound() {
    let (d, m) = one(
        "The issue was raised at the November 2015 [U.S.|country]-[Cambodia|country] Dialogue.",
        Some("2016-01-20"),
    );
    assert_eq!(names(&d, &m), ["Cambodia", "U.S."]);
}

#[test]
fn dialogue_called_for_is_no_meeting() {
    none("[Kerry] called for dialogue with [Iran|country] on Monday.");
}

#[test]
fn dialogue_without_sides_is_no_meeting() {
    none("[Kerry] and [Zarif] praised the dialogue on Monday.");
}

#[test]
fn received_money_is_no_reception() {
    none("[Cleveland|place] and [Philadelphia|place] have each received $50 million.");
}

#[test]
fn welcomed_support_is_no_reception() {
    none("[Obama] and [Merkel] welcomed the support on Monday.");
}

#[test]
fn speaking_by_phone_from_a_place_is_an_interview() {
    none("\"It is bad,\" says analyst [Giorgio Cafiero], speaking by phone from [Oman|country].");
}

#[test]
fn speaks_to_a_news_outlet_is_an_interview() {
    none("The ambassador, [Omar Zakhilwal], speaks to [VOA=Voice of America|org] in [Islamabad|place].");
}

#[test]
fn prospect_of_a_summit_is_no_summit() {
    none("The prospect of an early summit between [Trump] and [Putin] is alarming the continent.");
}

#[test]
fn headline_ends_at_its_dateline() {
    none("Afghan Talks Reflect Moves-WASHINGTON — With the [Trump] administration busy, [Russia|country] expands.");
}

#[test]
fn body_members_in_one_mention_met() {
    let (d, m) = one(
        "[NATO ambassadors=NATO|org] met Sunday in [Brussels|place].",
        Some("2014-03-02"),
    );
    assert_eq!(names(&d, &m), ["NATO"]);
}

#[test]
fn caption_confers_with() {
    let (d, m) = one(
        "[Kerry], left, confers with [Lavrov] in [Geneva|place], Sept. 9, 2016.",
        Some("2016-12-05"),
    );
    assert_eq!(names(&d, &m), ["Kerry", "Lavrov"]);
}

#[test]
fn caption_chats_with() {
    let (d, m) = one(
        "[Zarif], left, chats with [Kerry] in [Vienna|place], July 14, 2015.",
        Some("2016-12-05"),
    );
    assert_eq!(names(&d, &m), ["Kerry", "Zarif"]);
}

#[test]
fn caption_hugs() {
    let (d, m) = one(
        "[Modi] hugs [Obama] in [New Delhi|place], Jan. 25, 2015.",
        Some("2016-12-05"),
    );
    assert_eq!(names(&d, &m), ["Modi", "Obama"]);
}

#[test]
fn embraces_is_no_meeting_word() {
    none("She embraces the [Dodd-Frank|org] law and [Obama]'s plan.");
}

#[test]
fn possessor_weekday_meeting_with() {
    let (d, m) = one(
        "[Erdogan]'s Monday meeting with [Bahceli] ended without agreement.",
        Some("2016-12-07"),
    );
    assert_eq!(names(&d, &m), ["Bahceli", "Erdogan"]);
}

#[test]
fn since_in_an_apposition_is_no_habit() {
    let (d, m) = one(
        "[Tsai] and [Trump] spoke by phone on Friday, the first such contact since 1979.",
        Some("2016-12-05"),
    );
    assert_eq!(names(&d, &m), ["Trump", "Tsai"]);
}

#[test]
fn since_right_after_met_is_a_habit() {
    none("[Kerry] has met [Zarif] in [Geneva|place] since 2013.");
}

#[test]
fn a_place_named_in_a_call_is_no_participant() {
    let (d, m) = one(
        "[Trump] in a phone call with [Xi] criticized threats to the [Korean Peninsula|place].",
        Some("2017-04-24"),
    );
    assert_eq!(names(&d, &m), ["Trump", "Xi"]);
}

#[test]
fn capitals_stand_for_governments() {
    let (d, m) = one(
        "[Beijing|place] and [Manila|place] agreed on Monday after talks in [Davos|place].",
        Some("2016-12-05"),
    );
    assert_eq!(names(&d, &m), ["Beijing", "Manila"]);
}

#[test]
fn compound_summit_dated_last_week() {
    let (d, m) = one(
        "The [Trump]-[Xi] summit at Mar-a-Lago last week produced few results.",
        Some("2017-04-14"),
    );
    assert_eq!(names(&d, &m), ["Trump", "Xi"]);
}

#[test]
fn compound_summit_next_week_is_no_meeting() {
    none("The [Trump]-[Xi] summit at Mar-a-Lago next week may produce few results.");
}

#[test]
fn caption_talks_to() {
    let (d, m) = one(
        "[Merkel] talks to [Obama] in [Elmau|place], June 8, 2015.",
        Some("2016-12-05"),
    );
    assert_eq!(names(&d, &m), ["Merkel", "Obama"]);
}

#[test]
fn talks_to_end_a_war_is_no_verb() {
    none("Peace talks to end the war in [Syria|country] began.");
}

#[test]
fn talks_to_reporters_is_a_speech() {
    none("[Merkel] talks to reporters in [Berlin|place], June 8, 2015.");
}
