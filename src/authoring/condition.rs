//! The show-if editor: a simple condition as a form (operator, earlier item, value or options),
//! anything combined (all / any / not) as JSON read by core's serde. The form's logic is here and
//! tested natively; the component only draws it.

use super::fields::SelectField;
use super::texts::A;
use manyi_core::authoring::{parse_number, Edit};
use manyi_core::questionnaire::condition::Condition;
use manyi_core::questionnaire::item::{ChoiceCode, Item, ItemId};
use manyi_core::{Lang, Text};
use yew::prelude::*;

/// The kinds of condition the form offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// No condition.
    Always,
    /// The item is answered.
    Answered,
    /// Some of the options are chosen.
    Chosen,
    /// A number at most.
    AtMost,
    /// A number at least.
    AtLeast,
    /// Answered yes.
    Yes,
    /// Answered no.
    No,
    /// Anything else, as JSON.
    Json,
}

impl Op {
    /// Every operator, in the order offered.
    pub const ALL: [Op; 8] =
        [Op::Always, Op::Answered, Op::Chosen, Op::AtMost, Op::AtLeast, Op::Yes, Op::No, Op::Json];

    /// Its code in the form.
    pub fn code(self) -> &'static str {
        match self {
            Op::Always => "always",
            Op::Answered => "answered",
            Op::Chosen => "chosen",
            Op::AtMost => "at_most",
            Op::AtLeast => "at_least",
            Op::Yes => "yes",
            Op::No => "no",
            Op::Json => "json",
        }
    }

    fn label(self) -> A {
        match self {
            Op::Always => A::Always,
            Op::Answered => A::Answered,
            Op::Chosen => A::Chosen,
            Op::AtMost => A::AtMost,
            Op::AtLeast => A::AtLeast,
            Op::Yes => A::IsYes,
            Op::No => A::IsNo,
            Op::Json => A::AdvancedJson,
        }
    }
}

/// The form's fields.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConditionForm {
    /// The operator.
    pub op: Option<Op>,
    /// The earlier item.
    pub item: String,
    /// The bound, as typed.
    pub value: String,
    /// The options chosen.
    pub codes: Vec<String>,
    /// The whole condition as JSON.
    pub json: String,
}

impl ConditionForm {
    /// The form showing `c`.
    pub fn of(c: Option<&Condition>) -> ConditionForm {
        let json = c.map(|c| serde_json::to_string(c).expect("conditions serialise")).unwrap_or_default();
        let (op, item, value, codes) = match c {
            None => (Op::Always, String::new(), String::new(), Vec::new()),
            Some(Condition::Answered { item }) => (Op::Answered, item.to_string(), String::new(), Vec::new()),
            Some(Condition::Chosen { item, any_of }) => (
                Op::Chosen,
                item.to_string(),
                String::new(),
                any_of.iter().map(ToString::to_string).collect(),
            ),
            Some(Condition::AtMost { item, value }) => {
                (Op::AtMost, item.to_string(), value.to_string(), Vec::new())
            }
            Some(Condition::AtLeast { item, value }) => {
                (Op::AtLeast, item.to_string(), value.to_string(), Vec::new())
            }
            Some(Condition::Yes { item }) => (Op::Yes, item.to_string(), String::new(), Vec::new()),
            Some(Condition::No { item }) => (Op::No, item.to_string(), String::new(), Vec::new()),
            Some(_) => (Op::Json, String::new(), String::new(), Vec::new()),
        };
        ConditionForm { op: Some(op), item, value, codes, json }
    }

    /// The condition the form describes (`None`: always shown), or what is missing.
    pub fn to_condition(&self) -> Result<Option<Condition>, Text> {
        let op = self.op.unwrap_or(Op::Always);
        if !matches!(op, Op::Always | Op::Json) && self.item.is_empty() {
            return Err(Text::new("请选择条件所依据的题目", "choose the item the condition is on"));
        }
        let item = ItemId::new(self.item.as_str());
        Ok(Some(match op {
            Op::Always => return Ok(None),
            Op::Answered => Condition::Answered { item },
            Op::Chosen => {
                if self.codes.is_empty() {
                    return Err(Text::new("请至少选择一个选项", "choose at least one option"));
                }
                Condition::Chosen {
                    item,
                    any_of: self.codes.iter().map(|c| ChoiceCode::new(c.as_str())).collect(),
                }
            }
            Op::AtMost | Op::AtLeast => {
                let value = parse_number(&self.value).map_err(|e| e.0)?;
                if op == Op::AtMost {
                    Condition::AtMost { item, value }
                } else {
                    Condition::AtLeast { item, value }
                }
            }
            Op::Yes => Condition::Yes { item },
            Op::No => Condition::No { item },
            Op::Json => {
                if self.json.trim().is_empty() {
                    return Ok(None);
                }
                serde_json::from_str(&self.json).map_err(|e| {
                    Text::new(format!("条件 JSON 有误：{e}"), format!("the condition's JSON is wrong: {e}"))
                })?
            }
        }))
    }
}

