//! The field app, its own page and wasm (`field/`), for the evaluator's phone behind the staff
//! PIN: the evaluation checklist (`#/evaluation`), visits side by side (`#/evaluation/compare`),
//! the Kano study (`#/kano`; its results, with their Excel workbook, are on the desk). The screens
//! live in `evaluation/`; this is the page around them.

use crate::app::{use_app_state, use_route, use_store, AppContext, AreaNav, Frame, StaffGate, StaffLock};
use crate::evaluation::{ComparePage, EvaluationPage, KanoPage};
use crate::platform::location::{Area, Route};
use yew::prelude::*;

/// The field app's page.
#[function_component(FieldApp)]
pub fn field_app() -> Html {
    let app = use_app_state();
    let store = use_store(&app);
    let route = use_route(Area::Field, Route::Evaluation);
    let page = match route {
        Route::Compare => html! { <ComparePage /> },
        Route::Kano => html! { <KanoPage /> },
        _ => html! { <EvaluationPage /> },
    };
    let lang = app.lang;
    let nav = html! { <AreaNav {lang} current={route} /> };
    let context = AppContext { state: app, store };
    html! {
        <ContextProvider<AppContext> {context}>
            <Frame {nav}><StaffGate>{ page }</StaffGate></Frame>
            <StaffLock />
        </ContextProvider<AppContext>>
    }
}

/// Mounts the field app on the page (the field app's wasm entry).
pub fn start() {
    crate::app::mount::<FieldApp>();
}
