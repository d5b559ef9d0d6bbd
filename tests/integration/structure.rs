//! The graph's structure, checked with SPARQL through the binary: evidence
//! annotations point at the exact text, listings show what the records say.
//!
//! Hand-made extraction records (`ingest --records`) make these tests independent of
//! the extractor; the corpus tests check the same invariants on real extraction.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::util::{corpus, corpus_files, s};

const BODY: &str = "Ünïcode first. Lavrov spoke by phone with Wang Yi in Beijing on Monday. \
                    \"We agree,\" Lavrov said.";

fn span(needle: &str) -> Value {
    let byte = BODY.find(needle).expect("needle in body");
    let start = BODY[..byte].chars().count();
    json!({"start": start, "end": start + needle.chars().count(), "text": needle})
}

fn record() -> Value {
    let b = "https://w3id.org/newsgraph/id/";
    json!({
        "article": {"id": "r1", "iri": format!("{b}article/r1"), "date": "2023-10-17",
                    "title": "Calls", "source": "r1.txt",
                    "hash": newsgraph::resolve::sha256_hex(BODY), "length": BODY.chars().count()},
        "actors": [
            {"id": "a1", "iri": format!("{b}actor/sergei-lavrov"), "name": "Sergei Lavrov",
             "kind": "person", "aliases": ["Lavrov"],
             "roles": [{"title": "Foreign Minister", "of": "a3"}], "mentions": [span("Lavrov")]},
            {"id": "a2", "iri": format!("{b}actor/wang-yi"), "name": "Wang Yi", "kind": "person",
             "aliases": [], "roles": [], "mentions": [span("Wang Yi")]},
            {"id": "a3", "iri": format!("{b}actor/russia"), "name": "Russia", "kind": "country",
             "aliases": [], "roles": [], "mentions": []},
            {"id": "a4", "iri": format!("{b}actor/beijing"), "name": "Beijing", "kind": "place",
             "aliases": [], "roles": [], "mentions": [span("Beijing")]}
        ],
        "meetings": [
            {"id": "m1", "iri": format!("{b}meeting/m1"), "participants": ["a1", "a2"],
             "mode": "phone", "place": "a4",
             "date": {"start": "2023-10-16", "end": "2023-10-16", "text": "on Monday"},
             "evidence": span("Lavrov spoke by phone with Wang Yi in Beijing on Monday."),
             "confidence": 0.9}
        ],
        "statements": [
            {"id": "s1", "iri": format!("{b}statement/s1"), "speaker": "a1",
             "speaker_mention": span("Lavrov said"), "cue": span("said"),
             "content": span("\"We agree,\""), "kind": "direct",
             "date": {"start": null, "end": null, "text": null},
             "evidence": span("\"We agree,\" Lavrov said."), "confidence": 0.8}
        ]
    })
}

fn ingest_record(ng: &crate::util::Ng) {
    let f = ng.write("r.jsonl", format!("{}\n", record()));
    ng.ok(&["ingest", "--records", s(&f)]);
}

const ANNOTATIONS: &str =
    "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX schema: <http://schema.org/> \
    SELECT ?ann ?id ?start ?end ?exact WHERE { ?ann a oa:Annotation ; oa:hasTarget ?t . \
    ?t oa:hasSource ?art ; oa:hasSelector ?p, ?q . \
    ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . \
    ?q a oa:TextQuoteSelector ; oa:exact ?exact . ?art schema:identifier ?id }";

const INCOMPLETE: &str =
    "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX ng: <https://w3id.org/newsgraph/ontology#> \
    PREFIX prov: <http://www.w3.org/ns/prov#> \
    SELECT ?ann WHERE { ?ann a oa:Annotation . FILTER NOT EXISTS { ?ann oa:hasBody ?b ; \
    ng:confidence ?c ; prov:wasDerivedFrom ?a ; prov:wasGeneratedBy ?g ; oa:hasTarget ?t . \
    ?t oa:hasSource ?a ; oa:hasSelector ?p, ?q . ?p a oa:TextPositionSelector . \
    ?q a oa:TextQuoteSelector } }";

/// Rows of a SELECT, as variable → value.
fn rows(ng: &crate::util::Ng, q: &str) -> Vec<BTreeMap<String, String>> {
    let v: Value = serde_json::from_str(&ng.ok(&["query", "--format", "json", q])).unwrap();
    v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            b.as_object()
                .unwrap()
                .iter()
                .map(|(k, x)| (k.clone(), x["value"].as_str().unwrap().to_string()))
                .collect()
        })
        .collect()
}

/// Checks every annotation's exact text against the article bodies; returns how many.
fn check_annotations(ng: &crate::util::Ng, bodies: &BTreeMap<String, String>) -> usize {
    let found = rows(ng, ANNOTATIONS);
    for r in &found {
        let body = &bodies[&r["id"]];
        let (start, end): (usize, usize) = (r["start"].parse().unwrap(), r["end"].parse().unwrap());
        let slice: String = body.chars().skip(start).take(end - start).collect();
        assert_eq!(slice, r["exact"], "annotation {} in {}", r["ann"], r["id"]);
    }
    assert!(
        rows(ng, INCOMPLETE).is_empty(),
        "every annotation is complete"
    );
    found.len()
}

