//! The extraction record: the one intermediate form between the extractor and
//! everything after it (RDF mapping, evaluation, debugging), written by
//! `newsgraph extract` as JSON Lines. See `../shared/design/extraction-format.md`.
//!
//! This is a stable interface that outside tools score: add fields freely, never
//! rename or drop one. Every span counts **characters** (Unicode scalar values) into
//! the article body, and `text` is exactly `body[start..end]`.

use serde::{Deserialize, Serialize};

/// One article's extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The article the record is about.
    pub article: ArticleInfo,
    /// Actors mentioned in the article.
    pub actors: Vec<ActorRecord>,
    /// Meetings the article reports.
    pub meetings: Vec<MeetingRecord>,
    /// Statements the article reports.
    pub statements: Vec<StatementRecord>,
}

impl Record {
    /// The IRI of the actor this record calls `local` (its local id), if any.
    pub fn actor_iri(&self, local: &str) -> Option<&str> {
        self.actors
            .iter()
            .find(|a| a.id == local)
            .map(|a| a.iri.as_str())
    }

    /// Whether meeting `m` of this record is an event in the graph: it needs two
    /// attendees that are not places, by IRI (a visit to a city with no one named
    /// there is kept in the record, where the annotation guidelines count the host
    /// city, but is no event in the graph). Graph mapping and corpus resolution both ask.
    pub fn is_event(&self, m: &MeetingRecord) -> bool {
        let attendees: std::collections::BTreeSet<&str> = m
            .participants
            .iter()
            .filter_map(|p| self.actors.iter().find(|a| &a.id == p))
            .filter(|a| a.kind != ActorKind::Place)
            .map(|a| a.iri.as_str())
            .collect();
        attendees.len() >= 2
    }
}

/// The article part of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// The article id (JSON Lines `id`, or file name without extension).
    pub id: String,
    /// The article's IRI in the graph.
    pub iri: String,
    /// Publication date as `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Headline, if known.
    pub title: Option<String>,
    /// Where it was read from.
    pub source: String,
    /// Web address, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// SHA-256 (hex) of the body text the offsets refer to.
    #[serde(default)]
    pub hash: String,
    /// Length of the body in characters.
    #[serde(default)]
    pub length: usize,
}

/// A character span of the body with its exact text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    /// First character (inclusive), counted in Unicode scalar values.
    pub start: usize,
    /// Last character (exclusive).
    pub end: usize,
    /// Exactly `body[start..end]`.
    pub text: String,
}

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// An organisation: government body, party, company, agency, armed group.
    Organization,
    /// A country or state.
    Country,
    /// A city, region or venue.
    Place,
    /// A collective: "a Hamas delegation", "Russian officials".
    Group,
}

/// A role held by an actor, as the article states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RoleRecord {
    /// The title as a normalised phrase, e.g. "Foreign Minister".
    pub title: String,
    /// The local id of the actor the role is held in (e.g. the country), if stated.
    pub of: Option<String>,
}

/// One actor of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// Local id, e.g. `a1`.
    pub id: String,
    /// Global IRI, the same in every article for the same actor.
    pub iri: String,
    /// The fullest name the article gives.
    pub name: String,
    /// Person, organisation, country, place or group.
    pub kind: ActorKind,
    /// The other names used for it in the article (sorted, without `name`).
    pub aliases: Vec<String>,
    /// Roles stated in the article.
    pub roles: Vec<RoleRecord>,
    /// Every mention, in text order (pronouns included).
    pub mentions: Vec<TextSpan>,
}

/// How a meeting took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingMode {
    /// Face to face.
    InPerson,
    /// By telephone.
    Phone,
    /// By video link.
    Video,
    /// A visit: the visitor travelled to the host.
    Visit,
    /// Not stated.
    Unknown,
}

/// A date or range as resolved from the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateRecord {
    /// First day (`YYYY-MM-DD`), or null when unknown.
    pub start: Option<String>,
    /// Last day, equal to `start` for a single day.
    pub end: Option<String>,
    /// The temporal expression as written.
    pub text: Option<String>,
}

/// A meeting the article reports as having happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRecord {
    /// Local id, e.g. `m1`.
    pub id: String,
    /// Global IRI.
    pub iri: String,
    /// Local actor ids of every participant.
    pub participants: Vec<String>,
    /// In person, phone, video, visit, or unknown.
    pub mode: MeetingMode,
    /// Local actor id of the place, if stated.
    pub place: Option<String>,
    /// When it happened.
    pub date: DateRecord,
    /// The clause that reports it.
    pub evidence: TextSpan,
    /// The word or phrase that signals the meeting ("met", "held a phone call").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<TextSpan>,
    /// How sure the extractor is, from 0 to 1.
    pub confidence: f64,
}

/// Direct quotation, reported speech, or a mix of both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// A quotation in quote marks.
    Direct,
    /// Reported speech: "X said that …".
    Indirect,
    /// Reported speech with a quoted part.
    Mixed,
}

/// A statement the article attributes to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementRecord {
    /// Local id, e.g. `s1`.
    pub id: String,
    /// Global IRI.
    pub iri: String,
    /// Local actor id of the speaker, if resolved.
    pub speaker: Option<String>,
    /// Where the text expresses the speaker for this statement ("he", "Zakharova").
    pub speaker_mention: Option<TextSpan>,
    /// The reporting verb or phrase ("told", "according to").
    pub cue: Option<TextSpan>,
    /// The content: the quotation with its marks, or the reported clause.
    pub content: TextSpan,
    /// Direct, indirect or mixed.
    pub kind: StatementKind,
    /// When it was said, if stated.
    pub date: DateRecord,
    /// The sentence(s) that carry the statement.
    pub evidence: TextSpan,
    /// How sure the extractor is, from 0 to 1.
    pub confidence: f64,
}
