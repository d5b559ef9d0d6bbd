//! Incremental ingest: a store built by several ingests, in any order, holds the same
//! bytes as one ingest of the same articles, with and without an actor dictionary,
//! as long as the renamings the new articles cause re-link no more earlier articles
//! than they are; beyond that, published IRIs are kept (`resolve::published`).
//! The batches overlap in actors and meetings (copies of the sample articles under
//! other ids and dates, as the benchmark corpus is made), so later batches join the
//! clusters earlier ones made.

use std::path::{Path, PathBuf};

use crate::util::{corpus_files, s, Ng};

/// The articles: each sample article under ids `NAME~0`, `NAME~1` and `NAME~10` (which
/// sorts between the other two), the copies dated 3 days apart.
fn copies() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in corpus_files() {
        let text = std::fs::read_to_string(&f).expect("sample article");
        let name = f.file_stem().and_then(|n| n.to_str()).unwrap_or("a");
        for (copy, day) in [(0, "2024-03-01"), (1, "2024-03-04"), (10, "2024-03-31")] {
            let line =
                serde_json::json!({"id": format!("{name}~{copy}"), "date": day, "text": text});
            out.push((format!("{name}~{copy}"), line.to_string()));
        }
    }
    out
}

/// Writes three overlapping batches (every third article, shifted) and all of them.
fn batches(ng: &Ng) -> (Vec<PathBuf>, PathBuf) {
    let all = copies();
    let mut parts = [String::new(), String::new(), String::new()];
    for (k, (_, line)) in all.iter().enumerate() {
        parts[(k * 7) % 3].push_str(line);
        parts[(k * 7) % 3].push('\n');
    }
    let files = parts
        .iter()
        .enumerate()
        .map(|(k, p)| ng.write(&format!("batch{k}.jsonl"), p))
        .collect();
    let whole: String = all.iter().map(|(_, l)| format!("{l}\n")).collect();
    (files, ng.write("all.jsonl", whole))
}

fn dictionary() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/actors.ttl")
}

/// Ingests the batches in `order` into a new store (the dictionary, if any, with the
/// first) and exports it as N-Quads.
fn in_parts(ng: &Ng, name: &str, files: &[PathBuf], order: &[usize], dict: bool) -> String {
    let store = ng.dir.path().join(name);
    for (n, &k) in order.iter().enumerate() {
        let mut args = vec!["ingest", "--store", s(&store)];
        let d = dictionary();
        if dict && n == 0 {
            args.extend(["--actors", s(&d)]);
        }
        args.push(s(&files[k]));
        ng.ok(&args);
    }
    ng.ok(&["export", "--store", s(&store), "--format", "nquads"])
}

fn at_once(ng: &Ng, name: &str, all: &Path, dict: bool) -> String {
    let store = ng.dir.path().join(name);
    let mut args = vec!["ingest", "--store", s(&store)];
    let d = dictionary();
    if dict {
        args.extend(["--actors", s(&d)]);
    }
    args.push(s(all));
    ng.ok(&args);
    ng.ok(&["export", "--store", s(&store), "--format", "nquads"])
}

ngtest!(three_batches_in_any_order_equal_one_ingest, |ng| {
    let (files, all) = batches(&ng);
    let once = at_once(&ng, "once", &all, false);
    assert!(once.contains("/meeting/"), "the copies hold meetings");
    for (n, order) in [[0, 1, 2], [2, 1, 0], [1, 2, 0]].iter().enumerate() {
        let parts = in_parts(&ng, &format!("parts{n}"), &files, order, false);
        assert!(parts == once, "order {order:?} differs from one ingest");
    }
});

ngtest!(three_batches_with_the_dictionary_equal_one_ingest, |ng| {
    let (files, all) = batches(&ng);
    let once = at_once(&ng, "once", &all, true);
    assert!(once.contains("wikidata.org"), "the dictionary was used");
    for (n, order) in [[0, 1, 2], [2, 0, 1]].iter().enumerate() {
        let parts = in_parts(&ng, &format!("parts{n}"), &files, order, true);
        assert!(parts == once, "order {order:?} differs from one ingest");
    }
});

