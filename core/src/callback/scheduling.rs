//! When a case may be called again: calling hours, the delay after each temporary outcome and the
//! attempt cap.

use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveTime, TimeZone, Weekday};
use serde::{Deserialize, Serialize};

/// A daily window in which calls may be made: from `start` (included) to `end` (excluded), in
/// local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// First moment a call may start (`"09:00:00"` in JSON).
    pub start: NaiveTime,
    /// First moment after the window: a call may not start at `end`.
    pub end: NaiveTime,
}

impl Window {
    /// The window from `h1:m1` to `h2:m2`.
    ///
    /// # Panics
    /// If an hour or minute is out of range (a programming error, not an input error).
    pub fn hm(h1: u32, m1: u32, h2: u32, m2: u32) -> Self {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("a valid time of day");
        Window { start: t(h1, m1), end: t(h2, m2) }
    }
}

/// When calls may be made. Times are read in the local time of the timestamp examined, i.e. in
/// its own UTC offset — the offset of the agent's desk PC that recorded it.
///
/// Default: 09:00–12:00 and 14:00–20:00, Monday to Saturday (no calls at lunch time, in the late
/// evening or on Sundays).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallingHours {
    /// The windows of a calling day, in order, not overlapping.
    pub windows: Vec<Window>,
    /// The days of the week on which the windows apply (`"Mon"` … `"Sun"` in JSON).
    pub days: Vec<Weekday>,
}

impl Default for CallingHours {
    fn default() -> Self {
        use Weekday::*;
        CallingHours {
            windows: vec![Window::hm(9, 0, 12, 0), Window::hm(14, 0, 20, 0)],
            days: vec![Mon, Tue, Wed, Thu, Fri, Sat],
        }
    }
}

impl CallingHours {
    /// Checks the rules: at least one window and one day; each window starts before it ends;
    /// windows in order and not overlapping.
    pub fn validate(&self) -> Result<()> {
        let bad = |reason: String| Err(Error::InvalidArgument { what: "calling hours".into(), reason });
        if self.windows.is_empty() || self.days.is_empty() {
            return bad("give at least one window and one day of the week".into());
        }
        for (i, w) in self.windows.iter().enumerate() {
            if w.start >= w.end {
                return bad(format!("window {} ends ({}) before it starts ({})", i + 1, w.end, w.start));
            }
            if i > 0 && self.windows[i - 1].end > w.start {
                return bad(format!("window {} starts before window {} ends; list them in order", i + 1, i));
            }
        }
        Ok(())
    }

    /// Whether a call may start at `t`.
    pub fn contains(&self, t: DateTime<FixedOffset>) -> bool {
        let local = t.naive_local();
        self.days.contains(&local.weekday())
            && self.windows.iter().any(|w| w.start <= local.time() && local.time() < w.end)
    }

    /// `t` itself when a call may start then, else the start of the next window (later the same
    /// day, or on the next calling day), in the same UTC offset as `t`.
    pub fn next_opening(&self, t: DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>> {
        self.validate()?;
        let local = t.naive_local();
        // Every weekday is reached within 7 days, so 8 days always find a window.
        for day in 0..8 {
            let date = local.date() + Duration::days(day);
            if !self.days.contains(&date.weekday()) {
                continue;
            }
            for w in &self.windows {
                let (start, end) = (date.and_time(w.start), date.and_time(w.end));
                if local < end {
                    let at = local.max(start);
                    return Ok(t
                        .offset()
                        .from_local_datetime(&at)
                        .single()
                        .expect("a fixed offset is unambiguous"));
                }
            }
        }
        unreachable!("validated calling hours open within a week")
    }
}

/// How long to wait after each temporary outcome before calling again, in minutes from the end
/// of the call. Defaults: no answer 120 (try another time of day), busy 15 (the line is in use,
/// the customer is there), answering machine 240, technical problem 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetryDelays {
    /// After 无人接听 no answer.
    pub no_answer_minutes: u32,
    /// After 占线 busy.
    pub busy_minutes: u32,
    /// After 语音信箱 an answering machine (message left or not).
    pub answering_machine_minutes: u32,
    /// After 线路故障 a technical problem.
    pub technical_problem_minutes: u32,
}

impl Default for RetryDelays {
    fn default() -> Self {
        RetryDelays {
            no_answer_minutes: 120,
            busy_minutes: 15,
            answering_machine_minutes: 240,
            technical_problem_minutes: 30,
        }
    }
}

/// The default attempt cap: after 5 calls without a final outcome the case closes.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 5;

