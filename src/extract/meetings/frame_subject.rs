//! Frame subjects: the actors a trigger's frame starts from, before its object is read.
//!
//! The clause's subject (`participants::subject`), corrected by the clause's shape: the
//! subject of a subordinate clause ("after Kerry and Lavrov spoke"), of a second
//! coordinated clause ("… and Netanyahu met him"), the teller rather than the one told
//! ("Trump told Turnbull he had spoken to Putin"), the subject borrowed from the
//! reporting verb or the main clause when the trigger's clause has none, and "the two
//! leaders" for the pair of the meeting just told. It reads no object and decides
//! nothing about modality, dates or places.

use super::triggers::Trigger;
use super::{noun_phrases, participants, Cand, Ctx};
use crate::nlp::{ActorKind, MentionKind};

/// Words that open a subordinate clause whose own subject a trigger in it takes
/// ("after Kerry and Lavrov spoke by telephone").
const SUBORDINATORS: &[&str] = &[
    "after", "as", "when", "while", "before", "because", "until", "once", "where", "since",
];

/// The subject a frame starts from.
pub(super) struct FrameSubject {
    /// The subject's entities, in order (may be empty).
    pub actors: Vec<usize>,
    /// Whether the trigger's own clause named no subject (a possessor pronoun inside
    /// it is then surer: "After her meeting with Obama, the White House announced …"
    /// is hers).
    pub borrowed: bool,
}

/// The subject of trigger `t` in clause `lo..` of sentence `si` ("the two leaders"
/// with no meeting told in the two sentences before names no one: empty).
pub(super) fn frame_subject(
    ctx: &Ctx,
    lo: usize,
    t: Trigger,
    found: &[Cand],
    si: usize,
) -> FrameSubject {
    let (t0, t1) = (t.start, t.end);
    let mut subj = participants::subject(ctx, lo, t0);
    if let Some(inner) = subordinate_subject(ctx, lo, t0) {
        subj = inner;
    }
    if let Some(v) = second_clause_subject(ctx, lo, t0, &subj) {
        subj = v;
    }
    let range_start = ctx.doc.sentences[si].tokens.start;
    // "Trump told Turnbull he had spoken to Putin": the teller, not the one told.
    if let Some(e) = teller(ctx, range_start, lo, t0).filter(|_| subj.len() == 1) {
        subj = vec![e];
    }
    // Inside a quotation the one who reports it is no participant ("'his meeting with
    // the Mexican president shows …,' she wrote").
    let tb = ctx.doc.tokens[t0].span;
    let quoted = ctx.doc.quotes.iter().any(|q| q.inner.contains(tb));
    let borrowed = subj.is_empty();
    if subj.is_empty() && !quoted {
        subj = outside_subject(ctx, lo, t1, si);
    }
    if let Some(n) = participants::group_reference(ctx, lo, t0) {
        // "the two leaders": the pair of the meeting just told. With none told, the
        // words name no one ("Officials from both countries attended the U.S.-Cambodia
        // Dialogue": the frame's own pair may still say who met).
        match found.last().filter(|c| si - c.sentence <= 2) {
            Some(prev) if prev.meeting.participants.len() >= n.min(2) => {
                subj = prev.meeting.participants.clone();
            }
            Some(_) => {}
            // "Modi told Putin on Friday … The two leaders met on the sidelines": with
            // no meeting told, the actors the sentence before names, when they are
            // exactly as many.
            None => subj = named_before(ctx, si, n).unwrap_or_default(),
        }
    }
    FrameSubject {
        actors: subj,
        borrowed,
    }
}

/// The actors (not places) sentence `si - 1` names, when there are exactly `n`.
fn named_before(ctx: &Ctx, si: usize, n: usize) -> Option<Vec<usize>> {
    let prev = &ctx.doc.sentences[si.checked_sub(1)?];
    let mut out: Vec<usize> = Vec::new();
    for k in prev.tokens.clone() {
        let Some(m) = ctx.mention_start[k] else {
            continue;
        };
        if ctx.doc.mentions[m].actor_kind == ActorKind::Place {
            continue;
        }
        if let Some(e) = participants::participant(ctx, m) {
            if !out.contains(&e) {
                out.push(e);
            }
        }
    }
    (out.len() == n).then_some(out)
}

/// "Moscow and Tehran are facilitating talks … after Kerry and Lavrov spoke by
/// telephone": the subject of the subordinate clause the trigger at `t0` is in, when a
/// name opens that clause.
fn subordinate_subject(ctx: &Ctx, lo: usize, t0: usize) -> Option<Vec<usize>> {
    let w = &ctx.words;
    let s = (lo..t0)
        .rev()
        .find(|&k| SUBORDINATORS.contains(&w[k].as_str()))?;
    // The subordinate clause's subject opens it ("after Kerry and Lavrov spoke"),
    // not a name deep in a gerund's phrase ("after meeting … at Reid's invitation").
    let opens = (s + 1..(s + 4).min(t0)).any(|k| ctx.mention_start[k].is_some());
    // ("Obergefell, the plaintiff in the case before the Supreme Court, center, talks
    // …": a comma closes a preposition's phrase; the trigger is the main verb.)
    if w[s + 1..t0].iter().any(|x| x == ",") {
        return None;
    }
    let inner = participants::subject(ctx, s + 1, t0);
    (opens && !inner.is_empty()).then_some(inner)
}

