//! The media types the endpoint produces, in our order of preference, and the
//! serializers that write answers into a bounded buffer under a deadline.
//!
//! In: query results or quads; out: bytes, or a [`Response`] error (timeout, too
//! large). It does not choose the format (that is `negotiation`) or run queries.

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{QuadRef, TripleRef};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QuerySolutionIter, QueryTripleIter};

use super::limits::{self, BoundedBuffer, Deadline};
use super::Response;

/// SELECT and ASK answers; the first is the default.
pub const SOLUTION_OFFERS: [(&str, QueryResultsFormat); 7] = [
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
    ("application/json", QueryResultsFormat::Json),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
];

const JSON_LD: RdfFormat = RdfFormat::JsonLd {
    profile: JsonLdProfileSet::empty(),
};

/// CONSTRUCT, DESCRIBE, service description and Graph Store answers; the first is the
/// default.
pub const GRAPH_OFFERS: [(&str, RdfFormat); 10] = [
    ("text/turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("application/rdf+xml", RdfFormat::RdfXml),
    ("application/ld+json", JSON_LD),
    ("application/trig", RdfFormat::TriG),
    ("application/n-quads", RdfFormat::NQuads),
    ("application/x-turtle", RdfFormat::Turtle),
    ("text/plain", RdfFormat::NTriples),
    ("application/xml", RdfFormat::RdfXml),
    ("application/json", JSON_LD),
];

/// Whole-dataset answers (quads): TriG first.
pub const DATASET_OFFERS: [(&str, RdfFormat); 3] = [
    ("application/trig", RdfFormat::TriG),
    ("application/n-quads", RdfFormat::NQuads),
    ("text/plain", RdfFormat::NQuads),
];

/// The `format=`/`output=` short names some clients send instead of `Accept`.
pub fn media_for_short_name(name: &str) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "json" | "srj" => "application/sparql-results+json, application/ld+json;q=0.9",
        "xml" | "srx" => "application/sparql-results+xml, application/rdf+xml;q=0.9",
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "turtle" | "ttl" => "text/turtle",
        "ntriples" | "nt" => "application/n-triples",
        "rdfxml" | "rdf" => "application/rdf+xml",
        "jsonld" => "application/ld+json",
        "trig" => "application/trig",
        "nquads" | "nq" => "application/n-quads",
        _ => return None,
    })
}

/// The 406 answer listing what we can produce.
pub fn not_acceptable(offers: &[&str]) -> Response {
    Response::text(
        406,
        format_args!(
            "none of the media types in Accept can be produced here; available: {}",
            offers.join(", ")
        ),
    )
}

/// Prefixes written in Turtle and TriG answers (they only shorten the output).
pub const PREFIXES: [(&str, &str); 14] = [
    ("dcterms", "http://purl.org/dc/terms/"),
    ("ng", "https://newsgraph.example/ontology#"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("schema", "http://schema.org/"),
    ("sd", "http://www.w3.org/ns/sparql-service-description#"),
    ("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("time", "http://www.w3.org/2006/time#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// An RDF serializer for `format` with our prefixes where the format has them.
pub fn rdf_serializer(format: RdfFormat) -> RdfSerializer {
    let mut serializer = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG) {
        for (name, iri) in PREFIXES {
            serializer = match serializer.clone().with_prefix(name, iri) {
                Ok(with) => with,
                Err(_) => serializer,
            };
        }
    }
    serializer
}

/// Maps an evaluation error met while iterating to the right answer.
pub fn evaluation_error(error: QueryEvaluationError, deadline: &Deadline) -> Response {
    match error {
        QueryEvaluationError::Cancelled => deadline.timeout_response(),
        QueryEvaluationError::UnsupportedService(name) => Response::text(
            400,
            format_args!(
                "SERVICE {name} refused: this endpoint makes no outbound requests (federated \
                 queries are disabled)"
            ),
        ),
        other => Response::text(500, format_args!("query evaluation failed: {other}")),
    }
}

fn write_error(error: std::io::Error, max: usize) -> Response {
    if limits::is_too_large(&error) {
        limits::response_too_large(max)
    } else {
        Response::text(500, format_args!("could not write the answer: {error}"))
    }
}

/// Serializes solutions fully; any error or the deadline gives an error answer.
pub fn solutions(
    solutions: QuerySolutionIter<'_>,
    format: QueryResultsFormat,
    deadline: &Deadline,
    max: usize,
) -> Result<Vec<u8>, Response> {
    let serializer = QueryResultsSerializer::from_format(format);
    let mut writer = serializer
        .serialize_solutions_to_writer(BoundedBuffer::new(max), solutions.variables().to_vec())
        .map_err(|e| write_error(e, max))?;
    for solution in solutions {
        let solution = solution.map_err(|e| evaluation_error(e, deadline))?;
        if deadline.passed() {
            return Err(deadline.timeout_response());
        }
        writer
            .serialize(&solution)
            .map_err(|e| write_error(e, max))?;
    }
    writer
        .finish()
        .map(|buffer| buffer.bytes)
        .map_err(|e| write_error(e, max))
}

/// Serializes an ASK answer.
pub fn boolean(value: bool, format: QueryResultsFormat) -> Result<Vec<u8>, Response> {
    QueryResultsSerializer::from_format(format)
        .serialize_boolean_to_writer(Vec::new(), value)
        .map_err(|e| write_error(e, 0))
}

/// Serializes CONSTRUCT/DESCRIBE triples fully.
pub fn triples(
    triples: QueryTripleIter<'_>,
    format: RdfFormat,
    deadline: &Deadline,
    max: usize,
) -> Result<Vec<u8>, Response> {
    let mut writer = rdf_serializer(format).for_writer(BoundedBuffer::new(max));
    for triple in triples {
        let triple = triple.map_err(|e| evaluation_error(e, deadline))?;
        if deadline.passed() {
            return Err(deadline.timeout_response());
        }
        writer
            .serialize_triple(TripleRef::from(&triple))
            .map_err(|e| write_error(e, max))?;
    }
    writer
        .finish()
        .map(|buffer| buffer.bytes)
        .map_err(|e| write_error(e, max))
}

/// Serializes quads (Graph Store and dataset answers); in a triple format the graph
/// name is dropped by the caller.
pub fn quads<'a>(
    quads: impl Iterator<Item = QuadRef<'a>>,
    format: RdfFormat,
    deadline: &Deadline,
    max: usize,
) -> Result<Vec<u8>, Response> {
    let mut writer = rdf_serializer(format).for_writer(BoundedBuffer::new(max));
    for quad in quads {
        if deadline.passed() {
            return Err(deadline.timeout_response());
        }
        let written = if format.supports_datasets() {
            writer.serialize_quad(quad)
        } else {
            writer.serialize_triple(TripleRef::from(quad))
        };
        written.map_err(|e| write_error(e, max))?;
    }
    writer
        .finish()
        .map(|buffer| buffer.bytes)
        .map_err(|e| write_error(e, max))
}

/// The `Content-Type` value for an RDF answer.
pub fn rdf_content_type(format: RdfFormat) -> String {
    let media = format.media_type();
    if (media.starts_with("text/") || media == "application/n-triples")
        && !media.contains("charset")
    {
        format!("{media}; charset=utf-8")
    } else {
        media.to_owned()
    }
}

/// The `Content-Type` value for a results answer.
pub fn results_content_type(format: QueryResultsFormat) -> String {
    let media = format.media_type();
    if media.starts_with("text/") && !media.contains("charset") {
        format!("{media}; charset=utf-8")
    } else {
        media.to_owned()
    }
}
