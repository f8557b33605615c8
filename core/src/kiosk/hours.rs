//! Opening hours: outside them the kiosk shows a closed screen instead of the survey.

use super::settings::SettingProblem;
use crate::tagged;
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// When the hall is open, in the device's local time. In JSON an object with its `kind` (read
/// through a struct of every kind's fields: `tagged`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OpeningHours {
    /// Always open (the default: a kiosk works out of the box).
    #[default]
    Always,
    /// Open from `open` to `close` (same day) on `days`.
    Daily {
        /// Opening time.
        open: NaiveTime,
        /// Closing time, after `open`.
        close: NaiveTime,
        /// The days the hall opens, Monday first.
        days: Vec<Weekday>,
    },
}

/// The `kind` of opening hours in JSON.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Always,
    Daily,
}

/// Opening hours as read: their `kind` and the fields of every kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursFields {
    kind: Kind,
    open: Option<NaiveTime>,
    close: Option<NaiveTime>,
    days: Option<Vec<Weekday>>,
}

impl TryFrom<HoursFields> for OpeningHours {
    type Error = String;

    fn try_from(f: HoursFields) -> Result<OpeningHours, String> {
        let present = [("open", f.open.is_some()), ("close", f.close.is_some()), ("days", f.days.is_some())];
        Ok(match f.kind {
            Kind::Always => {
                tagged::only("always", &present, &[])?;
                OpeningHours::Always
            }
            Kind::Daily => OpeningHours::Daily {
                open: tagged::required(f.open, "open")?,
                close: tagged::required(f.close, "close")?,
                days: tagged::required(f.days, "days")?,
            },
        })
    }
}

tagged::deserialize_through!(OpeningHours, HoursFields);

impl OpeningHours {
    /// The usual hours of a service hall: every day 08:30–17:30.
    pub fn usual() -> OpeningHours {
        OpeningHours::Daily {
            open: NaiveTime::from_hms_opt(8, 30, 0).expect("valid time"),
            close: NaiveTime::from_hms_opt(17, 30, 0).expect("valid time"),
            days: ALL_DAYS.to_vec(),
        }
    }

    /// Whether the hall is open at `at` (local time with its offset): open ≤ time < close on an
    /// opening day.
    pub fn is_open(&self, at: DateTime<FixedOffset>) -> bool {
        match self {
            OpeningHours::Always => true,
            OpeningHours::Daily { open, close, days } => {
                let local = at.naive_local();
                days.contains(&local.weekday()) && *open <= local.time() && local.time() < *close
            }
        }
    }

    /// The next time the hall opens after `at` (local time), within a week; `None` when it is
    /// always open or never opens.
    pub fn next_opening(&self, at: DateTime<FixedOffset>) -> Option<NaiveDateTime> {
        let OpeningHours::Daily { open, days, .. } = self else { return None };
        let local = at.naive_local();
        (0..=7)
            .map(|d| (local.date() + Duration::days(d)).and_time(*open))
            .find(|t| *t > local && days.contains(&t.weekday()))
    }

    /// What is wrong with these hours, if anything: closing must come after opening, and at least
    /// one day must be open.
    pub fn problem(&self) -> Option<SettingProblem> {
        match self {
            OpeningHours::Always => None,
            OpeningHours::Daily { open, close, .. } if close <= open => {
                Some(SettingProblem::ClosesBeforeOpening)
            }
            OpeningHours::Daily { days, .. } if days.is_empty() => Some(SettingProblem::NoOpeningDay),
            OpeningHours::Daily { .. } => None,
        }
    }
}

/// Monday to Sunday.
pub const ALL_DAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn weekdays_9_to_5() -> OpeningHours {
        OpeningHours::Daily {
            open: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            close: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            days: ALL_DAYS[..5].to_vec(),
        }
    }

    #[test]
    fn open_from_opening_until_just_before_closing_on_opening_days() {
        let h = weekdays_9_to_5();
        // 2026-11-23 is a Monday.
        assert!(!h.is_open(at("2026-11-23T08:59:59+08:00")));
        assert!(h.is_open(at("2026-11-23T09:00:00+08:00")));
        assert!(h.is_open(at("2026-11-23T16:59:59+08:00")));
        assert!(!h.is_open(at("2026-11-23T17:00:00+08:00")));
        assert!(!h.is_open(at("2026-11-28T10:00:00+08:00")), "Saturday");
        // Local time counts: 02:00 UTC is 10:00 at +08:00.
        assert!(h.is_open(
            at("2026-11-23T02:00:00+00:00").with_timezone(&FixedOffset::east_opt(8 * 3600).unwrap())
        ));
        assert!(OpeningHours::Always.is_open(at("2026-11-28T03:00:00+08:00")));
    }

    #[test]
    fn next_opening_skips_closed_days() {
        let h = weekdays_9_to_5();
        let next = |s| h.next_opening(at(s)).map(|t| t.to_string());
        // Friday evening → Monday 09:00.
        assert_eq!(next("2026-11-27T18:00:00+08:00").as_deref(), Some("2026-11-30 09:00:00"));
        // Monday early → the same morning.
        assert_eq!(next("2026-11-23T07:00:00+08:00").as_deref(), Some("2026-11-23 09:00:00"));
        assert_eq!(OpeningHours::Always.next_opening(at("2026-11-23T07:00:00+08:00")), None);
        let never = OpeningHours::Daily { open: NaiveTime::MIN, close: NaiveTime::MIN, days: vec![] };
        assert_eq!(never.next_opening(at("2026-11-23T07:00:00+08:00")), None);
    }

    #[test]
    fn problems_and_json() {
        assert_eq!(weekdays_9_to_5().problem(), None);
        let backwards = OpeningHours::Daily {
            open: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            close: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            days: ALL_DAYS.to_vec(),
        };
        assert_eq!(backwards.problem(), Some(SettingProblem::ClosesBeforeOpening));
        let closed = OpeningHours::Daily {
            open: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            close: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            days: Vec::new(),
        };
        assert_eq!(closed.problem(), Some(SettingProblem::NoOpeningDay));
        let json = serde_json::to_string(&weekdays_9_to_5()).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"daily","open":"09:00:00","close":"17:00:00","days":["Mon","Tue","Wed","Thu","Fri"]}"#
        );
        assert_eq!(serde_json::to_string(&OpeningHours::Always).unwrap(), r#"{"kind":"always"}"#);
        let read = |json: &str| serde_json::from_str::<OpeningHours>(json).map_err(|e| e.to_string());
        assert_eq!(read(&json), Ok(weekdays_9_to_5()));
        assert_eq!(read(r#"{"kind":"always"}"#), Ok(OpeningHours::Always));
        assert!(read(r#"{"kind":"always","days":["Mon"]}"#).unwrap_err().contains("unknown field `days`"));
        assert!(read(r#"{"kind":"daily","open":"09:00:00","days":[]}"#)
            .unwrap_err()
            .contains("missing field `close`"));
        assert!(read(r#"{"kind":"weekly"}"#).unwrap_err().contains("unknown variant `weekly`"));
    }
}
