//! Serves RDF files with the newsgraph endpoint, before `newsgraph serve --store` is
//! wired: `cargo run --example serve_files -- [--bind 127.0.0.1:0] [--timeout 30]
//! [--write-token T] FILE…`. TriG and N-Quads keep their graphs; a Turtle or N-Triples
//! file becomes the named graph `file:///<file name>`. Used by `scripts/server-tests.sh`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context};
use newsgraph::server::{default_bind, serve, ServerOptions, ServerState};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::NamedNode;
use oxigraph::store::Store;

fn main() -> anyhow::Result<()> {
    let mut bind: SocketAddr = default_bind();
    let mut options = ServerOptions::default();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--bind" => bind = args.next().context("--bind needs an address")?.parse()?,
            "--timeout" => {
                let secs: f64 = args.next().context("--timeout needs seconds")?.parse()?;
                options.timeout = Duration::from_secs_f64(secs);
            }
            "--write-token" => options.write_token = args.next(),
            _ if arg.starts_with("--") => bail!("unknown option {arg}"),
            _ => files.push(PathBuf::from(arg)),
        }
    }
    let store = Store::new()?;
    for file in &files {
        let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        let format = RdfFormat::from_extension(extension)
            .with_context(|| format!("{}: unknown RDF extension", file.display()))?;
        let mut parser = RdfParser::from_format(format);
        if !format.supports_datasets() {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("graph");
            parser = parser.with_default_graph(NamedNode::new(format!("file:///{name}"))?);
        }
        let data =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        store
            .load_from_slice(parser, &data)
            .with_context(|| format!("cannot load {}", file.display()))?;
    }
    eprintln!(
        "newsgraph: loaded {} quads from {} files",
        store.len()?,
        files.len()
    );
    serve(ServerState::new(store, options), bind)
}
