//! The staff settings form as plain data: the fields as typed, read from the settings and turned
//! back into settings with every rule checked by core. Tested natively.

use chrono::NaiveTime;
use manyi_core::kiosk::hours::ALL_DAYS;
use manyi_core::kiosk::low_score::threshold_problem;
use manyi_core::kiosk::settings::tag;
use manyi_core::kiosk::{IdlePolicy, KioskSettings, OpeningHours, Partial, SettingProblem, Timing};
use manyi_core::questionnaire::{Questionnaire, QuestionnaireId};
use manyi_core::text::Text;
use manyi_core::Lang;

crate::i18n::texts! {
    F, "What is wrong with a setting, said under its field.";
    Unreadable => "无法识别“{v}”", "`{v}` cannot be read";
    ClosesBeforeOpening => "关门时间须晚于开门时间", "The closing time must be after the opening time";
    NoOpeningDay => "请至少选择一个营业日", "Choose at least one opening day";
    OutOfRange => "须在 {min} 至 {max} 秒之间", "Must be between {min} and {max} seconds";
}

/// The field a setting's problem is shown under, and the problem in `lang`.
pub fn said(problem: SettingProblem, lang: Lang) -> (Field, String) {
    match problem {
        SettingProblem::ClosesBeforeOpening => (Field::Close, F::ClosesBeforeOpening.get(lang).to_owned()),
        // The days are ticked beside the opening time.
        SettingProblem::NoOpeningDay => (Field::Open, F::NoOpeningDay.get(lang).to_owned()),
        SettingProblem::OutOfRange { timing, min, max } => {
            let field = match timing {
                Timing::Idle => Field::Idle,
                Timing::Countdown => Field::Countdown,
                Timing::Thanks => Field::Thanks,
                Timing::StaffLock => Field::StaffLock,
            };
            let text = F::OutOfRange.get(lang).replace("{min}", &min.to_string());
            (field, text.replace("{max}", &max.to_string()))
        }
    }
}

/// A text field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// 营业厅.
    Hall,
    /// 窗口.
    Counter,
    /// 工号.
    Staff,
    /// Device name.
    Device,
    /// Active questionnaire id.
    Questionnaire,
    /// Opening time, `HH:MM`.
    Open,
    /// Closing time, `HH:MM`.
    Close,
    /// Idle seconds.
    Idle,
    /// Countdown seconds.
    Countdown,
    /// Thank-you seconds.
    Thanks,
    /// Staff lock seconds.
    StaffLock,
    /// Low-score threshold.
    Threshold,
    /// The active questionnaire's version (empty: the newest on the device).
    Version,
}

/// The form's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsForm {
    text: [String; 13],
    /// Open all day, every day.
    pub always_open: bool,
    /// Opening days, Monday first.
    pub days: [bool; 7],
    /// What becomes of partial responses.
    pub partial: Partial,
}

use crate::view::clock_text::{hhmm, parse_hhmm};

impl SettingsForm {
    /// The form showing `s`.
    pub fn of(s: &KioskSettings) -> SettingsForm {
        let text = |v: &Option<manyi_core::response::tags::TagValue>| {
            v.as_ref().map(|t| t.to_string()).unwrap_or_default()
        };
        let (always_open, open, close, days) = match &s.hours {
            OpeningHours::Always => {
                let OpeningHours::Daily { open, close, .. } = OpeningHours::usual() else { unreachable!() };
                (true, open, close, [true; 7])
            }
            OpeningHours::Daily { open, close, days } => {
                (false, *open, *close, ALL_DAYS.map(|d| days.contains(&d)))
            }
        };
        let i = s.idle;
        SettingsForm {
            text: [
                text(&s.hall),
                text(&s.counter),
                text(&s.staff),
                text(&s.device),
                s.questionnaire.to_string(),
                hhmm(open),
                hhmm(close),
                i.idle_seconds.to_string(),
                i.countdown_seconds.to_string(),
                i.thanks_seconds.to_string(),
                i.staff_lock_seconds.to_string(),
                s.low_score_threshold.to_string(),
                s.version.map(|v| v.to_string()).unwrap_or_default(),
            ],
            always_open,
            days,
            partial: i.partial,
        }
    }

    /// A field's text.
    pub fn get(&self, f: Field) -> &str {
        &self.text[f as usize]
    }

