//! `newsgraph eval statements`: scores statement extraction against gold.
//!
//! Two gold forms:
//! - a PolNeAR split directory (`text/*.txt` and `attributions/*.ann`, brat
//!   attributions, see [`brat`]); publication dates come from `metadata.tsv`
//!   (`--metadata`, default: `metadata.tsv` in the split's parent directory). An
//!   article annotated by two annotators (`<name>_<annotator>.ann` twice) is scored
//!   against the **first annotator's file in sorted order**, so every article counts
//!   once and the choice does not depend on our output;
//! - a JSON file `{"docs":[{"doc": id, "statements":[{"speaker":[names],
//!   "content": "exact substring", "kind": …, "optional": bool}]}]}` whose texts are
//!   read from `--corpus` (default `corpus/`).
//!
//! The scoring rule is in [`score`]. This module reads gold and runs the extractor;
//! it never changes how extraction works.

pub mod brat;
mod gold;
pub mod score;

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Result};
use rayon::prelude::*;

use crate::corpus::Article;
use crate::extract::{self, Config, Record};
use gold::{load_json, load_polnear};
use score::{Counts, DocErrors, GoldItem, PredItem};

/// Arguments of `newsgraph eval statements`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold data: a PolNeAR split directory (with `text/` and `attributions/`) or a JSON
    /// gold file.
    pub gold: Vec<PathBuf>,
    /// PolNeAR metadata (publication dates); default: `metadata.tsv` beside the split.
    #[arg(long)]
    pub metadata: Option<PathBuf>,
    /// Where the texts of a JSON gold file are (files named `<doc>.txt`).
    #[arg(long, default_value = "corpus")]
    pub corpus: PathBuf,
    /// Print a per-document list of misses, false positives and wrong speakers.
    #[arg(long)]
    pub errors: bool,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Cue words of speech: a gold attribution counts as speech when a word of its cue
/// is one of these (inflected forms listed), or the cue contains "according to".
/// The list was made from the cue texts of PolNeAR `train` (every verb of saying
/// among the frequent cues; verbs of thinking, wanting, showing, finding and
/// punctuation cues such as `:` are not speech).
const SPEECH_WORDS: &[&str] = &[
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "announce",
    "announced",
    "announces",
    "announcing",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "comment",
    "commented",
    "commenting",
    "comments",
    "confirm",
    "confirmed",
    "confirming",
    "confirms",
    "declare",
    "declared",
    "declares",
    "declaring",
    "denied",
    "denies",
    "deny",
    "denying",
    "explain",
    "explained",
    "explaining",
    "explains",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "note",
    "noted",
    "notes",
    "noting",
    "recall",
    "recalled",
    "recalling",
    "recalls",
    "remark",
    "remarked",
    "remarking",
    "remarks",
    "replied",
    "replies",
    "reply",
    "replying",
    "report",
    "reported",
    "reporting",
    "reports",
    "respond",
    "responded",
    "responding",
    "responds",
    "said",
    "say",
    "saying",
    "says",
    "state",
    "stated",
    "states",
    "stating",
    "tell",
    "telling",
    "tells",
    "testified",
    "testifies",
    "testify",
    "testifying",
    "told",
    "tweet",
    "tweeted",
    "tweeting",
    "tweets",
    "urge",
    "urged",
    "urges",
    "urging",
    "warn",
    "warned",
    "warning",
    "warns",
    "write",
    "writes",
    "writing",
    "written",
    "wrote",
];

/// Whether a gold cue text is a cue of speech (see `SPEECH_WORDS`).
pub fn is_speech_cue(cue: &str) -> bool {
    let lower = cue.to_lowercase();
    if lower.contains("according to") {
        return true;
    }
    lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| SPEECH_WORDS.binary_search(&w).is_ok())
}

/// One gold document with its article.
struct GoldDoc {
    article: Article,
    gold: Vec<GoldItem>,
}