/// "Romney traveled to Jerusalem and Netanyahu met him": the subject of a second
/// coordinated clause stands right before its verb (after "and"), and replaces the
/// clause's first subject `subj` when that one is not empty and does not hold it.
fn second_clause_subject(ctx: &Ctx, lo: usize, t0: usize, subj: &[usize]) -> Option<Vec<usize>> {
    let w = &ctx.words;
    let mut j = t0;
    while j > lo
        && (matches!(
            w[j - 1].as_str(),
            "also" | "later" | "then" | "had" | "has" | "have" | "first"
        ) || (w[j - 1].ends_with("ly") && ctx.mention_at[j - 1].is_none()))
    {
        j -= 1;
    }
    let m = j.checked_sub(1).and_then(|k| ctx.mention_at[k])?;
    let start = ctx.doc.tokens_in(ctx.doc.mentions[m].span).start;
    let after_and = start > lo && w[start - 1] == "and";
    let e = ctx.doc.mentions[m].entity;
    if after_and && ctx.mention_end[m] == j && e.is_some_and(|e| !subj.contains(&e)) {
        let (v, _) = noun_phrases::noun_phrase(ctx, start, t0);
        if !v.is_empty() && !subj.is_empty() {
            return Some(v);
        }
    }
    None
}

/// The subject from outside the trigger's clause, for a clause that names none: "X
/// said after meeting with Y" (the reporting verb's subject, before `lo`), "After
/// speaking by phone on Friday, A and B agreed" (the main clause's, after the comma
/// that follows the trigger's end `t1`).
fn outside_subject(ctx: &Ctx, lo: usize, t1: usize, si: usize) -> Vec<usize> {
    let range_start = ctx.doc.sentences[si].tokens.start;
    // ("Cubans Still Waiting-WASHINGTON — A year ago, after months of negotiations,
    // …": a headline before its dateline holds no reporting verb's subject.)
    if lo > range_start && !super::caption_dash(ctx, range_start, lo - 1) {
        // "X said after meeting with Y": the reporting verb's subject.
        let subj = participants::subject(ctx, range_start, lo);
        if !subj.is_empty() {
            return subj;
        }
    }
    // "After speaking by phone on Friday, A and B agreed", "Emerging from a meeting
    // with Obama, Sanders said …": the main clause's subject.
    let send = ctx.doc.sentences[si].tokens.end;
    // (Not past a headline's dateline: "Talks Reflect Moves-WASHINGTON — …".)
    match (t1..send)
        .take_while(|&k| !super::caption_dash(ctx, range_start, k))
        .find(|&k| ctx.words[k] == ",")
    {
        // ("Trump, in the phone call with Xi, criticized North Korea": a verb opens
        // the rest, whose first actor is its object, not a subject.)
        Some(c) if c + 1 < send && opens_with_verb(ctx, c + 1) => Vec::new(),
        Some(c) => participants::subject(ctx, c + 1, send),
        None => Vec::new(),
    }
}

/// Whether token `k` is a past-tense verb (a lower-case word in "-ed" that no mention
/// covers, or a reporting verb), so the clause from `k` on has no subject of its own.
fn opens_with_verb(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.words[k].as_str();
    let lower = ctx
        .doc
        .token_text(k)
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    lower
        && ctx.mention_at[k].is_none()
        && ((w.len() > 4 && w.ends_with("ed")) || super::ctx::REPORTING.contains(&w))
}

/// Verbs of telling someone something.
const TELL: &[&str] = &["told", "tells", "telling", "informed", "assured"];

/// "A told B (that) he had spoken to C": when the first pronoun of the clause that
/// holds the trigger (tokens `lo..t0`) comes right after "told B (that)", and the pronoun
/// was resolved to B, the teller A (a person named before "told") is meant.
fn teller(ctx: &Ctx, s0: usize, lo: usize, t0: usize) -> Option<usize> {
    let w = &ctx.words;
    let p = (lo..t0).find(|&k| {
        ctx.mention_at[k].is_some_and(|m| ctx.doc.mentions[m].kind == MentionKind::Pronoun)
    })?;
    let pm = ctx.mention_at[p]?;
    let pron = &ctx.doc.mentions[pm];
    if pron.kind != MentionKind::Pronoun || !matches!(w[p].as_str(), "he" | "she") {
        return None;
    }
    let mut k = p;
    if k > s0 && w[k - 1] == "that" {
        k -= 1;
    }
    let told = k.checked_sub(1).and_then(|j| ctx.mention_at[j])?;
    let b = ctx.doc.tokens_in(ctx.doc.mentions[told].span).start;
    if b <= s0 || !TELL.contains(&w[b - 1].as_str()) || ctx.doc.mentions[told].entity != pron.entity
    {
        return None;
    }
    let v = b - 1;
    let v = if v > s0 && matches!(w[v - 1].as_str(), "had" | "has" | "have") {
        v - 1
    } else {
        v
    };
    let a = ctx.mention_at[v.checked_sub(1)?]?;
    let e = ctx.doc.mentions[a].entity?;
    (Some(e) != pron.entity && ctx.doc.mentions[a].actor_kind == ActorKind::Person).then_some(e)
}
