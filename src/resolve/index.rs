//! The resolution index: the part of each extraction record that corpus-level
//! resolution reads, so that an ingest can re-resolve the corpus without reading the
//! full records (mentions, evidence, cues) or the RDF graphs of the earlier articles.
//!
//! [`slim`] keeps every field [`super::resolve_corpus`] looks at and empties the rest;
//! resolving slim records gives the same IRIs and the same [`super::CorpusView`] as
//! resolving the full ones (a unit test checks it on the sample corpus). [`apply_iris`]
//! copies the resolved IRIs back onto a full record. This module does no I/O: the store
//! keeps the slim records on disk (`store::index`).

use crate::extract::{Record, TextSpan};

/// Bumped whenever [`slim`] keeps different fields, so that a store's index written by
/// another version is rebuilt from its records instead of trusted.
pub const FORMAT: u32 = 1;

/// The record reduced to what resolution reads: article id, IRI and date; each
/// actor's id, IRI, name, kind, aliases and roles; each meeting's id, IRI,
/// participants, mode, place and date; each statement's id, IRI, speaker, content
/// text, kind and date. Mentions, evidence, triggers, cues, title, URL and hash go.
pub fn slim(record: &Record) -> Record {
    let mut r = record.clone();
    r.article.title = None;
    r.article.url = None;
    r.article.hash = String::new();
    for a in &mut r.actors {
        a.mentions = Vec::new();
    }
    for m in &mut r.meetings {
        m.evidence = empty_span();
        m.trigger = None;
    }
    for s in &mut r.statements {
        s.speaker_mention = None;
        s.cue = None;
        s.evidence = empty_span();
        s.content.start = 0;
        s.content.end = 0;
    }
    r
}

fn empty_span() -> TextSpan {
    TextSpan {
        start: 0,
        end: 0,
        text: String::new(),
    }
}

/// Copies the IRIs of `resolved` (a resolved slim copy of the same article) onto
/// `full`: actors, meetings and statements are matched by local id.
pub fn apply_iris(full: &mut Record, resolved: &Record) {
    for a in &mut full.actors {
        if let Some(r) = resolved.actors.iter().find(|r| r.id == a.id) {
            a.iri.clone_from(&r.iri);
        }
    }
    for m in &mut full.meetings {
        if let Some(r) = resolved.meetings.iter().find(|r| r.id == m.id) {
            m.iri.clone_from(&r.iri);
        }
    }
    for s in &mut full.statements {
        if let Some(r) = resolved.statements.iter().find(|r| r.id == s.id) {
            s.iri.clone_from(&r.iri);
        }
    }
}

/// Every IRI resolution may rewrite in a record (actors, meetings, statements, in
/// order): two versions of one article differ after resolution iff these differ.
pub fn iris(record: &Record) -> Vec<String> {
    let actors = record.actors.iter().map(|a| a.iri.clone());
    let meetings = record.meetings.iter().map(|m| m.iri.clone());
    let statements = record.statements.iter().map(|s| s.iri.clone());
    actors.chain(meetings).chain(statements).collect()
}

/// Sets the IRIs of a record, in [`iris`] order (extra IRIs are ignored).
pub fn set_iris(record: &mut Record, iris: Vec<String>) {
    let slots = record
        .actors
        .iter_mut()
        .map(|a| &mut a.iri)
        .chain(record.meetings.iter_mut().map(|m| &mut m.iri))
        .chain(record.statements.iter_mut().map(|s| &mut s.iri));
    for (slot, iri) in slots.zip(iris) {
        *slot = iri;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{read_inputs, ReadOptions};
    use crate::extract::{extract_article, Config};
    use crate::resolve::{resolve_corpus, DEFAULT_BASE};

    fn sample_records() -> Vec<Record> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let (articles, _) = read_inputs(&[dir], &ReadOptions::default());
        assert!(articles.len() >= 5, "the sample corpus is readable");
        let config = Config::default();
        articles
            .into_iter()
            .map(|a| extract_article(a, &config))
            .collect()
    }

    #[test]
    fn slim_records_resolve_like_full_ones() {
        let mut full = sample_records();
        let mut thin: Vec<Record> = full.iter().map(slim).collect();
        let view_full = resolve_corpus(&mut full, DEFAULT_BASE);
        let view_thin = resolve_corpus(&mut thin, DEFAULT_BASE);
        for (f, t) in full.iter().zip(&thin) {
            assert_eq!(&slim(f), t, "article {}", f.article.id);
        }
        assert_eq!(view_full.meetings, view_thin.meetings);
        assert_eq!(view_full.statements, view_thin.statements);
        assert_eq!(view_full.actors.keys, view_thin.actors.keys);
        assert_eq!(view_full.actors.name, view_thin.actors.name);
        assert_eq!(view_full.actors.spellings, view_thin.actors.spellings);
    }

    #[test]
    fn slim_drops_mentions() {
        let full = sample_records();
        assert!(full
            .iter()
            .any(|r| r.actors.iter().any(|a| !a.mentions.is_empty())));
        assert!(full
            .iter()
            .map(slim)
            .all(|r| r.actors.iter().all(|a| a.mentions.is_empty())));
    }

    #[test]
    fn apply_iris_restores_resolved_iris() {
        let mut full = sample_records();
        let mut thin: Vec<Record> = full.iter().map(slim).collect();
        let mut expected = full.clone();
        resolve_corpus(&mut expected, DEFAULT_BASE);
        resolve_corpus(&mut thin, DEFAULT_BASE);
        full.sort_by(|a, b| a.article.id.cmp(&b.article.id));
        for (f, t) in full.iter_mut().zip(&thin) {
            apply_iris(f, t);
        }
        assert_eq!(full, expected);
    }
}
