//! News of the device's library of questionnaires: every write to the store `questionnaires` (a
//! save or import in the editor, a version pulled by the sync worker, a checklist copied on the
//! evaluation's compare page) is announced on the `BroadcastChannel` [`CHANNEL`], which reaches
//! every page and worker of the origin, this page included; a page that lists the library
//! ([`watch`]) reads it again, so a questionnaire that arrives shows without a reload.
//!
//! A channel of its own, not the sync's `manyi-sync`: a page reading its list again is no reason
//! for the sync worker to wake.

use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The channel's name, the same in every page and worker.
pub const CHANNEL: &str = "manyi-library";
/// The message: the library changed.
const CHANGED: &str = "changed";

/// A new `BroadcastChannel` named [`CHANNEL`] (`None` where the global scope has none).
fn open() -> Option<JsValue> {
    let global = js_sys::global();
    let class = js_sys::Reflect::get(&global, &JsValue::from_str("BroadcastChannel")).ok()?;
    let class = class.dyn_into::<js_sys::Function>().ok()?;
    js_sys::Reflect::construct(&class, &js_sys::Array::of1(&JsValue::from_str(CHANNEL))).ok()
}

fn call(channel: &JsValue, method: &str, args: &js_sys::Array) {
    if let Ok(f) = js_sys::Reflect::get(channel, &JsValue::from_str(method)) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.apply(channel, args);
        }
    }
}

thread_local! {
    /// The channel news goes out on, opened at the first announcement.
    static SENDER: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Tells every page and worker that the library changed (this page's watchers too: the news
/// goes out on a channel object of its own, and a channel object never hears itself).
pub fn announce() {
    SENDER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = open();
        }
        if let Some(channel) = slot.as_ref() {
            call(channel, "postMessage", &js_sys::Array::of1(&JsValue::from_str(CHANGED)));
        }
    });
}

/// Listening for news while it lives; dropped, it stops.
pub struct LibraryWatch {
    channel: JsValue,
    _heard: Closure<dyn FnMut(JsValue)>,
}

impl Drop for LibraryWatch {
    fn drop(&mut self) {
        let _ = js_sys::Reflect::set(&self.channel, &JsValue::from_str("onmessage"), &JsValue::NULL);
        call(&self.channel, "close", &js_sys::Array::new());
    }
}

/// Calls `changed` each time the library changes, from any page or worker, until the watch is
/// dropped (`None` where there is no `BroadcastChannel`).
pub fn watch(mut changed: impl FnMut() + 'static) -> Option<LibraryWatch> {
    let channel = open()?;
    let heard = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let data = js_sys::Reflect::get(&event, &JsValue::from_str("data")).unwrap_or_default();
        if data.as_string().as_deref() == Some(CHANGED) {
            changed();
        }
    });
    js_sys::Reflect::set(&channel, &JsValue::from_str("onmessage"), heard.as_ref().unchecked_ref()).ok()?;
    Some(LibraryWatch { channel, _heard: heard })
}
