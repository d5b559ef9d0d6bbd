//! The `newsgraph` binary: parses the command line and hands it to the library.

use clap::Parser;

fn main() {
    let cli = newsgraph::cli::Cli::parse();
    match newsgraph::cli::run(cli) {
        Ok(true) => {}
        // Some input was rejected; the rest was processed.
        Ok(false) => std::process::exit(2),
        Err(e) => {
            // A closed pipe (`newsgraph extract … | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                std::process::exit(0);
            }
            eprintln!("newsgraph: {e:#}");
            std::process::exit(1);
        }
    }
}
