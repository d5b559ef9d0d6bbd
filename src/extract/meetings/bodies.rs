//! One-body meetings: "NATO ambassadors met Sunday in Brussels", "EU foreign ministers
//! meet in Luxembourg, Oct. 17, 2016". The members of one organisation or country meet
//! among themselves, so the meeting has that one actor as its participant.
//!
//! This module only recognises the shape (a named body + a members noun as the
//! subject of an intransitive "met"); the modality filters have already run, and it
//! never creates actors.

use super::triggers::{Frame, Trigger};
use super::Ctx;
use crate::nlp::{ActorKind, MentionKind, TokenKind};

/// Plural nouns for the members of a body that can meet among themselves.
const MEMBERS: &[&str] = &[
    "ambassadors",
    "chiefs",
    "commanders",
    "delegates",
    "diplomats",
    "envoys",
    "lawmakers",
    "leaders",
    "legislators",
    "members",
    "ministers",
    "negotiators",
    "officials",
    "representatives",
    "senators",
];

/// Words that may follow an intransitive "met" (a place, a time, a purpose).
const AFTER: &[&str] = &[
    ",",
    ".",
    "again",
    "at",
    "behind",
    "earlier",
    "for",
    "in",
    "last",
    "late",
    "on",
    "privately",
    "this",
    "to",
];

/// The body whose members met among themselves at trigger `t`, if the clause
/// `lo..hi` has that shape: the subject is a named organisation or country (or its
/// demonym) followed by up to two lower-case words and a members noun ("NATO
/// defense ministers"), the verb is "met"/"meet"/"meets", and no object or "with"
/// follows it.
pub fn one_body(ctx: &Ctx, frame: Frame, lo: usize, t: Trigger, hi: usize) -> Option<usize> {
    let w = &ctx.words;
    if frame != Frame::Sym || !matches!(w[t.start].as_str(), "met" | "meet" | "meets") {
        return None;
    }
    // Nothing met: a place, a time, a purpose or the end follows.
    let next = t.end;
    let is_time = |k: usize| {
        let b = ctx.doc.tokens[k].span.start;
        ctx.times_between(b, b + 1)
            .iter()
            .any(|x| x.span.start == b)
    };
    if next < hi && !AFTER.contains(&w[next].as_str()) && !is_time(next) {
        return None;
    }
    // The members noun right before the verb, then up to two plain words.
    let mut k = t.start;
    if k <= lo || !MEMBERS.contains(&w[k - 1].as_str()) {
        return None;
    }
    k -= 1;
    let plain = |j: usize| {
        ctx.mention_at[j].is_none()
            && ctx.doc.tokens[j].kind == TokenKind::Word
            && ctx
                .doc
                .token_text(j)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    };
    let mut steps = 0;
    while k > lo && steps < 2 && plain(k - 1) && !MEMBERS.contains(&w[k - 1].as_str()) {
        k -= 1;
        steps += 1;
    }
    // "NATO ambassadors" may be one mention of NATO (a collective owned by the body)
    // or the body's name before plain words.
    let whole = ctx.mention_at[t.start - 1].filter(|&m| ctx.mention_end[m] == t.start);
    let m = match whole {
        Some(m) => m,
        None => {
            let m = ctx.mention_at[k.checked_sub(1)?]?;
            if ctx.mention_end[m] != k {
                return None;
            }
            m
        }
    };
    let mention = &ctx.doc.mentions[m];
    let e = mention.entity?;
    let body = matches!(
        ctx.doc.entities[e].kind,
        ActorKind::Organization | ActorKind::Country
    ) && mention.kind != MentionKind::Pronoun;
    if !body {
        return None;
    }
    // The body opens the clause ("NATO ambassadors met", "The EU ministers met"),
    // so it is the subject, not a name deep in an earlier phrase.
    let start = ctx.doc.tokens_in(mention.span).start;
    let opens = start == lo
        || (start > lo
            && matches!(
                w[start - 1].as_str(),
                "the" | "," | "-" | "—" | "when" | "after"
            ));
    opens.then_some(e)
}
