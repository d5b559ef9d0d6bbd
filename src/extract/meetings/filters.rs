//! Modality, negation and genre filters: tell a trigger that reports a meeting that
//! happened from one that is planned, wished for, invited, negated, habitual, a call
//! for something, a demand to be met, or a speech to an audience.
//!
//! Each filter looks at the words around the trigger inside its clause and returns a
//! [`Reason`] to drop the candidate. This module finds no participants.

use super::filter_words::{
    AUDIENCE, FUTURE, GOVERNED, HABITUAL, INTENT, NEGATION, NON_ACTOR_OBJECTS, SPEECH, SPOKEN_OF,
};
use super::triggers::Frame;
use super::{Ctx, Word};
use crate::nlp::TimeKind;

/// Why a candidate is not a meeting (the annotation guidelines' reasons).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// "will meet", "is to meet", "plans to".
    Future,
    /// "wants to meet", "expressed his desire to meet", "invited".
    Intent,
    /// "did not meet", "never met".
    Negated,
    /// "has regularly met", "since 2006".
    Generic,
    /// "called for talks", "called on".
    CallFor,
    /// "meet demands", "meet the target".
    NotActors,
    /// "told a meeting of the General Assembly".
    Speech,
    /// A question or a condition ("if they meet").
    Hypothetical,
}

/// Whether a lexicon name is a news outlet (`media` in `organizations.tsv`).
fn is_media(canonical: &str) -> bool {
    let lex = crate::nlp::lexicon::lexicon();
    lex.lookup(canonical)
        .iter()
        .any(|&(i, _)| lex.entries[i].subtype.as_deref() == Some("media"))
}

