//! Frames: who took part in a meeting by the shape of its trigger (subject and object
//! of "met", host and guest of "hosted"/"was received by", destination of "visited"/
//! "travelled to … for talks", the complement of a noun like "talks"/"phone call", the
//! person "called"), and the visit's destination.
//!
//! Works on one clause with the token views of [`Ctx`]; it decides nothing about
//! modality (that is `filters`) or dates and places (`details`).

use super::triggers::{Frame, Trigger};
use super::{nominal, noun_phrases, participants, push_all, Cand, Ctx, Word};
use crate::nlp::{ActorKind, MentionKind, Span};

/// Words that open a subordinate clause whose own subject a trigger in it takes
/// ("after Kerry and Lavrov spoke by telephone").
const SUBORDINATORS: &[&str] = &[
    "after", "as", "when", "while", "before", "because", "until", "once", "where",
];

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
pub(super) fn frame_participants(
    ctx: &Ctx,
    frame: Frame,
    lo: usize,
    t: Trigger,
    hi: usize,
    found: &[Cand],
    si: usize,
) -> Option<(Vec<usize>, Option<usize>)> {
    let w = &ctx.words;
    let (t0, t1) = (t.start, t.end);
    let mut subj = participants::subject(ctx, lo, t0);
    // "Moscow and Tehran are facilitating talks … after Kerry and Lavrov spoke by
    // telephone": the subject of the subordinate clause the trigger is in.
    if let Some(s) = (lo..t0)
        .rev()
        .find(|&k| SUBORDINATORS.contains(&w[k].as_str()))
    {
        // The subordinate clause's subject opens it ("after Kerry and Lavrov spoke"),
        // not a name deep in a gerund's phrase ("after meeting … at Reid's invitation").
        let opens = (s + 1..(s + 4).min(t0)).any(|k| ctx.mention_start[k].is_some());
        let inner = participants::subject(ctx, s + 1, t0);
        if opens && !inner.is_empty() {
            subj = inner;
        }
    }
    // "Romney traveled to Jerusalem and Netanyahu met him": the subject of a second
    // coordinated clause stands right before its verb.
    let mut j = t0;
    while j > lo
        && (matches!(
            w[j - 1].as_str(),
            "also" | "later" | "then" | "had" | "has" | "have" | "first"
        ) || (w[j - 1].ends_with("ly") && ctx.mention_at[j - 1].is_none()))
    {
        j -= 1;
    }
    if let Some(m) = j.checked_sub(1).and_then(|k| ctx.mention_at[k]) {
        let start = ctx.doc.tokens_in(ctx.doc.mentions[m].span).start;
        let after_and = start > lo && w[start - 1] == "and";
        let e = ctx.doc.mentions[m].entity;
        if after_and && ctx.mention_end[m] == j && e.is_some_and(|e| !subj.contains(&e)) {
            let (v, _) = noun_phrases::noun_phrase(ctx, start, t0);
            if !v.is_empty() && !subj.is_empty() {
                subj = v;
            }
        }
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
    // Whether the subject comes from outside the trigger's clause (a possessor
    // pronoun inside it is then surer: "After her meeting with Obama, the White House
    // announced …" is hers).
    let borrowed = subj.is_empty();
    if subj.is_empty() && lo > range_start && !quoted {
        // "X said after meeting with Y": the reporting verb's subject.
        subj = participants::subject(ctx, range_start, lo);
    }
    if subj.is_empty() && !quoted {
        // "After speaking by phone on Friday, A and B agreed", "Emerging from a meeting
        // with Obama, Sanders said …": the main clause's subject.
        let send = ctx.doc.sentences[si].tokens.end;
        // (Not past a headline's dateline: "Talks Reflect Moves-WASHINGTON — …".)
        if let Some(c) = (t1..send)
            .take_while(|&k| !super::caption_dash(ctx, range_start, k))
            .find(|&k| ctx.words[k] == ",")
        {
            subj = participants::subject(ctx, c + 1, send);
        }
    }
    if let Some(n) = participants::group_reference(ctx, lo, t0) {
        // "the two leaders": the pair of the meeting just told.
        let prev = found.last().filter(|c| si - c.sentence <= 2)?;
        if prev.meeting.participants.len() >= n.min(2) {
            subj = prev.meeting.participants.clone();
        }
    }
    let after = skip_adverbs(ctx, t1, hi);
    let mut parts = subj.clone();
    let mut dest = None;
    match frame {
        Frame::Sym => {
            let mut obj = Vec::new();
            // "speaking by phone from Oman": where the speaker was, not a counterpart.
            let from = after < hi && w[after] == "from";
            if w[t0] != "discussed" && !from {
                let k = if after < hi && matches!(w[after].as_str(), "with" | "separately") {
                    skip_adverbs(ctx, after + 1, hi)
                } else {
                    after
                };
                let k = if k < hi && w[k] == "with" { k + 1 } else { k };
                obj = noun_phrases::noun_phrase(ctx, k, hi).0;
            }
            if obj.is_empty() {
                if let Some(k) = noun_phrases::find_word(ctx, t1, hi, &["with"], 12) {
                    obj = noun_phrases::noun_phrase(ctx, k, hi).0;
                }
            }
            push_all(&mut parts, &obj);
            // "They met again, in July 2008": the pair of the meeting told before.
            if parts.len() < 2 && w[lo] == "they" && t0 - lo <= 3 {
                if let Some(prev) = found.last().filter(|c| si - c.sentence <= 6) {
                    parts.clone_from(&prev.meeting.participants);
                }
            }
        }
        Frame::Host | Frame::Guest | Frame::Visit => {
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
        }
        Frame::Travel => {
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
            dest = Some(d);
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
        }
        Frame::Noun => {
            let noun = w[t0].as_str();
            // "the U.S.-Cambodia Dialogue": a dialogue is an occasion only when a
            // compound names its two sides; "calls for dialogue" is a process.
            if noun == "dialogue" {
                let pair = nominal::pair_before(ctx, lo, t0)?;
                return Some((pair, None));
            }
            // "Trump's call with Tsai", "his meeting with X", "after their talks".
            let mut named = false;
            if let Some((e, pronoun)) = nominal::possessor(ctx, lo, t0) {
                // A pronoun's antecedent is less sure than the clause's own subject.
                if !pronoun || subj.is_empty() || borrowed {
                    subj = vec![e];
                    parts = subj.clone();
                }
            } else if let Some(v) = nominal::their(ctx, range_start, lo, t0) {
                subj = v;
                parts = subj.clone();
                named = true;
            }
            let call = matches!(noun, "call" | "calls")
                || w[t0..t1].iter().any(|x| x == "calls" || x == "call");
            let with_targets: &[&str] = if call {
                &["with", "between", "to"]
            } else {
                &["with", "between"]
            };
            if w[t1 - 1] == "with" {
                // The trigger ends with its preposition ("call with", "audience with").
                push_all(&mut parts, &noun_phrases::noun_phrase(ctx, t1, hi).0);
            } else if noun == "visit" || noun == "trip" {
                let k = noun_phrases::find_word(ctx, t1, hi, &["to"], 2)?;
                let (obj, _) = noun_phrases::noun_phrase(ctx, k, hi);
                dest = obj.iter().copied().find(|&e| is_place(ctx, e));
                push_all(&mut parts, &obj);
            } else if noun == "meeting"
                && t0 > lo
                && (matches!(
                    w[t0 - 1].as_str(),
                    "after" | "before" | "while" | "following" | "since"
                ) || (t0 > lo + 1 && w[t0 - 1] == "of" && w[t0 - 2] == "ahead"))
                && ctx.mention_start.get(after).copied().flatten().is_some()
            {
                // "after meeting Chinese officials": a gerund with its object.
                push_all(&mut parts, &noun_phrases::noun_phrase(ctx, after, hi).0);
            } else if let Some(k) = noun_phrases::find_word(ctx, t1, hi, with_targets, 10) {
                if w[k - 1] == "between" {
                    parts = noun_phrases::noun_phrase(ctx, k, hi).0;
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
            } else if let Some(pair) = nominal::pair_before(ctx, lo, t0).filter(|_| {
                // Told as having taken place: "held the U.S.-China talks", "the
                // Russia-Ukraine talks ended", "after the U.S.-China talks"; not "a
                // settlement reached in U.S.-Soviet talks".
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
            }) {
                // "the U.S.-China talks": the two sides the compound names.
                parts = pair;
            } else if !named {
                let held = w[lo..t0]
                    .iter()
                    .rev()
                    .take(5)
                    .any(|x| HELD.contains(&x.as_str()));
                if !held && (subj.len() < 2 || !adjunct_talks(ctx, lo, t0, t1)) {
                    return None;
                }
            }
        }
        Frame::Call => {
            // "a group called Color of Change", "The program, called EB-5,": a name
            // given, not a telephone call.
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
            let naming = t0 > lo + 1
                && (thing_named || (w[t0 - 1] == "," && ctx.mention_at[t0 - 2].is_none()));
            if naming {
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
            // "called X on Tuesday", "called X to congratulate": a call; "called X a
            // liar", "called X's bluff", "called on": not.
            let next = w.get(stop).map(Word::as_str).unwrap_or(".");
            let ok = stop >= hi
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
                    .any(|t| t.span.start == ctx.doc.tokens[stop].span.start);
            if !ok {
                return None;
            }
            push_all(&mut parts, &[e]);
        }
    }
    Some((parts, dest))
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

fn is_place(ctx: &Ctx, e: usize) -> bool {
    ctx.doc
        .entities
        .get(e)
        .is_some_and(|x| matches!(x.kind, ActorKind::Place | ActorKind::Country))
}
