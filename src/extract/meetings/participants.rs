//! Participants: who took part, from the actor mentions around a trigger.
//!
//! Without a parser the rules work on token windows: the subject is the first actor
//! of the clause that is not inside a prepositional phrase (or the antecedent of a
//! "who" right before the trigger); "the two leaders" refers back to a group. Mentions
//! that only modify another ("Iranian" in "Iranian President Raisi", "Iran" in "Iran's
//! Foreign Minister X") are no participants. Objects (the noun phrase after the trigger
//! or after "with"/"between"/"by") are read by `noun_phrases`. This module does not
//! decide modality or dates.

use super::noun_phrases::noun_phrase;
use super::participant_words::{COLLECTIVES, PREPS};
use super::{Ctx, Word};
use crate::nlp::{ActorKind, MentionKind, TokenKind};

pub(super) fn has(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// The entity of mention `m` when it can be a participant. A title without a name
/// stands for the country or body it is of ("the leader of Australia" → Australia)
/// unless a name follows it ("Iran's president, Hassan Rouhani").
pub(super) fn participant(ctx: &Ctx, m: usize) -> Option<usize> {
    if ctx.modifier[m] {
        return None;
    }
    let men = &ctx.doc.mentions[m];
    // "S." left of a broken "U.S.": a single letter names no actor.
    if men.kind == MentionKind::Name && ctx.doc.text(men.span).chars().count() < 2 {
        return None;
    }
    // "I've", "We're" opening a quote: a contraction, no name.
    if men.kind == MentionKind::Name {
        let t = ctx.doc.text(men.span).replace('’', "'");
        if ["'ve", "'re", "'ll", "'m", "'d"]
            .iter()
            .any(|c| t.ends_with(c))
        {
            return None;
        }
    }
    if men.entity.is_none() && men.kind == MentionKind::Title {
        let end = ctx.mention_end[m];
        let named_next = ctx.words.get(end).is_some_and(|w| w == ",")
            || ctx
                .mention_start
                .get(end)
                .copied()
                .flatten()
                .is_some_and(|n| {
                    ctx.doc.mentions[n].actor_kind == ActorKind::Person
                        && ctx.doc.mentions[n].kind == MentionKind::Name
                });
        if named_next {
            return None;
        }
        let of = men.roles.iter().find_map(|r| r.of)?;
        return ctx.doc.mentions.get(of).and_then(|o| o.entity);
    }
    men.entity
}

/// The word before token `k` that is not a determiner or adjective of its phrase.
fn governor<'c>(ctx: &'c Ctx, lo: usize, k: usize) -> Option<(usize, &'c str)> {
    let mut j = k;
    while j > lo {
        j -= 1;
        if ctx.mention_at[j].is_some() {
            return None;
        }
        let w = ctx.words[j].as_str();
        if matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its")
            || ctx.doc.tokens[j].kind == TokenKind::Quote
        {
            continue;
        }
        return Some((j, w));
    }
    None
}

/// Whether mention starting at token `k` sits in a prepositional phrase.
fn in_pp(ctx: &Ctx, lo: usize, k: usize) -> bool {
    match governor(ctx, lo, k) {
        Some((j, w)) if w == "of" || w == "from" => {
            // "a delegation from Hamas": the group's actor is the subject.
            let head = governor(ctx, lo, j).map(|(_, h)| h);
            !head.is_some_and(|h| has(COLLECTIVES, h))
        }
        Some((_, w)) => has(PREPS, w),
        None => false,
    }
}

/// The subject of a trigger at `t0`: the clause's first actor outside a prepositional
/// phrase, with its coordinated actors; or the antecedent of "who".
pub fn subject(ctx: &Ctx, lo: usize, t0: usize) -> Vec<usize> {
    // "X, who (separately) met": the antecedent.
    let mut j = t0;
    while j > lo
        && (ctx.words[j - 1].ends_with("ly")
            || matches!(
                ctx.words[j - 1].as_str(),
                "also" | "later" | "then" | "first" | "had" | "has" | "have"
            ))
    {
        j -= 1;
    }
    if j > lo && matches!(ctx.words[j - 1].as_str(), "who" | "whom") {
        let mut k = j - 1;
        while k > lo {
            k -= 1;
            if let Some(m) = ctx.mention_start[k] {
                let governed = governor(ctx, lo, k)
                    .is_some_and(|(_, g)| matches!(g, "of" | "from" | "in" | "at" | "to" | "on"));
                if participant(ctx, m).is_some() && !governed {
                    return noun_phrase(ctx, k, j - 1).0;
                }
            }
        }
    }
    for k in lo..t0 {
        if let Some(m) = ctx.mention_start[k] {
            // "his meeting": a possessive pronoun is never the subject.
            let possessive = matches!(ctx.words[k].as_str(), "his" | "her" | "its" | "their");
            if possessive || participant(ctx, m).is_none() || in_pp(ctx, lo, k) {
                continue;
            }
            // "ROME - Bernie Sanders met ...": a dateline is no subject.
            let end = ctx.mention_end[m];
            if k == lo
                && ctx
                    .words
                    .get(end)
                    .is_some_and(|x| matches!(x.as_str(), "-" | "—" | "–"))
            {
                continue;
            }
            // A place in a leading adverbial ("In Moscow, ...") is no subject.
            let kind = ctx.doc.mentions[m].actor_kind;
            if kind == ActorKind::Place && ctx.doc.mentions[m].kind != MentionKind::Name {
                continue;
            }
            let (v, _) = noun_phrase(ctx, k, t0);
            if !v.is_empty() {
                return v;
            }
        }
    }
    Vec::new()
}

/// "the two leaders", "both sides", "the three men": the number of actors referred to.
pub fn group_reference(ctx: &Ctx, lo: usize, t0: usize) -> Option<usize> {
    let w = &ctx.words;
    for k in lo..t0.min(lo + 4) {
        let n = match w[k].as_str() {
            "two" | "both" => 2,
            "three" => 3,
            "four" => 4,
            _ => continue,
        };
        let next = w.get(k + 1).map(Word::as_str).unwrap_or("");
        if matches!(
            next,
            "leaders"
                | "sides"
                | "men"
                | "ministers"
                | "presidents"
                | "officials"
                | "countries"
                | "heads"
                | "delegations"
                | "parties"
                | "women"
                | "diplomats"
        ) {
            return Some(n);
        }
    }
    None
}
