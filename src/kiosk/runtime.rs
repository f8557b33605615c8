//! The kiosk's timers and listeners, mounted once beside the screens: a tick that drives the
//! idle countdown, the thank-you timer, the opening hours and the staff lock; every touch resets
//! the idle time; an expired session is closed (kept as a break-off or discarded) and stored
//! before the attract screen returns; the staff session (the first start opens it) is handed on
//! to the staff screen's page, and a failed save is noted for it.

use super::app::KioskContext;
use super::startup::apply_closing;
use super::state::KioskAction;
use super::SAVE_FAILURE;
use crate::app::session::use_staff_session;
use crate::app::{AppContext, StoreStatus};
use crate::platform::timer::{last_activity, ActivityListener, Interval};
use crate::platform::{clock, prefs};
use crate::state::{Action, Notice};
use manyi_core::kiosk::{IdlePhase, LowScoreRule};
use manyi_core::session::survey::SurveyAction;
use yew::platform::spawn_local;
use yew::prelude::*;

/// How often the clock is read (ms): the countdown's seconds change on time within this.
const TICK_MS: i32 = 250;

/// The kiosk's timers (renders nothing).
#[function_component(KioskRuntime)]
pub fn kiosk_runtime() -> Html {
    let ctx = use_context::<KioskContext>().expect("KioskRuntime is rendered inside KioskApp");
    let app = use_context::<AppContext>().expect("KioskRuntime is rendered inside KioskApp");
    use_staff_session(&app.state);
    {
        let state = ctx.state.clone();
        use_effect_with((), move |_| {
            let tick = state.clone();
            let interval = Interval::new(TICK_MS, move || {
                let (now, last_touch) = (clock::now(), last_activity());
                tick.dispatch(KioskAction::Tick { now, last_touch })
            });
            let touch = ActivityListener::new(move || state.dispatch(KioskAction::Touch));
            move || drop((interval, touch))
        });
    }
    {
        // The countdown ran out: close the partial response as the policy says, store it, and
        // only then clear the screen (a failure is shown to staff; the screen is cleared anyway).
        let expired = ctx.state.idle == IdlePhase::Expired;
        let (state, store) = (ctx.state.clone(), ctx.store.clone());
        use_effect_with(expired, move |&expired| {
            let settings = state.app.settings.clone();
            if let (true, Some(draft), Some(settings)) = (expired, state.survey.draft.clone(), settings) {
                let closing = settings.idle.close(&draft, clock::now());
                let rule = LowScoreRule::of(&state.survey.questionnaire, settings.low_score_threshold);
                spawn_local(async move {
                    if let StoreStatus::Ready(store) = store {
                        if let Err(e) = apply_closing(&store, &closing, rule.as_ref()).await {
                            state.dispatch(KioskAction::App(Action::Notify(Notice::SaveFailed(
                                e.to_string(),
                            ))));
                            state.dispatch(KioskAction::SaveFailed(e.to_string()));
                        }
                    }
                    state.dispatch(KioskAction::Survey(SurveyAction::Abandon));
                });
            }
        });
    }
    use_effect_with(ctx.state.save_error.clone(), |failure| {
        prefs::set_tab_note(SAVE_FAILURE, failure.as_deref())
    });
    Html::default()
}
