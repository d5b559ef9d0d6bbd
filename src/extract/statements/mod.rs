//! Statements: who said what, when (direct quotes, reported speech, mixed).
//!
//! Reads the annotated [`Doc`] (tokens, sentences, quotes, mentions, entities, times)
//! and returns [`Statement`]s in text order. The work is split by job:
//! - [`cues`]: the reporting-verb lexicon;
//! - [`reported`]: cue-anchored patterns in one sentence ("X said (that) …",
//!   "…, X said.", "…, said X", "…, adding that …"), with [`usage`] (is this word a
//!   verb of speech here?), [`asked`] (the question of "Asked whether …, X said"),
//!   [`according`] ("according to X, …") and [`clause`]
//!   (where a content ends); a content that is a quotation makes a direct statement,
//!   one containing a quotation a mixed one;
//! - [`inverted`]: "…, said X, a professor at …": the speaker after an inverted cue;
//! - [`quoted`]: a quotation before a post-posed cue ("“A,” she said, “B.”");
//! - [`direct`]: quotations with no cue of their own that continue the previous
//!   paragraph's quotation, and the widening of a content to the quotation it cuts;
//! - [`subject`]: the subject of the verb before a cue with none of its own;
//! - [`speaker`]: the speaker phrase from the words around the cue, and its entity.
//!
//! This module finds no actors (that is `nlp::mentions`/`nlp::coref`) and does not
//! write records (that is `extract::assemble`).

pub mod according;
pub mod asked;
pub mod clause;
pub mod cues;
pub mod direct;
pub mod inverted;
pub mod quoted;
pub mod reported;
pub mod speaker;
pub mod subject;
pub mod usage;

use super::{Statement, StatementKind};
use crate::nlp::{DateRange, Doc, Span, TokenKind};

/// Word-level view of a document shared by the rules: lower-cased tokens and which
/// tokens lie inside a quotation.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Doc,
    /// Each token in lower case, borrowed when it already is (ASCII without capitals,
    /// where `to_lowercase` would copy it unchanged).
    lower: Vec<std::borrow::Cow<'a, str>>,
    in_quote: Vec<bool>,
}

impl<'a> Ctx<'a> {
    /// Builds the view (one pass over the tokens).
    pub fn new(doc: &'a Doc) -> Ctx<'a> {
        let lower = (0..doc.tokens.len())
            .map(|i| {
                let t = doc.token_text(i);
                if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                    std::borrow::Cow::Borrowed(t)
                } else {
                    std::borrow::Cow::Owned(t.to_lowercase())
                }
            })
            .collect();
        let mut in_quote = vec![false; doc.tokens.len()];
        for q in &doc.quotes {
            for flag in &mut in_quote[doc.tokens_in(q.inner)] {
                *flag = true;
            }
        }
        Ctx {
            doc,
            lower,
            in_quote,
        }
    }

    /// The lower-cased text of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        self.lower.get(i).map(|w| &**w).unwrap_or("")
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &str {
        self.doc.token_text(i)
    }

    /// The span of token `i`.
    pub fn span(&self, i: usize) -> Span {
        self.doc.tokens[i].span
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_quote(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Quote)
    }

    /// Whether token `i` starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` lies inside a quotation (marks excluded).
    pub fn in_quote(&self, i: usize) -> bool {
        self.in_quote.get(i).copied().unwrap_or(false)
    }

    /// The span from token `a` to token `b - 1`.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.span(a).start, self.span(b - 1).end)
    }
}

/// How the speaker of a found statement is given.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    /// A phrase of the text (token range `[a, b)`).
    Phrase(usize, usize),
    /// The speaker of the previous statement (a quote paragraph with no verb, or
    /// "…, adding that …" with no subject of its own).
    Previous,
    /// Nobody the text names ("Asked whether …": the asker is not said).
    Nobody,
}

/// A statement as the rules find it, before speakers are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The cue span.
    pub cue: Option<Span>,
    /// Where the speaker is.
    pub who: Who,
    /// The content span.
    pub content: Span,
    /// Confidence from 0 to 1 (before speaker resolution).
    pub confidence: f64,
    /// The kind when a rule knows it better than the quote marks tell.
    pub kind: Option<StatementKind>,
}

/// Finds the statements the document attributes to a speaker.
pub fn extract(doc: &Doc) -> Vec<Statement> {
    let ctx = Ctx::new(doc);
    let mut found = Vec::new();
    for si in 0..doc.sentences.len() {
        reported::find_in_sentence(&ctx, si, &mut found);
    }
    for f in &mut found {
        f.content = skip_dateline(doc, direct::widen_to_quotes(doc, f.content));
    }
    found.sort_by_key(|f| (f.content.start, f.content.end));
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        let dup = kept.last().is_some_and(|k| {
            let ov = k.content.end.min(f.content.end) as isize
                - k.content.start.max(f.content.start) as isize;
            ov > 0 && ov as usize * 2 > k.content.len().min(f.content.len())
        });
        if !dup {
            kept.push(f);
        }
    }
    direct::merge_following_quotes(&ctx, &mut kept);
    direct::continuations(&ctx, &mut kept);
    finish(&ctx, &kept)
}

