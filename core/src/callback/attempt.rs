//! One call made on a case: who called, when, for how long, and how it ended.

use super::outcome::Outcome;
use crate::response::tags::TagValue;
use crate::response::ResponseId;
use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};

/// One call. The caller reads the clock (start) and the call timer (duration).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// The agent's id (回访员工号).
    pub interviewer: TagValue,
    /// When the call started, with the desk PC's UTC offset.
    pub started_at: DateTime<FixedOffset>,
    /// How long the call lasted, in seconds (0 for a call nobody answered, if the timer says so).
    pub duration_seconds: u32,
    /// How it ended.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// The interview's response, when answers were taken (complete, partial, break-off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ResponseId>,
}

impl Attempt {
    /// A call without a response.
    pub fn new(
        interviewer: &str,
        started_at: DateTime<FixedOffset>,
        duration_seconds: u32,
        outcome: Outcome,
    ) -> Self {
        Attempt {
            interviewer: TagValue::new(interviewer),
            started_at,
            duration_seconds,
            outcome,
            response: None,
        }
    }

    /// The same call with the interview's response.
    pub fn with_response(mut self, response: ResponseId) -> Self {
        self.response = Some(response);
        self
    }

    /// When the call ended.
    pub fn ended_at(&self) -> DateTime<FixedOffset> {
        self.started_at + Duration::seconds(i64::from(self.duration_seconds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::at;

    #[test]
    fn json_is_flat_and_end_is_start_plus_duration() {
        let a = Attempt::new("A07", at("2026-11-02T10:00:00+08:00"), 95, Outcome::Refusal);
        assert_eq!(a.ended_at(), at("2026-11-02T10:01:35+08:00"));
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"{"interviewer":"A07","started_at":"2026-11-02T10:00:00+08:00","duration_seconds":95,"outcome":"refusal"}"#
        );
        assert_eq!(serde_json::from_str::<Attempt>(&json).unwrap(), a);
    }
}
