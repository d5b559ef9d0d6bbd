//! `/export.ttl`: the whole graph as one Turtle document, and the fallback exporter
//! used until the `store` module's sorted export is wired in.
//!
//! In: the state's exporter; out: a complete `text/turtle` answer or an error (never
//! a 200 with half a document). It does not choose what the export contains beyond
//! the fallback: all triples of all graphs, deduplicated and sorted.

use std::io::{self, Write};

use oxigraph::io::RdfFormat;
use oxigraph::model::Triple;
use oxigraph::store::Store;

use super::formats;
use super::limits::{self, BoundedBuffer};
use super::{Response, ServerState};

/// Writes every triple of every graph once, sorted by its N-Triples form, as Turtle.
pub fn write_sorted_turtle(store: &Store, out: &mut dyn Write) -> io::Result<()> {
    let mut triples: Vec<Triple> = Vec::new();
    for quad in store.iter() {
        let quad = quad.map_err(io::Error::other)?;
        triples.push(Triple::new(quad.subject, quad.predicate, quad.object));
    }
    triples.sort_by_cached_key(|t| t.to_string());
    triples.dedup();
    let mut writer = formats::rdf_serializer(RdfFormat::Turtle).for_writer(out);
    for triple in &triples {
        writer.serialize_triple(triple)?;
    }
    writer.finish()?;
    Ok(())
}

/// Answers `GET /export.ttl`.
pub fn handle(state: &ServerState) -> Response {
    let Some(_slot) = state.gate.try_enter() else {
        return limits::busy_response(state.options.max_concurrent_queries);
    };
    let max = state.options.max_response_bytes;
    let mut buffer = BoundedBuffer::new(max);
    match (state.export_turtle)(&mut buffer) {
        Ok(()) => Response::new(200, "text/turtle; charset=utf-8", buffer.bytes).with_header(
            "Content-Disposition",
            "inline; filename=\"newsgraph-export.ttl\"",
        ),
        Err(e) if limits::is_too_large(&e) => limits::response_too_large(max),
        Err(e) => Response::text(500, format_args!("export failed: {e}")),
    }
}
