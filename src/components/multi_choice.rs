//! A multiple-choice question: one toggle button per option.

use manyi_core::questionnaire::item::{Choice, ChoiceCode};
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`MultipleChoice`].
#[derive(Properties, PartialEq, Clone)]
pub struct MultipleChoiceProps {
    /// The options in display order.
    pub options: Vec<Choice>,
    /// The language of the labels.
    pub lang: Lang,
    /// The options chosen so far.
    #[prop_or_default]
    pub selected: Vec<ChoiceCode>,
    /// The id of the question's heading, which names the group.
    #[prop_or_default]
    pub labelled_by: Option<AttrValue>,
    /// Called with the options chosen after a tap, in display order (empty when none is left).
    pub on_change: Callback<Vec<ChoiceCode>>,
}

/// The options as toggles.
#[function_component(MultipleChoice)]
pub fn multiple_choice(props: &MultipleChoiceProps) -> Html {
    let buttons = props.options.iter().map(|option| {
        let chosen = props.selected.contains(&option.code);
        let toggled: Vec<ChoiceCode> = props
            .options
            .iter()
            .map(|o| &o.code)
            .filter(|c| if *c == &option.code { !chosen } else { props.selected.contains(c) })
            .cloned()
            .collect();
        let on_change = props.on_change.clone();
        html! {
            <button type="button" class={classes!("choice", chosen.then_some("selected"))}
                aria-pressed={chosen.to_string()} onclick={move |_| on_change.emit(toggled.clone())}>
                { option.label.get(props.lang) }
            </button>
        }
    });
    html! {
        <div class="choices multiple" role="group" aria-labelledby={props.labelled_by.clone()}>{ for buttons }</div>
    }
}
