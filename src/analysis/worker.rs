//! The analysis web worker (`worker.js` loads the app's wasm and calls `analysis_worker_start`):
//! it answers the page's requests with a [`Handler`], so importing, merging and scoring run off
//! the page's thread. A request is `{ request, bytes? }`, the bytes a transferred `ArrayBuffer`.
//! The worker sends `{ progress }` while it imports a file, and then one
//! `{ reply, file?, memory }` per request: the file it made as a `Blob` (the browser keeps it,
//! not the worker's memory), and the size of its wasm memory in bytes (which only grows: the
//! most it has needed). Requests, replies and progress are JavaScript values
//! (serde-wasm-bindgen: numbers stay numbers, NaN included).

use super::failure::Failure;
use super::protocol::{Handler, ImportProgress, Outbox, Reply, Request};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The message's field holding the request.
pub(super) const REQUEST: &str = "request";
/// The message's field holding the reply.
pub(super) const REPLY: &str = "reply";
/// The message's field holding the progress of an import.
pub(super) const PROGRESS: &str = "progress";
/// The request's field holding the picked file's bytes.
pub(super) const BYTES: &str = "bytes";
/// The reply's field holding the file made, a `Blob`.
pub(super) const FILE: &str = "file";
/// The reply's field holding the worker's wasm memory, in bytes.
pub(super) const MEMORY: &str = "memory";

thread_local! {
    static HANDLER: RefCell<Handler> = RefCell::new(Handler::default());
}

/// `value` as a JavaScript value for a message.
pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, String> {
    value.serialize(&serde_wasm_bindgen::Serializer::new()).map_err(|e| e.to_string())
}

/// The field `name` of `object`, unless it is absent.
pub(super) fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined())
}

/// An object with these fields.
pub(super) fn object(fields: &[(&str, &JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

/// The size of this thread's wasm memory, in bytes.
fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| f64::from(m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length()))
}

/// Posts progress at once and gathers the parts of a file as JavaScript arrays.
struct Post<'a> {
    scope: &'a DedicatedWorkerGlobalScope,
    parts: js_sys::Array,
}

impl Outbox for Post<'_> {
    fn progress(&mut self, progress: ImportProgress) {
        if let Ok(value) = to_js(&progress) {
            // The page shows it while the worker goes on reading.
            let _ = self.scope.post_message(&object(&[(PROGRESS, &value)]));
        }
    }

    fn part(&mut self, bytes: Vec<u8>) {
        // Copied out of the wasm memory at once; the part is dropped here.
        self.parts.push(&js_sys::Uint8Array::from(&bytes[..]));
    }
}

fn answer(data: &JsValue, out: &mut Post) -> Reply {
    let request = field(data, REQUEST)
        .ok_or_else(|| "no request".to_owned())
        .and_then(|v| serde_wasm_bindgen::from_value::<Request>(v).map_err(|e| e.to_string()));
    match request {
        Err(e) => Reply::Failed(Failure::Worker(e)),
        Ok(request) => {
            let bytes = field(data, BYTES).map(|b| js_sys::Uint8Array::new(&b).to_vec()).unwrap_or_default();
            HANDLER.with(|h| h.borrow_mut().handle(request, bytes, out))
        }
    }
}

/// The parts as one `Blob` of the reply's media type.
fn blob(parts: &js_sys::Array, reply: &Reply) -> Result<Option<web_sys::Blob>, Failure> {
    let Reply::Made(Ok((_, mime))) = reply else { return Ok(None) };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options)
        .map(Some)
        .map_err(|e| Failure::NotMade(format!("{e:?}")))
}

/// Installs the worker's message handler. Call it once, in the worker.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let mut out = Post { scope: &post, parts: js_sys::Array::new() };
        let mut reply = answer(&event.data(), &mut out);
        let file = blob(&out.parts, &reply).unwrap_or_else(|e| {
            reply = Reply::Made(Err(e));
            None
        });
        drop(out);
        let value = to_js(&reply).unwrap_or_else(|e| {
            to_js(&Reply::Failed(Failure::Worker(e.to_string()))).unwrap_or(JsValue::NULL)
        });
        let memory = JsValue::from_f64(memory_bytes());
        let file = file.map_or(JsValue::UNDEFINED, JsValue::from);
        let message = object(&[(REPLY, &value), (FILE, &file), (MEMORY, &memory)]);
        // A reply that cannot be posted leaves the page's request waiting; nothing here can
        // tell it otherwise.
        let _ = post.post_message(&message);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}
