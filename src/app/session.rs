//! The staff session handed from one area's page to the next. Moving between areas is a page
//! load, which would forget that the PIN was entered: the page being left writes the session
//! (since when it counts, and until when it holds without a touch) to the tab's
//! sessionStorage, and the next page of the tab takes it up if it has not run out. Locking
//! ends it. Closing the tab forgets it.

use super::AppHandle;
use crate::platform::clock;
use crate::platform::timer::last_activity;
use crate::state::Staff;
use chrono::{DateTime, Duration, FixedOffset};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const KEY: &str = "manyi.staff";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The session a stored text holds (`since until`, both RFC 3339), if it is still open at `now`.
pub fn parse(text: &str, now: DateTime<FixedOffset>) -> Staff {
    let mut parts = text.split(' ').map(DateTime::parse_from_rfc3339);
    match (parts.next(), parts.next()) {
        (Some(Ok(since)), Some(Ok(until))) if since <= now && now < until => Staff::Unlocked { since },
        _ => Staff::Locked,
    }
}

/// The text of a session counting from `since` that holds until `until`.
pub fn format(since: DateTime<FixedOffset>, until: DateTime<FixedOffset>) -> String {
    format!("{} {}", since.to_rfc3339(), until.to_rfc3339())
}

/// The session another page of this tab handed on, if it is still open now.
pub fn take() -> Staff {
    let text = storage().and_then(|s| s.get_item(KEY).ok().flatten()).unwrap_or_default();
    parse(&text, clock::now())
}

/// Writes a session counting from `since` (or the last touch, if later) that holds for
/// `lock_seconds` more.
pub fn keep(since: DateTime<FixedOffset>, lock_seconds: u32) {
    let since = last_activity().map_or(since, |t| t.max(since));
    if let Some(storage) = storage() {
        let _ = storage.set_item(KEY, &format(since, since + Duration::seconds(i64::from(lock_seconds))));
    }
}

fn end() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEY);
    }
}

/// Keeps the tab's staff session in step with the state: written when the PIN opens the staff
/// screens and again when the page is left (counting from the last touch), removed when they
/// lock. (Leaving the page never removes it: the state may not show yet a PIN entered just
/// before, as on the first start, whose page writes the session itself before it moves on.)
#[hook]
pub fn use_staff_session(app: &AppHandle) {
    let now = (app.staff, app.settings.as_ref().map(|s| s.idle.staff_lock_seconds));
    let latest = use_mut_ref(|| now);
    *latest.borrow_mut() = now;
    use_effect_with(now, |&(staff, seconds)| match (staff, seconds) {
        (Staff::Unlocked { since }, Some(seconds)) => keep(since, seconds),
        (Staff::Locked, _) => end(),
        // Open without settings cannot be: the PIN is in the settings.
        (Staff::Unlocked { .. }, None) => {}
    });
    use_effect_with((), move |_| {
        let on_leave = Closure::<dyn FnMut()>::new(move || {
            if let (Staff::Unlocked { since }, Some(seconds)) = *latest.borrow() {
                keep(since, seconds);
            }
        });
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = window {
                let _ = w.remove_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: i64) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+08:00").unwrap() + Duration::seconds(s)
    }

    #[test]
    fn a_session_holds_until_it_runs_out() {
        let text = format(t(0), t(180));
        assert_eq!(parse(&text, t(1)), Staff::Unlocked { since: t(0) });
        assert_eq!(parse(&text, t(179)), Staff::Unlocked { since: t(0) });
        assert_eq!(parse(&text, t(180)), Staff::Locked);
        // A clock set back before the session began does not open it.
        assert_eq!(parse(&text, t(-5)), Staff::Locked);
    }

    #[test]
    fn anything_else_is_no_session() {
        for text in ["", "garbage", "2026-11-23T10:00:00+08:00", "a b"] {
            assert_eq!(parse(text, t(1)), Staff::Locked, "{text:?}");
        }
    }
}
