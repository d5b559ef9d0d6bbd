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

use super::chunks::{is_org_word, is_sentence_initial};
use crate::nlp::lexicon::Lexicon;
use crate::nlp::{Doc, TokenKind};

/// Words of web-page furniture (buttons, links), lower case, sorted.
const PAGE_WORDS: &str = include_str!("../lexicons/page_words.tsv");

fn is_page_word(lower: &str) -> bool {
    PAGE_WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.trim() == lower)
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

/// Month names and their abbreviations, some of which are names too ("May", "Jan").
const MONTHS: &[&str] = &[
    "Apr", "April", "Aug", "August", "Dec", "December", "Feb", "February", "Jan", "January",
    "Jul", "July", "Jun", "June", "Mar", "March", "May", "Nov", "November", "Oct", "October",
    "Sep", "Sept", "September",
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
    doc.tokens.get(n).is_some_and(|t| t.kind == TokenKind::Number)
        || i > 0 && BEFORE_MONTH.contains(&&*low[i - 1])
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

/// Whether the word after token `i` names something without it: a given name, or a
/// word the text writes elsewhere, capitalised, after another word ("Half Clinton" when
/// the text also says "Hillary Clinton"; not "Golden Nugget" said once).
pub fn next_stands_alone(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let (lead, next) = (doc.token_text(i), doc.token_text(i + 1));
    lex.is_given_name(next)
        || (1..doc.tokens.len())
            .any(|k| k != i + 1 && doc.token_text(k) == next && doc.token_text(k - 1) != lead)
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
