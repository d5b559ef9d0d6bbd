//! Canned-query latency on an existing store (not a Criterion bench: it measures a
//! store built by `bench/run.sh`). Times opening the store, then runs each canned
//! query repeatedly (in full and as its first page of 100 rows) and prints one JSON
//! object with median and p95 milliseconds.
//! It must not write to the store.
//!
//! `NEWSGRAPH_BENCH_STORE=DIR NEWSGRAPH_BENCH_RUNS=20 cargo bench --bench queries`
//! (`NEWSGRAPH_BENCH_QUERY='SELECT …'` times that query instead of the canned ones,
//! with the same prefixes: for trying another form of a slow query.)

use std::time::Instant;

use newsgraph::graph::vocab::PREFIXES;
use newsgraph::store::{queries, Store};
use oxigraph::sparql::QueryResults;

fn main() {
    let Ok(dir) = std::env::var("NEWSGRAPH_BENCH_STORE") else {
        eprintln!("queries: set NEWSGRAPH_BENCH_STORE=DIR (a store built by bench/run.sh)");
        return;
    };
    let runs: usize = std::env::var("NEWSGRAPH_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let t = Instant::now();
    let store = match Store::open(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("queries: {dir}: {e}");
            std::process::exit(1);
        }
    };
    let open_ms = t.elapsed().as_secs_f64() * 1e3;
    let prologue: String = PREFIXES
        .iter()
        .map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n"))
        .collect();
    // The most-reported actor stands in for "one actor".
    let actor = top_actor(&store, &prologue).unwrap_or_default();
    let queries = match std::env::var("NEWSGRAPH_BENCH_QUERY") {
        Ok(q) => vec![("query", q)],
        Err(_) => canned(&actor),
    };
    let mut out = vec![
        format!("\"open_ms\": {open_ms:.1}"),
        format!("\"actor\": {actor:?}"),
    ];
    // Each query in full, and as its first page (what the explorer and a paging
    // client ask for): on a large store the full answer's size, not the engine, sets
    // the time.
    let paged: Vec<(String, String)> = queries
        .iter()
        .flat_map(|(name, body)| {
            [
                (name.to_string(), body.clone()),
                (format!("{name}_first100"), format!("{body} LIMIT 100")),
            ]
        })
        .collect();
    for (name, body) in paged {
        let q = format!("{prologue}{body}");
        let mut times = Vec::with_capacity(runs);
        let mut rows = 0;
        for _ in 0..runs {
            let t = Instant::now();
            rows = count(&store, &q);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let p95 = times[((times.len() * 95).div_ceil(100)).saturating_sub(1)];
        out.push(format!(
            "\"{name}\": {{\"rows\": {rows}, \"median_ms\": {median:.2}, \"p95_ms\": {p95:.2}}}"
        ));
    }
    println!("{{{}}}", out.join(", "));
}

/// The canned queries: who met whom (all; one actor; one actor in a date range) and
/// everything one actor said. "Who met whom" over everything is timed in three forms:
/// `met_all` is what `newsgraph meetings` asks (each meeting with each of its
/// participants, joined by hash: see `store::queries`), `met_all_plain` the same rows
/// in the form most users write, `met_pairs` one row per meeting and pair.
fn canned(actor: &str) -> Vec<(&'static str, String)> {
    vec![
        ("met_all", queries::MEETING_ATTENDEES.to_string()),
        (
            "met_all_plain",
            queries::MEETING_ATTENDEES_PLAIN.to_string(),
        ),
        (
            "met_pairs",
            "SELECT ?m ?a ?b WHERE { ?m a sem:Event ; schema:attendee ?a , ?b . \
             FILTER(STR(?a) < STR(?b)) }"
                .to_string(),
        ),
        (
            "met_actor",
            format!(
                "SELECT ?m ?b WHERE {{ ?m a sem:Event ; schema:attendee <{actor}> , ?b . \
                 FILTER(?b != <{actor}>) }}"
            ),
        ),
        (
            "met_actor_dates",
            format!(
                "SELECT ?m ?b ?s WHERE {{ ?m a sem:Event ; schema:attendee <{actor}> , ?b ; \
                 sem:hasEarliestBeginTimeStamp ?s . FILTER(?b != <{actor}> && \
                 ?s >= \"2016-01-01\"^^xsd:date && ?s <= \"2016-12-31\"^^xsd:date) }}"
            ),
        ),
        (
            "said_actor",
            format!(
                "SELECT ?q ?text WHERE {{ ?q a schema:Quotation ; \
                 schema:spokenByCharacter <{actor}> ; schema:text ?text }}"
            ),
        ),
    ]
}

fn top_actor(store: &Store, prologue: &str) -> Option<String> {
    let q = format!(
        "{prologue}SELECT ?a (COUNT(?q) AS ?n) WHERE {{ ?q schema:spokenByCharacter ?a }} \
         GROUP BY ?a ORDER BY DESC(?n) LIMIT 1"
    );
    let Ok(QueryResults::Solutions(s)) = store.query(&q) else {
        return None;
    };
    s.flatten()
        .next()
        .and_then(|row| row.get("a").map(|t| t.to_string()))
        .map(|t| t.trim_start_matches('<').trim_end_matches('>').to_string())
}

fn count(store: &Store, q: &str) -> usize {
    let results = if std::env::var_os("NEWSGRAPH_BENCH_NOOPT").is_some() {
        oxigraph::sparql::SparqlEvaluator::new()
            .without_optimizations()
            .parse_query(q)
            .map_err(|e| e.to_string())
            .and_then(|p| {
                p.on_store(store.oxigraph())
                    .execute()
                    .map_err(|e| e.to_string())
            })
    } else {
        store.query(q).map_err(|e| e.to_string())
    };
    match results {
        Ok(QueryResults::Solutions(s)) => s.flatten().count(),
        Ok(_) => 0,
        Err(e) => {
            eprintln!("queries: {e}");
            0
        }
    }
}
