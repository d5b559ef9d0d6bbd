//! Pass `sentences`: groups tokens into sentences and paragraphs.
//!
//! Reads: `doc.tokens`. Writes: `doc.sentences`.
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quote or bracket after it)
//! when the next token begins a new paragraph or starts with a capital letter, a digit
//! or an opening quote, unless the period belongs to a known abbreviation ("Mr.",
//! "Gen.", "Oct. 12") or an initial ("John F. Kennedy"). A line break always ends a
//! sentence: news text puts one paragraph per line. This pass does not look inside
//! quotations (see `quotes`).

use super::{Doc, Sentence, Span, TokenKind};

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "capt", "cmdr", "co", "col", "corp", "dec", "dept", "dr", "feb", "fla",
    "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr",
    "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof", "rep", "reps", "rev", "sen", "sens",
    "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "›")
}

fn is_opening_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "'" | "«" | "„" | "(" | "[")
}

/// Pass entry point: fills `doc.sentences`.
pub fn split(doc: &mut Doc) {
    let mut sentences = Vec::new();
    let n = doc.tokens.len();
    let mut start = 0usize;
    let mut paragraph = 0usize;
    let mut i = 0usize;
    while i < n {
        if i > start && doc.tokens[i].para_start {
            push(doc, &mut sentences, start, i, paragraph);
            start = i;
            paragraph += 1;
            continue;
        }
        let t = doc.token_text(i);
        let terminal = matches!(t, "!" | "?" | "…")
            || t.starts_with("...")
            || (t == "." && !is_abbreviation(doc, i));
        let dotted = doc.tokens[i].kind == TokenKind::Word && t.ends_with('.') && t.len() > 2;
        if terminal || dotted {
            let mut j = i + 1;
            while j < n
                && !doc.tokens[j].para_start
                && is_closing(doc.token_text(j))
                && doc.tokens[j].span.start == doc.tokens[j - 1].span.end
            {
                // A closing quote right after the period belongs to this sentence,
                // unless it is clearly an opening quote (followed directly by a word).
                j += 1;
            }
            let ends = j >= n || doc.tokens[j].para_start || starts_sentence(doc, j, dotted);
            if ends {
                push(doc, &mut sentences, start, j, paragraph);
                start = j;
                if j < n && doc.tokens[j].para_start {
                    paragraph += 1;
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < n {
        push(doc, &mut sentences, start, n, paragraph);
    }
    doc.sentences = sentences;
}

fn starts_sentence(doc: &Doc, j: usize, after_dotted_abbrev: bool) -> bool {
    let t = doc.token_text(j);
    let first = t.chars().next().unwrap_or(' ');
    if after_dotted_abbrev {
        // "the U.S. Senate" continues; "in the U.S. The" may end: only a function word
        // that starts sentences counts.
        return matches!(
            t,
            "The"
                | "He"
                | "She"
                | "It"
                | "They"
                | "We"
                | "But"
                | "And"
                | "In"
                | "A"
                | "This"
                | "That"
        );
    }
    first.is_uppercase() || first.is_numeric() || is_opening_quote(t) || first == '—'
}

fn is_abbreviation(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = &doc.tokens[i - 1];
    if prev.span.end != doc.tokens[i].span.start || prev.kind != TokenKind::Word {
        return false;
    }
    let w = doc.token_text(i - 1);
    // A single capital letter is an initial ("John F. Kennedy").
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    let lower = w.to_lowercase();
    if ABBREVIATIONS.binary_search(&lower.as_str()).is_err() {
        return false;
    }
    // "No. 5", "Oct. 12": these count only before a number ("said no." ends).
    let numbered = matches!(
        lower.as_str(),
        "no" | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    );
    !numbered
        || doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
}

fn push(doc: &Doc, out: &mut Vec<Sentence>, a: usize, b: usize, paragraph: usize) {
    if a >= b {
        return;
    }
    out.push(Sentence {
        span: Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end),
        tokens: a..b,
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn sents(s: &str) -> Vec<String> {
        let mut d = Doc::new(Article {
            id: "t".into(),
            date: None,
            title: None,
            url: None,
            body: s.into(),
            source: "t".into(),
            line: None,
        });
        super::super::tokens::tokenize(&mut d);
        split(&mut d);
        d.sentences
            .iter()
            .map(|x| d.text(x.span).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_sorted() {
        let mut v = ABBREVIATIONS.to_vec();
        v.sort();
        assert_eq!(v, ABBREVIATIONS);
    }

    #[test]
    fn splits_on_period_and_capital() {
        assert_eq!(sents("He came. She left."), ["He came.", "She left."]);
    }

    #[test]
    fn closing_quote_stays_with_sentence() {
        assert_eq!(
            sents("He said \"no.\" Then he left."),
            ["He said \"no.\"", "Then he left."]
        );
    }

    #[test]
    fn titles_and_initials_do_not_split() {
        assert_eq!(
            sents("Mr. Smith met John F. Kennedy on Oct. 12."),
            ["Mr. Smith met John F. Kennedy on Oct. 12."]
        );
    }

    #[test]
    fn line_break_ends_sentence() {
        assert_eq!(
            sents("Headline here\n\nBody text."),
            ["Headline here", "Body text."]
        );
    }

    #[test]
    fn spaced_straight_quote_opens_next_sentence() {
        assert_eq!(
            sents("\"Fine,\" he said. \"We will see.\""),
            ["\"Fine,\" he said.", "\"We will see.\""]
        );
    }

    #[test]
    fn period_then_opening_quote_splits() {
        assert_eq!(
            sents("he said.“It is ours.”"),
            ["he said.", "“It is ours.”"]
        );
    }
}
