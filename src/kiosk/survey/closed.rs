//! The closed screen, outside opening hours: no survey, the next opening, and the staff button.

use crate::kiosk::texts::K;
use chrono::NaiveDateTime;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`ClosedScreen`].
#[derive(Properties, PartialEq, Clone)]
pub struct ClosedScreenProps {
    /// The language.
    pub lang: Lang,
    /// When the hall opens again, if known.
    #[prop_or_default]
    pub opens: Option<NaiveDateTime>,
    /// The staff button.
    pub staff: Html,
}

/// The closed screen.
#[function_component(ClosedScreen)]
pub fn closed_screen(props: &ClosedScreenProps) -> Html {
    let lang = props.lang;
    let opens = props.opens.map(|t| {
        let when = crate::view::clock_text::next_opening(t, lang);
        html! { <p class="opens">{ K::OpensAgain.get(lang) }{ when }</p> }
    });
    html! {
        <section class="closed">
            <h1>{ K::ClosedTitle.get(lang) }</h1>
            <p>{ K::ClosedBody.get(lang) }</p>
            { for opens }
            { props.staff.clone() }
        </section>
    }
}
