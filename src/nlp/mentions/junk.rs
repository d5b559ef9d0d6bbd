//! Junk that looks like a name: the checks the chunker and the combiner make so that a
//! run of capitalised words names an actor and not a word glued to one.
//!
//! - an adjective compound ("Clinton-run", "Texas-based", "Spanish-language"): a
//!   hyphenated word ending in a lower-case English word or participle is no name part;
//! - web-page furniture glued into one token ("FlagShareLikeReplyPaige"): a token whose
//!   inner capitals split it into two or more button words (`page_words.tsv`);
//! - a lead word before a full name ("Does Marco Rubio", "Pastor Darrell Scott", "Year
//!   Barack Obama"): an ordinary English word before a given name and a surname, or
//!   before a given name where a clause opens;
//! - a clause opening after a colon, an opening quote or a bracket ("Q: Does …",
//!   "“Unlike Cruz, …"), where a capital says nothing, like a sentence's first word;
//! - a person-like run ending in a party or religion adjective or group noun
//!   ("Presumptive Democratic", "Messianic Jewish").
//!
//! It only answers questions about tokens; it makes no chunks and no mentions.

use std::borrow::Cow;
use std::ops::Range;

use super::headlines::is_sentence_initial;
use super::runs::is_org_word;
use crate::nlp::lexicon::Lexicon;
use crate::nlp::times::patterns::WEEKDAYS;
use crate::nlp::{Doc, TokenKind};

/// Words of web-page furniture (buttons, links), lower case, sorted.
const PAGE_WORDS: &str = include_str!("../lexicons/page_words.tsv");

fn is_page_word(lower: &str) -> bool {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            let mut w: Vec<&str> = PAGE_WORDS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            w.sort_unstable();
            w
        })
        .binary_search(&lower)
        .is_ok()
}

/// "Clinton-run", "Texas-based", "Spanish-language", "Twenty-four": a capitalised word
/// whose part after its last hyphen is a lower-case English word or participle is an
/// adjective or a number, not a name part. Given names stay ("Ki-moon", "Jong-un").
pub fn is_adjective_compound(lex: &Lexicon, word: &str) -> bool {
    let Some((head, last)) = word.rsplit_once(['-', '‐', '‑']) else {
        return false;
    };
    // Two letters after a short unknown word are a syllable of a name ("Moon Jae-in"),
    // not after a word ("Pop-up", "Liar-of").
    let short = last.chars().count() < 3
        && !(head.chars().count() >= 5 || lex.is_common_word(&head.to_lowercase()));
    if head.is_empty()
        || short
        || last.chars().count() < 2
        || !last.chars().all(char::is_lowercase)
        || lex.is_given_name(word)
    {
        return false;
    }
    if last.ends_with("ed") || last.ends_with("ing") {
        return true;
    }
    // "Fact-checkers", "Census-taker", "Two-thirds": a plural or agent noun of a word.
    lex.is_common_word(last)
        || ["s", "es", "r", "er", "rs", "ers"]
            .iter()
            .filter_map(|x| last.strip_suffix(x))
            .any(|stem| stem.len() >= 3 && lex.is_common_word(stem))
}

/// "contacts" → "contact", "parties" → "party", "boxes" → "box": whether a lower-case
/// word is an English word of `common_words.tsv` or the plural of one. "Contacts were
/// held", "Spikes in …": a sentence's first word that is one is no name.
pub fn is_common_or_plural(lex: &Lexicon, lower: &str) -> bool {
    if lex.is_common_word(lower) {
        return true;
    }
    let Some(stem) = lower.strip_suffix('s') else {
        return false;
    };
    let long = |w: &str| w.chars().count() >= 3;
    (long(stem) && lex.is_common_word(stem))
        || stem
            .strip_suffix('e')
            .is_some_and(|w| long(w) && lex.is_common_word(w))
        || stem
            .strip_suffix("ie")
            .is_some_and(|w| long(w) && lex.is_common_word(&format!("{w}y")))
}

/// "Zionist", "Marxists", "Islamism", "Islamophobic": a word for a creed or a stance
/// names no one standing alone ("the Zionist regime", "Islamophobic hate crime");
/// inside a longer name it stays ("Communist Party"). Surnames in "-quist" and
/// "-qvist" (Lindquist, Blomqvist) are names, and so is "Christ" (too short).
pub fn is_creed_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let stem = lower.strip_suffix('s').unwrap_or(&lower);
    let letters = stem.chars().count();
    let creed_ist = letters >= 7
        && stem.ends_with("ist")
        && !stem.ends_with("quist")
        && !stem.ends_with("qvist");
    lower.contains("phob") || creed_ist || letters >= 6 && stem.ends_with("ism")
}

