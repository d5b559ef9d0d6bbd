//! Clause edges for the sentence rules: where a content ends, whether what follows a
//! cue is only an adjunct ("in a statement on Tuesday"), which marks are boundaries,
//! and the one place a found statement is pushed (with its punctuation trimmed).
//! This module decides no speaker and knows no cue patterns (see `reported`).

use super::{cues, Ctx, Found, Who};
use crate::nlp::Span;

/// Words that open an adjunct after a post-posed cue ("…, he said in a statement").
pub(super) const ADJUNCT: &[&str] = &[
    "after",
    "at",
    "before",
    "during",
    "earlier",
    "friday",
    "in",
    "last",
    "late",
    "later",
    "monday",
    "on",
    "saturday",
    "sunday",
    "this",
    "thursday",
    "today",
    "tuesday",
    "wednesday",
    "while",
    "yesterday",
    "via",
    "through",
    "from",
    "when",
    "as",
    "of",
    "recently",
    "afterward",
    "afterwards",
    "privately",
    "publicly",
    "repeatedly",
    "again",
    "too",
    "also",
    "instead",
    "separately",
    "then",
    "there",
    "here",
    "about",
    "to",
    "with",
];

/// Whether token `i` closes a quotation (glued to the word before it, or the end
/// mark of a paired quotation: "disgrace, " Trump said").
pub(super) fn is_closing_quote(ctx: &Ctx, i: usize) -> bool {
    if !ctx.is_quote(i) || !matches!(ctx.text(i), "”" | "\"" | "’" | "'" | "»") || i == 0 {
        return false;
    }
    if ctx.span(i - 1).end == ctx.span(i).start {
        return true;
    }
    let end = ctx.span(i).end;
    let quotes = &ctx.doc.quotes;
    let k = quotes.partition_point(|q| q.span.end < end);
    quotes.get(k).is_some_and(|q| q.closed && q.span.end == end)
}

pub(super) fn is_boundary(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.text(i), "," | "—" | "–" | "--" | ";" | "(") || is_closing_quote(ctx, i)
}

/// The last token of the sentence that is not final punctuation.
pub(super) fn content_end(ctx: &Ctx, lo: usize, hi: usize) -> usize {
    let mut b = hi;
    while b > lo && matches!(ctx.text(b - 1), "." | "!" | "?" | "…" | ")" | ",") {
        b -= 1;
    }
    b
}

/// Whether tokens `[a, hi)` are only an adjunct and the sentence end.
pub(super) fn only_adjunct(ctx: &Ctx, a: usize, hi: usize) -> bool {
    let end = content_end(ctx, a, hi);
    if a >= end {
        return true;
    }
    if !ADJUNCT.contains(&ctx.low(a)) {
        return false;
    }
    // An adjunct holds no clause of its own: no "that", no second verb cue, no quote.
    (a..end).all(|i| {
        !(matches!(ctx.low(i), "that" | ":") || ctx.is_quote(i) || ctx.low(i) == "," && i + 1 < end)
    }) && end - a <= 14
}

/// Whether a finite reporting verb comes within `n` tokens from `a` (not past `hi`).
pub(super) fn finite_cue_within(ctx: &Ctx, a: usize, hi: usize, n: usize) -> bool {
    (a..hi.min(a + n))
        .any(|k| !ctx.in_quote(k) && cues::lookup(ctx.low(k)).is_some_and(|c| c.past || c.s_form()))
}

/// The comma that ends an adjunct right after a cue ("said on Sunday, but …"), if the
/// tokens from `a` are an adjunct (or nothing) up to a comma.
pub(super) fn adjunct_then_comma(ctx: &Ctx, a: usize, hi: usize) -> Option<usize> {
    if ctx.text(a) == "," {
        return Some(a);
    }
    if !ADJUNCT.contains(&ctx.low(a)) {
        return None;
    }
    (a..hi.min(a + 15))
        .take_while(|&k| ctx.low(k) != "that" && ctx.text(k) != ":" && !ctx.is_quote(k))
        .find(|&k| ctx.text(k) == ",")
}

/// Whether tokens `[a, hi)` are a hearer and an adjunct only ("state media earlier
/// this month."): a few words, no clause.
pub(super) fn short_tail(ctx: &Ctx, a: usize, hi: usize) -> bool {
    let end = content_end(ctx, a, hi);
    end >= a
        && end - a <= 8
        && (a..end).all(|i| ctx.is_word(i) && !matches!(ctx.low(i), "that" | "to"))
}

/// Whether tokens `[a, b)` are exactly one quotation, marks included.
fn whole_quote(ctx: &Ctx, a: usize, b: usize) -> bool {
    let (start, end) = (ctx.span(a).start, ctx.span(b - 1).end);
    let quotes = &ctx.doc.quotes;
    quotes
        .get(quotes.partition_point(|q| q.span.start < start))
        .is_some_and(|q| q.span.start == start && q.span.end == end)
}

pub(super) fn words_in(ctx: &Ctx, a: usize, b: usize) -> usize {
    (a..b).filter(|&i| ctx.is_word(i)).count()
}

pub(super) fn push(
    ctx: &Ctx,
    out: &mut Vec<Found>,
    cue: Span,
    who: Who,
    a: usize,
    b: usize,
    conf: f64,
) {
    if a >= b {
        return;
    }
    let mut a = a;
    while a < b && matches!(ctx.text(a), "," | ":" | "—" | "–" | "--") {
        a += 1;
    }
    let b = content_end(ctx, a, b);
    // Fewer than three words only when the content is one whole quotation ("said,
    // “No.”").
    if a >= b || words_in(ctx, a, b) < 3 && !(words_in(ctx, a, b) > 0 && whole_quote(ctx, a, b)) {
        return;
    }
    let span = ctx.span_of(a, b);
    out.push(Found {
        cue: Some(cue),
        who,
        content: span,
        confidence: conf,
        kind: None,
    });
}
