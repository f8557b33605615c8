//! The kiosk's settings, made by staff behind the PIN: the tags applied to every response from
//! then on (hall, counter, staff ID, device name), the active questionnaire, opening hours, the
//! idle policy, the low-score threshold and the PIN's hash.

use super::hours::OpeningHours;
use super::idle::IdlePolicy;
use super::low_score::threshold_problem;
use super::pin::PinHash;
use crate::callback::recovery::LOW_SCORE_THRESHOLD;
use crate::questionnaire::{Questionnaire, QuestionnaireId};
use crate::response::tags::{TagValue, Tags};
use crate::session::fitness::{unfit, Station, Unfit};
use crate::text::Text;
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
    /// Its version; `None`: the newest on the device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// When the hall is open.
    #[serde(default)]
    pub hours: OpeningHours,
    /// Timings and what becomes of partial responses.
    #[serde(default)]
    pub idle: IdlePolicy,
    /// An answer to the questionnaire's overall item at or below this point of its scale is a
    /// low score (2 on 1–5 by default; see [`super::low_score`]).
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
            version: None,
            hours: OpeningHours::Always,
            idle: IdlePolicy::default(),
            low_score_threshold: LOW_SCORE_THRESHOLD,
            pin: None,
        }
    }
}

/// A timing of the kiosk's idle policy ([`IdlePolicy`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// Seconds without input before the countdown.
    Idle,
    /// Seconds of the countdown.
    Countdown,
    /// Seconds the thank-you screen stays.
    Thanks,
    /// Seconds before the staff screens lock.
    StaffLock,
}

/// A setting that cannot be saved as it is, with what the app needs to say it in either
/// language under the setting at fault (the threshold depends on the questionnaire:
/// [`KioskSettings::problems_with`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingProblem {
    /// The closing time is not after the opening time.
    ClosesBeforeOpening,
    /// No opening day is chosen (and the kiosk is not open always).
    NoOpeningDay,
    /// A timing outside its range, `min` to `max` seconds.
    OutOfRange {
        /// Which timing.
        timing: Timing,
        /// The fewest seconds.
        min: u32,
        /// The most seconds.
        max: u32,
    },
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
        self.hours.problem().or_else(|| self.idle.problem())
    }

    /// The questionnaire the kiosk runs for these settings among `known` (the built-ins it ships
    /// and the device's library): the version they name, or the newest. `Err` says why it
    /// cannot: not on the device, or unfit for the kiosk ([`KioskSettings::problems_with`]).
    pub fn choose<'q>(&self, known: &'q [Questionnaire]) -> Result<&'q Questionnaire, Vec<Text>> {
        let id = &self.questionnaire;
        let found = known
            .iter()
            .filter(|q| q.id == *id && self.version.is_none_or(|v| q.version == v))
            .max_by_key(|q| q.version);
        let Some(q) = found else {
            let which = self.version.map_or_else(|| id.to_string(), |v| format!("{id} v{v}"));
            return Err(vec![Text::new(
                format!("本机没有问卷 {which}：请先在问卷编辑中导入或同步"),
                format!("questionnaire {which} is not on this device: import it in the editor or sync first"),
            )]);
        };
        let problems: Vec<Text> = unfit(q, Station::Kiosk).iter().map(Unfit::text).collect();
        if problems.is_empty() {
            Ok(q)
        } else {
            Err(problems)
        }
    }

    /// Why the kiosk cannot run `q` (the questionnaire these settings name) as they say: every
    /// reason `q` is unfit for the kiosk ([`crate::session::fitness`]), and a low-score threshold
    /// off the scale of `q`'s overall item. Empty: it can.
    pub fn problems_with(&self, q: &Questionnaire) -> Vec<Text> {
        let mut found: Vec<Text> = unfit(q, Station::Kiosk).iter().map(Unfit::text).collect();
        found.extend(threshold_problem(q, self.low_score_threshold));
        found
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
    fn the_version_named_or_the_newest_and_why_not() {
        let hall = crate::questionnaire::builtin::Builtin::Hall.questionnaire();
        let mut v2 = hall.clone();
        v2.version = 2;
        let kano = crate::questionnaire::builtin::Builtin::Kano.questionnaire();
        let known = [hall.clone(), v2.clone(), kano];
        let newest = KioskSettings::default();
        assert_eq!(newest.choose(&known).unwrap().version, 2);
        let first = KioskSettings { version: Some(1), ..KioskSettings::default() };
        assert_eq!(first.choose(&known).unwrap(), &hall);
        let gone = KioskSettings { version: Some(3), ..KioskSettings::default() };
        assert_eq!(
            gone.choose(&known).unwrap_err()[0].zh,
            "本机没有问卷 hall v3：请先在问卷编辑中导入或同步"
        );
        let kano = KioskSettings { questionnaire: QuestionnaireId::new("kano"), ..KioskSettings::default() };
        let why = kano.choose(&known).unwrap_err();
        assert_eq!(why.len(), 10);
        assert!(why[0].zh.contains("Kano 成对题"), "{:?}", why[0]);
    }

    #[test]
    fn problems_and_round_trip() {
        assert_eq!(KioskSettings::default().problem(), None);
        // 5 is the top of the hall's 1–5 overall: no point is above it.
        let bad = KioskSettings { low_score_threshold: 5, ..KioskSettings::default() };
        let hall = crate::questionnaire::builtin::Builtin::Hall.questionnaire();
        assert_eq!(
            bad.problems_with(&hall)[0].en,
            "the low-score threshold must be 1 to 4 (the overall scale is 1–5)"
        );
        assert!(KioskSettings::default().problems_with(&hall).is_empty());
        // The Kano study: ten pairs the kiosk does not ask.
        let kano = crate::questionnaire::builtin::Builtin::Kano.questionnaire();
        assert_eq!(KioskSettings::default().problems_with(&kano).len(), 10);
        let s = KioskSettings { hours: OpeningHours::usual(), ..KioskSettings::default() };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<KioskSettings>(&json).unwrap(), s);
        // Settings saved by an older app (fewer fields) still read.
        let old: KioskSettings =
            serde_json::from_str(r#"{"questionnaire":"hall","low_score_threshold":2}"#).unwrap();
        assert_eq!(old, KioskSettings::default());
    }
}
