//! Loads the text and date of a gold document from its id, so gold files keep only
//! ids and annotations, never the texts.
//!
//! Datasets (`dataset` argument of [`load_text`]):
//! - `m2e2`: `doc` is an M2E2 `sentence_id`; the text is the sentence read from the JSON
//!   files inside `eval_dir/m2e2/m2e2_annotations.zip` (read in place, parsed once per
//!   process); the date comes from the id (`VOA_EN_NW_2016.04.01.…` → 2016-04-01).
//! - `plover`: `doc` is a PLOVER record `id` in `eval_dir/plover/PLOVER_GSR_CAMEO.json`;
//!   the text is its `text` field, the date its `date` field (the GSR uses the
//!   placeholder 2000-01-01 for most records).
//! - `polnear`: `doc` is a file stem under `eval_dir/polnear/{train,dev}/text`; the date
//!   is `publication_date` from `eval_dir/polnear/metadata.tsv`.
//! - `corpus`: `doc` is a file stem under `project_dir/corpus`; text and date exactly as
//!   [`crate::corpus::parse_plaintext`] gives them.
//!
//! This module only reads; it never changes the data and never scores anything.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use anyhow::{anyhow, bail, Context};
use chrono::NaiveDate;

use crate::corpus::{parse_date, parse_plaintext, Article};

/// The datasets [`load_text`] knows.
pub const DATASETS: [&str; 4] = ["m2e2", "plover", "polnear", "corpus"];

/// One document's text and date, as the gold refers to it.
type TextAndDate = (String, Option<NaiveDate>);

/// Everything one dataset file gives, keyed by document id.
type Table = Arc<HashMap<String, TextAndDate>>;

/// Returns the text and the date of the gold document `doc` of `dataset`.
///
/// `eval_dir` is the shared evaluation folder (`../shared/eval`), `project_dir` the
/// project root (for `corpus`). Fails with a message naming the dataset and id when
/// the document cannot be found or read.
pub fn load_text(
    eval_dir: &Path,
    project_dir: &Path,
    dataset: &str,
    doc: &str,
) -> anyhow::Result<(String, Option<NaiveDate>)> {
    match dataset {
        "m2e2" => {
            let table = cached(eval_dir.join("m2e2/m2e2_annotations.zip"), read_m2e2_zip)?;
            let (text, date) = table
                .get(doc)
                .ok_or_else(|| anyhow!("m2e2: no sentence with id {doc}"))?;
            Ok((text.clone(), *date))
        }
        "plover" => {
            let table = cached(eval_dir.join("plover/PLOVER_GSR_CAMEO.json"), read_plover)?;
            let (text, date) = table
                .get(doc)
                .ok_or_else(|| anyhow!("plover: no record with id {doc}"))?;
            Ok((text.clone(), *date))
        }
        "polnear" => load_polnear(eval_dir, doc),
        "corpus" => {
            let a = load_corpus_article(project_dir, doc)?;
            Ok((a.body, a.date))
        }
        other => bail!("unknown gold dataset {other:?} (expected one of {DATASETS:?})"),
    }
}

/// Like [`load_text`], but as an [`Article`] with `id` = `doc`, ready for extraction.
pub fn load_article(
    eval_dir: &Path,
    project_dir: &Path,
    dataset: &str,
    doc: &str,
) -> anyhow::Result<Article> {
    if dataset == "corpus" {
        return load_corpus_article(project_dir, doc);
    }
    let (body, date) = load_text(eval_dir, project_dir, dataset, doc)?;
    Ok(Article {
        id: doc.to_string(),
        date,
        title: None,
        url: None,
        body,
        source: format!("{dataset}:{doc}"),
        line: None,
    })
}

/// Finds the shared evaluation folder: `$NEWSGRAPH_EVAL_DIR` when set, else the first
/// `shared/eval` folder in `start` or one of its ancestors (`../shared/eval` for the
/// main checkout, `../../shared/eval` for a worktree under `wt/`). `None` when absent.
pub fn find_eval_dir(start: &Path) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("NEWSGRAPH_EVAL_DIR") {
        let dir = PathBuf::from(dir);
        return dir.is_dir().then_some(dir);
    }
    start
        .ancestors()
        .map(|a| a.join("shared/eval"))
        .find(|d| d.is_dir())
}

