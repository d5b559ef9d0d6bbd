//! The clap definitions of every command and flag. Doc comments here become `--help`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::corpus::InputFormat;

/// newsgraph: a knowledge graph of who met whom, who said what, from news articles.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Input options shared by `ingest` and `extract`.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Input format: by extension (auto), plain text, or JSON Lines.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Publication date (YYYY-MM-DD) for plain-text articles without a header.
    #[arg(long)]
    pub date: Option<String>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract actors, meetings and statements and print one JSON record per article.
    Extract {
        /// What to read.
        #[command(flatten)]
        input: InputArgs,
    },
    /// Score extraction against gold annotations (precision, recall, F1).
    #[command(subcommand)]
    Eval(EvalCommand),
}

/// What to evaluate.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Statements against brat attribution files (PolNeAR format) or a JSON gold file.
    Statements(crate::eval::polnear::EvalArgs),
    /// Meetings against gold in the JSON form of the meeting annotation guidelines.
    Meetings(crate::eval::meetings::EvalArgs),
    /// Cross-document actor identity: pairwise precision/recall of actor clustering.
    Actors(crate::eval::actors::EvalArgs),
    /// Precision of merging: near-miss pairs that must stay apart, and control pairs.
    NearMisses(crate::eval::near_misses::EvalArgs),
}
