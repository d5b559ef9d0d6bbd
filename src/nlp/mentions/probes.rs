//! Lexicon probes at a token, for chunking: the longest lexicon form, title (with its
//! modifiers) or institution that starts there, and the lower-case forms of the
//! document's tokens they are looked up by. It answers questions about tokens; it
//! makes no chunks (that is `chunks::chunk`).

use std::borrow::Cow;

use super::chunks::is_cap_word;
use crate::nlp::lexicon::{capitals_title, with_capitals_forms, Form, Lexicon, LowerWord};
use crate::nlp::{Doc, TokenKind};

pub(super) fn lower(doc: &Doc, i: usize) -> String {
    doc.token_text(i).to_lowercase()
}

/// Every token of a document in lower case, made once per document so that the
/// chunker's many lookups (titles, title words, pronouns) fold no word twice. A token
/// with no capital is borrowed, not copied.
pub fn lower_tokens(doc: &Doc) -> Vec<Cow<'_, str>> {
    (0..doc.tokens.len())
        .map(|i| {
            let t = doc.token_text(i);
            if t.chars().any(char::is_uppercase) {
                Cow::Owned(t.to_lowercase())
            } else {
                Cow::Borrowed(t)
            }
        })
        .collect()
}

/// The tokens of a document as the chunker looks them up, made once per document:
/// each in lower case ([`lower_tokens`]), what the title tables say of that
/// ([`Lexicon::lower_word`]) and the lengths of the lexicon forms its text starts
/// ([`Lexicon::form_lengths`]). Every token is looked up once, not once per question.
pub struct Words<'d, 'l> {
    /// Every token in lower case.
    pub low: Vec<Cow<'d, str>>,
    /// Per token: the title tables' facts and the form lengths.
    facts: Vec<(LowerWord<'l>, u64)>,
    /// The words in capitals inside a line that start a lexicon form only in Title
    /// Case ("MEXICO" in "MAKE MEXICO GREAT"), by token index, sorted.
    caps: Vec<usize>,
}

impl<'d, 'l> Words<'d, 'l> {
    /// Looks up every token of `doc`.
    pub fn new(doc: &'d Doc, lex: &'l Lexicon) -> Self {
        let low = lower_tokens(doc);
        let mut caps = Vec::new();
        let facts = low
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let text = doc.token_text(i);
                let mut lengths = lex.form_lengths(text);
                if lengths == 0 {
                    let title = with_capitals_forms(text, |t, _| lex.form_lengths(t));
                    if let Some(n) = title.filter(|&n| n != 0 && inside_line(doc, i)) {
                        lengths = n;
                        caps.push(i);
                    }
                }
                (lex.lower_word(l), lengths)
            })
            .collect();
        Words { low, facts, caps }
    }

    /// Whether token `i` starts a lexicon form only in Title Case.
    fn title_case_form(&self, i: usize) -> bool {
        !self.caps.is_empty() && self.caps.binary_search(&i).is_ok()
    }

    /// [`Lexicon::title_word_kind`] of token `i`.
    pub fn title_word(&self, i: usize) -> Option<&'l str> {
        self.facts[i].0.title_word
    }

    /// [`Lexicon::title_lengths`] of token `i`.
    fn title_lengths(&self, i: usize) -> Option<u64> {
        Some(self.facts[i].0.title_lengths).filter(|&l| l != 0)
    }

    /// [`Lexicon::is_title_word_first_word`] of token `i`.
    fn title_word_first(&self, i: usize) -> bool {
        self.facts[i].0.title_word_first
    }

    /// [`Lexicon::form_lengths`] of token `i`.
    fn form_lengths(&self, i: usize) -> u64 {
        self.facts[i].1
    }
}

