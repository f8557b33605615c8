//! The evaluator's stopwatch for waiting and handling time. It keeps the instant it was started
//! (milliseconds since the epoch, passed in), not a ticking count, so it keeps time while the phone
//! sleeps or the page reloads; stopped, it gives the minutes a timed item takes.

use serde::{Deserialize, Serialize};

/// One stopwatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stopwatch {
    /// Time measured before the current run, in milliseconds.
    pub elapsed_ms: i64,
    /// When the current run started (ms since the epoch), if it is running.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_since: Option<i64>,
}

/// What the evaluator does with a stopwatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchAction {
    /// Start (or go on after a stop).
    Start,
    /// Stop; the minutes go into the item.
    Stop,
    /// Back to zero, stopped.
    Reset,
}

impl Stopwatch {
    /// Whether it is running.
    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Applies `action` at `now_ms`; returns whether anything changed.
    pub fn apply(&mut self, action: WatchAction, now_ms: i64) -> bool {
        let before = *self;
        match action {
            WatchAction::Start if self.running_since.is_none() => self.running_since = Some(now_ms),
            WatchAction::Stop => {
                if let Some(since) = self.running_since.take() {
                    // A clock set back while running must not make time negative.
                    self.elapsed_ms += (now_ms - since).max(0);
                }
            }
            WatchAction::Reset => *self = Stopwatch::default(),
            WatchAction::Start => {}
        }
        *self != before
    }

    /// The time measured up to `now_ms`, in milliseconds.
    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        self.elapsed_ms + self.running_since.map_or(0, |since| (now_ms - since).max(0))
    }

    /// The time measured, in minutes to a tenth (6 seconds): what the timed item records.
    pub fn minutes(&self, now_ms: i64) -> f64 {
        (self.elapsed_ms(now_ms) as f64 / 6_000.0).round() / 10.0
    }

    /// The time measured as `m:ss`, or `h:mm:ss` from an hour on.
    pub fn display(&self, now_ms: i64) -> String {
        let s = self.elapsed_ms(now_ms) / 1000;
        let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
        if h > 0 {
            format!("{h}:{m:02}:{s:02}")
        } else {
            format!("{m}:{s:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_stops_goes_on_and_resets() {
        let mut w = Stopwatch::default();
        assert!(w.apply(WatchAction::Start, 1_000));
        assert!(!w.apply(WatchAction::Start, 5_000), "a second start changes nothing");
        assert_eq!(w.display(1_000 + 65_000), "1:05");
        assert!(w.apply(WatchAction::Stop, 1_000 + 12 * 60_000));
        assert_eq!(w.elapsed_ms(99_999_999), 12 * 60_000, "stopped, it stays");
        assert_eq!(w.minutes(0), 12.0);
        w.apply(WatchAction::Start, 2_000_000);
        w.apply(WatchAction::Stop, 2_000_000 + 33_000);
        // 12 min + 33 s = 12.55 min, recorded to a tenth: 12.6.
        assert_eq!(w.minutes(0), 12.6);
        assert_eq!(Stopwatch { elapsed_ms: 3_725_000, running_since: None }.display(0), "1:02:05");
        w.apply(WatchAction::Reset, 0);
        assert_eq!(w, Stopwatch::default());
    }

    #[test]
    fn a_clock_set_back_measures_nothing_rather_than_less() {
        let mut w = Stopwatch::default();
        w.apply(WatchAction::Start, 10_000);
        assert_eq!(w.elapsed_ms(4_000), 0);
        w.apply(WatchAction::Stop, 4_000);
        assert_eq!(w.elapsed_ms, 0);
    }
}