/// Properties of [`ShowIfEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct ShowIfProps {
    /// The item's position.
    pub at: usize,
    /// Its condition.
    pub condition: Option<Condition>,
    /// The items before it.
    pub earlier: Vec<Item>,
    /// The interface language.
    pub lang: Lang,
    /// Called with the edit.
    pub on_edit: Callback<Edit>,
}

/// The show-if editor of one item.
#[function_component(ShowIfEditor)]
pub fn show_if_editor(props: &ShowIfProps) -> Html {
    let lang = props.lang;
    // The raw fields are named for the part they are in, as the editor's fields are.
    let scope = use_context::<super::fields::FieldScope>();
    let named = |what: A| {
        let base = format!("{} · {}", A::ShowIf.get(lang), what.get(lang));
        scope.as_ref().map_or(base.clone(), |s| format!("{} · {base}", s.0))
    };
    let form = use_state(|| ConditionForm::of(props.condition.as_ref()));
    let error = use_state(|| None::<Text>);
    let update = {
        let (form, error, on_edit, at) = (form.clone(), error.clone(), props.on_edit.clone(), props.at);
        Callback::from(move |next: ConditionForm| {
            match next.to_condition() {
                Ok(c) => {
                    error.set(None);
                    on_edit.emit(Edit::SetShowIf(at, c));
                }
                Err(e) => error.set(Some(e)),
            }
            form.set(next);
        })
    };
    let id = |what: &str| format!("item-{}-show-{what}", props.at);
    let op = form.op.unwrap_or(Op::Always);
    let ops: Vec<(String, String)> =
        Op::ALL.iter().map(|o| (o.code().to_owned(), o.label().get(lang).to_owned())).collect();
    let on_op = {
        let (form, update) = (form.clone(), update.clone());
        Callback::from(move |code: String| {
            let op = Op::ALL.into_iter().find(|o| o.code() == code);
            update.emit(ConditionForm { op, ..(*form).clone() })
        })
    };
    let target = props.earlier.iter().find(|i| i.id.as_str() == form.item);
    let item_field = (!matches!(op, Op::Always | Op::Json)).then(|| {
        let mut options = vec![(String::new(), A::NoneChosen.get(lang).to_owned())];
        options.extend(
            props.earlier.iter().map(|i| (i.id.to_string(), format!("{} {}", i.id, i.text.get(lang)))),
        );
        let selected = form.item.clone();
        let (form, update) = (form.clone(), update.clone());
        let on_change = Callback::from(move |item: String| {
            update.emit(ConditionForm { item, codes: Vec::new(), ..(*form).clone() })
        });
        html! { <SelectField id={id("item")} label={A::Item.get(lang)} {options} {selected} {on_change} /> }
    });
    let value_field = matches!(op, Op::AtMost | Op::AtLeast).then(|| {
        let shown = form.value.clone();
        let (form, update) = (form.clone(), update.clone());
        let onchange = Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            update.emit(ConditionForm { value, ..(*form).clone() })
        });
        html! {
            <p class="field"><label for={id("value")}>{ A::Value.get(lang) }</label>
                <input id={id("value")} type="text" inputmode="decimal" value={shown} aria-label={named(A::Value)} {onchange} /></p>
        }
    });
    let codes = (op == Op::Chosen).then(|| {
        let boxes = target.map(|t| t.kind.options().to_vec()).unwrap_or_default().into_iter().map(|o| {
            let code = o.code.to_string();
            let checked = form.codes.contains(&code);
            let (form, update) = (form.clone(), update.clone());
            let onchange = Callback::from(move |_| {
                let mut next = (*form).clone();
                if checked {
                    next.codes.retain(|c| *c != code);
                } else {
                    next.codes.push(code.clone());
                }
                update.emit(next)
            });
            html! { <label class="check-option"><input type="checkbox" {checked} {onchange} />{ format!(" {} {}", o.code, o.label.get(lang)) }</label> }
        });
        html! { <div class="field codes">{ for boxes }</div> }
    });
    let json = (op == Op::Json).then(|| {
        let shown = form.json.clone();
        let (form, update) = (form.clone(), update.clone());
        let onchange = Callback::from(move |e: Event| {
            let json = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            update.emit(ConditionForm { json, ..(*form).clone() })
        });
        html! {
            <p class="field"><label for={id("json")}>{ A::AdvancedJson.get(lang) }</label>
                <textarea id={id("json")} rows="3" value={shown} aria-label={named(A::AdvancedJson)} {onchange} /></p>
        }
    });
    html! {
        <fieldset class="show-if"><legend>{ A::ShowIf.get(lang) }</legend>
            <SelectField id={id("op")} label={A::Condition.get(lang)} options={ops} selected={op.code()} on_change={on_op} />
            { for item_field }{ for value_field }{ for codes }{ for json }
            if let Some(e) = &*error { <p class="field-error" role="alert">{ e.get(lang) }</p> }
        </fieldset>
    }
}

#[cfg(test)]
mod tests;
