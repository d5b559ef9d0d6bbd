//! Unit tests of the statement rules, one hand-written case each.

use super::extract;
use crate::corpus::Article;
use crate::extract::StatementKind;
use crate::nlp::annotate;

/// (speaker mention, cue, content, kind) of every statement found in `text`.
pub fn found(text: &str) -> Vec<(String, String, String, StatementKind)> {
    let doc = annotate(Article {
        id: "t".into(),
        date: None,
        title: None,
        url: None,
        body: text.into(),
        source: "t".into(),
        line: None,
    });
    extract(&doc)
        .into_iter()
        .map(|s| {
            (
                s.speaker_mention
                    .map(|m| doc.text(m).to_string())
                    .unwrap_or_default(),
                s.cue.map(|m| doc.text(m).to_string()).unwrap_or_default(),
                doc.text(s.content).to_string(),
                s.kind,
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String, String, StatementKind) {
    let mut v = found(text);
    assert_eq!(v.len(), 1, "{v:?}");
    v.remove(0)
}

#[test]
fn quote_then_titled_speaker_said() {
    let (who, cue, content, kind) =
        one("“The talks were useful,” Foreign Ministry spokesperson Anna Berg said at a briefing.");
    assert_eq!(who, "Foreign Ministry spokesperson Anna Berg");
    assert_eq!(cue, "said");
    assert_eq!(content, "“The talks were useful,”");
    assert_eq!(kind, StatementKind::Direct);
}

#[test]
fn quote_paragraph_without_verb_continues_speaker() {
    let v = found(
        "“We are ready to talk,” Petrov told state television.\n\n\
         Also read | Ministers meet in Geneva\n\n\
         “The next round should start soon, perhaps in May.”",
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].0, "Petrov");
    assert_eq!(
        v[1].2,
        "“The next round should start soon, perhaps in May.”"
    );
    assert_eq!(v[1].3, StatementKind::Direct);
}

#[test]
fn said_that_clause_is_indirect() {
    let (who, cue, content, kind) =
        one("The minister said that the border would reopen next week.");
    assert_eq!((who.as_str(), cue.as_str()), ("The minister", "said"));
    assert_eq!(content, "the border would reopen next week");
    assert_eq!(kind, StatementKind::Indirect);
}

#[test]
fn said_without_that() {
    let (who, _, content, _) = one("Officials said the convoy had crossed the river.");
    assert_eq!(who, "Officials");
    assert_eq!(content, "the convoy had crossed the river");
}

#[test]
fn told_skips_the_hearer() {
    let (who, cue, content, _) = one("She told reporters the vote would be close.");
    assert_eq!((who.as_str(), cue.as_str()), ("She", "told"));
    assert_eq!(content, "the vote would be close");
}

#[test]
fn post_posed_speaker() {
    let (who, _, content, _) =
        one("The plan will cost billions of dollars, the senator said on Monday.");
    assert_eq!(who, "the senator");
    assert_eq!(content, "The plan will cost billions of dollars");
}

#[test]
fn inverted_said_speaker() {
    let (who, _, content, _) = one("“We will not give up,” said Maria Lopez, the mayor.");
    assert_eq!(who, "Maria Lopez");
    assert_eq!(content, "“We will not give up,”");
}

#[test]
fn according_to_front() {
    let (who, cue, content, _) = one("According to the agency, the factory closed in March.");
    assert_eq!((who.as_str(), cue.as_str()), ("the agency", "According to"));
    assert_eq!(content, "the factory closed in March");
}

#[test]
fn according_to_back() {
    let (who, _, content, _) = one("Prices rose sharply last year, according to the central bank.");
    assert_eq!(who, "the central bank");
    assert_eq!(content, "Prices rose sharply last year");
}

#[test]
fn mixed_quote_inside_reported_clause() {
    let (_, _, content, kind) = one("He warned that the deal was “dead on arrival” in Congress.");
    assert_eq!(content, "the deal was “dead on arrival” in Congress");
    assert_eq!(kind, StatementKind::Mixed);
}

#[test]
fn colon_then_quote() {
    let (who, _, content, kind) = one("The governor said: “Nobody is above the law.”");
    assert_eq!(who, "The governor");
    assert_eq!(content, "“Nobody is above the law.”");
    assert_eq!(kind, StatementKind::Direct);
}

#[test]
fn quote_over_two_sentences() {
    let (who, _, content, _) = one("“It is late. We must act now,” he said.");
    assert_eq!(who, "he");
    assert_eq!(content, "“It is late. We must act now,”");
}

#[test]
fn adding_that_takes_subject() {
    let v = found("The senator said the bill was fair, adding that it would pass easily.");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[1].0, "The senator");
    assert_eq!(v[1].2, "it would pass easily");
}

#[test]
fn the_said_is_not_speech() {
    assert!(found("The said company filed the papers on time.").is_empty());
}

#[test]
fn all_told_is_not_speech() {
    assert!(found("All told, the storm destroyed forty homes in the valley.").is_empty());
}

#[test]
fn passive_told_is_not_a_statement_by_subject() {
    assert!(found("Residents were told to leave their homes by noon.").is_empty());
}

#[test]
fn noun_report_is_not_speech() {
    assert!(found("The report on the election was published in June.").is_empty());
}

#[test]
fn bracketed_aside_before_verb_is_skipped() {
    let (who, ..) = one("The ministry on Monday (local time) confirmed the talks had ended.");
    assert_eq!(who, "The ministry");
}

#[test]
fn sentence_adverb_between_commas_is_skipped() {
    let (who, ..) = one("The senator, however, said the vote would be delayed again.");
    assert_eq!(who, "The senator");
}

#[test]
fn spokesman_with_party_label() {
    let (who, ..) = one("Rep. Ann Lee (D-Va.) said the bill would pass the House.");
    assert_eq!(who, "Rep. Ann Lee (D-Va.)");
}

#[test]
fn relative_who_said_is_the_speaker_phrase() {
    let v = found(
        "The deal was reached with help from Ann Lee, who said she expects a vote next week.",
    );
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "who");
    assert_eq!(v[0].2, "she expects a vote next week");
}

