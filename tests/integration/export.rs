//! Exports: Turtle that an independent parser reads and that holds exactly the store's
//! triples; byte-identical exports whatever the ingest order; every format works.

use crate::util::{corpus, corpus_files, rio_nquads, rio_ntriples, rio_trig, rio_turtle, s};

ngtest!(turtle_is_isomorphic_to_the_store, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let ttl = ng.ok(&["export"]);
    let nt = ng.ok(&["export", "--format", "ntriples"]);
    let from_turtle = rio_turtle(&ttl);
    assert!(!from_turtle.is_empty());
    assert_eq!(from_turtle, rio_ntriples(&nt));
    assert!(
        ttl.starts_with("@prefix"),
        "Turtle starts with its prefixes"
    );
    assert!(!ttl.contains("_:"), "no blank nodes");
});

ngtest!(trig_is_isomorphic_to_nquads, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let trig = ng.ok(&["export", "--format", "trig"]);
    let nq = ng.ok(&["export", "--format", "nquads"]);
    assert_eq!(rio_trig(&trig), rio_nquads(&nq));
    let lines: Vec<&str> = nq.lines().collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted, "N-Quads export is sorted");
});

ngtest!(store_files_hold_the_same_quads_as_the_export, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    // Records with meetings, statements and roles, whatever extraction finds today.
    let records =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/shacl-records.jsonl");
    ng.ok(&["ingest", "--records", s(&records)]);
    let mut from_files = String::new();
    for e in std::fs::read_dir(ng.store().join("graphs")).unwrap() {
        from_files.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    let nq = ng.ok(&["export", "--format", "nquads"]);
    assert_eq!(rio_nquads(&from_files), rio_nquads(&nq));
});

ngtest!(export_is_byte_identical_for_two_ingest_orders, |ng| {
    let files = corpus_files();
    let a = ng.dir.path().join("a");
    let b = ng.dir.path().join("b");
    let mut forward: Vec<&str> = vec!["ingest", "--store", s(&a)];
    forward.extend(files.iter().map(|p| s(p)));
    ng.ok(&forward);
    // Reversed, and one file per run.
    for f in files.iter().rev() {
        ng.ok(&["ingest", "--store", s(&b), s(f)]);
    }
    for format in ["turtle", "nquads", "trig", "ntriples"] {
        let ea = ng.ok(&["export", "--store", s(&a), "--format", format]);
        let eb = ng.ok(&["export", "--store", s(&b), "--format", format]);
        assert!(ea == eb, "{format} exports differ");
    }
});

ngtest!(export_to_file_equals_stdout, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let out = ng.dir.path().join("out.ttl");
    ng.ok(&["export", "-o", s(&out)]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), ng.ok(&["export"]));
});

ngtest!(every_export_format_works, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let jsonld = ng.ok(&["export", "--format", "jsonld"]);
    assert!(serde_json::from_str::<serde_json::Value>(&jsonld).is_ok());
    let xml = ng.ok(&["export", "--format", "rdfxml"]);
    assert!(xml.contains("rdf:RDF"));
});
