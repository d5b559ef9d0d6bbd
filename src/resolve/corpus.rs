//! Corpus-level resolution: one actor, one meeting, one statement across articles.
//!
//! [`resolve_corpus`] takes the extraction records of every article in the store and
//! rewrites their IRIs so that the same actor, meeting or statement carries one IRI,
//! and returns a [`CorpusView`] with what only the whole corpus knows: every source of
//! a merged fact, its most precise date, every spelling of an actor. It is a pure
//! function of the *set* of records (they are sorted first), so ingest order never
//! changes the graph. [`resolve_corpus_with`] does the same steered by an actor
//! dictionary, and adds what the dictionary says of the actors it names.

use std::collections::{BTreeMap, BTreeSet};

use super::actors::{resolve_actors, ActorResolution};
use super::dictionary::{Dictionary, Entry};
use super::events::{cluster_meetings, meeting_obs, MeetingObs};
use super::statements::{cluster_statements, observations, read_texts, Texts};
use crate::extract::Record;
use crate::nlp::fxhash::FxHashMap;
use crate::nlp::lexicon::{lexicon, Form};

/// A meeting as the corpus knows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergedMeeting {
    /// Ids of the articles that report it, sorted.
    pub sources: BTreeSet<String>,
    /// The most precise date any source gives (`YYYY-MM-DD` bounds).
    pub start: Option<String>,
    /// Last day of that date.
    pub end: Option<String>,
}

/// A statement as the corpus knows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergedStatement {
    /// Ids of the articles that report it, sorted.
    pub sources: BTreeSet<String>,
}

/// What the corpus as a whole knows.
#[derive(Debug, Clone, Default)]
pub struct CorpusView {
    /// Actor identity.
    pub actors: ActorResolution,
    /// Meeting IRI → merged meeting.
    pub meetings: BTreeMap<String, MergedMeeting>,
    /// Statement IRI → merged statement.
    pub statements: BTreeMap<String, MergedStatement>,
    /// What the actor dictionary says, when one was used.
    pub dictionary: Option<DictionaryFacts>,
    /// The statement texts as resolution read them (content words, negation): the
    /// online state keeps their words, so it need not read the texts again.
    pub statement_texts: Texts,
}

/// The dictionary's facts about the actors of the corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DictionaryFacts {
    /// SHA-256 of the dictionary file.
    pub digest: String,
    /// Identity key → entry, for every entry that names an actor of the corpus or an
    /// organisation such an actor holds a role in.
    pub actors: BTreeMap<String, Entry>,
    /// Organisation name (as the dictionary's roles give it) → identity key.
    pub organizations: BTreeMap<String, String>,
}

/// The country a lexicon name belongs to ("Moscow" → "Russia", "Russian Foreign
/// Ministry" → "Russia"), as a canonical name.
pub fn country_of_name(name: &str) -> Option<String> {
    let lex = lexicon();
    for &(e, form) in lex.lookup(name) {
        let entry = &lex.entries[e];
        if let Some(c) = &entry.country {
            return Some(c.clone());
        }
        if form == Form::Demonym {
            return Some(entry.canonical.clone());
        }
    }
    // "Russian Foreign Ministry": a demonym first.
    let first = name.split_whitespace().next()?;
    lex.lookup(first)
        .iter()
        .find(|(_, f)| *f == Form::Demonym)
        .map(|&(e, _)| lex.entries[e].canonical.clone())
}

/// The identity key of a non-person name: the dictionary entry it names, else its
/// lexicon canonical name, else the name itself.
fn organization_key(name: &str, dict: Option<&Dictionary>) -> String {
    if let Some((d, e)) = dict.and_then(|d| Some((d, d.find(name, false)?))) {
        return d.key(e);
    }
    let lex = lexicon();
    match lex.lookup(name).first() {
        Some(&(e, _)) => super::name_key(&lex.entries[e].canonical),
        None => super::name_key(name),
    }
}

/// The dictionary's facts for the actors it resolved, and for the organisations of
/// their roles.
fn dictionary_facts(d: &Dictionary, actors: &ActorResolution) -> DictionaryFacts {
    let mut facts = DictionaryFacts {
        digest: d.digest.clone(),
        ..Default::default()
    };
    for (key, &e) in &actors.dictionary {
        let entry = &d.entries[e];
        facts.actors.insert(key.clone(), entry.clone());
        for org in entry.roles.iter().filter_map(|r| r.organization.as_ref()) {
            let key = organization_key(org, Some(d));
            if let Some(o) = d.find(org, false) {
                facts.actors.insert(key.clone(), d.entries[o].clone());
            }
            facts.organizations.insert(org.clone(), key);
        }
    }
    facts
}

/// Resolves identity over all records (in place) and returns the corpus view.
pub fn resolve_corpus(records: &mut [Record], base: &str) -> CorpusView {
    resolve_corpus_with(records, base, None)
}

