//! Meetings: who met whom, when, where, and how (in person, phone, video, visit).
//!
//! Reads the annotated document (tokens, sentences, mentions and entities, times) and
//! returns [`Meeting`]s, one per event with all its participants. The work is split by
//! job:
//! - `triggers`: the meeting words and phrases (lexicon `meeting_verbs.tsv`);
//! - `filters`: planned, wished-for, negated, habitual, "called for", "meet demands",
//!   speeches;
//! - `frames`: who took part by the shape of the trigger (subject/object, host/guest,
//!   destination, the one called); `frame_subject`: the subject a frame starts from;
//!   `frame_nouns`: the noun frame (owner, complement, "the U.S.-China talks");
//! - `participants`: which mention is a participant, the clause's subject, "the two
//!   leaders";
//! - `noun_phrases`: objects, "with"/"between" phrases, coordination, appositions;
//! - `nominal`: meetings told as nouns ("Trump's call with Tsai", "after their talks",
//!   "In a phone call, X told Y", separate calls);
//! - `bodies`: one body's members meeting among themselves ("NATO ambassadors met");
//! - `captions`: verbless photo captions ("Ban Ki-moon, left, with al-Abadi in
//!   Baghdad, March 26, 2016");
//! - `details`: mode and place; `dates`: the date, told or inherited;
//! - `merge`: candidates that tell one event become one meeting.
//!
//! This module finds the clauses, builds the candidates and adds cross-sentence links
//! ("among those attending the talks", a place told just before). It never creates
//! actors: participants are entities of `doc.entities`.

pub mod bodies;
mod captions;
mod ctx;
mod dates;
pub mod details;
pub mod filter_words;
pub mod filters;
mod frame_nouns;
mod frame_subject;
pub mod frames;
pub mod merge;
mod no_actor;
pub mod nominal;
pub mod noun_phrases;
pub mod participant_words;
pub mod participants;
pub mod triggers;

use self::ctx::REPORTING;
pub use self::ctx::{Ctx, Word};
use self::triggers::{Frame, Trigger};
use super::Meeting;
use crate::nlp::lexicon::lexicon;
use crate::nlp::{ActorKind, DateRange, Doc, Span};

