//! The SPARQL 1.1 Protocol manifest: reading its tests (requests, expected status,
//! expected format and boolean) and running them against `handle`.

use std::path::Path;
use std::time::Duration;

use newsgraph::server::{handle, Request, Response, ServerOptions, ServerState};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput,
};
use oxigraph::store::Store;

use crate::Outcome;

const MF: &str = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const HT: &str = "http://www.w3.org/2011/http#";
const CNT: &str = "http://www.w3.org/2011/content#";
const UT: &str = "http://www.w3.org/2009/sparql/tests/test-update#";
const HTS: &str = "http://www.w3.org/2011/http-statusCodes#";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";

/// The bearer token the runner's writable server expects; the runner adds it to every
/// request because the W3C update tests assume an endpoint that accepts updates.
const TOKEN: &str = "conformance-token";

fn node(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

/// The manifest graph with small accessors.
pub struct Manifest {
    store: Store,
}

impl Manifest {
    /// Loads a Turtle manifest with its file IRI as base.
    pub fn load(path: &Path) -> Result<Self, String> {
        let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let absolute = path
            .canonicalize()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let base = format!("file://{}", absolute.display());
        let store = Store::new().map_err(|e| e.to_string())?;
        let parser = RdfParser::from_format(RdfFormat::Turtle)
            .with_base_iri(base)
            .map_err(|e| e.to_string())?;
        store
            .load_from_slice(parser, &data)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Self { store })
    }

    /// All objects of `subject predicate ?o`.
    pub fn objects(&self, subject: &Term, predicate: &NamedNode) -> Vec<Term> {
        let Some(subject) = as_subject(subject) else {
            return Vec::new();
        };
        self.store
            .quads_for_pattern(Some(subject.as_ref()), Some(predicate.as_ref()), None, None)
            .filter_map(Result::ok)
            .map(|q| q.object)
            .collect()
    }

    /// The one object, if any.
    pub fn object(&self, subject: &Term, predicate: &NamedNode) -> Option<Term> {
        self.objects(subject, predicate).into_iter().next()
    }

    /// A literal object's text.
    pub fn text(&self, subject: &Term, predicate: &NamedNode) -> Option<String> {
        match self.object(subject, predicate)? {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        }
    }

    /// The members of an RDF list, in order.
    pub fn list(&self, head: &Term) -> Vec<Term> {
        let mut out = Vec::new();
        let mut current = head.clone();
        let nil = node(RDF, "nil");
        while current != Term::from(nil.clone()) && out.len() < 10_000 {
            match self.object(&current, &node(RDF, "first")) {
                Some(first) => out.push(first),
                None => break,
            }
            match self.object(&current, &node(RDF, "rest")) {
                Some(rest) => current = rest,
                None => break,
            }
        }
        out
    }

    /// The manifest's entries.
    pub fn entries(&self) -> Vec<Term> {
        let manifest = self
            .store
            .quads_for_pattern(
                None,
                Some(node(RDF, "type").as_ref()),
                Some(node(MF, "Manifest").as_ref().into()),
                None,
            )
            .filter_map(Result::ok)
            .map(|q| Term::from(q.subject))
            .next();
        manifest
            .and_then(|m| self.object(&m, &node(MF, "entries")))
            .map(|head| self.list(&head))
            .unwrap_or_default()
    }
}

fn as_subject(term: &Term) -> Option<oxigraph::model::NamedOrBlankNode> {
    match term {
        Term::NamedNode(n) => Some(n.clone().into()),
        Term::BlankNode(b) => Some(b.clone().into()),
        _ => None,
    }
}

/// A short name for a test IRI (its fragment).
pub fn short_name(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n
            .as_str()
            .rsplit('#')
            .next()
            .unwrap_or(n.as_str())
            .to_owned(),
        other => other.to_string(),
    }
}

