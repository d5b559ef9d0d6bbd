//! The speaker: the phrase that names it, found from the words around the cue, and
//! the entity that phrase refers to.
//!
//! [`left_np`] reads the subject before a cue ("White House spokesperson John Kirby
//! said", "a spokesman for the campaign told"), skipping auxiliaries and adverbs;
//! [`right_np`] reads the phrase after an inverted cue ("…, said the spokesman") or
//! after "according to". [`resolve`] maps the phrase to an entity through the
//! mentions that overlap it; a pronoun without one goes to the last speaker or the
//! most recent person. No parser: word classes come from short closed lists.

use super::Ctx;
use crate::nlp::{ActorKind, MentionKind};

/// Words between a subject and its verb that are not part of the subject.
const SKIP_BEFORE_VERB: &[&str] = &[
    "again",
    "already",
    "also",
    "always",
    "earlier",
    "even",
    "eventually",
    "finally",
    "first",
    "further",
    "had",
    "has",
    "have",
    "having",
    "just",
    "last",
    "later",
    "long",
    "monday",
    "n't",
    "never",
    "night",
    "not",
    "now",
    "often",
    "once",
    "only",
    "previously",
    "reportedly",
    "saturday",
    "similarly",
    "since",
    "still",
    "subsequently",
    "sunday",
    "then",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "friday",
    "week",
    "would",
    "will",
    "yesterday",
    "did",
    "does",
    "do",
    "could",
    "might",
    "may",
    "should",
];

/// Words that end a subject going left: clause openers, verbs, prepositions that
/// rarely sit inside a speaker phrase.
const STOP_LEFT: &[&str] = &[
    "after", "although", "am", "are", "as", "because", "before", "being", "but", "can", "could",
    "did", "do", "does", "had", "has", "have", "how", "if", "is", "may", "might", "must", "nor",
    "or", "said", "says", "should", "since", "so", "than", "that", "then", "there", "though",
    "unless", "until", "was", "were", "what", "when", "where", "whether", "which", "while", "who",
    "whom", "why", "will", "would", "yet", "with", "told", "to", "by", "into", "on", "at", "from",
    "about", "during", "over", "against", "under",
];

/// Words that end a speaker phrase going right.
const STOP_RIGHT: &[&str] = &[
    "about",
    "after",
    "adding",
    "and",
    "as",
    "at",
    "because",
    "before",
    "but",
    "during",
    "explaining",
    "from",
    "in",
    "is",
    "noting",
    "on",
    "referring",
    "saying",
    "since",
    "that",
    "to",
    "told",
    "was",
    "when",
    "where",
    "which",
    "while",
    "who",
    "with",
];

/// Personal pronouns that can be speakers.
pub const PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "you"];

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Whether token `i` is a short capitalised abbreviation followed by its period
/// ("Sen", "Gov" before "."), which may sit inside a name.
fn abbreviation_dot(ctx: &Ctx, i: usize) -> bool {
    ctx.text(i) == "."
        && i > 0
        && ctx.span(i - 1).end == ctx.span(i).start
        && ctx.is_cap(i - 1)
        && ctx.text(i - 1).chars().count() <= 4
}

/// The first token of the subject's verb group: skips auxiliaries and adverbs left of
/// the cue at `cue` (not past `lo`). Returns the index one past the subject's end.
pub fn subject_end(ctx: &Ctx, lo: usize, cue: usize) -> usize {
    let mut j = cue;
    while j > lo {
        let w = ctx.low(j - 1);
        // "on Thursday (local time) confirmed": a lower-case aside in brackets.
        if w == ")" {
            let open = (lo..j - 1).rev().take(6).find(|&k| ctx.text(k) == "(");
            match open {
                Some(k) if k > lo && !ctx.is_cap(k + 1) => {
                    j = k;
                    continue;
                }
                _ => break,
            }
        }
        // "X, however, said": a sentence adverb between commas.
        if w == ","
            && j >= lo + 3
            && ctx.low(j - 3) == ","
            && matches!(
                ctx.low(j - 2),
                "however"
                    | "though"
                    | "meanwhile"
                    | "too"
                    | "also"
                    | "instead"
                    | "moreover"
                    | "nevertheless"
                    | "in"
                    | "then"
                    | "now"
                    | "separately"
                    | "later"
            )
        {
            j -= 3;
            continue;
        }
        let adverb = w.len() > 4 && w.ends_with("ly") && !ctx.is_cap(j - 1);
        if in_list(SKIP_BEFORE_VERB, w) || adverb {
            // "on Tuesday" / "last week" go with the adverb.
            j -= 1;
            if j > lo && matches!(ctx.low(j - 1), "on" | "last" | "this" | "late" | "early") {
                j -= 1;
            }
        } else {
            break;
        }
    }
    j
}

/// The subject phrase ending just before token `end` (exclusive), not before `lo`:
/// token range `[a, end)`, or `None` if there is no word there.
pub fn left_np(ctx: &Ctx, lo: usize, end: usize) -> Option<(usize, usize)> {
    let mut a = end;
    while a > lo && end - a < 12 {
        let i = a - 1;
        let w = ctx.low(i);
        if w == ")" {
            // "Rep. Bobby Scott (D-Va.) said": the bracket goes with the name.
            let open = (lo..i).rev().take(8).find(|&k| ctx.text(k) == "(");
            if let Some(k) = open.filter(|&k| k > lo) {
                a = k;
                continue;
            }
        }
        let ok = if ctx.is_word(i) {
            if w == "and" || w == "&" {
                // "Trump and Pence said": only between capitalised words.
                a > lo + 1 && ctx.is_cap(i - 1) && ctx.is_cap(i + 1)
            } else {
                !in_list(STOP_LEFT, w) && (ctx.is_cap(i) || !ctx.in_quote(i))
            }
        } else {
            matches!(ctx.doc.tokens[i].kind, crate::nlp::TokenKind::Number)
                || abbreviation_dot(ctx, i)
                || matches!(w, "-" | "–" | "&")
        };
        if !ok {
            break;
        }
        a -= 1;
    }
    // Drop a leading preposition or conjunction ("of", "and") left at the edge.
    while a < end && matches!(ctx.low(a), "of" | "and" | "for" | "in" | "-") {
        a += 1;
    }
    (a < end).then_some((a, end))
}

