//! Whether a reporting-verb form is used as a verb of speech in its sentence.
//!
//! Skips "the said", "all told", passives ("was told"), infinitives and negated
//! infinitives ("declined to say"), nouns ("the report", "United States", "claims"
//! without "that"), and -ing forms that do not follow a comma ("a warning").
//! This module finds no content or speaker (see `reported`).

use super::clause::is_closing_quote;
use super::{cues, speaker, Ctx};

/// Nouns for a message that a participle cue can follow ("issued a statement saying
/// …", "sent a tweet saying …").
const CARRIERS: &[&str] = &[
    "ad",
    "email",
    "letter",
    "memo",
    "message",
    "post",
    "release",
    "statement",
    "tweet",
    "video",
];

/// Whether the cue word at `i` is used as a verb of speech here.
pub(super) fn speech_use(ctx: &Ctx, lo: usize, hi: usize, i: usize, cue: cues::Cue) -> bool {
    if i > lo && ctx.is_cap(i) {
        return false; // "United States", "Said" as a name.
    }
    let prev = if i > lo { ctx.low(i - 1) } else { "" };
    let next = ctx.low(i + 1);
    if matches!(
        prev,
        "the" | "a" | "an" | "this" | "his" | "her" | "their" | "its" | "our"
    ) {
        return false; // "the said", "a report", "his remarks"
    }
    if cue.lemma == "tell" && prev == "all" {
        return false; // "all told"
    }
    if cue.gerund {
        // Only ", saying …" / "and adding …" / "statement saying …".
        // Also "before adding that …", "by telling them …", "a statement saying …".
        return i > lo
            && (matches!(prev, "," | "and" | "while" | "before" | "after" | "by")
                || CARRIERS.contains(&prev)
                || is_closing_quote(ctx, i - 1))
            && i + 1 < hi;
    }
    let j = speaker::subject_end(ctx, lo, i);
    let before_verb = if j > lo { ctx.low(j - 1) } else { "" };
    if cue.past
        && matches!(
            before_verb,
            "was" | "were" | "is" | "are" | "been" | "being" | "be" | "get" | "got"
        )
    {
        return false; // passive: "was told", "is said to"
    }
    if cue.base && matches!(before_verb, "to" | "not" | "n't" | "did" | "didn't") {
        return false; // "declined to say", "did not say"
    }
    if cue.noun {
        // "claims that", "the report notes." (post-posed), "tweeted:"
        let clear = matches!(next, "that" | ":")
            || (next == "." && i + 2 >= hi)
            || ctx.is_quote(i + 1)
            || (j > lo && speaker::PRONOUNS.contains(&before_verb));
        if !clear {
            return false;
        }
    }
    if matches!(next, "to") && !cue.object && cue.lemma != "say" {
        return false; // "promised to", "stressed to"
    }
    true
}
