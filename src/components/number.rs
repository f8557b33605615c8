//! A number answer (minutes waited, …): a field that takes what people type (full-width digits,
//! a comma as decimal mark) through core's parser, and says so when it is not a number.

use manyi_core::authoring::parse_number;
use manyi_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`NumberAnswer`].
#[derive(Properties, PartialEq, Clone)]
pub struct NumberAnswerProps {
    /// The field's id, for its `<label for>`.
    pub id: AttrValue,
    /// The number so far.
    #[prop_or_default]
    pub value: Option<f64>,
    /// The unit shown after the field (分钟 / minutes).
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    /// The language of the messages.
    pub lang: Lang,
    /// Called with the number typed.
    pub on_number: Callback<f64>,
    /// Called when the field is emptied.
    pub on_clear: Callback<()>,
}

/// The field.
#[function_component(NumberAnswer)]
pub fn number_answer(props: &NumberAnswerProps) -> Html {
    let error = use_state(|| None::<String>);
    let onchange = {
        let (error, lang) = (error.clone(), props.lang);
        let (on_number, on_clear) = (props.on_number.clone(), props.on_clear.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let text = input.value();
            if text.trim().is_empty() {
                error.set(None);
                on_clear.emit(());
                return;
            }
            match parse_number(&text) {
                Ok(x) => {
                    error.set(None);
                    on_number.emit(x);
                }
                Err(e) => error.set(Some(e.0.get(lang).to_owned())),
            }
        })
    };
    let value = props.value.map(|x| x.to_string()).unwrap_or_default();
    let message = (*error).clone().map(|m| html! { <p class="field-error" role="alert">{ m }</p> });
    html! {
        <div class="number-answer">
            <input id={props.id.clone()} class="number-field" type="text" inputmode="decimal" autocomplete="off"
                {value} {onchange} aria-invalid={error.is_some().to_string()} />
            if let Some(unit) = &props.unit { <span class="unit">{ unit.clone() }</span> }
            { for message }
        </div>
    }
}
