//! The kiosk's settings, made by staff behind the PIN: the tags applied to every response from
//! then on (hall, counter, staff ID, device name), the active questionnaire, opening hours, the
//! idle policy, the low-score threshold and the PIN's hash.

use super::hours::OpeningHours;
use super::idle::IdlePolicy;
use super::pin::PinHash;
use crate::callback::recovery::LOW_SCORE_THRESHOLD;
use crate::questionnaire::QuestionnaireId;
use crate::response::tags::{TagValue, Tags};
use serde::{Deserialize, Serialize};

/// The settings of one kiosk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskSettings {
    /// The hall (营业厅) tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hall: Option<TagValue>,
    /// The counter or window (窗口) tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<TagValue>,
    /// The staff ID (工号) tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<TagValue>,
    /// The device's name (the `device` tag and the exports' device).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<TagValue>,
    /// The questionnaire the kiosk asks.
    pub questionnaire: QuestionnaireId,
    /// When the hall is open.
    #[serde(default)]
    pub hours: OpeningHours,
    /// Timings and what becomes of partial responses.
    #[serde(default)]
    pub idle: IdlePolicy,
    /// `overall` at or below this is a low score (1–4 on the 1–5 scale).
    pub low_score_threshold: i32,
    /// The staff PIN's hash; `None` until it is set on first start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<PinHash>,
}

impl Default for KioskSettings {
    /// The hall questionnaire, always open, default timings, threshold 2, no tags, no PIN.
    fn default() -> Self {
        KioskSettings {
            hall: None,
            counter: None,
            staff: None,
            device: None,
            questionnaire: QuestionnaireId::new("hall"),
            hours: OpeningHours::Always,
            idle: IdlePolicy::default(),
            low_score_threshold: LOW_SCORE_THRESHOLD,
            pin: None,
        }
    }
}

/// A setting that cannot be saved as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingProblem {
    /// The setting: `hours`, `idle` or `low_score_threshold`.
    pub setting: &'static str,
    /// What is wrong.
    pub reason: &'static str,
}

/// Trims a free tag; empty is none.
pub fn tag(value: &str) -> Option<TagValue> {
    let value = value.trim();
    (!value.is_empty()).then(|| TagValue::new(value))
}

impl KioskSettings {
    /// The tags every new response starts with.
    pub fn tags(&self) -> Tags {
        Tags {
            hall: self.hall.clone(),
            counter: self.counter.clone(),
            staff: self.staff.clone(),
            device: self.device.clone(),
            ..Tags::default()
        }
    }

    /// The first problem of these settings, if any.
    pub fn problem(&self) -> Option<SettingProblem> {
        let problem = |setting, reason| Some(SettingProblem { setting, reason });
        if let Some(reason) = self.hours.problem() {
            return problem("hours", reason);
        }
        if let Some(reason) = self.idle.problem() {
            return problem("idle", reason);
        }
        if !(1..=4).contains(&self.low_score_threshold) {
            return problem("low_score_threshold", "the low-score threshold must be 1 to 4");
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_from_the_settings() {
        let s = KioskSettings {
            hall: tag(" 城东营业厅 "),
            counter: tag("3"),
            staff: tag(""),
            device: tag("pad-01"),
            ..KioskSettings::default()
        };
        let t = s.tags();
        assert_eq!(t.hall.as_ref().map(|h| h.as_str()), Some("城东营业厅"));
        assert_eq!(t.counter.as_ref().map(|c| c.as_str()), Some("3"));
        assert_eq!((t.staff, t.business_type, t.interviewer), (None, None, None));
        assert_eq!(t.device.as_ref().map(|d| d.as_str()), Some("pad-01"));
    }

    #[test]
    fn problems_and_round_trip() {
        assert_eq!(KioskSettings::default().problem(), None);
        let bad = KioskSettings { low_score_threshold: 5, ..KioskSettings::default() };
        assert_eq!(bad.problem().unwrap().setting, "low_score_threshold");
        let s = KioskSettings { hours: OpeningHours::usual(), ..KioskSettings::default() };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<KioskSettings>(&json).unwrap(), s);
        // Settings saved by an older app (fewer fields) still read.
        let old: KioskSettings =
            serde_json::from_str(r#"{"questionnaire":"hall","low_score_threshold":2}"#).unwrap();
        assert_eq!(old, KioskSettings::default());
    }
}
