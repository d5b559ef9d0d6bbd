//! Mode and place of a meeting candidate (its date is in `dates`).
//!
//! - mode: the trigger's mode, refined by "by phone", "video link" and the like;
//! - place: the nearest place or country after "in"/"at" in the clause (after the
//!   trigger first, then before it), or the visit's destination;
//! - date: in `dates` (re-exported here).
//!
//! This module decides nothing about whether the candidate is a meeting.

pub use super::dates::{date, inherited};
use super::Ctx;
use crate::extract::MeetingMode;
use crate::nlp::{ActorKind, MentionKind, TimeKind};

/// The mode, refined by the words of the clause.
pub fn mode(ctx: &Ctx, base: MeetingMode, t0: usize, hi: usize) -> MeetingMode {
    let w = &ctx.words;
    let window = &w[t0..hi.min(t0 + 12)];
    // "held a virtual summit", "in a video call": the words right before the noun.
    let before = &w[t0.saturating_sub(2)..t0];
    let any = |xs: &[&str]| {
        window
            .iter()
            .chain(before)
            .any(|x| xs.contains(&x.as_str()))
    };
    if any(&[
        "video",
        "videoconference",
        "video-conference",
        "virtual",
        "virtually",
        "zoom",
    ]) {
        return MeetingMode::Video;
    }
    if any(&["phone", "telephone", "telephoned", "phoned", "call"]) {
        return MeetingMode::Phone;
    }
    // "had spoken candidly with Trump, but would not confirm … that Trump had cut the
    // call short": a talk of unknown mode that the sentence later calls "the call".
    if base == MeetingMode::Unknown {
        let end = ctx
            .doc
            .sentence_at(ctx.doc.tokens[t0].span.start)
            .map_or(hi, |si| ctx.doc.sentences[si].tokens.end);
        let the_call = (t0 + 1..end).any(|k| {
            w[k - 1] == "the"
                && matches!(w[k].as_str(), "call" | "phone")
                && !w
                    .get(k + 1)
                    .is_some_and(|x| matches!(x.as_str(), "for" | "to" | "on"))
        });
        if the_call {
            return MeetingMode::Phone;
        }
    }
    base
}

/// Nouns of what happens in a place ("the situation in Gaza", "the war in Ukraine"):
/// a place after them is what a meeting discussed, not where it was.
const TOPIC_NOUNS: &[&str] = &[
    "attacks",
    "bombardment",
    "ceasefire",
    "conflict",
    "crisis",
    "developments",
    "escalation",
    "events",
    "fighting",
    "hostilities",
    "offensive",
    "situation",
    "tensions",
    "truce",
    "violence",
    "war",
];

/// Verbs of welcoming a guest, after which "to X" is where the guest came.
const WELCOME: &[&str] = &["welcome", "welcomed", "welcomes", "welcoming"];

/// The place of the meeting: entity index.
pub fn place(ctx: &Ctx, lo: usize, t0: usize, hi: usize, exclude: &[usize]) -> Option<usize> {
    let is_place = |k: usize| -> Option<usize> {
        let m = ctx.mention_start[k]?;
        let men = &ctx.doc.mentions[m];
        if !matches!(men.actor_kind, ActorKind::Place | ActorKind::Country) && !is_venue(ctx, m) {
            return None;
        }
        let e = men.entity?;
        (!exclude.contains(&e)).then_some(e)
    };
    let prep_before = |k: usize| -> bool {
        let mut j = k;
        let mut steps = 0;
        while j > lo && steps < 4 {
            j -= 1;
            steps += 1;
            match ctx.words[j].as_str() {
                // "discussed the situation in Gaza": where the subject happens.
                "in" | "at" if j > lo && TOPIC_NOUNS.contains(&ctx.words[j - 1].as_str()) => {
                    return false
                }
                "in" | "at" => return true,
                // "welcomed Orban to Ankara": where the guest came.
                "to" if j > lo
                    && WELCOME.contains(&ctx.words[t0].as_str())
                    && ctx.mention_at[j - 1].is_some() =>
                {
                    return true
                }
                "the" | "capital" | "city" | "of" | "," => continue,
                _ if ctx.mention_at[j].is_some() => continue,
                _ => return false,
            }
        }
        false
    };
    // "the Brussels summit", "the Geneva talks": a city naming the meeting.
    let names_the_meeting = |k: usize| -> bool {
        let m = ctx.mention_start[k];
        m.is_some_and(|m| {
            let men = &ctx.doc.mentions[m];
            men.actor_kind == ActorKind::Place
                && men.kind == MentionKind::Name
                && k > lo
                && ctx.words[k - 1] == "the"
                && ctx.words.get(ctx.mention_end[m]).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "summit" | "talks" | "meeting" | "conference" | "negotiations"
                    )
                })
        })
    };
    let mut best: Option<usize> = None;
    let mut k = t0;
    while k < hi {
        // "welcomed Orban to Ankara": the guest's destination, before "to" ends the
        // scan below.
        let welcome_to = ctx.words[k] == "to" && WELCOME.contains(&ctx.words[t0].as_str());
        if welcome_to {
            if let Some(e) = is_place(k + 1).filter(|_| prep_before(k + 1)) {
                return Some(e);
            }
        }
        if let Some(e) = is_place(k) {
            if prep_before(k) || names_the_meeting(k) {
                // "in Doha, Qatar": keep the city.
                if best.is_none() {
                    best = Some(e);
                }
                break;
            }
        }
        if matches!(
            ctx.words[k].as_str(),
            "said"
                | "says"
                | "where"
                | "who"
                | "which"
                | "told"
                | "as"
                | "while"
                | "because"
                | "amid"
                | "but"
                | "to"
        ) {
            break;
        }
        k += 1;
    }
    if best.is_some() {
        return best;
    }
    (lo..t0)
        .rev()
        .find_map(|k| is_place(k).filter(|_| prep_before(k) || names_the_meeting(k)))
}

