//! Bad inputs: each gives one error line naming the file (and line); the good inputs
//! are still stored; the exit code is 2.

use crate::util::{s, stderr_lines};

ngtest!(bad_inputs_are_reported_and_good_ones_stored, |ng| {
    ng.write("in/bad_utf8.txt", b" date 2023-10-16 caf\xe9 au lait\n");
    ng.write("in/empty.txt", b"");
    ng.write(
        "in/feed.jsonl",
        "{\"id\":\"j1\",\"text\":\"Iran spoke.\",\"date\":\"2023-10-16\"}\n\
         {\"id\":\"j2\",\"text\":\n\
         {\"id\":\"j3\",\"text\":\"Russia spoke.\",\"date\":\"2023-10-16\"}\n",
    );
    ng.write("in/bad_date.txt", " date 2023-02-30 Qatar hosted talks.\n");
    ng.write("in/good.txt", " date 2023-10-16 Turkey and Iran.\n");
    let out = ng.run(&["ingest", "in"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code 2 when an input failed"
    );
    let errs = stderr_lines(&out);
    assert_eq!(errs.len(), 4, "one line per bad input: {errs:#?}");
    let has = |needle: &str| {
        errs.iter()
            .any(|l| l.starts_with("newsgraph: ") && l.contains(needle))
    };
    assert!(has("bad_utf8.txt:1:"), "{errs:#?}");
    assert!(has("empty.txt"), "{errs:#?}");
    assert!(has("feed.jsonl:2:"), "{errs:#?}");
    assert!(has("bad_date.txt"), "{errs:#?}");
    let summary = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(summary.contains("ingested 3 articles"), "{summary}");
    assert!(summary.contains("4 errors"), "{summary}");
    let ttl = ng.ok(&["export"]);
    for id in ["article:j1", "article:j3", "article:good"] {
        assert!(ttl.contains(id), "{id} stored");
    }
    assert!(!ttl.contains("article:bad_date"));
});

ngtest!(broken_record_line_is_reported, |ng| {
    let f = ng.write("r.jsonl", "{\"article\": 1}\n");
    let out = ng.run(&["ingest", "--records", s(&f)]);
    assert_eq!(out.status.code(), Some(2));
    let errs = stderr_lines(&out);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].contains("r.jsonl:1: not an extraction record"),
        "{errs:?}"
    );
});

ngtest!(bad_date_flag_is_a_usage_error, |ng| {
    let f = ng.write("a.txt", "Iran.");
    let out = ng.run(&["ingest", "--date", "2023-13-01", s(&f)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_lines(&out)[0].contains("--date"));
});
