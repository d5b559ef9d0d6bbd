//! `newsgraph eval meetings`: scores meeting extraction against gold files in the
//! JSON form of `shared/design/meeting-annotation.md`.
//!
//! For every gold document the text comes from `eval::sources` (the gold keeps ids
//! only), extraction runs on it, and `score` compares. Figures are printed per
//! dataset and overall (precision, recall, F1, participant precision and recall,
//! date, mode and place accuracy); `--errors` lists misses and false positives per
//! document; `--json` prints the figures for CI. `--split tune|check` keeps the
//! development half (PLOVER and half of M2E2) apart from the held-out half (the other
//! M2E2 half, PolNeAR, corpus), so rules are not fitted to what they are checked on.
//! This module never changes extraction.

pub mod counts;
pub mod gold;
pub mod names;
pub mod score;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

use self::counts::{ratio, Counts};
use super::sources;
use crate::extract::{self, Config};

/// Which half of the development gold to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    /// PLOVER and the even half of M2E2 (for tuning rules).
    Tune,
    /// The odd half of M2E2, PolNeAR and the corpus (for checking them).
    Check,
}

/// Arguments of `newsgraph eval meetings`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold files (default: tests/gold/meetings-*.json under the project folder).
    pub gold: Vec<PathBuf>,
    /// Print a per-document list of misses and false positives.
    #[arg(long)]
    pub errors: bool,
    /// Print the figures as JSON (for CI).
    #[arg(long)]
    pub json: bool,
    /// Score only one half of the development gold.
    #[arg(long, value_enum)]
    pub split: Option<Split>,
    /// The shared evaluation folder (default: $NEWSGRAPH_EVAL_DIR, else the nearest
    /// `shared/eval` above the current folder).
    #[arg(long)]
    pub eval_dir: Option<PathBuf>,
    /// The project folder, for `corpus` documents and the default gold (default: .).
    #[arg(long, default_value = ".")]
    pub project_dir: PathBuf,
}

/// Figures for one dataset or overall.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// Documents scored.
    pub docs: usize,
    /// Raw counts.
    pub counts: Counts,
    /// Meeting precision.
    pub precision: f64,
    /// Meeting recall.
    pub recall: f64,
    /// Meeting F1.
    pub f1: f64,
    /// Participant precision over matched meetings.
    pub participant_precision: f64,
    /// Participant recall (required participants) over matched meetings.
    pub participant_recall: f64,
    /// Date accuracy where the gold has a date.
    pub date_accuracy: f64,
    /// Mode accuracy where the gold states one.
    pub mode_accuracy: f64,
    /// Place accuracy where the gold has a place.
    pub place_accuracy: f64,
}

impl Figures {
    fn new(docs: usize, c: Counts) -> Figures {
        let p = ratio(c.tp, c.predicted);
        let r = ratio(c.tp, c.gold);
        Figures {
            docs,
            counts: c,
            precision: p,
            recall: r,
            f1: if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            },
            participant_precision: ratio(c.part_pred_ok, c.part_pred),
            participant_recall: ratio(c.part_gold_ok, c.part_gold),
            date_accuracy: ratio(c.date_ok, c.dated),
            mode_accuracy: ratio(c.mode_ok, c.moded),
            place_accuracy: ratio(c.place_ok, c.placed),
        }
    }
}

/// Whether a document belongs to the tuning half: PLOVER, and M2E2 ids whose FNV
/// hash is even.
pub fn is_tune(dataset: &str, doc: &str) -> bool {
    match dataset {
        "plover" => true,
        "m2e2" => {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in doc.bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h.is_multiple_of(2)
        }
        _ => false,
    }
}

/// The name a gold file's figures are printed under: its dataset, or for a second file
/// of the same dataset (`meetings-m2e2-more.json`) the file's own part of the name
/// (`m2e2-more`), so each file is scored on its own as well as in the total.
fn figures_label(file: &Path, dataset: &str) -> String {
    file.file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.strip_prefix("meetings-"))
        .filter(|rest| rest.starts_with(dataset))
        .map_or_else(|| dataset.to_string(), str::to_string)
}

