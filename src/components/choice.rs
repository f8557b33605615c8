//! A single-choice question as one large button per option.

use manyi_core::questionnaire::item::{Choice, ChoiceCode};
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`SingleChoice`].
#[derive(Properties, PartialEq, Clone)]
pub struct SingleChoiceProps {
    /// The options in display order.
    pub options: Vec<Choice>,
    /// The language of the labels.
    pub lang: Lang,
    /// The option chosen so far.
    #[prop_or_default]
    pub selected: Option<ChoiceCode>,
    /// The id of the question's heading, which names the group.
    #[prop_or_default]
    pub labelled_by: Option<AttrValue>,
    /// Called with the code of the option tapped.
    pub on_choose: Callback<ChoiceCode>,
}

/// The options as buttons.
#[function_component(SingleChoice)]
pub fn single_choice(props: &SingleChoiceProps) -> Html {
    let buttons = props.options.iter().map(|option| {
        let chosen = props.selected.as_ref() == Some(&option.code);
        let (code, on_choose) = (option.code.clone(), props.on_choose.clone());
        html! {
            <button type="button" class={classes!("choice", chosen.then_some("selected"))}
                aria-pressed={chosen.to_string()} onclick={move |_| on_choose.emit(code.clone())}>
                { option.label.get(props.lang) }
            </button>
        }
    });
    html! {
        <div class="choices" role="group" aria-labelledby={props.labelled_by.clone()}>{ for buttons }</div>
    }
}
