//! Quotations: widening a content to the quotation it cuts, telling direct from mixed
//! from indirect, and quote paragraphs with no verb of their own.
//!
//! A quote paragraph that follows a quoted statement and has no cue belongs to the
//! same speaker ("“If they are willing…,” X told state media. ¶ “Especially in this
//! situation…”"). Paragraphs in between that are not sentences (a headline, an "Also
//! read | …" line: no final punctuation) do not break the chain. This module finds no
//! cues (see `reported`).

use super::{kind_for, Ctx, Found, Who};
use crate::extract::StatementKind;
use crate::nlp::{Doc, Quote, Span};

/// The quotes that overlap `span` (binary search, then a short scan).
fn quotes_over(doc: &Doc, span: Span) -> impl Iterator<Item = &Quote> {
    // Quotes are sorted by start and do not nest, so their ends are sorted too.
    let from = doc.quotes.partition_point(|q| q.span.end <= span.start);
    doc.quotes[from..]
        .iter()
        .take_while(move |q| q.span.start < span.end)
}

/// Widens a content span to whole quotations: a content that starts or ends inside
/// a quotation takes all of it (a quote split over several sentences).
pub fn widen_to_quotes(doc: &Doc, span: Span) -> Span {
    let mut out = span;
    for q in quotes_over(doc, span) {
        if q.span.start < out.start && q.span.end > out.start {
            out.start = q.span.start;
        }
        if q.span.end > out.end && q.span.start < out.end {
            out.end = q.span.end;
        }
    }
    out
}

/// Direct when the content is one quotation (give or take punctuation), mixed when it
/// holds one, indirect otherwise.
pub fn kind_of(doc: &Doc, content: Span) -> StatementKind {
    let mut has = false;
    for q in quotes_over(doc, content) {
        has = true;
        let outside = doc
            .text(Span::new(content.start, q.span.start.max(content.start)))
            .chars()
            .chain(
                doc.text(Span::new(q.span.end.min(content.end), content.end))
                    .chars(),
            )
            .filter(|c| c.is_alphanumeric())
            .count();
        if outside == 0 {
            return kind_for(true, true);
        }
    }
    kind_for(false, has)
}

/// Whether a paragraph (sentence index range) reads as a headline or link line.
fn headline_like(ctx: &Ctx, first: usize, last: usize) -> bool {
    let doc = ctx.doc;
    let Some(s) = doc.sentences.get(last) else {
        return false;
    };
    let end = doc.text(s.span);
    let ends = end.ends_with(['.', '!', '?', '”', '"', '’', ':']);
    !ends && last == first
}

/// Adds the quote paragraphs that continue the previous paragraph's quotation.
pub fn continuations(ctx: &Ctx, found: &mut Vec<Found>) {
    let doc = ctx.doc;
    let mut added = Vec::new();
    let mut k = 0; // index into `found` of the first statement after the quote
    let mut last_added: Option<Span> = None;
    for q in &doc.quotes {
        while k < found.len() && found[k].content.start < q.span.start {
            k += 1;
        }
        let Some(si) = doc.sentence_at(q.span.start) else {
            continue;
        };
        let s = &doc.sentences[si];
        let first_tok = s.tokens.start;
        // The quote opens its paragraph and nothing already covers it.
        if !doc.tokens[first_tok].para_start || s.span.start != q.span.start {
            continue;
        }
        let covered = |f: &Found| f.content.overlaps(q.span);
        if found.get(k).is_some_and(covered) || k > 0 && covered(&found[k - 1]) {
            continue;
        }
        // The last statement before it must be a quotation in an earlier paragraph,
        // with only headline-like paragraphs in between.
        let prev = k.checked_sub(1).map(|p| found[p].content);
        let prev = match (prev, last_added) {
            (Some(p), Some(l)) => Some(if l.end > p.end { l } else { p }),
            (p, l) => p.or(l),
        };
        let Some(prev) = prev else {
            continue;
        };
        if kind_of(doc, prev) == StatementKind::Indirect {
            continue;
        }
        let Some(pi) = doc.sentence_at(prev.end.saturating_sub(1)) else {
            continue;
        };
        let (pp, qp) = (doc.sentences[pi].paragraph, s.paragraph);
        if pp >= qp || qp - pp > 3 {
            continue;
        }
        // Every sentence strictly between the two paragraphs must be headline-like.
        let gap_ok = (pi + 1..si).all(|x| {
            let par = doc.sentences[x].paragraph;
            par == pp || headline_like(ctx, x, x)
        });
        if !gap_ok {
            continue;
        }
        // A sentence of the quote's paragraph after the quote must not carry a cue
        // (then `reported` would have found it).
        last_added = Some(q.span);
        added.push(Found {
            cue: None,
            who: Who::Previous,
            content: q.span,
            confidence: 0.6,
            kind: None,
        });
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| (f.content.start, f.content.end));
    }
}

/// "“A,” X said. “B.”": a quotation that follows its post-posed cue in the same
/// paragraph, with no cue of its own, is the rest of the same statement; the content
/// grows to cover it (the attribution in between included), and stays direct.
pub fn merge_following_quotes(ctx: &Ctx, found: &mut [Found]) {
    let doc = ctx.doc;
    for k in 0..found.len() {
        let f = &found[k];
        let Some(cue) = f.cue else { continue };
        if cue.start < f.content.end || kind_of(doc, f.content) != StatementKind::Direct {
            continue;
        }
        let next_start = found
            .get(k + 1)
            .map(|n| n.content.start)
            .unwrap_or(usize::MAX);
        let Some(mut si) = doc.sentence_at(cue.start) else {
            continue;
        };
        let par = doc.sentences[si].paragraph;
        let mut end = f.content.end;
        while let Some(s) = doc.sentences.get(si + 1) {
            if s.paragraph != par {
                break;
            }
            let qi = doc.quotes.partition_point(|q| q.span.start < s.span.start);
            let Some(q) = doc.quotes.get(qi).filter(|q| q.span.start == s.span.start) else {
                break;
            };
            if q.span.end > next_start {
                break;
            }
            end = q.span.end;
            si = doc
                .sentence_at(q.span.end.saturating_sub(1))
                .unwrap_or(si + 1);
        }
        if end > found[k].content.end {
            found[k].content.end = end;
            found[k].kind = Some(StatementKind::Direct);
        }
    }
}
