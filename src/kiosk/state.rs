//! The kiosk's part of the app state and its transitions: settings, the staff session, the idle
//! countdown, the thank-you timer, opening hours and which response is known to be stored. Pure:
//! times come in with the actions; storage and timers live in `runtime`.

use crate::state::AppState;
use chrono::{DateTime, FixedOffset};
use manyi_core::kiosk::{IdlePhase, KioskSettings, PinGuard};
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::response::{Channel, Response};
use manyi_core::session::survey::{Screen, Survey};
use std::rc::Rc;

/// Whether the staff screens are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Staff {
    /// Closed: the PIN opens them.
    #[default]
    Locked,
    /// Open since the PIN was entered; locks after the staff idle time without a touch.
    Unlocked {
        /// When the PIN was entered.
        since: DateTime<FixedOffset>,
    },
}

/// Why the PIN did not open the staff screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinError {
    /// Not the PIN.
    Wrong,
    /// Too many wrong PINs: wait this many seconds.
    Paused(u32),
}

/// The kiosk's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KioskState {
    /// The settings; `None` until read from storage.
    pub settings: Option<Rc<KioskSettings>>,
    /// The staff session.
    pub staff: Staff,
    /// Wrong PINs so far.
    pub guard: PinGuard,
    /// The last PIN attempt's failure.
    pub pin_error: Option<PinError>,
    /// The idle countdown of an unfinished survey.
    pub idle: IdlePhase,
    /// Seconds left on the thank-you screen (shown only once the response is stored).
    pub thanks_left: Option<u32>,
    thanks_since: Option<DateTime<FixedOffset>>,
    /// Whether the hall is open now (the closed screen replaces the attract screen otherwise).
    pub open: bool,
    /// The last version of the survey's response known to be committed to storage.
    pub committed: Option<Response>,
    /// Why the last save failed, until one succeeds.
    pub save_error: Option<String>,
    /// Bumped to write the response again after a failure.
    pub save_attempt: u32,
}

/// Everything that changes the kiosk's state.
#[derive(Debug, Clone, PartialEq)]
pub enum KioskAction {
    /// The settings were read (or made on first start) or saved by staff.
    Settings(KioskSettings, DateTime<FixedOffset>),
    /// Someone touched the screen: a countdown shown goes away. (The time of the last touch is
    /// kept by the platform, not here, so that a touch or a key does not re-render the screens.)
    Touch,
    /// The clock moved on; the last touch was at `last_touch`.
    Tick {
        /// Now.
        now: DateTime<FixedOffset>,
        /// The last touch, key or click anywhere on the page.
        last_touch: Option<DateTime<FixedOffset>>,
    },
    /// This version of the response is committed to storage.
    Committed(Response, DateTime<FixedOffset>),
    /// A save failed.
    SaveFailed(String),
    /// Write the response again.
    RetrySave,
    /// A PIN was entered.
    Pin(String, DateTime<FixedOffset>),
    /// Close the staff screens.
    Lock,
}

impl KioskState {
    /// Whether the staff screens are open.
    pub fn unlocked(&self) -> bool {
        matches!(self.staff, Staff::Unlocked { .. })
    }

    /// Whether the survey's response on the thank-you screen is stored (so the thanks may show).
    pub fn thanks_stored(&self, survey: &Survey) -> bool {
        survey.screen == Screen::Thanks && survey.draft.is_some() && self.committed == survey.draft
    }
}

/// The questionnaire the settings name (the built-in hall one when unknown).
fn questionnaire_of(settings: &KioskSettings) -> manyi_core::questionnaire::Questionnaire {
    Builtin::ALL
        .iter()
        .map(|b| b.questionnaire())
        .find(|q| q.id == settings.questionnaire)
        .unwrap_or_else(|| Builtin::Hall.questionnaire())
}

