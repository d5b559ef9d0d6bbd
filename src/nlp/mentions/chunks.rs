//! Chunking: the first half of the `mentions` pass.
//!
//! Cuts one sentence's tokens into chunks: lexicon names, titles (with their
//! modifiers), institutions, honorifics, runs of capitalised words, pronouns,
//! possessive `'s`, and everything else. It decides nothing about who is who; `combine`
//! turns chunk patterns into mentions.

use std::collections::HashSet;
use std::ops::Range;

use super::headlines::is_sentence_initial;
use super::junk;
use super::probes::{institution_at, lex_at, title_at, Words};
use super::runs::{
    is_compound_of_names, junk_end, name_before_verb, name_run_end, particle_surname,
};
use crate::nlp::lexicon::{with_capitals_forms, Form, Lexicon};
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

/// Whether a word is a name particle that may stand inside a name in lower case
/// ("Osama bin Laden", "Ursula von der Leyen", "Luiz Inácio Lula da Silva",
/// "Karl-Theodor zu Guttenberg"). Words that are also English ("do", "ten", "y") are
/// left out. A `match`, not a list: it runs on every lower-case word.
pub(super) fn is_particle(w: &str) -> bool {
    match w.as_bytes() {
        [a, b] => matches!(
            [*a, *b],
            [b'a', b'l']
                | [b'd', b'a' | b'e' | b'i' | b'u']
                | [b'e', b'l']
                | [b'l', b'a' | b'e']
                | [b'z', b'u']
        ),
        [_, _, _] => matches!(
            w,
            "abu"
                | "al-"
                | "ben"
                | "bin"
                | "das"
                | "del"
                | "den"
                | "der"
                | "des"
                | "dos"
                | "ibn"
                | "van"
                | "von"
        ),
        [_, _, _, _] => matches!(w, "bint" | "ould"),
        [_, _, _, _, _] => matches!(w, "binti" | "degli" | "della"),
        _ => false,
    }
}

/// Whether a token is the possessive the tokenizer splits off a word ("Iran" "'s").
pub(super) fn is_possessive(text: &str) -> bool {
    matches!(text, "'s" | "’s" | "'S" | "’S")
}

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

/// Cuts the tokens `range` (one sentence) into chunks. `mid_caps` is
/// [`super::headlines::mid_sentence_capitals`] of the document.
/// `words` is [`Words`] of the document; `headline` whether the sentence
/// [`super::headlines::is_title_case`].
pub fn chunk(
    doc: &Doc,
    words: &Words,
    lex: &Lexicon,
    range: Range<usize>,
    headline: bool,
    mid_caps: &HashSet<&str>,
) -> Vec<Chunk> {
    let low = &words.low;
    let mut out = Vec::new();
    let end = range.end;
    let mut i = range.start;
    // In a Title Case headline, capitals say nothing: only words the body also
    // capitalises (or given names) may form names.
    // A word in capitals that is ordinary English ("TUESDAY'S MEETING", "THE WHITE
    // HOUSE") forms no name unless the text writes it as one elsewhere ("Bush") or it
    // is a given name.
    let known = |w: &str| {
        with_capitals_forms(w, |t, low| {
            let named = mid_caps.contains(t) || lex.is_given_name(t);
            // "DOESN'T", "WE'RE": a contraction.
            let contraction = low
                .split_once(['\'', '’'])
                .is_some_and(|(_, r)| matches!(r, "t" | "re" | "ve" | "ll" | "d" | "m"));
            (named || !junk::is_common_or_plural(lex, low) && !contraction)
                && (!headline || named || mid_caps.contains(w))
        })
        .unwrap_or_else(|| !headline || mid_caps.contains(w) || lex.is_given_name(w))
    };
    while i < end {
        let tok = doc.tokens[i];
        let text = doc.token_text(i);
        if is_possessive(text) {
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
        let lexm = lex_at(doc, words, lex, i, end);
        // "the 193-member General Assembly": a title glued to a hyphen is a modifier.
        let after_hyphen = i > range.start
            && doc.token_text(i - 1) == "-"
            && doc.tokens[i - 1].span.end == tok.span.start;
        let title = title_at(doc, words, lex, i, end).filter(|_| !after_hyphen);
        let inst = institution_at(words, lex, i, end);
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
        if words.title_word(i) == Some("modifier") {
            // "Senior" in "Senior Hamas member X" is not a name.
            out.push(Chunk {
                kind: ChunkKind::Other,
                tokens: i..i + 1,
            });
            i += 1;
            continue;
        }
        if words.title_word(i) == Some("honorific") {
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
            let e = junk_end(doc, words, lex, i, end, &known);
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
            let e = name_run_end(doc, words, lex, i, end, &known);
            if e < end && is_cap_word(doc, e) && junk::is_glued_junk(lex, doc.token_text(e)) {
                // "Hilary Clinton-run", "Zach CarterFlagShareLikeReply…": the run is a
                // modifier or page text, not a name.
                let e = junk_end(doc, words, lex, e, end, &known);
                out.push(Chunk {
                    kind: ChunkKind::Other,
                    tokens: i..e,
                });
                i = e;
                continue;
            }
            if e == i + 1
                && (junk::is_month_date(doc, low, i) || junk::is_day_name(doc, low, lex, i))
            {
                // "in May", "May 3": a date, not Theresa May; "Super Tuesday": a day.
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
        if is_particle(text) {
            let after_title = matches!(
                out.last().map(|c| &c.kind),
                Some(
                    ChunkKind::Title {
                        collective: false,
                        ..
                    } | ChunkKind::Honorific
                )
            );
            if let Some(e) = particle_surname(doc, words, lex, after_title, (i, end), &known) {
                out.push(Chunk {
                    kind: ChunkKind::Name,
                    tokens: i..e,
                });
                i = e;
                continue;
            }
        }
        out.push(Chunk {
            kind: ChunkKind::Other,
            tokens: i..i + 1,
        });
        i += 1;
    }
    out
}
