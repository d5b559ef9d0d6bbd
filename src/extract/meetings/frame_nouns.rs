//! Noun frames: who took part in a meeting told as a noun ("talks", "phone call",
//! "visit", "dialogue"): its owner ("Trump's call", "their talks"), its complement
//! ("with X", "between A and B", "to Paris"), a compound naming its sides ("the
//! U.S.-China talks"), or the clause around it ("In a phone call, Kerry told
//! Cavusoglu", "despite hours of tense negotiations").
//!
//! Works on one clause with the token views of [`Ctx`] and the subject of
//! `frame_subject`; the noun-phrase rules themselves are `nominal` and `noun_phrases`.
//! It decides nothing about modality (that is `filters`) or dates and places
//! (`details`).

use super::frame_subject::FrameSubject;
use super::frames::is_place;
use super::triggers::Trigger;
use super::{nominal, noun_phrases, push_all, Ctx};

/// Verbs that say a meeting told as a noun took place with the subject's group ("the
/// leaders of A, B and C attended the summit", "Israel and Lebanon renewed
/// negotiations").
const HELD: &[&str] = &[
    "held",
    "had",
    "hold",
    "holds",
    "holding",
    "began",
    "opened",
    "concluded",
    "attended",
    "attends",
    "attending",
    "joined",
    "renewed",
    "resumed",
    "conducted",
    "completed",
    "wrapped",
    "ended",
    "continued",
];

/// The participants of the meeting noun `t` in clause `lo..hi` of sentence `si`, and
/// a visit's destination. `after` is the first token after the trigger past its
/// adverbs. `None` when the noun tells no meeting that took place between named
/// actors.
pub(super) fn noun_participants(
    ctx: &Ctx,
    lo: usize,
    t: Trigger,
    hi: usize,
    after: usize,
    subject: FrameSubject,
    si: usize,
) -> Option<(Vec<usize>, Option<usize>)> {
    let w = &ctx.words;
    let (t0, t1) = (t.start, t.end);
    let range_start = ctx.doc.sentences[si].tokens.start;
    let noun = w[t0].as_str();
    // "the U.S.-Cambodia Dialogue": a dialogue is an occasion only when a
    // compound names its two sides; "calls for dialogue" is a process.
    if noun == "dialogue" {
        let pair = nominal::pair_before(ctx, lo, t0)?;
        return Some((pair, None));
    }
    let (subj, named) = owner(ctx, lo, t0, range_start, subject);
    let mut parts = subj.clone();
    let mut dest = None;
    let call =
        matches!(noun, "call" | "calls") || w[t0..t1].iter().any(|x| x == "calls" || x == "call");
    let with_targets: &[&str] = if call {
        &["with", "between", "to"]
    } else {
        &["with", "between"]
    };
    if w[t1 - 1] == "with" {
        // The trigger ends with its preposition ("call with", "audience with").
        push_all(&mut parts, &noun_phrases::noun_phrase(ctx, t1, hi).0);
    } else if noun == "visit" || noun == "trip" {
        if let Some(k) = noun_phrases::find_word(ctx, t1, hi, &["to"], 2) {
            let (obj, _) = noun_phrases::noun_phrase(ctx, k, hi);
            dest = obj.iter().copied().find(|&e| is_place(ctx, e));
            push_all(&mut parts, &obj);
        } else {
            // "Pope Francis' U.S. visit", "Modi's Japan trip": the place named right
            // before the noun is where the visit went.
            let d = destination_before(ctx, lo, t0)?;
            // ("the final Mass of his Mexico trip": the owner before the place.)
            let place_start = ctx
                .doc
                .tokens_in(ctx.doc.mentions[ctx.mention_at[t0 - 1]?].span)
                .start;
            if let Some((e, _)) = nominal::possessor(ctx, lo, place_start) {
                parts = vec![e];
            }
            dest = Some(d);
            push_all(&mut parts, &[d]);
        }
    } else if gerund_with_object(ctx, lo, t0, after) {
        // "after meeting Chinese officials": a gerund with its object.
        push_all(&mut parts, &noun_phrases::noun_phrase(ctx, after, hi).0);
    } else if let Some(k) = noun_phrases::find_word(ctx, t1, hi, with_targets, 10) {
        if w[k - 1] == "between" {
            parts = noun_phrases::noun_phrase(ctx, k, hi).0;
        } else if parts.is_empty() {
            // "The pontiff held one-on-one talks with Modi and Zelenskyy" with no
            // subject found: the phrase names one side only; its actors did not meet
            // each other.
            return None;
        } else {
            push_all(&mut parts, &noun_phrases::noun_phrase(ctx, k, hi).0);
        }
    } else if nominal::leading_phrase(ctx, lo, t0) {
        // "In a phone call on Saturday, Kerry told Cavusoglu …": the main
        // clause runs past the reporting verb that ends `hi`.
        let end = ctx.doc.sentences[si].tokens.end;
        let c = (t1..end).find(|&k| w[k] == ",")?;
        parts = nominal::addressed(ctx, c + 1, end);
    } else if let Some(v) = nominal::in_trailing_phrase(ctx, lo, t0).or_else(|| {
        // "Putin told Obama in a telephone call that …": the clause search
        // stopped at the reporting verb; the addressing clause opens before it.
        nominal::addresses_before(ctx, lo)
            .then(|| nominal::in_trailing_phrase(ctx, range_start, t0))
            .flatten()
    }) {
        // "Kerry asked Sharif, during a meeting this week, …".
        parts = v;
    } else if let Some(pair) =
        nominal::pair_before(ctx, lo, t0).filter(|_| told_as_held(ctx, lo, t0, t1, hi))
    {
        // "the U.S.-China talks": the two sides the compound names.
        parts = pair;
    } else if !named {
        // ("A and B held talks": the trigger itself may say so; "held 'candid,
        // substantive and constructive' talks": a quotation before the noun is one
        // modifier.)
        let head = before_quote(ctx, lo, t0);
        let held = w[lo..head]
            .iter()
            .rev()
            .take(5)
            .chain(&w[t0..t1])
            .any(|x| HELD.contains(&x.as_str()));
        if !held && (subj.len() < 2 || !adjunct_talks(ctx, lo, t0, t1)) {
            return None;
        }
    }
    Some((parts, dest))
}

