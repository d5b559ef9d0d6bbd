//! Chunking: the first half of the `mentions` pass.
//!
//! Cuts one sentence's tokens into chunks: lexicon names, titles (with their
//! modifiers), institutions, honorifics, runs of capitalised words, pronouns,
//! possessive `'s`, and everything else. It decides nothing about who is who; `combine`
//! turns chunk patterns into mentions.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use super::junk;
use super::runs::{is_compound_of_names, junk_end, name_before_verb, name_run_end};
use crate::nlp::lexicon::{Form, Lexicon};
use crate::nlp::{Doc, TokenKind};

/// What a chunk is.
#[derive(Debug, Clone, PartialEq)]
pub enum ChunkKind {
    /// A lexicon form: entry index and how the form names it.
    Lex(usize, Form),
    /// A title: normalised text ("Deputy Foreign Minister") and whether it names a
    /// collective ("officials") rather than one person.
    Title {
        /// The normalised title.
        title: String,
        /// Whether it names a group ("officials", "delegation").
        collective: bool,
    },
    /// A government body noun ("foreign ministry").
    Institution(String),
    /// "Mr.", "Dr." …
    Honorific,
    /// A run of capitalised words not in the lexicon.
    Name,
    /// he, she, him, his, her, they, them, their.
    Pronoun,
    /// The possessive `'s`.
    Possessive,
    /// Anything else (one token).
    Other,
}

/// A chunk: its kind and its tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// What it is.
    pub kind: ChunkKind,
    /// Token indices.
    pub tokens: Range<usize>,
}

/// Name particles that may stand inside a name in lower case ("Osama bin Laden").
pub(super) const PARTICLES: &[&str] = &[
    "al", "al-", "bin", "binti", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "van", "von",
];

