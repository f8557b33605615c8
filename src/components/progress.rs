//! How far the person is: a bar and "3 / 14".

use crate::i18n::Ui;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`Progress`].
#[derive(Properties, PartialEq, Clone)]
pub struct ProgressProps {
    /// The screen shown, counting from 1.
    pub position: usize,
    /// How many screens there are.
    pub total: usize,
    /// The language of the label.
    pub lang: Lang,
}

/// The progress bar.
#[function_component(Progress)]
pub fn progress(props: &ProgressProps) -> Html {
    let text = format!("{} / {}", props.position, props.total);
    html! {
        <div class="progress">
            <progress max={props.total.to_string()} value={props.position.to_string()}
                aria-label={Ui::Progress.get(props.lang)} />
            <span class="progress-text">{ text }</span>
        </div>
    }
}
