//! `--help` works for the program and for every command.

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
    ] {
        assert!(top.contains(cmd), "top-level help lists {cmd}");
        let h = ng.ok(&[cmd, "--help"]);
        assert!(h.contains("Usage: newsgraph"), "{cmd} --help");
    }
    assert!(ng.ok(&["eval", "--help"]).contains("Usage"));
});

ngtest!(version_works, |ng| {
    assert!(ng.ok(&["--version"]).starts_with("newsgraph "));
});
