//! The PIN sign-in: a masked field and a large keypad (digits, delete, OK), each key named by its
//! label so it can be found by role and name.

use super::texts::S;
use manyi_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`PinPad`].
#[derive(Properties, PartialEq, Clone)]
pub struct PinPadProps {
    /// The language.
    pub lang: Lang,
    /// What went wrong last time, if anything.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Called with the PIN on OK.
    pub on_enter: Callback<String>,
    /// Called on Cancel.
    pub on_cancel: Callback<()>,
}

/// The keypad.
#[function_component(PinPad)]
pub fn pin_pad(props: &PinPadProps) -> Html {
    let pin = use_state(String::new);
    let lang = props.lang;
    let key = |digit: char| {
        let pin = pin.clone();
        let onclick = Callback::from(move |_| {
            if pin.len() < 8 {
                pin.set(format!("{}{digit}", *pin));
            }
        });
        html! { <button type="button" class="key" {onclick}>{ digit }</button> }
    };
    let delete = {
        let pin = pin.clone();
        Callback::from(move |_| {
            let mut p = (*pin).clone();
            p.pop();
            pin.set(p);
        })
    };
    let enter = {
        let (pin, on_enter) = (pin.clone(), props.on_enter.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_enter.emit((*pin).clone());
            pin.set(String::new());
        })
    };
    let oninput = {
        let pin = pin.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                pin.set(input.value().chars().filter(char::is_ascii_digit).take(8).collect());
            }
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let error = props.error.as_ref().map(|e| html! { <p class="error" role="alert">{ e }</p> });
    html! {
        <form class="pin-pad" onsubmit={enter}>
            <label for="staff-pin">{ S::Pin.get(lang) }</label>
            <input id="staff-pin" type="password" inputmode="numeric" autocomplete="off" maxlength="8"
                value={(*pin).clone()} {oninput} />
            { for error }
            <div class="keys">
                { for "123456789".chars().map(key) }
                <button type="button" class="key secondary" onclick={delete}>{ S::DeleteDigit.get(lang) }</button>
                { key('0') }
                <button type="submit" class="key primary">{ S::Enter.get(lang) }</button>
            </div>
            <button type="button" class="secondary" onclick={cancel}>{ S::Cancel.get(lang) }</button>
        </form>
    }
}