/// The date an M2E2 `sentence_id` carries: `VOA_EN_NW_2016.04.01.3271445_3` → 2016-04-01.
pub fn m2e2_date(sentence_id: &str) -> Option<NaiveDate> {
    let rest = sentence_id.strip_prefix("VOA_EN_NW_")?;
    let day = rest.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y.%m.%d").ok()
}

/// Reads `project_dir/corpus/<doc>.txt` with the corpus reader.
fn load_corpus_article(project_dir: &Path, doc: &str) -> anyhow::Result<Article> {
    check_stem(doc)?;
    let path = project_dir.join("corpus").join(format!("{doc}.txt"));
    let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
    parse_plaintext(&path, &bytes, None).map_err(|e| anyhow!("{e}"))
}

/// Reads a PolNeAR article from `train` or `dev` and its date from `metadata.tsv`.
fn load_polnear(eval_dir: &Path, doc: &str) -> anyhow::Result<TextAndDate> {
    check_stem(doc)?;
    let root = eval_dir.join("polnear");
    let path = ["train", "dev"]
        .iter()
        .map(|part| root.join(part).join("text").join(format!("{doc}.txt")))
        .find(|p| p.is_file())
        .ok_or_else(|| anyhow!("polnear: no article {doc} under train/text or dev/text"))?;
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let dates = cached(root.join("metadata.tsv"), read_polnear_metadata)?;
    let date = dates.get(doc).and_then(|(_, d)| *d);
    Ok((text, date))
}

/// Rejects ids that could leave their folder.
fn check_stem(doc: &str) -> anyhow::Result<()> {
    if doc.is_empty() || doc.contains(['/', '\\']) || doc.starts_with('.') {
        bail!("bad document id {doc:?}");
    }
    Ok(())
}

/// Parses `path` with `read` once per process and keeps the result.
fn cached(path: PathBuf, read: fn(&Path) -> anyhow::Result<Table>) -> anyhow::Result<Table> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Table>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(t) = cache
        .lock()
        .map_err(|_| anyhow!("cache poisoned"))?
        .get(&path)
    {
        return Ok(Arc::clone(t));
    }
    // Parse outside the lock; a second thread parsing the same file is only wasted work.
    let table = read(&path)?;
    let mut guard = cache.lock().map_err(|_| anyhow!("cache poisoned"))?;
    Ok(Arc::clone(guard.entry(path).or_insert(table)))
}

/// One M2E2 sentence; the other fields of the JSON are skipped.
#[derive(serde::Deserialize)]
struct M2e2Sentence {
    sentence_id: String,
    sentence: String,
}

/// Reads every sentence of the M2E2 text JSON files inside the zip.
fn read_m2e2_zip(path: &Path) -> anyhow::Result<Table> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut zip =
        zip::ZipArchive::new(file).with_context(|| format!("reading zip {}", path.display()))?;
    let mut names: Vec<String> = zip
        .file_names()
        .filter(|n| !n.starts_with("__MACOSX") && n.ends_with("_event.json"))
        .filter(|n| n.contains("text_"))
        .map(str::to_string)
        .collect();
    names.sort();
    if names.is_empty() {
        bail!("{}: no text_*_event.json inside", path.display());
    }
    let mut table = HashMap::new();
    for name in names {
        let mut entry = zip.by_name(&name)?;
        let mut json = String::new();
        entry
            .read_to_string(&mut json)
            .with_context(|| format!("{}: reading {name}", path.display()))?;
        let sentences: Vec<M2e2Sentence> = serde_json::from_str(&json)
            .with_context(|| format!("{}: parsing {name}", path.display()))?;
        for s in sentences {
            let date = m2e2_date(&s.sentence_id);
            table.entry(s.sentence_id).or_insert((s.sentence, date));
        }
    }
    Ok(Arc::new(table))
}

