//! Running SELECT queries for the listings and reading their rows.
//!
//! The queries are built from the vocabulary constants, with the prefixes of
//! [`PREFIXES`] declared, so the listings exercise the graph exactly as a user's
//! SPARQL would.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;

use crate::graph::vocab::PREFIXES;
use crate::store::Store;

/// One solution: variable name → value.
pub type Row = BTreeMap<String, Term>;

/// The `PREFIX` lines for every prefix newsgraph uses.
pub fn prologue() -> String {
    PREFIXES
        .iter()
        .map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n"))
        .collect()
}

/// Runs a SELECT query (the prologue is added) and returns its rows.
pub fn select(store: &Store, body: &str) -> Result<Vec<Row>> {
    let q = format!("{}{body}", prologue());
    let QueryResults::Solutions(solutions) = store.query(&q)? else {
        bail!("internal query is not a SELECT: {body}");
    };
    let mut rows = Vec::new();
    for s in solutions {
        let s = s?;
        rows.push(
            s.iter()
                .map(|(v, t)| (v.as_str().to_string(), t.clone()))
                .collect(),
        );
    }
    Ok(rows)
}

/// The string value of a variable: an IRI's text or a literal's lexical form.
pub fn value(row: &Row, var: &str) -> Option<String> {
    row.get(var).map(|t| match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    })
}

/// An `xsd:date` literal for a checked `YYYY-MM-DD` day.
pub fn date_literal(day: &str) -> String {
    format!("\"{day}\"^^xsd:date")
}

/// A `VALUES ?var { <iri> … }` clause.
pub fn values(var: &str, iris: &[String]) -> String {
    let list: Vec<String> = iris.iter().map(|i| format!("<{i}>")).collect();
    format!("VALUES ?{var} {{ {} }}", list.join(" "))
}
