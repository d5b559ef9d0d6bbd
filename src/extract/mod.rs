//! Stage 3, **extract**: the annotated [`Doc`] in, the extraction [`Record`] out.
//!
//! `actors` turns the document's entities into actor records, `meetings` and
//! `statements` find the facts, and this module assembles the record: local ids,
//! global IRIs (from `resolve`) and character offsets (from [`offsets`]).
//! Inside this stage spans are byte ranges; the record carries character offsets.
//! Nothing here touches RDF or the store.

pub mod actors;
pub mod meetings;
pub mod offsets;
pub mod record;
pub mod statements;

use std::collections::BTreeMap;

pub use record::*;

use crate::nlp::{DateRange, Doc, Span};
use crate::resolve;

/// Settings for extraction.
#[derive(Debug, Clone)]
pub struct Config {
    /// Namespace for minted IRIs.
    pub base: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            base: resolve::DEFAULT_BASE.to_string(),
        }
    }
}

/// A meeting found in a document, before it becomes a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// Entity indices of the participants, in text order, without repeats.
    pub participants: Vec<usize>,
    /// How it took place.
    pub mode: MeetingMode,
    /// Entity index of the place.
    pub place: Option<usize>,
    /// When.
    pub date: DateRange,
    /// The temporal expression, if any.
    pub date_span: Option<Span>,
    /// The clause that reports it.
    pub evidence: Span,
    /// The trigger word or phrase.
    pub trigger: Option<Span>,
    /// Confidence from 0 to 1.
    pub confidence: f64,
}

/// A statement found in a document, before it becomes a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Entity index of the speaker.
    pub speaker: Option<usize>,
    /// Where the text expresses the speaker.
    pub speaker_mention: Option<Span>,
    /// The cue (reporting verb or phrase).
    pub cue: Option<Span>,
    /// The content (quote with marks, or the reported clause).
    pub content: Span,
    /// Direct, indirect or mixed.
    pub kind: StatementKind,
    /// When it was said.
    pub date: DateRange,
    /// The temporal expression, if any.
    pub date_span: Option<Span>,
    /// The sentence(s) carrying it.
    pub evidence: Span,
    /// Confidence from 0 to 1.
    pub confidence: f64,
}

/// Extracts the record of one annotated document.
pub fn extract(doc: &Doc, config: &Config) -> Record {
    let meetings = meetings::extract(doc);
    let statements = statements::extract(doc);
    assemble(doc, config, &meetings, &statements)
}

/// Runs the whole pipeline (nlp, then extraction) over one article.
pub fn extract_article(article: crate::corpus::Article, config: &Config) -> Record {
    let doc = crate::nlp::annotate(article);
    extract(&doc, config)
}

/// Builds the tables extraction loads on first use (lexicons, time patterns, cue and
/// trigger tables) by extracting one short made-up article and dropping its record.
/// A caller with a core to spare runs it while it reads its input, so that the first
/// articles do not wait for the tables to be built on one thread.
pub fn warm_up(config: &Config) {
    let body = "WASHINGTON — President Emmanuel Macron met German Chancellor Angela \
                Merkel in Paris on Monday, 3 March 2020, officials said. “We agreed \
                on the budget,” Mr. Macron told reporters at the Élysée. She said \
                they spoke by phone last week.";
    let article = crate::corpus::Article {
        id: "warm-up".into(),
        date: crate::corpus::parse_date("2020-03-04"),
        title: Some("Macron and Merkel meet".into()),
        url: None,
        body: body.into(),
        source: String::new(),
        line: None,
    };
    drop(extract_article(article, config));
}

/// Extracts every article, in parallel, keeping input order.
pub fn extract_all(articles: Vec<crate::corpus::Article>, config: &Config) -> Vec<Record> {
    use rayon::prelude::*;
    articles
        .into_par_iter()
        .map(|a| extract_article(a, config))
        .collect()
}

fn date_record(doc: &Doc, d: &DateRange, span: Option<Span>) -> DateRecord {
    DateRecord {
        start: d.start.map(|x| x.format("%Y-%m-%d").to_string()),
        end: d.end.map(|x| x.format("%Y-%m-%d").to_string()),
        text: span.map(|s| doc.text(s).to_string()),
    }
}

fn round2(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Builds the record from the document and the facts found in it.
pub fn assemble(
    doc: &Doc,
    config: &Config,
    meetings: &[Meeting],
    statements: &[Statement],
) -> Record {
    let ix = offsets::CharIndex::new(doc.body());
    let base = &config.base;
    let actors = actors::actor_records(doc, &ix, base);
    // entity index -> (local id, key)
    let local: BTreeMap<usize, (String, String)> = actors::local_ids(doc, &actors);
    let id_of = |e: usize| local.get(&e).map(|(id, _)| id.clone());
    let key_of = |e: usize| local.get(&e).map(|(_, k)| k.clone()).unwrap_or_default();

    let mut meeting_records = Vec::new();
    for (k, m) in meetings.iter().enumerate() {
        let participants: Vec<String> = m.participants.iter().filter_map(|&e| id_of(e)).collect();
        let mut keys: Vec<String> = m.participants.iter().map(|&e| key_of(e)).collect();
        keys.sort();
        keys.dedup();
        let date_key = m.date.start.map(|d| d.to_string());
        let joined = keys.join("|");
        let iri = match &date_key {
            Some(d) => resolve::meeting_iri(base, &[&joined, d]),
            None => resolve::meeting_iri(
                base,
                &[&joined, &doc.article.id, &m.evidence.start.to_string()],
            ),
        };
        meeting_records.push(MeetingRecord {
            id: format!("m{}", k + 1),
            iri,
            participants,
            mode: m.mode,
            place: m.place.and_then(id_of),
            date: date_record(doc, &m.date, m.date_span),
            evidence: ix.span(m.evidence),
            trigger: m.trigger.map(|t| ix.span(t)),
            confidence: round2(m.confidence),
        });
    }

    let mut statement_records = Vec::new();
    for (k, s) in statements.iter().enumerate() {
        let speaker_key = s.speaker.map(key_of).unwrap_or_default();
        let content = resolve::content_key(doc.text(s.content));
        let iri = resolve::statement_iri(base, &[&speaker_key, &content]);
        statement_records.push(StatementRecord {
            id: format!("s{}", k + 1),
            iri,
            speaker: s.speaker.and_then(id_of),
            speaker_mention: s.speaker_mention.map(|x| ix.span(x)),
            cue: s.cue.map(|x| ix.span(x)),
            content: ix.span(s.content),
            kind: s.kind,
            date: date_record(doc, &s.date, s.date_span),
            evidence: ix.span(s.evidence),
            confidence: round2(s.confidence),
        });
    }

    let a = &doc.article;
    Record {
        article: ArticleInfo {
            id: a.id.clone(),
            iri: resolve::article_iri(base, &a.id),
            date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
            title: a.title.clone(),
            source: a.source.clone(),
            url: a.url.clone(),
            hash: resolve::sha256_hex(&a.body),
            length: a.body.chars().count(),
        },
        actors,
        meetings: meeting_records,
        statements: statement_records,
    }
}
