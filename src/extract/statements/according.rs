//! "according to SPEAKER, CONTENT" and "CONTENT, according to SPEAKER".
//!
//! The source runs from "according to" to the next comma or sentence end; the content
//! is the clause on the other side (the whole sentence when both sides hold one).
//! This module handles no verb cues (see `reported`).

use super::clause::{content_end, is_boundary, push, words_in};
use super::{speaker, Ctx, Found, Who};

/// "according to SPEAKER, CONTENT" / "CONTENT, according to SPEAKER".
pub(super) fn according(
    ctx: &Ctx,
    lo: usize,
    hi: usize,
    i: usize,
    out: &mut Vec<Found>,
) -> Option<usize> {
    let (a, b) = speaker::right_np(ctx, i + 2, hi)
        .or_else(|| (i + 2 < hi).then_some((i + 2, (i + 3).min(hi))))?;
    // Extend a long source ("a report by the committee") up to the next comma.
    let mut b = b;
    while b < hi && !matches!(ctx.text(b), "," | "." | ";" | "—") && !ctx.is_quote(b) && b - a < 16
    {
        b += 1;
    }
    let cue = ctx.span_of(i, i + 2);
    let who = Who::Phrase(a, b);
    let head_end = if i > lo && is_boundary(ctx, i - 1) {
        i - 1
    } else {
        i
    };
    let before_words = words_in(ctx, lo, head_end);
    let after_start = if b < hi && ctx.text(b) == "," {
        b + 1
    } else {
        b
    };
    let after_words = words_in(ctx, after_start, content_end(ctx, after_start, hi));
    if before_words >= 3 && after_words >= 3 {
        push(ctx, out, cue, who, lo, hi, 0.7);
    } else if before_words >= 3 {
        push(ctx, out, cue, who, lo, head_end, 0.75);
    } else if after_words >= 3 {
        push(ctx, out, cue, who, after_start, hi, 0.75);
    } else {
        return None;
    }
    Some(hi)
}
