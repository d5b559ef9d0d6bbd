//! The SPARQL 1.1 Graph Store Protocol manifests (direct and indirect), run against a
//! writable server with the runner's token; `/gsp` is rewritten to our `/store`.

use std::path::Path;
use std::time::Duration;

use newsgraph::server::{handle, Request, Response, ServerOptions, ServerState};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::dataset::CanonicalizationAlgorithm;
use oxigraph::model::{Graph, NamedNode, Term, Triple};
use oxigraph::store::Store;

use crate::manifest::{short_name, Manifest};
use crate::Outcome;

const MF: &str = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const HT: &str = "http://www.w3.org/2011/http#";
const CNT: &str = "http://www.w3.org/2011/content#";
const HTS: &str = "http://www.w3.org/2011/http-statusCodes#";
const TOKEN: &str = "conformance-token";

fn node(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

fn status_matches(status: u16, expected: &[Term]) -> bool {
    expected.iter().any(|e| {
        let Term::NamedNode(n) = e else { return false };
        match n.as_str().strip_prefix(HTS).unwrap_or("") {
            "OK" => status == 200,
            "Created" => status == 201,
            "NoContent" => status == 204,
            "NotFound" => status == 404,
            "BadRequest" => status == 400,
            "StatusCode2xx" => (200..300).contains(&status),
            "StatusCode3xx" => (300..400).contains(&status),
            "StatusCode4xx" => (400..500).contains(&status),
            _ => false,
        }
    })
}

fn headers(manifest: &Manifest, message: &Term) -> Vec<(String, String)> {
    let Some(list) = manifest.object(message, &node(HT, "headers")) else {
        return Vec::new();
    };
    manifest
        .list(&list)
        .iter()
        .map(|h| {
            (
                manifest.text(h, &node(HT, "fieldName")).unwrap_or_default(),
                manifest
                    .text(h, &node(HT, "fieldValue"))
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn body_text(manifest: &Manifest, message: &Term) -> Option<String> {
    let body = manifest.object(message, &node(HT, "body"))?;
    manifest.text(&body, &node(CNT, "chars"))
}

fn parse_graph(content_type: &str, text: &[u8]) -> Result<Graph, String> {
    let media = content_type.split(';').next().unwrap_or("").trim();
    let format = RdfFormat::from_media_type(media).ok_or(format!("not RDF: {content_type}"))?;
    let mut graph = Graph::new();
    for quad in RdfParser::from_format(format).for_slice(text) {
        let quad = quad.map_err(|e| e.to_string())?;
        graph.insert(&Triple::new(quad.subject, quad.predicate, quad.object));
    }
    graph.canonicalize(CanonicalizationAlgorithm::Unstable);
    Ok(graph)
}

fn check_response(manifest: &Manifest, resp: &Term, response: &Response) -> Result<(), String> {
    let expected = manifest.objects(resp, &node(MF, "expectedStatus"));
    if !status_matches(response.status, &expected) {
        return Err(format!(
            "status {} not in {:?}: {}",
            response.status,
            expected.iter().map(short_name).collect::<Vec<_>>(),
            String::from_utf8_lossy(&response.body).trim()
        ));
    }
    if let Some(text) = body_text(manifest, resp) {
        let content_type = headers(manifest, resp)
            .into_iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map_or_else(|| "text/turtle".to_owned(), |(_, v)| v);
        let wanted = parse_graph(&content_type, text.as_bytes())?;
        let got_type = response.header("content-type").unwrap_or("");
        let got = parse_graph(got_type, &response.body)?;
        if wanted != got {
            return Err(format!(
                "graph not isomorphic to the expected one: got {}",
                String::from_utf8_lossy(&response.body)
            ));
        }
    }
    Ok(())
}

fn run_test(manifest: &Manifest, test: &Term) -> Outcome {
    let store = match Store::new() {
        Ok(store) => store,
        Err(e) => return Outcome::Fail(e.to_string()),
    };
    let options = ServerOptions {
        timeout: Duration::from_secs(10),
        write_token: Some(TOKEN.to_owned()),
        ..ServerOptions::default()
    };
    let state = ServerState::new(store, options);
    let Some(action) = manifest.object(test, &node(MF, "action")) else {
        return Outcome::Fail("no mf:action".into());
    };
    let authority = manifest
        .text(&action, &node(HT, "connectionAuthority"))
        .unwrap_or_else(|| "localhost".into());
    let Some(requests) = manifest.object(&action, &node(HT, "requests")) else {
        return Outcome::Fail("no ht:requests".into());
    };
    let mut location: Option<String> = None;
    for (i, request) in manifest.list(&requests).iter().enumerate() {
        let substitute = |s: String| match &location {
            Some(l) => s.replace("$LOCATION$", l),
            None => s,
        };
        let path = substitute(
            manifest
                .text(request, &node(HT, "absolutePath"))
                .unwrap_or_default(),
        );
        let target = match path.strip_prefix("/gsp") {
            Some(rest) => format!("/store{rest}"),
            None => path,
        };
        let method = manifest
            .text(request, &node(HT, "methodName"))
            .unwrap_or_default();
        let mut ours = Request::new(&method, &target)
            .with_header("host", &authority)
            .with_header("authorization", &format!("Bearer {TOKEN}"));
        for (name, value) in headers(manifest, request) {
            ours = ours.with_header(&name, &value);
        }
        if let Some(text) = body_text(manifest, request) {
            ours = ours.with_body(substitute(text));
        }
        let response = handle(&state, ours);
        let Some(resp) = manifest.object(request, &node(HT, "resp")) else {
            continue;
        };
        if let Err(e) = check_response(manifest, &resp, &response) {
            return Outcome::Fail(format!("request {i} ({method} {target}): {e}"));
        }
        if manifest
            .text(&resp, &node(MF, "expectedLocation"))
            .is_some()
        {
            location = response.header("location").map(str::to_owned);
            if location.is_none() {
                return Outcome::Fail(format!("request {i}: no Location header"));
            }
        }
    }
    Outcome::Pass
}

/// Runs one GSP manifest (`direct`: whether it is the direct-identification one).
pub fn run(path: &Path, direct: bool) -> Result<Vec<(String, Outcome)>, String> {
    let manifest = Manifest::load(path)?;
    Ok(manifest
        .entries()
        .iter()
        .map(|test| {
            let name = format!("graph-store/{}", short_name(test));
            let title = manifest.text(test, &node(MF, "name")).unwrap_or_default();
            let outcome = if direct {
                Outcome::Skip(
                    "direct graph identification (the graph IRI as the request path) is not \
                     offered; /store identifies graphs by ?graph="
                        .into(),
                )
            } else if title.contains("multipart/form-data") {
                Outcome::Skip("multipart/form-data uploads are not supported".into())
            } else {
                run_test(&manifest, test)
            };
            (name, outcome)
        })
        .collect())
}