/// The speaker phrase starting at token `start`, not past `hi`: a determiner, a
/// pronoun or a capitalised word first, then words up to a comma, a clause word or
/// a preposition other than "of"/"for".
pub fn right_np(ctx: &Ctx, start: usize, hi: usize) -> Option<(usize, usize)> {
    if start >= hi || !ctx.is_word(start) {
        return None;
    }
    let first = ctx.low(start);
    let det = matches!(
        first,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "one"
            | "two"
            | "several"
            | "many"
            | "some"
            | "another"
            | "this"
            | "these"
            | "those"
    );
    if !(det || ctx.is_cap(start) || in_list(PRONOUNS, first) || first.ends_with('s'))
        || in_list(SKIP_BEFORE_VERB, first)
    {
        return None;
    }
    let mut b = start;
    while b < hi && b - start < 12 {
        let w = ctx.low(b);
        let ok = if ctx.is_word(b) {
            b == start
                || !in_list(STOP_RIGHT, w) && !in_list(PRONOUNS, w)
                || (w == "and" && ctx.is_cap(b + 1))
        } else {
            matches!(ctx.doc.tokens[b].kind, crate::nlp::TokenKind::Number)
                || abbreviation_dot(ctx, b) && b + 1 < hi && ctx.is_cap(b + 1)
                || matches!(w, "-" | "–" | "&")
        };
        if !ok {
            break;
        }
        b += 1;
    }
    (b > start).then_some((start, b))
}

/// Where the subject of a sentence starts (not past `hi`): after leading punctuation,
/// a leading conjunction, and a leading adverbial set off by a comma ("In the
/// meantime, …", "On Sunday, …").
pub fn clause_subject_start(ctx: &Ctx, lo: usize, hi: usize) -> usize {
    let mut a = lo;
    while a < hi && !ctx.is_word(a) {
        a += 1;
    }
    if matches!(
        ctx.low(a),
        "and" | "but" | "yet" | "so" | "still" | "meanwhile"
    ) {
        a += 1;
    }
    let opener = matches!(
        ctx.low(a),
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "for"
            | "since"
            | "when"
            | "while"
            | "with"
            | "as"
            | "last"
            | "earlier"
            | "later"
            | "although"
            | "though"
            | "if"
            | "asked"
            | "speaking"
            | "instead"
            | "now"
            | "then"
            | "here"
            | "there"
    ) || SKIP_BEFORE_VERB.contains(&ctx.low(a));
    if opener {
        if let Some(k) = (a..hi).find(|&k| ctx.text(k) == ",") {
            a = k + 1;
        }
    }
    a
}

/// The entity a speaker phrase (tokens `[a, b)`) refers to. `anchor` is the cue's
/// byte offset (where to look back from for a pronoun); `last` is the previous
/// statement's speaker.
pub fn resolve(ctx: &Ctx, a: usize, b: usize, anchor: usize, last: Option<usize>) -> Option<usize> {
    let doc = ctx.doc;
    // "Perez, who said …": the relative pronoun stands for the phrase before it.
    if b - a == 1 && matches!(ctx.low(a), "who" | "which") && a >= 2 && ctx.text(a - 1) == "," {
        let lo = doc
            .sentence_at(ctx.span(a).start)
            .map(|si| doc.sentences[si].tokens.start)
            .unwrap_or(0);
        return left_np(ctx, lo, a - 1).and_then(|(x, y)| resolve(ctx, x, y, anchor, last));
    }
    let span = ctx.span_of(a, b);
    let from = doc
        .mentions
        .partition_point(|m| m.span.start + 200 < span.start);
    let mut person = None;
    let mut head = None;
    let head_span = ctx.span(b - 1);
    for m in doc.mentions[from..]
        .iter()
        .take_while(|m| m.span.start < span.end)
    {
        if !m.span.overlaps(span) {
            continue;
        }
        let Some(e) = m.entity else { continue };
        if m.actor_kind == ActorKind::Person {
            person = Some(e);
        }
        // The head word names the speaker ("the Kremlin"); a modifier does not
        // ("Russia's RIA news agency", "the Russian foreign ministry").
        if m.span.overlaps(head_span) && m.kind != MentionKind::Demonym {
            head = Some(e);
        }
    }
    if let Some(e) = person.or(head) {
        return Some(e);
    }
    if b - a == 1 && in_list(PRONOUNS, ctx.low(a)) {
        let want_person = matches!(ctx.low(a), "he" | "she" | "i");
        let fits = |e: usize| {
            let k = doc.entities.get(e).map(|x| x.kind);
            (k == Some(ActorKind::Person)) == want_person
        };
        if let Some(e) = last.filter(|&e| fits(e)) {
            return Some(e);
        }
        let before = doc.mentions.partition_point(|m| m.span.start < anchor);
        return doc.mentions[..before]
            .iter()
            .rev()
            .take(60)
            .filter(|m| m.kind != MentionKind::Pronoun)
            .filter_map(|m| m.entity)
            .find(|&e| fits(e));
    }
    None
}
