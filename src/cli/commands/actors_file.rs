//! The actor dictionary of `ingest --actors FILE`: reading and checking the file,
//! keeping a copy in the store directory (`DIR/actors.tsv` or `DIR/actors.ttl`) and
//! reading that copy back when an ingest gives no `--actors`. Resolution itself is
//! `resolve::dictionary`'s job.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::resolve::dictionary::{Dictionary, DictionaryError, DictionaryFormat};
use crate::store::Store;

/// The name of the dictionary copy in the store directory, by format.
fn dictionary_copy(store: &Store, format: DictionaryFormat) -> PathBuf {
    store.dir().join(format!("actors.{}", format.extension()))
}

/// Copies a dictionary file into the store (atomically), removing a copy of the other
/// format.
pub(super) fn keep_dictionary(store: &Store, format: DictionaryFormat, bytes: &[u8]) -> Result<()> {
    for other in [DictionaryFormat::Tsv, DictionaryFormat::Turtle] {
        let copy = dictionary_copy(store, other);
        if other != format && copy.exists() {
            std::fs::remove_file(&copy).with_context(|| format!("removing {}", copy.display()))?;
        }
    }
    let copy = dictionary_copy(store, format);
    crate::store::files::write_atomic(&copy, bytes)
        .with_context(|| format!("keeping a copy of the dictionary in {}", copy.display()))
}

/// The dictionary copy an earlier ingest kept in the store, if any (its warnings were
/// shown then).
pub(super) fn stored_dictionary(store: &Store) -> Result<Option<Dictionary>, DictionaryError> {
    for format in [DictionaryFormat::Tsv, DictionaryFormat::Turtle] {
        let copy = dictionary_copy(store, format);
        if copy.is_file() {
            return Dictionary::read(&copy).map(|(d, _)| Some(d));
        }
    }
    Ok(None)
}