/// Title Case of a lower-case phrase ("deputy foreign minister" → "Deputy Foreign
/// Minister"); short function words stay lower case.
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(k, w)| {
            if k > 0 && matches!(w, "of" | "for" | "the" | "and" | "on" | "in" | "to") {
                w.to_string()
            } else {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The longest title starting at `i` (after any modifiers), as (end, normalised title,
/// collective).
pub(super) fn title_at(
    doc: &Doc,
    words: &Words,
    lex: &Lexicon,
    i: usize,
    end: usize,
) -> Option<(usize, String, bool)> {
    let low = &words.low;
    let mut j = i;
    let mut kept: Vec<&str> = Vec::new();
    while j < end && words.title_word(j) == Some("modifier") {
        let w: &str = &low[j];
        // "former", "deputy", "vice", "acting", "interim" change the office; "senior",
        // "top", "veteran" only describe it.
        if matches!(
            w,
            "former" | "deputy" | "vice" | "acting" | "interim" | "chief"
        ) {
            kept.push(w);
        }
        j += 1;
    }
    // No title starts with this word: nothing to look up.
    if j >= end {
        return None;
    }
    // "IAEA chief Rafael Grossi": a modifier that is itself a title ("chief"), right
    // before a name, is the title.
    let modifier_title = || -> Option<(usize, String, bool)> {
        let last = kept.last().filter(|_| j > i && is_cap_word(doc, j))?;
        lex.title_kind(last)
            .filter(|&k| k != "collective")
            .map(|_| (j, title_case(&kept.join(" ")), false))
    };
    let Some(mut lengths) = words.title_lengths(j) else {
        return modifier_title();
    };
    // A title is words only: the longest candidate stops before the first other token.
    let mut max = lex.max_title_len.min(end - j);
    if let Some(k) = (j..j + max).position(|k| doc.tokens[k].kind != TokenKind::Word) {
        max = k;
    }
    // Only lengths some title starting with this word has can match (all of them
    // when a word holds a space, which would make a key of more words).
    if low[j..j + max].iter().any(|w| w.contains(' ')) {
        lengths = u64::MAX;
    }
    let has = |len: usize| len > 64 || lengths >> (len - 1) & 1 == 1;
    let Some(max) = (1..=max).rev().find(|&len| has(len)) else {
        return modifier_title();
    };
    // One key of all `max` words; each shorter candidate is a prefix of it.
    let mut key = String::new();
    let mut ends = Vec::with_capacity(max);
    for (n, w) in low[j..j + max].iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(w);
        ends.push(key.len());
    }
    for len in (1..=max).rev().filter(|&len| has(len)) {
        let phrase = &key[..ends[len - 1]];
        if let Some(kind) = lex.title_kind(phrase) {
            let mut title = kept.clone();
            title.push(phrase);
            let mut e = j + len;
            // "Sen. Bernie Sanders": the abbreviation's period belongs to the title.
            if e < end
                && doc.token_text(e) == "."
                && doc.tokens[e].span.start == doc.tokens[e - 1].span.end
                && e + 1 < end
                && is_cap_word(doc, e + 1)
            {
                e += 1;
            }
            return Some((e, title_case(&title.join(" ")), kind == "collective"));
        }
    }
    modifier_title()
}

pub(super) fn institution_at(
    words: &Words,
    lex: &Lexicon,
    i: usize,
    end: usize,
) -> Option<(usize, String)> {
    let low = &words.low;
    if end - i >= 2 && words.title_word_first(i) {
        let phrase = format!("{} {}", low[i], low[i + 1]);
        if lex.title_word_kind(&phrase) == Some("institution") {
            return Some((i + 2, title_case(&phrase)));
        }
    }
    if words.title_word(i) == Some("institution") {
        return Some((i + 1, title_case(&low[i])));
    }
    None
}

/// Whether token `i` follows another token on its line: a word in capitals opening a
/// line is left to the dateline rule ("MOSCOW (Reuters) —" is a place, not Russia).
fn inside_line(doc: &Doc, i: usize) -> bool {
    i > 0
        && !doc
            .body()
            .get(doc.tokens[i - 1].span.end..doc.tokens[i].span.start)
            .unwrap_or("\n")
            .contains('\n')
}

pub(super) fn lex_at(
    doc: &Doc,
    words: &Words,
    lex: &Lexicon,
    i: usize,
    end: usize,
) -> Option<(usize, usize, Form)> {
    let lengths = words.form_lengths(i);
    if lengths == 0 {
        return None;
    }
    let n = end.min(i + 8) - i;
    // "MAKE MEXICO GREAT": a word in capitals the lexicon knows only in Title Case is
    // looked up so, with the words in capitals after it.
    let titles: Vec<String> = if words.title_case_form(i) {
        (i..i + n)
            .map(|k| {
                let t = doc.token_text(k);
                capitals_title(t).unwrap_or_else(|| t.to_string())
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut texts = [""; 8];
    for (k, w) in texts[..n].iter_mut().enumerate() {
        *w = match titles.get(k) {
            Some(t) => t,
            None => doc.token_text(i + k),
        };
    }
    lex.longest_match_with(&texts[..n], lengths)
        .map(|h| (i + h.len, h.entry, h.form))
}
