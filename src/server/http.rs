//! The socket side: a listener with a bounded pool of connection threads, each reading
//! requests under a per-request deadline (`wire.rs` parses them), calling
//! [`handle`](super::handle) and writing the finished answer.
//!
//! In: a [`ServerState`] and an address; out: a running server. All protocol logic
//! lives in `handle` and `wire.rs`; this file owns only time, sockets and threads.

use std::io::{self, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use anyhow::Context;

use super::wire::{self, Incoming, ReadError, WireLimits};
use super::{handle, Response, ServerState};

/// A running server: the accept thread.
pub struct Running {
    thread: JoinHandle<()>,
}

impl Running {
    /// Waits until the accept thread ends (it runs until the process ends).
    pub fn join(self) -> anyhow::Result<()> {
        self.thread
            .join()
            .map_err(|_| anyhow::anyhow!("the accept thread panicked"))
    }
}

/// Counts open connections against `max_connections`.
struct Slots {
    open: Mutex<usize>,
    freed: Condvar,
    max: usize,
}

impl Slots {
    /// Takes a slot, waiting at most `wait` for one to free up.
    fn take(self: &Arc<Self>, wait: Duration) -> Option<SlotGuard> {
        let until = Instant::now() + wait;
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        while *open >= self.max {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            open = self
                .freed
                .wait_timeout(open, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        *open += 1;
        Some(SlotGuard(Arc::clone(self)))
    }
}

struct SlotGuard(Arc<Slots>);

impl Drop for SlotGuard {
    fn drop(&mut self) {
        let mut open = self.0.open.lock().unwrap_or_else(|e| e.into_inner());
        *open = open.saturating_sub(1);
        self.0.freed.notify_one();
    }
}

/// A socket reader that fails with `TimedOut` once its deadline has passed, however
/// slowly the bytes trickle in (the slow-loris defence: a per-read timeout alone would
/// let one byte every few seconds hold a connection forever).
struct DeadlineReader {
    stream: TcpStream,
    deadline: Instant,
}

impl Read for DeadlineReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "request read deadline passed",
            ));
        }
        self.stream.set_read_timeout(Some(left))?;
        match self.stream.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "request read deadline passed",
            )),
            other => other,
        }
    }
}

/// Serves one connection until the client closes it, a request asks to close, or a
/// request does not arrive in time.
fn connection(state: &ServerState, stream: TcpStream) -> io::Result<()> {
    let options = &state.options;
    let limits = WireLimits {
        max_head_bytes: options.max_head_bytes,
        max_headers: options.max_headers,
        max_body_bytes: options.max_body_bytes,
    };
    stream.set_write_timeout(Some(options.write_timeout))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(DeadlineReader {
        stream,
        deadline: Instant::now() + options.request_read_timeout,
    });
    loop {
        // The deadline covers the wait for the request and its whole head and body.
        reader.get_mut().deadline = Instant::now() + options.request_read_timeout;
        let continue_to = &writer;
        let incoming = wire::read_request(&mut reader, &limits, || {
            let mut out = continue_to;
            out.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
        });
        match incoming {
            Ok(Incoming {
                request,
                keep_alive,
            }) => {
                let started = Instant::now();
                let method = request.method.clone();
                // The path only: query strings may hold queries; tokens never go in URLs.
                let path = request.path().to_owned();
                let response = handle(state, request);
                log(&method, &path, &response, started);
                wire::write_response(&mut writer, &response, keep_alive)?;
                if !keep_alive {
                    return close(&mut reader, &writer);
                }
            }
            Err(ReadError::Closed) => return Ok(()),
            Err(ReadError::Io(e)) => {
                if e.kind() == io::ErrorKind::TimedOut {
                    let answer = Response::text(
                        408,
                        "the request did not arrive within the read timeout; closing",
                    );
                    // Best effort: a slow client may not be reading either.
                    let _ = wire::write_response(&mut writer, &answer, false);
                }
                return Ok(());
            }
            Err(ReadError::Reject(response)) => {
                log("-", "-", &response, Instant::now());
                wire::write_response(&mut writer, &response, false)?;
                return close(&mut reader, &writer);
            }
        }
    }
}

