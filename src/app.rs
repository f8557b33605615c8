//! The root component: the state, the store, the route, and the frame around every screen.

use crate::components::LanguageSwitch;
use crate::i18n::Ui;
use crate::kiosk::{KioskRuntime, StaffGate, StaffPage};
use crate::pages::{ResultsPage, SurveyPage};
use crate::platform::location::{self, HashListener, Route};
use crate::platform::{clock, prefs};
use crate::state::{Action, AppState, Notice};
use crate::storage::Store;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::Lang;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Where the store stands.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreStatus {
    /// Being opened (and searched for a draft to resume).
    Opening,
    /// Open.
    Ready(Store),
    /// It could not be opened; the app works without keeping anything.
    Failed,
}

/// What every page reads: the state (with its dispatcher) and the store.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The app's state.
    pub state: UseReducerHandle<AppState>,
    /// The store.
    pub store: StoreStatus,
}

impl AppContext {
    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.state.lang
    }
}

/// Opens the store, then reads the kiosk's settings and resumes (or closes) an unfinished draft.
async fn open_store(state: UseReducerHandle<AppState>) -> StoreStatus {
    let store = match Store::open().await {
        Ok(store) => store,
        Err(e) => {
            state.dispatch(Action::Notify(Notice::StorageUnavailable(e.to_string())));
            let defaults = manyi_core::kiosk::KioskSettings::default();
            state.dispatch(Action::Kiosk(crate::kiosk::state::KioskAction::Settings(defaults, clock::now())));
            return StoreStatus::Failed;
        }
    };
    crate::kiosk::startup::start(&store, &state).await;
    // Syncs in the background from now on (if set up on the staff screen).
    crate::sync::runner::start(store.clone());
    StoreStatus::Ready(store)
}

fn notice_banner(state: &UseReducerHandle<AppState>) -> Html {
    let Some(notice) = &state.notice else { return Html::default() };
    let (text, detail) = match notice {
        Notice::StorageUnavailable(d) => (Ui::StorageUnavailable, d),
        Notice::SaveFailed(d) if crate::storage::storage_full(d) => (Ui::StorageFull, d),
        Notice::SaveFailed(d) => (Ui::SaveFailed, d),
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="notice" role="alert">
            <p>{ text.get(state.lang) }</p>
            <p class="notice-detail">{ detail }</p>
            <button type="button" onclick={dismiss}>{ Ui::Dismiss.get(state.lang) }</button>
        </div>
    }
}

/// The whole app, mounted on `<body>` by `main`.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState::new(Builtin::Hall.questionnaire(), prefs::load_lang()));
    let store = use_state(|| StoreStatus::Opening);
    let route = use_state(location::current);
    {
        let (state, store) = (state.clone(), store.clone());
        use_effect_with((), move |_| spawn_local(async move { store.set(open_store(state).await) }));
    }
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = HashListener::new(move |r| route.set(r));
            move || drop(listener)
        });
    }
    use_effect_with(state.lang, |&lang| {
        prefs::save_lang(lang);
        prefs::show_lang(lang);
    });
    let on_switch = {
        let state = state.clone();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    let page = match *route {
        Route::Survey => html! { <SurveyPage /> },
        Route::Results => html! { <ResultsPage /> },
        Route::Staff => html! { <StaffPage /> },
        Route::Evaluation => html! { <crate::evaluation::EvaluationPage /> },
        Route::Compare => html! { <crate::evaluation::ComparePage /> },
        Route::Kano => html! { <crate::evaluation::KanoPage /> },
        Route::KanoAnalysis => html! { <crate::evaluation::KanoAnalysisPage /> },
        Route::Editor => html! { <crate::authoring::EditorPage /> },
        Route::Callback => html! { <crate::callback::CallbackPage /> },
        Route::Analysis => html! { <crate::analysis::AnalysisPage /> },
    };
    // The desk areas link to each other; the screens customers and evaluators fill in (the kiosk
    // survey, the Kano study, the checklist) show no way out.
    let desk = matches!(*route, Route::Results | Route::Callback | Route::Analysis | Route::Editor);
    let nav = desk.then(|| {
        let link = |to: Route, text: Ui| {
            let current = (*route == to).then_some("page");
            html! { <a href={to.href()} aria-current={current}>{ text.get(state.lang) }</a> }
        };
        html! {
            <nav class="topnav" aria-label={Ui::Navigation.get(state.lang)}>
                { link(Route::Results, Ui::ResultsTitle) }
                { link(Route::Callback, Ui::CallbackNav) }
                { link(Route::Editor, Ui::EditorNav) }
                { link(Route::Analysis, Ui::AnalysisNav) }
            </nav>
        }
    });
    // Once the device has a staff PIN, only the customer's flow is open without it.
    let page = if route.needs_staff() {
        html! { <StaffGate setup={*route == Route::Staff}>{ page }</StaffGate> }
    } else {
        page
    };
    let context = AppContext { state: state.clone(), store: (*store).clone() };
    html! {
        <ContextProvider<AppContext> {context}>
            <div class="app">
                <header class="topbar">
                    <span class="brand">{ "满意 Manyi" }</span>
                    { for nav }
                    <LanguageSwitch lang={state.lang} {on_switch} />
                </header>
                { notice_banner(&state) }
                <main class={classes!("screen", matches!(*route, Route::Callback | Route::Analysis).then_some("wide"))}>{ page }</main>
                <KioskRuntime />
            </div>
        </ContextProvider<AppContext>>
    }
}
