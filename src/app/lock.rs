//! The staff lock on a desk or field page: the clock read every second and every touch recorded,
//! so that the screens behind the PIN lock themselves when left alone, as on the kiosk; a page
//! that locks goes back to the kiosk's survey. The session is handed on to the next page.

use super::session::use_staff_session;
use super::AppContext;
use crate::platform::clock;
use crate::platform::location::{self, Route};
use crate::platform::timer::{last_activity, ActivityListener, Interval};
use crate::state::Action;
use yew::prelude::*;

const TICK_MS: i32 = 1000;

/// The staff lock's timer (renders nothing).
#[function_component(StaffLock)]
pub fn staff_lock() -> Html {
    let ctx = use_context::<AppContext>().expect("StaffLock is rendered inside an area's root");
    use_staff_session(&ctx.state);
    {
        let app = ctx.state.clone();
        use_effect_with((), move |_| {
            let interval = Interval::new(TICK_MS, move || {
                app.dispatch(Action::Tick { now: clock::now(), last_touch: last_activity() })
            });
            let touch = ActivityListener::new(|| {});
            move || drop((interval, touch))
        });
    }
    {
        let unlocked = ctx.state.unlocked();
        let was = use_mut_ref(|| unlocked);
        let has_pin = ctx.state.has_pin();
        use_effect_with(unlocked, move |&unlocked| {
            let locked_now = *was.borrow() && !unlocked;
            *was.borrow_mut() = unlocked;
            if locked_now && has_pin {
                location::go(Route::Survey);
            }
        });
    }
    Html::default()
}