fn has(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// "The White House denied on Tuesday that Obama had met with Iranian officials",
/// "dismissed reports that he would meet Biden": the trigger at `t0` is in a "that"
/// clause a denial reports (a denial verb at most four words before the "that").
fn denied_that(ctx: &Ctx, t0: usize) -> bool {
    let w = &ctx.words;
    let Some(si) = ctx.doc.sentence_at(ctx.doc.tokens[t0].span.start) else {
        return false;
    };
    let s0 = ctx.doc.sentences[si].tokens.start;
    let Some(that) = (s0..t0).rev().find(|&k| w[k] == "that") else {
        return false;
    };
    w[that.saturating_sub(4).max(s0)..that].iter().any(|x| {
        matches!(
            x.as_str(),
            "denied" | "denies" | "deny" | "denying" | "dismissed" | "dismissing" | "rejected"
        )
    })
}

/// Decides whether the candidate with trigger tokens `t0..t1`, clause start `lo` and
/// clause end `hi` is to be dropped, and why.
pub fn reject(
    ctx: &Ctx,
    frame: Frame,
    lo: usize,
    t0: usize,
    t1: usize,
    hi: usize,
) -> Option<Reason> {
    let w = &ctx.words;
    let before = &w[t0.saturating_sub(7).max(lo)..t0];
    let near = &w[t0.saturating_sub(3).max(lo)..t0];
    let trig = w[t0].as_str();
    // A question or a condition.
    if w[lo..hi].iter().any(|x| x == "?")
        || w[lo..t0]
            .iter()
            .any(|x| x == "if" || x == "unless" || x == "whether")
    {
        return Some(Reason::Hypothetical);
    }
    if before.iter().any(|x| has(NEGATION, x)) || denied_that(ctx, t0) {
        return Some(Reason::Negated);
    }
    if before.iter().any(|x| has(HABITUAL, x))
        || w.get(t1..hi.min(t1 + 8)).is_some_and(|a| {
            a.iter()
                .any(|x| has(HABITUAL, x) || x == "every" || x == "each" || x == "times")
        })
    {
        return Some(Reason::Generic);
    }
    // "those who met Clinton", "anyone who talks to him": no one occasion.
    if (lo..t0).any(|k| {
        matches!(
            w[k].as_str(),
            "those" | "anyone" | "anybody" | "everyone" | "people"
        ) && w.get(k + 1).is_some_and(|x| x == "who")
    }) {
        return Some(Reason::Generic);
    }
    // "he is meeting with Clinton in private": a meeting under way or still to come.
    // ("Obama's meeting with Putin" is a possessive, not "he's meeting".)
    let contracted_is = w[t0.saturating_sub(1)] == "'s"
        && t0 >= 2
        && matches!(
            w[t0 - 2].as_str(),
            "he" | "she" | "it" | "that" | "who" | "there" | "what"
        );
    if trig == "meeting"
        && t0 > lo
        && (matches!(w[t0 - 1].as_str(), "is" | "are" | "'re") || contracted_is)
        && w.get(t1).is_some_and(|x| x == "with")
    {
        return Some(Reason::Future);
    }
    // Times in the clause that name no single occasion ("since 2006", "every week").
    let (b0, b1) = (
        ctx.doc.tokens[lo].span.start,
        ctx.doc.tokens[hi - 1].span.end,
    );
    if ctx.times_between(b0, b1).iter().any(|t| {
        t.span.start >= b0
            && t.span.end <= b1
            && matches!(t.kind, TimeKind::Since | TimeKind::Recurring)
            && governs(ctx, lo, t0, t1, ctx.doc.token_at(t.span.start))
    }) {
        return Some(Reason::Generic);
    }
    // "called for talks", "calls on".
    if near
        .iter()
        .any(|x| matches!(x.as_str(), "call" | "calls" | "called" | "calling"))
    {
        return Some(Reason::CallFor);
    }
    // "Kelly requested a meeting with Trump, which took place this morning".
    let took_place = frame == Frame::Noun
        && w[t1..hi.min(t1 + 12)].windows(2).any(|p| {
            matches!(
                (p[0].as_str(), p[1].as_str()),
                ("took", "place") | ("was", "held") | ("were", "held")
            )
        });
    if took_place {
        return None;
    }
    // "the prospect of an early summit", "speculation of talks": a meeting spoken of.
    if frame == Frame::Noun
        && (t0.saturating_sub(4).max(lo + 1)..t0).any(|k| w[k] == "of" && has(SPOKEN_OF, &w[k - 1]))
    {
        return Some(Reason::Future);
    }
    if intent(w, t0.saturating_sub(7).max(lo), t0) {
        return Some(Reason::Intent);
    }
    // "is to meet", "was to travel", "to meet" after anything but a completed journey.
    let prev = t0
        .checked_sub(1)
        .filter(|&p| p >= lo)
        .map(|p| w[p].as_str());
    // ("sit down to dinner with X": a noun after "to" is no infinitive.)
    if prev == Some("to") && !matches!(frame, Frame::Travel | Frame::Noun) {
        let travelled = t0 >= 3
            && w[t0.saturating_sub(6).max(lo)..t0 - 1].iter().any(|x| {
                matches!(
                    x.as_str(),
                    "travelled"
                        | "traveled"
                        | "flew"
                        | "arrived"
                        | "came"
                        | "went"
                        | "headed"
                        | "landed"
                        | "detour"
                        | "visited"
                        | "stopped"
                        | "returned"
                        | "drove"
                        | "hurried"
                        | "rushed"
                )
            });
        if !travelled {
            return Some(Reason::Future);
        }
    }
    // "in remarks ahead of meeting Kerry November 8" in a paper of November 20: a
    // date that is past even when read as the future says the meeting took place.
    let today = ctx.doc.article.date;
    let past_date = ctx
        .times_between(
            ctx.doc.tokens[t1.min(hi - 1)].span.start,
            ctx.doc.tokens[hi - 1].span.end,
        )
        .iter()
        .any(|t| {
            t.kind == TimeKind::Day
                && t.future
                    .end
                    .zip(today)
                    .is_some_and(|(end, today)| end < today)
        });
    if before.iter().any(|x| has(FUTURE, x)) && !past_date {
        return Some(Reason::Future);
    }
    // "the talks will open on Monday", "the summit is scheduled for June": a meeting
    // noun whose own verb is still to come.
    // ("the talks with Lavrov will open": past the noun's complement.)
    let verb_at = if t1 < hi && matches!(w[t1].as_str(), "with" | "between") {
        super::noun_phrases::noun_phrase(ctx, t1 + 1, hi).1
    } else {
        t1
    };
    let after = |k: usize| {
        w.get(verb_at + k)
            .filter(|_| verb_at + k < hi)
            .map(Word::as_str)
    };
    let noun_future = frame == Frame::Noun
        && (matches!(after(0), Some("will" | "shall"))
            || (matches!(after(0), Some("is" | "are"))
                && matches!(
                    after(1),
                    Some("to" | "scheduled" | "expected" | "set" | "due" | "planned")
                )));
    if noun_future {
        return Some(Reason::Future);
    }
    // Bare "meet" outside "to meet"/"did meet" is a plan or a habit ("Leaders meet in
    // Vienna Monday to set up ...").
    // A caption's "Putin and Erdogan meet in St. Petersburg, Aug. 9, 2016" names a day
    // already past: the present tells what the photo shows.
    if trig == "meet" && !matches!(prev, Some("to" | "did" | "does" | "do")) && !past_date {
        return Some(Reason::Future);
    }
    // "he said he meets with families of victims": a habit. (A caption's "Obama meets
    // Putin" names its subject, so it stays.)
    if matches!(trig, "meets" | "speaks" | "talks") && matches!(prev, Some("he" | "she")) {
        return Some(Reason::Generic);
    }
    // "a visit ... originally scheduled for June", "talks that were cancelled".
    if frame == Frame::Noun
        && w[t1..hi.min(t1 + 14)].iter().any(|x| {
            matches!(
                x.as_str(),
                "scheduled"
                    | "planned"
                    | "cancelled"
                    | "canceled"
                    | "postponed"
                    | "proposed"
                    | "expected"
            )
        })
    {
        return Some(Reason::Future);
    }
    if matches!(trig, "meet" | "meets" | "met") {
        let mut k = t1;
        while k < hi
            && matches!(
                w[k].as_str(),
                "the"
                    | "a"
                    | "an"
                    | "their"
                    | "his"
                    | "her"
                    | "its"
                    | "all"
                    | "those"
                    | "these"
                    | "our"
            )
        {
            k += 1;
        }
        if k < hi && has(NON_ACTOR_OBJECTS, &w[k]) {
            return Some(Reason::NotActors);
        }
    }
    // ("in remarks ahead of meeting Kerry": a time word parts the speech from the
    // meeting, which is its own occasion.)
    let timed = near.iter().any(|x| {
        matches!(
            x.as_str(),
            "ahead" | "after" | "before" | "following" | "during"
        )
    });
    if frame == Frame::Noun && near.iter().any(|x| has(SPEECH, x)) && !timed {
        return Some(Reason::Speech);
    }
    // "spoke to reporters", "talked to the crowd": an audience, not a counterpart.
    if matches!(
        trig,
        "spoke" | "speaks" | "spoken" | "talked" | "speak" | "talk" | "talks"
    ) && (w[t1..hi.min(t1 + 6)].iter().any(|x| has(AUDIENCE, x))
        // "spoke to swing state liberals": an unnamed group is an audience too.
        || (t1..hi.min(t1 + 6)).any(|k| {
            ctx.mention_at[k].is_some_and(|m| {
                ctx.doc.mentions[m].actor_kind == crate::nlp::ActorKind::Group
                    && ctx.doc.mentions[m].kind == crate::nlp::MentionKind::Nominal
            })
        }))
    {
        return Some(Reason::Speech);
    }
    // "Merkel talks to Obama" is a verb with its listener; "talks to end the war" is
    // the noun with its aim.
    // ("talks on a cellphone to President Obama": the listener after the preposition,
    // past a title.)
    let listener = if w.get(t1).is_some_and(|x| x == "to" || x == "with") {
        t1 + 1..(t1 + 4).min(hi)
    } else {
        t1..t1 + 1
    };
    if frame == Frame::Sym
        && trig == "talks"
        && !listener
            .clone()
            .any(|k| ctx.mention_at.get(k).copied().flatten().is_some())
    {
        return Some(Reason::NotActors);
    }
    // "speaks to VOA", "talked with Reuters": an interview with a news outlet.
    if matches!(
        trig,
        "spoke" | "speaks" | "spoken" | "talked" | "talks" | "speak" | "talk" | "speaking"
    ) && (t1..hi.min(t1 + 4))
        .find_map(|k| ctx.mention_at[k])
        .is_some_and(|m| {
            ctx.doc.mentions[m]
                .entity
                .map(|e| &ctx.doc.entities[e])
                .is_some_and(|e| is_media(e.canonical.as_deref().unwrap_or(&e.name)))
        })
    {
        return Some(Reason::Speech);
    }
    // "being greeted with warm applause by his colleagues": an audience's reception.
    if matches!(trig, "greeted" | "greets" | "greet")
        && w[t1..hi.min(t1 + 6)].iter().any(|x| {
            matches!(
                x.as_str(),
                "applause" | "cheers" | "boos" | "chants" | "ovation" | "protesters" | "protests"
            )
        })
    {
        return Some(Reason::Speech);
    }
    // "the call for talks", "calls on".
    if frame == Frame::Noun
        && matches!(trig, "call" | "calls")
        && w.get(t1)
            .is_some_and(|x| matches!(x.as_str(), "for" | "on" | "upon"))
    {
        return Some(Reason::CallFor);
    }
    // "his call to ban all immigrants", "a roll call vote": an appeal or a count, not a
    // telephone call ("a phone call to congratulate him" names the phone).
    if frame == Frame::Noun && matches!(trig, "call" | "calls") {
        let phone = t0 > lo && matches!(w[t0 - 1].as_str(), "phone" | "telephone" | "video");
        let infinitive = w.get(t1).is_some_and(|x| x == "to")
            && t1 + 1 < hi
            && ctx.mention_at[t1 + 1].is_none()
            && ctx.doc.tokens[t1 + 1].kind == crate::nlp::TokenKind::Word
            && !matches!(
                w[t1 + 1].as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "him" | "them"
            );
        let roll = t0 > lo && matches!(w[t0 - 1].as_str(), "roll" | "boycott" | "wake-up");
        if (infinitive && !phone) || roll {
            return Some(Reason::CallFor);
        }
    }
    None
}

/// Whether a time at token `k` can qualify the trigger `t0..t1`: before it, unless
/// inside an aside between commas ("Duterte, in office since June 30, made the visit
/// … after meeting"), or a few words after it ("has met them since 2006").
fn governs(ctx: &Ctx, lo: usize, t0: usize, t1: usize, k: usize) -> bool {
    let w = &ctx.words;
    // ("spoke by phone on Friday, the first such contact since 1979": an apposition
    // after a comma tells of the contact, not of the call's habit.)
    if k >= t1 {
        return k < t1 + 8 && !w[t1..k].iter().any(|x| x == ",");
    }
    let comma_before = (lo + 1..k).any(|j| w[j] == ",");
    let comma_after = (k..t0).any(|j| w[j] == ",");
    !(comma_before && comma_after)
}

/// A wish, plan or invitation that governs the trigger at `t0`: the intent word close
/// before it, or followed by "to" + a meeting verb that leads to it.
fn intent(w: &[Word], from: usize, t0: usize) -> bool {
    (from..t0).any(|i| {
        if !has(INTENT, &w[i]) {
            return false;
        }
        if t0 - i <= 3 {
            return true;
        }
        (i + 1..t0).any(|j| w[j] == "to" && (j + 1 == t0 || has(GOVERNED, &w[j + 1])))
    })
}
