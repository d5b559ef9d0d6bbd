//! The `newsgraph` binary: parses the command line, hands it to the library and turns
//! the outcome into one of the documented exit codes ([`newsgraph::cli::exit`]).

use clap::Parser;
use newsgraph::cli::exit;

/// mimalloc instead of the system allocator: extraction and mapping allocate many
/// small strings on both cores, where glibc's malloc and free took a fifth of the CPU.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
