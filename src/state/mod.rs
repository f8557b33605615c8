//! The app's state and every transition of it. `reduce` is pure: reading the clock, making ids and
//! saving to storage happen in the callbacks and effects that surround it.

use crate::kiosk::state::{KioskAction, KioskState};
use manyi_core::questionnaire::Questionnaire;
use manyi_core::session::survey::{Survey, SurveyAction};
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

/// The app's state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The language of the interface.
    pub lang: Lang,
    /// The kiosk survey.
    pub survey: Survey,
    /// A problem to show, if any.
    pub notice: Option<Notice>,
    /// The hall kiosk: settings, staff session, idle and thank-you timers.
    pub kiosk: KioskState,
}

/// Everything that changes the app's state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// A move on the survey.
    Survey(SurveyAction),
    /// Show a problem.
    Notify(Notice),
    /// Hide the problem shown.
    DismissNotice,
    /// Something for the kiosk.
    Kiosk(KioskAction),
}

impl AppState {
    /// The state at launch: the survey of `q` on its start screen.
    pub fn new(q: Questionnaire, lang: Lang) -> AppState {
        AppState { lang, survey: Survey::new(q), notice: None, kiosk: KioskState::default() }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            Action::SetLang(lang) => std::mem::replace(&mut next.lang, lang) != lang,
            Action::Survey(a) => {
                let changed = next.survey.apply(a);
                if changed {
                    crate::kiosk::state::after_survey(&mut next);
                }
                changed
            }
            Action::Notify(n) => next.notice.replace(n.clone()) != Some(n),
            Action::DismissNotice => next.notice.take().is_some(),
            Action::Kiosk(a) => crate::kiosk::state::reduce(&mut next, a),
        };
        // An ignored action (e.g. the second tap of a double tap) keeps the same state, so nothing
        // re-renders and no effect runs again.
        if changed {
            Rc::new(next)
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::questionnaire::builtin::Builtin;

    #[test]
    fn an_ignored_action_keeps_the_same_state() {
        let s = Rc::new(AppState::new(Builtin::Hall.questionnaire(), Lang::Zh));
        let same = Rc::clone(&s).reduce(Action::SetLang(Lang::Zh));
        assert!(Rc::ptr_eq(&s, &same), "no change, no re-render");
        let reset = Rc::clone(&s).reduce(Action::Survey(SurveyAction::Reset));
        assert!(Rc::ptr_eq(&s, &reset), "Reset off the thank-you screen is ignored");
        let en = s.reduce(Action::SetLang(Lang::En));
        assert_eq!(en.lang, Lang::En);
    }
}