/// Month names and their abbreviations, some of which are names too ("May", "Jan").
const MONTHS: &[&str] = &[
    "Apr",
    "April",
    "Aug",
    "August",
    "Dec",
    "December",
    "Feb",
    "February",
    "Jan",
    "January",
    "Jul",
    "July",
    "Jun",
    "June",
    "Mar",
    "March",
    "May",
    "Nov",
    "November",
    "Oct",
    "October",
    "Sep",
    "Sept",
    "September",
];

/// Words before a month that make it a date ("in May", "since Jan.", "last May").
const BEFORE_MONTH: &[&str] = &[
    "after", "before", "by", "during", "early", "each", "every", "from", "in", "last", "late",
    "mid", "next", "of", "since", "this", "through", "till", "until",
];

/// "in May", "May 3", "Jan. 31": a month name that is also a name (Theresa May) is the
/// month when a number follows it or a word of time stands before it.
pub fn is_month_date(doc: &Doc, low: &[Cow<str>], i: usize) -> bool {
    if !MONTHS.contains(&doc.token_text(i)) {
        return false;
    }
    let mut n = i + 1;
    if doc.tokens.get(n).is_some_and(|_| doc.token_text(n) == ".") {
        n += 1;
    }
    doc.tokens
        .get(n)
        .is_some_and(|t| t.kind == TokenKind::Number)
        || i > 0 && BEFORE_MONTH.contains(&&*low[i - 1])
}

/// Words that stand before the name of a day ("on Super Tuesday", "ahead of Black
/// Friday", "since Bloody Sunday").
const BEFORE_DAY: &[&str] = &[
    "after", "ahead", "before", "by", "during", "from", "last", "next", "of", "on", "since", "the",
    "this", "till", "until",
];

/// "Super Tuesday", "Black Friday", "Good Friday", "on Easter Sunday": one capitalised
/// word right before a weekday is part of the day's name, not a person, when it is an
/// English word that is no given name, or a word of time stands before it. Wire
/// copy's "Obama Tuesday signed …" keeps Obama: a name, with no such word before it.
pub fn is_day_name(doc: &Doc, low: &[Cow<str>], lex: &Lexicon, i: usize) -> bool {
    let is_weekday = |k: usize| WEEKDAYS.split('|').any(|w| w == doc.token_text(k));
    if !doc.tokens.get(i + 1).is_some_and(|_| is_weekday(i + 1)) {
        return false;
    }
    let word = doc.token_text(i);
    (lex.is_common_word(&low[i]) && !lex.is_given_name(word))
        || i > 0 && BEFORE_DAY.contains(&&*low[i - 1])
}

/// The parts of a word cut at its inner capitals: "FlagShareLikeReplyPaige" → Flag,
/// Share, Like, Reply, Paige; "LivefyreFAQSign" → Livefyre, FAQ, Sign.
fn camel_parts(word: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut cuts = vec![0];
    for k in 1..chars.len() {
        let (b, c) = chars[k];
        let prev = chars[k - 1].1;
        let next_lower = chars.get(k + 1).is_some_and(|n| n.1.is_lowercase());
        if c.is_uppercase() && (prev.is_lowercase() || prev.is_uppercase() && next_lower) {
            cuts.push(b);
        }
    }
    cuts.push(word.len());
    cuts.windows(2).map(|w| &word[w[0]..w[1]]).collect()
}

/// "FlagShareLikeReplyPaige", "FollowSharePost": a token glued from two or more
/// web-page button words is page furniture, not a name part ("HuffPost" has one).
pub fn is_page_furniture(word: &str) -> bool {
    if !word.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    camel_parts(word)
        .iter()
        .filter(|p| is_page_word(&p.to_lowercase()))
        .count()
        >= 2
}

/// Whether a capitalised token is junk glued to a name: an adjective compound or page
/// furniture. A run of capitalised words stops at it, and a run that reaches it is a
/// modifier ("Hilary Clinton-run"), not a name.
pub fn is_glued_junk(lex: &Lexicon, word: &str) -> bool {
    is_adjective_compound(lex, word) || is_page_furniture(word)
}