    /// Sets a field's text.
    pub fn set(&mut self, f: Field, value: String) {
        self.text[f as usize] = value;
    }

    fn number<T: std::str::FromStr>(&self, f: Field) -> Result<T, Field> {
        self.get(f).trim().parse().map_err(|_| f)
    }

    fn time(&self, f: Field) -> Result<NaiveTime, Field> {
        parse_hhmm(self.get(f)).ok_or(f)
    }

    /// The settings of the form (the PIN kept from `base`), or the field at fault and why (in
    /// `lang`): besides core's rules for each setting, the questionnaire (and version) must be
    /// among `known` (the kiosk's built-ins and the device's library) and fit for a kiosk, and
    /// the low-score threshold a point below the top of its overall item's scale.
    pub fn settings(
        &self,
        base: &KioskSettings,
        known: &[Questionnaire],
        lang: Lang,
    ) -> Result<KioskSettings, (Field, String)> {
        let unreadable = |f: Field| (f, F::Unreadable.get(lang).replace("{v}", self.get(f).trim()));
        let hours = if self.always_open {
            OpeningHours::Always
        } else {
            OpeningHours::Daily {
                open: self.time(Field::Open).map_err(unreadable)?,
                close: self.time(Field::Close).map_err(unreadable)?,
                days: ALL_DAYS.iter().zip(self.days).filter(|(_, on)| *on).map(|(d, _)| *d).collect(),
            }
        };
        let idle = IdlePolicy {
            idle_seconds: self.number(Field::Idle).map_err(unreadable)?,
            countdown_seconds: self.number(Field::Countdown).map_err(unreadable)?,
            partial: self.partial,
            thanks_seconds: self.number(Field::Thanks).map_err(unreadable)?,
            staff_lock_seconds: self.number(Field::StaffLock).map_err(unreadable)?,
        };
        let s = KioskSettings {
            hall: tag(self.get(Field::Hall)),
            counter: tag(self.get(Field::Counter)),
            staff: tag(self.get(Field::Staff)),
            device: tag(self.get(Field::Device)),
            questionnaire: QuestionnaireId::new(self.get(Field::Questionnaire).trim()),
            version: match self.get(Field::Version).trim() {
                "" => None,
                _ => Some(self.number(Field::Version).map_err(unreadable)?),
            },
            hours,
            idle,
            low_score_threshold: self.number(Field::Threshold).map_err(unreadable)?,
            pin: base.pin.clone(),
        };
        if let Some(p) = s.problem() {
            return Err(said(p, lang));
        }
        let words = |why: &[Text]| why.iter().map(|t| t.get(lang)).collect::<Vec<_>>().join("；");
        let q = s.choose(known).map_err(|why| (Field::Questionnaire, words(&why)))?;
        if let Some(why) = threshold_problem(q, s.low_score_threshold) {
            return Err((Field::Threshold, words(&[why])));
        }
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::kiosk::PinHash;
    use manyi_core::questionnaire::builtin::Builtin;

    fn known() -> Vec<Questionnaire> {
        crate::state::kiosk_questionnaires(&[])
    }

    #[test]
    fn the_form_round_trips_the_settings_and_keeps_the_pin() {
        let pin = PinHash::new("2468", "2468", [1; 16]).unwrap();
        let s = KioskSettings {
            hall: tag("城东营业厅"),
            counter: tag("5"),
            hours: OpeningHours::usual(),
            pin: Some(pin.clone()),
            ..KioskSettings::default()
        };
        let form = SettingsForm::of(&s);
        assert_eq!(
            (form.get(Field::Open), form.get(Field::Close), form.always_open),
            ("08:30", "17:30", false)
        );
        assert_eq!(form.settings(&s, &known(), Lang::En).unwrap(), s);
        let mut edited = form.clone();
        edited.set(Field::Staff, " A017 ".into());
        edited.set(Field::Idle, "30".into());
        edited.days[6] = false;
        let changed = edited.settings(&KioskSettings::default(), &known(), Lang::En).unwrap();
        assert_eq!(changed.staff.as_ref().map(|s| s.as_str()), Some("A017"));
        assert_eq!(changed.idle.idle_seconds, 30);
        assert_eq!(changed.pin, None, "the PIN comes from the base settings");
        let OpeningHours::Daily { days, .. } = changed.hours else { panic!("daily") };
        assert_eq!(days.len(), 6);
    }

    #[test]
    fn unreadable_or_out_of_range_fields_are_named() {
        let s = KioskSettings::default();
        let mut form = SettingsForm::of(&s);
        assert!(form.always_open);
        form.set(Field::Countdown, "soon".into());
        assert_eq!(form.settings(&s, &known(), Lang::En).unwrap_err().0, Field::Countdown);
        form.set(Field::Countdown, "10".into());
        form.set(Field::Threshold, "5".into());
        let (field, reason) = form.settings(&s, &known(), Lang::En).unwrap_err();
        assert_eq!(field, Field::Threshold);
        assert_eq!(reason, "the low-score threshold must be 1 to 4 (the overall scale is 1–5)");
        form.set(Field::Threshold, "2".into());
        form.always_open = false;
        form.set(Field::Close, "07:00".into());
        // Under the closing time (08:30 opens), in the screen's language.
        let (field, reason) = form.settings(&s, &known(), Lang::Zh).unwrap_err();
        assert_eq!((field, reason.as_str()), (Field::Close, "关门时间须晚于开门时间"));
        form.set(Field::Close, "17:30".into());
        form.days = [false; 7];
        assert_eq!(
            form.settings(&s, &known(), Lang::Zh).unwrap_err(),
            (Field::Open, "请至少选择一个营业日".into())
        );
    }

    #[test]
    fn each_timing_out_of_range_is_said_under_its_own_field() {
        let s = KioskSettings::default();
        // The ranges (core's idle.rs): idle 5–3600, countdown 3–120, thank-you 2–60, lock 15–3600 s.
        for (field, value, zh, en) in [
            (Field::Idle, "4", "须在 5 至 3600 秒之间", "Must be between 5 and 3600 seconds"),
            (Field::Countdown, "500", "须在 3 至 120 秒之间", "Must be between 3 and 120 seconds"),
            (Field::Thanks, "61", "须在 2 至 60 秒之间", "Must be between 2 and 60 seconds"),
            (Field::StaffLock, "10", "须在 15 至 3600 秒之间", "Must be between 15 and 3600 seconds"),
        ] {
            let mut form = SettingsForm::of(&s);
            form.set(field, value.into());
            assert_eq!(form.settings(&s, &known(), Lang::Zh).unwrap_err(), (field, zh.to_owned()));
            assert_eq!(form.settings(&s, &known(), Lang::En).unwrap_err(), (field, en.to_owned()));
        }
        let mut form = SettingsForm::of(&s);
        form.set(Field::Idle, "soon".into());
        assert_eq!(
            form.settings(&s, &known(), Lang::Zh).unwrap_err(),
            (Field::Idle, "无法识别“soon”".into())
        );
    }

    #[test]
    fn a_questionnaire_not_on_the_device_or_unfit_for_a_kiosk_is_refused_with_the_reason() {
        let s = KioskSettings::default();
        let mut form = SettingsForm::of(&s);
        form.set(Field::Version, "2".into());
        let (field, reason) = form.settings(&s, &known(), Lang::En).unwrap_err();
        assert_eq!(field, Field::Questionnaire);
        assert_eq!(
            reason,
            "questionnaire hall v2 is not on this device: import it in the editor or sync first"
        );
        // The evaluation checklist is filled in by an evaluator, not by a customer at a kiosk.
        let mut checklist = Builtin::Evaluation.questionnaire();
        checklist.id = QuestionnaireId::new("site_check");
        form.set(Field::Questionnaire, "site_check".into());
        form.set(Field::Version, String::new());
        let (field, reason) = form.settings(&s, &[checklist.clone()], Lang::Zh).unwrap_err();
        assert_eq!(field, Field::Questionnaire);
        let first =
            manyi_core::session::fitness::unfit(&checklist, manyi_core::session::fitness::Station::Kiosk);
        assert!(reason.starts_with(first[0].text().zh.as_str()), "{reason}");
        // One of the device's, version 1 named: saved as such.
        let mut made = Builtin::Hall.questionnaire();
        made.id = QuestionnaireId::new("branch_2027");
        form.set(Field::Questionnaire, "branch_2027".into());
        form.set(Field::Version, "1".into());
        let saved = form.settings(&s, &crate::state::kiosk_questionnaires(&[made]), Lang::En).unwrap();
        assert_eq!((saved.questionnaire.as_str(), saved.version), ("branch_2027", Some(1)));
    }
}
