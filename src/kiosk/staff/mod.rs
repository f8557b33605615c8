//! The kiosk's staff screen, a page of its own (`staff/`, behind the PIN) so that customers do not
//! download it: the device's data and exports, the sync with the company's server, the kiosk's
//! settings, the PIN; the way back to the
//! customer's survey and to every other workspace. It is in sections: a new section is a
//! component of its own here, added to the list below.

mod data;
pub mod form;
mod pin;
mod settings;

use super::texts::K;
use super::SAVE_FAILURE;
use crate::app::{use_app_state, use_route, use_store, AppContext, AreaNav, Frame, StaffGate, StaffLock};
use crate::i18n::Ui;
use crate::platform::location::{Area, Route};
use crate::platform::prefs;
use crate::state::Action;
use data::DataSection;
use pin::ChangePin;
use settings::SettingsSection;
use yew::prelude::*;

/// The staff screen.
#[function_component(StaffPage)]
pub fn staff_page() -> Html {
    let ctx = use_context::<AppContext>().expect("StaffPage is rendered inside StaffApp");
    let lang = ctx.lang();
    let ready_store = match &ctx.store {
        crate::app::StoreStatus::Ready(s) => Some(s.clone()),
        _ => None,
    };
    // Locked, the page goes back to the survey (StaffLock).
    let lock = {
        let app = ctx.state.clone();
        Callback::from(move |_| app.dispatch(Action::Lock))
    };
    let save_error = prefs::tab_note(SAVE_FAILURE).map(|e| {
        let full = crate::storage::storage_full(&e).then(|| html! { <p class="error">{ Ui::StorageFull.get(lang) }</p> });
        html! { <><p class="error" role="alert">{ format!("{}{e}", K::LastSaveFailed.get(lang)) }</p>{ for full }</> }
    });
    html! {
        <section class="staff">
            <h1>{ K::StaffTitle.get(lang) }</h1>
            <p class="staff-nav">
                <button type="button" class="primary" onclick={lock}>{ K::LockAndReturn.get(lang) }</button>
            </p>
            <AreaNav {lang} current={Route::Staff} class={classes!("staff-nav", "area-nav")} />
            { for save_error }
            <h2>{ K::DataTitle.get(lang) }</h2>
            <DataSection />
            <h2>{ crate::sync::texts::StaffText::Title.get(lang) }</h2>
            <crate::sync::staff_section::SyncSection store={ready_store} {lang} />
            <h2>{ K::SettingsTitle.get(lang) }</h2>
            <SettingsSection />
            <h2>{ K::ChangePinTitle.get(lang) }</h2>
            <ChangePin />
        </section>
    }
}

/// The staff screen's page.
#[function_component(StaffApp)]
pub fn staff_app() -> Html {
    let app = use_app_state();
    let store = use_store(&app);
    use_route(Area::Staff, Route::Staff);
    let context = AppContext { state: app, store };
    html! {
        <ContextProvider<AppContext> {context}>
            <Frame><StaffGate setup=true><StaffPage /></StaffGate></Frame>
            <StaffLock />
        </ContextProvider<AppContext>>
    }
}

/// Mounts the staff screen on the page (the staff screen's wasm entry).
pub fn start() {
    crate::app::mount::<StaffApp>();
}
