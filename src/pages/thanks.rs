//! The thank-you screen after submitting.

use crate::i18n::Ui;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`ThanksScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct ThanksScreenProps {
    /// The language.
    pub lang: Lang,
    /// Called when the person is done.
    pub on_done: Callback<()>,
}

/// Thanks, and back to the start for the next customer.
#[function_component(ThanksScreen)]
pub fn thanks_screen(props: &ThanksScreenProps) -> Html {
    let on_done = props.on_done.reform(|_: MouseEvent| ());
    html! {
        <section class="thanks">
            <h1>{ Ui::ThanksTitle.get(props.lang) }</h1>
            <p>{ Ui::ThanksBody.get(props.lang) }</p>
            <button type="button" class="primary" onclick={on_done}>{ Ui::BackToStart.get(props.lang) }</button>
        </section>
    }
}