/// A state for one test: fresh store with the test's `ut:graphData`; writable (with
/// [`TOKEN`]) for the update tests, read-only (our default) for the others.
fn state_for(manifest: &Manifest, test: &Term) -> Result<ServerState, String> {
    let store = Store::new().map_err(|e| e.to_string())?;
    for data in manifest.objects(test, &node(UT, "graphData")) {
        let Some(Term::NamedNode(file)) = manifest.object(&data, &node(UT, "graph")) else {
            return Err("ut:graphData without ut:graph".into());
        };
        let Some(label) = manifest.text(&data, &node(RDFS, "label")) else {
            return Err("ut:graphData without rdfs:label".into());
        };
        let path = file.as_str().trim_start_matches("file://");
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        let graph = NamedNode::new(label).map_err(|e| e.to_string())?;
        let parser = RdfParser::from_format(RdfFormat::NTriples).with_default_graph(graph);
        store
            .load_from_slice(parser, &bytes)
            .map_err(|e| format!("{path}: {e}"))?;
    }
    let options = ServerOptions {
        timeout: Duration::from_secs(10),
        write_token: short_name(test)
            .contains("update")
            .then(|| TOKEN.to_owned()),
        ..ServerOptions::default()
    };
    Ok(ServerState::new(store, options))
}

/// Builds our request from an `ht:Request`.
fn request_for(manifest: &Manifest, request: &Term, authority: &str) -> Result<Request, String> {
    let path = manifest
        .text(request, &node(HT, "absolutePath"))
        .ok_or("request without ht:absolutePath")?;
    // The route rewrite the manifest asks for: `/sparql/…` is our `/sparql…`.
    let target = match path.strip_prefix("/sparql/") {
        Some(rest) => format!("/sparql{rest}"),
        None => path,
    };
    let method = manifest
        .text(request, &node(HT, "methodName"))
        .ok_or("request without ht:methodName")?;
    let mut ours = Request::new(&method, &target)
        .with_header("host", authority)
        .with_header("authorization", &format!("Bearer {TOKEN}"));
    if let Some(headers) = manifest.object(request, &node(HT, "headers")) {
        for header in manifest.list(&headers) {
            let name = manifest
                .text(&header, &node(HT, "fieldName"))
                .unwrap_or_default();
            let value = manifest
                .text(&header, &node(HT, "fieldValue"))
                .unwrap_or_default();
            ours = ours.with_header(&name, &value);
        }
    }
    if let Some(body) = manifest.object(request, &node(HT, "body")) {
        let chars = manifest
            .text(&body, &node(CNT, "chars"))
            .unwrap_or_default();
        let encoding = manifest
            .text(&body, &node(CNT, "characterEncoding"))
            .unwrap_or_else(|| "UTF-8".into());
        let bytes = if encoding.eq_ignore_ascii_case("UTF-16") {
            let mut bytes = vec![0xFE, 0xFF];
            for unit in chars.encode_utf16() {
                bytes.extend_from_slice(&unit.to_be_bytes());
            }
            bytes
        } else {
            chars.into_bytes()
        };
        ours = ours.with_body(bytes);
    }
    Ok(ours)
}

fn status_matches(status: u16, expected: &[Term]) -> bool {
    expected.iter().any(|e| match e {
        Term::NamedNode(n) => {
            let class = n.as_str().strip_prefix(HTS).unwrap_or("");
            match class {
                "StatusCode2xx" => (200..300).contains(&status),
                "StatusCode3xx" => (300..400).contains(&status),
                "StatusCode4xx" => (400..500).contains(&status),
                "StatusCode5xx" => (500..600).contains(&status),
                _ => false,
            }
        }
        _ => false,
    })
}

