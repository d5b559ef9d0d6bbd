//! The `newsgraph` binary: parses the command line, hands it to the library and turns
//! the outcome into one of the documented exit codes ([`newsgraph::cli::exit`]).

use clap::Parser;
use newsgraph::cli::exit;

/// mimalloc instead of the system allocator: extraction and mapping allocate many
/// small strings on both cores, where glibc's malloc and free took a fifth of the CPU.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

extern "C" {
    /// mimalloc's option setter (`mimalloc.h`; the library is linked in by the
    /// `mimalloc` crate, which does not declare it without its `extended` feature).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in `mimalloc.h`'s `mi_option_t` (the same in mimalloc 2
/// and 3): how long freed memory stays mapped before it is given back to the system.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// An ingest frees and allocates hundreds of megabytes in phases a few milliseconds
/// apart (extraction, resolution, serialisation): with mimalloc's default 10 ms purge
/// delay the freed pages went back to the system and were faulted in again (a third
/// of the run's page faults, ~5 % of its CPU time). The process ends with the ingest,
/// so it keeps them. Other commands (the server) keep the default.
fn keep_freed_memory() {
    // SAFETY: sets one integer option of the allocator; valid at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

fn main() {
    let cli = match newsgraph::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` go to standard output and succeed; anything
            // else is a usage error with its own code, distinct from rejected input.
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    if matches!(cli.command, newsgraph::cli::args::Command::Ingest(_)) {
        keep_freed_memory();
    }
    match newsgraph::cli::run(cli) {
        Ok(true) => {}
        // Some input was rejected; the rest was processed.
        Ok(false) => std::process::exit(exit::REJECTED),
        Err(e) => {
            // A closed pipe (`newsgraph extract … | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                std::process::exit(exit::OK);
            }
            eprintln!("newsgraph: {e:#}");
            std::process::exit(exit::FAILED);
        }
    }
}
