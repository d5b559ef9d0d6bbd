//! The optional actor dictionary (`--actors FILE`): known actors with a canonical
//! name, aliases, a kind, outside identifiers (Wikidata and other IRIs) and roles with
//! dates, read from TSV or Turtle (chosen by the file's extension).
//!
//! TSV: one actor per line, tab-separated columns `name`, `kind`, `aliases`,
//! `identifiers`, `roles` (the last three optional). Several aliases, identifiers or
//! roles are separated by `|`; a role is `title;organisation;start;end` (all but the
//! title optional, days as `YYYY-MM-DD`). Blank lines and lines starting with `#` are
//! skipped. An identifier is a Wikidata id (`Q42`, `wd:Q42`) or an absolute IRI.
//! The TSV reader is `dictionary_tsv`, the Turtle one `dictionary_turtle`; the field
//! checks both use live here.
//!
//! A mention resolves to an entry when its folded name ([`super::names::fold_tokens`])
//! equals the entry's canonical name or one of its aliases; person entries match
//! person mentions only, the other kinds match any actor that is not a person. An alias
//! two entries share is ambiguous: it is reported and not used. This module reads,
//! checks and indexes the dictionary; it does not cluster (`actors`) or write RDF
//! (`graph::corpus`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;

use super::names::fold_tokens;
use crate::extract::ActorKind;

/// Where Wikidata entity IRIs live; `Q42` becomes `http://www.wikidata.org/entity/Q42`.
pub const WIKIDATA_ENTITY: &str = "http://www.wikidata.org/entity/";

/// A dictionary that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DictionaryError {
    /// The file could not be read.
    #[error("{path}: cannot read the actor dictionary: {message}")]
    Read {
        /// The file.
        path: String,
        /// What the system said.
        message: String,
    },
    /// The extension names no dictionary format.
    #[error("{path}: unknown actor dictionary format: expected a .tsv or .ttl file")]
    Format {
        /// The file.
        path: String,
    },
    /// A bad row or entry.
    #[error("{path}:{line}: {message}")]
    Bad {
        /// The file.
        path: String,
        /// The line (1-based; 0 when unknown).
        line: usize,
        /// What is wrong and what was expected.
        message: String,
    },
}

/// The two file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictionaryFormat {
    /// Tab-separated values (`.tsv`).
    Tsv,
    /// Turtle (`.ttl`).
    Turtle,
}

impl DictionaryFormat {
    /// The format of a file by its extension (`.tsv`, `.ttl`), if any.
    pub fn of_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "tsv" => Some(DictionaryFormat::Tsv),
            "ttl" => Some(DictionaryFormat::Turtle),
            _ => None,
        }
    }

    /// The usual extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            DictionaryFormat::Tsv => "tsv",
            DictionaryFormat::Turtle => "ttl",
        }
    }
}

/// A role an entry holds, from the dictionary (not observed in an article).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DictRole {
    /// The title ("Foreign Minister").
    pub title: String,
    /// The organisation or country it is held in, by name.
    pub organization: Option<String>,
    /// First day (`YYYY-MM-DD`).
    pub start: Option<String>,
    /// Last day (`YYYY-MM-DD`).
    pub end: Option<String>,
}

/// One known actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The line it is given on (1-based; 0 when unknown).
    pub line: usize,
    /// The canonical name.
    pub name: String,
    /// Its kind.
    pub kind: ActorKind,
    /// Other names (sorted; ambiguous ones removed).
    pub aliases: Vec<String>,
    /// Outside identifiers as IRIs (sorted).
    pub same_as: Vec<String>,
    /// Roles with dates (sorted).
    pub roles: Vec<DictRole>,
}

/// A read and checked dictionary with its name index.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// The entries, in file order.
    pub entries: Vec<Entry>,
    /// SHA-256 of the file's bytes (names the dictionary in the graph).
    pub digest: String,
    /// (is a person, folded name) → entry.
    index: BTreeMap<(bool, Vec<String>), usize>,
}

/// A dictionary read from a file: the dictionary, its format, the file's bytes and the
/// warnings.
pub type DictionaryFile = (Dictionary, DictionaryFormat, Vec<u8>, Vec<String>);

impl Dictionary {
    /// Reads a dictionary file, choosing the format by extension. Returns it with its
    /// warnings (ambiguous aliases), each naming the file and lines.
    pub fn read(path: &Path) -> Result<(Dictionary, Vec<String>), DictionaryError> {
        let (d, _, _, warnings) = Self::read_file(path)?;
        Ok((d, warnings))
    }