/// A candidate before merging.
#[derive(Debug, Clone)]
struct Cand {
    meeting: Meeting,
    sentence: usize,
    /// "an earlier meeting", "previous talks", "a day after his visit": another
    /// occasion than the one in focus.
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
        let before = found.len();
        for trig in triggers::find(&ctx.words, range.clone()) {
            for c in candidate(&ctx, si, range.clone(), trig, &found) {
                found.push(c);
            }
        }
        if found.len() == before {
            found.extend(captions::verbless(&ctx, si, range.clone()));
        }
    }
    let mut out = merge::merge(doc, found);
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
        if w[k] == ";" || (caption_dash(ctx, range.start, k)) {
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
        // "Afghan Talks Reflect Russian Moves-WASHINGTON — With …": a headline ends
        // at its dateline.
        if w[k] == ";" || (caption_dash(ctx, range.start, k)) {
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
pub(super) fn caption_dash(ctx: &Ctx, start: usize, k: usize) -> bool {
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
    let upper = |t: &str| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    // "ORLANDO, Fla. (Reuters) -": a city in capitals, then its state and the agency.
    if ctx.words[j - 1] == ")" {
        if let Some(open) = (start..j - 1).rev().take(6).find(|&i| ctx.words[i] == "(") {
            j = open;
        }
    }
    if j == start {
        return false;
    }
    // ("Moves-WASHINGTON —": a headline glued to its dateline by a hyphen.)
    let tail = |t: &str| t.rsplit('-').next().unwrap_or(t).to_string();
    upper(&tail(ctx.doc.token_text(j - 1))) || (j - start <= 6 && upper(ctx.doc.token_text(start)))
}

/// Whether entity `e` is a capital city, which news uses for its government.
fn is_capital(ctx: &Ctx, e: usize) -> bool {
    let ent = &ctx.doc.entities[e];
    let name = ent.canonical.as_deref().unwrap_or(&ent.name);
    lexicon()
        .lookup(name)
        .iter()
        .any(|&(_, f)| f == crate::nlp::lexicon::Form::Capital)
}

/// Whether entity `e` has a mention in tokens `from..to`.
fn named_in(ctx: &Ctx, e: usize, from: usize, to: usize) -> bool {
    (from..to.min(ctx.mention_at.len())).any(|k| {
        ctx.mention_at[k]
            .and_then(|m| ctx.doc.mentions[m].entity)
            .is_some_and(|x| x == e)
    })
}

fn push_all(v: &mut Vec<usize>, xs: &[usize]) {
    for &x in xs {
        if !v.contains(&x) {
            v.push(x);
        }
    }
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
    let Some((mut parts, dest)) =
        frames::frame_participants(ctx, entry.frame, lo, t, hi, found, si)
    else {
        return Vec::new();
    };
    if parts.len() < 2 {
        // "NATO ambassadors met Sunday in Brussels": one body among itself.
        match bodies::one_body(ctx, entry.frame, lo, t, hi) {
            Some(e) => parts = vec![e],
            None => return Vec::new(),
        }
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
    // An unnamed group ("union leaders", "leaders in law enforcement") takes part only
    // beside a named actor: two unnamed sides make no meeting worth telling. A visit
    // goes to a place or a host, so a group visited ("visited the injured officers")
    // is no party to it.
    let group = |e: &usize| ctx.doc.entities[*e].kind == ActorKind::Group;
    // Only a one-body meeting arrives with one participant.
    let solo = parts.len() == 1;
    let mut parts = parts;
    if matches!(entry.frame, Frame::Visit | Frame::Travel) {
        parts.retain(|e| !group(e));
    }
    // "Trump, in the phone call with Xi, criticized … the Korean Peninsula": outside a
    // visit a place is where, not who (a capital stands for its government: "Beijing
    // and Manila held talks").
    let visit = matches!(
        entry.frame,
        Frame::Visit | Frame::Travel | Frame::Host | Frame::Guest
    ) || entry.mode == crate::extract::MeetingMode::Visit;
    if !visit {
        parts.retain(|&e| ctx.doc.entities[e].kind != ActorKind::Place || is_capital(ctx, e));
    }
    if (parts.len() < 2 && !solo) || parts.is_empty() || parts.iter().all(group) {
        return None;
    }
    // "Erica and Jahnte Bates were visiting the arch": visitors with no place and no
    // actor visited (a sight is neither) met no one there.
    if entry.frame == Frame::Visit
        && dest.is_none()
        && !parts.iter().any(|&e| named_in(ctx, e, t.end, hi))
    {
        return None;
    }
    let mut mode = details::mode(ctx, entry.mode, t.start, hi);
    let caption = details::caption_date(ctx, range.clone()).is_some();
    // "Lavrov, left, speaks to Kerry …, May 17, 2016": a photo shows the two together.
    if caption && mode == crate::extract::MeetingMode::Unknown && ctx.words[t.start].ends_with('s')
    {
        mode = crate::extract::MeetingMode::InPerson;
    }
    let place = dest
        .or_else(|| {
            details::place(ctx, lo, t.start, hi, &[])
                .filter(|p| !parts.contains(p) || entry.frame == Frame::Visit)
        })
        .or_else(|| {
            caption
                .then(|| details::caption_place(ctx, range.clone(), &parts))
                .flatten()
        });
    let anaphoric = entry.frame == Frame::Noun
        && t.start > range.start
        && matches!(
            ctx.words[t.start - 1].as_str(),
            "the" | "that" | "this" | "'s"
        );
    // "after an earlier meeting in Doha", "their previous talks": another, earlier
    // occasion than the one in focus, so it takes no date from the sentences before
    // (and does not merge into the meeting they tell).
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
    // ("met Duda on Tuesday, a day after his visit to Kyiv": the clause's time dates
    // its own event; the visit has only the times of its own phrase.)
    let apart = measured_apart(ctx, lo, t.start);
    let earlier = earlier || apart;
    let own_from = if apart { t.end.min(hi - 1) } else { lo };
    // A meeting referred back to keeps the date it was told with.
    let (date, date_span) = match details::date(ctx, own_from, t.start, hi).or_else(|| {
        (!anaphoric && !earlier)
            .then(|| details::inherited(ctx, si, &parts))
            .flatten()
    }) {
        Some((r, s)) => (r, Some(s)),
        None => (DateRange::default(), None),
    };

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

/// "a day after his surprise visit to Kyiv", "hours before the talks": the meeting
/// noun at `t0` is told as a measured time apart from the clause's own event, so it is
/// another occasion.
fn measured_apart(ctx: &Ctx, lo: usize, t0: usize) -> bool {
    let w = &ctx.words;
    (t0.saturating_sub(5).max(lo + 1)..t0).any(|k| {
        matches!(w[k].as_str(), "after" | "before")
            && matches!(
                w[k - 1].as_str(),
                "minutes"
                    | "hour"
                    | "hours"
                    | "day"
                    | "days"
                    | "week"
                    | "weeks"
                    | "month"
                    | "months"
                    | "year"
                    | "years"
            )
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

#[cfg(test)]
mod tests;
