//! `newsgraph extract`: one JSON extraction record per article on standard output.

use std::io::Write;

use anyhow::Result;
use rayon::prelude::*;

use crate::cli::args::InputArgs;
use crate::corpus;
use crate::extract::{self, Config};

/// Runs `extract`; returns whether every input was read without error.
pub fn run(input: &InputArgs) -> Result<bool> {
    let opts = super::read_options(input)?;
    let (articles, errors) = corpus::read_inputs(&input.paths, &opts);
    for e in &errors {
        eprintln!("newsgraph: {e}");
    }
    let config = Config::default();
    // Extraction in parallel; `collect` keeps input order.
    let records: Vec<_> = articles
        .into_par_iter()
        .map(|a| extract::extract_article(a, &config))
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for rec in &records {
        serde_json::to_writer(&mut out, rec)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(errors.is_empty())
}
