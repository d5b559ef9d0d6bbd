//! Scoring the precision of merging: near-miss pairs that must stay apart (two people
//! who share a surname, two meetings of one pair on different days, a statement and its
//! denial) and control pairs that must merge (`tests/gold/near-misses.json`).
//!
//! Every document the pairs refer to (gold documents, or the pair's own short text) is
//! extracted and resolved as one corpus; each side is located by its evidence text and
//! mapped to the actor, meeting or statement found there; a pair passes when the two
//! IRIs differ (distinct) or are equal (same). This module only counts.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context;
use serde::Deserialize;

use crate::corpus::Article;
use crate::extract::{self, Config, Record, TextSpan};
use crate::resolve::names::fold_tokens;

/// Arguments of `newsgraph eval near-misses`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The pairs file.
    #[arg(default_value = "tests/gold/near-misses.json")]
    pub gold: PathBuf,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
    /// Print every pair that fails or whose sides were not found.
    #[arg(long)]
    pub errors: bool,
}

#[derive(Debug, Deserialize)]
struct Pairs {
    pairs: Vec<Pair>,
}

#[derive(Debug, Deserialize)]
struct Pair {
    kind: String,
    relation: String,
    a: Side,
    b: Side,
    #[serde(default)]
    why: String,
}

#[derive(Debug, Deserialize, Clone)]
struct Side {
    dataset: Option<String>,
    doc: Option<String>,
    evidence: Option<String>,
    text: Option<String>,
    name: Option<String>,
}

impl Side {
    fn article_key(&self) -> String {
        match (&self.dataset, &self.doc, &self.text) {
            (Some(d), Some(doc), _) => format!("{d}:{doc}"),
            (_, _, Some(t)) => format!("own:{}", &crate::resolve::short_hash(&[t])),
            _ => String::new(),
        }
    }
}

/// Counts for one kind and relation.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PairCounts {
    /// Pairs of this kind and relation.
    pub pairs: usize,
    /// Pairs the system got right (apart for distinct, together for same).
    pub right: usize,
    /// Pairs the system got wrong.
    pub wrong: usize,
    /// Pairs where a side was not found in the extraction.
    pub not_found: usize,
}

fn char_span(body: &str, needle: &str) -> Option<(usize, usize)> {
    let b = body.find(needle)?;
    let start = body[..b].chars().count();
    Some((start, start + needle.chars().count()))
}

fn overlap(s: &TextSpan, (a, b): (usize, usize)) -> usize {
    s.end.min(b).saturating_sub(s.start.max(a))
}

/// The IRI of the fact a side names, if the extraction found it.
fn locate(kind: &str, side: &Side, rec: &Record, body: &str) -> Option<String> {
    let needle = side.evidence.as_deref().or(side.text.as_deref())?;
    let span = char_span(body, needle)?;
    match kind {
        "actor" => {
            let want: Vec<String> = side
                .name
                .as_deref()
                .unwrap_or("")
                .split(['(', ')'])
                .flat_map(fold_tokens)
                .collect();
            // Only written names count ("his wife, Jane": "his" is not Jane).
            let named = |m: &TextSpan| {
                overlap(m, span) > 0 && m.text.chars().next().is_some_and(char::is_uppercase)
            };
            rec.actors
                .iter()
                .filter(|a| a.mentions.iter().any(named))
                .map(|a| {
                    let have = fold_tokens(&a.name);
                    let score = have.iter().filter(|w| want.contains(w)).count();
                    (score, a)
                })
                .filter(|(score, _)| *score > 0)
                .max_by_key(|(score, a)| (*score, std::cmp::Reverse(a.id.clone())))
                .map(|(_, a)| a.iri.clone())
        }
        "meeting" => rec
            .meetings
            .iter()
            .map(|m| (overlap(&m.evidence, span), m))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, m)| (*o, std::cmp::Reverse(m.id.clone())))
            .map(|(_, m)| m.iri.clone()),
        _ => rec
            .statements
            .iter()
            .map(|s| {
                (
                    overlap(&s.content, span).max(overlap(&s.evidence, span) / 2),
                    s,
                )
            })
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, s)| (*o, std::cmp::Reverse(s.id.clone())))
            .map(|(_, s)| s.iri.clone()),
    }
}

/// Runs `newsgraph eval near-misses`.
pub fn run(args: &EvalArgs) -> anyhow::Result<bool> {
    let text = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("{}: cannot read", args.gold.display()))?;
    let pairs: Pairs = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a near-miss file", args.gold.display()))?;
    let cwd = std::env::current_dir()?;
    let eval_dir = super::sources::find_eval_dir(&cwd).context("no shared/eval folder found")?;
    // Every article the pairs refer to, once.
    let mut articles: BTreeMap<String, Article> = BTreeMap::new();
    for p in &pairs.pairs {
        for side in [&p.a, &p.b] {
            let key = side.article_key();
            if articles.contains_key(&key) {
                continue;
            }
            let article = match (&side.dataset, &side.doc, &side.text) {
                (Some(d), Some(doc), _) => super::sources::load_article(&eval_dir, &cwd, d, doc)?,
                (_, _, Some(t)) => Article {
                    id: key.clone(),
                    date: None,
                    title: None,
                    url: None,
                    body: t.clone(),
                    source: key.clone(),
                    line: None,
                },
                _ => anyhow::bail!(
                    "{}: a pair side has neither a document nor a text",
                    args.gold.display()
                ),
            };
            articles.insert(
                key,
                Article {
                    id: side.article_key(),
                    ..article
                },
            );
        }
    }
    let bodies: BTreeMap<String, String> = articles
        .iter()
        .map(|(k, a)| (k.clone(), a.body.clone()))
        .collect();
    let config = Config::default();
    let mut records = extract::extract_all(articles.into_values().collect(), &config);
    crate::resolve::resolve_corpus(&mut records, &config.base);
    let by_id: BTreeMap<&str, &Record> =
        records.iter().map(|r| (r.article.id.as_str(), r)).collect();

    let mut counts: BTreeMap<String, PairCounts> = BTreeMap::new();
    for p in &pairs.pairs {
        let find = |side: &Side| {
            let key = side.article_key();
            let rec = by_id.get(key.as_str())?;
            locate(&p.kind, side, rec, bodies.get(&key)?)
        };
        let c = counts
            .entry(format!("{} {}", p.kind, p.relation))
            .or_default();
        c.pairs += 1;
        let outcome = match (find(&p.a), find(&p.b)) {
            (Some(a), Some(b)) => {
                let right = (a == b) == (p.relation == "same");
                if right {
                    c.right += 1;
                    "right"
                } else {
                    c.wrong += 1;
                    "WRONG"
                }
            }
            _ => {
                c.not_found += 1;
                "not found"
            }
        };
        if args.errors && outcome != "right" {
            println!(
                "{outcome}\t{} {}\t{:?} / {:?}\t{}",
                p.kind,
                p.relation,
                p.a.evidence
                    .as_deref()
                    .or(p.a.text.as_deref())
                    .unwrap_or(""),
                p.b.evidence
                    .as_deref()
                    .or(p.b.text.as_deref())
                    .unwrap_or(""),
                p.why
            );
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&counts)?);
    } else {
        println!("near-miss pairs ({}):", args.gold.display());
        for (k, c) in &counts {
            println!(
                "  {k:<20} {:>3} pairs: {:>3} right, {:>3} wrong, {:>3} not found",
                c.pairs, c.right, c.wrong, c.not_found
            );
        }
    }
    Ok(true)
}