fn default_gold(project: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let dir = project.join("tests/gold");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("meetings-") && n.ends_with(".json"))
        })
        .collect();
    v.sort();
    Ok(v)
}

/// Runs the evaluation and prints the figures; returns whether it ran cleanly.
pub fn run(args: &EvalArgs) -> anyhow::Result<bool> {
    let project = &args.project_dir;
    let eval_dir = match &args.eval_dir {
        Some(d) => d.clone(),
        None => {
            let cwd = std::env::current_dir()?;
            sources::find_eval_dir(&cwd).unwrap_or_else(|| project.join("../shared/eval"))
        }
    };
    let files = if args.gold.is_empty() {
        default_gold(project)?
    } else {
        args.gold.clone()
    };
    let config = Config::default();
    let mut per: BTreeMap<String, (usize, Counts)> = BTreeMap::new();
    let mut total = (0usize, Counts::default());
    let mut clean = true;
    for f in &files {
        let g = gold::read(f)?;
        let label = figures_label(f, &g.dataset);
        for d in &g.docs {
            if let Some(split) = args.split {
                if is_tune(&g.dataset, &d.doc) != (split == Split::Tune) {
                    continue;
                }
            }
            let article = match sources::load_article(&eval_dir, project, &g.dataset, &d.doc) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("newsgraph: eval meetings: {}: {e:#}", f.display());
                    clean = false;
                    continue;
                }
            };
            let text = article.body.clone();
            let record = extract::extract_article(article, &config);
            let (c, err) = score::score_doc(d, &record, &text);
            let slot = per.entry(label.clone()).or_default();
            slot.0 += 1;
            slot.1.add(&c);
            total.0 += 1;
            total.1.add(&c);
            if args.errors
                && !(err.misses.is_empty()
                    && err.false_positives.is_empty()
                    && err.wrong.is_empty())
            {
                println!("{}:{}", g.dataset, d.doc);
                for m in &err.misses {
                    println!("  MISS  {m}");
                }
                for m in &err.false_positives {
                    println!("  FP    {m}");
                }
                for m in &err.wrong {
                    println!("  WRONG {m}");
                }
            }
        }
    }
    let figures: BTreeMap<String, Figures> = per
        .into_iter()
        .map(|(k, (n, c))| (k, Figures::new(n, c)))
        .chain(std::iter::once((
            "overall".to_string(),
            Figures::new(total.0, total.1),
        )))
        .collect();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&figures)?);
    } else {
        print_table(&figures);
    }
    Ok(clean)
}

fn print_table(figures: &BTreeMap<String, Figures>) {
    println!(
        "{:<10} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>5}",
        "dataset",
        "docs",
        "gold",
        "pred",
        "tp",
        "P",
        "R",
        "F1",
        "partP",
        "partR",
        "date",
        "mode",
        "place"
    );
    for (k, f) in figures {
        let c = &f.counts;
        println!(
            "{:<10} {:>5} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>5.3}",
            k, f.docs, c.gold, c.predicted, c.tp, f.precision, f.recall, f.f1,
            f.participant_precision, f.participant_recall, f.date_accuracy, f.mode_accuracy,
            f.place_accuracy
        );
    }
    if let Some(f) = figures.get("overall") {
        println!(
            "false positives on gold non-meetings: {}; dated {} / moded {} / placed {} matched meetings",
            f.counts.non_meeting_hits, f.counts.dated, f.counts.moded, f.counts.placed
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_m2e2_file_is_scored_under_its_own_name() {
        let label = |p: &str| figures_label(Path::new(p), "m2e2");
        assert_eq!(label("tests/gold/meetings-m2e2-more.json"), "m2e2-more");
        assert_eq!(label("tests/gold/meetings-m2e2.json"), "m2e2");
        assert_eq!(label("tests/gold/heldout-meetings-m2e2.json"), "m2e2");
    }
}
