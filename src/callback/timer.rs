//! The call timer: the time since the call started, ticking every second.

use super::texts::T;
use chrono::{DateTime, FixedOffset};
use manyi_core::callback::rows::duration_text;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`CallTimer`].
#[derive(Properties, PartialEq, Clone)]
pub struct CallTimerProps {
    /// When the call started.
    pub started_at: DateTime<FixedOffset>,
    /// The language of the label.
    pub lang: Lang,
}

/// `通话计时 2:35`.
#[function_component(CallTimer)]
pub fn call_timer(props: &CallTimerProps) -> Html {
    let now = use_state(crate::platform::clock::now);
    {
        let now = now.clone();
        use_effect_with((), move |_| {
            let interval =
                gloo_timers::callback::Interval::new(1_000, move || now.set(crate::platform::clock::now()));
            move || drop(interval)
        });
    }
    let seconds = (*now - props.started_at).num_seconds().clamp(0, i64::from(u32::MAX)) as u32;
    html! {
        <p class="call-timer" role="timer" aria-label={T::CallTime.get(props.lang)}>
            <span class="call-timer-label">{ T::CallTime.get(props.lang) }</span>
            <span class="call-timer-value">{ duration_text(seconds) }</span>
        </p>
    }
}
