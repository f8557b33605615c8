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

/// Records every touch, click, key or input anywhere on the page (text that arrives without a
/// key: a Chinese input method's, a paste, dictation), and calls a function on every click, key
/// or input, until dropped (the kiosk's idle timer starts again). Not on the touch itself: whatever
/// the function changes on screen changes after the click has found its target, so a dialog the
/// touch dismisses never lets the click fall through to a button beneath it.
pub struct ActivityListener {
    record: Option<Closure<dyn FnMut()>>,
    notify: Option<Closure<dyn FnMut()>>,
}

const RECORD: [&str; 1] = ["pointerdown"];
const NOTIFY: [&str; 3] = ["click", "keydown", "input"];

fn listen(events: &[&str], closure: &Closure<dyn FnMut()>, add: bool) {
    let Some(w) = web_sys::window() else { return };
    for event in events {
        // In the capture phase, so nothing on the page can hide a touch.
        let f = closure.as_ref().unchecked_ref();
        let _ = if add {
            w.add_event_listener_with_callback_and_bool(event, f, true)
        } else {
            w.remove_event_listener_with_callback_and_bool(event, f, true)
        };
    }
}

impl ActivityListener {
    /// Starts listening.
    pub fn new(mut f: impl FnMut() + 'static) -> ActivityListener {
        let record = Closure::<dyn FnMut()>::new(record_activity);
        let notify = Closure::<dyn FnMut()>::new(move || {
            record_activity();
            f()
        });
        listen(&RECORD, &record, true);
        listen(&NOTIFY, &notify, true);
        ActivityListener { record: Some(record), notify: Some(notify) }
    }
}

impl Drop for ActivityListener {
    fn drop(&mut self) {
        if let Some(c) = self.record.take() {
            listen(&RECORD, &c, false);
        }
        if let Some(c) = self.notify.take() {
            listen(&NOTIFY, &c, false);
        }
    }
}
