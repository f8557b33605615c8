//! The sync's HTTP adapter in the browser: core's [`HttpRequest`] sent with `fetch`, the answer's
//! status and bytes handed back as an [`HttpAnswer`]. Nothing here decides anything; the
//! machines in `manyi_core::sync` do. Credentials travel as a basic `Authorization` header
//! (CouchDB's CORS allows it, README); no cookie is sent or kept. The URL is never logged, the
//! password never leaves this function but in that header.

use manyi_core::sync::{Credentials, HttpAnswer, HttpRequest, SyncError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long one request may take before it counts as unreachable (a batch of 100 records is a
/// few hundred kilobytes).
const TIMEOUT_MS: u32 = 60_000;

fn unreachable(server: &str, e: &JsValue) -> SyncError {
    let what = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.dyn_ref::<web_sys::DomException>().map(|d| format!("{}: {}", d.name(), d.message())))
        .unwrap_or_else(|| "no answer".into());
    SyncError::Unreachable { reason: format!("{server}: {what}") }
}

/// Sends `request` relative to the database URL `base` with `credentials` (the request's own,
/// if it has some) and reads the whole answer.
pub async fn send(
    base: &str,
    credentials: &Credentials,
    request: &HttpRequest,
) -> Result<HttpAnswer, SyncError> {
    let server = base.rsplit_once('/').map_or(base, |(s, _)| s);
    let fail = |e: JsValue| unreachable(server, &e);
    // The page's or the worker's fetch.
    let fetch = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("fetch"))
        .and_then(|f| f.dyn_into::<js_sys::Function>())
        .map_err(fail)?;
    let headers = web_sys::Headers::new().map_err(fail)?;
    headers.set("Accept", "application/json").map_err(fail)?;
    let auth = request.credentials.as_ref().unwrap_or(credentials).authorization();
    headers.set("Authorization", &auth).map_err(fail)?;
    let init = web_sys::RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    if let Some(body) = request.body_bytes() {
        headers.set("Content-Type", "application/json").map_err(fail)?;
        init.set_body(&js_sys::Uint8Array::from(&body[..]).into());
    }
    init.set_headers(&headers.into());
    let response: web_sys::Response = JsFuture::from(js_sys::Promise::from(
        fetch.call2(&js_sys::global(), &JsValue::from_str(&request.url(base)), &init).map_err(fail)?,
    ))
    .await
    .map_err(fail)?
    .unchecked_into();
    let buffer = JsFuture::from(response.array_buffer().map_err(fail)?).await.map_err(fail)?;
    Ok(HttpAnswer { status: response.status(), body: js_sys::Uint8Array::new(&buffer).to_vec() })
}

/// Whether the browser thinks it is online (`navigator.onLine` of the page or the worker; true
/// when it cannot tell).
pub fn online() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator"))
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("onLine")))
        .map_or(true, |v| v.as_bool() != Some(false))
}
