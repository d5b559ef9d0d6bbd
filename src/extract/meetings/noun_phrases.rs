//! Noun phrases: the actors of the phrase that starts at a token, with coordination
//! ("A, B and C"), appositions ("the deputy minister, Mikhail Bogdanov") and
//! abbreviations ("Mr. Obama and Mr. Netanyahu") followed through; whether a name only
//! qualifies a thing ("welcomed the U.S. attack"); where an object phrase opens after
//! "with"/"between"/"to".
//!
//! Works on token windows of [`Ctx`]; which mention counts as a participant is
//! `participants`, the clause's subject too. It decides nothing about modality or
//! dates.

use super::participant_words::{COLLECTIVES, NP_WORDS, STOP};
use super::participants::{has, participant};
use super::Ctx;
use crate::nlp::lexicon::lexicon;
use crate::nlp::{ActorKind, MentionKind, TokenKind};

/// Whether token `k` can start a noun phrase (after "and").
fn np_start(ctx: &Ctx, k: usize) -> bool {
    if ctx.mention_at[k].is_some() {
        return true;
    }
    let w = &ctx.words[k];
    if has(NP_WORDS, w) {
        return true;
    }
    let t = ctx.doc.token_text(k);
    t.chars().next().is_some_and(char::is_uppercase) && ctx.doc.tokens[k].kind == TokenKind::Word
}

/// "welcomed the U.S. attack", "hosted the Iranian nuclear talks": the object that
/// starts at token `start` is a thing that a country or organisation only qualifies.
/// True when, after an article, the first word is such a name followed at once by a
/// lower-case word (or a headline's capitalised common word) that is neither a
/// collective ("delegation", "officials") nor a person's title nor a connector.
pub fn qualifies_a_thing(ctx: &Ctx, start: usize, hi: usize) -> bool {
    let mut k = start;
    // "hosted his Labor Day cookout": after a possessive any name qualifies a thing
    // (one does not host "his Putin").
    let mut owned = false;
    while k < hi
        && matches!(
            ctx.words[k].as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its"
        )
    {
        owned |= ctx.words[k] != "the" && ctx.words[k] != "a" && ctx.words[k] != "an";
        k += 1;
    }
    // "welcomed new U.S. sanctions", "Welcomes Second US Presidential Debate": up to
    // two adjectives before the name.
    let mut adjectives = 0;
    while k < hi
        && adjectives < 2
        && ctx.mention_at[k].is_none()
        && ctx.doc.tokens[k].kind == TokenKind::Word
        && !has(STOP, &ctx.words[k])
        && !has(COLLECTIVES, &ctx.words[k])
        && (!has(NP_WORDS, &ctx.words[k])
            || matches!(ctx.words[k].as_str(), "new" | "second" | "third"))
        && lexicon().title_kind(&ctx.words[k]).is_none()
        && (ctx
            .doc
            .token_text(k)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
            || lexicon().is_common_word(&ctx.words[k]))
    {
        k += 1;
        adjectives += 1;
    }
    let Some(m) = ctx.mention_start.get(k).copied().flatten() else {
        return false;
    };
    let men = &ctx.doc.mentions[m];
    let qualifier = men.kind == MentionKind::Demonym
        || (men.kind == MentionKind::Name
            && (owned || matches!(men.actor_kind, ActorKind::Country | ActorKind::Organization)));
    let end = ctx.mention_end[m];
    if !qualifier || ctx.modifier[m] || end >= hi || ctx.mention_at[end].is_some() {
        return false;
    }
    let next = ctx.doc.token_text(end);
    let w = ctx.words[end].as_str();
    // ("St. Louis Welcomes Second US Presidential Debate": a headline capitalises the
    // common word the name qualifies.)
    let common = next.chars().next().is_some_and(char::is_lowercase)
        || lexicon().is_common_word(w) && ctx.mention_at[end].is_none();
    ctx.doc.tokens[end].kind == TokenKind::Word
        && common
        && !has(COLLECTIVES, w)
        && !has(STOP, w)
        && !matches!(w, "and" | "or" | "nor" | "'s")
        && lexicon().title_kind(w).is_none()
}

