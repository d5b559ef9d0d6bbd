//! Scoring cross-document actor identity: pairwise precision and recall of actor
//! clustering against hand-labelled mentions (`tests/gold/actor-clusters-dev.json`).
//!
//! The whole PolNeAR split the gold is drawn from is extracted and resolved as one
//! corpus; each gold mention is mapped to the predicted actor whose mention overlaps it
//! most (a mention the system missed is a cluster of its own). Over every pair of gold
//! mentions: a pair is predicted together when both map to one IRI, and is gold
//! together when both share a gold cluster. This module only counts.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context;
use serde::Deserialize;

use super::Prf;
use crate::corpus::{self, ReadOptions};
use crate::extract::{self, Config, Record};

/// Arguments of `newsgraph eval actors`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The gold file (mentions with doc, start, end, text, cluster).
    #[arg(default_value = "tests/gold/actor-clusters-dev.json")]
    pub gold: PathBuf,
    /// The folder of the articles the gold refers to (all of them are ingested as one
    /// corpus). Default: `polnear/dev/text` under the shared evaluation folder.
    #[arg(long)]
    pub texts: Option<PathBuf>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
    /// Print the wrongly split and wrongly merged pairs.
    #[arg(long)]
    pub errors: bool,
    /// Resolve with this actor dictionary (.tsv or .ttl), as `ingest --actors` does.
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    mentions: Vec<GoldMention>,
}

#[derive(Debug, Deserialize)]
struct GoldMention {
    doc: String,
    start: usize,
    end: usize,
    text: String,
    cluster: String,
}

/// The figures.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ActorScores {
    /// Gold mentions scored.
    pub mentions: usize,
    /// Gold mentions the system found (overlapping one of its actor mentions).
    pub found: usize,
    /// Pairwise clustering counts: tp = pairs together in both.
    pub pairs: Prf,
}

/// Scores predicted records (already resolved) against the gold mentions.
fn score(gold: &Gold, records: &[Record], errors: bool) -> std::io::Result<ActorScores> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let by_doc: BTreeMap<&str, &Record> =
        records.iter().map(|r| (r.article.id.as_str(), r)).collect();
    // Predicted cluster of each gold mention.
    let predicted: Vec<String> = gold
        .mentions
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let best = by_doc.get(g.doc.as_str()).and_then(|r| {
                r.actors
                    .iter()
                    .flat_map(|a| a.mentions.iter().map(move |m| (a, m)))
                    .map(|(a, m)| (m.end.min(g.end).saturating_sub(m.start.max(g.start)), a))
                    .filter(|(o, _)| *o > 0)
                    .max_by_key(|(o, a)| (*o, std::cmp::Reverse(a.iri.clone())))
                    .map(|(_, a)| a.iri.clone())
            });
            best.unwrap_or_else(|| format!("missed:{k}"))
        })
        .collect();
    let found = predicted
        .iter()
        .filter(|p| !p.starts_with("missed:"))
        .count();
    let mut prf = Prf::default();
    let n = gold.mentions.len();
    for i in 0..n {
        for j in i + 1..n {
            let g = gold.mentions[i].cluster == gold.mentions[j].cluster;
            let p = predicted[i] == predicted[j];
            prf.gold += g as usize;
            prf.predicted += p as usize;
            prf.tp += (g && p) as usize;
            if errors && g != p {
                let (a, b) = (&gold.mentions[i], &gold.mentions[j]);
                let what = if p { "merged" } else { "split" };
                writeln!(
                    out,
                    "{what}\t{}:{} {:?} [{}]\t{}:{} {:?} [{}]",
                    a.doc, a.start, a.text, a.cluster, b.doc, b.start, b.text, b.cluster
                )?;
            }
        }
    }
    Ok(ActorScores {
        mentions: n,
        found,
        pairs: prf,
    })
}

/// Runs `newsgraph eval actors`.
pub fn run(args: &EvalArgs) -> anyhow::Result<bool> {
    let dict = match &args.actors {
        Some(path) => match crate::resolve::Dictionary::read(path) {
            Ok((d, warnings)) => {
                for w in warnings {
                    eprintln!("newsgraph: warning: {w}");
                }
                Some(d)
            }
            Err(e) => {
                eprintln!("newsgraph: {e}");
                return Ok(false);
            }
        },
        None => None,
    };
    let text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("{}: cannot read", args.gold.display()))?;
    let gold: Gold = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a gold actor file", args.gold.display()))?;
    let texts = match &args.texts {
        Some(t) => t.clone(),
        None => super::sources::find_eval_dir(&std::env::current_dir()?)
            .map(|d| d.join("polnear/dev/text"))
            .context("no --texts given and no shared/eval folder found")?,
    };
    let (articles, errs) = corpus::read_inputs(&[texts], &ReadOptions::default());
    for e in &errs {
        eprintln!("newsgraph: {e}");
    }
    let config = Config::default();
    let mut records = extract::extract_all(articles, &config);
    crate::resolve::resolve_corpus_with(&mut records, &config.base, dict.as_ref());
    // Check the gold's offsets against the texts before scoring.
    for g in &gold.mentions {
        if let Some(r) = records.iter().find(|r| r.article.id == g.doc) {
            if g.end > r.article.length {
                anyhow::bail!(
                    "{}: mention {:?} lies outside {}",
                    args.gold.display(),
                    g.text,
                    g.doc
                );
            }
        }
    }
    let s = score(&gold, &records, args.errors)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
    } else {
        println!(
            "actor clustering on {} ({} mentions, {} found by the system)",
            args.gold.display(),
            s.mentions,
            s.found
        );
        println!(
            "  pairwise precision {:.3}  recall {:.3}  F1 {:.3}  ({} predicted pairs, {} gold pairs)",
            s.pairs.precision(),
            s.pairs.recall(),
            s.pairs.f1(),
            s.pairs.predicted,
            s.pairs.gold
        );
    }
    Ok(errs.is_empty())
}