    /// Like [`Dictionary::read`], also returning the format and the file's bytes (for
    /// the copy `ingest` keeps in the store).
    pub fn read_file(path: &Path) -> Result<DictionaryFile, DictionaryError> {
        let shown = path.display().to_string();
        let format = DictionaryFormat::of_path(path).ok_or_else(|| DictionaryError::Format {
            path: shown.clone(),
        })?;
        let bytes = std::fs::read(path).map_err(|e| DictionaryError::Read {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        let (d, warnings) = Self::parse(&shown, &bytes, format)?;
        Ok((d, format, bytes, warnings))
    }

    /// Parses dictionary bytes; `path` is only used in messages.
    pub fn parse(
        path: &str,
        bytes: &[u8],
        format: DictionaryFormat,
    ) -> Result<(Dictionary, Vec<String>), DictionaryError> {
        let text = std::str::from_utf8(bytes).map_err(|e| DictionaryError::Read {
            path: path.to_string(),
            message: format!("not UTF-8 text ({e})"),
        })?;
        let entries = match format {
            DictionaryFormat::Tsv => super::dictionary_tsv::parse_tsv(path, text)?,
            DictionaryFormat::Turtle => super::dictionary_turtle::parse_turtle(path, text)?,
        };
        let (mut dict, warnings) = build(path, entries)?;
        dict.digest = super::sha256_hex(text);
        Ok((dict, warnings))
    }

    /// The identity key (for [`super::actor_iri`]) of entry `i`: its canonical name's
    /// key, like the key of any other actor of that name.
    pub fn key(&self, i: usize) -> String {
        super::name_key(&self.entries[i].name)
    }

    /// The entry a name resolves to: its folded form is the canonical name or an alias
    /// of an entry of the right class (person or not).
    pub fn find(&self, name: &str, person: bool) -> Option<usize> {
        self.index.get(&(person, fold_tokens(name))).copied()
    }

    /// The folded forms (canonical name first, then aliases) of entry `i`.
    pub fn forms(&self, i: usize) -> Vec<Vec<String>> {
        let e = &self.entries[i];
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .map(|n| fold_tokens(n))
            .collect()
    }
}

/// Whether entries of this kind match person mentions.
fn is_person(kind: ActorKind) -> bool {
    kind == ActorKind::Person
}

/// Checks the entries and builds the index: canonical names must be distinct (by key
/// and by folded form); an alias claimed by two entries, or equal to another entry's
/// canonical name, is dropped with a warning.
fn build(
    path: &str,
    mut entries: Vec<Entry>,
) -> Result<(Dictionary, Vec<String>), DictionaryError> {
    let mut warnings = Vec::new();
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    let mut canon: BTreeMap<(bool, Vec<String>), usize> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let clash = keys
            .insert(super::name_key(&e.name), i)
            .or_else(|| canon.insert((is_person(e.kind), fold_tokens(&e.name)), i));
        if let Some(j) = clash {
            return Err(DictionaryError::Bad {
                path: path.to_string(),
                line: e.line,
                message: format!(
                    "canonical name {:?} is the same name as {:?} (line {}); give each actor a distinct canonical name",
                    e.name, entries[j].name, entries[j].line
                ),
            });
        }
    }
    // Alias forms → entries claiming them.
    let mut claims: BTreeMap<(bool, Vec<String>), BTreeSet<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        for a in &e.aliases {
            claims
                .entry((is_person(e.kind), fold_tokens(a)))
                .or_default()
                .insert(i);
        }
    }
    let mut dropped: BTreeSet<(usize, (bool, Vec<String>))> = BTreeSet::new();
    for (form, who) in &claims {
        let owner = canon.get(form).copied();
        let others: Vec<usize> = who.iter().copied().filter(|&i| Some(i) != owner).collect();
        // An alias that folds like its own entry's name is harmless.
        if others.is_empty() || (owner.is_none() && others.len() < 2) {
            continue;
        }
        let mut lines: Vec<usize> = others.clone();
        lines.extend(owner);
        lines.sort_by_key(|&i| (entries[i].line, i));
        let named: Vec<String> = lines
            .iter()
            .map(|&i| format!("{:?} (line {})", entries[i].name, entries[i].line))
            .collect();
        let alias = entries[others[0]]
            .aliases
            .iter()
            .find(|a| fold_tokens(a) == form.1)
            .cloned()
            .unwrap_or_default();
        let what = if owner.is_some() {
            "is another entry's canonical name"
        } else {
            "names several entries"
        };
        warnings.push(format!(
            "{path}:{}: alias {alias:?} {what}: {}; the alias is not used",
            entries[others[0]].line,
            named.join(" and ")
        ));
        for i in others {
            dropped.insert((i, form.clone()));
        }
    }
    let mut index = canon;
    for (i, e) in entries.iter_mut().enumerate() {
        let person = is_person(e.kind);
        e.aliases
            .retain(|a| !dropped.contains(&(i, (person, fold_tokens(a)))));
        for a in &e.aliases {
            index.entry((person, fold_tokens(a))).or_insert(i);
        }
    }
    let dict = Dictionary {
        entries,
        digest: String::new(),
        index,
    };
    Ok((dict, warnings))
}