/// Collects the participants of the noun phrase (with coordination) that starts at
/// token `k`, up to `hi`. Returns entities in order and the token where it stopped.
pub fn noun_phrase(ctx: &Ctx, start: usize, hi: usize) -> (Vec<usize>, usize) {
    let mut out: Vec<usize> = Vec::new();
    let mut k = start;
    let mut gap = 0;
    let mut thing = false;
    let mut skip_next = false;
    while k < hi {
        if let Some(m) = ctx.mention_start[k] {
            let end = ctx.mention_end[m];
            if !skip_next && !possessor_of_thing(ctx, m) {
                if let Some(e) = participant(ctx, m) {
                    if !out.contains(&e) {
                        out.push(e);
                    }
                }
            }
            if !ctx.modifier[m] {
                skip_next = false;
            }
            k = end.max(k + 1);
            gap = 0;
            continue;
        }
        if ctx.mention_at[k].is_some() {
            k += 1;
            continue;
        }
        let w = ctx.words[k].as_str();
        if abbreviation_period(ctx, start, k, hi) {
            k += 1;
            continue;
        }
        // "four other world leaders, including Putin and Pena Nieto".
        if w == "," && ctx.words.get(k + 1).is_some_and(|x| x == "including") {
            k += 2;
            continue;
        }
        match w {
            "and" | "," | "&" => {
                if caption_position(ctx, k, hi) {
                    k += 3;
                    continue;
                }
                if k + 1 >= hi || !np_start(ctx, k + 1) {
                    break;
                }
                skip_next = false;
                // "X, a Dallas police officer, ...": an apposition describes X; its
                // names are no new participants.
                if w == ","
                    && !out.is_empty()
                    && matches!(
                        ctx.words[k + 1].as_str(),
                        "a" | "an" | "the" | "his" | "her" | "their"
                    )
                {
                    match apposition_close(ctx, k, hi) {
                        Some(j) => {
                            k = j;
                            continue;
                        }
                        None => break,
                    }
                }
            }
            // ("Secretary of State John Kerry": an "of" inside the title of the next
            // name.)
            "of" if in_title(ctx, k, hi) => {}
            "of" | "from" => {
                if !out.is_empty() {
                    skip_next = true;
                } else if thing {
                    // "the grave of Theodor Herzl": the actor only owns the thing.
                    break;
                }
            }
            _ if has(STOP, w) => break,
            _ if ctx.doc.tokens[k].kind == TokenKind::Quote => break,
            _ if has(NP_WORDS, w) || lexicon().title_kind(w).is_some() => {}
            _ => {
                let capital = ctx
                    .doc
                    .token_text(k)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                if !capital {
                    thing = !has(COLLECTIVES, w);
                    gap += 1;
                    if gap > 2 || !out.is_empty() {
                        break;
                    }
                }
            }
        }
        k += 1;
    }
    (out, k)
}

/// Whether token `k` lies inside the title the text gives the next name before `hi`
/// ("of" in "U.S. Secretary of State John Kerry").
fn in_title(ctx: &Ctx, k: usize, hi: usize) -> bool {
    let span = ctx.doc.tokens[k].span;
    (k + 1..hi.min(k + 8))
        .filter_map(|j| ctx.mention_start[j])
        .take(1)
        .any(|m| {
            ctx.doc.mentions[m]
                .roles
                .iter()
                .any(|r| r.span.contains(span))
        })
}

/// "Reagan's statement": the possessor (mention `m`) of a thing is no participant;
/// "Romania's government" stands for Romania.
fn possessor_of_thing(ctx: &Ctx, m: usize) -> bool {
    let end = ctx.mention_end[m];
    ctx.words.get(end).is_some_and(|w| w == "'s")
        && !ctx.modifier[m]
        && !ctx
            .words
            .get(end + 1..(end + 3).min(ctx.words.len()))
            .is_some_and(|a| a.iter().any(|x| has(COLLECTIVES, x)))
}

/// "Mr. Obama and Mr. Netanyahu": token `k` is the period of an abbreviation inside
/// the phrase that started at `start`.
fn abbreviation_period(ctx: &Ctx, start: usize, k: usize, hi: usize) -> bool {
    ctx.words[k] == "."
        && k > start
        && k + 1 < hi
        && ctx.doc.tokens[k].span.start == ctx.doc.tokens[k - 1].span.end
        && ctx.words[k - 1].chars().count() <= 4
        && ctx.mention_at[k - 1].is_none()
        && ctx.mention_at[k + 1].is_some()
}

/// "Donald Trump, right, and Shinzo Abe": the comma at `k` opens a caption's position
/// word, closed by a comma.
fn caption_position(ctx: &Ctx, k: usize, hi: usize) -> bool {
    ctx.words[k] == ","
        && k + 2 < hi
        && matches!(
            ctx.words[k + 1].as_str(),
            "left" | "right" | "center" | "centre"
        )
        && ctx.words[k + 2] == ","
}

/// The apposition opened by the comma at `k`: the comma that closes it, where a title
/// apposition naming the same actor ("the deputy minister, Mikhail Bogdanov") is read
/// on; `None` when a stop word ends it first.
fn apposition_close(ctx: &Ctx, k: usize, hi: usize) -> Option<usize> {
    let mut j = k + 1;
    while j < hi && ctx.words[j] != "," {
        if has(STOP, &ctx.words[j]) && ctx.words[j] != "of" {
            break;
        }
        j += 1;
    }
    (j < hi && ctx.words[j] == ",").then_some(j)
}

/// The first "with"/"between"/given word after `from` in the clause, skipping place
/// and time phrases; returns the token after it.
pub fn find_word(ctx: &Ctx, from: usize, hi: usize, targets: &[&str], max: usize) -> Option<usize> {
    let mut k = from;
    let mut limit = from + max;
    while k < hi && k < limit {
        let w = ctx.words[k].as_str();
        if targets.contains(&w) {
            return Some(k + 1);
        }
        // "A 30-minute call (Sunday evening U.S. time) between A and B": a bracketed
        // aside does not count against the distance.
        if w == "(" {
            if let Some(close) = (k + 1..hi.min(k + 20)).find(|&j| ctx.words[j] == ")") {
                limit += close + 1 - k;
                k = close + 1;
                continue;
            }
        }
        if matches!(
            w,
            "said"
                | "says"
                | "who"
                | "which"
                | "that"
                | ";"
                | "told"
                | "where"
                | "when"
                | "while"
                | "but"
                | "and"
        ) {
            return None;
        }
        k += 1;
    }
    None
}

/// After "to meet" at `k`: skips a "with".
pub fn skip_with(ctx: &Ctx, k: usize, hi: usize) -> usize {
    if k < hi && ctx.words[k] == "with" {
        k + 1
    } else {
        k
    }
}