/// Whether token `i` opens a clause, where a capital says nothing about names: the
/// sentence's first word, or the first word after a colon ("Q: Does Ted Cruz?",
/// "Report: Half Clinton's …"), an opening bracket ("(See Trump, …") or a list number
/// ("5) Can Sanders …"). An opening quote is left out: quotes open titles and
/// nicknames as often as sentences ("“Morning Joe”", "“Little Marco”").
pub fn opens_clause(doc: &Doc, start: usize, i: usize) -> bool {
    if is_sentence_initial(doc, start, i) {
        return true;
    }
    if i == start {
        return false;
    }
    let p = i - 1;
    match doc.token_text(p) {
        ":" | "(" | "[" => true,
        ")" => {
            p > start
                && doc.tokens[p - 1].kind == TokenKind::Number
                && is_sentence_initial(doc, start, p - 1)
        }
        _ => false,
    }
}

/// "Does Marco Rubio", "Pastor Darrell Scott", "Year Barack Obama", "Does Bernie": the
/// first word of the run `i..e` is an ordinary English word (not a given name) before a
/// given name, so it is no part of the name, when a surname follows the given name or
/// the word opens a clause. A run that names an organisation keeps its words.
pub fn is_lead_word(
    doc: &Doc,
    low: &[Cow<str>],
    lex: &Lexicon,
    run: Range<usize>,
    clause_start: bool,
) -> bool {
    let (i, e) = (run.start, run.end);
    if e < i + 2 {
        return false;
    }
    let word = doc.token_text(i);
    if !lex.is_common_word(&low[i])
        || lex.is_given_name(word)
        || !lex.is_given_name(doc.token_text(i + 1))
    {
        return false;
    }
    if (i..e).any(|k| is_org_word(lex, doc, k)) {
        return false;
    }
    e >= i + 3 || clause_start
}

/// Whether the capitalised word after token `i` names something without it: a given
/// name, or a word the text writes elsewhere after another word ("Half Clinton" when
/// the text also says "Hillary Clinton"; not "Golden Nugget" said once).
pub fn next_stands_alone(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let (lead, next) = (doc.token_text(i), doc.token_text(i + 1));
    // "(Office of Mobile Security …)": a run going on with a small word is a title.
    if !next.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    lex.is_given_name(next)
        || super::elsewhere(doc, i).any(|k| {
            k != i + 1 && doc.token_text(k) == next && (k == 0 || doc.token_text(k - 1) != lead)
        })
}

