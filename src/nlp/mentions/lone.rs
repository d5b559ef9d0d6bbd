//! Whether one capitalised word, standing alone, can name an actor: the check the
//! combining pass makes before a one-word name becomes a mention. One-word "persons"
//! such as "Democratic", "I'm" or "ABSTRACT" are extraction errors that clustering then
//! spreads over every article naming them. This module reads the lexicon and the text
//! around the word; it makes no mentions.

use super::chunks::{is_cap_word, is_possessive};
use super::probes::title_case;
use crate::nlp::lexicon::Lexicon;
use crate::nlp::{Doc, TokenKind};

/// Whether one capitalised word, standing alone, can name an actor. Not: a word the
/// lexicon says is an adjective or group noun ("Democratic", "Muslims"); a contraction
/// ("I'm", "We're": capitalised because it opens the sentence); a word in capitals that
/// is ordinary English ("TODAY"), a known name in other letters ("WASHINGTON" in a
/// dateline) or alone on its line ("ABSTRACT" over a text); one letter ("X." closing a
/// section, "(R)"); the plural of a surname the text uses ("the Clintons"); a word for a
/// creed or stance ("Zionist", "Islamophobic"); an English word opening a quotation
/// ("“Well, this is …", "“Thank you", "on “Meet the Press”") the text never
/// capitalises inside a sentence; an English word that is no given name and no entry
/// of the lexicon, after a determiner or a possessive ("the District", "The Latest:",
/// "ABC's This Week"), unless the text also writes it as the last word of a name
/// ("Todd Young … the Young campaign"); such a word glued to a country, place or
/// organisation the lexicon knows ("Boston Globe", "Priorities USA"), with the same
/// exception. Acronyms
/// ("CPAC") stay.
pub fn lone_name(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let text = doc.token_text(i);
    if lex.is_not_lone_name(text)
        || super::junk::is_creed_word(text)
        || text.chars().filter(|c| c.is_alphabetic()).count() < 2
        || plural_of_surname(doc, i)
    {
        return false;
    }
    if let Some((_, rest)) = text.split_once(['\'', '’']) {
        if matches!(rest, "m" | "re" | "ve" | "ll" | "d" | "t") {
            return false;
        }
    }
    if opens_quotation(doc, i)
        && super::junk::is_common_or_plural(lex, &text.to_lowercase())
        && !lex.is_given_name(text)
        && !capitalised_in_a_sentence(doc, i)
    {
        return false;
    }
    if (after_determiner(doc, i) || beside_a_known_name(doc, lex, i))
        && super::junk::is_common_or_plural(lex, &text.to_lowercase())
        && !lex.is_given_name(text)
        && lex.lookup(text).is_empty()
        && !ends_a_name_elsewhere(doc, i)
    {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && !text.chars().any(|c| c.is_lowercase()) {
        let lower = text.to_lowercase();
        let title = title_case(&lower);
        if lex.is_common_word(&lower) || !lex.lookup(&title).is_empty() || alone_on_line(doc, i) {
            return false;
        }
    }
    true
}

/// Words that stand before a noun, never before a person's name.
const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "these", "those"];

/// Whether token `i` follows a determiner or a possessive ("the District", "The
/// Latest:", "ABC's This Week", "Clinton's State meetings"): a capitalised English
/// word there is a noun of a title or a name of a thing, not a person's name.
fn after_determiner(doc: &Doc, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let prev = doc.token_text(p);
    is_possessive(prev)
        || doc.tokens[p].kind == TokenKind::Word
            && DETERMINERS.contains(&prev.to_lowercase().as_str())
}

/// Whether token `i` is glued, with one space and no punctuation, to a capitalised word
/// the lexicon knows as a country, place or organisation ("Boston Globe", "Oklahoma
/// City", "Priorities USA", "Make America Great Again"): an English word there is part
/// of the longer name of a thing that the lexicon cut.
fn beside_a_known_name(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let body = doc.body();
    let glued = |a: usize, b: usize| {
        body.get(doc.tokens[a].span.end..doc.tokens[b].span.start) == Some(" ")
    };
    let known = |k: usize| is_cap_word(doc, k) && !lex.lookup(doc.token_text(k)).is_empty();
    // "M. Dane Waters", "Make America Great Again": a known word inside a longer
    // capitalised run (after a capitalised word or an initial) may be part of a
    // person's name, so only a known word that opens its run counts.
    let opens_run = |k: usize| {
        let before = body.get(..doc.tokens[k].span.start).unwrap_or("");
        let Some(before) = before.strip_suffix(' ') else {
            return true;
        };
        let mut tail = before.chars().rev();
        let initial = matches!(
            (tail.next(), tail.next(), tail.next()),
            (Some('.'), Some(c), p) if c.is_uppercase() && !p.is_some_and(char::is_alphabetic)
        );
        !(initial || k > 0 && is_cap_word(doc, k - 1) && glued(k - 1, k))
    };
    (i > 0 && known(i - 1) && glued(i - 1, i) && opens_run(i - 1))
        || (i + 1 < doc.tokens.len() && known(i + 1) && glued(i, i + 1))
}

