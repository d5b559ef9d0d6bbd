//! Who took part: coordinated subjects, antecedents, captions and datelines, clause boundaries.

use super::*;

#[test]
fn the_two_leaders_are_the_pair_just_named() {
    let (d, m) = run(
        "[Erdogan] held a phone call with [Raisi]. The two leaders discussed the war.",
        Some("2023-10-16"),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(names(&d, &m[0]), ["Erdogan", "Raisi"]);
}

#[test]
fn coordinated_subjects_met() {
    let (d, m) = one(
        "[Obama], [Park] and [Abe] met at the summit on Thursday.",
        Some("2016-04-01"),
    );
    assert_eq!(names(&d, &m), ["Abe", "Obama", "Park"]);
    assert_eq!(m.date.start, day("2016-03-31"));
}

#[test]
fn who_met_takes_the_antecedent() {
    let (d, m) = one(
        "[Xi], who met separately with [Obama] at the summit, said more.",
        None,
    );
    assert_eq!(names(&d, &m), ["Obama", "Xi"]);
}

#[test]
fn among_those_attending_joins_the_meeting() {
    let (d, m) = run("A delegation from [Hamas|org] visited [Moscow|place] for talks. Senior Hamas member [Abu Marzouk] was among those attending the talks.", Some("2023-10-26"));
    assert_eq!(m.len(), 1);
    assert_eq!(names(&d, &m[0]), ["Abu Marzouk", "Hamas", "Moscow"]);
}

#[test]
fn reported_clause_subject_after_that() {
    let (d, m) = one(
        "[Zakharova] told a briefing that [Kani] was also currently visiting [Moscow|place].",
        None,
    );
    assert_eq!(names(&d, &m), ["Kani", "Moscow"]);
}

#[test]
fn caption_position_word_keeps_coordination() {
    let (d, m) = one(
        "President [Trump], right, and Prime Minister [Abe] shake hands in Washington.",
        None,
    );
    assert_eq!(names(&d, &m), ["Abe", "Trump"]);
}

#[test]
fn dateline_is_no_subject() {
    let (d, m) = one(
        "[ROME|place] - [Bernie Sanders] met privately with Pope [Francis] on Saturday.",
        Some("2016-04-16"),
    );
    assert_eq!(names(&d, &m), ["Bernie Sanders", "Francis"]);
}

#[test]
fn subordinate_clause_has_its_own_subject() {
    let (d, m) = one(
        "[Moscow|place] and [Tehran|place] are helping the peace effort after [Kerry] and [Lavrov] spoke by telephone.",
        None,
    );
    assert_eq!(names(&d, &m), ["Kerry", "Lavrov"]);
}

#[test]
fn caption_tag_is_no_part_of_the_subject_clause() {
    let (d, m) = one(
        "[Obama] said so in reference to protesters involved with '[Black Lives Matter|org]' - FILE - President [Barack Obama] answers questions after meeting with [Mariano Rajoy] in [Madrid|place].",
        None,
    );
    assert_eq!(names(&d, &m), ["Barack Obama", "Mariano Rajoy"]);
}

#[test]
fn leaders_of_countries_attended_the_summit() {
    let (d, m) = one(
        "The leaders of [Austria|country], [Greece|country] and [Serbia|country] attended the Brussels summit.",
        None,
    );
    assert_eq!(names(&d, &m), ["Austria", "Greece", "Serbia"]);
}

#[test]
fn honorific_periods_keep_coordination() {
    let (d, m) = one(
        "Mr. [Obama] and Mr. [Netanyahu] first met in 2007.",
        Some("2015-11-10"),
    );
    assert_eq!(names(&d, &m), ["Netanyahu", "Obama"]);
}

#[test]
fn they_met_again_is_the_pair_told_before() {
    let (d, m) = run(
        "[Obama] met [Netanyahu] in 2007. They met again, in July 2008.",
        Some("2015-11-10"),
    );
    assert_eq!(m.len(), 2);
    assert_eq!(names(&d, &m[1]), ["Netanyahu", "Obama"]);
    assert_eq!(m[1].date.start, day("2008-07-01"));
}

#[test]
fn spoken_to_leaders_including_is_one_talk_each() {
    let (d, m) = run(
        "[Trump] had spoken to four other world leaders Saturday, including President [Putin] and President [Pena Nieto].",
        None,
    );
    let pairs: Vec<Vec<String>> = m.iter().map(|x| names(&d, x)).collect();
    assert_eq!(pairs, [["Putin", "Trump"], ["Pena Nieto", "Trump"]]);
}

#[test]
fn single_letter_is_no_subject() {
    let (d, m) = one(
        "[S]. President [Obama], [Park] and [Abe] met at the summit.",
        None,
    );
    assert_eq!(names(&d, &m), ["Abe", "Obama", "Park"]);
}

#[test]
fn organisation_and_its_short_form_qualify_the_person() {
    let (d, m) = one(
        "[Organization of American States|org] ([OAS|org]) Secretary-General [Luis Almagro] addresses the audience during an official visit to [Honduras|country].",
        None,
    );
    assert_eq!(names(&d, &m), ["Honduras", "Luis Almagro"]);
}

#[test]
fn reporter_of_a_quote_is_no_participant() {
    let (_, m) = run(
        "\"Trump's strong stance in the meeting with [Pena Nieto] shows his worth,\" [Schlafly] wrote.",
        None,
    );
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn second_coordinated_clause_has_its_own_subject() {
    let (d, m) = one(
        "[Romney] traveled to [Jerusalem|place] and [Netanyahu] met [Barak] there.",
        None,
    );
    assert_eq!(names(&d, &m), ["Barak", "Netanyahu"]);
}

#[test]
fn coordinated_subject_despite_negotiations() {
    let (d, m) = one(
        "[Palestine|country] and [Israel|country] failed to reach agreement on Sunday, despite hours of tense negotiations.",
        Some("2000-01-01"),
    );
    assert_eq!(names(&d, &m), ["Israel", "Palestine"]);
}

#[test]
fn adjunct_talks_of_a_named_third_party_are_not_the_subjects() {
    none("[Israel|country] and [Egypt|country] disagreed after the [Iran|country] talks.");
}

#[test]
fn he_after_told_is_the_teller() {
    let (d, m) = one(
        "[Obama] told [Merkel] [he|pronoun:Merkel] had spoken to [Putin] on Saturday.",
        Some("2016-04-01"),
    );
    assert_eq!(names(&d, &m), ["Obama", "Putin"]);
}

#[test]
fn he_not_after_told_keeps_its_antecedent() {
    let (d, m) = one(
        "[Obama] praised [Merkel] and [he|pronoun:Merkel] had spoken to [Putin] on Saturday.",
        Some("2016-04-01"),
    );
    assert!(names(&d, &m).contains(&"Merkel".to_string()));
}

#[test]
fn met_leaders_including_is_one_meeting() {
    let (d, m) = one(
        "[Trump] had met four other world leaders Saturday, including President [Putin] and President [Pena Nieto].",
        None,
    );
    assert_eq!(names(&d, &m), ["Pena Nieto", "Putin", "Trump"]);
}

#[test]
fn unnamed_group_meets_a_named_actor() {
    let (d, m) = one(
        "[Union leaders=union leaders|group] met with [Andrew Cuomo] on Tuesday.",
        Some("2016-07-14"),
    );
    assert_eq!(names(&d, &m), ["Andrew Cuomo", "union leaders"]);
}

#[test]
fn two_unnamed_groups_make_no_meeting() {
    none("[Union leaders=union leaders|group] met [relatives of the victims|group] on Tuesday.");
}

#[test]
fn dateline_with_state_and_agency_is_no_subject() {
    let (d, m) = one(
        "[ORLANDO|place], [Fla|place]. ([Reuters|org]) - President [Barack Obama] met [Joe Biden] on Thursday.",
        Some("2016-06-16"),
    );
    assert_eq!(names(&d, &m), ["Barack Obama", "Joe Biden"]);
}

#[test]
fn contraction_opening_a_quote_is_no_participant() {
    none("\"[I've] had talks with [Trump] on Monday,\" he said.");
}