/// Every scheduling rule of a call list (a staff setting; serde so the app can store it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchedulingRules {
    /// When calls may be made.
    pub calling_hours: CallingHours,
    /// Delays after temporary outcomes.
    pub delays: RetryDelays,
    /// The most calls made on one case (every call counts, appointments included); a case whose
    /// last allowed call was not final closes with the code of [`super::outcome::exhausted_code`].
    pub max_attempts: u32,
}

impl Default for SchedulingRules {
    fn default() -> Self {
        SchedulingRules {
            calling_hours: CallingHours::default(),
            delays: RetryDelays::default(),
            max_attempts: DEFAULT_MAX_ATTEMPTS,
        }
    }
}

impl SchedulingRules {
    /// Checks the calling hours and that the cap allows at least one call.
    pub fn validate(&self) -> Result<()> {
        if self.max_attempts == 0 {
            return Err(Error::InvalidArgument {
                what: "attempt cap".into(),
                reason: "allow at least one call per case".into(),
            });
        }
        self.calling_hours.validate()
    }

    /// When to call again after a call that ended at `ended_at` with a delay of `minutes`: the
    /// delay added, then moved to the next opening of the calling hours if it falls outside.
    pub fn retry_at(&self, ended_at: DateTime<FixedOffset>, minutes: u32) -> Result<DateTime<FixedOffset>> {
        self.calling_hours.next_opening(ended_at + Duration::minutes(i64::from(minutes)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::at;

    // 2026-11-02 is a Monday (2026-01-01 is a Thursday; Nov 2 is day 306 = 305 days later,
    // 305 = 43·7 + 4, Thursday + 4 = Monday).
    #[test]
    fn next_opening_inside_lunch_evening_and_sunday() {
        let h = CallingHours::default();
        assert_eq!(h.next_opening(at("2026-11-02T10:30:00+08:00")).unwrap(), at("2026-11-02T10:30:00+08:00"));
        // 12:00 is outside (end excluded): the afternoon window.
        assert_eq!(h.next_opening(at("2026-11-02T12:00:00+08:00")).unwrap(), at("2026-11-02T14:00:00+08:00"));
        assert_eq!(h.next_opening(at("2026-11-02T07:15:00+08:00")).unwrap(), at("2026-11-02T09:00:00+08:00"));
        assert_eq!(h.next_opening(at("2026-11-02T20:20:00+08:00")).unwrap(), at("2026-11-03T09:00:00+08:00"));
        // Saturday 7 Nov evening → Sunday is not a calling day → Monday 9 Nov.
        assert_eq!(h.next_opening(at("2026-11-07T21:00:00+08:00")).unwrap(), at("2026-11-09T09:00:00+08:00"));
        assert!(!h.contains(at("2026-11-08T10:00:00+08:00")));
        assert!(h.contains(at("2026-11-07T19:59:59+08:00")));
    }

    #[test]
    fn offset_of_the_timestamp_is_kept() {
        // 02:00 UTC = 10:00 in Beijing: open; the same instant in UTC (+00:00) is 02:00: closed.
        let h = CallingHours::default();
        assert!(h.contains(at("2026-11-02T10:00:00+08:00")));
        assert_eq!(h.next_opening(at("2026-11-02T02:00:00+00:00")).unwrap(), at("2026-11-02T09:00:00+00:00"));
    }

    #[test]
    fn bad_hours_are_refused() {
        let mut h = CallingHours { windows: vec![Window::hm(14, 0, 12, 0)], days: vec![Weekday::Mon] };
        assert!(h.validate().unwrap_err().to_string().contains("ends"));
        h.windows = vec![Window::hm(9, 0, 13, 0), Window::hm(12, 0, 18, 0)];
        assert!(h.validate().is_err());
        h.days.clear();
        assert!(h.next_opening(at("2026-11-02T10:00:00+08:00")).is_err());
        let rules = SchedulingRules { max_attempts: 0, ..SchedulingRules::default() };
        assert!(rules.validate().is_err());
    }

    #[test]
    fn retry_moves_to_the_next_opening() {
        let rules = SchedulingRules::default();
        // 11:50 + 15 min = 12:05, lunch → 14:00.
        assert_eq!(
            rules.retry_at(at("2026-11-02T11:50:00+08:00"), 15).unwrap(),
            at("2026-11-02T14:00:00+08:00")
        );
        // 10:00 + 120 min = 12:00 (end excluded) → 14:00; 09:30 + 120 = 11:30 stays.
        assert_eq!(
            rules.retry_at(at("2026-11-02T10:00:00+08:00"), 120).unwrap(),
            at("2026-11-02T14:00:00+08:00")
        );
        assert_eq!(
            rules.retry_at(at("2026-11-02T09:30:00+08:00"), 120).unwrap(),
            at("2026-11-02T11:30:00+08:00")
        );
    }
}
