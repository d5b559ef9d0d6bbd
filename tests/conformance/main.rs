//! Runs the W3C SPARQL 1.1 Protocol, Service Description and Graph Store Protocol
//! test manifests from
//! `../shared/conformance/` (or `$NEWSGRAPH_SHARED/conformance/`) against
//! `newsgraph::server::handle` in-process, with the manifests' `/sparql/` routes
//! rewritten to ours. Prints PASS/FAIL/SKIP per test (every skip with its reason) and
//! fails if any test fails. Skips everything, with a note, when the manifests are absent.
//!
//! It reads the manifests with Oxigraph itself (they are Turtle) and walks them with
//! SPARQL; it does not start a socket.

mod graph_store;
mod manifest;
mod service_description;

use std::path::PathBuf;
use std::process::ExitCode;

/// The outcome of one test.
pub enum Outcome {
    /// Passed.
    Pass,
    /// Failed, with why.
    Fail(String),
    /// Not run, with why.
    Skip(String),
}

fn shared_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("NEWSGRAPH_SHARED").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| dir.join("conformance").is_dir())
}

fn main() -> ExitCode {
    let Some(shared) = shared_dir() else {
        println!(
            "conformance: SKIPPED: ../shared/conformance not found next to the crate \
             (set NEWSGRAPH_SHARED to the shared directory to run it)"
        );
        return ExitCode::SUCCESS;
    };
    let conformance = shared.join("conformance");
    let mut results: Vec<(String, Outcome)> = Vec::new();
    match manifest::run_protocol(&conformance.join("w3c-sparql11-protocol/manifest.ttl")) {
        Ok(mut r) => results.append(&mut r),
        Err(e) => results.push(("protocol manifest".into(), Outcome::Fail(e))),
    }
    match service_description::run(&conformance.join("w3c-service-description/manifest.ttl")) {
        Ok(mut r) => results.append(&mut r),
        Err(e) => results.push(("service description manifest".into(), Outcome::Fail(e))),
    }
    for (file, direct) in [
        ("manifest-indirect.ttl", false),
        ("manifest-direct.ttl", true),
    ] {
        let path = conformance.join("w3c-graph-store-protocol").join(file);
        match graph_store::run(&path, direct) {
            Ok(mut r) => results.append(&mut r),
            Err(e) => results.push((format!("graph store {file}"), Outcome::Fail(e))),
        }
    }
    let (mut pass, mut fail, mut skip) = (0, 0, 0);
    for (name, outcome) in &results {
        match outcome {
            Outcome::Pass => {
                pass += 1;
                println!("PASS {name}");
            }
            Outcome::Fail(why) => {
                fail += 1;
                println!("FAIL {name}: {why}");
            }
            Outcome::Skip(why) => {
                skip += 1;
                println!("SKIP {name}: {why}");
            }
        }
    }
    println!("conformance: {pass} passed, {fail} failed, {skip} skipped");
    if fail == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
