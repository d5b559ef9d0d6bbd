//! Frames: who took part in a meeting by the shape of its trigger (subject and object
//! of "met", host and guest of "hosted"/"was received by", destination of "visited"/
//! "travelled to … for talks", the person "called"), and the visit's destination.
//!
//! `frame_participants` takes the subject from `frame_subject`, then reads the object
//! by the trigger's frame: the verb frames here, the noun frame ("talks", "phone call")
//! in `frame_nouns`. Works on one clause with the token views of [`Ctx`]; it decides
//! nothing about modality (that is `filters`) or dates and places (`details`).

use super::frame_nouns::noun_participants;
use super::frame_subject::frame_subject;
use super::triggers::{Frame, Trigger};
use super::{noun_phrases, push_all, Cand, Ctx, Word};
use crate::nlp::{ActorKind, Span};

/// Skips adverbs from token `k` ("met separately", "spoke again").
fn skip_adverbs(ctx: &Ctx, mut k: usize, hi: usize) -> usize {
    while k < hi
        && (ctx.words[k].ends_with("ly") && ctx.words[k].len() > 3
            || matches!(ctx.words[k].as_str(), "also" | "again" | "later" | "first"))
    {
        k += 1;
    }
    k
}

/// Skips a time expression that starts at token `k` ("on Thursday").
fn skip_time(ctx: &Ctx, k: usize, hi: usize) -> usize {
    let Some(tok) = ctx.doc.tokens.get(k) else {
        return k;
    };
    match ctx
        .doc
        .times
        .iter()
        .find(|t| t.span.start == tok.span.start)
    {
        Some(t) => ctx
            .doc
            .tokens_in(Span::new(t.span.start, t.span.end))
            .end
            .min(hi)
            .max(k),
        None => k,
    }
}

/// The participants of a trigger by its frame, and the visit destination if any.
/// `lo..hi` is the trigger's clause in sentence `si`; `found` the candidates of the
/// sentences before ("the two leaders", "They met again" refer back to them).
pub(super) fn frame_participants(
    ctx: &Ctx,
    frame: Frame,
    lo: usize,
    t: Trigger,
    hi: usize,
    found: &[Cand],
    si: usize,
) -> Option<(Vec<usize>, Option<usize>)> {
    let subject = frame_subject(ctx, lo, t, found, si);
    let after = skip_adverbs(ctx, t.end, hi);
    match frame {
        Frame::Sym => {
            // A meeting told up to six sentences before ("They met again").
            let previous = found.last().filter(|c| si - c.sentence <= 6);
            let parts = symmetric(ctx, lo, t, hi, after, subject.actors, previous);
            Some((parts, None))
        }
        Frame::Host | Frame::Guest | Frame::Visit => {
            hosted(ctx, frame, lo, t, hi, after, subject.actors)
        }
        Frame::Travel => travel(ctx, hi, after, subject.actors),
        Frame::Noun => noun_participants(ctx, lo, t, hi, after, subject, si),
        Frame::Call => call(ctx, lo, t, hi, after, subject.actors).map(|parts| (parts, None)),
    }
}

/// "A met B", "A met with B", "A and B spoke by phone": the subject `subj` with the
/// object or the "with" phrase after the trigger; "They met again" takes the pair of
/// the `previous` meeting.
fn symmetric(
    ctx: &Ctx,
    lo: usize,
    t: Trigger,
    hi: usize,
    after: usize,
    subj: Vec<usize>,
    previous: Option<&Cand>,
) -> Vec<usize> {
    let w = &ctx.words;
    let (t0, t1) = (t.start, t.end);
    let mut parts = subj;
    let mut obj = Vec::new();
    // "speaking by phone from Oman": where the speaker was, not a counterpart.
    let from = after < hi && w[after] == "from";
    if w[t0] != "discussed" && !from {
        // ("spoke by phone to X", "talks on a cellphone to X": a phrase's listener.)
        let to = after < hi
            && w[after] == "to"
            && t1 - t0 >= 2
            && super::triggers::entries()[t.entry].mode == crate::extract::MeetingMode::Phone;
        let k = if after < hi && (matches!(w[after].as_str(), "with" | "separately") || to) {
            skip_adverbs(ctx, after + 1, hi)
        } else {
            after
        };
        let k = if k < hi && w[k] == "with" { k + 1 } else { k };
        obj = noun_phrases::noun_phrase(ctx, k, hi).0;
        // The listener told "to" is a person on the line, not a body addressed.
        if to
            && !obj
                .iter()
                .any(|&e| ctx.doc.entities[e].kind == ActorKind::Person)
        {
            obj.clear();
        }
    }
    if obj.is_empty() {
        if let Some(k) = noun_phrases::find_word(ctx, t1, hi, &["with"], 12) {
            obj = noun_phrases::noun_phrase(ctx, k, hi).0;
        }
    }
    push_all(&mut parts, &obj);
    // "They met again, in July 2008": the pair of the meeting told before.
    if parts.len() < 2 && w[lo] == "they" && t0 - lo <= 3 {
        if let Some(prev) = previous {
            parts.clone_from(&prev.meeting.participants);
        }
    }
    parts
}

