//! Verbless photo captions: "U.N. Secretary-General Ban Ki-moon, left, with Iraqi Prime
//! Minister Haider al-Abadi in Baghdad, March 26, 2016" shows two people together on
//! the day it names: a meeting in person, with the caption's place and date.
//!
//! Only a caption (a sentence closing with a comma and a full date) whose words before
//! "with" are names, titles and position words ("left", "center") counts: any other
//! lower-case word may be a verb ("arrives with", "walks with") that the trigger rules
//! read. This module builds no other meeting and creates no actors.

use super::{details, noun_phrases, Cand, Ctx};
use crate::extract::{Meeting, MeetingMode};
use crate::nlp::{ActorKind, DateRange, Span, TokenKind};

/// Lower-case words a caption's subject may hold besides names: positions in the
/// photo and the small words of titles ("Secretary of State").
const CAPTION_WORDS: &[&str] = &[
    "center", "centre", "far", "file", "from", "l", "left", "of", "r", "right", "second", "the",
];

/// The meeting a verbless caption shows, if sentence `si` (tokens `range`) is one.
pub(super) fn verbless(ctx: &Ctx, si: usize, range: std::ops::Range<usize>) -> Option<Cand> {
    let comma = details::caption_date(ctx, range.clone())?;
    let w = &ctx.words;
    let with = (range.start..comma).find(|&k| w[k] == "with")?;
    let plain = |k: usize| {
        ctx.mention_at[k].is_some()
            || ctx.doc.tokens[k].kind != TokenKind::Word
            || CAPTION_WORDS.contains(&w[k].as_str())
            || ctx
                .doc
                .token_text(k)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    if with == range.start || !(range.start..with).all(plain) {
        return None;
    }
    let person = |e: &usize| ctx.doc.entities[*e].kind == ActorKind::Person;
    let first = (range.start..with).find(|&k| {
        ctx.mention_start[k]
            .and_then(|m| ctx.doc.mentions[m].entity)
            .is_some_and(|e| person(&e))
    })?;
    let subj = noun_phrases::noun_phrase(ctx, first, with).0;
    let obj = noun_phrases::noun_phrase(ctx, with + 1, comma).0;
    if !subj.iter().any(person) || !obj.iter().any(person) {
        return None;
    }
    let mut parts: Vec<usize> = Vec::new();
    for e in subj.into_iter().chain(obj) {
        if !parts.contains(&e) && ctx.doc.entities[e].kind != ActorKind::Place {
            parts.push(e);
        }
    }
    let (date, date_span) = details::date(ctx, comma, comma + 1, range.end)
        .map_or((DateRange::default(), None), |(r, s)| (r, Some(s)));
    let place = details::caption_place(ctx, range.clone(), &parts);
    let tok = &ctx.doc.tokens[with];
    Some(Cand {
        meeting: Meeting {
            participants: parts,
            mode: MeetingMode::InPerson,
            place,
            date,
            date_span,
            evidence: ctx.doc.sentences[si].span,
            trigger: Some(Span::new(tok.span.start, tok.span.end)),
            confidence: 0.6,
        },
        sentence: si,
        earlier: false,
        anaphoric: false,
    })
}
