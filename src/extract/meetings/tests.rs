//! Rule tests on short hand-written sentences. Mentions are marked by hand
//! (`[Name]`, `[Name|kind]`, `[Marzouk=Mousa Abu Marzook]`) so the tests do not depend
//! on the mention finder.

use chrono::NaiveDate;

use super::extract;
use crate::corpus::Article;
use crate::extract::{Meeting, MeetingMode};
use crate::nlp::{ActorKind, Doc, Entity, Mention, MentionKind, Span};

/// Builds a document from marked text: `[text]` is a person name; `[text|country]`,
/// `[text|place]`, `[text|org]`, `[text|group]`, `[text|demonym:Country]`,
/// `[text|pronoun:Entity]`; `[text=Entity]` names the entity it refers to.
fn doc(marked: &str, date: Option<&str>) -> Doc {
    let mut body = String::new();
    let mut marks: Vec<(Span, String, String)> = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        body.push_str(&rest[..open]);
        let close = rest[open..].find(']').unwrap() + open;
        let inner = &rest[open + 1..close];
        let (text_ent, kind) = match inner.split_once('|') {
            Some((a, b)) => (a, b.to_string()),
            None => (inner, "person".to_string()),
        };
        let (text, ent) = match text_ent.split_once('=') {
            Some((a, b)) => (a, b.to_string()),
            None => (text_ent, text_ent.to_string()),
        };
        let start = body.len();
        body.push_str(text);
        let (kind, ent) = match kind.split_once(':') {
            Some((k, e)) => (k.to_string(), e.to_string()),
            None => (kind, ent),
        };
        marks.push((Span::new(start, body.len()), kind, ent));
        rest = &rest[close + 1..];
    }
    body.push_str(rest);
    let article = Article {
        id: "t".into(),
        date: date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        title: None,
        url: None,
        body,
        source: "test".into(),
        line: None,
    };
    let mut d = Doc::new(article);
    crate::nlp::tokens::tokenize(&mut d);
    crate::nlp::sentences::split(&mut d);
    crate::nlp::quotes::find(&mut d);
    crate::nlp::times::find(&mut d);
    for (span, kind, ent) in marks {
        let (mk, ak) = match kind.as_str() {
            "country" => (MentionKind::Name, ActorKind::Country),
            "place" => (MentionKind::Name, ActorKind::Place),
            "org" => (MentionKind::Name, ActorKind::Organization),
            "group" => (MentionKind::Nominal, ActorKind::Group),
            "demonym" => (MentionKind::Demonym, ActorKind::Country),
            "pronoun" => (MentionKind::Pronoun, ActorKind::Person),
            _ => (MentionKind::Name, ActorKind::Person),
        };
        let e = match d.entities.iter().position(|x| x.name == ent) {
            Some(i) => i,
            None => {
                d.entities.push(Entity {
                    name: ent.clone(),
                    kind: ak,
                    canonical: None,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                });
                d.entities.len() - 1
            }
        };
        d.entities[e].mentions.push(d.mentions.len());
        d.mentions.push(Mention {
            span,
            kind: mk,
            actor_kind: ak,
            canonical: None,
            roles: Vec::new(),
            entity: Some(e),
        });
    }
    d
}

fn names(d: &Doc, m: &Meeting) -> Vec<String> {
    let mut v: Vec<String> = m
        .participants
        .iter()
        .map(|&e| d.entities[e].name.clone())
        .collect();
    v.sort();
    v
}

fn run(marked: &str, date: Option<&str>) -> (Doc, Vec<Meeting>) {
    let d = doc(marked, date);
    let m = extract(&d);
    (d, m)
}

fn one(marked: &str, date: Option<&str>) -> (Doc, Meeting) {
    let (d, m) = run(marked, date);
    assert_eq!(m.len(), 1, "{m:?}");
    let m = m.into_iter().next().unwrap();
    (d, m)
}

fn none(marked: &str) {
    let (_, m) = run(marked, Some("2023-10-26"));
    assert!(m.is_empty(), "expected no meeting in {marked:?}: {m:?}");
}