ngtest!(repeating_a_batch_relinks_nothing, |ng| {
    let (files, _) = batches(&ng);
    let store = ng.dir.path().join("again");
    for f in &files {
        ng.ok(&["ingest", "--store", s(&store), s(f)]);
    }
    let out = ng.ok(&["ingest", "--store", s(&store), s(&files[0])]);
    assert!(!out.contains("re-linked"), "{out}");
});

/// Two articles name "Abu Marzouk"; a third gives his full name, which would rename
/// the actor in both (more than the one new article may re-link).
fn marzouk(ng: &Ng) -> (PathBuf, PathBuf) {
    let old = [
        ("old1", "2024-03-01", "Hamas official Abu Marzouk arrived in Moscow on Monday. Abu Marzouk said the talks would continue."),
        ("old2", "2024-03-02", "Hamas official Abu Marzouk left Moscow on Tuesday. Abu Marzouk said the talks were useful."),
    ];
    let new = ("new1", "2024-03-03", "Hamas official Mousa Abu Marzouk met Russian diplomat Mikhail Bogdanov in Moscow on Wednesday. Abu Marzouk said the talks were useful.");
    let line = |(id, date, text): (&str, &str, &str)| {
        serde_json::json!({"id": id, "date": date, "text": text}).to_string() + "\n"
    };
    let old: String = old.into_iter().map(line).collect();
    (ng.write("old.jsonl", old), ng.write("new.jsonl", line(new)))
}

/// The person IRIs of the store, by article graph.
fn person_iris(ng: &Ng, store: &Path) -> Vec<String> {
    let q = "SELECT ?g ?a WHERE { GRAPH ?g { ?a a <http://schema.org/Person> } } ORDER BY ?g ?a";
    let out = ng.ok(&["query", "--store", s(store), "--format", "csv", q]);
    out.lines()
        .skip(1)
        .filter(|l| !l.contains("bogdanov"))
        .map(|l| l.rsplit('/').next().unwrap_or_default().trim().to_string())
        .collect()
}

ngtest!(a_renaming_beyond_the_budget_keeps_the_published_iri, |ng| {
    let (old, new) = marzouk(&ng);
    let store = ng.dir.path().join("kept");
    ng.ok(&["ingest", "--store", s(&store), s(&old)]);
    ng.ok(&["ingest", "--store", s(&store), s(&new)]);
    assert_eq!(person_iris(&ng, &store), vec!["abu-marzouk"; 3]);
});

ngtest!(relink_re_resolves_as_one_ingest, |ng| {
    let (old, new) = marzouk(&ng);
    let store = ng.dir.path().join("relinked");
    ng.ok(&["ingest", "--store", s(&store), s(&old)]);
    let out = ng.ok(&["ingest", "--relink", "--store", s(&store), s(&new)]);
    assert!(out.contains("re-linked 2 earlier articles"), "{out}");
    assert_eq!(person_iris(&ng, &store), vec!["mousa-abu-marzouk"; 3]);
    let once = ng.dir.path().join("once");
    ng.ok(&["ingest", "--store", s(&once), s(&old), s(&new)]);
    let export = |st: &Path| ng.ok(&["export", "--store", s(st), "--format", "nquads"]);
    assert!(
        export(&store) == export(&once),
        "--relink differs from one ingest"
    );
});

ngtest!(
    small_ingests_append_index_segments_that_read_back_alike,
    |ng| {
        let all = copies();
        let line = |k: usize| format!("{}\n", all[k].1);
        let head: String = (0..all.len() - 2).map(line).collect();
        let store = ng.dir.path().join("segments");
        let files = [
            ng.write("head.jsonl", head),
            ng.write("one.jsonl", line(all.len() - 2)),
            ng.write("two.jsonl", line(all.len() - 1)),
        ];
        for f in &files {
            ng.ok(&["ingest", "--store", s(&store), s(f)]);
        }
        let index = store.join("index");
        assert!(index.join("added-000002.jsonl").is_file(), "two segments");
        let before = ng.ok(&["export", "--store", s(&store), "--format", "nquads"]);
        // One more ingest reads base and segments; the same batch again changes nothing.
        let out = ng.ok(&["ingest", "--store", s(&store), s(&files[2])]);
        assert!(!out.contains("re-linked"), "{out}");
        let after = ng.ok(&["export", "--store", s(&store), "--format", "nquads"]);
        assert!(before == after, "the index read back from segments differs");
        // And a rebuild from the records gives the same graph.
        std::fs::remove_dir_all(&index).unwrap();
        ng.ok(&["ingest", "--store", s(&store), s(&files[2])]);
        let rebuilt = ng.ok(&["export", "--store", s(&store), "--format", "nquads"]);
        assert!(before == rebuilt, "rebuilding the index changes the graph");
    }
);

