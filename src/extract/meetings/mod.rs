//! Meetings: who met whom, when, where, and how (in person, phone, video, visit).
//!
//! Reads the annotated document (tokens, sentences, mentions and entities, times) and
//! returns [`Meeting`]s, one per event with all its participants. The work is split by
//! job:
//! - `triggers`: the meeting words and phrases (lexicon `meeting_verbs.tsv`);
//! - `filters`: planned, wished-for, negated, habitual, "called for", "meet demands",
//!   speeches;
//! - `participants`: subject, objects, "with"/"between" phrases, coordination;
//! - `details`: mode, place, date.
//!
//! This module then adds cross-sentence links ("among those attending the talks", "the
//! two leaders") and merges the candidates that tell one event (same actors, no clash
//! of date, place or mode). It never creates actors: participants are entities of
//! `doc.entities`.

pub mod details;
pub mod filters;
pub mod nominal;
pub mod participants;
pub mod triggers;

use std::collections::BTreeSet;

use self::triggers::{Frame, Trigger};
use super::{Meeting, MeetingMode};
use crate::nlp::lexicon::lexicon;
use crate::nlp::{ActorKind, DateRange, Doc, MentionKind, Span};

/// Token-level views of a document shared by the rules.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Doc,
    /// Lower-cased token texts (curly apostrophes made straight).
    pub words: Vec<String>,
    /// Token → the mention that starts there.
    pub mention_start: Vec<Option<usize>>,
    /// Token → the mention that covers it.
    pub mention_at: Vec<Option<usize>>,
    /// Mention → one past its last token.
    pub mention_end: Vec<usize>,
    /// Mention → whether it only modifies another mention ("Iranian" in "Iranian
    /// President Raisi").
    pub modifier: Vec<bool>,
}

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

/// Reporting verbs that open a new clause for the subject search.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "announced",
    "confirmed",
    "added",
    "stated",
    "according",
    "claimed",
    "noted",
    "revealed",
    "disclosed",
    "wrote",
];

