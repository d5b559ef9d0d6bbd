//! Stage 6, **store**: the only module that touches Oxigraph's `Store`.
//!
//! (Being written: open a store directory, replace an article's graph atomically,
//! query, export.)
