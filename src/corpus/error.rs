//! Errors of the corpus stage: each names the input (and line) it is about, so that
//! the user can find and fix the bad input; the rest of the corpus goes on.

use std::path::PathBuf;

/// A problem with one input file or one JSON Lines record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// The file or directory could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input path.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The bytes are not valid UTF-8.
    #[error("{path}:{line}: not valid UTF-8 (byte {byte}); re-encode the file as UTF-8")]
    NotUtf8 {
        /// The input path.
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 0-based byte offset of the first bad byte.
        byte: usize,
    },
    /// The file or record has no text.
    #[error("{path}{}: empty article: no text to read", line_suffix(*.line))]
    Empty {
        /// The input path.
        path: PathBuf,
        /// 1-based line for JSON Lines input.
        line: Option<usize>,
    },
    /// The file looks binary (NUL bytes).
    #[error(
        "{path}: looks like a binary file (NUL byte at {byte}); expected UTF-8 text or JSON Lines"
    )]
    Binary {
        /// The input path.
        path: PathBuf,
        /// 0-based byte offset of the first NUL.
        byte: usize,
    },
    /// A JSON Lines record is not valid JSON, or not an object.
    #[error("{path}:{line}: malformed JSON line: {message}")]
    BadJson {
        /// The input path.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What the parser said.
        message: String,
    },
    /// A JSON Lines record lacks a required field or has one of the wrong type.
    #[error("{path}:{line}: field `{field}`: {message}")]
    BadField {
        /// The input path.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The field name.
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// A date that does not exist (2023-02-30) or is not `YYYY-MM-DD`.
    #[error("{path}{}: impossible date `{value}`: expected an existing day as YYYY-MM-DD", line_suffix(*.line))]
    BadDate {
        /// The input path.
        path: PathBuf,
        /// 1-based line.
        line: Option<usize>,
        /// The date as written.
        value: String,
    },
    /// Two records in one run share an id; the later one is skipped.
    #[error("{path}:{line}: duplicate article id `{id}` (first seen in {first}); skipped")]
    DuplicateId {
        /// The input path.
        path: PathBuf,
        /// 1-based line (1 for plain-text files).
        line: usize,
        /// The repeated id.
        id: String,
        /// Where the id was first seen.
        first: String,
    },
}

fn line_suffix(line: Option<usize>) -> String {
    line.map(|l| format!(":{l}")).unwrap_or_default()
}
