//! The progress bar of a long `check` or `audit`: drawn on standard error with `indicatif`
//! when standard error is a terminal, the run has taken about a second, and `--quiet` is not
//! given. It reads the library's [`Progress`] counter from a thread of its own, so the work
//! loops only count; it is cleared before the report is written, and report output written
//! while it shows goes through [`Bar::suspend`].

use std::io::IsTerminal;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use smslint::progress::Progress;

/// How long a run goes before its bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// [`DELAY`], unless `SMSLINT_PROGRESS_DELAY_MS` says otherwise (0: the bar is drawn at once,
/// also for a run that ends at once; the tests use it).
fn delay() -> Duration {
    std::env::var("SMSLINT_PROGRESS_DELAY_MS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(DELAY)
}
/// How often the bar reads the counter.
const TICK: Duration = Duration::from_millis(100);

/// What is counted.
#[derive(Clone, Copy)]
pub(crate) enum Unit {
    Files,
    Rows,
}

struct Shared {
    stopped: Mutex<bool>,
    wake: Condvar,
    /// The bar once shown.
    bar: Mutex<Option<ProgressBar>>,
}

/// A progress display running beside the work; stopped (and cleared) by [`Bar::stop`] or
/// when dropped.
pub(crate) struct Bar {
    shared: Arc<Shared>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

/// Whether a bar may be shown at all.
pub(crate) fn wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// Start showing `progress` (after [`DELAY`]) when [`wanted`]; `None` otherwise.
fn start(progress: &Progress, unit: Unit, quiet: bool) -> Option<Arc<Bar>> {
    if !wanted(quiet) {
        return None;
    }
    let shared = Arc::new(Shared {
        stopped: Mutex::new(false),
        wake: Condvar::new(),
        bar: Mutex::new(None),
    });
    let thread = {
        let shared = Arc::clone(&shared);
        let progress = progress.clone();
        let delay = delay();
        std::thread::spawn(move || run(&shared, &progress, unit, delay))
    };
    Some(Arc::new(Bar {
        shared,
        thread: Mutex::new(Some(thread)),
    }))
}

/// A counter for the library and the bar that shows it (`None` when not [`wanted`]): the bar
/// stops when the library finishes its work.
pub(crate) fn counter(unit: Unit, quiet: bool) -> (Progress, Option<Arc<Bar>>) {
    let progress = Progress::new();
    let bar = start(&progress, unit, quiet);
    let progress = match &bar {
        Some(bar) => {
            let bar = Arc::clone(bar);
            progress.on_finish(move || bar.stop())
        }
        None => progress,
    };
    (progress, bar)
}

/// The bar's look: a bar when the total is known, else a spinner; the count and the rate since
/// `begun` (the run's start, not the bar's), with the time left when the total is known.
fn style(unit: Unit, total: Option<u64>, begun: Instant) -> ProgressStyle {
    let template = match (unit, total) {
        (Unit::Files, Some(_)) => "{bar:30} {human_pos}/{human_len} files  {rate}",
        (Unit::Files, None) => "{spinner} {human_pos} files  {rate}",
        (Unit::Rows, _) => "{spinner} {human_pos} rows  {rate}",
    };
    let unit = match unit {
        Unit::Files => "files",
        Unit::Rows => "rows",
    };
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "rate",
            move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&rate(state.pos(), state.len(), begun.elapsed(), unit));
            },
        )
}

/// `12,345 rows/s`, and `, about 3s left` when the total is known.
fn rate(done: u64, total: Option<u64>, elapsed: Duration, unit: &str) -> String {
    let per_sec = done as f64 / elapsed.as_secs_f64().max(1e-3);
    let mut s = format!("{} {unit}/s", HumanCount(per_sec.round() as u64));
    if let Some(total) = total.filter(|_| per_sec > 0.0) {
        let left = total.saturating_sub(done) as f64 / per_sec;
        s.push_str(&format!(", about {}s left", left.ceil() as u64));
    }
    s
}

/// The display thread: wait out the delay, then draw until stopped.
fn run(shared: &Shared, progress: &Progress, unit: Unit, delay: Duration) {
    let begun = Instant::now();
    let stopped = |timeout: Duration| {
        let guard = shared.stopped.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = shared
            .wake
            .wait_timeout_while(guard, timeout, |s| !*s)
            .unwrap_or_else(|e| e.into_inner());
        *guard
    };
    if !delay.is_zero() && stopped(delay) {
        return;
    }
    let mut total = progress.total();
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
    bar.set_style(style(unit, total, begun));
    bar.set_position(progress.done());
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.tick();
    *shared.bar.lock().unwrap_or_else(|e| e.into_inner()) = Some(bar.clone());
    while !stopped(TICK) {
        // `check` learns its total once the files are discovered.
        if total.is_none() {
            if let Some(t) = progress.total() {
                total = Some(t);
                bar.set_length(t);
                bar.set_style(style(unit, total, begun));
            }
        }
        // A file linted again (calls across directories) counts twice: the bar stops at full.
        bar.set_position(progress.done().min(total.unwrap_or(u64::MAX)));
    }
    let mut slot = shared.bar.lock().unwrap_or_else(|e| e.into_inner());
    bar.finish_and_clear();
    *slot = None;
}

impl Bar {
    /// Stop the display and clear the bar (waits for its thread). Idempotent.
    pub(crate) fn stop(&self) {
        *self
            .shared
            .stopped
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = true;
        self.shared.wake.notify_all();
        let thread = self.thread.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(t) = thread {
            let _ = t.join();
        }
    }

    /// Run `f` (a write to the terminal) with the bar hidden.
    pub(crate) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        let slot = self.shared.bar.lock().unwrap_or_else(|e| e.into_inner());
        match slot.as_ref() {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A writer whose writes hide the bar while they happen (a report streamed to the terminal
/// the bar is drawn on).
pub(crate) struct Suspending<W> {
    pub inner: W,
    pub bar: Option<Arc<Bar>>,
}

impl<W: std::io::Write> std::io::Write for Suspending<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &self.bar {
            Some(bar) => bar.suspend(|| self.inner.write(buf)),
            None => self.inner.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &self.bar {
            Some(bar) => bar.suspend(|| self.inner.write_all(buf)),
            None => self.inner.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &self.bar {
            Some(bar) => bar.suspend(|| self.inner.flush()),
            None => self.inner.flush(),
        }
    }
}
