//! The kiosk's page (`/`): its root holds the kiosk's state and the store, shows the survey (the
//! staff screen is a page of its own, `staff/`: customers never download it) and runs the
//! kiosk's timers.

use super::runtime::KioskRuntime;
use super::startup;
use super::state::{KioskAction, KioskState};
use super::survey::SurveyPage;
use crate::app::{open_store, session, use_route, AppContext, AppHandle, Frame, StoreStatus};
use crate::platform::location::{Area, Route};
use crate::platform::prefs;
use manyi_core::Lang;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What the kiosk's screens read: the kiosk's state (with its dispatcher) and the store.
#[derive(Clone, PartialEq)]
pub struct KioskContext {
    /// The kiosk's state.
    pub state: UseReducerHandle<KioskState>,
    /// The store.
    pub store: StoreStatus,
}

impl KioskContext {
    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.state.app.lang
    }

    /// Changes the kiosk's state.
    pub fn dispatch(&self, action: KioskAction) {
        self.state.dispatch(action);
    }
}

/// The kiosk's page.
#[function_component(KioskApp)]
pub fn kiosk_app() -> Html {
    let state = use_reducer(|| KioskState::new(prefs::load_lang(), session::take()));
    let store = use_state(|| StoreStatus::Opening);
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Callback::from(move |a| dispatcher.dispatch(KioskAction::App(a))))
    };
    let app = AppHandle::new(Rc::new(state.app.clone()), (*dispatch).clone());
    {
        // Open the store, read the settings and the library, settle the drafts a reload left;
        // only then may a customer start.
        let (state, store, app) = (state.clone(), store.clone(), app.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                store.set(match open_store(&app).await {
                    Some((opened, settings)) => {
                        // The device's library before the drafts: a draft resumes with the
                        // questionnaire version it answers.
                        let library = startup::library(&opened, &state).await;
                        startup::settle(&opened, &state, &settings, &library).await;
                        StoreStatus::Ready(opened)
                    }
                    None => StoreStatus::Failed,
                })
            })
        });
    }
    // Every address of another area (`#/staff`, an old `#/callback`) goes to its page.
    use_route(Area::Kiosk, Route::Survey);
    let context = AppContext { state: app, store: (*store).clone() };
    let kiosk = KioskContext { state, store: (*store).clone() };
    html! {
        <ContextProvider<AppContext> {context}>
            <ContextProvider<KioskContext> context={kiosk}>
                <Frame><SurveyPage /></Frame>
                <KioskRuntime />
            </ContextProvider<KioskContext>>
        </ContextProvider<AppContext>>
    }
}
