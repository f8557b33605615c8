//! The welcome screen: the questionnaire's title and one large 开始 / Start button.

use crate::i18n::Ui;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`StartScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct StartScreenProps {
    /// The questionnaire's title.
    pub title: AttrValue,
    /// Its introduction.
    #[prop_or_default]
    pub intro: Option<String>,
    /// The language.
    pub lang: Lang,
    /// Whether the store is settled (a draft to resume would already be shown).
    pub ready: bool,
    /// Called when the person taps Start.
    pub on_start: Callback<()>,
}

/// The welcome screen.
#[function_component(StartScreen)]
pub fn start_screen(props: &StartScreenProps) -> Html {
    let on_start = props.on_start.reform(|_: MouseEvent| ());
    let intro = props.intro.as_ref().map(|t| html! { <p class="intro">{ t }</p> });
    let label = if props.ready { Ui::Start } else { Ui::Loading };
    html! {
        <section class="start">
            <h1>{ &props.title }</h1>
            { for intro }
            <button type="button" class="primary start-button" disabled={!props.ready} onclick={on_start}>
                { label.get(props.lang) }
            </button>
        </section>
    }
}
