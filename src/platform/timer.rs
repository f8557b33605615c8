//! A repeating timer (`setInterval`) that stops when dropped.

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

/// Calls a function whenever the person touches, clicks or types anywhere on the page, until
/// dropped (the kiosk's idle timer starts again).
pub struct ActivityListener {
    closure: Option<Closure<dyn FnMut()>>,
}

const ACTIVITY: [&str; 2] = ["pointerdown", "keydown"];

impl ActivityListener {
    /// Starts listening (in the capture phase, so nothing on the page can hide a touch).
    pub fn new(f: impl FnMut() + 'static) -> ActivityListener {
        let closure = Closure::<dyn FnMut()>::new(f);
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
