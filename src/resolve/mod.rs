//! Stage 4, **resolve**: identity keys and IRIs.
//!
//! The same actor, meeting or statement must get the same IRI whichever article (and
//! whichever order) it came from. This module turns names and facts into normalised
//! keys and keys into IRIs; it is pure (no store, no I/O) and deterministic.
//! It does not find mentions (that is `nlp`) or write RDF (that is `graph`).
//!
//! Two levels: within one article, `extract` mints IRIs from these keys; across the
//! corpus, [`resolve_corpus`] rewrites them so that variants (transliterations,
//! surname-only mentions, the same meeting told by several articles) become one node.

pub mod actors;
pub mod corpus;
pub mod dictionary;
mod dictionary_tsv;
mod dictionary_turtle;
pub mod events;
pub mod index;
pub mod names;
pub mod online;
pub mod published;
pub mod statements;

pub use corpus::{resolve_corpus, resolve_corpus_with, CorpusView, DictionaryFacts};
pub use dictionary::Dictionary;

use sha2::{Digest, Sha256};

/// The default namespace of the IRIs newsgraph mints.
pub const DEFAULT_BASE: &str = "https://w3id.org/newsgraph/id/";

/// Folds a name into its identity key: transliterated to ASCII, lower case, inner
/// hyphens and apostrophes dropped, words joined by `-`.
/// `"Hossein Amir-Abdollahian"` and `"Hossein Amirabdollahian"` give the same key.
pub fn name_key(name: &str) -> String {
    // Written into one string: this runs for every name of every article.
    let ascii: std::borrow::Cow<str> = if name.is_ascii() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(deunicode::deunicode(name))
    };
    let mut key = String::with_capacity(ascii.len());
    for w in ascii.split(|c: char| c.is_whitespace() || c == '/' || c == ',') {
        let before = key.len();
        if before > 0 {
            key.push('-');
        }
        let start = key.len();
        key.extend(
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase()),
        );
        if key.len() == start {
            key.truncate(before);
        }
    }
    key
}

/// A short, stable hash (16 hex digits of SHA-256) of some parts.
pub fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    let d = h.finalize();
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of a text, in hex.
pub fn sha256_hex(text: &str) -> String {
    let d = Sha256::digest(text.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// Percent-encodes what may not stand in an IRI path segment.
pub fn iri_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The IRI of an article.
pub fn article_iri(base: &str, id: &str) -> String {
    format!("{base}article/{}", iri_segment(id))
}

/// The IRI of an actor from its identity key.
pub fn actor_iri(base: &str, key: &str) -> String {
    if key.is_empty() {
        format!("{base}actor/unnamed")
    } else {
        format!("{base}actor/{}", iri_segment(key))
    }
}

/// The IRI of a meeting from its identity parts (sorted participant keys, date, …).
pub fn meeting_iri(base: &str, parts: &[&str]) -> String {
    format!("{base}meeting/{}", short_hash(parts))
}

/// The IRI of a statement from its identity parts (speaker key, normalised content).
pub fn statement_iri(base: &str, parts: &[&str]) -> String {
    format!("{base}statement/{}", short_hash(parts))
}

/// Normalises a text for comparing statements: ASCII, lower case, words only.
pub fn content_key(text: &str) -> String {
    name_key(text)
}

#[cfg(test)]
mod stability_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod timing_tests;

#[cfg(test)]
mod key_tests {
    use super::*;

    #[test]
    fn name_key_folds_hyphens_and_diacritics() {
        assert_eq!(
            name_key("Hossein Amir-Abdollahian"),
            "hossein-amirabdollahian"
        );
        assert_eq!(
            name_key("Hossein Amirabdollahian"),
            "hossein-amirabdollahian"
        );
        assert_eq!(name_key("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(name_key("Türkiye"), "turkiye");
        assert_eq!(name_key(" , Abu  Mazen/ ,"), "abu-mazen");
        assert_eq!(name_key("--"), "");
    }

    #[test]
    fn iri_segment_escapes() {
        assert_eq!(iri_segment("a b/c"), "a%20b%2Fc");
    }
}
