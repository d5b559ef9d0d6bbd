//! The subject of a verb before a cue that has none of its own: "Graham called both
//! “crazy” and said …", "Trump pointed to China, remarking …".
//!
//! Looks left from the cue for the last finite-looking verb (no parser: "-ed" words,
//! common irregular pasts, finite cue forms), skips its auxiliaries, and reads the
//! phrase before it with [`left_np`]. This module resolves no entities (see
//! `speaker::resolve`).

use super::speaker::{left_np, subject_end};
use super::{cues, Ctx};

/// Past-tense verbs without "-ed" that end a subject phrase going right ("Mr. Bush
/// gave …", "the senator took …").
const IRREGULAR_PAST: &[&str] = &[
    "became", "began", "brought", "came", "cited", "gave", "got", "held", "kept", "knew", "led",
    "left", "lost", "made", "met", "put", "ran", "sat", "saw", "sent", "shook", "spoke", "stood",
    "struck", "stuck", "took", "thought", "went", "won", "wrote",
];

/// Whether token `k` reads as a finite verb: a lower-case word ending in "-ed", a
/// common irregular past, or a finite form of a reporting verb.
pub fn verb_like(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.low(k);
    ctx.is_word(k)
        && !ctx.is_cap(k)
        && !ctx.in_quote(k)
        && (w.len() > 3 && w.ends_with("ed")
            || IRREGULAR_PAST.contains(&w)
            || cues::lookup(w).is_some_and(|c| c.past || c.s_form()))
}

/// The subject of the verb before a coordinated cue ("Graham called both “crazy” and
/// said …", "By the end of the day, Mr. Trump was forced into … and said …"): the
/// last finite-looking verb before token `and` (not before `lo`), its auxiliaries
/// and adverbs skipped, then the phrase [`left_np`] reads before it. A relative
/// "…, who" is returned as itself (see [`resolve`]).
pub fn coordinated_subject(ctx: &Ctx, lo: usize, and: usize) -> Option<(usize, usize)> {
    for v in (lo..and).rev().filter(|&k| verb_like(ctx, k)) {
        let mut j = subject_end(ctx, lo, v);
        while j > lo
            && matches!(
                ctx.low(j - 1),
                "was" | "were" | "is" | "are" | "been" | "be" | "has" | "had" | "have"
            )
        {
            j = subject_end(ctx, lo, j - 1);
        }
        if j > lo + 1 && ctx.low(j - 1) == "who" && ctx.text(j - 2) == "," {
            return Some((j - 1, j));
        }
        // A subject opens its clause ("relatives of the people killed in …" is an
        // object with a participle, not a subject and its verb).
        let Some((a, b)) = left_np(ctx, lo, j) else {
            continue;
        };
        let opens = a == lo
            || matches!(ctx.text(a - 1), "," | "—" | "–" | "--" | ";")
            || ctx.is_quote(a - 1)
            || matches!(
                ctx.low(a - 1),
                "when"
                    | "as"
                    | "after"
                    | "before"
                    | "while"
                    | "because"
                    | "since"
                    | "and"
                    | "but"
                    | "although"
                    | "though"
                    | "if"
                    | "so"
                    | "then"
                    | "where"
            );
        if opens {
            return Some((a, b));
        }
    }
    None
}
