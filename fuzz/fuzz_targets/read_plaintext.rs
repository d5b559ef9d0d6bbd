//! Fuzz target: the plain-text reader on any bytes. It must never panic; an accepted
//! body must be the tail of the input and not blank; an error must name the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    match newsgraph::corpus::parse_plaintext(Path::new("f.txt"), data, None) {
        Ok(a) => {
            let text = String::from_utf8_lossy(data);
            assert!(text.ends_with(&a.body), "body is not the input's tail");
            assert!(!a.body.trim().is_empty(), "blank body accepted");
        }
        Err(e) => assert!(e.to_string().starts_with("f.txt"), "{e}"),
    }
});
