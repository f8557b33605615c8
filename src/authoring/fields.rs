//! The editor's form fields: a text, a text in both languages, a number (typed as people type,
//! read by core's parser), a switch and a choice. Each hands over its value when it changes.

use super::texts::A;
use manyi_core::authoring::parse_number;
use manyi_core::{Lang, Text};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

fn value_of(e: &Event) -> Option<String> {
    let t = e.target()?;
    t.dyn_ref::<HtmlInputElement>()
        .map(HtmlInputElement::value)
        .or_else(|| t.dyn_ref::<HtmlTextAreaElement>().map(HtmlTextAreaElement::value))
        .or_else(|| t.dyn_ref::<HtmlSelectElement>().map(HtmlSelectElement::value))
}

/// Properties of [`TextField`].
#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// The input's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// Its text.
    pub value: AttrValue,
    /// Several lines.
    #[prop_or_default]
    pub multiline: bool,
    /// Called with the new text.
    pub on_change: Callback<String>,
}

/// A text.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(v) = value_of(&e) {
            on_change.emit(v)
        }
    });
    let input = if props.multiline {
        html! { <textarea id={props.id.clone()} rows="2" value={props.value.clone()} {onchange} /> }
    } else {
        html! { <input id={props.id.clone()} type="text" value={props.value.clone()} {onchange} autocomplete="off" /> }
    };
    html! { <p class="field"><label for={props.id.clone()}>{ props.label.clone() }</label>{ input }</p> }
}

/// Properties of [`BothLangs`].
#[derive(Properties, PartialEq, Clone)]
pub struct BothLangsProps {
    /// The ids of the two inputs are this with `-zh` and `-en`.
    pub id: AttrValue,
    /// What the text is.
    pub label: AttrValue,
    /// The text.
    pub text: Text,
    /// The interface language.
    pub lang: Lang,
    /// Several lines.
    #[prop_or_default]
    pub multiline: bool,
    /// Called with the language changed and its new text.
    pub on_change: Callback<(Lang, String)>,
}

/// A text in zh-CN and English.
#[function_component(BothLangs)]
pub fn both_langs(props: &BothLangsProps) -> Html {
    let one = |l: Lang, suffix: &str, name: A| {
        let value = AttrValue::from(match l {
            Lang::Zh => props.text.zh.clone(),
            Lang::En => props.text.en.clone(),
        });
        html! {
            <TextField id={format!("{}-{suffix}", props.id)} label={name.get(props.lang)} {value}
                multiline={props.multiline} on_change={props.on_change.reform(move |t| (l, t))} />
        }
    };
    html! {
        <fieldset class="both-langs"><legend>{ props.label.clone() }</legend>
            { one(Lang::Zh, "zh", A::Zh) }{ one(Lang::En, "en", A::En) }
        </fieldset>
    }
}

/// Properties of [`NumberField`].
#[derive(Properties, PartialEq, Clone)]
pub struct NumberFieldProps {
    /// The input's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// The number.
    pub value: Option<f64>,
    /// Whether it may be left empty.
    #[prop_or_default]
    pub optional: bool,
    /// The interface language.
    pub lang: Lang,
    /// Called with the new number (`None` when emptied).
    pub on_change: Callback<Option<f64>>,
}

/// A number.
#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let error = use_state(|| None::<String>);
    let onchange = {
        let (error, on_change, optional, lang) =
            (error.clone(), props.on_change.clone(), props.optional, props.lang);
        Callback::from(move |e: Event| {
            let Some(text) = value_of(&e) else { return };
            if text.trim().is_empty() && optional {
                error.set(None);
                return on_change.emit(None);
            }
            match parse_number(&text) {
                Ok(x) => {
                    error.set(None);
                    on_change.emit(Some(x))
                }
                Err(e) => error.set(Some(e.0.get(lang).to_owned())),
            }
        })
    };
    let value = props.value.map(|x| x.to_string()).unwrap_or_default();
    html! {
        <p class="field number">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} type="text" inputmode="decimal" {value} {onchange} autocomplete="off" />
            if let Some(e) = &*error { <span class="field-error" role="alert">{ e }</span> }
        </p>
    }
}

/// Properties of [`Toggle`].
#[derive(Properties, PartialEq, Clone)]
pub struct ToggleProps {
    /// The checkbox's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// Whether it is on.
    pub checked: bool,
    /// Called with the new state.
    pub on_change: Callback<bool>,
}

/// A switch.
#[function_component(Toggle)]
pub fn toggle(props: &ToggleProps) -> Html {
    let (on_change, checked) = (props.on_change.clone(), props.checked);
    let onchange = Callback::from(move |_| on_change.emit(!checked));
    html! {
        <p class="field toggle">
            <input id={props.id.clone()} type="checkbox" {checked} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
        </p>
    }
}

/// Properties of [`SelectField`].
#[derive(Properties, PartialEq, Clone)]
pub struct SelectFieldProps {
    /// The select's id.
    pub id: AttrValue,
    /// Its label.
    pub label: AttrValue,
    /// The choices: value and what is shown.
    pub options: Vec<(String, String)>,
    /// The value chosen.
    pub selected: String,
    /// Called with the value chosen.
    pub on_change: Callback<String>,
}

/// A choice.
#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(v) = value_of(&e) {
            on_change.emit(v)
        }
    });
    let options = props.options.iter().map(|(value, label)| {
        html! { <option value={value.clone()} selected={*value == props.selected}>{ label }</option> }
    });
    html! {
        <p class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange}>{ for options }</select>
        </p>
    }
}
