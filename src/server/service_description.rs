//! The SPARQL 1.1 Service Description, answered on a GET of the endpoint without a
//! query: what the endpoint is, which languages, formats and features it supports.
//!
//! In: the request (its `Host`, path and `Accept`); out: the description in Turtle or
//! another negotiated RDF format, or a 303 to the explorer for a browser. It does not
//! list the article graphs one by one (there may be many; query them instead).

use oxigraph::model::vocab::rdf;
use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use super::formats::{self, GRAPH_OFFERS};
use super::limits::Deadline;
use super::negotiation;
use super::{Request, Response, ServerState};

const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
const FORMATS: &str = "http://www.w3.org/ns/formats/";
const VOID_TRIPLES: &str = "http://rdfs.org/ns/void#triples";

fn sd(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SD}{local}"))
}

/// The endpoint IRI as the client addressed it (`http://<Host><path>`).
pub fn endpoint_iri(request: &Request) -> NamedNode {
    let host = request.header("host").unwrap_or("localhost");
    NamedNode::new(format!("http://{host}{}", request.path()))
        .unwrap_or_else(|_| NamedNode::new_unchecked("http://localhost/sparql"))
}

/// The description as triples (deterministic blank node labels).
pub fn triples(
    state: &ServerState,
    endpoint: &NamedNode,
) -> Vec<(NamedOrBlankNode, NamedNode, Term)> {
    let service = NamedOrBlankNode::from(endpoint.clone());
    let dataset = BlankNode::new_unchecked("dataset");
    let default_graph = BlankNode::new_unchecked("defaultGraph");
    let mut out: Vec<(NamedOrBlankNode, NamedNode, Term)> = vec![
        (
            service.clone(),
            rdf::TYPE.into_owned(),
            sd("Service").into(),
        ),
        (service.clone(), sd("endpoint"), endpoint.clone().into()),
        (
            service.clone(),
            sd("supportedLanguage"),
            sd("SPARQL11Query").into(),
        ),
        (
            service.clone(),
            sd("feature"),
            sd("UnionDefaultGraph").into(),
        ),
        (
            service.clone(),
            sd("defaultEntailmentRegime"),
            NamedNode::new_unchecked("http://www.w3.org/ns/entailment/Simple").into(),
        ),
        (
            service.clone(),
            sd("defaultDataset"),
            dataset.clone().into(),
        ),
        (
            dataset.clone().into(),
            rdf::TYPE.into_owned(),
            sd("Dataset").into(),
        ),
        (
            dataset.into(),
            sd("defaultGraph"),
            default_graph.clone().into(),
        ),
        (
            default_graph.clone().into(),
            rdf::TYPE.into_owned(),
            sd("Graph").into(),
        ),
    ];
    if state.options.write_token.is_some() {
        out.push((
            service.clone(),
            sd("supportedLanguage"),
            sd("SPARQL11Update").into(),
        ));
    }
    for name in [
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "RDF_XML",
        "JSON-LD",
        "TriG",
        "N-Quads",
    ] {
        out.push((
            service.clone(),
            sd("resultFormat"),
            NamedNode::new_unchecked(format!("{FORMATS}{name}")).into(),
        ));
    }
    if let Ok(len) = state.store.len() {
        out.push((
            default_graph.into(),
            NamedNode::new_unchecked(VOID_TRIPLES),
            Literal::from(len as i64).into(),
        ));
    }
    out
}

/// Answers a GET of the endpoint without a query; `accept` is the request's `Accept`
/// or the media type named by its `format=` parameter.
pub fn handle(state: &ServerState, request: &Request, accept: Option<&str>) -> Response {
    // A browser (HTML preferred over every RDF type) gets the explorer instead.
    let mut offers: Vec<(&str, Option<oxigraph::io::RdfFormat>)> =
        GRAPH_OFFERS.iter().map(|(m, f)| (*m, Some(*f))).collect();
    offers.push(("text/html", None));
    let chosen = match negotiation::choose(accept, &offers) {
        Some(Some(format)) => *format,
        Some(None) => {
            return Response::text(303, "the explorer is at /").with_header("Location", "/")
        }
        None => return formats::not_acceptable(&GRAPH_OFFERS.map(|(m, _)| m)),
    };
    let endpoint = endpoint_iri(request);
    let quads: Vec<Quad> = triples(state, &endpoint)
        .into_iter()
        .map(|(s, p, o)| Quad::new(s, p, o, oxigraph::model::GraphName::DefaultGraph))
        .collect();
    let deadline = Deadline::start(state.options.timeout);
    match formats::quads(
        quads.iter().map(Into::into),
        chosen,
        &deadline,
        state.options.max_response_bytes,
    ) {
        Ok(body) => Response::new(200, &formats::rdf_content_type(chosen), body)
            .with_header("Vary", "Accept"),
        Err(response) => response,
    }
}
