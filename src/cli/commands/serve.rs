//! `newsgraph serve`: opens the store and hands it to the HTTP server, in a child
//! process that a small supervisor (this same command) restarts when a query could
//! not be cancelled (see `ServerOptions::stuck_query_grace`).
//!
//! It does not answer requests itself (that is `crate::server`).

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::cli::args::ServeArgs;
use crate::server::{ServerOptions, ServerState};
use crate::store::{ExportFormat, Store};

/// Shortest bearer token accepted: a guessable token is no protection.
const MIN_TOKEN_CHARS: usize = 16;

/// The bearer token of a writable server: the first line of --token-file, else
/// NEWSGRAPH_TOKEN; an error when neither gives one of at least 16 characters.
fn write_token(args: &ServeArgs) -> Result<String> {
    let token = match &args.token_file {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("reading the token file {}", path.display()))?
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_owned(),
        None => std::env::var("NEWSGRAPH_TOKEN")
            .unwrap_or_default()
            .trim()
            .to_owned(),
    };
    if token.is_empty() {
        anyhow::bail!(
            "--writable needs a bearer token: --token-file FILE or the NEWSGRAPH_TOKEN \
             environment variable"
        );
    }
    if token.chars().count() < MIN_TOKEN_CHARS || token.contains(char::is_whitespace) {
        anyhow::bail!(
            "the bearer token must be at least {MIN_TOKEN_CHARS} characters without spaces"
        );
    }
    Ok(token)
}

/// Set in the environment of the supervised server process: the supervisor's pid.
const CHILD_ENV: &str = "NEWSGRAPH_SERVE_SUPERVISOR";

/// Time a query may run past its time limit before its server process is replaced.
const STUCK_GRACE: Duration = Duration::from_secs(10);

/// More restarts than this within a minute: the supervisor gives up.
const MAX_RESTARTS_PER_MINUTE: usize = 10;

/// Runs `serve` until the process is stopped: as the supervisor, or (in the child it
/// starts) as the server.
pub fn run(args: &ServeArgs) -> Result<bool> {
    match std::env::var(CHILD_ENV) {
        Ok(parent) => {
            watch_parent(parent.parse().ok());
            serve(args)
        }
        Err(_) => supervise(args),
    }
}

/// Starts the server as a child process on the same port and restarts it when it
/// stops because of a stuck query (exit code `STUCK_EXIT_CODE`); any other exit is
/// passed on.
fn supervise(args: &ServeArgs) -> Result<bool> {
    if args.writable {
        write_token(args)?; // refuse at once, not in a restart loop
    }
    // Port 0: choose the port once, so that restarts keep the address.
    let bind = std::net::TcpListener::bind(args.bind)
        .and_then(|l| l.local_addr())
        .with_context(|| format!("cannot listen on {}", args.bind))?;
    let exe = std::env::current_exe().context("cannot find the newsgraph executable")?;
    let mut rest = Vec::new();
    let mut given = std::env::args_os().skip(1);
    while let Some(arg) = given.next() {
        if arg == "--bind" {
            given.next();
        } else if !arg.to_string_lossy().starts_with("--bind=") {
            rest.push(arg);
        }
    }
    let mut restarts: Vec<std::time::Instant> = Vec::new();
    loop {
        let status = std::process::Command::new(&exe)
            .args(&rest)
            .arg("--bind")
            .arg(bind.to_string())
            .env(CHILD_ENV, std::process::id().to_string())
            .status()
            .context("cannot start the server process")?;
        if status.code() != Some(crate::server::STUCK_EXIT_CODE) {
            std::process::exit(status.code().unwrap_or(1));
        }
        restarts.retain(|t| t.elapsed() < Duration::from_secs(60));
        restarts.push(std::time::Instant::now());
        if restarts.len() > MAX_RESTARTS_PER_MINUTE {
            anyhow::bail!(
                "the server had to be restarted {MAX_RESTARTS_PER_MINUTE} times within a \
                 minute because of queries that could not be cancelled; giving up"
            );
        }
        eprintln!("newsgraph: restarting the server on {bind}");
    }
}

/// Ends this (child) process when its supervisor is gone, so that killing
/// `newsgraph serve` never leaves a server behind.
fn watch_parent(parent: Option<u32>) {
    #[cfg(unix)]
    {
        let Some(parent) = parent else { return };
        let _ = std::thread::Builder::new()
            .name("newsgraph supervisor watch".to_owned())
            .spawn(move || loop {
                if std::os::unix::process::parent_id() != parent {
                    std::process::exit(1);
                }
                std::thread::sleep(Duration::from_millis(200));
            });
    }
    #[cfg(not(unix))]
    let _ = parent;
}

/// Opens the store and serves it until the process ends.
fn serve(args: &ServeArgs) -> Result<bool> {
    let dir = &args.store.store;
    let store =
        Arc::new(Store::open(dir).with_context(|| format!("opening store {}", dir.display()))?);
    let write_token = if args.writable {
        Some(write_token(args)?)
    } else {
        None
    };
    let options = ServerOptions {
        timeout: Duration::from_secs(args.timeout.max(1)),
        max_concurrent_queries: args.max_queries.max(1),
        max_connections: args.max_connections.max(1),
        request_read_timeout: Duration::from_secs(args.read_timeout.max(1)),
        max_body_bytes: args.max_body,
        stuck_query_grace: Some(STUCK_GRACE),
        write_token,
        ..ServerOptions::default()
    };
    let exporter = Arc::clone(&store);
    let export: crate::server::ExportFn = Box::new(move |w: &mut dyn std::io::Write| {
        crate::store::export::export(&exporter, ExportFormat::Turtle, w)
            .map(|_| ())
            .map_err(std::io::Error::other)
    });
    let oxigraph = store.oxigraph().clone();
    let state = if args.writable {
        ServerState::with_export(oxigraph, options, export)
    } else {
        ServerState::over_merged_store(oxigraph, options, export)
    };
    eprintln!(
        "newsgraph: serving {} at http://{}/ (SPARQL at /sparql){}",
        dir.display(),
        args.bind,
        if args.writable {
            ", writable"
        } else {
            ", read-only"
        }
    );
    crate::server::serve(state, args.bind)?;
    Ok(true)
}
