//! The idle policy: when nobody has touched the kiosk for a while a countdown ("continue?") is
//! shown, and when it runs out the session ends — the partial response kept as a break-off or
//! discarded — so that the next customer never sees the previous one's answers. Also how long the
//! thank-you screen stays, when an open staff screen locks itself, and what a draft found after a
//! reload becomes.

use super::settings::{SettingProblem, Timing};
use crate::response::{Response, ResponseId, Status};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// What becomes of a partial response when its session ends unfinished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Partial {
    /// Kept, closed as a break-off (中断).
    #[default]
    BreakOff,
    /// Deleted.
    Discard,
}

/// The kiosk's timings, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdlePolicy {
    /// Idle time before the countdown appears.
    pub idle_seconds: u32,
    /// Length of the countdown.
    pub countdown_seconds: u32,
    /// What becomes of the partial response.
    pub partial: Partial,
    /// How long the thank-you screen stays before the attract screen returns.
    pub thanks_seconds: u32,
    /// Idle time after which an open staff screen locks itself.
    pub staff_lock_seconds: u32,
}

impl Default for IdlePolicy {
    /// 60 s idle, a 15 s countdown, break-offs kept, 8 s of thanks, staff screens lock after 3 min.
    fn default() -> Self {
        IdlePolicy {
            idle_seconds: 60,
            countdown_seconds: 15,
            partial: Partial::BreakOff,
            thanks_seconds: 8,
            staff_lock_seconds: 180,
        }
    }
}

/// Where an unfinished session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdlePhase {
    /// Someone is using it.
    #[default]
    Active,
    /// Nobody touched it for the idle time: the countdown shows the whole seconds left.
    Countdown {
        /// Seconds left, rounded up (never 0).
        seconds_left: u32,
    },
    /// The countdown ran out: end the session.
    Expired,
}

/// What to do with a partial response whose session ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Closing {
    /// Store it, closed as a break-off.
    Keep(Box<Response>),
    /// Delete its draft.
    Discard(ResponseId),
}

/// The allowed range of each timing (seconds), for the settings form and its checks.
pub const IDLE_RANGE: (u32, u32) = (5, 3600);
/// The allowed countdown lengths.
pub const COUNTDOWN_RANGE: (u32, u32) = (3, 120);
/// The allowed thank-you durations.
pub const THANKS_RANGE: (u32, u32) = (2, 60);
/// The allowed staff lock times.
pub const STAFF_LOCK_RANGE: (u32, u32) = (15, 3600);

