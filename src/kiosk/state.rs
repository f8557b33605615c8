//! The kiosk's state and every transition of it: the shared state (language, settings, staff
//! PIN), the customer's survey, the idle countdown, the thank-you timer, opening hours and
//! which response is known to be stored. Pure: times come in with the actions; storage and
//! timers live in `runtime`, `startup` and the survey's effects.

use crate::state::{self, Action, AppState, Staff};
use chrono::{DateTime, FixedOffset};
use manyi_core::kiosk::IdlePhase;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::{Channel, Response};
use manyi_core::session::survey::{Screen, Survey, SurveyAction};
use manyi_core::text::Text;
use manyi_core::Lang;
use std::rc::Rc;
use yew::Reducible;

/// The kiosk's state.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskState {
    /// What every area shares: language, notice, settings, the staff PIN's session.
    pub app: AppState,
    /// The customer's survey.
    pub survey: Survey,
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
    /// The device's library (questionnaires made in the editor, imported or synced), once read.
    pub library: Rc<Vec<Questionnaire>>,
    /// Why the questionnaire the settings name cannot run here (empty: it can).
    pub unavailable: Vec<Text>,
}

/// Everything that changes the kiosk's state.
#[derive(Debug, Clone, PartialEq)]
pub enum KioskAction {
    /// A change of the shared state (new settings also reach the survey).
    App(Action),
    /// A move on the survey.
    Survey(SurveyAction),
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
    /// The device's library was read.
    Library(Rc<Vec<Questionnaire>>),
}

impl KioskState {
    /// The state at launch, in `lang`, with the staff session handed on (if any): the built-in
    /// hall survey on its start screen until the settings name another.
    pub fn new(lang: Lang, staff: Staff) -> KioskState {
        KioskState {
            app: AppState::new(lang, staff),
            survey: Survey::new(Builtin::Hall.questionnaire()),
            idle: IdlePhase::Active,
            thanks_left: None,
            thanks_since: None,
            open: false,
            committed: None,
            save_error: None,
            save_attempt: 0,
            library: Rc::default(),
            unavailable: Vec::new(),
        }
    }

    /// Whether the survey's response on the thank-you screen is stored (so the thanks may show).
    pub fn thanks_stored(&self) -> bool {
        self.survey.screen == Screen::Thanks
            && self.survey.draft.is_some()
            && self.committed == self.survey.draft
    }
}

/// Brings the survey in line with the settings: their tags for every new response, and their
/// questionnaire (the version they name, from the built-ins or the device's library) once no
/// response is under way; or why it cannot run.
fn sync_survey(s: &mut KioskState) {
    let Some(settings) = s.app.settings.clone() else { return };
    s.survey.channel = Channel::Hall;
    s.survey.tags = settings.tags();
    match state::active_questionnaire(&settings, &s.library) {
        Ok(q) => {
            s.unavailable.clear();
            if s.survey.draft.is_none() && s.survey.questionnaire.reference() != q.reference() {
                s.survey = Survey::new(q).with_context(Channel::Hall, settings.tags());
            }
        }
        Err(why) => s.unavailable = why,
    }
}

/// After a move on the survey: back on the start screen (thanks done, or an idle session ended),
/// the session's timers end, the survey takes up any new settings, and the language is Chinese
/// again: a customer's switch to English is not left for the next one.
fn after_survey(s: &mut KioskState) {
    if s.survey.screen == Screen::Start {
        s.app.lang = Lang::Zh;
        s.idle = IdlePhase::Active;
        s.thanks_left = None;
        s.thanks_since = None;
        s.committed = None;
        s.save_error = None;
        sync_survey(s);
    }
}

/// A change of the shared state; new settings also reach the survey and the opening hours.
fn reduce_app(s: &mut KioskState, a: Action) -> bool {
    let open_now = match &a {
        Action::Settings(settings, at) => Some(settings.hours.is_open(*at)),
        _ => None,
    };
    // The shared state says itself whether it changed (a wrong PIN twice is news too).
    let mut changed = state::reduce(&mut s.app, a);
    if let Some(open) = open_now {
        let before = (s.open, s.survey.clone());
        s.open = open;
        sync_survey(s);
        changed |= (s.open, &s.survey) != (before.0, &before.1);
    }
    changed
}

/// Applies `action` to `s`; returns whether anything changed.
pub fn reduce(s: &mut KioskState, action: KioskAction) -> bool {
    let before = match action {
        KioskAction::App(a) => return reduce_app(s, a),
        // The survey says itself whether a move changed it (a double tap's second tap does not).
        KioskAction::Survey(a) => {
            let changed = s.survey.apply(a);
            if changed {
                after_survey(s);
            }
            return changed;
        }
        _ => s.clone(),
    };
    match action {
        KioskAction::App(_) | KioskAction::Survey(_) => {}
        KioskAction::Touch => {
            if matches!(s.idle, IdlePhase::Countdown { .. }) {
                s.idle = IdlePhase::Active;
            }
        }
        KioskAction::Tick { now, last_touch } => {
            state::reduce(&mut s.app, Action::Tick { now, last_touch });
            tick(s, now, last_touch);
        }
        KioskAction::Committed(r, at) => {
            s.save_error = None;
            if s.survey.draft.as_ref() == Some(&r) && s.survey.screen == Screen::Thanks {
                s.thanks_since = Some(at);
                s.thanks_left = s.app.settings.as_ref().map(|p| p.idle.thanks_seconds);
            }
            s.committed = Some(r);
        }
        KioskAction::SaveFailed(reason) => s.save_error = Some(reason),
        KioskAction::RetrySave => s.save_attempt += 1,
        KioskAction::Library(library) => {
            s.library = library;
            sync_survey(s);
        }
    }
    *s != before
}

fn tick(s: &mut KioskState, now: DateTime<FixedOffset>, last_touch: Option<DateTime<FixedOffset>>) {
    let Some(settings) = s.app.settings.clone() else { return };
    s.open = settings.hours.is_open(now);
    let policy = settings.idle;
    s.idle = match (s.survey.screen, &s.survey.draft) {
        (Screen::Page(_), Some(_)) => policy.phase(last_touch.unwrap_or(now), now),
        _ => IdlePhase::Active,
    };
    if let Some(since) = s.thanks_since {
        s.thanks_left = policy.thanks_left(since, now);
        if s.thanks_left.is_none() && s.survey.apply(SurveyAction::Reset) {
            after_survey(s);
        }
    }
}

impl Reducible for KioskState {
    type Action = KioskAction;

    fn reduce(self: Rc<Self>, action: KioskAction) -> Rc<Self> {
        let mut next = (*self).clone();
        // An ignored action (e.g. the second tap of a double tap) keeps the same state, so nothing
        // re-renders and no effect runs again.
        if reduce(&mut next, action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests;
