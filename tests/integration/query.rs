//! `newsgraph query`: every result format, queries from a file and standard input,
//! and the union default graph.

use crate::util::{corpus, s};

const ARTICLES: &str = "PREFIX schema: <http://schema.org/> \
    SELECT ?id WHERE { ?a a schema:NewsArticle ; schema:identifier ?id } ORDER BY ?id";

ngtest!(select_formats, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let table = ng.ok(&["query", ARTICLES]);
    assert_eq!(
        table.lines().count(),
        6,
        "header and five articles:\n{table}"
    );
    assert!(table.starts_with("id"));
    let csv = ng.ok(&["query", "--format", "csv", ARTICLES]);
    assert!(csv.starts_with("id\r\n000_"), "{csv}");
    let tsv = ng.ok(&["query", "--format", "tsv", ARTICLES]);
    assert!(tsv.starts_with("?id\n"), "{tsv}");
    let json: serde_json::Value =
        serde_json::from_str(&ng.ok(&["query", "--format", "json", ARTICLES])).unwrap();
    assert_eq!(json["results"]["bindings"].as_array().unwrap().len(), 5);
    let xml = ng.ok(&["query", "--format", "xml", ARTICLES]);
    assert!(xml.contains("<sparql"), "{xml}");
});

ngtest!(ask_and_construct, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    assert_eq!(ng.ok(&["query", "ASK { ?s ?p ?o }"]).trim(), "true");
    let q = "PREFIX schema: <http://schema.org/> \
             CONSTRUCT { ?a schema:identifier ?id } WHERE { ?a schema:identifier ?id }";
    let ttl = ng.ok(&["query", q]);
    assert_eq!(crate::util::rio_turtle(&ttl).len(), 5);
    let nt = ng.ok(&["query", "--format", "ntriples", q]);
    assert_eq!(nt.lines().count(), 5);
});

ngtest!(wrong_format_for_query_kind_is_an_error, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let out = ng.run(&["query", "--format", "turtle", ARTICLES]);
    assert_eq!(out.status.code(), Some(1));
});

ngtest!(query_from_file_and_stdin, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let f = ng.write("q.rq", ARTICLES);
    let a = ng.ok(&["query", "--file", s(&f)]);
    let out = ng.run_with_input(&["query", "-"], ARTICLES.as_bytes());
    assert_eq!(a, String::from_utf8(out.stdout).unwrap());
});

ngtest!(named_graphs_tell_the_source, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    // Five article graphs, plus the corpus graph.
    let q = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let csv = ng.ok(&["query", "--format", "csv", q]);
    assert!(csv.contains("\r\n6"), "{csv}");
    let q = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a <http://schema.org/NewsArticle> } }";
    let csv = ng.ok(&["query", "--format", "csv", q]);
    assert!(csv.contains("\r\n5"), "{csv}");
});

ngtest!(syntax_error_is_reported, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let out = ng.run(&["query", "SELECT WHERE {"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SPARQL syntax error"));
});

// The whole-corpus queries newsgraph asks in hash-join form (`store::queries`) give
// exactly the rows of the plain form users write.
ngtest!(canned_join_forms_equal_the_plain_forms, |ng| {
    use newsgraph::store::queries;
    ng.ok(&["ingest", s(&corpus())]);
    let prologue = "PREFIX schema: <http://schema.org/> \
                    PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> ";
    let rows = |q: &str| {
        let out = ng.ok(&["query", "--format", "tsv", &format!("{prologue}{q}")]);
        let mut lines: Vec<String> = out.lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    for (canned, plain) in [
        (queries::MEETING_ATTENDEES, queries::MEETING_ATTENDEES_PLAIN),
        (
            queries::MEETINGS_PER_ACTOR,
            "SELECT ?a (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a sem:Event ; \
             schema:attendee ?a } GROUP BY ?a",
        ),
        (
            queries::STATEMENTS_PER_SPEAKER,
            "SELECT ?a (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a schema:Quotation ; \
             schema:spokenByCharacter ?a } GROUP BY ?a",
        ),
    ] {
        let (a, b) = (rows(canned), rows(plain));
        assert!(a.len() > 5, "too few rows to compare: {a:?}");
        assert_eq!(a, b, "{canned}");
    }
});