impl<'a> Ctx<'a> {
    /// Builds the views (linear in tokens and mentions).
    pub fn new(doc: &'a Doc) -> Ctx<'a> {
        let n = doc.tokens.len();
        let words: Vec<String> = (0..n)
            .map(|i| doc.token_text(i).to_lowercase().replace('’', "'"))
            .collect();
        let mut mention_start = vec![None; n];
        let mut mention_at = vec![None; n];
        let mut mention_end = vec![0; doc.mentions.len()];
        for (mi, m) in doc.mentions.iter().enumerate() {
            let r = doc.tokens_in(m.span);
            mention_end[mi] = r.end;
            if r.is_empty() {
                continue;
            }
            if mention_start[r.start].is_none() {
                mention_start[r.start] = Some(mi);
            }
            for slot in &mut mention_at[r.clone()] {
                slot.get_or_insert(mi);
            }
        }
        let mut modifier = vec![false; doc.mentions.len()];
        for m in &doc.mentions {
            for of in m.roles.iter().filter_map(|r| r.of) {
                if of < modifier.len() {
                    modifier[of] = true;
                }
            }
        }
        let lex = lexicon();
        for (mi, m) in doc.mentions.iter().enumerate() {
            let end = mention_end[mi];
            // "Iran's Foreign Minister X", "Iranian President X", "Russian deputy
            // foreign minister X": the country only qualifies the person.
            let poss = words.get(end).is_some_and(|w| w == "'s");
            let qualifier = m.kind == MentionKind::Name
                && matches!(m.actor_kind, ActorKind::Country | ActorKind::Organization);
            if m.kind == MentionKind::Demonym || poss || qualifier {
                let from = if poss { end + 1 } else { end };
                let mut k = from;
                let mut bound = from + 4;
                let mut gloss = None;
                let mut qualifies = false;
                while k < bound.min(n) {
                    // "Organization of American States (OAS) Secretary-General X": the
                    // bracketed short form qualifies the person as well.
                    if words[k] == "(" && words.get(k + 2).is_some_and(|x| x == ")") {
                        gloss = mention_start[k + 1];
                        k += 3;
                        bound += 3;
                        continue;
                    }
                    if let Some(other) = mention_start[k] {
                        let o = &doc.mentions[other];
                        qualifies = (o.actor_kind == ActorKind::Person
                            && o.kind != MentionKind::Pronoun)
                            || o.kind == MentionKind::Title;
                        break;
                    }
                    if lex
                        .title_kind(&words[k])
                        .is_some_and(|kind| kind == "person")
                    {
                        qualifies = true;
                        break;
                    }
                    // "Secretary-General": a hyphen inside a title.
                    let hyphen = words[k] == "-"
                        && k > 0
                        && doc.tokens[k].span.start == doc.tokens[k - 1].span.end;
                    if doc.tokens[k].kind != crate::nlp::TokenKind::Word && !hyphen {
                        break;
                    }
                    k += 1;
                }
                if qualifies {
                    modifier[mi] = true;
                    if let Some(g) = gloss {
                        modifier[g] = true;
                    }
                }
            }
        }
        // "In this Jan. 28 photo": a name inside a date is no actor.
        // Both lists are in text order: one sweep.
        let mut ti = 0;
        for (mi, m) in doc.mentions.iter().enumerate() {
            while ti < doc.times.len() && doc.times[ti].span.end <= m.span.start {
                ti += 1;
            }
            if doc.times.get(ti).is_some_and(|t| t.span.overlaps(m.span)) {
                modifier[mi] = true;
            }
        }
        Ctx {
            doc,
            words,
            mention_start,
            mention_at,
            mention_end,
            modifier,
        }
    }
}

impl Ctx<'_> {
    /// The time expressions that start in bytes `b0..b1` (binary search: the list is
    /// in text order).
    pub fn times_between(&self, b0: usize, b1: usize) -> &[crate::nlp::TimeExpr] {
        let t = &self.doc.times;
        let a = t.partition_point(|x| x.span.start < b0);
        let b = t.partition_point(|x| x.span.start < b1).max(a);
        &t[a..b]
    }
}

/// A candidate before merging.
#[derive(Debug, Clone)]
struct Cand {
    meeting: Meeting,
    sentence: usize,
    /// "an earlier meeting", "previous talks": another occasion than the one in focus.
    earlier: bool,
    /// "the meeting with Eggleston": a meeting noun with a definite article, which
    /// refers back to a meeting already told.
    anaphoric: bool,
}

/// Finds the meetings the document reports as having happened.
pub fn extract(doc: &Doc) -> Vec<Meeting> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let ctx = Ctx::new(doc);
    let mut found: Vec<Cand> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let range = s.tokens.clone();
        if range.is_empty() {
            continue;
        }
        attendance(&ctx, si, range.clone(), &mut found);
        for trig in triggers::find(&ctx.words, range.clone()) {
            for c in candidate(&ctx, si, range.clone(), trig, &found) {
                found.push(c);
            }
        }
    }
    let mut out = merge(doc, found);
    for m in &mut out {
        if m.place.is_none() {
            if let Some(si) = doc.sentence_at(m.evidence.start) {
                m.place = details::inherited_place(&ctx, si, &m.participants);
            }
        }
    }
    out
}

/// Clause bounds around a trigger: after a reporting verb ("X said (that) …") or a
/// semicolon before it; before a semicolon or ", X reported" after it.
fn clause(ctx: &Ctx, range: std::ops::Range<usize>, t0: usize, t1: usize) -> (usize, usize) {
    let w = &ctx.words;
    let mut lo = range.start;
    for k in (range.start..t0).rev() {
        if w[k] == ";" || caption_dash(ctx, range.start, k) {
            lo = k + 1;
            break;
        }
        if REPORTING.contains(&w[k].as_str()) && k + 1 < t0 {
            lo = k + 1;
            if let Some(th) = (lo..t0).find(|&j| w[j] == "that") {
                lo = th + 1;
            }
            break;
        }
    }
    let mut hi = range.end;
    for k in t1..range.end {
        if w[k] == ";" {
            hi = k;
            break;
        }
        if w[k] == ","
            && (k + 1..(k + 5).min(range.end)).any(|j| REPORTING.contains(&w[j].as_str()))
        {
            hi = k;
            break;
        }
    }
    (lo, hi.max(t1))
}

