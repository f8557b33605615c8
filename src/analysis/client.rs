//! The page's side of the analysis web worker: starts `worker.js` (a module worker) and turns
//! each request into a future of its reply. The worker answers requests one at a time, in the
//! order sent, so the replies are matched to the waiting requests in that order.

use super::protocol::{Reply, Request};
use super::worker::{field, message, to_js, BYTES, REPLY, REQUEST};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The script of the worker, beside index.html.
const SCRIPT: &str = "worker.js";

type Waiting = Rc<RefCell<VecDeque<(js_sys::Function, js_sys::Function)>>>;

struct Started {
    worker: Worker,
    waiting: Waiting,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

/// The worker and the requests waiting for their replies; cheap to clone.
#[derive(Clone)]
pub struct Client(Rc<Result<Started, String>>);

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("analysis worker client")
    }
}

impl Default for Client {
    fn default() -> Self {
        Client(Rc::new(start()))
    }
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| format!("{e:?}"))
}

fn start() -> Result<Started, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(SCRIPT, &options).map_err(|e| describe(&e))?;
    let waiting: Waiting = Rc::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some((resolve, _)) = waiting.borrow_mut().pop_front() {
                let _ = resolve.call1(&JsValue::NULL, &event.data());
            }
        })
    };
    // The script failed to load, or the worker failed on a request (a panic): whatever waits
    // will not be answered.
    let on_error = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            let why = JsValue::from_str(&format!("analysis worker: {}", event.message()));
            for (_, reject) in waiting.borrow_mut().drain(..) {
                let _ = reject.call1(&JsValue::NULL, &why);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Started { worker, waiting, _on_message: on_message, _on_error: on_error })
}

impl Client {
    /// Sends `request` (with a file's bytes, transferred) and waits for the reply and the bytes
    /// of the file it made, if any.
    pub async fn request(
        &self,
        request: &Request,
        bytes: Option<js_sys::ArrayBuffer>,
    ) -> Result<(Reply, Option<Vec<u8>>), String> {
        let started = self.0.as_ref().as_ref().map_err(|e| format!("analysis worker: {e}"))?;
        let (message, transfer) = message(REQUEST, &to_js(request)?, bytes);
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            started.waiting.borrow_mut().push_back((resolve, reject));
        });
        if let Err(e) = started.worker.post_message_with_transfer(&message, &transfer) {
            started.waiting.borrow_mut().pop_back();
            return Err(describe(&e));
        }
        let data = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| describe(&e))?;
        let reply = field(&data, REPLY).ok_or("analysis worker: no reply")?;
        let reply: Reply = serde_wasm_bindgen::from_value(reply).map_err(|e| e.to_string())?;
        let bytes = field(&data, BYTES).map(|b| js_sys::Uint8Array::new(&b).to_vec());
        Ok((reply, bytes))
    }

    /// Stops the worker (the page is left): its memory is freed.
    pub fn terminate(&self) {
        if let Ok(started) = self.0.as_ref() {
            started.worker.terminate();
        }
    }
}
