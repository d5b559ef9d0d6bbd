//! Ingesting: the summary, the store option, replacing an article's graph, the lock.

use crate::util::{corpus, s, stderr_lines};

ngtest!(ingest_prints_a_summary, |ng| {
    let out = ng.ok(&["ingest", s(&corpus())]);
    assert!(out.starts_with("ingested 5 articles"), "{out}");
    for word in ["actors", "meetings", "statements", "triples", "0 errors"] {
        assert!(out.contains(word), "{out}");
    }
    assert!(ng.store().join("graphs").is_dir());
});

ngtest!(store_flag_overrides_environment, |ng| {
    let other = ng.dir.path().join("other");
    ng.ok(&["ingest", "--store", s(&other), s(&corpus())]);
    assert!(other.join("newsgraph-store.json").is_file());
    assert!(!ng.store().exists());
});

ngtest!(reingest_replaces_the_article_graph, |ng| {
    let f = ng.write(
        "a.jsonl",
        r#"{"id":"x1","date":"2023-10-16","text":"Russia and Iran signed a deal in Moscow."}"#,
    );
    ng.ok(&["ingest", s(&f)]);
    let before = ng.ok(&["export", "--format", "ntriples"]);
    ng.write(
        "a.jsonl",
        r#"{"id":"x1","date":"2023-10-17","text":"France said nothing."}"#,
    );
    ng.ok(&["ingest", s(&f)]);
    let after = ng.ok(&["export", "--format", "ntriples"]);
    assert_ne!(before, after);
    assert!(!after.contains("2023-10-16"), "no stale triples:\n{after}");
    assert!(!after.contains("Russia"), "no stale actors:\n{after}");
    let n = std::fs::read_dir(ng.store().join("graphs"))
        .unwrap()
        .count();
    assert_eq!(n, 1, "one file per article");
});

ngtest!(second_ingest_refuses_while_store_is_locked, |ng| {
    ng.ok(&["ingest", s(&corpus())]);
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(ng.store().join("lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let out = ng.run(&["ingest", "--no-wait", s(&corpus())]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_lines(&out).join("\n");
    assert!(err.contains("another `newsgraph ingest`"), "{err}");
    // Readers need no lock.
    assert!(ng.ok(&["stats"]).contains("articles"));
});

ngtest!(foreign_directory_is_not_a_store, |ng| {
    ng.write("junk/file.txt", "hello");
    let out = ng.run(&["ingest", "--store", "junk", s(&corpus())]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_lines(&out)
        .join("\n")
        .contains("not a newsgraph store"));
});

ngtest!(query_on_missing_store_says_so, |ng| {
    let out = ng.run(&["stats"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_lines(&out).join("\n").contains("no newsgraph store"));
});

ngtest!(standard_input_is_read, |ng| {
    let out = ng.run_with_input(
        &["ingest", "-"],
        br#"{"id":"s1","date":"2023-10-16","text":"Iran and Russia."}"#,
    );
    assert!(out.status.success());
    assert!(ng.ok(&["export"]).contains("article:s1"));
});
