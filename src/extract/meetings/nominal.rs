//! Meetings told as nouns: who took part when the text names the meeting rather than
//! telling it with a verb.
//!
//! - a possessor: "Trump's recent phone call with Tsai", "Duterte's visit to Japan",
//!   "his meeting with X" (the possessor is the subject);
//! - "their": "after their talks in Tehran" (the actors named before it in the
//!   sentence);
//! - a leading phrase: "In a phone call on Saturday, Kerry told Cavusoglu …" (the main
//!   clause's subject and the person it addresses);
//! - separate occasions: "separate telephone calls to the leaders of Japan, China and
//!   Germany" (one meeting per counterpart).
//!
//! This module reads mentions only; it decides nothing about modality, dates or places.

use super::Ctx;
use super::{noun_phrases, participants};
use crate::nlp::{ActorKind, MentionKind, TokenKind};

/// Words that never sit between a possessor and its meeting noun.
const BREAK: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "with",
    "to",
    "of",
    "in",
    "on",
    "at",
    "for",
    "by",
    "from",
    "into",
    "over",
    "about",
    "after",
    "before",
    "during",
    "following",
    "since",
    "until",
    "while",
    "when",
    "as",
    "despite",
    "amid",
    "between",
    "among",
    "that",
    "this",
    "these",
    "those",
    "which",
    "who",
    "it",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "said",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "has",
    "had",
    "have",
    "not",
    "no",
];

/// The first token of the phrase that ends with the trigger at `t0`, skipping up to
/// four modifiers ("recent", "30-minute", "phone", "official").
fn phrase_start(ctx: &Ctx, lo: usize, t0: usize) -> usize {
    let mut j = t0;
    let mut steps = 0;
    while j > lo && steps < 4 {
        let k = j - 1;
        let tok = ctx.doc.tokens[k];
        let w = ctx.words[k].as_str();
        let lower_word = tok.kind == TokenKind::Word
            && ctx
                .doc
                .token_text(k)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        // ("Erdogan's Monday meeting": a weekday names the occasion.)
        let weekday = matches!(
            w,
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        );
        let modifier = (lower_word || weekday || tok.kind == TokenKind::Number || w == "-")
            && !BREAK.contains(&w)
            && ctx.mention_at[k].is_none();
        if !modifier {
            break;
        }
        j = k;
        steps += 1;
    }
    j
}

/// The possessor of the meeting noun at `t0` ("Trump's call", "his meeting"): the
/// participant entity, if any, and whether it is a pronoun.
pub fn possessor(ctx: &Ctx, lo: usize, t0: usize) -> Option<(usize, bool)> {
    let j = phrase_start(ctx, lo, t0);
    if j <= lo {
        return None;
    }
    let k = j - 1;
    if ctx.words[k] == "'s" {
        let m = ctx.mention_at[k.checked_sub(1)?]?;
        if ctx.mention_end[m] != k || ctx.modifier[m] {
            return None;
        }
        return ctx.doc.mentions[m].entity.map(|e| (e, false));
    }
    let m = ctx.mention_at[k]?;
    let men = &ctx.doc.mentions[m];
    if men.kind == MentionKind::Pronoun && matches!(ctx.words[k].as_str(), "his" | "her") {
        return men.entity.map(|e| (e, true));
    }
    None
}