fn millis_between(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> i64 {
    (to - from).num_milliseconds().max(0)
}

impl IdlePolicy {
    /// The phase of a session last touched at `last` when it is `now`.
    pub fn phase(&self, last: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> IdlePhase {
        let idle = millis_between(last, now);
        let countdown_from = i64::from(self.idle_seconds) * 1000;
        let end = countdown_from + i64::from(self.countdown_seconds) * 1000;
        if idle < countdown_from {
            IdlePhase::Active
        } else if idle < end {
            // Rounded up: 14.2 s left shows 15, and 0 is never shown.
            let left = (end - idle + 999) / 1000;
            IdlePhase::Countdown { seconds_left: left as u32 }
        } else {
            IdlePhase::Expired
        }
    }

    /// Whole seconds (rounded up) the thank-you screen shown at `shown` still stays at `now`;
    /// `None` when it is time to return to the attract screen.
    pub fn thanks_left(&self, shown: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> Option<u32> {
        let left = i64::from(self.thanks_seconds) * 1000 - millis_between(shown, now);
        (left > 0).then(|| ((left + 999) / 1000) as u32)
    }

    /// Whether a staff screen last touched at `last` has to lock at `now`.
    pub fn staff_locks(&self, last: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> bool {
        millis_between(last, now) >= i64::from(self.staff_lock_seconds) * 1000
    }

    /// What becomes of `draft` when its session ends at `at`: a break-off (or deleted, as the
    /// policy says). A draft without a single answer is always deleted: nobody took part. A
    /// response that is not a draft is kept as it is.
    pub fn close(&self, draft: &Response, at: DateTime<FixedOffset>) -> Closing {
        if draft.status != Status::Draft {
            return Closing::Keep(Box::new(draft.clone()));
        }
        if draft.answers.is_empty() || self.partial == Partial::Discard {
            return Closing::Discard(draft.id);
        }
        let mut closed = draft.clone();
        closed.break_off(at).expect("a draft can be broken off");
        Closing::Keep(Box::new(closed))
    }

    /// A draft found in storage at start-up, last saved at `saved`: resumed (`None`) if it was
    /// saved within the idle time plus the countdown — a reload or crash under the customer's
    /// hands — otherwise closed like an idle session, so that a later customer never sees it.
    pub fn on_reload(
        &self,
        draft: &Response,
        saved: DateTime<FixedOffset>,
        now: DateTime<FixedOffset>,
    ) -> Option<Closing> {
        match self.phase(saved, now) {
            IdlePhase::Expired => Some(self.close(draft, now)),
            _ => None,
        }
    }

    /// What is wrong with these timings, if anything (each within its range).
    pub fn problem(&self) -> Option<SettingProblem> {
        [
            (Timing::Idle, self.idle_seconds, IDLE_RANGE),
            (Timing::Countdown, self.countdown_seconds, COUNTDOWN_RANGE),
            (Timing::Thanks, self.thanks_seconds, THANKS_RANGE),
            (Timing::StaffLock, self.staff_lock_seconds, STAFF_LOCK_RANGE),
        ]
        .into_iter()
        .find(|(_, x, (lo, hi))| !(lo..=hi).contains(&x))
        .map(|(timing, _, (min, max))| SettingProblem::OutOfRange { timing, min, max })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::answer::Answer;
    use crate::response::Channel;
    use crate::testing::{at, hall};

    fn policy() -> IdlePolicy {
        IdlePolicy { idle_seconds: 60, countdown_seconds: 15, ..IdlePolicy::default() }
    }

    #[test]
    fn active_then_a_countdown_rounded_up_then_expired() {
        let p = policy();
        let last = at("2026-11-23T10:00:00+08:00");
        let phase = |s: &str| p.phase(last, at(&format!("2026-11-23T{s}+08:00")));
        assert_eq!(phase("10:00:59.999"), IdlePhase::Active);
        assert_eq!(phase("10:01:00"), IdlePhase::Countdown { seconds_left: 15 });
        // 75 s − 60.5 s = 14.5 s left → shows 15.
        assert_eq!(phase("10:01:00.500"), IdlePhase::Countdown { seconds_left: 15 });
        assert_eq!(phase("10:01:01"), IdlePhase::Countdown { seconds_left: 14 });
        assert_eq!(phase("10:01:14.001"), IdlePhase::Countdown { seconds_left: 1 });
        assert_eq!(phase("10:01:15"), IdlePhase::Expired);
        // A clock that went backwards is not idle.
        assert_eq!(phase("09:59:00"), IdlePhase::Active);
    }

    #[test]
    fn thanks_then_return() {
        let p = IdlePolicy { thanks_seconds: 8, ..policy() };
        let shown = at("2026-11-23T10:00:00+08:00");
        assert_eq!(p.thanks_left(shown, shown), Some(8));
        assert_eq!(p.thanks_left(shown, at("2026-11-23T10:00:07.2+08:00")), Some(1));
        assert_eq!(p.thanks_left(shown, at("2026-11-23T10:00:08+08:00")), None);
        assert!(!p.staff_locks(shown, at("2026-11-23T10:02:59+08:00")));
        assert!(p.staff_locks(shown, at("2026-11-23T10:03:00+08:00")));
    }

    fn draft(answers: bool) -> Response {
        let q = hall();
        let mut r = Response::start(
            uuid::Uuid::from_u128(7),
            &q,
            Channel::Hall,
            Default::default(),
            at("2026-11-23T10:00:00+08:00"),
        );
        if answers {
            r.answer(&q, "business", Answer::Choice("repair".into())).unwrap();
        }
        r
    }

    #[test]
    fn a_partial_response_becomes_a_break_off_or_is_discarded() {
        let end = at("2026-11-23T10:02:00+08:00");
        let Closing::Keep(kept) = policy().close(&draft(true), end) else { panic!("kept") };
        assert_eq!((kept.status, kept.submitted_at), (Status::BreakOff, Some(end)));
        assert_eq!(kept.answers.len(), 1, "its answers are kept");
        let discard = IdlePolicy { partial: Partial::Discard, ..policy() };
        assert_eq!(discard.close(&draft(true), end), Closing::Discard(draft(true).id));
        // Nobody answered anything: nothing to keep, whatever the setting.
        assert_eq!(policy().close(&draft(false), end), Closing::Discard(draft(false).id));
    }

    #[test]
    fn a_draft_found_at_start_up_is_resumed_only_if_recent() {
        let p = policy();
        let saved = at("2026-11-23T10:00:00+08:00");
        assert_eq!(p.on_reload(&draft(true), saved, at("2026-11-23T10:01:14+08:00")), None);
        let late = at("2026-11-23T10:01:15+08:00");
        let Some(Closing::Keep(r)) = p.on_reload(&draft(true), saved, late) else { panic!("closed") };
        assert_eq!(r.status, Status::BreakOff);
    }

    #[test]
    fn timings_out_of_range_are_named() {
        assert_eq!(IdlePolicy::default().problem(), None);
        let bad = IdlePolicy { idle_seconds: 2, ..IdlePolicy::default() };
        let out = |timing, min, max| Some(SettingProblem::OutOfRange { timing, min, max });
        assert_eq!(bad.problem(), out(Timing::Idle, 5, 3600));
        let bad = IdlePolicy { countdown_seconds: 121, ..IdlePolicy::default() };
        assert_eq!(bad.problem(), out(Timing::Countdown, 3, 120));
        let bad = IdlePolicy { thanks_seconds: 1, ..IdlePolicy::default() };
        assert_eq!(bad.problem(), out(Timing::Thanks, 2, 60));
        let bad = IdlePolicy { staff_lock_seconds: 3601, ..IdlePolicy::default() };
        assert_eq!(bad.problem(), out(Timing::StaffLock, 15, 3600));
        let json = serde_json::to_string(&IdlePolicy::default()).unwrap();
        assert_eq!(
            json,
            r#"{"idle_seconds":60,"countdown_seconds":15,"partial":"break_off","thanks_seconds":8,"staff_lock_seconds":180}"#
        );
    }
}
