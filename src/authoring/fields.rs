//! The editor's form fields: a text, a text in both languages, a number (typed as people type,
//! read by core's parser), a switch and a choice. Each hands over its value when it changes.
//!
//! A field inside a part that repeats (a scale, a dimension, an item) is named for it: the part
//! provides a [`FieldScope`], and each field's accessible name is `scope · label` (`量表
//! satisfaction · 最低分`), so no two fields are both just 「中文」 or 「最低分」.

use super::texts::A;
use manyi_core::authoring::parse_number;
use manyi_core::{Lang, Text};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the fields inside a repeated part belong to (`量表 satisfaction`, `item_1`).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldScope(pub String);

/// The accessible name of a field labelled `label` (or named `name`) in the current scope, when
/// it differs from its visible label.
#[hook]
fn use_field_name(label: &AttrValue, name: Option<&AttrValue>) -> Option<AttrValue> {
    let scope = use_context::<FieldScope>();
    let base = name.unwrap_or(label);
    match scope {
        Some(FieldScope(s)) => Some(AttrValue::from(format!("{s} · {base}"))),
        None => name.cloned(),
    }
}

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
    /// Its accessible name, when the label alone says too little (`标题（中文）`).
    #[prop_or_default]
    pub name: Option<AttrValue>,
    /// Called with the new text.
    pub on_change: Callback<String>,
}

/// A text.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let aria = use_field_name(&props.label, props.name.as_ref());
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some(v) = value_of(&e) {
            on_change.emit(v)
        }
    });
    let input = if props.multiline {
        html! { <textarea id={props.id.clone()} rows="2" value={props.value.clone()} aria-label={aria} {onchange} /> }
    } else {
        html! { <input id={props.id.clone()} type="text" value={props.value.clone()} aria-label={aria} {onchange} autocomplete="off" /> }
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
                name={AttrValue::from(format!("{}（{}）", props.label, name.get(props.lang)))}
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
    let aria = use_field_name(&props.label, None);
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
            <input id={props.id.clone()} type="text" inputmode="decimal" {value} aria-label={aria} {onchange} autocomplete="off" />
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
    let aria = use_field_name(&props.label, None);
    let (on_change, checked) = (props.on_change.clone(), props.checked);
    let onchange = Callback::from(move |_| on_change.emit(!checked));
    html! {
        <p class="field toggle">
            <input id={props.id.clone()} type="checkbox" {checked} aria-label={aria} {onchange} />
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
    let aria = use_field_name(&props.label, None);
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
            <select id={props.id.clone()} aria-label={aria} {onchange}>{ for options }</select>
        </p>
    }
}