/// Facts whose corpus-graph source count differs from the article graphs that state
/// them (as `sem:Event` or `schema:Quotation`), one CSV line each.
fn miscounted(ng: &Ng, store: &Path) -> Vec<String> {
    let q = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>
        SELECT ?f ?n (COUNT(DISTINCT ?g) AS ?k) WHERE {
          GRAPH <https://w3id.org/newsgraph/id/graph/corpus> { ?f ng:sourceCount ?n }
          OPTIONAL { GRAPH ?g { ?f a ?t }
            FILTER(?t IN (<http://semanticweb.cs.vu.nl/2009/11/sem/Event>,
                          <http://schema.org/Quotation>)) }
        } GROUP BY ?f ?n HAVING (?k != ?n)";
    let out = ng.ok(&["query", "--store", s(store), "--format", "csv", q]);
    out.lines().skip(1).map(String::from).collect()
}

ngtest!(
    the_corpus_graph_counts_the_articles_that_state_each_fact,
    |ng| {
        let (files, all) = batches(&ng);
        at_once(&ng, "once", &all, false);
        assert_eq!(
            miscounted(&ng, &ng.dir.path().join("once")),
            Vec::<String>::new()
        );
        in_parts(&ng, "parts", &files, &[2, 0, 1], false);
        assert_eq!(
            miscounted(&ng, &ng.dir.path().join("parts")),
            Vec::<String>::new()
        );
        let (old, new) = marzouk(&ng);
        let kept = ng.dir.path().join("kept");
        ng.ok(&["ingest", "--store", s(&kept), s(&old)]);
        ng.ok(&["ingest", "--store", s(&kept), s(&new)]);
        assert_eq!(miscounted(&ng, &kept), Vec::<String>::new());
    }
);

/// Rewrites a store in the layout of store format 1: each graph file's record line
/// moved to `records/<stem>.json`, the marker saying format 1.
fn to_format_1(store: &Path) {
    let records = store.join("records");
    std::fs::create_dir_all(&records).unwrap();
    for e in std::fs::read_dir(store.join("graphs")).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (first, quads) = text.split_once('\n').unwrap();
        let json = first
            .strip_prefix("# newsgraph-record ")
            .expect("a record line");
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        std::fs::write(records.join(format!("{stem}.json")), json).unwrap();
        std::fs::write(&path, quads).unwrap();
    }
    std::fs::write(store.join("newsgraph-store.json"), "{\"format\": 1}\n").unwrap();
}

ngtest!(a_store_of_format_1_is_read_and_extended_alike, |ng| {
    let all = copies();
    let head: String = (0..all.len() - 2)
        .map(|k| format!("{}\n", all[k].1))
        .collect();
    let tail: String = (all.len() - 2..all.len())
        .map(|k| format!("{}\n", all[k].1))
        .collect();
    let (head, tail) = (ng.write("head.jsonl", head), ng.write("tail.jsonl", tail));
    let export = |st: &Path| ng.ok(&["export", "--store", s(st), "--format", "nquads"]);
    let current = ng.dir.path().join("current");
    ng.ok(&["ingest", "--store", s(&current), s(&head)]);
    ng.ok(&["ingest", "--store", s(&current), s(&tail)]);
    let want = export(&current);
    // With its index (new articles resolve online), and with the index rebuilt from
    // the record files.
    for (name, drop_index) in [("old", false), ("old-rebuilt", true)] {
        let old = ng.dir.path().join(name);
        ng.ok(&["ingest", "--store", s(&old), s(&head)]);
        to_format_1(&old);
        if drop_index {
            std::fs::remove_dir_all(old.join("index")).unwrap();
        }
        ng.ok(&["ingest", "--store", s(&old), s(&tail)]);
        assert!(
            export(&old) == want,
            "{name}: differs from the current layout"
        );
        let stats = ng.ok(&["stats", "--store", s(&old), "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&stats).unwrap();
        assert_eq!(v["articles"].as_u64(), Some(all.len() as u64), "{name}");
    }
});