/// Checks `mf:expectedFormat` and `mf:expectedBoolean` on a response.
fn check_body(manifest: &Manifest, resp: &Term, response: &Response) -> Result<(), String> {
    let content_type = response.header("content-type").unwrap_or("");
    let media = content_type.split(';').next().unwrap_or("").trim();
    let expected_format = manifest.text(resp, &node(MF, "expectedFormat"));
    let expected_boolean = manifest.text(resp, &node(MF, "expectedBoolean"));
    match expected_format.as_deref() {
        None => Ok(()),
        Some("RDF") => {
            let format = RdfFormat::from_media_type(media)
                .ok_or_else(|| format!("expected RDF, got Content-Type {content_type:?}"))?;
            RdfParser::from_format(format)
                .for_slice(&response.body)
                .collect::<Result<Vec<_>, _>>()
                .map(|_| ())
                .map_err(|e| format!("the RDF answer does not parse: {e}"))
        }
        Some(kind @ ("boolean" | "tabular")) => {
            let format = QueryResultsFormat::from_media_type(media)
                .ok_or_else(|| format!("expected SPARQL results, got {content_type:?}"))?;
            let parsed = QueryResultsParser::from_format(format)
                .for_slice(&response.body)
                .map_err(|e| format!("the results do not parse: {e}"))?;
            match (kind, parsed) {
                ("boolean", SliceQueryResultsParserOutput::Boolean(value)) => {
                    match expected_boolean.as_deref() {
                        Some(expected) if expected != value.to_string() => {
                            Err(format!("expected {expected}, got {value}"))
                        }
                        _ => Ok(()),
                    }
                }
                ("tabular", SliceQueryResultsParserOutput::Solutions(solutions)) => solutions
                    .collect::<Result<Vec<_>, _>>()
                    .map(|_| ())
                    .map_err(|e| format!("the solutions do not parse: {e}")),
                _ => Err(format!("expected {kind} results")),
            }
        }
        Some(other) => Err(format!("unknown mf:expectedFormat {other:?}")),
    }
}

fn run_test(manifest: &Manifest, test: &Term) -> Outcome {
    let state = match state_for(manifest, test) {
        Ok(state) => state,
        Err(e) => return Outcome::Fail(format!("setting up: {e}")),
    };
    let Some(action) = manifest.object(test, &node(MF, "action")) else {
        return Outcome::Fail("no mf:action".into());
    };
    let authority = manifest
        .text(&action, &node(HT, "connectionAuthority"))
        .unwrap_or_else(|| "localhost".into());
    let Some(requests) = manifest.object(&action, &node(HT, "requests")) else {
        return Outcome::Fail("no ht:requests".into());
    };
    for (i, request) in manifest.list(&requests).iter().enumerate() {
        let ours = match request_for(manifest, request, &authority) {
            Ok(r) => r,
            Err(e) => return Outcome::Fail(format!("request {i}: {e}")),
        };
        let response = handle(&state, ours);
        let Some(resp) = manifest.object(request, &node(HT, "resp")) else {
            continue;
        };
        let expected = manifest.objects(&resp, &node(MF, "expectedStatus"));
        if !status_matches(response.status, &expected) {
            return Outcome::Fail(format!(
                "request {i}: status {} not in {:?}; body: {}",
                response.status,
                expected.iter().map(short_name).collect::<Vec<_>>(),
                String::from_utf8_lossy(&response.body).trim()
            ));
        }
        if let Err(e) = check_body(manifest, &resp, &response) {
            return Outcome::Fail(format!("request {i}: {e}"));
        }
    }
    Outcome::Pass
}

/// Runs every test of the protocol manifest.
pub fn run_protocol(path: &Path) -> Result<Vec<(String, Outcome)>, String> {
    let manifest = Manifest::load(path)?;
    let entries = manifest.entries();
    if entries.is_empty() {
        return Err(format!("{}: no mf:entries", path.display()));
    }
    let protocol_test = Term::from(node(MF, "ProtocolTest"));
    Ok(entries
        .iter()
        .map(|test| {
            let name = format!("protocol/{}", short_name(test));
            let types = manifest.objects(test, &node(RDF, "type"));
            let outcome = if types.contains(&protocol_test) {
                run_test(&manifest, test)
            } else {
                Outcome::Skip("not an mf:ProtocolTest".into())
            };
            (name, outcome)
        })
        .collect())
}