/// "Trump's call with Tsai", "his meeting with X", "after their talks": the owner of
/// the meeting noun at `t0` replaces the clause's subject. Returns the subject to go
/// on with and whether "their" named it.
fn owner(
    ctx: &Ctx,
    lo: usize,
    t0: usize,
    range_start: usize,
    subject: FrameSubject,
) -> (Vec<usize>, bool) {
    let FrameSubject {
        actors: subj,
        borrowed,
    } = subject;
    if let Some((e, pronoun)) = nominal::possessor(ctx, lo, t0) {
        // A pronoun's antecedent is less sure than the clause's own subject.
        if !pronoun || subj.is_empty() || borrowed {
            return (vec![e], false);
        }
    } else if let Some(v) = nominal::their(ctx, range_start, lo, t0) {
        return (v, true);
    }
    (subj, false)
}

/// Where the words before token `t0` start when a closed quotation ends right before
/// it (the token of its opening mark), else `t0`.
fn before_quote(ctx: &Ctx, lo: usize, t0: usize) -> usize {
    let Some(k) = t0.checked_sub(1).filter(|&k| k > lo) else {
        return t0;
    };
    if ctx.doc.tokens[k].kind != crate::nlp::TokenKind::Quote {
        return t0;
    }
    let end = ctx.doc.tokens[k].span.end;
    ctx.doc
        .quotes
        .iter()
        .find(|q| q.closed && q.span.end == end)
        .map(|q| ctx.doc.token_at(q.span.start).max(lo))
        .unwrap_or(t0)
}

