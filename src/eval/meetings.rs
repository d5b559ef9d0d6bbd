//! Scoring meetings against gold. (Being written.)

use std::path::PathBuf;

/// Arguments of `newsgraph eval meetings`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold data to score against.
    pub gold: Vec<PathBuf>,
    /// Print a per-document list of errors.
    #[arg(long)]
    pub errors: bool,
}

/// Runs the evaluation and prints the figures; returns whether it ran cleanly.
pub fn run(args: &EvalArgs) -> anyhow::Result<bool> {
    let _ = args;
    anyhow::bail!("not written yet")
}
