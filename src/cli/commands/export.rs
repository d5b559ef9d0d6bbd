//! `newsgraph export`: the whole store in an RDF format, to standard output or a file.

use std::io::Write;

use anyhow::{Context, Result};

use crate::cli::args::ExportArgs;
use crate::store::{export, Store};

/// Runs `export`. A file is written next to its final name and renamed into place.
pub fn run(args: &ExportArgs) -> Result<bool> {
    let store = Store::open(&args.store.store)?;
    match &args.output {
        None => {
            let stdout = std::io::stdout();
            let out = std::io::BufWriter::new(stdout.lock());
            export::export(&store, args.format, out)?
                .flush()
                .context("writing the export")?;
        }
        Some(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "export".into());
            let tmp = path.with_file_name(format!(".{name}.tmp"));
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("{}: cannot create", tmp.display()))?;
            let mut w = export::export(&store, args.format, std::io::BufWriter::new(file))?;
            w.flush()
                .with_context(|| format!("{}: cannot write", tmp.display()))?;
            drop(w);
            std::fs::rename(&tmp, path)
                .with_context(|| format!("{}: cannot rename into place", path.display()))?;
        }
    }
    Ok(true)
}
