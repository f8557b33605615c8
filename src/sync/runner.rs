//! The background sync's loop, run in the sync worker ([`super::worker`]): it syncs a moment
//! after it starts, after each logged save (a page's [`super::background::nudge`] wakes it),
//! when the browser comes back online and every few minutes, backing off after failures. It runs
//! off the pages' thread: a tap never waits for it (a submit only nudges it after the record is
//! stored). Every page of one device starts its worker, and the workers (and the staff's 立即同步)
//! sync one at a time: the browser's Web Locks (`navigator.locks`) keep a second sync from
//! starting while one runs.

use super::{engine, fetch};
use crate::storage::Store;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Between two syncs when all is well: five minutes.
pub const PERIOD_MS: u32 = 5 * 60 * 1000;
/// The first sync after the page opens.
const FIRST_MS: u32 = 2_000;

/// The wait after `failures` failed syncs in a row: 15 s, doubling, at most [`PERIOD_MS`].
pub fn backoff_ms(failures: u32) -> u32 {
    match failures {
        0 => PERIOD_MS,
        n => 15_000u32.saturating_mul(1 << (n - 1).min(10)).min(PERIOD_MS),
    }
}

/// A wake-up call: fired by a nudge, a timer or the `online` event.
#[derive(Default)]
struct Signal {
    fired: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl Signal {
    fn fire(&self) {
        self.fired.set(true);
        if let Some(w) = self.waker.borrow_mut().take() {
            w.wake();
        }
    }
}

struct Wait(Rc<Signal>);

impl Future for Wait {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0.fired.replace(false) {
            Poll::Ready(())
        } else {
            *self.0.waker.borrow_mut() = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

thread_local! {
    static SIGNAL: Rc<Signal> = Rc::default();
    static STARTED: Cell<bool> = const { Cell::new(false) };
    static NUDGED: Cell<bool> = const { Cell::new(false) };
}

/// Wakes the loop: it syncs now (a page's nudge, the `online` event), even if this worker's
/// `navigator.onLine` still says offline (a page may know better; a failed try is said).
pub fn wake() {
    NUDGED.with(|n| n.set(true));
    SIGNAL.with(|s| s.fire());
}

/// Waits `ms` or until the signal fires, whichever is first.
async fn pause(ms: u32) {
    let signal = SIGNAL.with(Rc::clone);
    let timer = {
        let signal = Rc::clone(&signal);
        gloo_timers::callback::Timeout::new(ms, move || signal.fire())
    };
    Wait(signal).await;
    drop(timer);
}

/// A JavaScript promise and its resolve function.
fn promise() -> (js_sys::Promise, js_sys::Function) {
    let mut slot = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| slot = Some(resolve));
    (promise, slot.expect("a Promise runs its executor at once"))
}

/// Runs `work` holding the device's sync lock (`navigator.locks`, where the browser has it).
/// With `wait` false, gives `None` at once if another page holds it.
pub async fn exclusively<F: Future>(wait: bool, work: F) -> Option<F::Output> {
    // A page's or a worker's navigator.
    let locks = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator"))
        .ok()
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("locks")).ok())
        .filter(|l| !l.is_undefined());
    let request = locks
        .as_ref()
        .and_then(|l| js_sys::Reflect::get(l, &JsValue::from_str("request")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let (Some(locks), Some(request)) = (locks, request) else { return Some(work.await) };
    let (granted, grant) = promise();
    let (done, finish) = promise();
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let _ = grant.call1(&JsValue::NULL, &lock);
        done.into()
    });
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("ifAvailable"), &JsValue::from_bool(!wait));
    if request.call3(&locks, &JsValue::from_str("manyi-sync"), &options, &callback).is_err() {
        return Some(work.await);
    }
    let lock = JsFuture::from(granted).await.unwrap_or(JsValue::NULL);
    let out = if lock.is_null() { None } else { Some(work.await) };
    let _ = finish.call0(&JsValue::NULL);
    out
}

/// Starts the loop (once; later calls do nothing), woken by the pages' nudges and by the
/// `online` event of the global scope (a worker's or a page's).
pub fn start(store: Store) {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    // The pages' nudges (a logged save) come over the channel.
    if let Some(channel) = super::background::channel() {
        let woken = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| wake());
        let _ =
            js_sys::Reflect::set(&channel, &JsValue::from_str("onmessage"), woken.as_ref().unchecked_ref());
        woken.forget();
        // The channel lives as long as the loop: for good.
        std::mem::forget(channel);
    }
    let global: web_sys::EventTarget = js_sys::global().unchecked_into();
    let online = Closure::<dyn FnMut()>::new(wake);
    let _ = global.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    online.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let mut failures = 0;
        let mut delay = FIRST_MS;
        loop {
            pause(delay).await;
            // A timer's turn while offline is skipped; a nudge always tries.
            if !NUDGED.with(|n| n.replace(false)) && !fetch::online() {
                delay = PERIOD_MS;
                continue;
            }
            match exclusively(false, engine::sync_once(&store)).await {
                Some(Err(_)) => failures += 1,
                Some(Ok(_)) => failures = 0,
                // Another page of the device is syncing.
                None => {}
            }
            delay = backoff_ms(failures);
        }
    });
}

/// Syncs now (the staff's 立即同步), waiting for a sync another page runs to finish first.
pub async fn sync_now(store: &Store) -> Result<Option<engine::Outcome>, engine::Failure> {
    exclusively(true, engine::sync_once(store)).await.unwrap_or(Ok(None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_back_off_doubling_up_to_the_period() {
        assert_eq!(backoff_ms(0), 300_000);
        // 15 s, 30 s, 60 s, 120 s, 240 s, then the period.
        let waits: Vec<u32> = (1..=7).map(backoff_ms).collect();
        assert_eq!(waits, [15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
        assert_eq!(backoff_ms(40), 300_000);
    }
}
