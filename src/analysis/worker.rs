//! The analysis web worker (`worker.js` loads the app's wasm and calls `analysis_worker_start`):
//! it answers the page's requests with a [`Handler`], so importing, merging and scoring run off
//! the page's thread. A message is `{ request, bytes? }` one way and `{ reply, bytes? }` the
//! other, the request and reply as JavaScript values (serde-wasm-bindgen: numbers stay numbers,
//! NaN included), the bytes a transferred `ArrayBuffer`.

use super::protocol::{Handler, Reply, Request};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The message's field holding the request.
pub(super) const REQUEST: &str = "request";
/// The message's field holding the reply.
pub(super) const REPLY: &str = "reply";
/// The message's field holding the file's bytes.
pub(super) const BYTES: &str = "bytes";

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

/// Builds `{ [key]: value, bytes? }` and the list of what it transfers.
pub(super) fn message(
    key: &str,
    value: &JsValue,
    bytes: Option<js_sys::ArrayBuffer>,
) -> (JsValue, js_sys::Array) {
    let message = js_sys::Object::new();
    let transfer = js_sys::Array::new();
    let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
    if let Some(buffer) = bytes {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(BYTES), &buffer);
        transfer.push(&buffer);
    }
    (message.into(), transfer)
}

fn answer(data: &JsValue) -> (Reply, Vec<u8>) {
    let request = field(data, REQUEST)
        .ok_or_else(|| "no request".to_owned())
        .and_then(|v| serde_wasm_bindgen::from_value::<Request>(v).map_err(|e| e.to_string()));
    match request {
        Err(e) => (Reply::Failed(e), Vec::new()),
        Ok(request) => {
            let bytes = field(data, BYTES).map(|b| js_sys::Uint8Array::new(&b).to_vec()).unwrap_or_default();
            HANDLER.with(|h| h.borrow_mut().handle(request, bytes))
        }
    }
}

/// Installs the worker's message handler. Call it once, in the worker.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let (reply, bytes) = answer(&event.data());
        let value = to_js(&reply).unwrap_or_else(|e| {
            to_js(&Reply::Failed(format!("the reply could not be sent: {e}"))).unwrap_or(JsValue::NULL)
        });
        let buffer = (!bytes.is_empty()).then(|| js_sys::Uint8Array::from(&bytes[..]).buffer());
        drop(bytes);
        let (message, transfer) = message(REPLY, &value, buffer);
        // A reply that cannot be posted leaves the page's request waiting; nothing here can
        // tell it otherwise.
        let _ = post.post_message_with_transfer(&message, &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}
