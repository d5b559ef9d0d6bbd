//! The command line: a thin shell over the library. `args` holds the clap
//! definitions; `commands` runs them (one file per command); `output` formats tables
//! and terms. Errors become `newsgraph: …` lines and an exit code ([`exit`]).

pub mod args;
pub mod commands;
mod output;

pub use args::Cli;
pub use commands::run;

/// The exit codes of `newsgraph`, one meaning each (also in `--help` and the README).
pub mod exit {
    /// Everything was done: every input read and stored (or printed).
    pub const OK: i32 = 0;
    /// The command could not run: a flag value found wrong after parsing (an
    /// impossible `--date`), a store that cannot be opened or is locked (`ingest
    /// --no-wait`), a SPARQL syntax error, a failed write. Nothing was half-written.
    pub const FAILED: i32 = 1;
    /// Some inputs were rejected (each named on standard error as `FILE:LINE: …`);
    /// the rest was processed and stored. For `push`: some graphs were refused.
    pub const REJECTED: i32 = 2;
    /// A usage error found by the argument parser: unknown command or flag, missing
    /// argument, a value of the wrong form (not a number, not one of the choices);
    /// `EX_USAGE` of sysexits.h. Nothing was read or written.
    pub const USAGE: i32 = 64;

    /// The exit-code section of `--help`.
    pub const HELP: &str = "Exit codes:
  0   everything was done
  1   the command could not run (impossible --date, store missing or locked, SPARQL
      syntax error, failed write); nothing was half-written
  2   some inputs were rejected, each named on standard error as FILE:LINE; the rest
      was processed and stored (push: some graphs were refused)
  64  usage error: unknown command or flag, missing argument, value of the wrong form";
}
