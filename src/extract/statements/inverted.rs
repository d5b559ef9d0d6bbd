//! The speaker after an inverted cue that a description follows: "…, said Larry
//! Sabato, director of the Center for Politics.", "…, said DeSantis, who was elected
//! in 2012.", "…, said a Mexican official who was not authorized to speak.".
//!
//! The phrase after the cue is a speaker (not the content clause of "X, R-Utah, said
//! Clinton lied") when it holds no verb and what follows it describes it: a relative
//! clause, a bracket, or an appositive with no verb up to the sentence end. This
//! module finds no cues and pushes nothing (see `reported`).

use super::clause::content_end;
use super::{subject, Ctx};

/// Auxiliaries and modals that make a phrase a clause.
const AUX: &[&str] = &[
    "are", "can", "could", "did", "does", "had", "has", "have", "is", "may", "might", "must",
    "shall", "should", "was", "were", "will", "would",
];

fn is_verb(ctx: &Ctx, k: usize) -> bool {
    AUX.contains(&ctx.low(k)) || subject::verb_like(ctx, k)
}

/// Whether the phrase `[a, b)` after an inverted cue is a speaker with a description
/// after it (the sentence ends at `hi`).
pub(super) fn described_speaker(ctx: &Ctx, a: usize, b: usize, hi: usize) -> bool {
    if (a..b).any(|k| is_verb(ctx, k)) {
        return false;
    }
    let end = content_end(ctx, b, hi);
    let mut k = b;
    // "(D-Conn.)" after a name.
    if ctx.text(k) == "(" {
        match (k..end.min(k + 8)).find(|&x| ctx.text(x) == ")") {
            Some(x) => k = x + 1,
            None => return false,
        }
        if k >= end {
            return true;
        }
    }
    if ctx.text(k) == "," {
        k += 1;
    }
    if matches!(ctx.low(k), "who" | "whose") {
        return true;
    }
    // An appositive: words with no verb, to the sentence end.
    k > b && k < end && (k..end).all(|x| !is_verb(ctx, x) && !ctx.is_quote(x))
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;

    #[test]
    fn said_name_then_title_is_inverted() {
        let v = found(
            "Cruz also lacks support from his colleagues, said Larry Sabato, director of the Center for Politics.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Larry Sabato");
        assert_eq!(v[0].2, "Cruz also lacks support from his colleagues");
    }

    #[test]
    fn said_name_then_relative_clause_is_inverted() {
        let v = found(
            "Some of its functions would be done by other agencies, said DeSantis, who was elected in 2012.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "DeSantis");
    }

    #[test]
    fn appositive_subject_then_clause_is_not_inverted() {
        let v = found("Rep. Jason Chaffetz, R-Utah, said Clinton lied, the report shows.");
        assert!(v.iter().all(|s| s.0 != "Clinton lied"), "{v:?}");
    }
}
