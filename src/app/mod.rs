//! What every area's page shares: the store's status, the shared state behind a handle each
//! area provides (`AppContext`), the frame around the screens (brand, navigation, language,
//! notices), the staff PIN's gate and session, and the way between the areas.

mod gate;
mod lock;
mod nav;
mod pin_pad;
pub mod session;
pub mod texts;

pub use gate::{pin_field, pin_problem, save_settings, SetPin, StaffGate};
pub use lock::StaffLock;
pub use nav::AreaNav;

use crate::components::LanguageSwitch;
use crate::i18n::Ui;
use crate::platform::location::{self, Area, HashListener, Route};
use crate::platform::{clock, prefs};
use crate::state::{Action, AppState, Notice};
use crate::storage::Store;
use manyi_core::kiosk::KioskSettings;
use manyi_core::Lang;
use std::ops::Deref;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Where the store stands.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreStatus {
    /// Being opened (and, on the kiosk, searched for a draft to resume).
    Opening,
    /// Open.
    Ready(Store),
    /// It could not be opened; the app works without keeping anything.
    Failed,
}

/// The shared state as the area's root holds it, and the way to change it: the same for every
/// area, whatever else the area's root keeps beside it.
#[derive(Clone)]
pub struct AppHandle {
    state: Rc<AppState>,
    dispatch: Callback<Action>,
}

impl AppHandle {
    /// The handle of `state`, changed through `dispatch`.
    pub fn new(state: Rc<AppState>, dispatch: Callback<Action>) -> AppHandle {
        AppHandle { state, dispatch }
    }

    /// Changes the shared state.
    pub fn dispatch(&self, action: Action) {
        self.dispatch.emit(action);
    }
}

impl Deref for AppHandle {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}

impl PartialEq for AppHandle {
    fn eq(&self, other: &Self) -> bool {
        self.dispatch == other.dispatch
            && (Rc::ptr_eq(&self.state, &other.state) || self.state == other.state)
    }
}

/// The shared state as the root of a desk or field page holds it (alone): the language chosen
/// last, the staff session handed on by the page before.
#[hook]
pub fn use_app_state() -> AppHandle {
    let state = use_reducer(|| AppState::new(prefs::load_lang(), session::take()));
    let dispatcher = state.dispatcher();
    let dispatch = use_memo((), move |_| Callback::from(move |a| dispatcher.dispatch(a)));
    AppHandle::new(Rc::new((*state).clone()), (*dispatch).clone())
}

/// What every page reads: the shared state (with its dispatcher) and the store.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The shared state.
    pub state: AppHandle,
    /// The store.
    pub store: StoreStatus,
}

impl AppContext {
    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.state.lang
    }
}

/// Opens the store and reads the kiosk's settings (they hold the staff PIN) into the state: the
/// defaults on first start, or when they cannot be read (which is said). Returns the store and
/// the settings read, or `None` when the store cannot be opened.
pub async fn open_store(app: &AppHandle) -> Option<(Store, KioskSettings)> {
    let store = match Store::open().await {
        Ok(store) => store,
        Err(e) => {
            app.dispatch(Action::Notify(Notice::StorageUnavailable(e.to_string())));
            app.dispatch(Action::Settings(Rc::default(), clock::now()));
            return None;
        }
    };
    let settings = match store.settings().await {
        Ok(settings) => settings.unwrap_or_default(),
        Err(e) => {
            app.dispatch(Action::Notify(Notice::StorageUnavailable(e.to_string())));
            KioskSettings::default()
        }
    };
    app.dispatch(Action::Settings(Rc::new(settings.clone()), clock::now()));
    // Every page of the device syncs in the background from now on (if set up on the staff
    // screen), in a worker of its own; the workers take turns (a Web Lock).
    crate::sync::background::start(&store);
    Some((store, settings))
}

/// The store of a desk or field page: opened once, with the settings read into the state.
#[hook]
pub fn use_store(app: &AppHandle) -> StoreStatus {
    let store = use_state(|| StoreStatus::Opening);
    {
        let (app, store) = (app.clone(), store.clone());
        use_effect_with((), move |_| {
            spawn_local(async move {
                store.set(open_store(&app).await.map_or(StoreStatus::Failed, |(s, _)| StoreStatus::Ready(s)))
            })
        });
    }
    (*store).clone()
}

/// The route in the address bar, following it as it changes. A route of another area sends the
/// browser to that area's page (an old address, or one typed by hand); anything unknown is
/// this area's first route.
#[hook]
pub fn use_route(here: Area, first: Route) -> Route {
    let shown = move |route: Option<Route>| match route {
        Some(r) if r.area() != here => {
            location::redirect(r);
            first
        }
        Some(r) => r,
        None => first,
    };
    let route = use_state(|| shown(location::current()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = HashListener::new(move |r| route.set(shown(r)));
            move || drop(listener)
        });
    }
    *route
}

/// Properties of [`Frame`].
#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// The screen.
    pub children: Html,
    /// The links beside the brand (the way to every area, `AreaNav`), if any: shown once the
    /// staff PIN is entered.
    #[prop_or_default]
    pub nav: Html,
    /// A wide screen (tables of the call desk and the analyst workspace).
    #[prop_or_default]
    pub wide: bool,
}

fn notice_banner(app: &AppHandle) -> Html {
    let Some(notice) = &app.notice else { return Html::default() };
    let (text, detail) = match notice {
        Notice::StorageUnavailable(d) => (Ui::StorageUnavailable, d),
        Notice::SaveFailed(d) if crate::storage::storage_full(d) => (Ui::StorageFull, d),
        Notice::SaveFailed(d) => (Ui::SaveFailed, d),
    };
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="notice" role="alert">
            <p>{ text.get(app.lang) }</p>
            <p class="notice-detail">{ detail }</p>
            <button type="button" onclick={dismiss}>{ Ui::Dismiss.get(app.lang) }</button>
        </div>
    }
}

/// The frame around every screen: brand, links, the language switch, a notice. The language
/// chosen is remembered and given to the page (`<html lang>`).
#[function_component(Frame)]
pub fn frame(props: &FrameProps) -> Html {
    let ctx = use_context::<AppContext>().expect("Frame is rendered inside an area's root");
    let lang = ctx.lang();
    use_effect_with(lang, |&lang| {
        prefs::save_lang(lang);
        prefs::show_lang(lang);
    });
    let on_switch = {
        let app = ctx.state.clone();
        Callback::from(move |lang| app.dispatch(Action::SetLang(lang)))
    };
    html! {
        <div class="app">
            <header class="topbar">
                <span class="brand">{ "满意 Manyi" }</span>
                // The way to the other areas only once the PIN opened them (or without a PIN).
                if !ctx.state.has_pin() || ctx.state.unlocked() { { props.nav.clone() } }
                <LanguageSwitch {lang} {on_switch} />
            </header>
            { notice_banner(&ctx.state) }
            <main class={classes!("screen", props.wide.then_some("wide"))}>{ props.children.clone() }</main>
        </div>
    }
}

/// Mounts `root` on the page's `<body>` in place of the static shell the page's HTML shows
/// while the wasm loads (`#shell`, if any).
pub fn mount<C: BaseComponent<Properties = ()>>() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(shell) = document.get_element_by_id("shell") {
        shell.remove();
    }
    yew::Renderer::<C>::new().render();
}