/// One PLOVER record; the other fields are skipped.
#[derive(serde::Deserialize)]
struct PloverRecord {
    id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// Reads the PLOVER gold-standard records that have a text.
fn read_plover(path: &Path) -> anyhow::Result<Table> {
    let json =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let records: Vec<PloverRecord> =
        serde_json::from_str(&json).with_context(|| format!("parsing {}", path.display()))?;
    let table = records
        .into_iter()
        .filter_map(|r| {
            let date = r.date.as_deref().and_then(parse_date);
            r.text.map(|t| (r.id, (t, date)))
        })
        .collect();
    Ok(Arc::new(table))
}

/// Reads `filename` → `publication_date` from PolNeAR's `metadata.tsv` (text unused).
fn read_polnear_metadata(path: &Path) -> anyhow::Result<Table> {
    let tsv =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| anyhow!("{}: no column {name}", path.display()))
    };
    let (file_col, date_col) = (col("filename")?, col("publication_date")?);
    let table = lines
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let name = cells.get(file_col)?;
            let date = cells.get(date_col).and_then(|d| parse_date(d));
            Some((name.to_string(), (String::new(), date)))
        })
        .collect();
    Ok(Arc::new(table))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared evaluation folder, when this checkout sits beside it.
    fn eval_dir() -> Option<PathBuf> {
        find_eval_dir(project_dir())
    }

    fn project_dir() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn m2e2_date_from_sentence_id() {
        assert_eq!(
            m2e2_date("VOA_EN_NW_2016.04.01.3271445_3"),
            NaiveDate::from_ymd_opt(2016, 4, 1)
        );
        assert_eq!(m2e2_date("VOA_EN_NW_2016.13.01.1_0"), None);
        assert_eq!(m2e2_date("other_2016.04.01"), None);
    }

    #[test]
    fn unknown_dataset_is_an_error() {
        let e = load_text(Path::new("."), project_dir(), "ace", "x").unwrap_err();
        assert!(e.to_string().contains("ace"), "{e}");
    }

    #[test]
    fn path_like_id_is_rejected() {
        assert!(load_text(Path::new("."), project_dir(), "corpus", "../Cargo").is_err());
        assert!(load_text(Path::new("."), project_dir(), "polnear", "a/b").is_err());
    }

    #[test]
    fn corpus_article_body_and_date() {
        let (text, date) = load_text(
            Path::new("."),
            project_dir(),
            "corpus",
            "000_b7c33502702b2378",
        )
        .unwrap();
        assert!(!text.starts_with(" date"), "header left in body");
        assert!(text.contains("Amirabdollahian"));
        assert_eq!(date, NaiveDate::from_ymd_opt(2023, 10, 26));
    }

    #[test]
    fn corpus_article_keeps_its_id() {
        let a = load_article(
            Path::new("."),
            project_dir(),
            "corpus",
            "004_c4e881cea1cd0674",
        )
        .unwrap();
        assert_eq!(a.id, "004_c4e881cea1cd0674");
        assert_eq!(a.date, None);
    }

    #[test]
    fn m2e2_sentence_from_zip() {
        let Some(eval) = eval_dir() else { return };
        let (text, date) = load_text(
            &eval,
            project_dir(),
            "m2e2",
            "VOA_EN_NW_2016.04.19.3291980_14",
        )
        .unwrap();
        assert!(
            text.starts_with("Laws seen as undermining LGBT rights"),
            "{text}"
        );
        assert_eq!(date, NaiveDate::from_ymd_opt(2016, 4, 19));
        assert!(load_text(&eval, project_dir(), "m2e2", "VOA_EN_NW_nope").is_err());
    }

    #[test]
    fn plover_record_text() {
        let Some(eval) = eval_dir() else { return };
        let (text, date) =
            load_text(&eval, project_dir(), "plover", "PLOVER-GSR01-CONSULT-0001").unwrap();
        assert!(text.starts_with("A group of Moroccan diplomats"), "{text}");
        assert_eq!(date, NaiveDate::from_ymd_opt(2000, 1, 1));
    }

    #[test]
    fn polnear_article_and_date() {
        let Some(eval) = eval_dir() else { return };
        let doc = "breitbart_2015-11-16_o-malley-campaign-to-shift-staff";
        let (text, date) = load_text(&eval, project_dir(), "polnear", doc).unwrap();
        assert!(text.contains("O’Malley"));
        assert_eq!(date, NaiveDate::from_ymd_opt(2015, 11, 16));
    }
}
