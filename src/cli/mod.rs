//! The command line: a thin shell over the library. `args` holds the clap
//! definitions; `commands` runs them. Errors become `newsgraph: …` lines and an exit
//! code.

pub mod args;
pub mod commands;

pub use args::Cli;
pub use commands::run;