/// "Presumptive Democratic", "Messianic Jewish", "Rohingya Muslims": a run of several
/// words that would name a person but ends in a party or religion adjective or a group
/// noun (`not_lone_names.tsv`; after a hyphen too: "Republican-turned Democratic")
/// names no one. A given name there ("Christian") may end a name.
pub fn ends_in_adjective(doc: &Doc, lex: &Lexicon, run: Range<usize>) -> bool {
    if run.len() < 2 {
        return false;
    }
    let last = doc.token_text(run.end - 1);
    let tail = last.rsplit(['-', '‐', '‑']).next().unwrap_or(last);
    lex.is_not_lone_name(tail) && !lex.is_given_name(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::lexicon::lexicon;
    use crate::nlp::mentions::tests::names;

    #[test]
    fn plural_of_common_word_opening_a_sentence_is_no_name() {
        let n = names("Contacts were held with him in Moscow, Sergei Lavrov said.");
        assert_eq!(n, ["Moscow", "Sergei Lavrov"]);
    }

    #[test]
    fn plural_in_ies_is_found_by_its_singular() {
        assert!(is_common_or_plural(lexicon(), "parties"));
        assert!(!is_common_or_plural(lexicon(), "erdogans"));
    }

    #[test]
    fn creed_adjective_alone_is_no_name() {
        let n = names("Amirabdollahian said the Zionist regime must stop.");
        assert_eq!(n, ["Amirabdollahian"]);
    }

    #[test]
    fn phobic_adjective_is_no_name() {
        let n = names("Spikes in antisemitic and Islamophobic hate crime, Jim Smith said.");
        assert_eq!(n, ["Jim Smith"]);
    }

    #[test]
    fn quist_surname_is_a_name() {
        assert!(!is_creed_word("Lindquist"));
        assert!(is_creed_word("Marxists"));
    }

    #[test]
    fn based_compound_is_no_name() {
        assert!(names("He works for a Texas-based group.").is_empty());
    }

    #[test]
    fn name_glued_to_run_is_no_name() {
        let n = names("He joined the Hilary Clinton-run office in 2010.");
        assert!(n.iter().all(|x| !x.contains("Hilary")), "{n:?}");
    }

    #[test]
    fn compound_before_name_leaves_the_name() {
        assert_eq!(
            names("Indiana-born Gonzalo Curiel ruled."),
            ["Gonzalo Curiel"]
        );
    }

    #[test]
    fn number_word_is_no_name() {
        assert!(names("Twenty-four senators voted.").is_empty());
    }

    #[test]
    fn agent_noun_compound_is_no_name() {
        assert!(is_adjective_compound(lexicon(), "Fact-checkers"));
    }

    #[test]
    fn korean_syllable_stays_a_name() {
        assert!(!is_adjective_compound(lexicon(), "Jae-in"));
    }

    #[test]
    fn two_letter_word_after_a_word_is_a_compound() {
        assert!(is_adjective_compound(lexicon(), "Pop-up"));
    }

    #[test]
    fn compound_ending_on_given_name_stays() {
        assert!(!is_adjective_compound(lexicon(), "Ki-moon"));
    }

    #[test]
    fn camel_parts_cut_at_inner_capitals() {
        assert_eq!(camel_parts("LivefyreFAQSign"), ["Livefyre", "FAQ", "Sign"]);
    }

    #[test]
    fn page_furniture_with_commenter_is_no_name() {
        let n = names("It was late.\nZach CarterFlagShareLikeReplyPaige Lavender 5pts moderator");
        assert!(n.is_empty(), "{n:?}");
    }

    #[test]
    fn one_button_word_is_no_furniture() {
        assert!(!is_page_furniture("HuffPost"));
    }

    #[test]
    fn lead_word_before_full_name_goes() {
        assert_eq!(names("He praised Pastor Darrell Scott."), ["Darrell Scott"]);
    }

    #[test]
    fn time_noun_before_full_name_goes() {
        let n = names("They mocked the Liar of the Year Barack Obama.");
        assert!(n.contains(&"Barack Obama".to_string()), "{n:?}");
        assert!(!n.iter().any(|x| x.starts_with("Year")), "{n:?}");
    }

    #[test]
    fn auxiliary_after_colon_goes() {
        let n = names("Q: Does Ted Cruz?");
        assert!(n.contains(&"Ted Cruz".to_string()), "{n:?}");
        assert!(!n.iter().any(|x| x.starts_with("Does")), "{n:?}");
    }

    #[test]
    fn common_word_after_colon_goes_before_known_name() {
        let n =
            names("Hillary Clinton denied it. Report: Half Clinton's meetings were with donors.");
        assert!(n.contains(&"Clinton".to_string()), "{n:?}");
        assert!(!n.iter().any(|x| x.starts_with("Half")), "{n:?}");
    }

    #[test]
    fn title_after_colon_stays() {
        assert_eq!(
            names("Revenue rose at the casinos: Golden Nugget by 29 percent."),
            ["Golden Nugget"]
        );
    }

    #[test]
    fn quoted_show_title_stays() {
        assert_eq!(
            names("He said so on MSNBC's “Morning Joe” on Monday."),
            ["MSNBC", "Morning Joe"]
        );
    }

    #[test]
    fn list_number_opens_a_clause() {
        let n = names("Sanders spoke.\n5) Can Sanders take a punch?");
        assert!(!n.iter().any(|x| x.starts_with("Can")), "{n:?}");
    }

    #[test]
    fn month_before_day_is_no_name() {
        assert!(names("The state votes May 10.").is_empty());
    }

    #[test]
    fn month_after_in_is_no_name() {
        assert!(names("The judge ruled in May.").is_empty());
    }

    #[test]
    fn surname_may_stays() {
        assert_eq!(names("Theresa May spoke."), ["Theresa May"]);
    }

    #[test]
    fn initial_that_is_a_word_stays_in_name() {
        let n = names("He wrote to James A. Baker on Tuesday.");
        assert_eq!(n, ["James A. Baker"]);
    }

    #[test]
    fn party_adjective_run_is_no_person() {
        assert_eq!(
            names("Presumptive Democratic nominee Hillary Clinton spoke."),
            ["Hillary Clinton"]
        );
    }

    #[test]
    fn religion_adjective_run_is_no_person() {
        assert!(names("He joined a Messianic Jewish congregation.").is_empty());
    }
}