/// Whether the text also writes token `i`'s word right after a capitalised word, as
/// the last word of a name ("George W. Bush" … "the Bush administration").
fn ends_a_name_elsewhere(doc: &Doc, i: usize) -> bool {
    let text = doc.token_text(i).as_bytes();
    let body = doc.body().as_bytes();
    // Compared as bytes, length first, as `capitalised_in_a_sentence` does: the scan
    // runs over the whole text.
    super::elsewhere(doc, i).any(|k| {
        let s = doc.tokens[k].span;
        s.end - s.start == text.len()
            && k != i
            && k > 0
            && body.get(s.start..s.end) == Some(text)
            && is_cap_word(doc, k - 1)
    })
}

/// Whether token `i` stands right after an opening quote ("“Well, this is …", "‘Let’s
/// go"): the quote is glued to it and not to the token before.
fn opens_quotation(doc: &Doc, i: usize) -> bool {
    let Some(q) = i.checked_sub(1) else {
        return false;
    };
    doc.tokens[q].kind == TokenKind::Quote
        && doc.tokens[q].span.end == doc.tokens[i].span.start
        && (q == 0 || doc.tokens[q - 1].span.end < doc.tokens[q].span.start)
}

/// Whether the text writes token `i`'s word capitalised after another word elsewhere
/// ("said Well", "Orson Welles … Well"), where a capital means a name.
fn capitalised_in_a_sentence(doc: &Doc, i: usize) -> bool {
    let text = doc.token_text(i).as_bytes();
    let body = doc.body().as_bytes();
    // Compared as bytes, length first: the scan runs over the whole text.
    super::elsewhere(doc, i).any(|k| {
        let s = doc.tokens[k].span;
        s.end - s.start == text.len()
            && body.get(s.start..s.end) == Some(text)
            && k != i
            && k > 0
            && doc.tokens[k - 1].kind == TokenKind::Word
    })
}

/// Whether token `i` is the only word on its line (a header such as "ABSTRACT.").
fn alone_on_line(doc: &Doc, i: usize) -> bool {
    let body = doc.body();
    let Some(span) = doc.tokens.get(i).map(|t| t.span) else {
        return false;
    };
    let (Some(before), Some(after)) = (body.get(..span.start), body.get(span.end..)) else {
        return false;
    };
    let no_word = |t: &str| t.chars().all(|c| !c.is_alphanumeric());
    no_word(before.rsplit('\n').next().unwrap_or(""))
        && no_word(after.split('\n').next().unwrap_or(""))
}

/// "the Clintons", "the Bushes": token `i` is the plural of a word the text writes as
/// the last word of a name ("Hillary Clinton"): a family, no one person.
fn plural_of_surname(doc: &Doc, i: usize) -> bool {
    let text = doc.token_text(i);
    let Some(stem) = text.strip_suffix('s') else {
        return false;
    };
    let stems = [
        Some(stem),
        stem.strip_suffix('e')
            .filter(|s| s.ends_with("sh") || s.ends_with("ch")),
    ];
    let body = doc.body().as_bytes();
    stems.into_iter().flatten().any(|stem| {
        // Compared as bytes, length first: the scan runs over the whole text, and equal
        // bytes of a whole word are equal text.
        let is_stem = |k: usize| {
            let s = doc.tokens[k].span;
            s.end.checked_sub(s.start) == Some(stem.len())
                && body.get(s.start..s.end) == Some(stem.as_bytes())
        };
        stem.chars().count() >= 3
            && stem.chars().skip(1).any(char::is_lowercase)
            && super::elsewhere(doc, i).skip_while(|&k| k == 0).any(|k| {
                is_stem(k) && is_cap_word(doc, k - 1) && !doc.token_text(k - 1).ends_with('.')
            })
    })
}
