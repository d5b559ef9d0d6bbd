//! Runs the commands: reads arguments, calls the library, prints the answer.

use std::io::Write;

use anyhow::{Context, Result};

use super::args::{Cli, Command, EvalCommand, InputArgs};
use crate::corpus::{self, ReadOptions};
use crate::extract::{self, Config};

/// Runs a parsed command line; returns whether every input was read without error.
pub fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Extract { input } => extract_cmd(&input),
        Command::Eval(EvalCommand::Statements(args)) => crate::eval::polnear::run(&args),
        Command::Eval(EvalCommand::Meetings(args)) => crate::eval::meetings::run(&args),
        Command::Eval(EvalCommand::Actors(args)) => crate::eval::actors::run(&args),
        Command::Eval(EvalCommand::NearMisses(args)) => crate::eval::near_misses::run(&args),
    }
}

fn read_options(input: &InputArgs) -> Result<ReadOptions> {
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

fn extract_cmd(input: &InputArgs) -> Result<bool> {
    let opts = read_options(input)?;
    let (articles, errors) = corpus::read_inputs(&input.paths, &opts);
    for e in &errors {
        eprintln!("newsgraph: {e}");
    }
    for w in corpus::warnings(&articles, chrono::Utc::now().date_naive()) {
        eprintln!("newsgraph: warning: {w}");
    }
    let config = Config::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for a in articles {
        let rec = extract::extract_article(a, &config);
        serde_json::to_writer(&mut out, &rec)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(errors.is_empty())
}
