//! `newsgraph push --to URL`: sends the store to a remote SPARQL store (Graph Store
//! HTTP Protocol), prints progress on standard error and a summary line. The protocol
//! work is in [`engine`], the HTTP in [`http`]; this file only reads arguments.

pub mod engine;
pub mod http;

use std::io::IsTerminal;

use anyhow::{bail, Result};

use crate::cli::args::PushArgs;

/// Runs `push`; returns whether every graph was accepted.
pub fn run(args: &PushArgs) -> Result<bool> {
    let mut headers = Vec::new();
    for h in &args.header {
        let Some((k, v)) = h.split_once(':') else {
            bail!("--header {h}: expected `Name: value`");
        };
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
    let opts = engine::PushOptions {
        url: args.to.clone(),
        graph_store_path: args.graph_store_path.clone(),
        headers,
        default_graph: !args.no_default_graph,
    };
    let terminal = std::io::stderr().is_terminal();
    let summary = engine::push(&args.store.store, &opts, |done, total| {
        if terminal && (done % 100 == 0 || done == total) {
            eprint!("\rpushed {done}/{total} graphs");
            if done == total {
                eprintln!();
            }
        }
    })?;
    for e in &summary.errors {
        eprintln!("newsgraph: push: {e}");
    }
    println!(
        "pushed to {}: {} graphs sent ({} triples), {} unchanged, {} failed",
        args.to, summary.sent, summary.triples, summary.unchanged, summary.failed
    );
    Ok(summary.failed == 0)
}
