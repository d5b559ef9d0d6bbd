//! The command line: a thin shell over the library. `args` holds the clap
//! definitions; `commands` runs them (one file per command); `output` formats tables
//! and terms. Errors become `newsgraph: …` lines and an exit code.

pub mod args;
pub mod commands;
mod output;

pub use args::Cli;
pub use commands::run;
