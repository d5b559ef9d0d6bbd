//! newsgraph: a knowledge-graph exporter for news.
//!
//! It reads news articles, finds the **actors** (people, organisations, countries and
//! their roles), the **meetings** between them and their **statements**, and maps them
//! into RDF in an embedded Oxigraph store that answers SPARQL.
//!
//! The crate follows one one-way flow, one module per stage:
//!
//! ```text
//! corpus ──> nlp ──> extract ──> resolve ──> graph ──> store ──> (cli | server)
//! ```
//!
//! - [`corpus`]: bytes in, [`corpus::Article`] out; every input format and input error.
//! - [`nlp`]: an article in, an annotated [`nlp::Doc`] out (sentences, tokens, quotes,
//!   actor mentions, coreference, time expressions).
//! - [`extract`]: the annotated document in, the [`extract::Record`] out: the JSON Lines
//!   extraction record that outside tools score.
//! - [`resolve`]: deterministic identity keys and IRIs, so the same actor, meeting or
//!   statement gets the same IRI whichever article it came from.
//! - [`graph`]: a pure function from records to RDF quads (one named graph per article).
//! - [`store`]: the only module that touches Oxigraph's `Store`: open, replace an
//!   article's graph atomically, query, export.
//! - [`cli`]: the command line, a thin shell over the library.
#![warn(missing_docs)]

pub mod cli;
pub mod corpus;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod nlp;
pub mod resolve;
pub mod server;
pub mod store;
