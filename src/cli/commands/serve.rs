//! `newsgraph serve`: opens the store and hands it to the HTTP server.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::cli::args::ServeArgs;
use crate::server::{ServerOptions, ServerState};
use crate::store::{ExportFormat, Store};

/// Runs `serve` until the process is stopped.
pub fn run(args: &ServeArgs) -> Result<bool> {
    let dir = &args.store.store;
    let store = Arc::new(Store::open(dir).with_context(|| format!("opening store {}", dir.display()))?);
    let write_token = if args.writable {
        let token = std::env::var("NEWSGRAPH_TOKEN")
            .ok()
            .filter(|t| !t.trim().is_empty())
            .context("--writable needs a bearer token in the NEWSGRAPH_TOKEN environment variable")?;
        Some(token)
    } else {
        None
    };
    let options = ServerOptions {
        timeout: Duration::from_secs(args.timeout.max(1)),
        max_concurrent_queries: args.max_queries.max(1),
        write_token,
        ..ServerOptions::default()
    };
    let exporter = Arc::clone(&store);
    let export: crate::server::ExportFn = Box::new(move |w: &mut dyn std::io::Write| {
        crate::store::export::export(&exporter, ExportFormat::Turtle, w)
            .map(|_| ())
            .map_err(std::io::Error::other)
    });
    let oxigraph = store.oxigraph().clone();
    let state = if args.writable {
        ServerState::with_export(oxigraph, options, export)
    } else {
        ServerState::over_merged_store(oxigraph, options, export)
    };
    eprintln!(
        "newsgraph: serving {} at http://{}/ (SPARQL at /sparql){}",
        dir.display(),
        args.bind,
        if args.writable { ", writable" } else { ", read-only" }
    );
    crate::server::serve(state, args.bind)?;
    Ok(true)
}
