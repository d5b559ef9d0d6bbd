//! Pass `quotes`: pairs quotation marks into [`Quote`]s.
//!
//! Reads: `doc.tokens`. Writes: `doc.quotes`.
//! Double quotes pair within a paragraph: `“` opens, `”` closes, a straight `"` opens
//! when no quote is open and closes otherwise. A quote still open at the end of its
//! paragraph ends there, unclosed: news style leaves a quote open when it continues in
//! the next paragraph. Single quotes (`‘…’`, `'…'`) count only outside double quotes,
//! when the opening mark follows a space and the closing mark is not an apostrophe.
//! Two glued apostrophes (`''…''`, as some papers write) are a double quote mark.
//! Quotes inside quotes are part of the outer quote. This pass does not decide who
//! said a quote (that is `extract::statements`).

use super::{Doc, Quote, Span, TokenKind};

/// Pass entry point: fills `doc.quotes`.
pub fn find(doc: &mut Doc) {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None; // token index of the open double quote
    let mut open_single: Option<usize> = None;
    let n = doc.tokens.len();
    let mut skip_next = false;
    for i in 0..n {
        let tok = doc.tokens[i];
        if tok.para_start && i > 0 {
            if let Some(o) = open.take() {
                push(doc, &mut quotes, o, i - 1, false);
            }
            open_single = None;
        }
        if tok.kind != TokenKind::Quote {
            continue;
        }
        let mut t = doc.text(tok.span);
        // Two apostrophes glued together are a double quote mark (''…'' style).
        if t == "'"
            && i + 1 < n
            && doc.text(doc.tokens[i + 1].span) == "'"
            && doc.tokens[i + 1].span.start == tok.span.end
        {
            t = "\"";
            skip_next = true;
        } else if std::mem::take(&mut skip_next) {
            continue;
        }
        let prev_space = i == 0
            || doc.tokens[i - 1].span.end < tok.span.start
            || doc.tokens[i - 1].para_start && i - 1 == 0
            || matches!(doc.token_text(i - 1), "(" | "[" | "—" | "-" | ":");
        let next_glued = i + 1 < n && doc.tokens[i + 1].span.start == tok.span.end;
        match t {
            "“" | "„" | "«" => {
                if let Some(o) = open.take() {
                    // A new opening mark while one is open: close the old one before it.
                    push(doc, &mut quotes, o, i - 1, false);
                }
                open = Some(i);
            }
            "”" | "»" | "‟" => {
                if let Some(o) = open.take() {
                    push(doc, &mut quotes, o, i, true);
                }
            }
            "\"" | "＂" => match open.take() {
                Some(o) => push(doc, &mut quotes, o, i, true),
                None => open = Some(i),
            },
            "‘" | "'" | "’" | "‹" | "›" if open.is_none() => {
                let opening = matches!(t, "‘" | "'" | "‹") && prev_space && next_glued;
                if opening && open_single.is_none() {
                    open_single = Some(i);
                } else if let Some(o) = open_single {
                    // Closing: not glued to a following letter (that would be an apostrophe).
                    let next_is_word = next_glued && doc.tokens[i + 1].kind == TokenKind::Word;
                    if !next_is_word && i > o + 1 {
                        open_single = None;
                        push(doc, &mut quotes, o, i, true);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        if n > 0 {
            push(doc, &mut quotes, o, n - 1, false);
        }
    }
    quotes.sort_by_key(|q: &Quote| (q.span.start, q.span.end));
    doc.quotes = quotes;
}

fn push(doc: &Doc, out: &mut Vec<Quote>, open: usize, last: usize, closed: bool) {
    if last <= open && closed {
        return;
    }
    // A '' mark is two tokens: the quote spans both.
    let double_apos = |k: usize| {
        doc.token_text(k) == "'"
            && doc.token_text(k + 1) == "'"
            && doc.tokens[k + 1].span.start == doc.tokens[k].span.end
    };
    let start = doc.tokens[open].span.start;
    let end = if closed && double_apos(last) {
        doc.tokens[last + 1].span.end
    } else {
        doc.tokens[last].span.end
    };
    let inner_start = if double_apos(open) {
        doc.tokens[open + 1].span.end
    } else {
        doc.tokens[open].span.end
    };
    let inner_end = if closed {
        doc.tokens[last].span.start
    } else {
        end
    };
    if inner_end <= inner_start {
        return;
    }
    out.push(Quote {
        span: Span::new(start, end),
        inner: Span::new(inner_start, inner_end),
        closed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn quotes(s: &str) -> Vec<(String, bool)> {
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
        find(&mut d);
        d.quotes
            .iter()
            .map(|q| (d.text(q.span).to_string(), q.closed))
            .collect()
    }

    #[test]
    fn curly_quotes_pair() {
        assert_eq!(
            quotes("“There was,” he said."),
            [("“There was,”".to_string(), true)]
        );
    }

    #[test]
    fn straight_quotes_pair() {
        assert_eq!(
            quotes("will \"not be spared.\" And \"more\""),
            [
                ("\"not be spared.\"".to_string(), true),
                ("\"more\"".to_string(), true)
            ]
        );
    }

    #[test]
    fn unclosed_quote_ends_with_paragraph() {
        let q = quotes("“It goes on.\n\n“And ends.”");
        assert_eq!(q[0], ("“It goes on.".to_string(), false));
        assert_eq!(q[1], ("“And ends.”".to_string(), true));
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("the players’ union and Iran’s").is_empty());
    }

    #[test]
    fn doubled_apostrophes_pair_as_double_quotes() {
        assert_eq!(
            quotes("''It is fine,'' she said."),
            [("''It is fine,''".to_string(), true)]
        );
    }

    #[test]
    fn single_quotes_pair() {
        assert_eq!(
            quotes("called it ‘irreparable’ today"),
            [("‘irreparable’".to_string(), true)]
        );
    }
}
