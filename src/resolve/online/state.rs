//! The cluster state online resolution places new facts into: every published actor,
//! meeting and statement cluster, reduced to what placing a new report needs (distinct
//! names, distinct reports, source counts), so that its size grows with the distinct
//! content of the corpus, not with the number of articles that repeat it.
//!
//! [`build`] makes the state from resolved records (after a batch resolution, which
//! reads every record anyway). This module decides no identity (that is `place`) and
//! does no I/O (the store keeps the state beside the resolution index).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::super::actors::countries_of;
use super::super::corpus::{countries, CorpusView};
use super::super::events::{meeting_obs, meeting_order, same_report, MeetingObs};
use super::super::names::fold_tokens;
use super::super::published::actor_key;
use super::super::statements::text_words;
use crate::extract::{ActorKind, Record};
use crate::nlp::fxhash::FxHashMap;

/// Bumped whenever the state's layout or meaning changes: a state of another format is
/// not trusted (the next ingest resolves in batch and writes a new one).
pub const FORMAT: u32 = 1;

/// A person cluster: the folded names that joined it, its countries, and how many
/// articles name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonCluster {
    /// Identity key (the actor IRI's last segment).
    pub key: String,
    /// Every distinct folded name (words joined by a space), sorted.
    pub forms: BTreeSet<String>,
    /// Country keys its members' roles name.
    pub countries: BTreeSet<String>,
    /// Articles that name it.
    pub articles: usize,
    /// Spelling → reports, for its display name.
    pub spellings: BTreeMap<String, usize>,
}

/// What the corpus graph says of an actor: display name and every spelling.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ActorNames {
    /// `skos:prefLabel`.
    pub label: String,
    /// Every spelling seen (`schema:alternateName`, except the label).
    pub spellings: BTreeSet<String>,
}

/// A meeting cluster: its IRI and one report per distinct thing said of it, the most
/// specific first (`events::meeting_order`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingCluster {
    /// Meeting IRI.
    pub iri: String,
    /// Distinct reports (`events::same_report`), the first the most specific.
    pub variants: Vec<MeetingObs>,
}

/// A statement cluster: its IRI, speaker and distinct wordings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementCluster {
    /// Statement IRI.
    pub iri: String,
    /// Speaker IRI (`None`: an unattributed statement, which never joins another).
    pub speaker: Option<String>,
    /// Distinct wordings: content words in byte order joined by a space, and whether
    /// negated. The first has the most words.
    pub variants: Vec<(String, bool)>,
}

/// Every published cluster, and what the corpus graph says of each.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct State {
    /// [`FORMAT`].
    pub format: u32,
    /// The IRI base the clusters were minted under.
    pub base: String,
    /// Articles resolved into it.
    pub articles: usize,
    /// Person clusters, by key.
    pub people: Vec<PersonCluster>,
    /// Actor key → names, for every actor (people, organisations, places, groups).
    pub actors: BTreeMap<String, ActorNames>,
    /// Meeting clusters, most specific first report first (`meeting_order`).
    pub meetings: Vec<MeetingCluster>,
    /// Meeting IRI → articles whose events report it (`ng:sourceCount`).
    pub meeting_sources: BTreeMap<String, usize>,
    /// Statement clusters, longest first wording first.
    pub statements: Vec<StatementCluster>,
    /// Statement IRI → articles that report it.
    pub statement_sources: BTreeMap<String, usize>,
}

/// A statement's wording while the state is built: (`usize::MAX` − word count, words
/// joined by a space, negated), so that the longest sorts first.
type Wording = (usize, String, bool);

/// The state of resolved records (IRIs final) and their corpus view.
pub fn build(records: &[Record], view: &CorpusView, base: &str) -> State {
    // Three independent passes over the records, on whichever cores are free.
    let (people, (meetings, statements)) = rayon::join(
        || build_people(records, view, base),
        || {
            rayon::join(
                || build_meetings(records, view, base),
                || build_statements(records, view),
            )
        },
    );
    State {
        format: FORMAT,
        base: base.to_string(),
        articles: records.len(),
        people: people.people,
        actors: people.actors,
        meetings: meetings.meetings,
        meeting_sources: meetings.meeting_sources,
        statements: statements.statements,
        statement_sources: statements.statement_sources,
    }
}

