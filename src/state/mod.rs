//! What every area's page shares, and every transition of it: the language, a notice, the
//! kiosk's settings (they hold the staff PIN) and the staff gate (the PIN's session and its
//! guard against guessing). `reduce` is pure: reading the clock, making ids and saving to
//! storage happen in the callbacks and effects that surround it. An area keeps its own state
//! beside this (the kiosk's survey in `kiosk::state`, the call desk's in `callback::state`).

use chrono::{DateTime, FixedOffset};
use manyi_core::kiosk::{KioskSettings, PinGuard};
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::text::Text;
use manyi_core::Lang;
use std::rc::Rc;
use yew::Reducible;

/// Something the app must tell the person that is not part of a screen (storage failures).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The device's storage could not be opened; nothing will be kept.
    StorageUnavailable(String),
    /// A response could not be saved.
    SaveFailed(String),
}

/// Whether the screens behind the staff PIN are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Staff {
    /// Closed: the PIN opens them.
    #[default]
    Locked,
    /// Open since the PIN was entered (or, on a page opened from another area, since the last
    /// touch there); locks after the staff idle time without a touch.
    Unlocked {
        /// When the PIN was entered, or the last touch on the page before.
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

/// The state every area shares.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The language of the interface.
    pub lang: Lang,
    /// A problem to show, if any.
    pub notice: Option<Notice>,
    /// The kiosk's settings (tags, hours, timings, the PIN's hash); `None` until read from storage.
    pub settings: Option<Rc<KioskSettings>>,
    /// The staff session.
    pub staff: Staff,
    /// Wrong PINs so far.
    pub guard: PinGuard,
    /// The last PIN attempt's failure.
    pub pin_error: Option<PinError>,
}

/// Everything that changes the shared state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Show a problem.
    Notify(Notice),
    /// Hide the problem shown.
    DismissNotice,
    /// The settings were read (or made on first start) or saved by staff, at this time.
    Settings(Rc<KioskSettings>, DateTime<FixedOffset>),
    /// A PIN was entered.
    Pin(String, DateTime<FixedOffset>),
    /// Close the staff screens.
    Lock,
    /// The clock moved on; the last touch was at `last_touch` (the staff screens lock when left).
    Tick {
        /// Now.
        now: DateTime<FixedOffset>,
        /// The last touch, key or click anywhere on the page.
        last_touch: Option<DateTime<FixedOffset>>,
    },
}

impl AppState {
    /// The state at launch, in `lang`; `staff` is the session another area's page handed on
    /// (see `app::session`), if any.
    pub fn new(lang: Lang, staff: Staff) -> AppState {
        AppState { lang, notice: None, settings: None, staff, guard: PinGuard::default(), pin_error: None }
    }

    /// Whether the staff screens are open.
    pub fn unlocked(&self) -> bool {
        matches!(self.staff, Staff::Unlocked { .. })
    }

    /// Whether the device has a staff PIN (then every screen outside the customer's flow needs it).
    pub fn has_pin(&self) -> bool {
        self.settings.as_ref().is_some_and(|s| s.pin.is_some())
    }

    /// The questionnaire the kiosk runs, among its built-ins and the device's `stored` ones: the
    /// one (and version) the settings name, or the built-in hall one when they are not yet read or
    /// name one the kiosk cannot run.
    pub fn active_questionnaire(&self, stored: &[Questionnaire]) -> Questionnaire {
        let chosen = self.settings.as_deref().and_then(|s| active_questionnaire(s, stored).ok());
        chosen.unwrap_or_else(|| Builtin::Hall.questionnaire())
    }
}

/// The built-in questionnaires the kiosk can run: answered by the customer alone, with a kiosk
/// widget for every item (a test checks the list against the questionnaires). Only these are
/// parsed, so only their JSON is in the kiosk's wasm; any other runs from the device's library.
pub const KIOSK_BUILTINS: [Builtin; 1] = [Builtin::Hall];

/// The questionnaires the kiosk knows: its built-ins, then the device's `stored` ones (made in the
/// editor, imported or synced; a stored copy of a built-in version is left out: the built-in as
/// shipped is what its responses answered).
pub fn kiosk_questionnaires(stored: &[Questionnaire]) -> Vec<Questionnaire> {
    let mut known: Vec<Questionnaire> = KIOSK_BUILTINS.iter().map(|b| b.questionnaire()).collect();
    let builtin = |q: &Questionnaire| Builtin::ALL.iter().any(|b| b.id() == q.id.as_str() && q.version == 1);
    known.extend(stored.iter().filter(|q| !builtin(q)).cloned());
    known
}

/// The questionnaire (and version) `settings` name among the kiosk's built-ins and `stored`, or
/// why the kiosk cannot run it (not on the device, or core's reasons it is unfit for a kiosk).
pub fn active_questionnaire(
    settings: &KioskSettings,
    stored: &[Questionnaire],
) -> Result<Questionnaire, Vec<Text>> {
    settings.choose(&kiosk_questionnaires(stored)).cloned()
}

/// Applies `action` to `s`; returns whether anything changed.
pub fn reduce(s: &mut AppState, action: Action) -> bool {
    match action {
        Action::SetLang(lang) => std::mem::replace(&mut s.lang, lang) != lang,
        Action::Notify(n) => s.notice.replace(n.clone()) != Some(n),
        Action::DismissNotice => s.notice.take().is_some(),
        Action::Settings(settings, _) => {
            let settings = Some(settings);
            std::mem::replace(&mut s.settings, settings.clone()) != settings
        }
        Action::Pin(pin, at) => {
            let Some(hash) = s.settings.as_ref().and_then(|p| p.pin.clone()) else { return false };
            if s.guard.attempt(&hash, &pin, at) {
                s.staff = Staff::Unlocked { since: at };
                s.pin_error = None;
            } else {
                s.pin_error = Some(s.guard.paused(at).map_or(PinError::Wrong, PinError::Paused));
            }
            // A wrong PIN twice is still news: the screen says it again.
            true
        }
        Action::Lock => {
            let changed = s.unlocked() || s.pin_error.is_some();
            s.staff = Staff::Locked;
            s.pin_error = None;
            changed
        }
        Action::Tick { now, last_touch } => {
            // A pause after wrong PINs counts down on the pad, and ends by itself.
            if let Some(PinError::Paused(_)) = s.pin_error {
                let left = s.guard.paused(now).map(PinError::Paused);
                return std::mem::replace(&mut s.pin_error, left) != left;
            }
            let (Staff::Unlocked { since }, Some(settings)) = (s.staff, s.settings.as_ref()) else {
                return false;
            };
            let locks = settings.idle.staff_locks(last_touch.map_or(since, |t| t.max(since)), now);
            if locks {
                s.staff = Staff::Locked;
            }
            locks
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // An ignored action keeps the same state, so nothing re-renders and no effect runs again.
        if reduce(&mut next, action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests;
