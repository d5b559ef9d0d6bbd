//! `--help` works for the program and for every command, and a command this build
//! cannot carry out (`compact` without the RocksDB mirror) says so and changes nothing.

ngtest!(help_works_for_every_command, |ng| {
    let top = ng.ok(&["--help"]);
    for cmd in [
        "ingest",
        "extract",
        "query",
        "export",
        "meetings",
        "statements",
        "actors",
        "stats",
        "compact",
    ] {
        assert!(top.contains(cmd), "top-level help lists {cmd}");
        let h = ng.ok(&[cmd, "--help"]);
        assert!(h.contains("Usage: newsgraph"), "{cmd} --help");
    }
    assert!(ng.ok(&["eval", "--help"]).contains("Usage"));
});

ngtest!(compact_without_the_rocksdb_feature_does_nothing, |ng| {
    if cfg!(feature = "rocksdb") {
        return; // tests/rocksdb.rs covers the mirror
    }
    ng.ok(&["ingest", crate::util::s(&crate::util::corpus())]);
    let before = std::fs::read_dir(ng.store().join("graphs"))
        .unwrap()
        .count();
    let out = ng.ok(&["compact"]);
    assert!(out.contains("nothing to compact"), "{out}");
    assert_eq!(
        std::fs::read_dir(ng.store().join("graphs"))
            .unwrap()
            .count(),
        before
    );
    let missing = ng.run(&["compact", "--store", "/nonexistent/newsgraph-store"]);
    assert!(!missing.status.success());
});

ngtest!(version_works, |ng| {
    assert!(ng.ok(&["--version"]).starts_with("newsgraph "));
});