/// Resolves identity over all records (in place), steered by an actor dictionary when
/// given, and returns the corpus view.
pub fn resolve_corpus_with(
    records: &mut [Record],
    base: &str,
    dict: Option<&Dictionary>,
) -> CorpusView {
    records.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    // Statement texts are read beside actor resolution: reading needs no IRIs.
    let (actors, texts) = {
        let records_ref: &[Record] = records;
        rayon::join(
            || resolve_actors(records_ref, dict),
            || read_texts(records_ref),
        )
    };
    let dictionary = dict.map(|d| dictionary_facts(d, &actors));
    // Actor IRIs.
    let mut keys = actors.keys.iter();
    for a in records.iter_mut().flat_map(|r| r.actors.iter_mut()) {
        if let Some(key) = keys.next() {
            if !is_actor_iri(&a.iri, base, key) {
                a.iri = super::actor_iri(base, key);
            }
        }
    }
    let records_ref: &[Record] = records;
    // Meetings and statements depend on the actor IRIs only, not on each other.
    let ((meeting_iris, meetings), (statement_iris, statements)) = rayon::join(
        || {
            let country = countries(records_ref, dict, base);
            resolve_meetings(records_ref, &country, base)
        },
        || resolve_statements(records_ref, &texts, base),
    );
    let mut meeting_iris = meeting_iris.into_iter();
    let mut statement_iris = statement_iris.into_iter();
    for rec in records.iter_mut() {
        for m in &mut rec.meetings {
            if let Some(iri) = meeting_iris.next() {
                m.iri = iri;
            }
        }
        for s in &mut rec.statements {
            if let Some(iri) = statement_iris.next() {
                s.iri = iri;
            }
        }
    }
    CorpusView {
        actors,
        meetings,
        statements,
        dictionary,
        statement_texts: texts,
    }
}

/// Whether `iri` is already [`super::actor_iri`] of `key` (checked without building
/// it when the key needs no escaping, as nearly every key does).
pub(super) fn is_actor_iri(iri: &str, base: &str, key: &str) -> bool {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'));
    if !plain {
        return iri == super::actor_iri(base, key);
    }
    iri.strip_prefix(base)
        .and_then(|rest| rest.strip_prefix("actor/"))
        .is_some_and(|rest| rest == key)
}

/// Actor IRI → the IRI of its country, from every actor name (the last record's
/// actor naming one wins); each distinct name is looked up once.
pub(super) fn countries<'a>(
    records: &'a [Record],
    dict: Option<&Dictionary>,
    base: &str,
) -> FxHashMap<&'a str, String> {
    let mut of_name: FxHashMap<&str, Option<String>> = FxHashMap::default();
    let mut country: FxHashMap<&str, String> = FxHashMap::default();
    for a in records.iter().flat_map(|r| &r.actors) {
        let c = of_name.entry(a.name.as_str()).or_insert_with(|| {
            country_of_name(&a.name).map(|c| {
                let key = match dict.and_then(|d| Some((d, d.find(&c, false)?))) {
                    Some((d, e)) => d.key(e),
                    None => super::name_key(&c),
                };
                super::actor_iri(base, &key)
            })
        });
        if let Some(c) = c {
            country.insert(a.iri.as_str(), c.clone());
        }
    }
    country
}

/// Names meeting clusters (each led by its most specific report) by what that report
/// says: its participants, and its date and place, or for an undated report its
/// weekday, place and mode. Never by article, so a cluster keeps its IRI when more
/// reports join it. Clusters that would share an IRI (two undated meetings of the same
/// people that did not merge) are told apart by a number, in the order of their
/// earliest report.
fn name_meetings(
    mobs: &[MeetingObs],
    clusters: Vec<Vec<usize>>,
    base: &str,
) -> Vec<(String, Vec<usize>)> {
    let mut by_parts: BTreeMap<Vec<String>, Vec<Vec<usize>>> = BTreeMap::new();
    for cluster in clusters {
        by_parts
            .entry(naming_parts(&mobs[cluster[0]]))
            .or_default()
            .push(cluster);
    }
    let mut named = Vec::new();
    for (key, mut same) in by_parts {
        same.sort_by(|a, b| earliest(mobs, a).cmp(earliest(mobs, b)));
        for (n, cluster) in same.into_iter().enumerate() {
            named.push((numbered_meeting_iri(base, &key, n), cluster));
        }
    }
    named
}

