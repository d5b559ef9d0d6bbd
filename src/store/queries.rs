//! The whole-corpus SPARQL that newsgraph's own commands and benchmarks ask, written
//! in the forms Oxigraph answers fastest on a large store. Text only: this module
//! must not run queries (that is [`super::Store::query`]) nor hold the prologue
//! (`graph::vocab::PREFIXES`).
//!
//! Why the subqueries. Oxigraph's planner has no statistics: it joins
//! `?m a sem:Event ; schema:attendee ?a` by scanning the type triples and seeking each
//! meeting's attendees, one index seek per meeting (3,645 at 100k articles), because
//! it guesses that a pattern with one bound term is small. A subquery is never joined
//! by seeks, so wrapping the larger side in one makes the join a hash join over two
//! scans: the same rows, with every meeting still checked to be a `sem:Event`. On the
//! 100k RocksDB mirror, every meeting with its attendees takes 37 ms instead of 61 ms
//! and the statements per speaker 137 ms instead of 1.2 s. Queries that bind an actor
//! stay as they are: there the seeks are the fast plan.

/// Every meeting with each of its attendees (`?m`, `?a`): "who met whom".
pub const MEETING_ATTENDEES: &str =
    "SELECT ?m ?a WHERE { ?m a sem:Event . { SELECT ?m ?a WHERE { ?m schema:attendee ?a } } }";

/// The same rows as [`MEETING_ATTENDEES`] in the form most users write, which
/// Oxigraph answers with one index seek per meeting (kept for the benchmark's
/// side-by-side figure).
pub const MEETING_ATTENDEES_PLAIN: &str =
    "SELECT ?m ?a WHERE { ?m a sem:Event ; schema:attendee ?a }";

/// How many meetings each actor attended (`?a`, `?n`).
pub const MEETINGS_PER_ACTOR: &str =
    "SELECT ?a (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a sem:Event . \
     { SELECT ?m ?a WHERE { ?m schema:attendee ?a } } } GROUP BY ?a";

/// How many statements each speaker made (`?a`, `?n`).
pub const STATEMENTS_PER_SPEAKER: &str =
    "SELECT ?a (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a schema:Quotation . \
     { SELECT ?s ?a WHERE { ?s schema:spokenByCharacter ?a } } } GROUP BY ?a";