#[test]
fn second_cue_after_and_is_its_own_statement() {
    let v = found("The mayor said the plan was ready and said that work would begin in May.");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].2, "the plan was ready");
    assert_eq!(v[1].0, "The mayor");
    assert_eq!(v[1].2, "work would begin in May");
}

#[test]
fn proclaimed_is_a_cue() {
    let (who, cue, ..) = one("The governor proclaimed that the state would never give up.");
    assert_eq!((who.as_str(), cue.as_str()), ("The governor", "proclaimed"));
}

#[test]
fn dateline_is_no_part_of_the_content() {
    let (_, _, content, _) =
        one("RIYADH, Oct 15 (Reuters) - Saudi Arabia will keep talking to all sides, a Saudi official said on Sunday.");
    assert_eq!(content, "Saudi Arabia will keep talking to all sides");
}

#[test]
fn dash_inside_a_sentence_is_no_dateline() {
    let (_, _, content, _) = one("The deal - signed in May - will hold, the minister said.");
    assert_eq!(content, "The deal - signed in May - will hold");
}

#[test]
fn dateline_check_cuts_no_character_in_two() {
    let (_, _, content, _) = one("ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ will hold, the minister said.");
    assert!(content.ends_with("will hold"));
}

#[test]
fn appositive_title_subject_before_the_cue_is_the_speaker() {
    let (who, _, content, _) =
        one("The EU foreign policy chief, Josep Borrell, said the bloc would triple aid.");
    assert_eq!(content, "the bloc would triple aid");
    assert!(who.contains("Josep Borrell"), "{who}");
}

#[test]
fn appositive_district_subject_before_the_cue_is_the_speaker() {
    let (who, _, content, _) = one("Rep. Jason Chaffetz, R-Utah, said the deal would fail.");
    assert_eq!(content, "the deal would fail");
    assert!(who.contains("Chaffetz"), "{who}");
}

#[test]
fn added_statement_keeps_the_date_of_the_one_before() {
    let doc = annotate(Article {
        id: "t".into(),
        date: crate::corpus::parse_date("2023-10-26"),
        title: None,
        url: None,
        body: "Khamenei said in a speech on Wednesday that Muslim countries should cut ties. Khamenei added that the United States was complicit.".into(),
        source: "t".into(),
        line: None,
    });
    let s = extract(&doc);
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].date, s[0].date);
    assert!(s[1].date.start.is_some());
}

