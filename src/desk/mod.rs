//! The desk, its own page and wasm (`desk/`), for the desk PC behind the staff PIN: the results
//! (`#/results`), the call desk (`#/callback`), the questionnaire editor (`#/editor`), the
//! analyst workspace (`#/analysis`, whose web worker is a wasm of its own) and the Kano study's
//! results (`#/kano/analysis`; the study itself is on the field app). Each workspace lives
//! in its own folder (`callback/`, `authoring/`, `analysis/`); this is the page around them.

mod results;
mod texts;

use crate::app::{use_app_state, use_route, use_store, AppContext, AreaNav, Frame, StaffGate, StaffLock};
use crate::platform::location::{Area, Route};
use results::ResultsPage;
use yew::prelude::*;

/// The desk's page.
#[function_component(DeskApp)]
pub fn desk_app() -> Html {
    let app = use_app_state();
    let store = use_store(&app);
    let route = use_route(Area::Desk, Route::Results);
    let page = match route {
        Route::Callback => html! { <crate::callback::CallbackPage /> },
        Route::Editor => html! { <crate::authoring::EditorPage /> },
        Route::Analysis => html! { <crate::analysis::AnalysisPage /> },
        Route::KanoAnalysis => html! { <crate::evaluation::KanoAnalysisPage /> },
        _ => html! { <ResultsPage /> },
    };
    let lang = app.lang;
    let nav = html! { <AreaNav {lang} current={route} /> };
    let wide = matches!(route, Route::Callback | Route::Analysis);
    let context = AppContext { state: app, store };
    html! {
        <ContextProvider<AppContext> {context}>
            <Frame {nav} {wide}><StaffGate>{ page }</StaffGate></Frame>
            <StaffLock />
        </ContextProvider<AppContext>>
    }
}

/// Mounts the desk on the page (the desk's wasm entry).
pub fn start() {
    crate::app::mount::<DeskApp>();
}
