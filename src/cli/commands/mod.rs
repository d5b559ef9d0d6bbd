//! Runs the commands: one file per command, each reading its arguments, calling the
//! library and printing the answer. No extraction rules or RDF mapping live here.

mod actors;
mod actors_file;
mod compact;
mod export;
mod extract;
mod ingest;
mod listings;
mod push;
mod query;
mod serve;
mod sparql;
mod stats;

use anyhow::{Context, Result};

use super::args::{Cli, Command, EvalCommand, InputArgs};
use crate::corpus::{self, ReadOptions};

/// Runs a parsed command line; returns whether every input was processed without
/// error (`false` means: some input was rejected, exit code 2).
pub fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Ingest(args) => ingest::run(&args),
        Command::Extract { input } => extract::run(&input),
        Command::Query(args) => query::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Meetings(args) => listings::meetings(&args),
        Command::Statements(args) => listings::statements(&args),
        Command::Actors(args) => actors::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::Compact(args) => compact::run(&args),
        Command::Push(args) => push::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Eval(EvalCommand::Statements(args)) => crate::eval::polnear::run(&args),
        Command::Eval(EvalCommand::Meetings(args)) => crate::eval::meetings::run(&args),
        Command::Eval(EvalCommand::Actors(args)) => crate::eval::actors::run(&args),
        Command::Eval(EvalCommand::NearMisses(args)) => crate::eval::near_misses::run(&args),
    }
}

/// The reading options of the input flags.
pub(crate) fn read_options(input: &InputArgs) -> Result<ReadOptions> {
    let date = match &input.date {
        Some(d) => Some(
            corpus::parse_date(d)
                .with_context(|| format!("--date {d}: expected an existing day as YYYY-MM-DD"))?,
        ),
        None => None,
    };
    Ok(ReadOptions {
        format: input.input_format,
        date,
    })
}

/// Checks a `--from`/`--to` day and returns it as `YYYY-MM-DD`.
pub(crate) fn day_arg(flag: &str, value: Option<&str>) -> Result<Option<String>> {
    value
        .map(|v| {
            chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                .map(|d| d.format("%Y-%m-%d").to_string())
                .with_context(|| format!("{flag} {v}: expected an existing day as YYYY-MM-DD"))
        })
        .transpose()
}
