//! The SPARQL 1.1 Service Description manifest. Its three tests have no machine-readable
//! actions, so each one's check is written here from the test's name and the SD
//! specification (section 2 "Accessing a Service Description", section 3 vocabulary).

use std::path::Path;

use newsgraph::server::{handle, Request, Response, ServerOptions, ServerState};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term};
use oxigraph::store::Store;

use crate::manifest::{short_name, Manifest};
use crate::Outcome;

const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

fn get_description(accept: Option<&str>) -> Response {
    let state = match Store::new() {
        Ok(store) => ServerState::new(store, ServerOptions::default()),
        Err(e) => return Response::text(500, e),
    };
    let mut request = Request::new("GET", "/sparql").with_header("host", "www.example");
    if let Some(accept) = accept {
        request = request.with_header("accept", accept);
    }
    handle(&state, request)
}

fn parse(response: &Response) -> Result<Vec<Quad>, String> {
    if response.status != 200 {
        return Err(format!("status {}", response.status));
    }
    let content_type = response.header("content-type").unwrap_or("");
    let media = content_type.split(';').next().unwrap_or("").trim();
    let format = RdfFormat::from_media_type(media)
        .ok_or_else(|| format!("Content-Type {content_type:?} is not RDF"))?;
    RdfParser::from_format(format)
        .for_slice(&response.body)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("does not parse: {e}"))
}

fn returns_rdf() -> Result<(), String> {
    for accept in [
        None,
        Some("text/turtle"),
        Some("application/rdf+xml"),
        Some("application/ld+json"),
    ] {
        parse(&get_description(accept)).map_err(|e| format!("Accept {accept:?}: {e}"))?;
    }
    Ok(())
}

fn has_endpoint_triple() -> Result<(), String> {
    let quads = parse(&get_description(None))?;
    let endpoint = format!("{SD}endpoint");
    let found = quads.iter().any(|q| {
        q.predicate.as_str() == endpoint
            && matches!(&q.object, Term::NamedNode(n) if n.as_str() == "http://www.example/sparql")
    });
    if found {
        Ok(())
    } else {
        Err("no `?s sd:endpoint <http://www.example/sparql>` triple".into())
    }
}

/// The schema checks: one sd:Service; languages from the SD list; formats, features
/// and entailment regimes are IRIs; the default dataset is an sd:Dataset whose default
/// graph is an sd:Graph.
fn conforms_to_schema() -> Result<(), String> {
    let quads = parse(&get_description(None))?;
    let typed = |class: &str| -> Vec<String> {
        quads
            .iter()
            .filter(|q| q.predicate.as_str() == RDF_TYPE)
            .filter(
                |q| matches!(&q.object, Term::NamedNode(n) if n.as_str() == format!("{SD}{class}")),
            )
            .map(|q| q.subject.to_string())
            .collect()
    };
    let objects = |property: &str| -> Vec<&Term> {
        quads
            .iter()
            .filter(|q| q.predicate.as_str() == format!("{SD}{property}"))
            .map(|q| &q.object)
            .collect()
    };
    if typed("Service").len() != 1 {
        return Err("not exactly one sd:Service".into());
    }
    let languages =
        ["SPARQL10Query", "SPARQL11Query", "SPARQL11Update"].map(|l| format!("{SD}{l}"));
    for language in objects("supportedLanguage") {
        if !matches!(language, Term::NamedNode(n) if languages.contains(&n.as_str().to_owned())) {
            return Err(format!(
                "sd:supportedLanguage {language} is not an sd:Language"
            ));
        }
    }
    if objects("supportedLanguage").is_empty() {
        return Err("no sd:supportedLanguage".into());
    }
    for property in [
        "resultFormat",
        "feature",
        "defaultEntailmentRegime",
        "endpoint",
    ] {
        for value in objects(property) {
            if !matches!(value, Term::NamedNode(_)) {
                return Err(format!("sd:{property} {value} is not an IRI"));
            }
        }
    }
    let datasets = typed("Dataset");
    for dataset in objects("defaultDataset") {
        if !datasets.contains(&dataset.to_string()) {
            return Err(format!("sd:defaultDataset {dataset} is not an sd:Dataset"));
        }
    }
    let graphs = typed("Graph");
    for graph in objects("defaultGraph") {
        if !graphs.contains(&graph.to_string()) {
            return Err(format!("sd:defaultGraph {graph} is not an sd:Graph"));
        }
    }
    Ok(())
}

/// Runs the three service description tests named in the manifest.
pub fn run(path: &Path) -> Result<Vec<(String, Outcome)>, String> {
    let manifest = Manifest::load(path)?;
    Ok(manifest
        .entries()
        .iter()
        .map(|test| {
            let name = short_name(test);
            let result = match name.as_str() {
                "returns-rdf" => Some(returns_rdf()),
                "has-endpoint-triple" => Some(has_endpoint_triple()),
                "conforms-to-schema" => Some(conforms_to_schema()),
                _ => None,
            };
            let outcome = match result {
                Some(Ok(())) => Outcome::Pass,
                Some(Err(why)) => Outcome::Fail(why),
                None => Outcome::Skip("no check written for this test".into()),
            };
            (format!("service-description/{name}"), outcome)
        })
        .collect())
}
