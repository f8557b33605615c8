//! The page's side of the analysis web worker: starts `worker.js` (a module worker) and turns
//! each request into a future of its [`Answer`]. The worker answers requests one at a time, in
//! the order sent, so each reply goes to the oldest request still waiting; a progress message
//! is not a reply: it goes to that same request's progress callback, and the request waits on.

use super::protocol::{ImportProgress, Reply, Request};
use super::worker::{field, object, to_js, BYTES, FILE, MEMORY, PROGRESS, REPLY, REQUEST};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The script of the worker, beside index.html.
const SCRIPT: &str = "worker.js";

/// What a waiting request is told of its progress.
pub type OnProgress = Box<dyn Fn(ImportProgress)>;

/// A request waiting for its reply.
struct Waiting {
    resolve: js_sys::Function,
    reject: js_sys::Function,
    on_progress: Option<OnProgress>,
}

type Queue = Rc<RefCell<VecDeque<Waiting>>>;

struct Started {
    worker: Worker,
    waiting: Queue,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

/// The worker and the requests waiting for their replies; cheap to clone.
#[derive(Clone)]
pub struct Client(Rc<Result<Started, String>>);

/// The worker's answer to a request.
#[derive(Debug)]
pub struct Answer {
    /// The reply.
    pub reply: Reply,
    /// The file it made, if any.
    pub file: Option<web_sys::Blob>,
    /// The worker's wasm memory when it replied, in bytes (the most it has needed so far).
    pub memory: Option<f64>,
}

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

/// Hands a message from the worker to the request it belongs to: progress to the oldest
/// waiting request's callback, a reply to the oldest waiting request itself.
fn deliver(waiting: &Queue, data: JsValue) {
    if let Some(progress) = field(&data, PROGRESS) {
        let queue = waiting.borrow();
        let (Some(on_progress), Ok(progress)) = (
            queue.front().and_then(|w| w.on_progress.as_ref()),
            serde_wasm_bindgen::from_value::<ImportProgress>(progress),
        ) else {
            return;
        };
        on_progress(progress);
        return;
    }
    // Taken out of the queue before the reply resolves anything that may send again.
    let next = waiting.borrow_mut().pop_front();
    if let Some(w) = next {
        let _ = w.resolve.call1(&JsValue::NULL, &data);
    }
}

fn start() -> Result<Started, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(SCRIPT, &options).map_err(|e| describe(&e))?;
    let waiting: Queue = Rc::default();
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| deliver(&waiting, event.data()))
    };
    // The script failed to load, or the worker failed on a request (a panic): whatever waits
    // will not be answered.
    let on_error = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            let why = JsValue::from_str(&format!("analysis worker: {}", event.message()));
            let failed: Vec<Waiting> = waiting.borrow_mut().drain(..).collect();
            for w in failed {
                let _ = w.reject.call1(&JsValue::NULL, &why);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Started { worker, waiting, _on_message: on_message, _on_error: on_error })
}

impl Client {
    /// Sends `request` (with a file's bytes, transferred) and waits for its answer; progress
    /// the worker sends meanwhile goes to `on_progress`.
    pub async fn request(
        &self,
        request: &Request,
        bytes: Option<js_sys::ArrayBuffer>,
        on_progress: Option<OnProgress>,
    ) -> Result<Answer, String> {
        let started = self.0.as_ref().as_ref().map_err(|e| format!("analysis worker: {e}"))?;
        let transfer = js_sys::Array::new();
        let bytes = match bytes {
            Some(buffer) => {
                transfer.push(&buffer);
                buffer.into()
            }
            None => JsValue::UNDEFINED,
        };
        let message = object(&[(REQUEST, &to_js(request)?), (BYTES, &bytes)]);
        let mut on_progress = Some(on_progress);
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            let on_progress = on_progress.take().flatten();
            started.waiting.borrow_mut().push_back(Waiting { resolve, reject, on_progress });
        });
        if let Err(e) = started.worker.post_message_with_transfer(&message, &transfer) {
            started.waiting.borrow_mut().pop_back();
            return Err(describe(&e));
        }
        let data = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| describe(&e))?;
        let reply = field(&data, REPLY).ok_or("analysis worker: no reply")?;
        let reply: Reply = serde_wasm_bindgen::from_value(reply).map_err(|e| e.to_string())?;
        let file = field(&data, FILE).and_then(|f| f.dyn_into::<web_sys::Blob>().ok());
        let memory = field(&data, MEMORY).and_then(|m| m.as_f64());
        Ok(Answer { reply, file, memory })
    }

    /// Stops the worker (the page is left): its memory is freed.
    pub fn terminate(&self) {
        if let Ok(started) = self.0.as_ref() {
            started.worker.terminate();
        }
    }
}
