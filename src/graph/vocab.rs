//! The ontology's terms as constants, one module per vocabulary, mirroring
//! `ontology/newsgraph.ttl`. Every constant here must be declared in that file with a
//! label and a comment (a unit test checks it).
//!
//! This module only names terms; it builds no triples.

use oxigraph::model::NamedNodeRef;

/// Defines a vocabulary module: its namespace, its terms as constants, and `ALL`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $module:ident, $ns:literal, { $($(#[$tmeta:meta])* $name:ident = $local:literal,)* }) => {
        $(#[$meta])*
        pub mod $module {
            use super::NamedNodeRef;
            /// The namespace IRI.
            pub const NS: &str = $ns;
            $(
                $(#[$tmeta])*
                pub const $name: NamedNodeRef<'static> =
                    NamedNodeRef::new_unchecked(concat!($ns, $local));
            )*
            /// Every term of this module, for checks against the ontology.
            pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
        }
    };
}

vocabulary!(
    /// Our own terms: `https://w3id.org/newsgraph/ontology#` (prefix `ng:`).
    ng, "https://w3id.org/newsgraph/ontology#", {
    /// Confidence of an annotation's fact, 0 to 1 (`xsd:decimal`).
    CONFIDENCE = "confidence",
    /// How many independent articles report a meeting or statement (`xsd:integer`).
    SOURCE_COUNT = "sourceCount",
    /// The temporal expression as written.
    DATE_TEXT = "dateText",
    /// A meeting's mode (a concept of [`MEETING_MODE_SCHEME`]).
    MEETING_MODE = "meetingMode",
    /// The meeting-mode concept scheme.
    MEETING_MODE_SCHEME = "MeetingModeScheme",
    /// Mode: face to face.
    IN_PERSON = "InPerson",
    /// Mode: by telephone.
    PHONE = "Phone",
    /// Mode: by video link.
    VIDEO = "Video",
    /// Mode: a visit.
    VISIT = "Visit",
    /// Mode: not stated.
    UNKNOWN_MODE = "UnknownMode",
    /// The PLOVER CONSULT mode of a meeting-mode concept.
    PLOVER_MODE = "ploverMode",
    /// A statement's speech kind (a concept of [`SPEECH_KIND_SCHEME`]).
    SPEECH_KIND = "speechKind",
    /// The speech-kind concept scheme.
    SPEECH_KIND_SCHEME = "SpeechKindScheme",
    /// Speech kind: a direct quotation.
    DIRECT_SPEECH = "DirectSpeech",
    /// Speech kind: reported speech.
    INDIRECT_SPEECH = "IndirectSpeech",
    /// Speech kind: reported speech with a quoted part.
    MIXED_SPEECH = "MixedSpeech",
    /// The cue (reporting verb or phrase) of a statement.
    CUE = "cue",
    /// The actor dictionary an ingest used (a `prov:Entity`).
    ACTOR_DICTIONARY = "ActorDictionary",
});

vocabulary!(
    /// schema.org (`http://schema.org/`).
    schema, "http://schema.org/", {
    /// An article.
    NEWS_ARTICLE = "NewsArticle",
    /// A person.
    PERSON = "Person",
    /// An organisation or group.
    ORGANIZATION = "Organization",
    /// A country.
    COUNTRY = "Country",
    /// A city, region or venue.
    PLACE = "Place",
    /// A meeting (with `sem:Event`).
    EVENT = "Event",
    /// A statement.
    QUOTATION = "Quotation",
    /// Article headline.
    HEADLINE = "headline",
    /// Article date.
    DATE_PUBLISHED = "datePublished",
    /// Article address.
    URL = "url",
    /// Article id.
    IDENTIFIER = "identifier",
    /// Article mentions actor.
    MENTIONS = "mentions",
    /// Actor name.
    NAME = "name",
    /// Actor alias.
    ALTERNATE_NAME = "alternateName",
    /// An outside identifier of an actor (from the actor dictionary).
    SAME_AS = "sameAs",
    /// Meeting participant.
    ATTENDEE = "attendee",
    /// Meeting place.
    LOCATION = "location",
    /// Offline / online.
    EVENT_ATTENDANCE_MODE = "eventAttendanceMode",
    /// In person.
    OFFLINE_EVENT_ATTENDANCE_MODE = "OfflineEventAttendanceMode",
    /// Online.
    ONLINE_EVENT_ATTENDANCE_MODE = "OnlineEventAttendanceMode",
    /// The class of attendance modes.
    EVENT_ATTENDANCE_MODE_ENUMERATION = "EventAttendanceModeEnumeration",
    /// Statement speaker.
    SPOKEN_BY_CHARACTER = "spokenByCharacter",
    /// Statement content.
    TEXT = "text",
    /// Statement day.
    DATE_CREATED = "dateCreated",
    /// Version of a software agent.
    SOFTWARE_VERSION = "softwareVersion",
});

