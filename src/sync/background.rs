//! The page's side of the background sync, kept small because the kiosk's page carries it: the
//! sync itself (the push and pull machines, JSON, the fetch adapter) runs in a web worker of its
//! own (`staff/sync.js`, the `manyi-sync-worker` wasm, [`super::worker`]), so no page's first
//! visit downloads it and no tap ever waits for it. A page starts the worker once the store is
//! open and sync is set up, and tells it of each logged save ([`nudge`]) over a
//! `BroadcastChannel`, which reaches the worker of every page of the device.

use crate::platform::location::Area;
use crate::storage::Store;
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The channel's name, the same in the pages and the worker.
pub const CHANNEL: &str = "manyi-sync";
/// The worker's script, under the site's root.
const SCRIPT: &str = "staff/sync.js";

thread_local! {
    static CHANNEL_HANDLE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// A `BroadcastChannel` named [`CHANNEL`] in this page or worker (`None` where there is none).
pub fn channel() -> Option<JsValue> {
    let global = js_sys::global();
    let class = js_sys::Reflect::get(&global, &JsValue::from_str("BroadcastChannel")).ok()?;
    let class = class.dyn_into::<js_sys::Function>().ok()?;
    js_sys::Reflect::construct(&class, &js_sys::Array::of1(&JsValue::from_str(CHANNEL))).ok()
}

/// Tells the background sync that something was logged: it syncs soon.
pub fn nudge() {
    CHANNEL_HANDLE.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = channel();
        }
        let Some(channel) = slot.as_ref() else { return };
        if let Ok(post) = js_sys::Reflect::get(channel, &JsValue::from_str("postMessage")) {
            if let Ok(post) = post.dyn_into::<js_sys::Function>() {
                let _ = post.call1(channel, &JsValue::from_str("nudge"));
            }
        }
    });
}

/// Starts the sync worker for this page if sync is set up on the device and it is not running
/// yet. Where the worker cannot be had now (offline and not kept), it is tried again when the
/// browser comes back online.
pub fn start(store: &Store) {
    start_if_configured(store);
    if !WATCHING.with(|w| w.replace(true)) {
        if let Some(window) = web_sys::window() {
            let store = store.clone();
            // Back online: the worker (started, or started now) syncs at once; a page's `online`
            // event is also the worker's cue where the browser does not tell workers.
            let online = Closure::<dyn FnMut()>::new(move || {
                start_if_configured(&store);
                nudge();
            });
            let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
            online.forget();
        }
    }
}

fn start_if_configured(store: &Store) {
    let store = store.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if store.sync_configured().await {
            spawn_worker();
        }
    });
}

/// Starts the worker (once; again if it failed to load).
pub fn spawn_worker() {
    if WORKER.with(|w| w.borrow().is_some()) {
        return;
    }
    let url = format!("{}{SCRIPT}", Area::here().to_root());
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let Ok(worker) = web_sys::Worker::new_with_options(&url, &options) else { return };
    // A script that could not be fetched (offline, not kept) ends the worker: forget it, so that
    // the `online` event starts it again.
    let failed = Closure::<dyn FnMut()>::new(move || {
        WORKER.with(|w| w.borrow_mut().take().map(|w| w.terminate())).unwrap_or(())
    });
    worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
    failed.forget();
    WORKER.with(|w| *w.borrow_mut() = Some(worker));
}