/// Ends a connection politely: no more writes, then discards what the client still
/// sends (for at most a second and 1 MiB) so that closing does not reset the answer away.
fn close(reader: &mut BufReader<DeadlineReader>, writer: &TcpStream) -> io::Result<()> {
    let _ = writer.shutdown(Shutdown::Write);
    reader.get_mut().deadline = Instant::now() + Duration::from_secs(1);
    let _ = io::copy(&mut reader.by_ref().take(1 << 20), &mut io::sink());
    Ok(())
}

fn log(method: &str, path: &str, response: &Response, started: Instant) {
    eprintln!(
        "newsgraph: {method} {path} {} {} bytes {} ms",
        response.status,
        response.body.len(),
        started.elapsed().as_millis()
    );
}

/// Refuses a connection when every slot is taken: a 503 and close.
fn refuse(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let answer = Response::text(503, "too many open connections; retry shortly")
        .with_header("Retry-After", "1");
    let _ = wire::write_response(&mut stream, &answer, false);
    let _ = stream.shutdown(Shutdown::Write);
}

/// Ends the process when a query is still running `grace` past its time limit: its
/// thread cannot be stopped, and a few such queries would hold every query slot and
/// core for hours. The supervisor (`newsgraph serve`) starts a fresh server.
fn stuck_query_watchdog(state: &ServerState, grace: Duration) {
    loop {
        thread::sleep(Duration::from_millis(250));
        let overdue = state.gate.overdue(Instant::now());
        if overdue > grace {
            eprintln!(
                "newsgraph: a query is still running {} s after its time limit (Oxigraph \
                 cannot interrupt it); stopping this server process (exit code {})",
                overdue.as_secs(),
                super::STUCK_EXIT_CODE
            );
            std::process::exit(super::STUCK_EXIT_CODE);
        }
    }
}

/// Starts serving `state` on `bind` in background threads; returns the address
/// actually bound (useful with port 0) and the running server.
pub fn spawn(state: ServerState, bind: SocketAddr) -> anyhow::Result<(SocketAddr, Running)> {
    let listener = TcpListener::bind(bind).with_context(|| format!("cannot listen on {bind}"))?;
    let address = listener.local_addr()?;
    let slots = Arc::new(Slots {
        open: Mutex::new(0),
        freed: Condvar::new(),
        max: state.options.max_connections.max(1),
    });
    let state = Arc::new(state);
    if let Some(grace) = state.options.stuck_query_grace {
        let watched = Arc::clone(&state);
        thread::Builder::new()
            .name("newsgraph stuck-query watchdog".to_owned())
            .spawn(move || stuck_query_watchdog(&watched, grace))
            .context("cannot start the stuck-query watchdog")?;
    }
    let thread = thread::Builder::new()
        .name("newsgraph accept".to_owned())
        .spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let _ = stream.set_nodelay(true);
                // A short wait lets a burst through; past it the client is told.
                let Some(slot) = slots.take(Duration::from_millis(100)) else {
                    refuse(stream);
                    continue;
                };
                let state = Arc::clone(&state);
                let spawned = thread::Builder::new()
                    .name("newsgraph connection".to_owned())
                    .spawn(move || {
                        let _slot = slot;
                        if let Err(e) = connection(&state, stream) {
                            if !matches!(
                                e.kind(),
                                io::ErrorKind::BrokenPipe | io::ErrorKind::ConnectionReset
                            ) {
                                eprintln!("newsgraph: connection error: {e}");
                            }
                        }
                    });
                if let Err(e) = spawned {
                    eprintln!("newsgraph: cannot start a connection thread: {e}");
                }
            }
        })
        .context("cannot start the accept thread")?;
    Ok((address, Running { thread }))
}

/// Serves `state` on `bind` until the process ends. Prints the address it listens on
/// (useful with port 0) to standard error.
pub fn serve(state: ServerState, bind: SocketAddr) -> anyhow::Result<()> {
    let (address, running) = spawn(state, bind)?;
    eprintln!("newsgraph: listening on http://{address}/");
    running.join().context("the server stopped")?;
    Ok(())
}

#[cfg(test)]
#[path = "http_tests.rs"]
mod tests;
