//! Pass `tokens`: splits the body into words, numbers, quote marks and punctuation.
//!
//! Reads: `article.body`. Writes: `doc.tokens`.
//! Rules: inner apostrophes and hyphens stay inside a word ("don't", "Amir-Abdollahian"),
//! the possessive `'s`/`’s` is a token of its own (so "Iran's" gives "Iran" + "'s"),
//! dotted abbreviations stay whole ("U.S.", "U.N."), and every quotation mark is a
//! [`TokenKind::Quote`] token except an apostrophe inside or closing a word.
//! A token after a line break is marked `para_start`. This pass does not decide
//! sentence ends (see `sentences`).

use super::{Doc, Span, Token, TokenKind};

/// Whether `c` is a quotation mark of any style.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '\'' | '‹' | '›' | '＂'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// "PeÃ±a" (UTF-8 "ñ" read as Latin-1): a Latin-1 sign right after "Ã" or "Â" (also
/// written "A" and a combining tilde or circumflex) is the second half of a letter, so
/// the word goes on; the name stays one token and `coref` repairs its spelling.
fn is_mojibake_tail(word: &str, d: char) -> bool {
    ('\u{a0}'..='\u{bf}').contains(&d)
        && (word.ends_with(['Ã', 'Â']) || word.ends_with("A\u{303}") || word.ends_with("A\u{302}"))
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Pass entry point: fills `doc.tokens`.
pub fn tokenize(doc: &mut Doc) {
    doc.tokens = tokenize_str(&doc.article.body);
}

/// Tokenizes a string (used by the pass and by lexicon matching).
///
/// Walks the text by byte position, decoding each character where it is looked at
/// (no table of every character: that cost more than the rules themselves).
pub fn tokenize_str(text: &str) -> Vec<Token> {
    let n = text.len();
    // The character at byte `p` (always a character boundary), if any.
    let at = |p: usize| text.get(p..).and_then(|t| t.chars().next());
    // The byte after the character at `p`.
    let after = |p: usize| p + at(p).map_or(1, char::len_utf8);
    let mut tokens = Vec::new();
    let mut p = 0;
    let mut newline_seen = true;
    while let Some(c) = at(p) {
        if c.is_whitespace() || c.is_control() {
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                newline_seen = true;
            }
            p += c.len_utf8();
            continue;
        }
        let start = p;
        let kind;
        if c.is_numeric() {
            p += c.len_utf8();
            while let Some(d) = at(p) {
                if d.is_numeric() {
                    p += d.len_utf8();
                } else if matches!(d, ',' | '.' | ':' | '/' | '-')
                    && at(p + 1).is_some_and(|x| x.is_ascii_digit())
                {
                    // Both ASCII: one byte each.
                    p += 2;
                } else {
                    break;
                }
            }
            // "1990s", "7th": letters glued to digits stay in the token.
            while let Some(d) = at(p).filter(|d| d.is_alphabetic()) {
                p += d.len_utf8();
            }
            kind = TokenKind::Number;
        } else if is_word_char(c) {
            // Possessive 's split off before.
            p += c.len_utf8();
            while let Some(d) = at(p) {
                let q = p + d.len_utf8();
                if is_word_char(d) || is_mojibake_tail(&text[start..p], d) {
                    p = q;
                } else if is_apostrophe(d) && at(q).is_some_and(is_word_char) {
                    // possessive 's / ’s is its own token (unless followed by a letter: "'se")
                    let s_poss =
                        matches!(at(q), Some('s' | 'S')) && !at(q + 1).is_some_and(is_word_char);
                    if s_poss {
                        break;
                    }
                    p = after(q);
                } else if matches!(d, '-' | '‐' | '‑') && at(q).is_some_and(is_word_char) {
                    p = after(q);
                } else if d == '.'
                    && at(q).is_some_and(|x| x.is_alphabetic())
                    && at(after(q)) == Some('.')
                    && text[start..p].chars().nth(2).is_none()
                {
                    // U.S. / U.N. / a.m.
                    p = after(q);
                } else {
                    break;
                }
            }
            // Trailing period of a dotted abbreviation: "U.S." (letters separated by dots).
            if at(p) == Some('.') {
                let word = &text[start..p];
                if word.contains('.') && word.chars().filter(|x| x.is_alphabetic()).count() <= 4 {
                    p += 1;
                }
            }
            kind = TokenKind::Word;
        } else if is_apostrophe(c)
            && matches!(at(p + c.len_utf8()), Some('s' | 'S'))
            && !at(p + c.len_utf8() + 1).is_some_and(is_word_char)
            && text[..start].chars().next_back().is_some_and(is_word_char)
        {
            p += c.len_utf8() + 1;
            kind = TokenKind::Word;
        } else if is_quote_char(c) {
            p += c.len_utf8();
            kind = TokenKind::Quote;
        } else {
            p += c.len_utf8();
            // Keep runs like "..." together.
            if c == '.' {
                while at(p) == Some('.') {
                    p += 1;
                }
            }
            kind = TokenKind::Punct;
        }
        tokens.push(Token {
            span: Span::new(start, p.min(n)),
            kind,
            para_start: newline_seen,
        });
        newline_seen = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it was, over a table of every character: the reference the
    /// byte-position walk must match.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let n = chars.len();
        let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
        let ch = |i: usize| if i < n { Some(chars[i].1) } else { None };
        let mut tokens = Vec::new();
        let mut i = 0;
        let mut newline_seen = true;
        while i < n {
            let c = chars[i].1;
            if c.is_whitespace() || c.is_control() {
                if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                    newline_seen = true;
                }
                i += 1;
                continue;
            }
            let start = i;
            let kind;
            if c.is_numeric() {
                i += 1;
                while i < n {
                    let d = chars[i].1;
                    if d.is_numeric() {
                        i += 1;
                    } else if matches!(d, ',' | '.' | ':' | '/' | '-')
                        && ch(i + 1).is_some_and(|x| x.is_ascii_digit())
                    {
                        i += 2;
                    } else {
                        break;
                    }
                }
                // "1990s", "7th": letters glued to digits stay in the token.
                while i < n && chars[i].1.is_alphabetic() {
                    i += 1;
                }
                kind = TokenKind::Number;
            } else if is_word_char(c) {
                // Possessive 's split off before.
                i += 1;
                loop {
                    if i >= n {
                        break;
                    }
                    let d = chars[i].1;
                    if is_word_char(d) {
                        i += 1;
                    } else if is_apostrophe(d) && ch(i + 1).is_some_and(is_word_char) {
                        // possessive 's / ’s is its own token (unless followed by a letter: "'se")
                        let s_poss = matches!(ch(i + 1), Some('s' | 'S'))
                            && !ch(i + 2).is_some_and(is_word_char);
                        if s_poss {
                            break;
                        }
                        i += 2;
                    } else if matches!(d, '-' | '‐' | '‑') && ch(i + 1).is_some_and(is_word_char)
                    {
                        i += 2;
                    } else if d == '.'
                        && ch(i + 1).is_some_and(|x| x.is_alphabetic())
                        && ch(i + 2) == Some('.')
                        && i - start <= 2
                    {
                        // U.S. / U.N. / a.m.
                        i += 2;
                    } else {
                        break;
                    }
                }
                // Trailing period of a dotted abbreviation: "U.S." (letters separated by dots).
                if ch(i) == Some('.') {
                    let word: String = chars[start..i].iter().map(|x| x.1).collect();
                    if word.contains('.') && word.chars().filter(|x| x.is_alphabetic()).count() <= 4
                    {
                        i += 1;
                    }
                }
                kind = TokenKind::Word;
            } else if is_apostrophe(c)
                && matches!(ch(i + 1), Some('s' | 'S'))
                && !ch(i + 2).is_some_and(is_word_char)
                && start > 0
                && is_word_char(chars[start - 1].1)
            {
                i += 2;
                kind = TokenKind::Word;
            } else if is_quote_char(c) {
                i += 1;
                kind = TokenKind::Quote;
            } else {
                i += 1;
                // Keep runs like "..." together.
                if c == '.' {
                    while ch(i) == Some('.') {
                        i += 1;
                    }
                }
                kind = TokenKind::Punct;
            }
            tokens.push(Token {
                span: Span::new(byte_at(start), byte_at(i)),
                kind,
                para_start: newline_seen,
            });
            newline_seen = false;
        }
        tokens
    }

    #[test]
    fn byte_walk_matches_the_character_table() {
        let texts = [
            "Iran's Foreign Minister Amir-Abdollahian doesn't say “no,” he said.",
            "The U.S. and U.N. met at 10 a.m. on 7 October; killed 1,400 people in the 1990s.",
            "Türkiye’s Erdoğan met Putin’s aide ‘Ivan’ — in Zürich… “Ça va?” ʼs x's 's",
            "Ü.S. a.b.c. é.é. U.S.A. ...  …\n\r\u{2028}« guillemets » 12.5-km 3/4 7th 1990s",
            "combining e\u{301}te\u{301} naïve Ålborg 'S 's’s ’S ‐hyphen‑non 名前 ٣٤ ½",
            "",
            "'s",
            "x.",
            "a'",
            "Don’t-stop-me-now’s O’Neill’s 9-1-1 U.S.-led",
        ];
        for t in texts {
            assert_eq!(tokenize_str(t), tokenize_by_chars(t), "{t}");
        }
    }

    #[test]
    fn byte_walk_matches_the_character_table_on_every_prefix() {
        let t = "Türkiye’s U.S. é.é. Ça va? 1,400’s 7th a.m. — “x” ‘y’ ʼs 'S";
        for (i, _) in t.char_indices() {
            assert_eq!(
                tokenize_str(&t[..i]),
                tokenize_by_chars(&t[..i]),
                "{}",
                &t[..i]
            );
            assert_eq!(
                tokenize_str(&t[i..]),
                tokenize_by_chars(&t[i..]),
                "{}",
                &t[i..]
            );
        }
    }

    fn words(s: &str) -> Vec<&str> {
        tokenize_str(s)
            .iter()
            .map(|t| &s[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn possessive_is_split() {
        assert_eq!(
            words("Iran's Foreign Minister"),
            ["Iran", "'s", "Foreign", "Minister"]
        );
        assert_eq!(words("Iran’s top"), ["Iran", "’s", "top"]);
    }

    #[test]
    fn inner_hyphen_and_apostrophe_stay() {
        assert_eq!(
            words("Amir-Abdollahian doesn't"),
            ["Amir-Abdollahian", "doesn't"]
        );
    }

    #[test]
    fn dotted_abbreviations_stay_whole() {
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
    }

    #[test]
    fn quotes_are_tokens() {
        let t = tokenize_str("“There was,” he");
        assert_eq!(t[0].kind, TokenKind::Quote);
        assert_eq!(t[4].kind, TokenKind::Quote);
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(
            words("killed 1,400 people on 7 October"),
            ["killed", "1,400", "people", "on", "7", "October"]
        );
    }

    #[test]
    fn paragraph_start_marked() {
        let t = tokenize_str("One.\n\nTwo");
        assert!(t[0].para_start);
        assert!(!t[1].para_start);
        assert!(t[2].para_start);
    }
}