vocabulary!(
    /// Simple Event Model (`http://semanticweb.cs.vu.nl/2009/11/sem/`).
    sem, "http://semanticweb.cs.vu.nl/2009/11/sem/", {
    /// An actor.
    ACTOR = "Actor",
    /// A place.
    PLACE = "Place",
    /// An event.
    EVENT = "Event",
    /// Event participant.
    HAS_ACTOR = "hasActor",
    /// Event place.
    HAS_PLACE = "hasPlace",
    /// First possible day.
    HAS_EARLIEST_BEGIN_TIME_STAMP = "hasEarliestBeginTimeStamp",
    /// Last possible day.
    HAS_LATEST_END_TIME_STAMP = "hasLatestEndTimeStamp",
});

vocabulary!(
    /// PROV-O (`http://www.w3.org/ns/prov#`).
    prov, "http://www.w3.org/ns/prov#", {
    /// An entity (articles).
    ENTITY = "Entity",
    /// An activity (extraction by one version).
    ACTIVITY = "Activity",
    /// A software agent.
    SOFTWARE_AGENT = "SoftwareAgent",
    /// Derived from an article.
    WAS_DERIVED_FROM = "wasDerivedFrom",
    /// Generated by an activity.
    WAS_GENERATED_BY = "wasGeneratedBy",
    /// Activity run by an agent.
    WAS_ASSOCIATED_WITH = "wasAssociatedWith",
});

vocabulary!(
    /// W3C Organization Ontology (`http://www.w3.org/ns/org#`).
    org, "http://www.w3.org/ns/org#", {
    /// A membership.
    MEMBERSHIP = "Membership",
    /// A role.
    ROLE_CLASS = "Role",
    /// Who holds the role.
    MEMBER = "member",
    /// In which organisation.
    ORGANIZATION = "organization",
    /// Which role.
    ROLE = "role",
    /// When.
    MEMBER_DURING = "memberDuring",
});

vocabulary!(
    /// OWL-Time (`http://www.w3.org/2006/time#`).
    time, "http://www.w3.org/2006/time#", {
    /// An interval.
    INTERVAL = "Interval",
    /// An instant.
    INSTANT = "Instant",
    /// Interval start.
    HAS_BEGINNING = "hasBeginning",
    /// Interval end.
    HAS_END = "hasEnd",
    /// Day of an instant.
    IN_XSD_DATE = "inXSDDate",
    /// Precision of a date.
    UNIT_TYPE = "unitType",
    /// Unit: day.
    UNIT_DAY = "unitDay",
    /// Unit: week.
    UNIT_WEEK = "unitWeek",
    /// Unit: month.
    UNIT_MONTH = "unitMonth",
    /// Unit: year.
    UNIT_YEAR = "unitYear",
});

vocabulary!(
    /// Web Annotation (`http://www.w3.org/ns/oa#`).
    oa, "http://www.w3.org/ns/oa#", {
    /// An annotation.
    ANNOTATION = "Annotation",
    /// A part of a source.
    SPECIFIC_RESOURCE = "SpecificResource",
    /// Offsets selector.
    TEXT_POSITION_SELECTOR = "TextPositionSelector",
    /// Exact-text selector.
    TEXT_QUOTE_SELECTOR = "TextQuoteSelector",
    /// The fact.
    HAS_BODY = "hasBody",
    /// The span.
    HAS_TARGET = "hasTarget",
    /// The article.
    HAS_SOURCE = "hasSource",
    /// A selector.
    HAS_SELECTOR = "hasSelector",
    /// Start offset.
    START = "start",
    /// End offset.
    END = "end",
    /// Exact text.
    EXACT = "exact",
});

