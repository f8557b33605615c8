//! The attract screen between customers: "请评价本次服务 / Please rate our service", one large
//! button to start, and a small staff button.

use crate::kiosk::texts::K;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`StartScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct StartScreenProps {
    /// The questionnaire's title.
    pub title: AttrValue,
    /// The language.
    pub lang: Lang,
    /// Whether the store is settled (a draft to resume would already be shown).
    pub ready: bool,
    /// Why the questionnaire the settings name cannot run here (then no one can start).
    #[prop_or_default]
    pub unavailable: Vec<String>,
    /// Called when the person taps Start.
    pub on_start: Callback<()>,
    /// The staff button.
    pub staff: Html,
}

/// The attract screen.
#[function_component(StartScreen)]
pub fn start_screen(props: &StartScreenProps) -> Html {
    let on_start = props.on_start.reform(|_: MouseEvent| ());
    let label =
        if props.ready { K::StartRating.get(props.lang) } else { crate::i18n::Ui::Loading.get(props.lang) };
    if !props.unavailable.is_empty() {
        return html! {
            <section class="start attract">
                <h1>{ K::Unavailable.get(props.lang) }</h1>
                <ul class="error" role="alert">{ for props.unavailable.iter().map(|why| html! { <li>{ why }</li> }) }</ul>
                { props.staff.clone() }
            </section>
        };
    }
    html! {
        <section class="start attract">
            <p class="attract-questionnaire">{ &props.title }</p>
            <h1>{ K::AttractTitle.get(props.lang) }</h1>
            <p class="intro">{ K::AttractHint.get(props.lang) }</p>
            <button type="button" class="primary start-button" disabled={!props.ready} onclick={on_start}>
                { label }
            </button>
            { props.staff.clone() }
        </section>
    }
}