/// An entry with its lists sorted and deduplicated.
pub(super) fn make_entry(
    line: usize,
    name: String,
    kind: ActorKind,
    aliases: Vec<String>,
    mut same_as: Vec<String>,
    mut roles: Vec<DictRole>,
) -> Entry {
    same_as.sort();
    same_as.dedup();
    roles.sort();
    roles.dedup();
    Entry {
        line,
        name,
        kind,
        aliases,
        same_as,
        roles,
    }
}

/// A canonical name: non-empty, with at least one letter or digit.
pub(super) fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if fold_tokens(name).is_empty() {
        return Err(format!(
            "the name {name:?} has no letters or digits; the first column is the canonical name"
        ));
    }
    Ok(name.to_string())
}

/// Aliases: each with letters, sorted, without duplicates or the name itself.
pub(super) fn check_aliases(name: &str, aliases: Vec<String>) -> Result<Vec<String>, String> {
    let mut out = BTreeSet::new();
    for a in aliases {
        let a = a.trim().to_string();
        if fold_tokens(&a).is_empty() {
            return Err(format!("the alias {a:?} has no letters or digits"));
        }
        if a != name {
            out.insert(a);
        }
    }
    Ok(out.into_iter().collect())
}

/// A kind by name: person, organization (organisation), group, country, place.
pub(super) fn parse_kind(s: &str) -> Result<ActorKind, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "person" => Ok(ActorKind::Person),
        "organization" | "organisation" => Ok(ActorKind::Organization),
        "group" => Ok(ActorKind::Group),
        "country" => Ok(ActorKind::Country),
        "place" => Ok(ActorKind::Place),
        other => Err(format!(
            "unknown kind {other:?}: expected person, organization, group, country or place"
        )),
    }
}

/// An outside identifier as an IRI: `Q42` and `wd:Q42` are Wikidata entities; anything
/// else must be an absolute IRI.
pub(super) fn parse_identifier(s: &str) -> Result<String, String> {
    let s = s.trim();
    let q = s.strip_prefix("wd:").unwrap_or(s);
    if q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()) {
        return Ok(format!("{WIKIDATA_ENTITY}{q}"));
    }
    match oxigraph::model::NamedNode::new(s) {
        Ok(n) if s.contains(':') => Ok(n.into_string()),
        _ => Err(format!(
            "identifier {s:?} is neither a Wikidata id (Q42) nor an absolute IRI"
        )),
    }
}

/// A role from its parts, checking the days (`YYYY-MM-DD`, start not after end).
pub(super) fn make_role(
    title: Option<&str>,
    organization: Option<&str>,
    start: Option<&str>,
    end: Option<&str>,
) -> Result<DictRole, String> {
    let title = title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or("a role needs a title (title;organisation;start;end)")?;
    let day = |d: Option<&str>| -> Result<Option<NaiveDate>, String> {
        d.map(|d| {
            NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| format!("role {title:?}: {d:?} is not a day as YYYY-MM-DD"))
        })
        .transpose()
    };
    let (s, e) = (day(start)?, day(end)?);
    if let (Some(s), Some(e)) = (s, e) {
        if s > e {
            return Err(format!("role {title:?}: starts ({s}) after it ends ({e})"));
        }
    }
    let fmt = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    Ok(DictRole {
        title: title.to_string(),
        organization: organization
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(String::from),
        start: fmt(s),
        end: fmt(e),
    })
}

#[cfg(test)]
#[path = "dictionary_tests.rs"]
mod tests;
