//! `newsgraph stats`: what the store holds, counted with SPARQL.

use anyhow::Result;
use serde::Serialize;

use super::sparql::{select, value};
use crate::cli::args::{ListFormat, StatsArgs};
use crate::cli::output;
use crate::store::{export, Store};

#[derive(Debug, Serialize)]
struct Stats {
    store: String,
    articles: usize,
    quads: usize,
    triples: usize,
    actors: usize,
    persons: usize,
    organizations: usize,
    countries: usize,
    places: usize,
    meetings: usize,
    statements: usize,
    memberships: usize,
    annotations: usize,
    bytes_on_disk: u64,
}

fn count(store: &Store, pattern: &str) -> Result<usize> {
    let q = format!("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}");
    Ok(select(store, &q)?
        .first()
        .and_then(|r| value(r, "n"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0))
}

/// Runs `stats`.
pub fn run(args: &StatsArgs) -> Result<bool> {
    let store = Store::open(&args.store.store)?;
    let s = Stats {
        store: store.dir().display().to_string(),
        articles: count(&store, "?x a schema:NewsArticle")?,
        quads: store.quad_count()?,
        triples: export::sorted_triples(&store)?.len(),
        actors: count(&store, "?x a sem:Actor")?,
        persons: count(&store, "?x a schema:Person")?,
        organizations: count(&store, "?x a schema:Organization")?,
        countries: count(&store, "?x a schema:Country")?,
        places: count(&store, "?x a schema:Place")?,
        meetings: count(&store, "?x a sem:Event")?,
        statements: count(&store, "?x a schema:Quotation")?,
        memberships: count(&store, "?x a org:Membership")?,
        annotations: count(&store, "?x a oa:Annotation")?,
        bytes_on_disk: store.disk_size()?,
    };
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&s)?),
        ListFormat::Table => {
            let json = serde_json::to_value(&s)?;
            let mut rows = Vec::new();
            if let Some(obj) = json.as_object() {
                // Keep the struct's order, not the map's.
                for key in [
                    "store",
                    "articles",
                    "quads",
                    "triples",
                    "actors",
                    "persons",
                    "organizations",
                    "countries",
                    "places",
                    "meetings",
                    "statements",
                    "memberships",
                    "annotations",
                    "bytes_on_disk",
                ] {
                    if let Some(v) = obj.get(key) {
                        let v = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                        rows.push(vec![key.replace('_', " "), v]);
                    }
                }
            }
            print!("{}", output::table(&["WHAT", "COUNT"], &rows));
        }
    }
    Ok(true)
}
