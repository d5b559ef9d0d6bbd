//! The question of a passive or fronted "asked": "Asked whether he would run, X
//! said …", "When asked by host John Dickerson whether …", "Clinton was asked about
//! securing the border.".
//!
//! The content is the question, from its opener ("if", "whether", "about", a
//! wh-word, a quotation) to the comma that ends the fronted clause or to the
//! sentence end; the speaker is the "by" phrase, or nobody when the asker is not
//! named. An active "X asked …" is left to `reported`. This module resolves no
//! speakers.

use super::clause::{content_end, push};
use super::{speaker, Ctx, Found, Who};

/// Words that open the question after "asked".
fn opens_question(ctx: &Ctx, k: usize) -> bool {
    matches!(
        ctx.low(k),
        "if" | "whether" | "about" | "what" | "why" | "how" | "who" | "which" | "when" | "where"
    ) || ctx.is_quote(k) && !ctx.in_quote(k)
}

/// Handles "asked" at token `i` when it is fronted ("Asked …", "When asked …") or
/// passive ("was asked …"); returns the token where the rules go on, or `None` when
/// this use is not one of those.
pub(super) fn question(
    ctx: &Ctx,
    lo: usize,
    hi: usize,
    i: usize,
    out: &mut Vec<Found>,
) -> Option<usize> {
    let prev = if i > lo { ctx.low(i - 1) } else { "" };
    let fronted = i == lo || matches!(prev, "when" | "if" | "as" | "after" | "once");
    let passive = matches!(
        prev,
        "was" | "were" | "been" | "being" | "is" | "are" | "be"
    );
    if !(fronted || passive) {
        return None;
    }
    let mut k = i + 1;
    let mut who = Who::Nobody;
    if ctx.low(k) == "by" {
        // The asker's phrase stops at the question's opener ("by host John Dickerson
        // whether …").
        let a = k + 1;
        let b = match speaker::right_np(ctx, a, hi) {
            Some((_, b)) => (a + 1..b).find(|&x| opens_question(ctx, x)).unwrap_or(b),
            None => (a + 1..hi.min(a + 8)).find(|&x| opens_question(ctx, x))?,
        };
        who = Who::Phrase(a, b);
        k = b;
    }
    // A short adjunct may come before the question ("asked during a luncheon if …").
    let start = (k..hi.min(k + 12)).find(|&x| opens_question(ctx, x))?;
    if (k..start).any(|x| ctx.text(x) == "," || ctx.low(x) == "to") {
        return None;
    }
    let mut end = content_end(ctx, start, hi);
    if fronted && prev != "as" {
        // "Asked whether …, X said": the question ends at the comma before the clause.
        let quote_open = ctx.is_quote(start);
        if let Some(c) = (start + 1..end).find(|&x| ctx.text(x) == "," && !ctx.in_quote(x)) {
            if !quote_open || c > start + 1 {
                end = c;
            }
        }
    }
    let before = out.len();
    push(ctx, out, ctx.span(i), who, start, end, 0.6);
    (out.len() > before).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;

    #[test]
    fn fronted_asked_question_has_no_named_asker() {
        let v = found("Asked if he was ever bullied, the candidate said no.");
        assert_eq!(v[0].0, "");
        assert_eq!(v[0].2, "if he was ever bullied");
    }

    #[test]
    fn asked_by_names_the_asker() {
        let v = found("Sanders was asked by host John Dickerson whether his aim was similar.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "host John Dickerson");
        assert_eq!(v[0].2, "whether his aim was similar");
    }

    #[test]
    fn active_asked_is_left_to_the_cue_rules() {
        let v = found("The senator asked whether the plan would work.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "The senator");
    }
}