#[test]
fn that_inside_a_subject_clause_is_no_complementizer() {
    let (who, _, content, _) = one("Groberg says it is hard to blame any one person for that.");
    assert_eq!(who, "Groberg");
    assert_eq!(content, "it is hard to blame any one person for that");
}

#[test]
fn there_is_after_the_cue_opens_the_content() {
    let (who, _, content, _) =
        one("Fleischer said there is an active conversation about the response.");
    assert_eq!(who, "Fleischer");
    assert_eq!(
        content,
        "there is an active conversation about the response"
    );
}

#[test]
fn quote_then_said_speaker_with_party_and_relative_clause() {
    let (who, _, content, _) = one(
        "“It is the beginning of the end,” said Sen. Ann Bell (D-Conn.), who has pushed for the bill.",
    );
    assert_eq!(who, "Sen. Ann Bell");
    assert_eq!(content, "“It is the beginning of the end,”");
}

#[test]
fn quote_split_by_its_cue_is_one_statement() {
    let (who, _, content, kind) = one("“After that,” she said, “I support indexing the wage.”");
    assert_eq!(who, "she");
    assert_eq!(
        content,
        "“After that,” she said, “I support indexing the wage.”"
    );
    assert_eq!(kind, StatementKind::Direct);
}

#[test]
fn short_quote_before_its_cue_is_a_statement() {
    let (who, _, content, _) = one("“Absolutely,” he said when asked by a reporter.");
    assert_eq!(who, "he");
    assert_eq!(content, "“Absolutely,”");
}

#[test]
fn coordinated_said_takes_the_subject_of_the_verb_before() {
    let v = found("By the end of the day, Mr. Trump was forced to retreat and said that his words had been misread.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "Mr. Trump");
    assert_eq!(v[0].2, "his words had been misread");
}

#[test]
fn but_said_after_a_reported_clause_is_its_own_statement() {
    let v =
        found("Clark said the chair had begun making calls, but said the outcome was still open.");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].2, "the chair had begun making calls");
    assert_eq!(v[1].2, "the outcome was still open");
}

#[test]
fn adding_after_a_post_posed_quote_is_its_own_statement() {
    let v = found(
        "“He stands for the middle class,” Anderson said, adding that he is the most trustworthy.",
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].2, "“He stands for the middle class,”");
    assert_eq!(v[1].0, "Anderson");
    assert_eq!(v[1].2, "he is the most trustworthy");
}

#[test]
fn adding_after_a_closing_quote_ends_the_content() {
    let v =
        found("Mr. Trump said of the episode, “I don't like it,” adding that “they have anger.”");
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0].2, "“I don't like it,”");
    assert_eq!(v[1].2, "“they have anger.”");
}

#[test]
fn statement_saying_is_a_cue() {
    let v =
        found("On Saturday, Trump issued a statement saying that Scalia was a remarkable judge.");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "Trump");
    assert_eq!(v[0].2, "Scalia was a remarkable judge");
}

#[test]
fn before_adding_is_a_cue() {
    let v = found(
        "“You don't win by how many states you win,” Rubio responded before adding that he will have to win some.",
    );
    assert!(v.iter().any(|s| s.1 == "adding" && s.0 == "Rubio"), "{v:?}");
}

#[test]
fn participle_takes_the_subject_of_the_verb_before() {
    let v = found(
        "In an interview with \"Fox and Friends,\" Donald Trump pointed to China, remarking that the U.S. should act.",
    );
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "Donald Trump");
}

#[test]
fn said_then_a_one_word_quotation() {
    let (who, _, content, kind) = one("Mrs. Clinton shook her head and said, “No.”");
    assert_eq!(who, "Mrs. Clinton");
    assert_eq!(content, "“No.”");
    assert_eq!(kind, StatementKind::Direct);
}

#[test]
fn dash_and_a_new_subject_ends_the_content() {
    let (_, _, content, _) =
        one("Democrats insist the tide is turning — and the Senate is holding talks on a bill.");
    assert_eq!(content, "the tide is turning");
}