/// "A hosted B", "A was received by B", "A visited B": the subject `subj` with the
/// guest, host or visited actor, and the visit's destination. `None` for "welcomed
/// the U.S. attack" (a thing) or when no guest or host is named.
fn hosted(
    ctx: &Ctx,
    frame: Frame,
    lo: usize,
    t: Trigger,
    hi: usize,
    after: usize,
    subj: Vec<usize>,
) -> Option<(Vec<usize>, Option<usize>)> {
    let w = &ctx.words;
    let (t0, t1) = (t.start, t.end);
    let mut parts = subj;
    let mut dest = None;
    let passive = frame == Frame::Host
        && t0 > lo
        && matches!(
            w[t0 - 1].as_str(),
            "was" | "were" | "been" | "being" | "is" | "are"
        );
    // "gave a warm welcome on Thursday to X", "was greeted at the palace by X".
    let start = if passive {
        noun_phrases::find_word(ctx, t1, hi, &["by"], 10)?
    } else {
        let k = skip_time(ctx, after, hi);
        if k < hi && w[k] == "to" && w[t0] == "gave" {
            k + 1
        } else {
            k
        }
    };
    if frame == Frame::Visit
        && w[t0] == "visiting"
        && t0 > lo
        && matches!(
            w[t0 - 1].as_str(),
            "for" | "after" | "before" | "while" | "by"
        )
    {
        return None;
    }
    // "welcomed the U.S. attack": a thing, not a guest.
    if frame == Frame::Host && !passive && noun_phrases::qualifies_a_thing(ctx, start, hi) {
        return None;
    }
    let (obj, _) = noun_phrases::noun_phrase(ctx, start, hi);
    // "A and B received $50 million": with no guest or host named, the
    // subjects only act together. (A joint visit, "A and B visited the
    // memorial", still tells that they were together.)
    if obj.is_empty() && frame != Frame::Visit {
        return None;
    }
    if frame == Frame::Visit {
        dest = obj.iter().copied().find(|&e| is_place(ctx, e));
    }
    push_all(&mut parts, &obj);
    Some((parts, dest))
}

/// "A travelled to Paris for talks (with B)", "… on a visit", "… to meet B": the
/// subject `subj` with the ones met there (or the place itself when none is named),
/// and the destination. `None` without a place or a purpose.
fn travel(
    ctx: &Ctx,
    hi: usize,
    after: usize,
    subj: Vec<usize>,
) -> Option<(Vec<usize>, Option<usize>)> {
    let w = &ctx.words;
    let mut parts = subj;
    let (obj, stop) = noun_phrases::noun_phrase(ctx, after, hi);
    let d = obj.iter().copied().find(|&e| is_place(ctx, e))?;
    // A purpose: "for talks (with B)", "on a visit", "to meet B".
    let k = noun_phrases::find_word(
        ctx,
        stop,
        hi,
        &[
            "talks",
            "meeting",
            "meetings",
            "consultations",
            "negotiations",
            "visit",
            "meet",
        ],
        6,
    )?;
    let pw = w[k - 1].as_str();
    let purpose_ok = pw == "meet"
        || w[stop..k - 1]
            .iter()
            .rev()
            .take(4)
            .any(|x| matches!(x.as_str(), "for" | "on" | "hold"));
    if !purpose_ok {
        return None;
    }
    let dest = Some(d);
    let with = if pw == "meet" {
        Some(noun_phrases::skip_with(ctx, k, hi))
    } else {
        noun_phrases::find_word(ctx, k, hi, &["with"], 4)
    };
    let others = with
        .map(|k| noun_phrases::noun_phrase(ctx, k, hi).0)
        .unwrap_or_default();
    if others.is_empty() {
        parts.push(d);
    } else {
        push_all(&mut parts, &others);
    }
    Some((parts, dest))
}

