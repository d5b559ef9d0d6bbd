//! Fuzz target: the JSON Lines reader on any bytes. It must never panic; every error
//! names the file and a line; every article comes from an existing line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let (articles, errors) = newsgraph::corpus::parse_jsonl(Path::new("f.jsonl"), data, None);
    let lines = data.split(|&b| b == b'\n').count();
    for e in &errors {
        assert!(e.to_string().starts_with("f.jsonl:"), "{e}");
    }
    for a in &articles {
        assert!(a.line.is_some_and(|l| (1..=lines).contains(&l)));
        assert!(!a.body.trim().is_empty(), "blank body accepted");
    }
});
