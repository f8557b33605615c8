//! The idle countdown over a survey nobody touches: "are you still there?", the seconds left, and
//! one large button to go on (any touch goes on too).

use crate::kiosk::texts::K;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`IdleCountdown`].
#[derive(Properties, PartialEq, Clone)]
pub struct IdleCountdownProps {
    /// The language.
    pub lang: Lang,
    /// Seconds left.
    pub seconds_left: u32,
    /// Called on Continue (the touch itself already resets the idle time).
    pub on_continue: Callback<()>,
}

/// The countdown dialog.
#[function_component(IdleCountdown)]
pub fn idle_countdown(props: &IdleCountdownProps) -> Html {
    let on_continue = props.on_continue.reform(|_: MouseEvent| ());
    html! {
        <div class="overlay">
            <div class="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title"
                aria-describedby="idle-body">
                <h2 id="idle-title">{ K::IdleTitle.get(props.lang) }</h2>
                <p id="idle-body" class="idle-seconds" aria-live="polite">{ K::IdleBody.n(props.lang, props.seconds_left) }</p>
                <button type="button" class="primary" onclick={on_continue}>{ K::Continue.get(props.lang) }</button>
            </div>
        </div>
    }
}