/// Runs the evaluation and prints the figures; returns whether it ran cleanly.
pub fn run(args: &EvalArgs) -> Result<bool> {
    if args.gold.is_empty() {
        bail!("give a PolNeAR split directory or a JSON gold file");
    }
    let mut docs = Vec::new();
    for g in &args.gold {
        if g.is_dir() {
            docs.extend(load_polnear(g, args.metadata.as_deref())?);
        } else {
            docs.extend(load_json(g, &args.corpus)?);
        }
    }
    let config = Config::default();
    let results: Vec<(Counts, DocErrors, Vec<PredItem>)> = docs
        .par_iter()
        .map(|d| {
            let rec = extract::extract_article(d.article.clone(), &config);
            let preds = predictions(&rec);
            let mut c = Counts::default();
            let e = score::score_doc(&d.gold, &preds, &mut c);
            (c, e, preds)
        })
        .collect();
    let mut total = Counts::default();
    for (c, _, _) in &results {
        total.add(c);
    }
    if args.errors {
        for (d, (_, e, preds)) in docs.iter().zip(&results) {
            print_errors(d, e, preds);
        }
    }
    let f = total.figures();
    if args.json {
        let v = serde_json::json!({"figures": f, "counts": total, "documents": docs.len()});
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!("statements: {} documents", docs.len());
        println!(
            "  precision                  {:.3}  ({}/{})",
            f.precision, total.correct, total.predicted
        );
        println!(
            "  recall (all)               {:.3}  ({}/{})",
            f.recall, total.gold_found, total.gold
        );
        println!(
            "  recall (speech cues)       {:.3}  ({}/{})",
            f.speech_recall, total.speech_found, total.gold_speech
        );
        println!("  F1 (speech)                {:.3}", f.f1_speech);
        println!(
            "  speaker accuracy           {:.3}  ({}/{})",
            f.speaker_accuracy, total.speaker_right, total.gold_found
        );
        println!(
            "  attributed speech recall   {:.3}  ({}/{})",
            f.attributed_speech_recall, total.speech_attributed, total.gold_speech
        );
    }
    Ok(true)
}

fn print_errors(d: &GoldDoc, e: &DocErrors, preds: &[PredItem]) {
    if e.missed.is_empty() && e.false_positives.is_empty() && e.wrong_speaker.is_empty() {
        return;
    }
    println!("== {}", d.article.id);
    let short = |s: &str| -> String {
        let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        one.chars().take(160).collect()
    };
    for &gi in &e.missed {
        let g = &d.gold[gi];
        let tag = if g.speech { "MISS" } else { "miss" };
        println!(
            "  {tag} [{}] <{}> {}",
            g.names.join("|"),
            g.cue,
            short(&g.text)
        );
    }
    for &pi in &e.false_positives {
        let p = &preds[pi];
        let sm = p
            .speaker_mention
            .as_ref()
            .map(|x| x.1.as_str())
            .unwrap_or("");
        println!("  FP   [{sm}] {}", short(&p.text));
    }
    for &(gi, pi) in &e.wrong_speaker {
        let p = &preds[pi];
        let sm = p
            .speaker_mention
            .as_ref()
            .map(|x| x.1.as_str())
            .unwrap_or("");
        println!(
            "  SPK  gold [{}] got [{sm}|{}] {}",
            d.gold[gi].names.join("|"),
            p.actor_names.first().map(String::as_str).unwrap_or(""),
            short(&d.gold[gi].text)
        );
    }
}

/// The record's statements as scoring items.
fn predictions(rec: &Record) -> Vec<PredItem> {
    let actors: BTreeMap<&str, &extract::ActorRecord> =
        rec.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    rec.statements
        .iter()
        .map(|s| {
            let mut names = Vec::new();
            if let Some(a) = s.speaker.as_deref().and_then(|id| actors.get(id)) {
                names.push(a.name.clone());
                names.extend(a.aliases.iter().cloned());
            }
            PredItem {
                content: (s.content.start, s.content.end),
                speaker_mention: s
                    .speaker_mention
                    .as_ref()
                    .map(|m| ((m.start, m.end), m.text.clone())),
                actor_names: names,
                text: s.content.text.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_words_sorted() {
        let mut v = SPEECH_WORDS.to_vec();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v, SPEECH_WORDS);
    }

    #[test]
    fn speech_cues_recognised() {
        assert!(is_speech_cue("said in a statement"));
        assert!(is_speech_cue("According to"));
        assert!(!is_speech_cue("believes"));
        assert!(!is_speech_cue(":"));
    }
}
