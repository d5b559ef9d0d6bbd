//! The date of a meeting candidate: the clause's time expression nearest the trigger,
//! past reading (planned meetings are dropped before this), skipping times that date a
//! reporting verb ("said on Monday"); or, for a meeting told without one, the time of
//! the account in the sentences before (`inherited`). Split from `details`, which
//! re-exports both. This module decides nothing about whether the candidate is a
//! meeting.

use super::Ctx;
use crate::nlp::{ActorKind, DateRange, Span, TimeKind};

/// Reporting verbs whose time dates the report, not the meeting.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "announced",
    "confirmed",
    "added",
    "stated",
    "claimed",
    "noted",
    "wrote",
    "tweeted",
    "explained",
];

/// Words that open a clause of its own after the trigger: a time after them dates
/// that clause ("… was raised when the two men talked last month").
const LATER_CLAUSE: &[&str] = &["when", "while", "because", "although", "where"];

/// The date: the clause's time expression nearest the trigger, past reading.
pub fn date(ctx: &Ctx, lo: usize, t0: usize, hi: usize) -> Option<(DateRange, Span)> {
    let doc = ctx.doc;
    let b0 = doc.tokens[lo].span.start;
    let b1 = doc.tokens[hi - 1].span.end;
    let tb = doc.tokens[t0].span.start;
    let mut best: Option<(usize, DateRange, Span)> = None;
    for t in ctx.times_between(b0, b1) {
        if t.span.start < b0 || t.span.end > b1 {
            continue;
        }
        if matches!(t.kind, TimeKind::Since | TimeKind::Recurring) {
            continue;
        }
        // "the last year", "the past week": a duration, not an occasion.
        let text = doc.text(t.span).to_ascii_lowercase();
        if text.starts_with("the past") || text.starts_with("the last") || text.starts_with("past ")
        {
            continue;
        }
        // "said on Monday": the time of the report.
        let k = doc.token_at(t.span.start);
        let mut j = k;
        while j > lo
            && matches!(
                ctx.words[j - 1].as_str(),
                "on" | "late" | "early" | "earlier"
            )
        {
            j -= 1;
        }
        if j > lo && REPORTING.contains(&ctx.words[j - 1].as_str()) {
            continue;
        }
        if k > t0
            && ctx.words[t0..k]
                .iter()
                .any(|x| LATER_CLAUSE.contains(&x.as_str()))
        {
            continue;
        }
        let dist = t.span.start.abs_diff(tb);
        if best.as_ref().is_none_or(|b| dist < b.0) {
            best = Some((dist, t.past, t.span));
        }
    }
    best.map(|(_, r, s)| (r, s))
}

/// Words that tell an occasion a meeting may be part of, beside the meeting triggers
/// ("The summit opened on Saturday", "Macron arrived in Tel Aviv on Tuesday").
const OCCASIONS: &[&str] = &[
    "arrival",
    "arrived",
    "arrives",
    "banquet",
    "ceremony",
    "conference",
    "convention",
    "dinner",
    "flew",
    "forum",
    "gathering",
    "landed",
    "lunch",
    "opened",
    "session",
    "sidelines",
    "summit",
    "tour",
    "trip",
];

/// Whether sentence `si` tells an occasion: a meeting trigger or an occasion word.
fn tells_an_occasion(ctx: &Ctx, si: usize) -> bool {
    let r = ctx.doc.sentences[si].tokens.clone();
    r.clone()
        .any(|k| OCCASIONS.contains(&ctx.words[k].as_str()))
        || !super::triggers::find(&ctx.words, r).is_empty()
}

/// A date from the sentences before: a meeting told without a time of its own in an
/// account that dated the event a sentence or two earlier ("Trump met Abe on Friday.
/// The two leaders discussed trade.", "The summit opened on Saturday. Merkel met
/// Hollande.") takes the latest occasion named there, unless those sentences tell of
/// other people and none of its own: a roundup's next paragraph ("Macron arrived in Tel
/// Aviv on Tuesday. Erdogan welcomed Orban to Ankara.") tells another occasion. A time
/// more than a year old is taken only from a sentence that tells an occasion.
pub fn inherited(ctx: &Ctx, si: usize, parts: &[usize]) -> Option<(DateRange, Span)> {
    let doc = ctx.doc;
    // "Earlier, …" / "Previously, …" tells of another, earlier occasion: the date of
    // the sentences before is not its date.
    let first = doc.sentences[si].tokens.start;
    let opener = doc.token_text(first).to_ascii_lowercase();
    if matches!(
        opener.as_str(),
        "earlier" | "previously" | "before" | "later" | "separately"
    ) {
        return None;
    }
    let b1 = doc.sentences[si].span.start;
    // "Obama has met previously with Clinton": a present perfect tells no occasion of
    // the account before it.
    let toks = doc.sentences[si].tokens.clone();
    if toks.clone().any(|k| {
        matches!(ctx.words[k].as_str(), "has" | "have")
            && ctx.words.get(k + 1).is_some_and(|x| {
                matches!(x.as_str(), "met" | "spoken" | "talked" | "visited" | "held")
            })
    }) {
        return None;
    }
    // Up to three sentences back (tweets and captions between count as sentences).
    let b0 = doc.sentences[si.saturating_sub(3)].span.start;
    // The mentions of those sentences (mentions are in text order).
    let from = doc.mentions.partition_point(|m| m.span.start < b0);
    let window = doc.mentions[from..]
        .iter()
        .take_while(|m| m.span.start < b1)
        .filter_map(|m| m.entity);
    let (mut named_there, mut others_there) = (false, false);
    for e in window {
        if parts.contains(&e) {
            named_there = true;
        } else if doc.entities[e].kind == ActorKind::Person {
            others_there = true;
        }
    }
    if !named_there && others_there {
        return None;
    }
    ctx.times_between(b0, b1).iter().rev().find_map(|t| {
        if matches!(t.kind, TimeKind::Since | TimeKind::Recurring) || t.past.start.is_none() {
            return None;
        }
        // "Clinton first won the state in 1992. He met with the mayor …": a time more
        // than a year before the paper's date is background, not the account's
        // occasion, unless it dates an occasion itself (a meeting, a visit, a summit:
        // "In 1972, Nixon flew to Beijing. He met Mao …").
        let background = t
            .past
            .end
            .zip(doc.article.date)
            .is_some_and(|(end, today)| (today - end).num_days() > 365);
        if background
            && !doc
                .sentence_at(t.span.start)
                .is_some_and(|sj| tells_an_occasion(ctx, sj))
        {
            return None;
        }
        let text = doc.text(t.span).to_ascii_lowercase();
        if text.starts_with("the past") || text.starts_with("the last") || text.starts_with("past ")
        {
            return None;
        }
        Some((t.past, t.span))
    })
}