/// A place from the sentence or two before, when that sentence names a participant:
/// "Sanders took a detour … to meet one on one at the White House. Emerging from a
/// 45-minute meeting with Obama, Sanders said …" (used for meetings told without one).
pub fn inherited_place(ctx: &Ctx, si: usize, parts: &[usize]) -> Option<usize> {
    for back in 1..=2 {
        let sj = si.checked_sub(back)?;
        let r = ctx.doc.sentences[sj].tokens.clone();
        let entity_at = |k: usize| ctx.mention_start[k].and_then(|m| ctx.doc.mentions[m].entity);
        if !r
            .clone()
            .any(|k| entity_at(k).is_some_and(|e| parts.contains(&e)))
        {
            continue;
        }
        for k in r.clone().skip(1) {
            let Some(m) = ctx.mention_start[k] else {
                continue;
            };
            let men = &ctx.doc.mentions[m];
            let placeish =
                matches!(men.actor_kind, ActorKind::Place | ActorKind::Country) || is_venue(ctx, m);
            let prep = if ctx.words[k - 1] == "the" && k >= r.start + 2 {
                k - 2
            } else {
                k - 1
            };
            if placeish && matches!(ctx.words[prep].as_str(), "in" | "at") {
                if let Some(e) = men.entity.filter(|e| !parts.contains(e)) {
                    return Some(e);
                }
            }
        }
    }
    None
}

/// A photo caption's closing date: the sentence `range` ends with a comma and a day
/// written with its year ("…, in Vienna, Austria, May 17, 2016"). Returns the comma's
/// token.
pub fn caption_date(ctx: &Ctx, range: std::ops::Range<usize>) -> Option<usize> {
    let doc = ctx.doc;
    let mut last = range.end.checked_sub(1)?;
    while last > range.start && doc.tokens[last].kind == crate::nlp::TokenKind::Punct {
        last -= 1;
    }
    let (b0, b1) = (
        doc.tokens[range.start].span.start,
        doc.tokens[last].span.end,
    );
    let t = ctx
        .times_between(b0, b1)
        .iter()
        .find(|t| t.span.end == b1 && t.kind == TimeKind::Day)?;
    let year = doc
        .text(t.span)
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4);
    let k = doc.token_at(t.span.start);
    (year && k > range.start && ctx.words[k - 1] == ",").then(|| k - 1)
}

/// A caption's place: the places just before its closing date, the first after
/// "in" or "at" ("… news conference in Vienna, Austria, May 17, 2016" → Vienna).
pub fn caption_place(ctx: &Ctx, range: std::ops::Range<usize>, exclude: &[usize]) -> Option<usize> {
    let comma = caption_date(ctx, range.clone())?;
    let mut k = comma;
    let mut found = None;
    while k > range.start {
        k -= 1;
        if ctx.words[k] == "," {
            continue;
        }
        let m = ctx.mention_at[k]?;
        let men = &ctx.doc.mentions[m];
        if !matches!(men.actor_kind, ActorKind::Place | ActorKind::Country) && !is_venue(ctx, m) {
            return None;
        }
        let start = ctx.doc.token_at(men.span.start);
        k = start;
        if start > range.start && matches!(ctx.words[start - 1].as_str(), "in" | "at") {
            found = men.entity.filter(|e| !exclude.contains(e));
            break;
        }
    }
    found
}

/// Last words of buildings that organisations are named after ("White House",
/// "Trump Tower", "Élysée Palace"): after "in"/"at" they name the venue.
const VENUE_WORDS: &[&str] = &[
    "airport",
    "building",
    "capitol",
    "center",
    "centre",
    "club",
    "hall",
    "headquarters",
    "hill",
    "hotel",
    "house",
    "kremlin",
    "mansion",
    "office",
    "palace",
    "residence",
    "tower",
];

/// Whether mention `m` names an organisation by its building ("at the White House").
fn is_venue(ctx: &Ctx, m: usize) -> bool {
    let men = &ctx.doc.mentions[m];
    men.kind == crate::nlp::MentionKind::Name
        && men.actor_kind == ActorKind::Organization
        && ctx
            .doc
            .text(men.span)
            .split_whitespace()
            .last()
            .is_some_and(|w| VENUE_WORDS.contains(&w.to_lowercase().as_str()))
}
