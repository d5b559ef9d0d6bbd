//! What is no meeting: planned, intended, negated, habitual, call-for, speeches, one participant.

use super::*;

#[test]
fn travelled_without_purpose_is_no_meeting() {
    none("[Marzook] travelled to [Moscow|place] last week.");
}

#[test]
fn welcomed_a_thing_a_country_qualifies_is_no_visit() {
    none("The [Syrian Coalition|org] welcomed the [U.S.=United States|country] attack on Friday.");
}

#[test]
fn will_meet_is_planned() {
    none("[Putin] will meet [Erdogan] next week.");
}

#[test]
fn is_to_meet_is_planned() {
    none("[Putin] is to meet [Erdogan] in [Sochi|place].");
}

#[test]
fn was_to_travel_to_meet_is_planned() {
    none("A team from [FDC|org] was to travel to [Moroto|place] to meet with [Besigye].");
}

#[test]
fn desire_to_meet_is_intent() {
    none("The deputy minister [Bogdanov] expressed his desire to meet [Hamas|org] in [Qatar|country].");
}

#[test]
fn wanted_to_meet_is_intent() {
    none("[Bogdanov] had said he wanted to meet [Hamas|org] representatives in [Qatar|country].");
}

#[test]
fn invited_is_intent() {
    none("[Biden] invited [Netanyahu] to talks at the White House.");
}

#[test]
fn did_not_meet_is_negated() {
    none("[Blinken] did not meet [Wang] in [Bali|place].");
}

#[test]
fn never_met_is_negated() {
    none("[Trump] never met [Putin] in person.");
}

#[test]
fn regularly_met_is_habitual() {
    none("[Marzook] has regularly met [Bogdanov] and [Lavrov].");
}

#[test]
fn met_since_2006_is_habitual() {
    none("Russian foreign ministry [officials|group:Russia] have met [Hamas|org] delegations since 2006.");
}

#[test]
fn called_for_talks_is_no_meeting() {
    none("[Russia|country] has also called for talks between [Israel|country] and [Hamas|org].");
}

#[test]
fn called_on_is_no_meeting() {
    none("[Zeid] called on the [Syrian|demonym:Syria] government to act.");
}

#[test]
fn called_a_liar_is_no_call() {
    none("[Bush] called [Cruz] a liar.");
}

#[test]
fn meet_demands_is_no_meeting() {
    none("[Israel|country] refused to meet the demands of [Hamas|org].");
}

#[test]
fn speech_to_a_meeting_is_no_meeting() {
    none("[He|pronoun:Amirabdollahian] told a [United Nations|org] meeting of the General Assembly on Thursday.");
}

#[test]
fn one_participant_is_no_meeting() {
    none("[Obama] held a meeting at the White House.");
}

#[test]
fn spoke_to_reporters_is_no_meeting() {
    none("[Obama] spoke to reporters and [Merkel] in [Berlin|place].");
}

#[test]
fn a_meeting_without_verb_or_counterpart_is_none() {
    none("[Israel|country] and [Palestine|country] reached a consensus, the meeting's co-chairman said.");
}

#[test]
fn visiting_a_grave_is_no_meeting() {
    none("[Obama] visited the grave of [Theodor Herzl] in [Jerusalem|place].");
}

#[test]
fn spoken_a_few_times_is_habitual() {
    none("[Ailes] has spoken to [Trump] a few times over the past three months.");
}

#[test]
fn a_visit_to_be_blocked_is_no_meeting() {
    none(
        "Lawmakers asked the government on Wednesday to block [Trump]'s visit to [Israel|country].",
    );
}

#[test]
fn call_for_talks_noun_is_no_meeting() {
    none("[Erdogan]'s call for talks with [Iran|country] went unanswered.");
}

#[test]
fn since_in_an_aside_is_not_habitual() {
    let (d, m) = one(
        "[Duterte], in office since June 30, made the visit a week after meeting [Xi].",
        Some("2016-10-31"),
    );
    assert_eq!(names(&d, &m), ["Duterte", "Xi"]);
}

#[test]
fn requested_meeting_which_took_place() {
    let (d, m) = one(
        "[Kelly] requested a meeting with [Trump], which took place this morning.",
        Some("2016-04-13"),
    );
    assert_eq!(names(&d, &m), ["Kelly", "Trump"]);
    assert_eq!(m.date.start, day("2016-04-13"));
}

