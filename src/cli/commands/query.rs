//! `newsgraph query`: run SPARQL against the store and print the results.

use std::io::{Read, Write};

use anyhow::{bail, Context, Result};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::Triple;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;

use crate::cli::args::{QueryArgs, QueryFormat};
use crate::cli::output;
use crate::store::{export::serializer, Store};

/// Runs `query`.
pub fn run(args: &QueryArgs) -> Result<bool> {
    let text = query_text(args)?;
    let store = Store::open(&args.store.store)?;
    let results = store.query(&text)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match results {
        QueryResults::Solutions(solutions) => {
            let format = args.format.unwrap_or(QueryFormat::Table);
            let vars = solutions.variables().to_vec();
            if format == QueryFormat::Table {
                let header: Vec<&str> = vars.iter().map(|v| v.as_str()).collect();
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s?;
                    rows.push(vars.iter().map(|v| output::cell(s.get(v))).collect());
                }
                out.write_all(output::table(&header, &rows).as_bytes())?;
            } else {
                let mut w = QueryResultsSerializer::from_format(results_format(format)?)
                    .serialize_solutions_to_writer(&mut out, vars)?;
                for s in solutions {
                    w.serialize(&s?)?;
                }
                w.finish()?;
            }
        }
        QueryResults::Boolean(b) => match args.format.unwrap_or(QueryFormat::Table) {
            QueryFormat::Table => writeln!(out, "{b}")?,
            f => {
                QueryResultsSerializer::from_format(results_format(f)?)
                    .serialize_boolean_to_writer(&mut out, b)?;
            }
        },
        QueryResults::Graph(triples) => {
            let format = graph_format(args.format.unwrap_or(QueryFormat::Turtle))?;
            let mut keyed: Vec<(String, Triple)> = Vec::new();
            for t in triples {
                let t = t?;
                keyed.push((t.to_string(), t));
            }
            keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            keyed.dedup_by(|a, b| a.0 == b.0);
            let mut w = serializer(format).for_writer(&mut out);
            for (_, t) in &keyed {
                w.serialize_triple(t)?;
            }
            w.finish()?;
        }
    }
    out.flush()?;
    Ok(true)
}

fn query_text(args: &QueryArgs) -> Result<String> {
    match (&args.query, &args.file) {
        (_, Some(f)) => std::fs::read_to_string(f)
            .with_context(|| format!("{}: cannot read the query", f.display())),
        (Some(q), None) if q == "-" => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("cannot read the query from standard input")?;
            Ok(s)
        }
        (Some(q), None) => Ok(q.clone()),
        (None, None) => bail!("give a query, `--file FILE`, or `-` for standard input"),
    }
}

fn results_format(f: QueryFormat) -> Result<QueryResultsFormat> {
    Ok(match f {
        QueryFormat::Csv => QueryResultsFormat::Csv,
        QueryFormat::Tsv => QueryResultsFormat::Tsv,
        QueryFormat::Json => QueryResultsFormat::Json,
        QueryFormat::Xml => QueryResultsFormat::Xml,
        other => bail!(
            "--format {}: SELECT and ASK results can be table, csv, tsv, json or xml",
            name(other)
        ),
    })
}

fn graph_format(f: QueryFormat) -> Result<RdfFormat> {
    Ok(match f {
        QueryFormat::Turtle => RdfFormat::Turtle,
        QueryFormat::Ntriples => RdfFormat::NTriples,
        QueryFormat::Rdfxml => RdfFormat::RdfXml,
        QueryFormat::Jsonld => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        other => bail!(
            "--format {}: CONSTRUCT and DESCRIBE results can be turtle, ntriples, rdfxml or jsonld",
            name(other)
        ),
    })
}

fn name(f: QueryFormat) -> String {
    clap::ValueEnum::to_possible_value(&f)
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}