vocabulary!(
    /// DCMI Terms (`http://purl.org/dc/terms/`).
    dcterms, "http://purl.org/dc/terms/", {
    /// The body hash of an article.
    IDENTIFIER = "identifier",
});

vocabulary!(
    /// SKOS (`http://www.w3.org/2004/02/skos/core#`).
    skos, "http://www.w3.org/2004/02/skos/core#", {
    /// A concept.
    CONCEPT = "Concept",
    /// Preferred label.
    PREF_LABEL = "prefLabel",
});

vocabulary!(
    /// RDF Schema (`http://www.w3.org/2000/01/rdf-schema#`).
    rdfs, "http://www.w3.org/2000/01/rdf-schema#", {
    /// A label.
    LABEL = "label",
});

/// `rdf:type`.
pub const RDF_TYPE: NamedNodeRef<'static> = oxigraph::model::vocab::rdf::TYPE;

/// The prefixes used when writing Turtle and friends, and in the listings' queries.
/// The `ngid:` family names the default IRI namespace ([`crate::resolve::DEFAULT_BASE`])
/// and its folders, so that exported Turtle reads `actor:mikhail-bogdanov`.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dcterms", dcterms::NS),
    ("ng", ng::NS),
    ("ngid", "https://w3id.org/newsgraph/id/"),
    ("actor", "https://w3id.org/newsgraph/id/actor/"),
    ("annotation", "https://w3id.org/newsgraph/id/annotation/"),
    ("article", "https://w3id.org/newsgraph/id/article/"),
    ("day", "https://w3id.org/newsgraph/id/time/"),
    ("meeting", "https://w3id.org/newsgraph/id/meeting/"),
    ("membership", "https://w3id.org/newsgraph/id/membership/"),
    ("role", "https://w3id.org/newsgraph/id/role/"),
    ("statement", "https://w3id.org/newsgraph/id/statement/"),
    ("oa", oa::NS),
    ("org", org::NS),
    ("prov", prov::NS),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", rdfs::NS),
    ("schema", schema::NS),
    ("sem", sem::NS),
    ("skos", skos::NS),
    ("time", time::NS),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// Every term newsgraph writes, from every vocabulary module.
pub fn all_terms() -> Vec<NamedNodeRef<'static>> {
    [
        ng::ALL,
        schema::ALL,
        sem::ALL,
        prov::ALL,
        org::ALL,
        time::ALL,
        oa::ALL,
        dcterms::ALL,
        skos::ALL,
        rdfs::ALL,
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{NamedOrBlankNode, Term};
    use std::collections::BTreeSet;

    const ONTOLOGY: &str = include_str!("../../ontology/newsgraph.ttl");

    fn described(property: NamedNodeRef<'_>) -> BTreeSet<String> {
        RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ONTOLOGY.as_bytes())
            .filter_map(Result::ok)
            .filter(|q| q.predicate.as_ref() == property && matches!(q.object, Term::Literal(_)))
            .filter_map(|q| match q.subject {
                NamedOrBlankNode::NamedNode(n) => Some(n.into_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn ontology_parses() {
        let errors: Vec<_> = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ONTOLOGY.as_bytes())
            .filter_map(Result::err)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn every_term_has_label_and_comment_in_ontology() {
        let labelled = described(rdfs::LABEL);
        let commented = described(NamedNodeRef::new_unchecked(
            "http://www.w3.org/2000/01/rdf-schema#comment",
        ));
        let missing: Vec<&str> = all_terms()
            .into_iter()
            .map(|t| t.as_str())
            .filter(|t| !labelled.contains(*t) || !commented.contains(*t))
            .collect();
        assert!(missing.is_empty(), "not declared: {missing:?}");
    }

    #[test]
    fn id_prefixes_live_under_the_default_base() {
        let ours = PREFIXES
            .iter()
            .filter(|(_, iri)| iri.starts_with("https://w3id.org/newsgraph/id"));
        let mut n = 0;
        for (p, iri) in ours {
            assert!(iri.starts_with(crate::resolve::DEFAULT_BASE), "{p}");
            n += 1;
        }
        assert_eq!(n, 9);
    }

    #[test]
    fn terms_are_valid_iris() {
        for t in all_terms() {
            assert!(oxigraph::model::NamedNode::new(t.as_str()).is_ok(), "{t}");
        }
    }
}
