//! Where a run of capitalised words ends, for chunking: closed-class words that open
//! sentences, verbs that follow a name, junk glued to a name (`junk`), hyphenated
//! compounds of names. It answers questions about tokens; it makes no chunks (that is
//! `chunks::chunk`) and no mentions.

use std::borrow::Cow;

use super::chunks::{is_cap_word, is_particle};
use super::junk;
use super::probes::{lex_at, lower, title_at, Words};
use crate::nlp::lexicon::Lexicon;
use crate::nlp::{Doc, TokenKind};

/// Closed-class words that open sentences and are never names ("That said, …").
const NEVER_NAMES: &[&str] = &[
    "all",
    "another",
    "any",
    "both",
    "each",
    "either",
    "every",
    "everybody",
    "everyone",
    "everything",
    "few",
    "here",
    "many",
    "most",
    "much",
    "neither",
    "nobody",
    "none",
    "nothing",
    "one",
    "other",
    "several",
    "some",
    "somebody",
    "someone",
    "something",
    "such",
    "that",
    "there",
    "these",
    "this",
    "those",
    "what",
    "which",
    "who",
];

/// Verb forms that follow a person's name opening a sentence ("Trump said", "Rice
/// met"); regular past tenses ("suggested") count as well.
const VERBS_AFTER_NAME: &[&str] = &[
    "came", "gave", "lost", "made", "meets", "met", "said", "says", "sent", "speaks", "spent",
    "spoke", "took", "tells", "told", "went", "won", "wrote",
];

/// "Trump suggested he changed his mind": a single capitalised common word opening the
/// sentence is a surname when a verb follows it, its shape is no plural, adverb or
/// participle, and the document never writes it in lower case.
pub(super) fn name_before_verb(
    doc: &Doc,
    low: &[Cow<str>],
    i: usize,
    e: usize,
    end: usize,
) -> bool {
    if e != i + 1 || e >= end {
        return false;
    }
    let lw: &str = &low[i];
    if lw.chars().count() < 3
        || NEVER_NAMES.contains(&lw)
        || ["s", "ly", "ing", "ed"].iter().any(|x| lw.ends_with(x))
    {
        return false;
    }
    let next = doc.token_text(e);
    // "Trump and his aides": a person and the people of his.
    let and_his = next == "and" && e + 1 < end && matches!(doc.token_text(e + 1), "his" | "her");
    let verb = and_his
        || doc.tokens[e].kind == TokenKind::Word
            && next.chars().next().is_some_and(char::is_lowercase)
            && (VERBS_AFTER_NAME.contains(&next) || (next.ends_with("ed") && next.len() > 4));
    verb && !(0..doc.tokens.len()).any(|k| k != i && doc.token_text(k) == lw)
}

/// The end of a run of capitalised words starting at `i`: it stops before a title, a
/// lexicon name (unless an organisation word follows: "New York Times"), a word that
/// never names an actor, and punctuation, but keeps initials ("John F. Kennedy") and
/// particles ("bin", "al-").
pub(super) fn name_run_end(
    doc: &Doc,
    words: &Words,
    lex: &Lexicon,
    i: usize,
    end: usize,
    known: &dyn Fn(&str) -> bool,
) -> usize {
    let mut j = i + 1;
    while j < end {
        let t = doc.token_text(j);
        let glued_prev = doc.tokens[j].span.start == doc.tokens[j - 1].span.end;
        if t == "."
            && glued_prev
            && doc.token_text(j - 1).chars().count() == 1
            && j + 1 < end
            && is_cap_word(doc, j + 1)
        {
            j += 1; // the period of an initial
            continue;
        }
        // "Mohammed bin Salman", "Ursula von der Leyen", "Jean de la Fontaine": one to
        // three particles between two capitalised name words.
        if let Some(n) = particles_end(doc, j, end) {
            j = n;
            continue;
        }
        // "Directorate of Communications", "Bank of England": `of`/`for`/`and` inside an
        // organisation's name.
        if matches!(t, "of" | "for" | "and" | "on")
            && (i..j).any(|k| words.title_word(k) == Some("org_word"))
            && j + 1 < end
            && is_cap_word(doc, j + 1)
            && !lex.is_not_name(doc.token_text(j + 1))
        {
            j += 1;
            continue;
        }
        // "James A. Baker": an initial is a name part even when the letter is a word.
        let initial = t.chars().count() == 1
            && j + 2 < end
            && doc.token_text(j + 1) == "."
            && doc.tokens[j + 1].span.start == doc.tokens[j].span.end
            && is_cap_word(doc, j + 2);
        if !is_cap_word(doc, j)
            || (lex.is_not_name(t) && !initial)
            || !known(t)
            || junk::is_glued_junk(lex, t)
        {
            break;
        }
        if title_at(doc, words, lex, j, end).is_some() && words.title_word(j) != Some("org_word") {
            break;
        }
        if lex_at(doc, words, lex, j, end).is_some() {
            break;
        }
        j += 1;
    }
    // Never end on a connector or particle ("Palestinian Authority and").
    while j > i + 1 && !is_cap_word(doc, j - 1) {
        j -= 1;
    }
    j
}

