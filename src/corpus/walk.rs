//! Turning the paths a user gives (files, directories, `-`) into articles.
//!
//! Directories are walked recursively in sorted order so that runs are deterministic;
//! inside a directory only article files are read (`.txt`, `.text`, `.jsonl`,
//! `.ndjson`, or no extension), hidden entries are skipped. A path given explicitly is
//! always read. Duplicate ids are reported and the later article is skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{parse_jsonl, parse_plaintext, Article, CorpusError};

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension: `.jsonl`/`.ndjson` are JSON Lines, everything else plain text;
    /// standard input is JSON Lines when its first non-blank byte is `{`.
    #[default]
    Auto,
    /// Plain text with an optional ` date YYYY-MM-DD` header.
    Text,
    /// JSON Lines, one article object per line.
    Jsonl,
}

/// Options for reading inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The input format.
    pub format: InputFormat,
    /// Date for plain-text articles that have no header.
    pub date: Option<NaiveDate>,
}

/// Expands the given paths into the list of input files (and `-`), sorted within each
/// directory. Unreadable paths become errors.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<CorpusError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut seen_dirs = BTreeSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk_dir(p, &mut files, &mut errors, &mut seen_dirs),
            Ok(_) => files.push(p.clone()),
            Err(source) => errors.push(CorpusError::Io {
                path: p.clone(),
                source,
            }),
        }
    }
    (files, errors)
}

/// Walks `dir` recursively. `seen` holds the canonical paths of the directories
/// already walked, so that a symbolic link back up the tree (`sub/loop -> ..`) is not
/// followed round and round, reading the same files again at every level.
fn walk_dir(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<CorpusError>,
    seen: &mut BTreeSet<PathBuf>,
) {
    let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(CorpusError::Io {
                path: dir.to_path_buf(),
                source,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk_dir(&p, files, errors, seen);
        } else if is_article_file(&p) {
            files.push(p);
        }
    }
}

fn is_article_file(p: &Path) -> bool {
    match p.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(e) => matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "text" | "jsonl" | "ndjson"
        ),
    }
}

fn is_jsonl(path: &Path, bytes: &[u8], format: InputFormat) -> bool {
    match format {
        InputFormat::Jsonl => true,
        InputFormat::Text => false,
        InputFormat::Auto if path.as_os_str() == "-" => bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{'),
        InputFormat::Auto => path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "jsonl" | "ndjson")),
    }
}

/// Reads the articles of one input file (or `-`).
pub fn read_file(path: &Path, opts: &ReadOptions) -> (Vec<Article>, Vec<CorpusError>) {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(source) => {
            return (
                Vec::new(),
                vec![CorpusError::Io {
                    path: path.to_path_buf(),
                    source,
                }],
            )
        }
    };
    if is_jsonl(path, &bytes, opts.format) {
        parse_jsonl(path, &bytes, opts.date)
    } else {
        match parse_plaintext(path, &bytes, opts.date) {
            Ok(a) => (vec![a], Vec::new()),
            Err(e) => (Vec::new(), vec![e]),
        }
    }
}

/// Reads every article under `paths`. Articles come in input order; an id seen twice
/// is reported and its later article skipped.
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions) -> (Vec<Article>, Vec<CorpusError>) {
    let (files, mut errors) = collect_inputs(paths);
    let mut articles = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for f in files {
        let (arts, errs) = read_file(&f, opts);
        errors.extend(errs);
        for a in arts {
            let here = match a.line {
                Some(l) => format!("{}:{l}", a.source),
                None => a.source.clone(),
            };
            if let Some(first) = seen.get(&a.id) {
                errors.push(CorpusError::DuplicateId {
                    path: f.clone(),
                    line: a.line.unwrap_or(1),
                    id: a.id.clone(),
                    first: first.clone(),
                });
                continue;
            }
            seen.insert(a.id.clone(), here);
            articles.push(a);
        }
    }
    (articles, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("a.txt"), "Text.").unwrap();
        std::os::unix::fs::symlink("..", sub.join("loop")).unwrap();
        let (files, errors) = collect_inputs(&[dir.path().to_path_buf()]);
        assert_eq!(files, vec![sub.join("a.txt")]);
        assert!(errors.is_empty());
    }
}