/// What names a meeting cluster, from its first (most specific) report: its
/// participants, and its date and place, or for an undated report its weekday, place
/// and mode.
pub(super) fn naming_parts(first: &MeetingObs) -> Vec<String> {
    let parts: Vec<&str> = first.participants.iter().map(String::as_str).collect();
    let joined = parts.join("|");
    let place = first
        .place
        .as_ref()
        .map(|p| p.0.clone())
        .unwrap_or_default();
    match first.start {
        Some(d) => vec![joined, d.to_string(), place],
        None => vec![
            joined,
            String::new(),
            place,
            first.weekday.map(|w| w.to_string()).unwrap_or_default(),
            format!("{:?}", first.mode),
        ],
    }
}

/// The IRI of the `n`-th meeting (from 0) named by `parts` ([`naming_parts`]): the
/// first takes the parts alone, later ones the parts and their number.
pub(super) fn numbered_meeting_iri(base: &str, parts: &[String], n: usize) -> String {
    let mut parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let number = n.to_string();
    if n > 0 {
        parts.push(&number);
    }
    super::meeting_iri(base, &parts)
}

/// The earliest (article, local id) of a cluster's reports.
fn earliest<'a>(mobs: &'a [MeetingObs], cluster: &[usize]) -> &'a (String, String) {
    cluster
        .iter()
        .map(|&i| &mobs[i].at)
        .min()
        .unwrap_or(&mobs[cluster[0]].at)
}

/// Every report's IRI (in record order), and IRI → what the corpus knows of the fact.
type Resolved<T> = (Vec<String>, BTreeMap<String, T>);

/// Clusters and names the meetings of all records (actor IRIs already resolved).
fn resolve_meetings(
    records: &[Record],
    country: &FxHashMap<&str, String>,
    base: &str,
) -> Resolved<MergedMeeting> {
    let country_of = |iri: &str| country.get(iri).cloned();
    let mut mobs = Vec::new();
    for rec in records {
        mobs.extend(meeting_obs(rec, &country_of));
    }
    // Which reports the graph maps as events (the corpus graph names only those).
    let events: Vec<bool> = records
        .iter()
        .flat_map(|r| r.meetings.iter().map(move |m| r.is_event(m)))
        .collect();
    let mut meeting_iris = vec![String::new(); mobs.len()];
    let mut meetings = BTreeMap::new();
    for (iri, cluster) in name_meetings(&mobs, cluster_meetings(&mobs), base) {
        let first = &mobs[cluster[0]];
        let mut merged = MergedMeeting {
            start: first.start.map(|d| d.to_string()),
            end: first.end.map(|d| d.to_string()),
            ..Default::default()
        };
        for &i in &cluster {
            if events.get(i).copied().unwrap_or(true) {
                merged.sources.insert(mobs[i].at.0.clone());
            }
            meeting_iris[i].clone_from(&iri);
        }
        if !merged.sources.is_empty() {
            meetings.insert(iri, merged);
        }
    }
    (meeting_iris, meetings)
}

/// Clusters and names the statements of all records (actor IRIs already resolved).
fn resolve_statements(records: &[Record], texts: &Texts, base: &str) -> Resolved<MergedStatement> {
    let sobs = &observations(records, texts);
    let vocabulary = &texts.vocabulary;
    let mut statement_iris = vec![String::new(); sobs.len()];
    let mut statements = BTreeMap::new();
    for cluster in cluster_statements(sobs) {
        let first = &sobs[cluster[0]];
        let words: Vec<&str> = first
            .words
            .iter()
            .map(|&w| vocabulary[w as usize].as_str())
            .collect();
        let iri = super::statement_iri(
            base,
            &[first.speaker.unwrap_or(first.at.0), &words.join(" ")],
        );
        // Two clusters named alike (an article that repeats a quote makes a second
        // one) are one node in the graph, so their sources go together.
        let merged: &mut MergedStatement = statements.entry(iri.clone()).or_default();
        for &i in &cluster {
            merged.sources.insert(sobs[i].at.0.to_string());
            statement_iris[i].clone_from(&iri);
        }
    }
    (statement_iris, statements)
}

#[cfg(test)]
mod iri_tests {
    use super::*;
    use crate::resolve::{actor_iri, DEFAULT_BASE};

    #[test]
    fn current_actor_iri_is_recognised() {
        let iri = actor_iri(DEFAULT_BASE, "donald-trump");
        assert!(is_actor_iri(&iri, DEFAULT_BASE, "donald-trump"));
        assert!(!is_actor_iri(&iri, DEFAULT_BASE, "donald"));
        assert!(!is_actor_iri(&iri, "http://other/", "donald-trump"));
    }

    #[test]
    fn escaped_or_empty_keys_are_compared_whole() {
        let iri = actor_iri(DEFAULT_BASE, "a b");
        assert!(is_actor_iri(&iri, DEFAULT_BASE, "a b"));
        assert!(is_actor_iri(&actor_iri(DEFAULT_BASE, ""), DEFAULT_BASE, ""));
        assert!(!is_actor_iri(&iri, DEFAULT_BASE, "a-b"));
    }
}