/// "A called B on Tuesday", "A called B to congratulate him": the subject `subj` with
/// the one called. `None` for a name given ("a group called Color of Change"),
/// "called for", "called on", "called X a liar".
fn call(
    ctx: &Ctx,
    lo: usize,
    t: Trigger,
    hi: usize,
    after: usize,
    subj: Vec<usize>,
) -> Option<Vec<usize>> {
    let w = &ctx.words;
    let t0 = t.start;
    let mut parts = subj;
    if names_a_thing(ctx, lo, t0) {
        return None;
    }
    if after >= hi
        || matches!(
            w[after].as_str(),
            "for"
                | "on"
                | "upon"
                | "off"
                | "in"
                | "out"
                | "it"
                | "up"
                | "back"
                | "the"
                | "a"
                | "an"
        )
    {
        return None;
    }
    let (obj, stop) = noun_phrases::noun_phrase(ctx, after, hi);
    let e = *obj.first()?;
    if !call_ends(ctx, stop, hi) {
        return None;
    }
    push_all(&mut parts, &[e]);
    Some(parts)
}

/// "a group called Color of Change", "The program, called EB-5,": "called" at `t0`
/// gives a name, it is no telephone call.
fn names_a_thing(ctx: &Ctx, lo: usize, t0: usize) -> bool {
    let w = &ctx.words;
    let plain = |k: usize| {
        ctx.mention_at[k].is_none()
            && ctx.doc.tokens[k].kind == crate::nlp::TokenKind::Word
            && ctx
                .doc
                .token_text(k)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    };
    // "a (civil rights advocacy) group called X": an article, then only plain
    // words up to "called".
    let thing_named = (t0.saturating_sub(5).max(lo)..t0.saturating_sub(1))
        .rev()
        .find(|&k| !plain(k) || matches!(w[k].as_str(), "a" | "an" | "the"))
        .is_some_and(|k| matches!(w[k].as_str(), "a" | "an" | "the"))
        && t0 > lo
        && plain(t0 - 1)
        && !matches!(w[t0 - 1].as_str(), "then" | "also" | "later" | "who");
    t0 > lo + 1 && (thing_named || (w[t0 - 1] == "," && ctx.mention_at[t0 - 2].is_none()))
}

/// Whether the one called ends at `stop` as a call's object does: "called X on
/// Tuesday", "called X to congratulate", "called X." (not "called X a liar", "called
/// X's bluff").
fn call_ends(ctx: &Ctx, stop: usize, hi: usize) -> bool {
    let w = &ctx.words;
    let next = w.get(stop).map(Word::as_str).unwrap_or(".");
    stop >= hi
        || matches!(
            next,
            "." | ","
                | "on"
                | "to"
                | "and"
                | "late"
                | "last"
                | "earlier"
                | "from"
                | "in"
                | "yesterday"
                | "today"
                | "after"
                | "before"
                | "shortly"
                | "this"
                | "twice"
                | "again"
                | "by"
                | "over"
                | "about"
        )
        || ctx
            .doc
            .times
            .iter()
            .any(|t| t.span.start == ctx.doc.tokens[stop].span.start)
}

/// Whether entity `e` is a place or a country (a visit's destination).
pub(super) fn is_place(ctx: &Ctx, e: usize) -> bool {
    ctx.doc
        .entities
        .get(e)
        .is_some_and(|x| matches!(x.kind, ActorKind::Place | ActorKind::Country))
}