/// "their meeting", "their talks", "a bilateral meeting": the actors (not places) named
/// before the phrase in the sentence, when there are at least two.
pub fn their(ctx: &Ctx, s0: usize, lo: usize, t0: usize) -> Option<Vec<usize>> {
    let j = phrase_start(ctx, lo, t0);
    // "after a bilateral meeting": the word names the two sides as well.
    let joint = ctx.words[j..t0]
        .iter()
        .any(|x| matches!(x.as_str(), "bilateral" | "trilateral" | "joint"));
    if j == 0 || j <= s0 || !(ctx.words[j - 1] == "their" || joint) {
        return None;
    }
    let mut out: Vec<usize> = Vec::new();
    let before = if joint { j } else { j - 1 };
    for k in s0..before {
        let Some(m) = ctx.mention_start[k] else {
            continue;
        };
        let men = &ctx.doc.mentions[m];
        if ctx.modifier[m]
            || men.kind == MentionKind::Pronoun
            || matches!(men.actor_kind, ActorKind::Place)
        {
            continue;
        }
        if let Some(e) = men.entity {
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    (out.len() >= 2).then_some(out)
}

/// Nouns that measure talks ("five hours of talks", "a new round of talks").
const MEASURES: &[&str] = &[
    "days", "hours", "months", "round", "rounds", "session", "sessions", "weeks",
];

/// "during five hours of talks", "after two days of talks": where the phrase that ends
/// with the meeting noun starts when a measure opens it (`j` is where it starts
/// without one).
fn measure_start(ctx: &Ctx, lo: usize, j: usize) -> usize {
    let w = &ctx.words;
    if j < lo + 2 || w[j - 1] != "of" || !MEASURES.contains(&w[j - 2].as_str()) {
        return j;
    }
    let mut k = j - 2;
    // Its count and adjectives: "five", "two", "a new", "several", "48".
    let mut steps = 0;
    while k > lo && steps < 2 {
        let t = ctx.doc.token_text(k - 1);
        let lower = t.chars().next().is_some_and(char::is_lowercase);
        let number = ctx.doc.tokens[k - 1].kind == TokenKind::Number;
        if !(number || lower) || BREAK.contains(&w[k - 1].as_str()) && w[k - 1] != "a" {
            break;
        }
        k -= 1;
        steps += 1;
    }
    k
}

/// Verbs of addressing someone that carry the counterpart of a call or meeting told
/// in a leading phrase ("In a phone call, Kerry told Cavusoglu …").
const ADDRESS: &[&str] = &[
    "told",
    "asked",
    "urged",
    "assured",
    "thanked",
    "congratulated",
    "informed",
    "briefed",
    "warned",
    "pressed",
    "reminded",
    "promised",
    "invited",
    "discussed",
];

/// Whether the trigger's phrase opens the clause after a preposition ("In a phone
/// call", "During their meeting").
pub fn leading_phrase(ctx: &Ctx, lo: usize, t0: usize) -> bool {
    let j = phrase_start(ctx, lo, t0);
    let mut k = measure_start(ctx, lo, j);
    while k > lo
        && matches!(
            ctx.words[k - 1].as_str(),
            "a" | "an" | "the" | "their" | "his" | "her"
        )
    {
        k -= 1;
    }
    k == lo + 1 && matches!(ctx.words[lo].as_str(), "in" | "during" | "at" | "on")
}

/// After a leading phrase ending at the comma `c`: the main clause's subject and the
/// person its verb of addressing names.
pub fn addressed(ctx: &Ctx, c: usize, hi: usize) -> Vec<usize> {
    let subj = participants::subject(ctx, c, hi);
    if subj.is_empty() {
        return subj;
    }
    // (Past a dateline's names and the demonym of a title: "MOSCOW (AP) — Russian
    // President Vladimir Putin told …".)
    let Some(start) = (c..hi).find(|&k| ctx.mention_start[k].is_some_and(|m| !ctx.modifier[m]))
    else {
        return Vec::new();
    };
    let (_, stop) = noun_phrases::noun_phrase(ctx, start, hi);
    let mut k = stop;
    while k < hi && (ctx.words[k].ends_with("ly") || ctx.words[k] == "also") {
        k += 1;
    }
    if k >= hi || !ADDRESS.contains(&ctx.words[k].as_str()) {
        return Vec::new();
    }
    let k = noun_phrases::skip_with(ctx, k + 1, hi);
    let (obj, _) = noun_phrases::noun_phrase(ctx, k, hi);
    let mut out = subj;
    for e in obj {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// Whether the word right before token `lo` is a verb of addressing ("told" in
/// "Putin told Obama in a telephone call"), so a clause that starts at `lo` was cut
/// from its subject.
pub fn addresses_before(ctx: &Ctx, lo: usize) -> bool {
    lo > 0 && ADDRESS.contains(&ctx.words[lo - 1].as_str())
}

/// "Kerry asked Sharif, during a meeting this week": a meeting noun in a phrase after
/// the main verb; the clause's subject and the person its verb of addressing names.
pub fn in_trailing_phrase(ctx: &Ctx, lo: usize, t0: usize) -> Option<Vec<usize>> {
    let j = phrase_start(ctx, lo, t0);
    let mut k = measure_start(ctx, lo, j);
    while k > lo && matches!(ctx.words[k - 1].as_str(), "a" | "an" | "the" | "their") {
        k -= 1;
    }
    if k == lo || !matches!(ctx.words[k - 1].as_str(), "during" | "at" | "in") {
        return None;
    }
    let v = addressed(ctx, lo, k - 1);
    (v.len() >= 2).then_some(v)
}

/// Whether the clause tells separate occasions ("separate calls", "met separately").
pub fn separate(ctx: &Ctx, lo: usize, t0: usize, t1: usize, hi: usize) -> bool {
    let w = &ctx.words;
    w[t0.saturating_sub(4).max(lo)..t0]
        .iter()
        .chain(w[t1..(t1 + 2).min(hi)].iter())
        .any(|x| x == "separate" || x == "separately")
        || several_calls(ctx, t0, t1, hi)
}

/// "he had spoken to four other world leaders, including A and B", "spoke with the
/// leaders of A, B and C": a talk with a group of leaders named by "including" or
/// "of" is one conversation per leader.
fn several_calls(ctx: &Ctx, t0: usize, t1: usize, hi: usize) -> bool {
    let w = &ctx.words;
    let talk = matches!(
        w[t0].as_str(),
        "spoke" | "spoken" | "talked" | "called" | "phoned" | "telephoned" | "calls"
    );
    let end = (t1 + 10).min(hi);
    talk && (t1..end).any(|k| {
        matches!(
            w[k].as_str(),
            "leaders" | "counterparts" | "presidents" | "ministers"
        ) && (w[k + 1..(k + 5).min(hi)].iter().any(|x| x == "including")
            // ("spoke on Tuesday with the leaders of Britain, France and Germany".)
            || w.get(k + 1).is_some_and(|x| x == "of"))
    })
}

/// "the U.S.-China talks", "the Russia-Ukraine talks", "the Trump-Kim summit": the two
/// sides named by a hyphenated compound right before the meeting noun at `t0` (up to
/// two lower-case words may stand between: "the U.S.-China trade talks"). Either two
/// mentions joined by a hyphen, or one hyphenated word whose halves name actors the
/// document mentions elsewhere. `None` unless both sides are found and differ.
pub fn pair_before(ctx: &Ctx, lo: usize, t0: usize) -> Option<Vec<usize>> {
    let toks = &ctx.doc.tokens;
    let touching = |a: usize, b: usize| toks[a].span.end == toks[b].span.start;
    let mut k = t0;
    for _ in 0..2 {
        let lower = k > lo
            && toks[k - 1].kind == TokenKind::Word
            && ctx.mention_at[k - 1].is_none()
            && ctx
                .doc
                .token_text(k - 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && !BREAK.contains(&ctx.words[k - 1].as_str());
        if !lower {
            break;
        }
        k -= 1;
    }
    if k <= lo {
        return None;
    }
    let last = k - 1;
    // "Trump-Putin": the mention finder put one mention on each half of the word.
    let halves: Vec<usize> = ctx
        .doc
        .mentions_in(ctx.doc.tokens[last].span)
        .filter(|&m| ctx.doc.mentions[m].span != ctx.doc.tokens[last].span)
        .filter_map(|m| ctx.doc.mentions[m].entity)
        .collect();
    let pair = if halves.len() == 2 {
        halves
    } else if let Some(mb) = ctx.mention_at[last] {
        // Two mentions: "U.S." "-" "China".
        let b0 = ctx.doc.tokens_in(ctx.doc.mentions[mb].span).start;
        if b0 < lo + 2 || ctx.words[b0 - 1] != "-" || !touching(b0 - 1, b0) {
            return None;
        }
        let ma = ctx.mention_at[b0 - 2]?;
        if !touching(b0 - 2, b0 - 1) {
            return None;
        }
        vec![ctx.doc.mentions[ma].entity?, ctx.doc.mentions[mb].entity?]
    } else {
        // One word: "Russia-Ukraine".
        let text = ctx.doc.token_text(last);
        let (a, b) = text.split_once('-')?;
        vec![entity_named(ctx, a)?, entity_named(ctx, b)?]
    };
    (pair[0] != pair[1]).then_some(pair)
}

/// The entity a word names: a lexicon form of its canonical name ("Russia",
/// "Israeli"), else a person whose name ends with it ("Kim").
fn entity_named(ctx: &Ctx, word: &str) -> Option<usize> {
    let lex = crate::nlp::lexicon::lexicon();
    let ents = &ctx.doc.entities;
    if let Some(&(entry, _)) = lex.lookup(word).first() {
        let canonical = &lex.entries[entry].canonical;
        return ents
            .iter()
            .position(|e| e.canonical.as_ref().unwrap_or(&e.name) == canonical);
    }
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    ents.iter()
        .position(|e| e.kind == ActorKind::Person && e.name.split_whitespace().last() == Some(word))
}
