//! A yes/no question (and N/A when offered) as large buttons.

use crate::i18n::Ui;
use manyi_core::response::answer::Answer;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`YesNo`].
#[derive(Properties, PartialEq, Clone)]
pub struct YesNoProps {
    /// The language of the labels.
    pub lang: Lang,
    /// Whether N/A is offered.
    #[prop_or_default]
    pub not_applicable: bool,
    /// The answer given so far.
    #[prop_or_default]
    pub selected: Option<Answer>,
    /// The id of the question's heading, which names the group.
    #[prop_or_default]
    pub labelled_by: Option<AttrValue>,
    /// Called with the answer tapped.
    pub on_answer: Callback<Answer>,
}

/// Yes, no (and N/A).
#[function_component(YesNo)]
pub fn yes_no(props: &YesNoProps) -> Html {
    let mut options = vec![(Answer::Yes, Ui::Yes), (Answer::No, Ui::No)];
    if props.not_applicable {
        options.push((Answer::NotApplicable, Ui::NotApplicable));
    }
    let buttons = options.into_iter().map(|(answer, text)| {
        let chosen = props.selected.as_ref() == Some(&answer);
        let on_answer = props.on_answer.clone();
        html! {
            <button type="button" class={classes!("choice", chosen.then_some("selected"))}
                aria-pressed={chosen.to_string()} onclick={move |_| on_answer.emit(answer.clone())}>
                { text.get(props.lang) }
            </button>
        }
    });
    html! {
        <div class="choices yes-no" role="group" aria-labelledby={props.labelled_by.clone()}>{ for buttons }</div>
    }
}