/// The end of the lower-case particles ("bin", "von der", "de la") that start at token
/// `j` when a capitalised word follows them (at most three: "Merkel de facto" and
/// "Putin la" are cut before the particle); `None` when no particle stands there.
fn particles_end(doc: &Doc, j: usize, end: usize) -> Option<usize> {
    let mut n = j;
    while n < end && n < j + 3 && is_particle(doc.token_text(n)) {
        n += 1;
    }
    (n > j && n < end && is_cap_word(doc, n)).then_some(n)
}

/// "President von der Leyen", "Mr. de Blasio", "de Blasio said" (after "Bill de
/// Blasio"): lower-case particles opening a surname. They start a name, ending where
/// [`name_run_end`] says, when they are two or more, when a title or honorific stands
/// right before them (`after_title`), or when the text writes the same words after a
/// capitalised name word elsewhere. Not before a lexicon name ("Tour de France").
pub(super) fn particle_surname(
    doc: &Doc,
    words: &Words,
    lex: &Lexicon,
    after_title: bool,
    (i, end): (usize, usize),
    known: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    let n = particles_end(doc, i, end)?;
    let head = doc.token_text(n);
    if lex.is_not_name(head)
        || !known(head)
        || junk::is_glued_junk(lex, head)
        || lex_at(doc, words, lex, n, end).is_some()
    {
        return None;
    }
    let written_after_a_name = || {
        let len = n + 1 - i;
        super::elsewhere(doc, i).any(|k| {
            k > 0
                && k != i
                && k + len <= doc.tokens.len()
                && (0..len).all(|d| doc.token_text(k + d) == doc.token_text(i + d))
                && is_cap_word(doc, k - 1)
        })
    };
    (n - i >= 2 || after_title || written_after_a_name())
        .then(|| name_run_end(doc, words, lex, n, end, known))
}

/// The end of junk token `f` glued to a name, with what it drags along: for page
/// furniture the capitalised run after it (the commenter's name in
/// "FlagShareLikeReplyPaige Lavender"); for an adjective compound a capitalised common
/// noun it qualifies ("a Christmas-themed Web ad").
pub(super) fn junk_end(
    doc: &Doc,
    words: &Words,
    lex: &Lexicon,
    f: usize,
    end: usize,
    known: &dyn Fn(&str) -> bool,
) -> usize {
    let next = f + 1;
    if next >= end || !is_cap_word(doc, next) || lex.is_not_name(doc.token_text(next)) {
        return next;
    }
    if junk::is_page_furniture(doc.token_text(f)) {
        if doc.tokens[next].span.start > doc.tokens[f].span.end {
            return name_run_end(doc, words, lex, next, end, known);
        }
        return next;
    }
    let e = name_run_end(doc, words, lex, next, end, known);
    if e == next + 1
        && lex.is_common_word(&words.low[next])
        && !lex.is_given_name(doc.token_text(next))
        && lex_at(doc, words, lex, next, end).is_none()
    {
        return e;
    }
    next
}

/// "Israel-Hamas", "Palestine-Israel": a hyphenated compound of lexicon names is an
/// adjective ("the Israel-Hamas war"), not an actor.
pub(super) fn is_compound_of_names(lex: &Lexicon, word: &str) -> bool {
    word.contains('-') && word.split('-').all(|p| !lex.lookup(p).is_empty())
}

/// Whether token `i` is a word that makes a name an organisation's ("Party").
pub fn is_org_word(lex: &Lexicon, doc: &Doc, i: usize) -> bool {
    lex.title_word_kind(&lower(doc, i)) == Some("org_word")
}
