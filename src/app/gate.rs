//! The PIN in front of everything outside the customer's flow, and the first start that sets it.

use super::pin_pad::PinPad;
use super::texts::S;
use super::{AppContext, AppHandle, StoreStatus};
use crate::i18n::Ui;
use crate::platform::location::Route;
use crate::platform::{clock, device, go, random_salt};
use crate::state::{Action, PinError};
use manyi_core::kiosk::{KioskSettings, PinHash, PinProblem};
use manyi_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Properties of [`StaffGate`].
#[derive(Properties, PartialEq, Clone)]
pub struct StaffGateProps {
    /// The screen behind the gate.
    pub children: Html,
    /// Without a PIN yet, ask for one (the staff screens); otherwise a device without a PIN (a
    /// desk PC, not a kiosk) lets the screen through.
    #[prop_or_default]
    pub setup: bool,
}

/// Shows its children only once the staff PIN was entered.
#[function_component(StaffGate)]
pub fn staff_gate(props: &StaffGateProps) -> Html {
    let ctx = use_context::<AppContext>().expect("StaffGate is rendered inside App");
    let lang = ctx.lang();
    let Some(settings) = ctx.state.settings.clone() else {
        return html! { <p>{ Ui::Loading.get(lang) }</p> };
    };
    if settings.pin.is_none() {
        return if props.setup {
            html! { <SetPin /> }
        } else {
            props.children.clone()
        };
    }
    if ctx.state.unlocked() {
        return props.children.clone();
    }
    let on_enter = {
        let state = ctx.state.clone();
        Callback::from(move |pin| state.dispatch(Action::Pin(pin, clock::now())))
    };
    let on_cancel = Callback::from(|()| go(Route::Survey));
    let error = ctx.state.pin_error.map(|e| match e {
        PinError::Wrong => AttrValue::from(S::PinWrong.get(lang)),
        PinError::Paused(s) => AttrValue::from(S::PinPaused.n(lang, s)),
    });
    html! {
        <section class="staff-gate">
            <h1>{ S::PinTitle.get(lang) }</h1>
            <PinPad {lang} {error} {on_enter} {on_cancel} />
        </section>
    }
}

fn input_value(e: &InputEvent) -> String {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// A labelled password field for a PIN.
pub fn pin_field(id: &'static str, label: &str, value: &UseStateHandle<String>) -> Html {
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| value.set(input_value(&e)))
    };
    html! {
        <p class="field">
            <label for={id}>{ label }</label>
            <input {id} type="password" inputmode="numeric" autocomplete="off" maxlength="8"
                value={(**value).clone()} {oninput} />
        </p>
    }
}

/// The message for a PIN that is not accepted.
pub fn pin_problem(problem: PinProblem, lang: Lang) -> &'static str {
    match problem {
        PinProblem::Format => S::PinFormat.get(lang),
        PinProblem::Mismatch => S::PinMismatch.get(lang),
    }
}

/// Saves `settings`, then tells the state; a failure is returned as text.
pub async fn save_settings(
    store: &StoreStatus,
    state: &AppHandle,
    settings: KioskSettings,
) -> Result<(), String> {
    let StoreStatus::Ready(store) = store else { return Err(Ui::StorageUnavailable.get(state.lang).into()) };
    store.save_settings(&settings).await.map_err(|e| e.to_string())?;
    state.dispatch(Action::Settings(std::rc::Rc::new(settings), clock::now()));
    Ok(())
}

/// First start: the staff set the PIN (twice), then go on to the staff screens.
#[function_component(SetPin)]
pub fn set_pin() -> Html {
    let ctx = use_context::<AppContext>().expect("SetPin is rendered inside App");
    let lang = ctx.lang();
    let (pin, repeat, error) = (use_state(String::new), use_state(String::new), use_state(|| None::<String>));
    let onsubmit = {
        let (pin, repeat, error) = (pin.clone(), repeat.clone(), error.clone());
        let (state, store) = (ctx.state.clone(), ctx.store.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let hash = match PinHash::new(&pin, &repeat, random_salt()) {
                Ok(hash) => hash,
                Err(p) => return error.set(Some(pin_problem(p, lang).into())),
            };
            let base = state.settings.as_deref().cloned().unwrap_or_default();
            let lock_seconds = base.idle.staff_lock_seconds;
            let settings = KioskSettings { pin: Some(hash), ..base };
            let (state, store, error, pin) = (state.clone(), store.clone(), error.clone(), (*pin).clone());
            spawn_local(async move {
                match save_settings(&store, &state, settings).await {
                    Ok(()) => {
                        let now = clock::now();
                        state.dispatch(Action::Pin(pin, now));
                        // The staff screen is another page: it takes the session up from the tab.
                        super::session::keep(now, lock_seconds);
                        // The staff just set the kiosk up: a good moment to ask for durable storage.
                        let _ = device::persist().await;
                        go(Route::Staff);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let error = (*error).clone().map(|e| html! { <p class="error" role="alert">{ e }</p> });
    html! {
        <section class="set-pin">
            <h1>{ S::SetupTitle.get(lang) }</h1>
            <p>{ S::SetupBody.get(lang) }</p>
            <form {onsubmit}>
                { pin_field("new-pin", S::NewPin.get(lang), &pin) }
                { pin_field("repeat-pin", S::RepeatPin.get(lang), &repeat) }
                { for error }
                <button type="submit" class="primary">{ S::SavePin.get(lang) }</button>
            </form>
        </section>
    }
}
