//! The Turtle form of the actor dictionary: standard terms, one resource per actor.
//!
//! ```turtle
//! @prefix schema: <http://schema.org/> .
//! @prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
//! @prefix org:    <http://www.w3.org/ns/org#> .
//! @prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
//!
//! <#amir-abdollahian> a schema:Person ;
//!     skos:prefLabel "Hossein Amir-Abdollahian" ;
//!     skos:altLabel "Amirabdollahian" ;
//!     schema:sameAs <http://www.wikidata.org/entity/Q5908604> ;
//!     org:hasMembership [ org:role "Foreign Minister" ; org:organization <#iran> ;
//!                         schema:startDate "2021-08-25"^^xsd:date ] .
//! <#iran> a schema:Country ; skos:prefLabel "Iran" .
//! ```
//! - An entry is a resource typed `schema:Person`, `schema:Organization`,
//!   `schema:GovernmentOrganization`, `org:Organization`, `schema:Country` or
//!   `schema:Place`.
//! - Its canonical name: `skos:prefLabel` (or `schema:name`), exactly one; aliases:
//!   `skos:altLabel` and `schema:alternateName`.
//! - Identifiers: `schema:sameAs` or `owl:sameAs` (IRIs, or `"Q42"` literals).
//! - Roles: `org:hasMembership` nodes with `org:role` (a title, or a node with an
//!   `rdfs:label`/`skos:prefLabel`), optional `org:organization` (a name, another
//!   entry, or a labelled node), `schema:startDate` and `schema:endDate` (days).
//!
//! Other triples are ignored. Entries are reported by the line of their canonical
//! name; syntax errors by the parser's line. This module only reads the file into
//! [`Entry`] values; checking aliases and indexing is `dictionary`'s job.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Term;

use super::dictionary::{
    check_aliases, check_name, make_entry, make_role, parse_identifier, DictRole, DictionaryError,
    Entry,
};
use crate::extract::ActorKind;

/// The base IRI relative IRIs (`<#iran>`) are resolved against; never output.
const BASE: &str = "https://w3id.org/newsgraph/dictionary/";

const SCHEMA: &str = "http://schema.org/";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const ORG: &str = "http://www.w3.org/ns/org#";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const OWL_SAME_AS: &str = "http://www.w3.org/2002/07/owl#sameAs";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// Subject (as N-Triples: `<iri>` or `_:id`) → predicate IRI → objects.
type Graph = BTreeMap<String, BTreeMap<String, Vec<Term>>>;

/// The kind a class stands for.
fn kind_of_class(iri: &str) -> Option<ActorKind> {
    let local = iri
        .strip_prefix(SCHEMA)
        .or_else(|| iri.strip_prefix("https://schema.org/"))
        .map(|l| (false, l))
        .or_else(|| iri.strip_prefix(ORG).map(|l| (true, l)))?;
    match local {
        (false, "Person") => Some(ActorKind::Person),
        (false, "Organization" | "GovernmentOrganization") | (true, "Organization") => {
            Some(ActorKind::Organization)
        }
        (false, "Country") => Some(ActorKind::Country),
        (false, "Place") => Some(ActorKind::Place),
        _ => None,
    }
}

/// Parses the Turtle form into entries (sorted by line, then name).
pub fn parse_turtle(path: &str, text: &str) -> Result<Vec<Entry>, DictionaryError> {
    let bad = |line: usize, message: String| DictionaryError::Bad {
        path: path.to_string(),
        line,
        message,
    };
    let parser = RdfParser::from_format(RdfFormat::Turtle)
        .with_base_iri(BASE)
        .map_err(|e| bad(0, e.to_string()))?;
    let mut graph: Graph = BTreeMap::new();
    for quad in parser.for_slice(text.as_bytes()) {
        let quad = quad.map_err(|e| {
            let line = e.location().map(|l| l.start.line as usize + 1);
            bad(line.unwrap_or(0), format!("not valid Turtle: {e}"))
        })?;
        graph
            .entry(quad.subject.to_string())
            .or_default()
            .entry(quad.predicate.into_string())
            .or_default()
            .push(quad.object);
    }
    let mut entries = Vec::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut typed = Vec::new();
    for (subject, props) in &graph {
        let kinds: BTreeSet<ActorKind> = props
            .get(RDF_TYPE)
            .into_iter()
            .flatten()
            .filter_map(|t| match t {
                Term::NamedNode(n) => kind_of_class(n.as_str()),
                _ => None,
            })
            .collect();
        if kinds.is_empty() {
            continue;
        }
        let labels = literals(
            props,
            &[&format!("{SKOS}prefLabel"), &format!("{SCHEMA}name")],
        );
        let line = labels
            .first()
            .map(|l| line_of_literal(text, l))
            .unwrap_or(0);
        let name = match labels.as_slice() {
            [one] => check_name(one).map_err(|m| bad(line, m))?,
            [] => {
                return Err(bad(
                    line_of(text, local_name(subject)),
                    format!(
                        "{}: an actor needs a name (skos:prefLabel or schema:name)",
                        show(subject)
                    ),
                ))
            }
            [first, ..] => {
                return Err(bad(
                    line_of_literal(text, first),
                    format!(
                        "{}: an actor has one canonical name, found {}: {}",
                        show(subject),
                        labels.len(),
                        labels.join(", ")
                    ),
                ))
            }
        };
        if kinds.len() > 1 {
            return Err(bad(
                line,
                format!("{name:?} has several kinds; give one class"),
            ));
        }
        names.insert(subject.clone(), name.clone());
        typed.push((subject, line, name, kinds.into_iter().next()));
    }
    for (subject, line, name, kind) in typed {
        let (Some(props), Some(kind)) = (graph.get(subject), kind) else {
            continue;
        };
        let aliases = literals(
            props,
            &[
                &format!("{SKOS}altLabel"),
                &format!("{SCHEMA}alternateName"),
            ],
        );
        let aliases = check_aliases(&name, aliases).map_err(|m| bad(line, m))?;
        let mut same_as = Vec::new();
        for p in [&format!("{SCHEMA}sameAs"), OWL_SAME_AS] {
            for t in props.get(p).into_iter().flatten() {
                let id = match t {
                    Term::NamedNode(n) => Ok(n.as_str().to_string()),
                    Term::Literal(l) => parse_identifier(l.value()),
                    _ => Err("an identifier must be an IRI or a Wikidata id".to_string()),
                };
                same_as.push(id.map_err(|m| bad(line, format!("{name:?}: {m}")))?);
            }
        }
        let mut roles = Vec::new();
        for t in props
            .get(&format!("{ORG}hasMembership"))
            .into_iter()
            .flatten()
        {
            let role =
                membership(&graph, &names, t).map_err(|m| bad(line, format!("{name:?}: {m}")))?;
            roles.push(role);
        }
        entries.push(make_entry(line, name, kind, aliases, same_as, roles));
    }
    entries.sort_by(|a, b| (a.line, &a.name).cmp(&(b.line, &b.name)));
    Ok(entries)
}

