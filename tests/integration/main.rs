//! The integration tests: one target, one module per topic. Each test drives the
//! built `newsgraph` binary in a temporary directory (see `util`).

#[macro_use]
mod util;

mod corpus;
mod dictionary;
mod errors;
mod export;
mod gold;
mod help;
mod incremental;
mod ingest;
mod query;
mod structure;
