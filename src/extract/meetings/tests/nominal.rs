//! Meetings told as nouns: possessor meetings, calls, talks, news conferences.

use super::*;

#[test]
fn meeting_with_coordinated_apposition() {
    let (d, m) = one("[Marzook] travelled to [Moscow|place] after an earlier meeting in [Doha|place] with [Bogdanov] and the deputy minister, [Ali Bagheri Kani].", None);
    assert_eq!(names(&d, &m), ["Ali Bagheri Kani", "Bogdanov", "Marzook"]);
    assert_eq!(
        m.place.map(|p| d.entities[p].name.clone()),
        Some("Doha".into())
    );
}

#[test]
fn in_a_phone_call_with_takes_the_clause_subject() {
    let (d, m) = one("Earlier, President [Raisi] urged [France|country] to help in a phone call with his French counterpart [Emmanuel Macron].", None);
    assert_eq!(names(&d, &m), ["Emmanuel Macron", "Raisi"]);
    assert_eq!(m.mode, MeetingMode::Phone);
}

#[test]
fn told_someone_in_a_telephone_call() {
    let (d, m) = one(
        "[Putin] told [Obama] in a telephone call on Saturday that it was fine.",
        Some("2014-03-02"),
    );
    assert_eq!(names(&d, &m), ["Obama", "Putin"]);
    assert_eq!(m.mode, MeetingMode::Phone);
}

#[test]
fn possessor_meeting_as_a_sentence_subject() {
    let (d, m) = one(
        "[Obama]'s meeting with [Putin] on Monday was tense.",
        Some("2014-03-05"),
    );
    assert_eq!(names(&d, &m), ["Obama", "Putin"]);
    assert_eq!(m.date.start, day("2014-03-03"));
}

#[test]
fn talks_between() {
    let (d, m) = one(
        "Saturday's phone conversation between presidents [Trump] and [Putin] raised hopes.",
        Some("2017-01-30"),
    );
    assert_eq!(names(&d, &m), ["Putin", "Trump"]);
    assert_eq!(m.date.start, day("2017-01-28"));
}

#[test]
fn possessor_of_a_visit_is_the_visitor() {
    let (d, m) = one(
        "President [Rodrigo Duterte]'s visit to [Japan|country] swings his country back.",
        None,
    );
    assert_eq!(names(&d, &m), ["Japan", "Rodrigo Duterte"]);
    assert_eq!(m.mode, MeetingMode::Visit);
}

#[test]
fn possessor_of_a_phone_call_with() {
    let (d, m) = one(
        "The row over [Trump]'s recent phone call with President [Tsai] grew.",
        None,
    );
    assert_eq!(names(&d, &m), ["Trump", "Tsai"]);
    assert_eq!(m.mode, MeetingMode::Phone);
}

#[test]
fn their_talks_are_between_the_actors_named_before() {
    let (d, m) = one(
        "[Zarif] speaks during a press conference with [Jensen] after their talks in [Tehran|place].",
        None,
    );
    assert_eq!(names(&d, &m), ["Jensen", "Zarif"]);
}

#[test]
fn leading_phone_call_takes_subject_and_addressee() {
    let (d, m) = one(
        "In a phone call on Saturday, [Kerry] told [Cavusoglu] the claims were false, according to a report.",
        Some("2016-07-19"),
    );
    assert_eq!(names(&d, &m), ["Cavusoglu", "Kerry"]);
    assert_eq!(m.mode, MeetingMode::Phone);
    assert_eq!(m.date.start, day("2016-07-16"));
}

#[test]
fn renewed_negotiations() {
    let (d, m) = one(
        "[Israel|country] and [Lebanon|country] renewed negotiations today.",
        None,
    );
    assert_eq!(names(&d, &m), ["Israel", "Lebanon"]);
}

#[test]
fn during_a_meeting_after_the_verb_of_addressing() {
    let (d, m) = one(
        "[John Kerry] asked [Sharif], during a meeting this week, to act.",
        None,
    );
    assert_eq!(names(&d, &m), ["John Kerry", "Sharif"]);
}

#[test]
fn joint_news_conference_of_two_leaders() {
    let (d, m) = one(
        "[Trump] and [Abdullah] hold a joint news conference in the Rose Garden.",
        None,
    );
    assert_eq!(names(&d, &m), ["Abdullah", "Trump"]);
}

#[test]
fn emerging_from_a_meeting_the_speaker_is_the_subject() {
    let (d, m) = one(
        "Emerging from a 45-minute meeting with President [Obama], [Sanders] said the session went well.",
        None,
    );
    assert_eq!(names(&d, &m), ["Obama", "Sanders"]);
}

#[test]
fn bilateral_meeting_is_between_the_actors_named_before() {
    let (d, m) = one(
        "[Donald Trump] and [Xi Jinping] chat as they walk after a bilateral meeting in [Palm Beach|place].",
        None,
    );
    assert_eq!(names(&d, &m), ["Donald Trump", "Xi Jinping"]);
}

#[test]
fn hyphenated_pair_names_the_sides_of_the_talks() {
    let (d, m) = one(
        "The [U.S.=United States|country]-[China|country] trade talks ended in [Beijing|place] on Monday.",
        Some("2016-07-14"),
    );
    assert_eq!(names(&d, &m), ["China", "United States"]);
}

#[test]
fn hyphenated_word_names_sides_mentioned_elsewhere() {
    let (d, m) = one(
        "[Russia|country] and [Ukraine|country] disagree. The Russia-Ukraine talks in [Minsk|place] ended on Tuesday.",
        Some("2016-07-14"),
    );
    assert_eq!(names(&d, &m), ["Russia", "Ukraine"]);
}

#[test]
fn hyphenated_pair_before_planned_talks_is_no_meeting() {
    none("The [U.S.=United States|country]-[China|country] talks will open on Monday.");
}

#[test]
fn hyphenated_pair_without_an_occasion_is_no_meeting() {
    none("[Germany|country] hoped for a settlement in [U.S.=United States|country]-[Soviet=Soviet Union|country] nuclear talks.");
}

#[test]
fn possessor_pronoun_beats_the_main_clause_subject() {
    let (d, m) = one(
        "[Aung San Suu Kyi] came on Wednesday. After [her|pronoun:Aung San Suu Kyi] meeting with [Obama], the [White House|org] announced new steps.",
        Some("2016-09-15"),
    );
    assert_eq!(names(&d, &m), ["Aung San Suu Kyi", "Obama"]);
}