pub(super) fn is_cap_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    let text = doc.token_text(i);
    match text.chars().next() {
        Some(c) if c.is_uppercase() => true,
        // "al-Sisi", "el-Assad": a name behind an Arabic article prefix.
        Some(c) if c.is_lowercase() && text.get(..4).is_some_and(|h| h.contains('-')) => {
            let rest = crate::resolve::names::strip_article(text);
            rest.len() < text.len() && rest.chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

pub(super) fn lower(doc: &Doc, i: usize) -> String {
    doc.token_text(i).to_lowercase()
}

/// Every token of a document in lower case, made once per document so that the
/// chunker's many lookups (titles, title words, pronouns) fold no word twice. A token
/// with no capital is borrowed, not copied.
pub fn lower_tokens(doc: &Doc) -> Vec<Cow<'_, str>> {
    (0..doc.tokens.len())
        .map(|i| {
            let t = doc.token_text(i);
            if t.chars().any(char::is_uppercase) {
                Cow::Owned(t.to_lowercase())
            } else {
                Cow::Borrowed(t)
            }
        })
        .collect()
}

/// Title Case of a lower-case phrase ("deputy foreign minister" → "Deputy Foreign
/// Minister"); short function words stay lower case.
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(k, w)| {
            if k > 0 && matches!(w, "of" | "for" | "the" | "and" | "on" | "in" | "to") {
                w.to_string()
            } else {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The longest title starting at `i` (after any modifiers), as (end, normalised title,
/// collective).
pub(super) fn title_at(
    doc: &Doc,
    low: &[Cow<str>],
    lex: &Lexicon,
    i: usize,
    end: usize,
) -> Option<(usize, String, bool)> {
    let mut j = i;
    let mut kept: Vec<&str> = Vec::new();
    while j < end && lex.title_word_kind(&low[j]) == Some("modifier") {
        let w: &str = &low[j];
        // "former", "deputy", "vice", "acting", "interim" change the office; "senior",
        // "top", "veteran" only describe it.
        if matches!(
            w,
            "former" | "deputy" | "vice" | "acting" | "interim" | "chief"
        ) {
            kept.push(w);
        }
        j += 1;
    }
    // No title starts with this word: nothing to look up.
    if j >= end {
        return None;
    }
    // "IAEA chief Rafael Grossi": a modifier that is itself a title ("chief"), right
    // before a name, is the title.
    let modifier_title = || -> Option<(usize, String, bool)> {
        let last = kept.last().filter(|_| j > i && is_cap_word(doc, j))?;
        lex.title_kind(last)
            .filter(|&k| k != "collective")
            .map(|_| (j, title_case(&kept.join(" ")), false))
    };
    let Some(mut lengths) = lex.title_lengths(&low[j]) else {
        return modifier_title();
    };
    // A title is words only: the longest candidate stops before the first other token.
    let mut max = lex.max_title_len.min(end - j);
    if let Some(k) = (j..j + max).position(|k| doc.tokens[k].kind != TokenKind::Word) {
        max = k;
    }
    // Only lengths some title starting with this word has can match (all of them
    // when a word holds a space, which would make a key of more words).
    if low[j..j + max].iter().any(|w| w.contains(' ')) {
        lengths = u64::MAX;
    }
    let has = |len: usize| len > 64 || lengths >> (len - 1) & 1 == 1;
    let Some(max) = (1..=max).rev().find(|&len| has(len)) else {
        return modifier_title();
    };
    // One key of all `max` words; each shorter candidate is a prefix of it.
    let mut key = String::new();
    let mut ends = Vec::with_capacity(max);
    for (n, w) in low[j..j + max].iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(w);
        ends.push(key.len());
    }
    for len in (1..=max).rev().filter(|&len| has(len)) {
        let phrase = &key[..ends[len - 1]];
        if let Some(kind) = lex.title_kind(phrase) {
            let mut words = kept.clone();
            words.push(phrase);
            let mut e = j + len;
            // "Sen. Bernie Sanders": the abbreviation's period belongs to the title.
            if e < end
                && doc.token_text(e) == "."
                && doc.tokens[e].span.start == doc.tokens[e - 1].span.end
                && e + 1 < end
                && is_cap_word(doc, e + 1)
            {
                e += 1;
            }
            return Some((e, title_case(&words.join(" ")), kind == "collective"));
        }
    }
    modifier_title()
}

fn institution_at(
    low: &[Cow<str>],
    lex: &Lexicon,
    i: usize,
    end: usize,
) -> Option<(usize, String)> {
    if end - i >= 2 && lex.is_title_word_first_word(&low[i]) {
        let phrase = format!("{} {}", low[i], low[i + 1]);
        if lex.title_word_kind(&phrase) == Some("institution") {
            return Some((i + 2, title_case(&phrase)));
        }
    }
    if lex.title_word_kind(&low[i]) == Some("institution") {
        return Some((i + 1, title_case(&low[i])));
    }
    None
}

pub(super) fn lex_at(
    doc: &Doc,
    lex: &Lexicon,
    i: usize,
    end: usize,
) -> Option<(usize, usize, Form)> {
    let mut words = [""; 8];
    let n = end.min(i + 8) - i;
    for (k, w) in words[..n].iter_mut().enumerate() {
        *w = doc.token_text(i + k);
    }
    lex.longest_match(&words[..n])
        .map(|h| (i + h.len, h.entry, h.form))
}

/// Whether token `i` opens its sentence (only quotes or brackets before it).
pub fn is_sentence_initial(doc: &Doc, start: usize, i: usize) -> bool {
    (start..i).all(|k| {
        matches!(doc.tokens[k].kind, TokenKind::Quote)
            || matches!(doc.token_text(k), "(" | "[" | "—" | "-")
    })
}

/// Whether a sentence is a headline in Title Case ("Chris Christie Calls Hillary
/// Clinton a Liar"): most of its words of three letters or more are capitalised, and
/// the only lower-case ones are the short function words Title Case leaves small. A
/// body sentence dense with names ("Barack Obama met David Cameron") still has its
/// verb in lower case, so it is no headline.
pub fn is_title_case(doc: &Doc, range: Range<usize>) -> bool {
    let (mut words, mut caps) = (0, 0);
    for i in range {
        let w = doc.token_text(i);
        if doc.tokens[i].kind != TokenKind::Word || w.chars().nth(2).is_none() {
            continue;
        }
        words += 1;
        let first = w.chars().next();
        if first.is_some_and(char::is_uppercase) {
            caps += 1;
        } else if first.is_some_and(char::is_lowercase)
            && TITLE_CASE_SMALL_WORDS.binary_search(&w).is_err()
        {
            // A lower-case content word: no headline.
            return false;
        }
    }
    words >= 4 && caps * 10 >= words * 8
}

/// Words of three letters or more that Title Case headlines leave in lower case
/// (articles, conjunctions, prepositions), sorted for binary search.
const TITLE_CASE_SMALL_WORDS: &[&str] = &[
    "about", "after", "against", "amid", "and", "before", "but", "for", "from", "into", "near",
    "nor", "off", "onto", "over", "per", "than", "the", "under", "upon", "via", "with", "yet",
];

/// Capitalised words the document uses inside sentences (headlines and clause openings
/// left out): a sentence-initial word, or any word of a Title Case headline, counts as
/// a name only if it also stands capitalised elsewhere (or is a given name or a lexicon
/// name).
/// `headlines` tells, per sentence, whether it [`is_title_case`].
pub fn mid_sentence_capitals<'d>(doc: &'d Doc, headlines: &[bool]) -> HashSet<&'d str> {
    let mut set = HashSet::new();
    for (s, &headline) in doc.sentences.iter().zip(headlines) {
        if headline {
            continue;
        }
        for i in s.tokens.clone() {
            if is_cap_word(doc, i) && !junk::opens_clause(doc, s.tokens.start, i) {
                let prev = doc.token_text(i - 1);
                if !matches!(prev, ":" | "." | "?" | "!") {
                    set.insert(doc.token_text(i));
                }
            }
        }
    }
    set
}

/// Cuts the tokens `range` (one sentence) into chunks. `mid_caps` is
/// [`mid_sentence_capitals`] of the document.
/// `low` is [`lower_tokens`] of the document; `headline` whether the sentence
/// [`is_title_case`].
pub fn chunk(
    doc: &Doc,
    low: &[Cow<str>],
    lex: &Lexicon,
    range: Range<usize>,
    headline: bool,
    mid_caps: &HashSet<&str>,
) -> Vec<Chunk> {
    let mut out = Vec::new();
    let end = range.end;
    let mut i = range.start;
    // In a Title Case headline, capitals say nothing: only words the body also
    // capitalises (or given names) may form names.
    let known = |w: &str| !headline || mid_caps.contains(w) || lex.is_given_name(w);
    while i < end {
        let tok = doc.tokens[i];
        let text = doc.token_text(i);
        if matches!(text, "'s" | "’s" | "'S" | "’S") {
            out.push(Chunk {
                kind: ChunkKind::Possessive,
                tokens: i..i + 1,
            });
            i += 1;
            continue;
        }
        if tok.kind != TokenKind::Word {
            out.push(Chunk {
                kind: ChunkKind::Other,
                tokens: i..i + 1,
            });
            i += 1;
            continue;
        }
        let lexm = lex_at(doc, lex, i, end);
        // "the 193-member General Assembly": a title glued to a hyphen is a modifier.
        let after_hyphen = i > range.start
            && doc.token_text(i - 1) == "-"
            && doc.tokens[i - 1].span.end == tok.span.start;
        let title = title_at(doc, low, lex, i, end).filter(|_| !after_hyphen);
        let inst = institution_at(low, lex, i, end);
        let lex_end = lexm.map(|l| l.0).unwrap_or(i);
        let title_end = title.as_ref().map(|t| t.0).unwrap_or(i);
        let inst_end = inst.as_ref().map(|t| t.0).unwrap_or(i);
        if lex_end > i && lex_end >= title_end && lex_end >= inst_end {
            let (e, entry, form) = lexm.unwrap_or((i + 1, 0, Form::Name));
            out.push(Chunk {
                kind: ChunkKind::Lex(entry, form),
                tokens: i..e,
            });
            i = e;
            continue;
        }
        if let Some((e, t, collective)) = title.filter(|t| t.0 >= inst_end) {
            out.push(Chunk {
                kind: ChunkKind::Title {
                    title: t,
                    collective,
                },
                tokens: i..e,
            });
            i = e;
            continue;
        }
        if let Some((e, name)) = inst {
            out.push(Chunk {
                kind: ChunkKind::Institution(name),
                tokens: i..e,
            });
            i = e;
            continue;
        }
        let lw: &str = &low[i];
        if lex.title_word_kind(lw) == Some("modifier") {
            // "Senior" in "Senior Hamas member X" is not a name.
            out.push(Chunk {
                kind: ChunkKind::Other,
                tokens: i..i + 1,
            });
            i += 1;
            continue;
        }
        if lex.title_word_kind(lw) == Some("honorific") {
            let mut e = i + 1;
            if e < end && doc.token_text(e) == "." && doc.tokens[e].span.start == tok.span.end {
                e += 1;
            }
            out.push(Chunk {
                kind: ChunkKind::Honorific,
                tokens: i..e,
            });
            i = e;
            continue;
        }
        if matches!(
            lw,
            "he" | "she" | "him" | "his" | "her" | "they" | "them" | "their"
        ) {
            out.push(Chunk {
                kind: ChunkKind::Pronoun,
                tokens: i..i + 1,
            });
            i += 1;
            continue;
        }
        if is_cap_word(doc, i) && junk::is_glued_junk(lex, text) {
            // "Texas-based", "FlagShareLikeReplyPaige Lavender": an adjective or page
            // text (with the commenter's name glued to it), no name.
            let e = junk_end(doc, low, lex, i, end, &known);
            out.push(Chunk {
                kind: ChunkKind::Other,
                tokens: i..e,
            });
            i = e;
            continue;
        }
        if is_cap_word(doc, i)
            && !lex.is_not_name(text)
            && !is_compound_of_names(lex, text)
            && known(text)
        {
            let e = name_run_end(doc, low, lex, i, end, &known);
            if e < end && is_cap_word(doc, e) && junk::is_glued_junk(lex, doc.token_text(e)) {
                // "Hilary Clinton-run", "Zach CarterFlagShareLikeReply…": the run is a
                // modifier or page text, not a name.
                let e = junk_end(doc, low, lex, e, end, &known);
                out.push(Chunk {
                    kind: ChunkKind::Other,
                    tokens: i..e,
                });
                i = e;
                continue;
            }
            if e == i + 1 && junk::is_month_date(doc, low, i) {
                // "in May", "May 3": a date, not Theresa May.
                out.push(Chunk {
                    kind: ChunkKind::Other,
                    tokens: i..e,
                });
                i = e;
                continue;
            }
            let clause = junk::opens_clause(doc, range.start, i);
            let clause_word = clause && !mid_caps.contains(text);
            if junk::is_lead_word(doc, low, lex, i..e, clause_word) {
                // "Does Marco Rubio", "Pastor Darrell Scott": the name starts after it.
                out.push(Chunk {
                    kind: ChunkKind::Other,
                    tokens: i..i + 1,
                });
                i += 1;
                continue;
            }
            // After a colon or bracket, a run of several words may be a title ("The
            // Trumps: Three Generations"): its first word goes only before a name the
            // text also writes without it ("Report: Half Clinton's …").
            let initial = is_sentence_initial(doc, range.start, i)
                || clause && (e == i + 1 || junk::next_stands_alone(doc, lex, i));
            let common = junk::is_common_or_plural(lex, lw)
                && !mid_caps.contains(text)
                && !lex.is_given_name(text);
            if initial && common && !name_before_verb(doc, low, i, e, end) {
                // "Naturally, …", "Contacts were held", "Notice Trump …": a common word,
                // capitalised only because it opens the sentence, is no (part of a) name.
                out.push(Chunk {
                    kind: ChunkKind::Other,
                    tokens: i..i + 1,
                });
                i += 1;
                continue;
            }
            out.push(Chunk {
                kind: ChunkKind::Name,
                tokens: i..e,
            });
            i = e;
            continue;
        }
        out.push(Chunk {
            kind: ChunkKind::Other,
            tokens: i..i + 1,
        });
        i += 1;
    }
    out
}
