//! A quotation before a post-posed or inverted cue: "“A,” said X (D-Conn.), who …",
//! "“A,” she said, “B.”", "“No,” he said.".
//!
//! When a sentence opens with a quotation that closes just before the speaker and
//! cue, the quotation is the content whatever follows the speaker; when a second
//! quotation follows the cue, the statement is both parts. This module finds no cues
//! and resolves no speakers (see `reported` and `speaker`).

use super::clause::{adjunct_then_comma, content_end, is_closing_quote};
use super::{Ctx, Found, Who};
use crate::extract::StatementKind;
use crate::nlp::Span;

/// Whether the sentence starting at token `lo` opens with a quotation that closes at
/// token `k` (the mark just before the speaker or cue).
pub(super) fn opens_and_closes_before(ctx: &Ctx, lo: usize, k: usize) -> bool {
    is_closing_quote(ctx, k) && (ctx.is_quote(lo) || ctx.in_quote(lo))
}

/// Whether a quotation opens at token `n`.
fn opens_quote(ctx: &Ctx, n: usize) -> bool {
    if !ctx.is_quote(n) {
        return false;
    }
    let pos = ctx.span(n).start;
    let quotes = &ctx.doc.quotes;
    quotes
        .get(quotes.partition_point(|q| q.span.start < pos))
        .is_some_and(|q| q.span.start == pos)
}

/// Whether a quotation opens right after token `b` (after a comma, or an adjunct and
/// its comma: "she said, “…", "he said in Ohio, “…"), and runs to the sentence end.
pub(super) fn goes_on_after(ctx: &Ctx, b: usize, hi: usize) -> bool {
    let n = if opens_quote(ctx, b) {
        b
    } else {
        match adjunct_then_comma(ctx, b, hi) {
            Some(t) => t + 1,
            None => return false,
        }
    };
    n < hi && opens_quote(ctx, n) && words_before_end(ctx, n, hi)
}

fn words_before_end(ctx: &Ctx, n: usize, hi: usize) -> bool {
    (n..content_end(ctx, n, hi)).any(|k| ctx.is_word(k))
}

/// Pushes the whole sentence `[lo, hi)` as one direct statement: both parts of a
/// quotation split by its cue.
pub(super) fn push_whole(
    ctx: &Ctx,
    out: &mut Vec<Found>,
    cue: Span,
    who: Who,
    lo: usize,
    hi: usize,
) {
    let end = content_end(ctx, lo, hi);
    if end <= lo {
        return;
    }
    out.push(Found {
        cue: Some(cue),
        who,
        content: ctx.span_of(lo, end),
        confidence: 0.8,
        kind: Some(StatementKind::Direct),
    });
}

/// Pushes the quotation `[lo, head)` before the cue, however short ("“No,” he said."):
/// a quotation is a statement even of one word. Trailing commas are left out.
pub(super) fn push_short(
    ctx: &Ctx,
    out: &mut Vec<Found>,
    cue: Span,
    who: Who,
    lo: usize,
    head: usize,
) {
    let mut b = head;
    while b > lo && ctx.text(b - 1) == "," {
        b -= 1;
    }
    if !(lo..b).any(|k| ctx.is_word(k)) {
        return;
    }
    out.push(Found {
        cue: Some(cue),
        who,
        content: ctx.span_of(lo, b),
        confidence: 0.8,
        kind: None,
    });
}

/// "X said:" at the end of a paragraph or sentence, then a quotation.
pub(super) fn next_quote(
    ctx: &Ctx,
    hi: usize,
    cue: Span,
    who: Who,
    out: &mut Vec<Found>,
) -> Option<usize> {
    let pos = ctx.doc.tokens.get(hi)?.span.start;
    let quotes = &ctx.doc.quotes;
    let q = quotes
        .get(quotes.partition_point(|q| q.span.start < pos))
        .filter(|q| q.span.start == pos)?;
    out.push(Found {
        cue: Some(cue),
        who,
        content: q.span,
        confidence: 0.7,
        kind: None,
    });
    Some(hi)
}

/// "“…” ¶ Kasich said in Ohio.": a sentence with a speaker and a cue but no content
/// takes the quotation that ends just before it.
pub(super) fn previous_quote(
    ctx: &Ctx,
    pos: usize,
    cue: Span,
    who: Who,
    out: &mut Vec<Found>,
) -> Option<usize> {
    let doc = ctx.doc;
    let k = doc.quotes.partition_point(|q| q.span.end <= pos);
    let q = doc.quotes.get(k.checked_sub(1)?)?;
    let between = doc.text(Span::new(q.span.end, pos));
    if !between
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | '!' | '?'))
    {
        return None;
    }
    out.push(Found {
        cue: Some(cue),
        who,
        content: q.span,
        confidence: 0.6,
        kind: None,
    });
    Some(0)
}
