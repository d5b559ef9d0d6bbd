//! The limits that keep one client from hurting the others: concurrent queries, the
//! per-query deadline (cancelling Oxigraph's evaluation), the answer size and the
//! request body size.
//!
//! In: the options; out: guards, a cancellation watchdog, a bounded buffer and the
//! error responses for each limit. It does not evaluate queries itself.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use oxigraph::sparql::CancellationToken;

use super::Response;

/// The deadlines of the running queries, by slot id.
type Deadlines = Arc<Mutex<BTreeMap<u64, Instant>>>;

/// Counts running queries; `try_enter` fails when the limit is reached. It also keeps
/// the deadline of each query that has one, so that a watchdog can see a query that
/// ignored its cancellation ([`QueryGate::overdue`]).
#[derive(Debug)]
pub struct QueryGate {
    running: Arc<AtomicUsize>,
    max: usize,
    deadlines: Deadlines,
    next_id: AtomicU64,
}

/// Holds one slot of the [`QueryGate`] until dropped.
#[derive(Debug)]
pub struct GateGuard {
    running: Arc<AtomicUsize>,
    deadline: Option<(Deadlines, u64)>,
}

impl QueryGate {
    /// A gate letting `max` queries run at once (at least one).
    pub fn new(max: usize) -> Self {
        Self {
            running: Arc::new(AtomicUsize::new(0)),
            max: max.max(1),
            deadlines: Arc::new(Mutex::new(BTreeMap::new())),
            next_id: AtomicU64::new(0),
        }
    }

    /// Takes a slot, or `None` when `max` queries are already running.
    pub fn try_enter(&self) -> Option<GateGuard> {
        let taken = self
            .running
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.max).then_some(n + 1)
            });
        taken.ok().map(|_| GateGuard {
            running: Arc::clone(&self.running),
            deadline: None,
        })
    }

    /// Takes a slot for a query that must end by `deadline`.
    pub fn try_enter_until(&self, deadline: Instant) -> Option<GateGuard> {
        let mut guard = self.try_enter()?;
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.deadlines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, deadline);
        guard.deadline = Some((Arc::clone(&self.deadlines), id));
        Some(guard)
    }

    /// How many queries run now.
    pub fn running(&self) -> usize {
        self.running.load(Ordering::Acquire)
    }

    /// How long the most overdue running query is past its deadline (zero if none).
    pub fn overdue(&self, now: Instant) -> Duration {
        self.deadlines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .values()
            .map(|deadline| now.saturating_duration_since(*deadline))
            .max()
            .unwrap_or(Duration::ZERO)
    }
}

impl Drop for GateGuard {
    fn drop(&mut self) {
        if let Some((deadlines, id)) = &self.deadline {
            deadlines
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(id);
        }
        self.running.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A deadline for one query: cancels the token when it passes, unless dropped first.
pub struct Deadline {
    /// Pass to `SparqlEvaluator::with_cancellation_token`.
    pub token: CancellationToken,
    at: Instant,
    timeout: Duration,
    // Dropping the sender wakes the watchdog thread at once.
    _stop: mpsc::Sender<()>,
}

impl Deadline {
    /// Starts the watchdog for `timeout`.
    pub fn start(timeout: Duration) -> Self {
        let token = CancellationToken::new();
        let (stop, stopped) = mpsc::channel::<()>();
        let watched = token.clone();
        let spawned = thread::Builder::new()
            .name("newsgraph query deadline".to_owned())
            .spawn(move || {
                if let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(timeout) {
                    watched.cancel();
                }
            });
        if spawned.is_err() {
            // No thread for the watchdog: the explicit checks in `passed` still apply.
        }
        Self {
            token,
            at: Instant::now() + timeout,
            timeout,
            _stop: stop,
        }
    }

    /// True once the deadline has passed (checked while serializing).
    pub fn passed(&self) -> bool {
        Instant::now() >= self.at
    }

    /// The 503 answer for a query that ran out of time.
    pub fn timeout_response(&self) -> Response {
        timeout_response(self.timeout)
    }
}

/// The answer for a query cut off by the time limit.
pub fn timeout_response(timeout: Duration) -> Response {
    Response::text(
        503,
        format_args!(
            "query cancelled: it did not finish within the time limit of {} s (--timeout); \
             narrow it down or add a LIMIT",
            timeout.as_secs_f32()
        ),
    )
}

/// The answer when all query slots are taken.
pub fn busy_response(max: usize) -> Response {
    Response::text(
        503,
        format_args!("too many concurrent queries (limit {max}); retry shortly"),
    )
    .with_header("Retry-After", "1")
}

/// The answer for a request body over the limit.
pub fn body_too_large(max: usize) -> Response {
    Response::text(
        413,
        format_args!("request body larger than the limit of {max} bytes"),
    )
}

/// The answer for a result over the size limit.
pub fn response_too_large(max: usize) -> Response {
    Response::text(
        500,
        format_args!(
            "the answer is larger than the limit of {max} bytes; add a LIMIT or narrow the query"
        ),
    )
}

/// A `Vec` that refuses to grow past `max` bytes (the error kind is `FileTooLarge`).
pub struct BoundedBuffer {
    /// The bytes written so far.
    pub bytes: Vec<u8>,
    max: usize,
}

impl BoundedBuffer {
    /// An empty buffer with a limit.
    pub fn new(max: usize) -> Self {
        Self {
            bytes: Vec::new(),
            max,
        }
    }
}

/// True for the error [`BoundedBuffer`] returns when full.
pub fn is_too_large(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::FileTooLarge
}

impl Write for BoundedBuffer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.bytes.len() + buf.len() > self.max {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                "answer over the size limit",
            ));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gate_refuses_past_limit_and_frees_on_drop() {
        let gate = QueryGate::new(1);
        let first = gate.try_enter();
        assert!(first.is_some());
        assert!(gate.try_enter().is_none());
        drop(first);
        assert!(gate.try_enter().is_some());
    }

    #[test]
    fn gate_reports_overdue_query_until_it_ends() {
        let gate = QueryGate::new(2);
        let now = Instant::now();
        let guard = gate.try_enter_until(now);
        assert_eq!(
            gate.overdue(now + Duration::from_secs(3)),
            Duration::from_secs(3)
        );
        drop(guard);
        assert_eq!(gate.overdue(now + Duration::from_secs(3)), Duration::ZERO);
    }

    #[test]
    fn deadline_cancels_token() {
        let deadline = Deadline::start(Duration::from_millis(1));
        thread::sleep(Duration::from_millis(50));
        assert!(deadline.passed());
        assert!(deadline.token.is_cancelled());
    }

    #[test]
    fn bounded_buffer_refuses_overflow() {
        let mut buffer = BoundedBuffer::new(3);
        assert!(buffer.write_all(b"abc").is_ok());
        let error = buffer.write_all(b"d").unwrap_err();
        assert!(is_too_large(&error));
    }
}