fn day(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

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
fn delegation_visited_city_for_talks() {
    let (d, m) = one("Also on Thursday, a delegation from [Hamas|org] visited [Moscow|place] for talks on hostages.", Some("2023-10-26"));
    assert_eq!(names(&d, &m), ["Hamas", "Moscow"]);
    assert_eq!(m.mode, MeetingMode::Visit);
    assert_eq!(m.date.start, day("2023-10-26"));
}

#[test]
fn among_those_attending_joins_the_meeting() {
    let (d, m) = run("A delegation from [Hamas|org] visited [Moscow|place] for talks. Senior Hamas member [Abu Marzouk] was among those attending the talks.", Some("2023-10-26"));
    assert_eq!(m.len(), 1);
    assert_eq!(names(&d, &m[0]), ["Abu Marzouk", "Hamas", "Moscow"]);
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
fn travelled_without_purpose_is_no_meeting() {
    none("[Marzook] travelled to [Moscow|place] last week.");
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
fn welcomed_a_thing_a_country_qualifies_is_no_visit() {
    none("The [Syrian Coalition|org] welcomed the [U.S.=United States|country] attack on Friday.");
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
fn told_someone_in_a_telephone_call() {
    let (d, m) = one(
        "[Putin] told [Obama] in a telephone call on Saturday that it was fine.",
        Some("2014-03-02"),
    );
    assert_eq!(names(&d, &m), ["Obama", "Putin"]);
    assert_eq!(m.mode, MeetingMode::Phone);
}

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
fn possessor_meeting_as_a_sentence_subject() {
    let (d, m) = one(
        "[Obama]'s meeting with [Putin] on Monday was tense.",
        Some("2014-03-05"),
    );
    assert_eq!(names(&d, &m), ["Obama", "Putin"]);
    assert_eq!(m.date.start, day("2014-03-03"));
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
fn talks_between() {
    let (d, m) = one(
        "Saturday's phone conversation between presidents [Trump] and [Putin] raised hopes.",
        Some("2017-01-30"),
    );
    assert_eq!(names(&d, &m), ["Putin", "Trump"]);
    assert_eq!(m.date.start, day("2017-01-28"));
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
fn said_on_monday_does_not_date_the_meeting() {
    let (_, m) = one(
        "[Abbas] met [Kerry] in [Amman|place], officials said on Monday.",
        Some("2016-04-04"),
    );
    assert_eq!(m.date.start, None);
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
fn reported_clause_subject_after_that() {
    let (d, m) = one(
        "[Zakharova] told a briefing that [Kani] was also currently visiting [Moscow|place].",
        None,
    );
    assert_eq!(names(&d, &m), ["Kani", "Moscow"]);
}

#[test]
fn one_participant_is_no_meeting() {
    none("[Obama] held a meeting at the White House.");
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
fn undated_meeting_takes_the_date_told_just_before() {
    let (_, m) = run(
        "The summit opened on Saturday in Brussels. [Merkel] met with [Hollande].",
        Some("2016-06-15"),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].date.start, day("2016-06-11"));
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
fn separate_calls_are_one_meeting_each() {
    let (d, m) = run(
        "[Trump] made separate telephone calls to the leaders of [Japan|country], [China|country] and [Germany|country].",
        None,
    );
    assert_eq!(m.len(), 3);
    assert_eq!(names(&d, &m[0]), ["Japan", "Trump"]);
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
fn call_and_spoke_with_in_one_sentence_are_one_phone_call() {
    let (_, m) = one(
        "In a much anticipated call, [Trump] also spoke with [Putin], agreeing to cooperate.",
        None,
    );
    assert_eq!(m.mode, MeetingMode::Phone);
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
fn spoke_to_reporters_is_no_meeting() {
    none("[Obama] spoke to reporters and [Merkel] in [Berlin|place].");
}

#[test]
fn spoken_by_telephone() {
    let (_, m) = one("[Obama] and [Rouhani] have spoken by telephone.", None);
    assert_eq!(m.mode, MeetingMode::Phone);
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
fn renewed_negotiations() {
    let (d, m) = one(
        "[Israel|country] and [Lebanon|country] renewed negotiations today.",
        None,
    );
    assert_eq!(names(&d, &m), ["Israel", "Lebanon"]);
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
fn spoken_to_leaders_including_is_one_talk_each() {
    let (d, m) = run(
        "[Trump] had spoken to four other world leaders Saturday, including President [Putin] and President [Pena Nieto].",
        None,
    );
    let pairs: Vec<Vec<String>> = m.iter().map(|x| names(&d, x)).collect();
    assert_eq!(pairs, [["Putin", "Trump"], ["Pena Nieto", "Trump"]]);
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
fn since_in_an_aside_is_not_habitual() {
    let (d, m) = one(
        "[Duterte], in office since June 30, made the visit a week after meeting [Xi].",
        Some("2016-10-31"),
    );
    assert_eq!(names(&d, &m), ["Duterte", "Xi"]);
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
fn requested_meeting_which_took_place() {
    let (d, m) = one(
        "[Kelly] requested a meeting with [Trump], which took place this morning.",
        Some("2016-04-13"),
    );
    assert_eq!(names(&d, &m), ["Kelly", "Trump"]);
    assert_eq!(m.date.start, day("2016-04-13"));
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
fn present_perfect_does_not_inherit_a_date() {
    let (_, m) = run(
        "[Obama] won in 2008. [Obama] has met previously with [Clinton].",
        Some("2016-01-28"),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].date.start, None);
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
fn the_meeting_with_one_of_them_is_the_meeting_just_told() {
    let (_, m) = run(
        "They sent [Eggleston] to the Hill for a meeting with [Pelosi] and [Reid] on Tuesday. The meeting with [Eggleston] delayed the news conference.",
        Some("2016-01-13"),
    );
    assert_eq!(m.len(), 1);
}

#[test]
fn meeting_tonight_in_todays_paper_is_planned() {
    none("His one-on-one meeting with [Clinton] on Tuesday night is an important step for [Sanders].");
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
fn those_who_met_is_generic() {
    none("More than half those who met [Clinton] gave money to the [Clinton Foundation|org].");
}

#[test]
fn is_meeting_with_is_not_yet_a_meeting() {
    none("At the same time, [Sanders] is meeting with [Clinton] in private.");
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
fn hours_before_his_meeting_is_not_yet_past() {
    let (_, m) = run(
        "[Sanders] held a news conference Tuesday just hours before his meeting with [Clinton].",
        Some("2016-06-14"),
    );
    assert!(m.is_empty(), "{m:?}");
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
fn sit_down_to_dinner_with() {
    let (d, m) = one("[Trump] and his wife sit down to dinner with [Abe].", None);
    assert_eq!(names(&d, &m), ["Abe", "Trump"]);
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
fn greeted_with_applause_is_no_meeting() {
    none("[Sanders] was greeted with warm applause by his colleagues in the [Senate|org].");
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
fn reporter_of_a_quote_is_no_participant() {
    let (_, m) = run(
        "\"Trump's strong stance in the meeting with [Pena Nieto] shows his worth,\" [Schlafly] wrote.",
        None,
    );
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn willingness_to_take_a_meeting_is_intent() {
    none("Only a few [Senate|org] Republicans expressed a willingness to take a courtesy meeting with [Garland].");
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
fn single_subject_after_negotiations_is_no_meeting() {
    none("[Israel|country] rejected the plan after hours of negotiations.");
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