/// "Pope Francis' U.S. visit": the country or place whose name ends right before the
/// visit noun at `t0`.
fn destination_before(ctx: &Ctx, lo: usize, t0: usize) -> Option<usize> {
    let m = ctx.mention_at[t0.checked_sub(1).filter(|&k| k >= lo)?]?;
    let men = &ctx.doc.mentions[m];
    let place = men.kind == crate::nlp::MentionKind::Name
        && matches!(
            men.actor_kind,
            crate::nlp::ActorKind::Country | crate::nlp::ActorKind::Place
        );
    (place && ctx.mention_end[m] == t0).then_some(men.entity?)
}

/// "after meeting Chinese officials", "ahead of meeting X": "meeting" at `t0` is a
/// gerund whose object, a mention, starts at `after`.
fn gerund_with_object(ctx: &Ctx, lo: usize, t0: usize, after: usize) -> bool {
    let w = &ctx.words;
    w[t0] == "meeting"
        && t0 > lo
        && (matches!(
            w[t0 - 1].as_str(),
            "after" | "before" | "while" | "following" | "since"
        ) || (t0 > lo + 1 && w[t0 - 1] == "of" && w[t0 - 2] == "ahead"))
        && ctx.mention_start.get(after).copied().flatten().is_some()
}

/// Whether the meeting noun `t0..t1` is told as having taken place: "held the
/// U.S.-China talks", "the Russia-Ukraine talks ended", "after the U.S.-China talks",
/// "The Trump-Xi summit at Mar-a-Lago last week"; not "a settlement reached in
/// U.S.-Soviet talks".
fn told_as_held(ctx: &Ctx, lo: usize, t0: usize, t1: usize, hi: usize) -> bool {
    let w = &ctx.words;
    let held_before = w[lo..t0]
        .iter()
        .rev()
        .take(6)
        .any(|x| HELD.contains(&x.as_str()));
    let verb_after = w[t1..hi.min(t1 + 6)].iter().any(|x| {
        HELD.contains(&x.as_str())
            || matches!(
                x.as_str(),
                "collapsed" | "stalled" | "broke" | "failed" | "took"
            )
    });
    let occasion = w[lo..t0]
        .iter()
        .rev()
        .take(6)
        .any(|x| matches!(x.as_str(), "after" | "during" | "following" | "at"));
    // "The Trump-Xi summit at Mar-a-Lago last week": a day that is past
    // even when read as still to come.
    let today = ctx.doc.article.date;
    let (b0, b1) = (
        ctx.doc.tokens[t1.min(hi - 1)].span.start,
        ctx.doc.tokens[hi - 1].span.end,
    );
    let dated_past = ctx.times_between(b0, b1).iter().any(|x| {
        x.future
            .end
            .zip(today)
            .is_some_and(|(end, today)| end < today)
    });
    held_before || verb_after || occasion || dated_past
}

/// Prepositions that open an adjunct telling the occasion of the main clause.
const ADJUNCT: &[&str] = &["after", "despite", "during", "following", "at", "amid"];

/// "A and B failed to agree, despite hours of tense negotiations", "… at the fourth
/// round of talks": a plural talks-noun without a complement, in an adjunct opened by
/// a preposition at most four words before it, with no actor named in between. The
/// caller takes the clause's coordinated subject as the parties.
fn adjunct_talks(ctx: &Ctx, lo: usize, t0: usize, t1: usize) -> bool {
    let w = &ctx.words;
    if t1 != t0 + 1
        || !matches!(
            w[t0].as_str(),
            "talks" | "negotiations" | "deliberations" | "consultations"
        )
    {
        return false;
    }
    let Some(p) = (t0.saturating_sub(5).max(lo)..t0)
        .rev()
        .find(|&k| ADJUNCT.contains(&w[k].as_str()))
    else {
        return false;
    };
    (p + 1..t0)
        .all(|k| ctx.mention_at[k].is_none() && !matches!(w[k].as_str(), "," | "to" | "for" | "on"))
}
