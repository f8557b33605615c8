//! The kiosk's timers and listeners, mounted once beside the screens: a tick that drives the
//! idle countdown, the thank-you timer, the opening hours and the staff lock; every touch resets
//! the idle time; an expired session is closed (kept as a break-off or discarded) and stored
//! before the attract screen returns; a staff screen that locks itself goes back to the kiosk.

use super::startup::apply_closing;
use super::state::KioskAction;
use crate::app::{AppContext, StoreStatus};
use crate::platform::location::{self, Route};
use crate::platform::timer::{last_activity, ActivityListener, Interval};
use crate::platform::{clock, go};
use crate::state::{Action, Notice};
use manyi_core::kiosk::IdlePhase;
use manyi_core::session::survey::SurveyAction;
use yew::platform::spawn_local;
use yew::prelude::*;

/// How often the clock is read (ms): the countdown's seconds change on time within this.
const TICK_MS: i32 = 250;

/// The kiosk's timers (renders nothing).
#[function_component(KioskRuntime)]
pub fn kiosk_runtime() -> Html {
    let ctx = use_context::<AppContext>().expect("KioskRuntime is rendered inside App");
    {
        let state = ctx.state.clone();
        use_effect_with((), move |_| {
            let tick = state.clone();
            let interval = Interval::new(TICK_MS, move || {
                let (now, last_touch) = (clock::now(), last_activity());
                tick.dispatch(Action::Kiosk(KioskAction::Tick { now, last_touch }))
            });
            let touch = ActivityListener::new(move || state.dispatch(Action::Kiosk(KioskAction::Touch)));
            move || drop((interval, touch))
        });
    }
    {
        // The countdown ran out: close the partial response as the policy says, store it, and
        // only then clear the screen (a failure is shown to staff; the screen is cleared anyway).
        let expired = ctx.state.kiosk.idle == IdlePhase::Expired;
        let (state, store) = (ctx.state.clone(), ctx.store.clone());
        use_effect_with(expired, move |&expired| {
            let settings = state.kiosk.settings.clone();
            if let (true, Some(draft), Some(settings)) = (expired, state.survey.draft.clone(), settings) {
                let closing = settings.idle.close(&draft, clock::now());
                spawn_local(async move {
                    if let StoreStatus::Ready(store) = store {
                        if let Err(e) = apply_closing(&store, &closing, settings.low_score_threshold).await {
                            state.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())));
                            state.dispatch(Action::Kiosk(KioskAction::SaveFailed(e.to_string())));
                        }
                    }
                    state.dispatch(Action::Survey(SurveyAction::Abandon));
                });
            }
        });
    }
    {
        // Staff screens that lock themselves (or are locked) go back to the customer's flow.
        let unlocked = ctx.state.kiosk.unlocked();
        let was = use_mut_ref(|| unlocked);
        let has_pin = ctx.state.kiosk.settings.as_ref().is_some_and(|s| s.pin.is_some());
        use_effect_with(unlocked, move |&unlocked| {
            let locked_now = *was.borrow() && !unlocked;
            *was.borrow_mut() = unlocked;
            if locked_now && has_pin && location::current().needs_staff() {
                go(Route::Survey);
            }
        });
    }
    Html::default()
}