/// One `org:hasMembership` node as a role.
fn membership(
    graph: &Graph,
    names: &BTreeMap<String, String>,
    node: &Term,
) -> Result<DictRole, String> {
    let props = as_subject(node)
        .and_then(|s| graph.get(&s))
        .ok_or("org:hasMembership must point to a node with org:role")?;
    let one = |p: &str| -> Result<Option<String>, String> {
        let values: Vec<String> = props
            .get(p)
            .into_iter()
            .flatten()
            .filter_map(|t| label_of(graph, names, t))
            .collect();
        match values.as_slice() {
            [] => Ok(None),
            [v] => Ok(Some(v.clone())),
            _ => Err(format!("a membership has one {p}, found {}", values.len())),
        }
    };
    let title = one(&format!("{ORG}role"))?;
    let organization = one(&format!("{ORG}organization"))?;
    let start = one(&format!("{SCHEMA}startDate"))?;
    let end = one(&format!("{SCHEMA}endDate"))?;
    make_role(
        title.as_deref(),
        organization.as_deref(),
        start.as_deref(),
        end.as_deref(),
    )
}

/// A term's text: a literal's value, an entry's canonical name, or a node's label.
fn label_of(graph: &Graph, names: &BTreeMap<String, String>, t: &Term) -> Option<String> {
    if let Term::Literal(l) = t {
        return Some(l.value().to_string());
    }
    let s = as_subject(t)?;
    if let Some(n) = names.get(&s) {
        return Some(n.clone());
    }
    let props = graph.get(&s)?;
    literals(
        props,
        &[
            &format!("{SKOS}prefLabel"),
            RDFS_LABEL,
            &format!("{SCHEMA}name"),
        ],
    )
    .into_iter()
    .next()
}

/// A node term in the form subjects are keyed by.
fn as_subject(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(_) | Term::BlankNode(_) => Some(t.to_string()),
        _ => None,
    }
}

/// The literal values of some predicates, in predicate order, sorted within each.
fn literals(props: &BTreeMap<String, Vec<Term>>, predicates: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for p in predicates {
        let mut vals: Vec<String> = props
            .get(*p)
            .into_iter()
            .flatten()
            .filter_map(|t| match t {
                Term::Literal(l) => Some(l.value().trim().to_string()),
                _ => None,
            })
            .collect();
        vals.sort();
        for v in vals {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// A subject as written in messages.
fn show(s: &str) -> String {
    match s.strip_prefix('<') {
        Some(iri) => format!("<{}", iri.strip_prefix(BASE).unwrap_or(iri)),
        None => "a blank node".to_string(),
    }
}

/// The last part of an IRI (after `#` or `/`), to find where it is written.
fn local_name(s: &str) -> &str {
    match s.strip_prefix('<').and_then(|i| i.strip_suffix('>')) {
        Some(iri) => iri.rsplit(['#', '/']).find(|p| !p.is_empty()).unwrap_or(""),
        None => "",
    }
}

/// The line of a literal: where it is written in quotes, else anywhere, else 0.
fn line_of_literal(text: &str, value: &str) -> usize {
    match line_of(text, &format!("\"{value}\"")) {
        0 => line_of(text, value),
        n => n,
    }
}

/// The first line (1-based) on which `needle` is written, or 0.
fn line_of(text: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    text.lines()
        .position(|l| l.contains(needle))
        .map(|k| k + 1)
        .unwrap_or(0)
}
