//! A repeating timer (`setInterval`) that stops when dropped.

use chrono::{DateTime, FixedOffset};
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls a function every `ms` milliseconds until dropped.
pub struct Interval {
    id: Option<i32>,
    _closure: Closure<dyn FnMut()>,
}

impl Interval {
    /// Starts the timer.
    pub fn new(ms: i32, f: impl FnMut() + 'static) -> Interval {
        let closure = Closure::<dyn FnMut()>::new(f);
        let id = web_sys::window().and_then(|w| {
            w.set_interval_with_callback_and_timeout_and_arguments_0(closure.as_ref().unchecked_ref(), ms)
                .ok()
        });
        Interval { id, _closure: closure }
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let (Some(w), Some(id)) = (web_sys::window(), self.id.take()) {
            w.clear_interval_with_handle(id);
        }
    }
}

thread_local! {
    static LAST_ACTIVITY: Cell<Option<DateTime<FixedOffset>>> = const { Cell::new(None) };
}

/// Records that someone used the page now.
pub fn record_activity() {
    LAST_ACTIVITY.set(Some(super::clock::now()));
}

/// When someone last touched, clicked or typed on the page (as recorded by an
/// [`ActivityListener`] or [`record_activity`]).
pub fn last_activity() -> Option<DateTime<FixedOffset>> {
    LAST_ACTIVITY.get()
}

/// Records every touch, click or key anywhere on the page, and calls a function, until dropped
/// (the kiosk's idle timer starts again).
pub struct ActivityListener {
    closure: Option<Closure<dyn FnMut()>>,
}

const ACTIVITY: [&str; 2] = ["pointerdown", "keydown"];

impl ActivityListener {
    /// Starts listening (in the capture phase, so nothing on the page can hide a touch).
    pub fn new(mut f: impl FnMut() + 'static) -> ActivityListener {
        let closure = Closure::<dyn FnMut()>::new(move || {
            record_activity();
            f()
        });
        if let Some(w) = web_sys::window() {
            for event in ACTIVITY {
                let _ = w.add_event_listener_with_callback_and_bool(
                    event,
                    closure.as_ref().unchecked_ref(),
                    true,
                );
            }
        }
        ActivityListener { closure: Some(closure) }
    }
}

impl Drop for ActivityListener {
    fn drop(&mut self) {
        if let (Some(w), Some(c)) = (web_sys::window(), self.closure.take()) {
            for event in ACTIVITY {
                let _ =
                    w.remove_event_listener_with_callback_and_bool(event, c.as_ref().unchecked_ref(), true);
            }
        }
    }
}
