//! Pass `mentions`: finds actor mentions.
//!
//! Reads: `doc.tokens`, `doc.sentences`. Writes: `doc.mentions` (in text order).
//! (Being written: lexicon forms, titled names, capitalised names, titles, pronouns.)

use super::lexicon::{lexicon, Form};
use super::{Doc, Mention, MentionKind, TokenKind};

/// Pass entry point: fills `doc.mentions`.
pub fn find(doc: &mut Doc) {
    let lex = lexicon();
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        if doc.tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let end = (i + 8).min(n);
        let words: Vec<&str> = (i..end).map(|k| doc.token_text(k)).collect();
        if let Some(hit) = lex.longest_match(&words) {
            let e = &lex.entries[hit.entry];
            let span = super::Span::new(
                doc.tokens[i].span.start,
                doc.tokens[i + hit.len - 1].span.end,
            );
            out.push(Mention {
                span,
                kind: if hit.form == Form::Demonym {
                    MentionKind::Demonym
                } else {
                    MentionKind::Name
                },
                actor_kind: e.kind,
                canonical: Some(e.canonical.clone()),
                role: None,
                entity: None,
            });
            i += hit.len;
            continue;
        }
        i += 1;
    }
    doc.mentions = out;
}
