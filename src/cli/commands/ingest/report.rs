//! What an ingest tells its user while it runs: the progress bar with error lines
//! above it, and the phase timings of `--timings`. It decides nothing about what is
//! stored.

use std::io::IsTerminal;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::SHOW_PROGRESS_AFTER;

/// Phase timings, printed with `--timings`: wall-clock time and, where the system
/// tells it (`/proc/self/stat`), the CPU time of all the process's threads.
pub(super) struct Timings {
    on: bool,
    last: std::cell::Cell<Instant>,
    last_cpu: std::cell::Cell<Option<f64>>,
}

impl Timings {
    pub(super) fn new(on: bool) -> Self {
        Timings {
            on,
            last: std::cell::Cell::new(Instant::now()),
            last_cpu: std::cell::Cell::new(cpu_seconds()),
        }
    }

    /// Prints the time since the previous phase ended.
    pub(super) fn done(&self, phase: &str) {
        let now = Instant::now();
        let cpu = if self.on { cpu_seconds() } else { None };
        if self.on {
            let secs = now.duration_since(self.last.get()).as_secs_f64();
            match (cpu, self.last_cpu.get()) {
                (Some(c), Some(l)) => {
                    eprintln!(
                        "newsgraph: timing: {phase}: {secs:.2} s ({:.2} s CPU)",
                        c - l
                    )
                }
                _ => eprintln!("newsgraph: timing: {phase}: {secs:.2} s"),
            }
        }
        self.last.set(now);
        self.last_cpu.set(cpu);
    }
}

/// User and system CPU seconds this process has used so far, from `/proc/self/stat`
/// (Linux; `None` elsewhere). Clock ticks are taken as 100 a second, the value Linux
/// reports to user space on every common platform.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at its ')'.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let f: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// A progress bar on standard error, drawn only on a terminal and only once the run
/// has lasted a while; error lines are printed above it.
pub(super) struct Progress {
    bar: ProgressBar,
    start: Instant,
    terminal: bool,
    articles: std::cell::Cell<usize>,
}

impl Progress {
    pub(super) fn new() -> Self {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{elapsed_precise} [{wide_bar}] {pos}/{len} files, {msg}")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            start: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            articles: std::cell::Cell::new(0),
        }
    }

    pub(super) fn set_files(&self, n: usize) {
        self.bar.set_length(n as u64);
    }

    pub(super) fn tick(&self) {
        if self.terminal && self.bar.is_hidden() && self.start.elapsed() > SHOW_PROGRESS_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    pub(super) fn file_done(&self) {
        self.bar.inc(1);
        self.tick();
    }

    pub(super) fn extracted(&self, n: usize) {
        self.articles.set(self.articles.get() + n);
        self.bar
            .set_message(format!("{} articles", self.articles.get()));
        self.tick();
    }

    pub(super) fn error(&self, message: &str) {
        self.bar.suspend(|| eprintln!("newsgraph: {message}"));
    }

    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
