//! The visit's setup: which checklist, the evaluator's id, the hall, and the date and time of the
//! visit (now, unless the evaluator fills the checklist in afterwards).

use super::texts::T;
use super::view::{parse_time_field, time_field};
use crate::platform::clock;
use manyi_core::evaluation::checklist::{ChecklistProblem, VisitSetup};
use manyi_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A checklist the evaluator can choose.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistChoice {
    /// Its id.
    pub id: String,
    /// Its title and version, as shown.
    pub label: String,
}

/// Properties of [`SetupForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct SetupFormProps {
    /// The checklists to choose from (offered only before a visit starts).
    pub choices: Vec<ChecklistChoice>,
    /// The checklist chosen.
    pub chosen: String,
    /// What the fields start with.
    pub initial: VisitSetup,
    /// Whether a visit is in progress (its setup is being corrected).
    pub drafting: bool,
    /// Why the last setup was refused.
    #[prop_or_default]
    pub problem: Option<ChecklistProblem>,
    /// The language.
    pub lang: Lang,
    /// Called with another checklist's id.
    pub on_choose: Callback<String>,
    /// Called with the setup.
    pub on_submit: Callback<VisitSetup>,
}

fn input_value(e: &Event) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value())
}

fn field(id: &str, label: &str, kind: &str, state: &UseStateHandle<String>) -> Html {
    let value = (**state).clone();
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = input_value(&e) {
                state.set(v)
            }
        })
    };
    html! {
        <p class="field">
            <label for={id.to_owned()}>{ label }</label>
            <input id={id.to_owned()} type={kind.to_owned()} {value} {oninput} autocomplete="off" />
        </p>
    }
}

/// The form.
#[function_component(SetupForm)]
pub fn setup_form(props: &SetupFormProps) -> Html {
    let lang = props.lang;
    let evaluator = use_state(|| props.initial.evaluator.clone());
    let hall = use_state(|| props.initial.hall.clone());
    let time = use_state(|| time_field(props.initial.visited_at));
    let bad_time = use_state(|| false);
    let onsubmit = {
        let (evaluator, hall, time, bad_time) =
            (evaluator.clone(), hall.clone(), time.clone(), bad_time.clone());
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_time_field(&time, *clock::now().offset()) {
                Some(visited_at) => {
                    bad_time.set(false);
                    on_submit.emit(VisitSetup {
                        evaluator: (*evaluator).clone(),
                        hall: (*hall).clone(),
                        visited_at,
                    })
                }
                None => bad_time.set(true),
            }
        })
    };
    let problem = match (&props.problem, *bad_time) {
        (_, true) => Some(T::VisitTime),
        (Some(ChecklistProblem::NoEvaluator), _) => Some(T::NoEvaluator),
        (Some(ChecklistProblem::NoHall), _) => Some(T::NoHall),
        (Some(ChecklistProblem::VisitInFuture), _) => Some(T::VisitInFuture),
        _ => None,
    };
    let chooser = (!props.drafting && props.choices.len() > 1).then(|| {
        let on_choose = props.on_choose.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(s) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                on_choose.emit(s.value())
            }
        });
        let options = props.choices.iter().map(|c| {
            html! { <option value={c.id.clone()} selected={c.id == props.chosen}>{ &c.label }</option> }
        });
        html! {
            <p class="field">
                <label for="visit-checklist">{ T::Checklist.get(lang) }</label>
                <select id="visit-checklist" {onchange}>{ for options }</select>
            </p>
        }
    });
    let submit = if props.drafting { T::SaveSetup } else { T::StartVisit };
    html! {
        <form class="visit-setup" {onsubmit} novalidate=true>
            { for chooser }
            { field("visit-evaluator", T::Evaluator.get(lang), "text", &evaluator) }
            { field("visit-hall", T::Hall.get(lang), "text", &hall) }
            { field("visit-time", T::VisitTime.get(lang), "datetime-local", &time) }
            if let Some(p) = problem { <p class="field-error" role="alert">{ p.get(lang) }</p> }
            <button type="submit" class="primary">{ submit.get(lang) }</button>
        </form>
    }
}
