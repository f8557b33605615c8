//! The staff screen's PIN section: the current PIN, then the new one twice.

use crate::app::texts::S;
use crate::app::{pin_field, pin_problem, save_settings, AppContext};
use crate::kiosk::texts::K;
use crate::platform::random_salt;
use manyi_core::kiosk::{KioskSettings, PinHash};
use yew::platform::spawn_local;
use yew::prelude::*;

/// The PIN section.
#[function_component(ChangePin)]
pub fn change_pin() -> Html {
    let ctx = use_context::<AppContext>().expect("ChangePin is rendered inside an area's root");
    let lang = ctx.lang();
    let (current, pin, repeat) = (use_state(String::new), use_state(String::new), use_state(String::new));
    let message = use_state(|| None::<(bool, String)>);
    let onsubmit = {
        let (current, pin, repeat, message) = (current.clone(), pin.clone(), repeat.clone(), message.clone());
        let (state, store) = (ctx.state.clone(), ctx.store.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let base: KioskSettings = state.settings.as_deref().cloned().unwrap_or_default();
            if !base.pin.as_ref().is_some_and(|p| p.verify(&current)) {
                return message.set(Some((false, S::PinWrong.get(lang).into())));
            }
            let hash = match PinHash::new(&pin, &repeat, random_salt()) {
                Ok(h) => h,
                Err(p) => return message.set(Some((false, pin_problem(p, lang).into()))),
            };
            let settings = KioskSettings { pin: Some(hash), ..base };
            let (state, store, message) = (state.clone(), store.clone(), message.clone());
            spawn_local(async move {
                message.set(Some(match save_settings(&store, &state, settings).await {
                    Ok(()) => (true, K::PinChanged.get(lang).into()),
                    Err(e) => (false, e),
                }))
            });
        })
    };
    let message = (*message).clone().map(|(ok, text)| {
        html! { <p class={if ok { "ok" } else { "error" }} role={if ok { "status" } else { "alert" }}>{ text }</p> }
    });
    html! {
        <form class="change-pin" {onsubmit}>
            { pin_field("current-pin", K::CurrentPin.get(lang), &current) }
            { pin_field("changed-pin", S::NewPin.get(lang), &pin) }
            { pin_field("changed-pin-repeat", S::RepeatPin.get(lang), &repeat) }
            { for message }
            <button type="submit">{ K::ChangePinTitle.get(lang) }</button>
        </form>
    }
}
