//! A free-text answer (a comment; a phone number has its own field, `phone.rs`). The text is handed over when the field loses
//! focus, not on every key, so the draft is saved once per change.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Properties of [`TextAnswer`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextAnswerProps {
    /// The field's id, for its `<label for>`.
    pub id: AttrValue,
    /// The text so far.
    #[prop_or_default]
    pub value: AttrValue,
    /// The most characters accepted.
    #[prop_or_default]
    pub max_length: Option<u32>,
    /// Called with the new text when it changed.
    pub on_change: Callback<String>,
}

/// The text field.
#[function_component(TextAnswer)]
pub fn text_answer(props: &TextAnswerProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let target = e.target();
        let value =
            target.as_ref().and_then(|t| t.dyn_ref::<HtmlTextAreaElement>().map(HtmlTextAreaElement::value));
        if let Some(v) = value {
            on_change.emit(v);
        }
    });
    let maxlength = props.max_length.map(|n| n.to_string());
    html! {
        <textarea id={props.id.clone()} class="text-answer" rows="3" {maxlength}
            value={props.value.clone()} {onchange} />
    }
}