/// A content without the dateline that opens its paragraph ("RIYADH, Oct 15 (Reuters) -
/// Saudi Arabia will …", "BEIRUT (AP) — Hezbollah is …"): a place in capitals, then no
/// word in lower case (a date, the agency in brackets), then a dash, within the first
/// 60 characters. The dateline says where the story was filed, not what was said.
fn skip_dateline(doc: &Doc, content: Span) -> Span {
    let text = doc.text(content);
    let cut = text.char_indices().nth(60).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let Some((at, dash)) = [" - ", " — ", " – ", " -- "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()
    else {
        return content;
    };
    let prefix = &text[..at];
    let first = prefix
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    let place = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !first.chars().any(char::is_lowercase);
    let no_lower_word = prefix
        .split_whitespace()
        .all(|w| !w.chars().next().is_some_and(char::is_lowercase));
    let rest = text[at + dash..].trim_start();
    if !place || !no_lower_word || rest.is_empty() {
        return content;
    }
    Span::new(content.end - rest.len(), content.end)
}

/// Resolves speakers in text order and fills kind, date and evidence.
fn finish(ctx: &Ctx, found: &[Found]) -> Vec<Statement> {
    let doc = ctx.doc;
    let mut out: Vec<Statement> = Vec::with_capacity(found.len());
    let mut last: Option<(Option<usize>, Option<Span>)> = None;
    for f in found {
        let anchor = f.cue.map(|c| c.start).unwrap_or(f.content.start);
        let (speaker, mention) = match f.who {
            Who::Phrase(a, b) => {
                let span = ctx.span_of(a, b);
                let last_entity = last.and_then(|l| l.0);
                (speaker::resolve(ctx, a, b, anchor, last_entity), Some(span))
            }
            Who::Previous => last.unwrap_or((None, None)),
            Who::Nobody => (None, None),
        };
        if f.who != Who::Nobody {
            last = Some((speaker, mention));
        }
        let kind = f.kind.unwrap_or_else(|| direct::kind_of(doc, f.content));
        let evidence = evidence(doc, f);
        let (mut date, mut date_span) = date_of(doc, evidence, f);
        // "Khamenei said in a speech on Wednesday that … Khamenei added that …": a
        // statement that goes on with the one just before, by the same speaker and with
        // no time of its own, was said then.
        if let Some(prev) = out.last().filter(|p| {
            date_span.is_none()
                && p.date_span.is_some()
                && speaker.is_some()
                && p.speaker == speaker
                && goes_on(doc, f)
                && same_paragraph(doc, p.evidence.start, evidence.start)
        }) {
            date = prev.date;
            date_span = prev.date_span;
        }
        let mut confidence = f.confidence;
        if speaker.is_some() {
            confidence += 0.1;
        }
        out.push(Statement {
            speaker,
            speaker_mention: mention,
            cue: f.cue,
            content: f.content,
            kind,
            date,
            date_span,
            evidence,
            confidence: confidence.min(0.95),
        });
    }
    out
}

/// Whether a statement's cue continues an earlier one ("added", "continued", "went
/// on"), or it has no cue of its own (a quotation that goes on).
fn goes_on(doc: &Doc, f: &Found) -> bool {
    let Some(cue) = f.cue else {
        return true;
    };
    let w = doc.text(cue).to_ascii_lowercase();
    matches!(
        w.as_str(),
        "add" | "adds" | "added" | "adding" | "continued" | "continues" | "went on"
    )
}

/// Whether two offsets lie in one paragraph.
fn same_paragraph(doc: &Doc, a: usize, b: usize) -> bool {
    let para = |x: usize| doc.sentence_at(x).map(|i| doc.sentences[i].paragraph);
    para(a).is_some() && para(a) == para(b)
}

/// The sentences that hold the content and the cue.
fn evidence(doc: &Doc, f: &Found) -> Span {
    let mut a = f.content.start;
    let mut b = f.content.end;
    if let Some(c) = f.cue {
        a = a.min(c.start);
        b = b.max(c.end);
    }
    let first = doc.sentence_at(a).map(|i| doc.sentences[i].span.start);
    let last = doc
        .sentence_at(b.saturating_sub(1))
        .map(|i| doc.sentences[i].span.end);
    Span::new(first.unwrap_or(a).min(a), last.unwrap_or(b).max(b))
}

/// When it was said: the time expression of the evidence outside the content that is
/// nearest the cue (its past reading); otherwise the article date (a statement is
/// reported no later than its article), with no text.
fn date_of(doc: &Doc, evidence: Span, f: &Found) -> (DateRange, Option<Span>) {
    let anchor = f.cue.map(|c| c.start).unwrap_or(evidence.start);
    // Times are in text order: a binary search, not a scan of the document's times.
    let from = doc.times.partition_point(|t| t.span.start < evidence.start);
    let best = doc.times[from..]
        .iter()
        .take_while(|t| t.span.start < evidence.end)
        .filter(|t| evidence.contains(t.span) && !f.content.contains(t.span))
        .min_by_key(|t| t.span.start.abs_diff(anchor));
    match best {
        Some(t) => (t.past, Some(t.span)),
        None => (
            DateRange {
                start: doc.article.date,
                end: doc.article.date,
            },
            None,
        ),
    }
}

/// Whether a statement's content is a quotation, holds one, or has none.
pub fn kind_for(direct: bool, has_quote: bool) -> StatementKind {
    match (direct, has_quote) {
        (true, _) => StatementKind::Direct,
        (false, true) => StatementKind::Mixed,
        _ => StatementKind::Indirect,
    }
}

#[cfg(test)]
pub(crate) mod tests;
