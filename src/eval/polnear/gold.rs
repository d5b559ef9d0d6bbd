//! Reading the statement gold: a PolNeAR split (brat attributions and the publication
//! dates of `metadata.tsv`) or the project's JSON gold over `corpus/`, into
//! [`super::GoldDoc`]s. It runs no extraction and scores nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::score::GoldItem;
use super::{brat, GoldDoc};
use crate::corpus::{self, Article};

fn article(id: String, body: String, date: Option<chrono::NaiveDate>, source: &Path) -> Article {
    Article {
        id,
        date,
        title: None,
        url: None,
        body,
        source: source.display().to_string(),
        line: None,
    }
}

fn read_metadata(path: &Path) -> Result<BTreeMap<String, chrono::NaiveDate>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(f), Some(d)) = (col("filename"), col("publication_date")) else {
        bail!(
            "{}: expected columns filename and publication_date",
            path.display()
        );
    };
    let mut out = BTreeMap::new();
    for line in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        if let (Some(name), Some(date)) = (cols.get(f), cols.get(d)) {
            if let Some(day) = corpus::parse_date(date) {
                out.insert(name.to_string(), day);
            }
        }
    }
    Ok(out)
}

/// Loads a PolNeAR split: every text with its first annotator's attribution file.
pub(super) fn load_polnear(dir: &Path, metadata: Option<&Path>) -> Result<Vec<GoldDoc>> {
    let meta_path = match metadata {
        Some(p) => Some(p.to_path_buf()),
        None => dir
            .parent()
            .map(|p| p.join("metadata.tsv"))
            .filter(|p| p.exists()),
    };
    let dates = match meta_path {
        Some(p) => read_metadata(&p)?,
        None => BTreeMap::new(),
    };
    let ann_dir = dir.join("attributions");
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("{}: cannot read the attributions", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut chosen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for a in anns {
        let stem = a.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let name = stem
            .rsplit_once('_')
            .map(|x| x.0)
            .unwrap_or(stem)
            .to_string();
        chosen.entry(name).or_insert(a);
    }
    let mut docs = Vec::new();
    for (name, ann) in chosen {
        let txt = dir.join("text").join(format!("{name}.txt"));
        let body = std::fs::read_to_string(&txt)
            .with_context(|| format!("{}: cannot read", txt.display()))?;
        let ann_text = std::fs::read_to_string(&ann)
            .with_context(|| format!("{}: cannot read", ann.display()))?;
        let gold = brat::parse(&ann_text)
            .into_iter()
            .map(|g| GoldItem {
                text: char_slice(&body, &g.content),
                content: g.content,
                source: g.source,
                names: if g.source_text.is_empty() {
                    Vec::new()
                } else {
                    vec![g.source_text]
                },
                speech: g.speech,
                optional: false,
                cue: g.cue_text,
            })
            .collect();
        let date = dates.get(&name).copied();
        docs.push(GoldDoc {
            article: article(name, body, date, &txt),
            gold,
        });
    }
    Ok(docs)
}

fn char_slice(body: &str, segs: &brat::Segments) -> String {
    let mut out = String::new();
    for &(a, b) in segs {
        if !out.is_empty() {
            out.push_str(" … ");
        }
        out.extend(body.chars().skip(a).take(b.saturating_sub(a)));
    }
    out
}

#[derive(serde::Deserialize)]
struct JsonGold {
    docs: Vec<JsonDoc>,
}

#[derive(serde::Deserialize)]
struct JsonDoc {
    doc: String,
    statements: Vec<JsonStatement>,
}

#[derive(serde::Deserialize)]
struct JsonStatement {
    #[serde(default)]
    speaker: Vec<String>,
    content: String,
    #[serde(default)]
    optional: bool,
}

/// Loads a JSON gold file and the texts it refers to.
pub(super) fn load_json(path: &Path, corpus_dir: &Path) -> Result<Vec<GoldDoc>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let gold: JsonGold = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a statements gold file", path.display()))?;
    let opts = corpus::ReadOptions {
        format: corpus::InputFormat::Auto,
        date: None,
    };
    let (articles, errs) = corpus::read_inputs(&[corpus_dir.to_path_buf()], &opts);
    for e in errs {
        eprintln!("newsgraph: {e}");
    }
    let by_id: BTreeMap<String, Article> =
        articles.into_iter().map(|a| (a.id.clone(), a)).collect();
    let mut docs = Vec::new();
    for d in gold.docs {
        let Some(a) = by_id.get(&d.doc) else {
            bail!(
                "{}: document {} not found in {}",
                path.display(),
                d.doc,
                corpus_dir.display()
            );
        };
        let mut items = Vec::new();
        for s in d.statements {
            let Some(b) = a.body.find(&s.content) else {
                bail!(
                    "{}: {}: content not in the text: {}",
                    path.display(),
                    d.doc,
                    s.content
                );
            };
            let start = a.body[..b].chars().count();
            let end = start + s.content.chars().count();
            items.push(GoldItem {
                content: vec![(start, end)],
                source: Vec::new(),
                names: s.speaker,
                speech: true,
                optional: s.optional,
                text: s.content,
                cue: String::new(),
            });
        }
        docs.push(GoldDoc {
            article: a.clone(),
            gold: items,
        });
    }
    Ok(docs)
}
