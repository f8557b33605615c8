//! A timed item (waiting or handling time): its stopwatch, which keeps running across sections and
//! reloads, and the minutes it filled in, which the evaluator may also type.

use super::texts::T;
use crate::components::NumberAnswer;
use crate::platform::clock;
use manyi_core::evaluation::stopwatch::{Stopwatch, WatchAction};
use manyi_core::Lang;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use yew::prelude::*;

/// Properties of [`TimedItem`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimedItemProps {
    /// The item's id, for the field.
    pub id: AttrValue,
    /// Its stopwatch.
    pub watch: Stopwatch,
    /// The minutes recorded.
    pub minutes: Option<f64>,
    /// The unit shown.
    pub unit: Option<AttrValue>,
    /// The language.
    pub lang: Lang,
    /// Called with a stopwatch move and the time it was made.
    pub on_watch: Callback<(WatchAction, i64)>,
    /// Called with minutes typed.
    pub on_minutes: Callback<f64>,
    /// Called when the minutes are emptied.
    pub on_clear: Callback<()>,
}

/// Re-renders every half second while `running`.
#[hook]
fn use_ticking(running: bool) {
    let tick = use_state(|| 0u32);
    use_effect_with(running, move |&running| {
        let alive = Rc::new(Cell::new(running));
        if running {
            let alive = Rc::clone(&alive);
            yew::platform::spawn_local(async move {
                while alive.get() {
                    yew::platform::time::sleep(Duration::from_millis(500)).await;
                    if alive.get() {
                        tick.set(tick.wrapping_add(1));
                    }
                }
            });
        }
        move || alive.set(false)
    });
}

/// The stopwatch and the minutes.
#[function_component(TimedItem)]
pub fn timed_item(props: &TimedItemProps) -> Html {
    let lang = props.lang;
    let running = props.watch.is_running();
    use_ticking(running);
    let now = clock::now_ms();
    let button = |action: WatchAction, text: T, class: &'static str| {
        let on_watch = props.on_watch.clone();
        let onclick = Callback::from(move |_| on_watch.emit((action, clock::now_ms())));
        html! { <button type="button" class={classes!("watch-button", class)} {onclick}>{ text.get(lang) }</button> }
    };
    let main = if running {
        button(WatchAction::Stop, T::StopWatch, "watch-stop")
    } else if props.watch.elapsed_ms > 0 {
        button(WatchAction::Start, T::GoOn, "watch-start")
    } else {
        button(WatchAction::Start, T::StartWatch, "watch-start")
    };
    let reset = (!running && props.watch.elapsed_ms > 0)
        .then(|| button(WatchAction::Reset, T::ResetWatch, "watch-reset"));
    html! {
        <div class={classes!("timed", running.then_some("running"))}>
            <div class="stopwatch" role="timer" aria-label={T::Stopwatch.get(lang)}>
                <span class="watch-time">{ props.watch.display(now) }</span>
                { main }
                { for reset }
            </div>
            <NumberAnswer id={props.id.clone()} value={props.minutes} unit={props.unit.clone()} {lang}
                on_number={props.on_minutes.clone()} on_clear={props.on_clear.clone()} />
        </div>
    }
}