/// Brings the survey in line with the settings: their tags for every new response, and their
/// questionnaire once no response is under way.
fn sync_survey(s: &mut AppState) {
    let Some(settings) = s.kiosk.settings.clone() else { return };
    s.survey.channel = Channel::Hall;
    s.survey.tags = settings.tags();
    if s.survey.draft.is_none() && s.survey.questionnaire.id != settings.questionnaire {
        s.survey = Survey::new(questionnaire_of(&settings)).with_context(Channel::Hall, settings.tags());
    }
}

/// After a move on the survey: back on the start screen (thanks done, or an idle session ended),
/// the session's timers end, the survey takes up any new settings, and the language is Chinese
/// again: a customer's switch to English is not left for the next one.
pub fn after_survey(s: &mut AppState) {
    if s.survey.screen == Screen::Start {
        s.lang = manyi_core::Lang::Zh;
        s.kiosk.idle = IdlePhase::Active;
        s.kiosk.thanks_left = None;
        s.kiosk.thanks_since = None;
        s.kiosk.committed = None;
        s.kiosk.save_error = None;
        sync_survey(s);
    }
}

/// Applies `action` to `s`; returns whether anything changed.
pub fn reduce(s: &mut AppState, action: KioskAction) -> bool {
    let before = s.clone();
    match action {
        KioskAction::Settings(settings, at) => {
            s.kiosk.open = settings.hours.is_open(at);
            s.kiosk.settings = Some(Rc::new(settings));
            sync_survey(s);
        }
        KioskAction::Touch => {
            if matches!(s.kiosk.idle, IdlePhase::Countdown { .. }) {
                s.kiosk.idle = IdlePhase::Active;
            }
        }
        KioskAction::Tick { now, last_touch } => tick(s, now, last_touch),
        KioskAction::Committed(r, at) => {
            s.kiosk.save_error = None;
            if s.survey.draft.as_ref() == Some(&r) && s.survey.screen == Screen::Thanks {
                s.kiosk.thanks_since = Some(at);
                s.kiosk.thanks_left = s.kiosk.settings.as_ref().map(|p| p.idle.thanks_seconds);
            }
            s.kiosk.committed = Some(r);
        }
        KioskAction::SaveFailed(reason) => s.kiosk.save_error = Some(reason),
        KioskAction::RetrySave => s.kiosk.save_attempt += 1,
        KioskAction::Pin(pin, at) => {
            let Some(hash) = s.kiosk.settings.as_ref().and_then(|p| p.pin.clone()) else { return false };
            if s.kiosk.guard.attempt(&hash, &pin, at) {
                s.kiosk.staff = Staff::Unlocked { since: at };
                s.kiosk.pin_error = None;
            } else {
                s.kiosk.pin_error = Some(s.kiosk.guard.paused(at).map_or(PinError::Wrong, PinError::Paused));
            }
            // A wrong PIN twice is still news: the screen says it again.
            return true;
        }
        KioskAction::Lock => {
            s.kiosk.staff = Staff::Locked;
            s.kiosk.pin_error = None;
        }
    }
    *s != before
}

fn tick(s: &mut AppState, now: DateTime<FixedOffset>, last_touch: Option<DateTime<FixedOffset>>) {
    let Some(settings) = s.kiosk.settings.clone() else { return };
    s.kiosk.open = settings.hours.is_open(now);
    let policy = settings.idle;
    s.kiosk.idle = match (s.survey.screen, &s.survey.draft) {
        (Screen::Page(_), Some(_)) => policy.phase(last_touch.unwrap_or(now), now),
        _ => IdlePhase::Active,
    };
    if let Some(since) = s.kiosk.thanks_since {
        s.kiosk.thanks_left = policy.thanks_left(since, now);
        if s.kiosk.thanks_left.is_none() && s.survey.apply(manyi_core::session::survey::SurveyAction::Reset) {
            after_survey(s);
        }
    }
    if let Staff::Unlocked { since } = s.kiosk.staff {
        if policy.staff_locks(last_touch.map_or(since, |t| t.max(since)), now) {
            s.kiosk.staff = Staff::Locked;
        }
    }
}

#[cfg(test)]
mod tests;