/// The people and actor names of a [`State`] (its other fields left empty).
fn build_people(records: &[Record], view: &CorpusView, base: &str) -> State {
    let mut out = State::default();
    // People, by final IRI (one key each).
    let mut people: BTreeMap<&str, (PersonCluster, BTreeSet<&str>)> = BTreeMap::new();
    // Each distinct name is folded once (copies of an article repeat its names).
    let mut folds: FxHashMap<&str, String> = FxHashMap::default();
    for rec in records {
        for a in rec.actors.iter().filter(|a| a.kind == ActorKind::Person) {
            let folded = folds
                .entry(a.name.as_str())
                .or_insert_with(|| fold_tokens(&a.name).join(" "));
            if folded.is_empty() {
                continue;
            }
            let (c, arts) = people.entry(a.iri.as_str()).or_insert_with(|| {
                (
                    PersonCluster {
                        key: actor_key(base, &a.iri, ""),
                        forms: BTreeSet::new(),
                        countries: BTreeSet::new(),
                        articles: 0,
                        spellings: BTreeMap::new(),
                    },
                    BTreeSet::new(),
                )
            });
            if !c.forms.contains(folded.as_str()) {
                c.forms.insert(folded.clone());
            }
            if a.roles.iter().any(|r| r.of.is_some()) {
                c.countries.extend(countries_of(rec, a));
            }
            match c.spellings.get_mut(&a.name) {
                Some(n) => *n += 1,
                None => {
                    c.spellings.insert(a.name.clone(), 1);
                }
            }
            arts.insert(rec.article.id.as_str());
        }
    }
    out.people = people
        .into_values()
        .map(|(mut c, arts)| {
            c.articles = arts.len();
            c
        })
        .collect();
    for (key, label) in &view.actors.name {
        out.actors.insert(
            key.clone(),
            ActorNames {
                label: label.clone(),
                spellings: view.actors.spellings.get(key).cloned().unwrap_or_default(),
            },
        );
    }
    out
}

/// The meetings of a [`State`] (its other fields left empty).
fn build_meetings(records: &[Record], view: &CorpusView, base: &str) -> State {
    let mut out = State::default();
    // Meetings, by final IRI.
    let country = countries(records, None, base);
    let country_of = |iri: &str| country.get(iri).cloned();
    let mut meetings: BTreeMap<String, Vec<MeetingObs>> = BTreeMap::new();
    for rec in records {
        for (m, obs) in rec.meetings.iter().zip(meeting_obs(rec, &country_of)) {
            meetings.entry(m.iri.clone()).or_default().push(obs);
        }
    }
    let mut clusters: Vec<MeetingCluster> = meetings
        .into_iter()
        .map(|(iri, mut obs)| {
            obs.sort_by(meeting_order);
            let mut variants: Vec<MeetingObs> = Vec::new();
            for o in obs {
                if !variants.iter().any(|v| same_report(v, &o)) {
                    variants.push(o);
                }
            }
            MeetingCluster { iri, variants }
        })
        .collect();
    clusters.sort_by(|a, b| meeting_order(&a.variants[0], &b.variants[0]));
    out.meetings = clusters;
    out.meeting_sources = view
        .meetings
        .iter()
        .map(|(iri, m)| (iri.clone(), m.sources.len()))
        .collect();
    out
}

/// The statements of a [`State`] (its other fields left empty).
fn build_statements(records: &[Record], view: &CorpusView) -> State {
    let mut out = State::default();
    // Statements, by final IRI and speaker: their texts' places in `texts`.
    let mut said: FxHashMap<(&str, Option<&str>), Vec<usize>> = FxHashMap::default();
    // Each distinct text is read once (copies of an article repeat its quotes).
    let mut place: FxHashMap<&str, usize> = FxHashMap::default();
    let mut texts: Vec<Wording> = Vec::new();
    for rec in records {
        for s in &rec.statements {
            let speaker = s.speaker.as_deref().and_then(|local| rec.actor_iri(local));
            let t = *place.entry(s.content.text.as_str()).or_insert_with(|| {
                // Resolution read each text already; a view made otherwise reads it.
                let (n, words, neg) = view
                    .statement_texts
                    .wording(&s.content.text)
                    .unwrap_or_else(|| {
                        let (w, neg) = text_words(&s.content.text);
                        (w.len(), w.join(" "), neg)
                    });
                // Longest first: the reverse word count sorts first.
                texts.push((usize::MAX - n, words, neg));
                texts.len() - 1
            });
            said.entry((s.iri.as_str(), speaker)).or_default().push(t);
        }
    }
    let said: BTreeMap<(&str, Option<&str>), BTreeSet<&Wording>> = said
        .into_iter()
        .map(|(k, ts)| (k, ts.into_iter().map(|t| &texts[t]).collect()))
        .collect();
    let mut statements: Vec<(usize, StatementCluster)> = said
        .into_iter()
        .map(|((iri, speaker), variants)| {
            let longest = variants.first().map_or(0, |v| usize::MAX - v.0);
            let variants = variants
                .into_iter()
                .map(|(_, w, neg)| (w.clone(), *neg))
                .collect();
            (
                longest,
                StatementCluster {
                    iri: iri.to_string(),
                    speaker: speaker.map(String::from),
                    variants,
                },
            )
        })
        .collect();
    statements.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.variants.cmp(&b.1.variants)));
    out.statements = statements.into_iter().map(|(_, c)| c).collect();
    out.statement_sources = view
        .statements
        .iter()
        .map(|(iri, s)| (iri.clone(), s.sources.len()))
        .collect();
    out
}