/// Whether token `k` is the dash after an upper-case dateline or caption tag
/// ("WASHINGTON —", "FILE -"): the text after it starts afresh.
fn caption_dash(ctx: &Ctx, start: usize, k: usize) -> bool {
    let dash = |j: usize| matches!(ctx.words[j].as_str(), "-" | "—" | "–" | "--");
    if !dash(k) {
        return false;
    }
    let mut j = k;
    while j > start && dash(j - 1) {
        j -= 1;
    }
    if j == start {
        return false;
    }
    let prev = ctx.doc.token_text(j - 1);
    prev.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && prev.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

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

fn push_all(v: &mut Vec<usize>, xs: &[usize]) {
    for &x in xs {
        if !v.contains(&x) {
            v.push(x);
        }
    }
}

/// The participants of a trigger by its frame, and the visit destination if any.
fn frame_participants(
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
    let range_start = ctx.doc.sentences[si].tokens.start;
    if subj.is_empty() && lo > range_start {
        // "X said after meeting with Y": the reporting verb's subject.
        subj = participants::subject(ctx, range_start, lo);
    }
    if subj.is_empty() {
        // "After speaking by phone on Friday, A and B agreed", "Emerging from a meeting
        // with Obama, Sanders said …": the main clause's subject.
        let send = ctx.doc.sentences[si].tokens.end;
        if let Some(c) = (t1..send).find(|&k| ctx.words[k] == ",") {
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
            if w[t0] != "discussed" {
                let k = if after < hi && matches!(w[after].as_str(), "with" | "separately") {
                    skip_adverbs(ctx, after + 1, hi)
                } else {
                    after
                };
                let k = if k < hi && w[k] == "with" { k + 1 } else { k };
                obj = participants::noun_phrase(ctx, k, hi).0;
            }
            if obj.is_empty() {
                if let Some(k) = participants::find_word(ctx, t1, hi, &["with"], 12) {
                    obj = participants::noun_phrase(ctx, k, hi).0;
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
                participants::find_word(ctx, t1, hi, &["by"], 10)?
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
            let (obj, _) = participants::noun_phrase(ctx, start, hi);
            if frame == Frame::Visit {
                dest = obj.iter().copied().find(|&e| is_place(ctx, e));
            }
            push_all(&mut parts, &obj);
        }
        Frame::Travel => {
            let (obj, stop) = participants::noun_phrase(ctx, after, hi);
            let d = obj.iter().copied().find(|&e| is_place(ctx, e))?;
            // A purpose: "for talks (with B)", "on a visit", "to meet B".
            let k = participants::find_word(
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
                Some(participants::skip_with(ctx, k, hi))
            } else {
                participants::find_word(ctx, k, hi, &["with"], 4)
            };
            let others = with
                .map(|k| participants::noun_phrase(ctx, k, hi).0)
                .unwrap_or_default();
            if others.is_empty() {
                parts.push(d);
            } else {
                push_all(&mut parts, &others);
            }
        }
        Frame::Noun => {
            let noun = w[t0].as_str();
            // "Trump's call with Tsai", "his meeting with X", "after their talks".
            let mut named = false;
            if let Some((e, pronoun)) = nominal::possessor(ctx, lo, t0) {
                // A pronoun's antecedent is less sure than the clause's own subject.
                if !pronoun || subj.is_empty() {
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
                push_all(&mut parts, &participants::noun_phrase(ctx, t1, hi).0);
            } else if noun == "visit" || noun == "trip" {
                let k = participants::find_word(ctx, t1, hi, &["to"], 2)?;
                let (obj, _) = participants::noun_phrase(ctx, k, hi);
                dest = obj.iter().copied().find(|&e| is_place(ctx, e));
                push_all(&mut parts, &obj);
            } else if noun == "meeting"
                && t0 > lo
                && matches!(
                    w[t0 - 1].as_str(),
                    "after" | "before" | "while" | "following" | "since"
                )
                && ctx.mention_start.get(after).copied().flatten().is_some()
            {
                // "after meeting Chinese officials": a gerund with its object.
                push_all(&mut parts, &participants::noun_phrase(ctx, after, hi).0);
            } else if let Some(k) = participants::find_word(ctx, t1, hi, with_targets, 10) {
                if w[k - 1] == "between" {
                    parts = participants::noun_phrase(ctx, k, hi).0;
                } else {
                    push_all(&mut parts, &participants::noun_phrase(ctx, k, hi).0);
                }
            } else if nominal::leading_phrase(ctx, lo, t0) {
                // "In a phone call on Saturday, Kerry told Cavusoglu …": the main
                // clause runs past the reporting verb that ends `hi`.
                let end = ctx.doc.sentences[si].tokens.end;
                let c = (t1..end).find(|&k| w[k] == ",")?;
                parts = nominal::addressed(ctx, c + 1, end);
            } else if let Some(v) = nominal::in_trailing_phrase(ctx, lo, t0) {
                // "Kerry asked Sharif, during a meeting this week, …".
                parts = v;
            } else if !named {
                let held = w[lo..t0]
                    .iter()
                    .rev()
                    .take(5)
                    .any(|x| HELD.contains(&x.as_str()));
                if !held {
                    return None;
                }
            }
        }
        Frame::Call => {
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
            let (obj, stop) = participants::noun_phrase(ctx, after, hi);
            let e = *obj.first()?;
            // "called X on Tuesday", "called X to congratulate": a call; "called X a
            // liar", "called X's bluff", "called on": not.
            let next = w.get(stop).map(String::as_str).unwrap_or(".");
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

fn is_place(ctx: &Ctx, e: usize) -> bool {
    ctx.doc
        .entities
        .get(e)
        .is_some_and(|x| matches!(x.kind, ActorKind::Place | ActorKind::Country))
}

fn candidate(
    ctx: &Ctx,
    si: usize,
    range: std::ops::Range<usize>,
    t: Trigger,
    found: &[Cand],
) -> Vec<Cand> {
    let entry = &triggers::entries()[t.entry];
    let (lo, hi) = clause(ctx, range.clone(), t.start, t.end);
    if filters::reject(ctx, entry.frame, lo, t.start, t.end, hi).is_some() {
        return Vec::new();
    }
    let Some((parts, dest)) = frame_participants(ctx, entry.frame, lo, t, hi, found, si) else {
        return Vec::new();
    };
    if parts.len() < 2 {
        return Vec::new();
    }
    // "separate calls to the leaders of Japan, China and Germany": one occasion each.
    let groups: Vec<Vec<usize>> =
        if parts.len() > 2 && nominal::separate(ctx, lo, t.start, t.end, hi) {
            parts[1..].iter().map(|&p| vec![parts[0], p]).collect()
        } else {
            vec![parts]
        };
    groups
        .into_iter()
        .filter_map(|g| build(ctx, si, range.clone(), t, (lo, hi), g, dest))
        .collect()
}

/// A candidate with its mode, place and date.
fn build(
    ctx: &Ctx,
    si: usize,
    range: std::ops::Range<usize>,
    t: Trigger,
    (lo, hi): (usize, usize),
    parts: Vec<usize>,
    dest: Option<usize>,
) -> Option<Cand> {
    let entry = &triggers::entries()[t.entry];
    let mode = details::mode(ctx, entry.mode, t.start, hi);
    let place = dest.or_else(|| {
        details::place(ctx, lo, t.start, hi, &[])
            .filter(|p| !parts.contains(p) || entry.frame == Frame::Visit)
    });
    let anaphoric = entry.frame == Frame::Noun
        && t.start > range.start
        && matches!(
            ctx.words[t.start - 1].as_str(),
            "the" | "that" | "this" | "'s"
        );
    // A meeting referred back to keeps the date it was told with.
    let (date, date_span) = match details::date(ctx, lo, t.start, hi)
        .or_else(|| (!anaphoric).then(|| details::inherited(ctx, si)).flatten())
    {
        Some((r, s)) => (r, Some(s)),
        None => (DateRange::default(), None),
    };
    let w = &ctx.words;
    let earlier = w[t.start.saturating_sub(3).max(lo)..t.start]
        .iter()
        .any(|x| {
            matches!(
                x.as_str(),
                "earlier" | "previous" | "prior" | "past" | "last"
            )
        })
        || matches!(w[range.start].as_str(), "earlier" | "previously");

    // "His meeting with Clinton on Tuesday night is an important step" in Tuesday's
    // paper: that night is still to come.
    if entry.frame == Frame::Noun {
        let own = details::date(ctx, lo, t.start, hi);
        // "hours before his meeting with Clinton": the meeting comes after the event
        // told; it is past only when its own date is before the paper's.
        let before = w[t.start.saturating_sub(3).max(lo)..t.start]
            .iter()
            .any(|x| x == "before");
        let past = own.is_some_and(|(r, _)| {
            r.end
                .zip(ctx.doc.article.date)
                .is_some_and(|(end, today)| end < today)
        });
        if before && !past {
            return None;
        }
        let tonight = own.is_some_and(|(r, s)| {
            let text = ctx.doc.text(s).to_ascii_lowercase();
            r.start.is_some()
                && r.start == ctx.doc.article.date
                && ["night", "evening", "later"]
                    .iter()
                    .any(|x| text.contains(x))
        });
        if tonight {
            return None;
        }
    }
    let confidence = match entry.frame {
        Frame::Sym | Frame::Host | Frame::Guest => 0.85,
        Frame::Visit => 0.8,
        Frame::Noun => 0.75,
        Frame::Travel => 0.7,
        Frame::Call => 0.65,
    } + if date.start.is_some() { 0.05 } else { 0.0 };
    let sent = &ctx.doc.sentences[si];
    let trigger = Span::new(
        ctx.doc.tokens[t.start].span.start,
        ctx.doc.tokens[t.end - 1].span.end,
    );
    Some(Cand {
        meeting: Meeting {
            participants: parts,
            mode,
            place,
            date,
            date_span,
            evidence: sent.span,
            trigger: Some(trigger),
            confidence,
        },
        sentence: si,
        earlier,
        anaphoric,
    })
}

/// "X was among those attending the talks", "X joined the meeting": X took part in
/// the meeting just told.
fn attendance(ctx: &Ctx, si: usize, range: std::ops::Range<usize>, found: &mut [Cand]) {
    let w = &ctx.words;
    let Some(k) = range.clone().find(|&k| {
        matches!(
            w[k].as_str(),
            "attending" | "attended" | "joined" | "participated" | "attend"
        ) && w.get(k + 1..(k + 4).min(range.end)).is_some_and(|a| {
            a.iter().any(|x| {
                matches!(
                    x.as_str(),
                    "talks" | "meeting" | "meetings" | "visit" | "delegation" | "call"
                )
            })
        }) && w
            .get(k + 1)
            .is_some_and(|x| matches!(x.as_str(), "the" | "in"))
    }) else {
        return;
    };
    let who = participants::subject(ctx, range.start, k);
    if who.is_empty() {
        return;
    }
    if let Some(prev) = found.last_mut().filter(|c| si - c.sentence <= 3) {
        push_all(&mut prev.meeting.participants, &who);
    }
}

/// The side each participant stands for: the country or organisation of its role
/// ("Russian deputy foreign minister X" → Russia), the lexicon country of a place or
/// ministry ("Moscow" → Russia), or itself.
fn sides(doc: &Doc, parts: &[usize]) -> BTreeSet<String> {
    let lex = lexicon();
    parts
        .iter()
        .filter_map(|&p| doc.entities.get(p))
        .map(|e| {
            if let Some(of) = e.roles.iter().find_map(|r| r.of) {
                if let Some(o) = doc.entities.get(of) {
                    return o.canonical.clone().unwrap_or_else(|| o.name.clone());
                }
            }
            let own = e.canonical.clone().unwrap_or_else(|| e.name.clone());
            // "Russian Foreign Ministry" stands for Russia.
            if e.kind == ActorKind::Organization {
                if let Some(first) = e.name.split_whitespace().next() {
                    if let Some(&(i, crate::nlp::lexicon::Form::Demonym)) =
                        lex.lookup(first).first()
                    {
                        return lex.entries[i].canonical.clone();
                    }
                }
            }
            if let Some(x) = lex.entry_named(&own) {
                let state = e.kind == ActorKind::Place
                    || x.subtype.as_deref().is_some_and(|t| t == "government");
                if let Some(c) = x.country.clone().filter(|_| state) {
                    return c;
                }
            }
            own
        })
        .collect()
}

fn overlaps(a: &DateRange, b: &DateRange) -> bool {
    match (a.start, a.end, b.start, b.end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
        _ => true,
    }
}

fn mode_compatible(a: MeetingMode, b: MeetingMode) -> bool {
    use MeetingMode::*;
    let remote = |m| matches!(m, Phone | Video);
    a == Unknown || b == Unknown || remote(a) == remote(b)
}

/// How many sentences back "the meeting", "X's meeting" may refer (the nearest meeting
/// sharing a participant is taken).
const REFER_BACK: usize = 25;

/// How many earlier meetings a candidate is compared with for merging.
const MERGE_WINDOW: usize = 24;

/// Merges candidates that tell the same event.
fn merge(doc: &Doc, cands: Vec<Cand>) -> Vec<Meeting> {
    let mut out: Vec<Cand> = Vec::new();
    for c in cands {
        let cs = sides(doc, &c.meeting.participants);
        // Only recent meetings can be retold (keeps long documents linear).
        let target = out.iter_mut().rev().take(MERGE_WINDOW).find(|e| {
            let m = &e.meeting;
            let shared = m
                .participants
                .iter()
                .filter(|p| c.meeting.participants.contains(p))
                .count();
            let shared_sides = sides(doc, &m.participants).intersection(&cs).count();
            // "In a much anticipated call, Trump also spoke with Putin": two triggers of
            // one sentence for the same actors tell one event.
            let same_sentence = e.sentence == c.sentence && shared >= 2;
            // "The meeting with Eggleston managed to delay …": the meeting just told.
            let refers_back = c.anaphoric && shared >= 1 && c.sentence - e.sentence <= REFER_BACK;
            !c.earlier
                && (shared >= 2 || shared_sides >= 2 || refers_back)
                && overlaps(&m.date, &c.meeting.date)
                && (m.place.is_none() || c.meeting.place.is_none() || m.place == c.meeting.place)
                && (mode_compatible(m.mode, c.meeting.mode) || same_sentence)
        });
        match target {
            Some(e) => {
                // Recency for later references counts from the latest retelling.
                e.sentence = e.sentence.max(c.sentence);
                let m = &mut e.meeting;
                push_all(&mut m.participants, &c.meeting.participants);
                if m.date.start.is_none() && m.date.end.is_none() {
                    m.date = c.meeting.date;
                    m.date_span = c.meeting.date_span;
                }
                if m.place.is_none() {
                    m.place = c.meeting.place;
                }
                let remote = matches!(c.meeting.mode, MeetingMode::Phone | MeetingMode::Video);
                if (matches!(m.mode, MeetingMode::Unknown | MeetingMode::Visit) || remote)
                    && c.meeting.mode != MeetingMode::Unknown
                {
                    m.mode = c.meeting.mode;
                }
                m.confidence = m.confidence.max(c.meeting.confidence);
            }
            None => out.push(c),
        }
    }
    out.into_iter().map(|c| c.meeting).collect()
}

#[cfg(test)]
mod tests;