#[test]
fn detour_to_meet_happened() {
    let (d, m) = one(
        "[Sanders] took a brief detour Wednesday to meet with [Obama].",
        Some("2016-01-28"),
    );
    assert_eq!(names(&d, &m), ["Obama", "Sanders"]);
}

#[test]
fn meeting_tonight_in_todays_paper_is_planned() {
    none("His one-on-one meeting with [Clinton] on Tuesday night is an important step for [Sanders].");
}

#[test]
fn those_who_met_is_generic() {
    none("More than half those who met [Clinton] gave money to the [Clinton Foundation|org].");
}

#[test]
fn is_meeting_with_is_not_yet_a_meeting() {
    none("At the same time, [Sanders] is meeting with [Clinton] in private.");
}

#[test]
fn hours_before_his_meeting_is_not_yet_past() {
    let (_, m) = run(
        "[Sanders] held a news conference Tuesday just hours before his meeting with [Clinton].",
        Some("2016-06-14"),
    );
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn greeted_with_applause_is_no_meeting() {
    none("[Sanders] was greeted with warm applause by his colleagues in the [Senate|org].");
}

#[test]
fn willingness_to_take_a_meeting_is_intent() {
    none("Only a few [Senate|org] Republicans expressed a willingness to take a courtesy meeting with [Garland].");
}

#[test]
fn single_subject_after_negotiations_is_no_meeting() {
    none("[Israel|country] rejected the plan after hours of negotiations.");
}

#[test]
fn visiting_an_unnamed_group_is_no_meeting() {
    none("[Michael Walton] had visited the [injured officers=injured officers|group] on Monday.");
}

#[test]
fn talks_that_will_open_are_planned() {
    none("[Kerry] said the talks with [Lavrov] will open on Monday.");
}

#[test]
fn he_meets_is_a_habit() {
    none(
        "[Emanuel] said he meets with [families of victims=families of victims|group] and [Obama].",
    );
}

#[test]
fn spoke_to_an_unnamed_group_is_an_audience() {
    none("[Warren] spoke to [state liberals=state liberals|group] on Monday.");
}

#[test]
fn call_to_do_something_is_an_appeal() {
    none("[Kasich] repeated [Kasich=Kasich|pronoun:Kasich]'s call to bring [Republicans=Republican Party|org] and [Democrats=Democratic Party|org] together.");
}

#[test]
fn roll_call_is_no_phone_call() {
    none("[Republicans=Republican Party|org] began the roll call vote to nominate [Trump] on Tuesday.");
}

#[test]
fn ahead_of_meeting_on_a_date_already_past_happened() {
    let (d, m) = one(
        "[Netanyahu] confirmed that point ahead of meeting [John Kerry] November 8.",
        Some("2013-11-20"),
    );
    assert_eq!(names(&d, &m), ["John Kerry", "Netanyahu"]);
}

#[test]
fn ahead_of_meeting_on_a_weekday_is_planned() {
    none("[Netanyahu] confirmed that point ahead of meeting [John Kerry] on Friday.");
}

#[test]
fn remarks_ahead_of_a_past_meeting_do_not_hide_it() {
    let (d, m) = one(
        "[Netanyahu] said so in remarks ahead of meeting [John Kerry] November 8.",
        Some("2013-11-20"),
    );
    assert_eq!(names(&d, &m), ["John Kerry", "Netanyahu"]);
}

#[test]
fn a_thing_called_a_name_is_no_call() {
    none("[Donors] left after a boycott by a group called [Color of Change|org] on Monday.");
}

#[test]
fn comma_called_a_name_is_no_call() {
    none("The program, called [EB-5|org], allows [Trump] to invest on Monday.");
}

#[test]
fn a_thing_with_modifiers_called_a_name_is_no_call() {
    none("[Donors] left after a boycott by a civil rights advocacy group called [Color of Change|org] on Monday.");
}

#[test]
fn the_president_then_called_is_a_call() {
    let (d, m) = one(
        "The [president=Obama] then called [Putin] on Monday.",
        Some("2016-07-14"),
    );
    assert_eq!(names(&d, &m), ["Obama", "Putin"]);
}

#[test]
fn hosting_an_event_named_after_a_possessive_is_no_meeting() {
    none("[Bobby Scott] hosted his [Labor Day] cookout on Monday.");
}
