//! How far a long run has got, for whoever shows it. The library only counts (files checked,
//! inventory rows read) and says when the work is over; drawing a progress bar is the command
//! layer's business (`commands/progress.rs`), so the library never writes to the terminal.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A shared counter of work done. Clones count into the same total.
#[derive(Clone, Default)]
pub struct Progress {
    counts: Arc<Counts>,
    /// Called by [`Progress::finish`]: whoever shows the progress stops before the report.
    on_finish: Option<Arc<dyn Fn() + Send + Sync>>,
}

#[derive(Default)]
struct Counts {
    /// Units of work in all; 0 when not known.
    total: AtomicU64,
    done: AtomicU64,
}

impl Progress {
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Call `f` when the work is over, before anything is written.
    pub fn on_finish(mut self, f: impl Fn() + Send + Sync + 'static) -> Progress {
        self.on_finish = Some(Arc::new(f));
        self
    }

    /// The number of units of work in all.
    pub fn set_total(&self, n: u64) {
        self.counts.total.store(n, Ordering::Relaxed);
    }

    /// `n` more units done.
    pub fn add(&self, n: u64) {
        self.counts.done.fetch_add(n, Ordering::Relaxed);
    }

    /// Units done so far.
    pub fn done(&self) -> u64 {
        self.counts.done.load(Ordering::Relaxed)
    }

    /// Units in all, when known.
    pub fn total(&self) -> Option<u64> {
        Some(self.counts.total.load(Ordering::Relaxed)).filter(|&n| n > 0)
    }

    /// The work is over: the report comes next.
    pub fn finish(&self) {
        if let Some(f) = &self.on_finish {
            f();
        }
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Progress")
            .field("done", &self.done())
            .field("total", &self.total())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn clones_share_the_count_and_finish_calls_back() {
        let called = Arc::new(AtomicBool::new(false));
        let seen = Arc::clone(&called);
        let p = Progress::new().on_finish(move || seen.store(true, Ordering::SeqCst));
        assert_eq!(p.total(), None);
        p.set_total(3);
        let q = p.clone();
        q.add(2);
        p.add(1);
        assert_eq!((p.done(), p.total()), (3, Some(3)));
        assert!(!called.load(Ordering::SeqCst));
        q.finish();
        assert!(called.load(Ordering::SeqCst));
    }
}