ngtest!(annotations_quote_the_body_at_their_offsets, |ng| {
    ingest_record(&ng);
    let bodies = BTreeMap::from([("r1".to_string(), BODY.to_string())]);
    assert_eq!(check_annotations(&ng, &bodies), 2);
});

ngtest!(corpus_annotations_quote_the_body_and_hash_matches, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let mut bodies = BTreeMap::new();
    for f in corpus_files() {
        let text = std::fs::read_to_string(&f).unwrap();
        let (_, offset) = newsgraph::corpus::split_header(&text);
        let id = f.file_stem().unwrap().to_str().unwrap().to_string();
        bodies.insert(id, text[offset..].to_string());
    }
    check_annotations(&ng, &bodies);
    let q = "PREFIX schema: <http://schema.org/> PREFIX dcterms: <http://purl.org/dc/terms/> \
             SELECT ?id ?h WHERE { ?a schema:identifier ?id ; dcterms:identifier ?h }";
    let hashes = rows(&ng, q);
    assert_eq!(hashes.len(), 5);
    for r in hashes {
        assert_eq!(
            r["h"],
            newsgraph::resolve::sha256_hex(&bodies[&r["id"]]),
            "{}",
            r["id"]
        );
    }
});

ngtest!(no_blank_nodes_in_the_corpus_graph, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let q = "SELECT * WHERE { { ?s ?p ?o FILTER(isBlank(?s)) } UNION { ?s ?p ?o FILTER(isBlank(?o)) } }";
    assert!(rows(&ng, q).is_empty());
});

ngtest!(
    meetings_json_has_participants_mode_place_date_sources_evidence,
    |ng| {
        ingest_record(&ng);
        let v: Value = serde_json::from_str(&ng.ok(&["meetings", "--format", "json"])).unwrap();
        let m = &v.as_array().unwrap()[0];
        let names: Vec<&str> = m["participants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Sergei Lavrov", "Wang Yi"]);
        assert_eq!(m["mode"], "phone");
        assert_eq!(m["place"]["name"], "Beijing");
        assert_eq!(
            m["date"],
            json!({"start": "2023-10-16", "end": "2023-10-16", "text": "on Monday"})
        );
        assert_eq!(m["sources"], json!(["r1"]));
        assert_eq!(
            m["evidence"][0]["text"],
            span("Lavrov spoke by phone with Wang Yi in Beijing on Monday.")["text"]
        );
        assert_eq!(m["evidence"][0]["confidence"], 0.9);
    }
);

ngtest!(meeting_filters, |ng| {
    ingest_record(&ng);
    let count = |args: &[&str]| -> usize {
        let mut a = vec!["meetings", "--format", "json"];
        a.extend_from_slice(args);
        serde_json::from_str::<Value>(&ng.ok(&a))
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&["--actor", "wang yi"]), 1);
    assert_eq!(count(&["--actor", "LAVROV"]), 1);
    assert_eq!(count(&["--actor", "Macron"]), 0);
    assert_eq!(count(&["--from", "2023-10-16", "--to", "2023-10-16"]), 1);
    assert_eq!(count(&["--from", "2023-10-17"]), 0);
    assert_eq!(count(&["--to", "2023-10-15"]), 0);
    assert!(ng.ok(&["meetings"]).contains("Sergei Lavrov, Wang Yi"));
});

ngtest!(statements_json_has_speaker_content_kind_cue, |ng| {
    ingest_record(&ng);
    let v: Value = serde_json::from_str(&ng.ok(&["statements", "--format", "json"])).unwrap();
    let st = &v.as_array().unwrap()[0];
    assert_eq!(st["speaker"]["name"], "Sergei Lavrov");
    assert_eq!(st["content"], "\"We agree,\"");
    assert_eq!(st["kind"], "direct");
    assert_eq!(st["cue"], "said");
    assert_eq!(st["sources"], json!(["r1"]));
    assert_eq!(st["date"]["start"], Value::Null);
});

ngtest!(actors_json_has_roles_with_dates, |ng| {
    ingest_record(&ng);
    let v: Value =
        serde_json::from_str(&ng.ok(&["actors", "--format", "json", "--actor", "lavrov"])).unwrap();
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0]["kind"], "person");
    assert_eq!(a[0]["aliases"], json!(["Lavrov"]));
    let role = &a[0]["roles"][0];
    assert_eq!(role["title"], "Foreign Minister");
    assert_eq!(role["of"]["name"], "Russia");
    assert_eq!(role["first_seen"], "2023-10-17");
    assert_eq!(a[0]["meetings"], 1);
    assert_eq!(a[0]["statements"], 1);
});

ngtest!(stats_counts_the_graph, |ng| {
    ingest_record(&ng);
    let v: Value = serde_json::from_str(&ng.ok(&["stats", "--format", "json"])).unwrap();
    assert_eq!(v["articles"], 1);
    assert_eq!(v["meetings"], 1);
    assert_eq!(v["statements"], 1);
    assert_eq!(v["annotations"], 2);
    assert_eq!(v["memberships"], 1);
});
