//! The thank-you screen, shown only once the response is committed to storage, with the seconds
//! until the attract screen returns; before that "saving…", and a clear message if it failed.

use crate::i18n::Ui;
use crate::kiosk::texts::K;
use manyi_core::Lang;
use yew::prelude::*;

/// Where the submitted response stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Being written.
    Pending,
    /// Committed; the attract screen returns in this many seconds.
    Stored(Option<u32>),
    /// The write failed.
    Failed(String),
}

/// Properties of [`ThanksScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct ThanksScreenProps {
    /// The language.
    pub lang: Lang,
    /// Where the response stands.
    pub saved: Saved,
    /// Called when the person is done.
    pub on_done: Callback<()>,
    /// Called to write the response again.
    pub on_retry: Callback<()>,
}

/// Thanks, and back to the start for the next customer.
#[function_component(ThanksScreen)]
pub fn thanks_screen(props: &ThanksScreenProps) -> Html {
    let lang = props.lang;
    match &props.saved {
        Saved::Pending => html! {
            <section class="thanks saving" aria-busy="true"><h1>{ K::Saving.get(lang) }</h1></section>
        },
        Saved::Failed(reason) => {
            let on_retry = props.on_retry.reform(|_: MouseEvent| ());
            html! {
                <section class="save-failed">
                    <h1 role="alert">{ K::SaveFailedCustomer.get(lang) }</h1>
                    <p class="notice-detail">{ reason }</p>
                    <button type="button" class="primary" onclick={on_retry}>{ K::Retry.get(lang) }</button>
                </section>
            }
        }
        Saved::Stored(left) => {
            let on_done = props.on_done.reform(|_: MouseEvent| ());
            let left = left.map(|n| html! { <p class="thanks-countdown">{ K::ThanksReturn.n(lang, n) }</p> });
            html! {
                <section class="thanks">
                    <h1>{ Ui::ThanksTitle.get(lang) }</h1>
                    <p>{ Ui::ThanksBody.get(lang) }</p>
                    { for left }
                    <button type="button" class="primary" onclick={on_done}>{ Ui::BackToStart.get(lang) }</button>
                </section>
            }
        }
    }
}
