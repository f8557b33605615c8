//! IndexedDB's events as futures: a request's result, a transaction's commit, opening a database.
//!
//! Handlers are attached before the first `.await`, in the same turn as the request is made, so no
//! event can be missed.

use js_sys::{Function, Promise};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbFactory, IdbRequest, IdbTransaction, IdbVersionChangeEvent};

fn promise() -> (Promise, Function, Function) {
    let mut slot = None;
    let promise = Promise::new(&mut |resolve, reject| slot = Some((resolve, reject)));
    let (resolve, reject) = slot.expect("a Promise runs its executor at once");
    (promise, resolve, reject)
}

fn request_error(req: &IdbRequest) -> JsValue {
    match req.error() {
        Ok(Some(e)) => e.into(),
        Ok(None) => JsValue::from_str("the request failed"),
        Err(e) => e,
    }
}

/// The result of a request, or its error.
pub async fn result(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let (promise, resolve, reject) = promise();
    let r = req.clone();
    let on_success: Closure<dyn FnMut()> = Closure::once(move || {
        let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
    });
    let r = req.clone();
    let on_error: Closure<dyn FnMut()> = Closure::once(move || {
        let _ = reject.call1(&JsValue::NULL, &request_error(&r));
    });
    req.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
    req.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let out = JsFuture::from(promise).await;
    req.set_onsuccess(None);
    req.set_onerror(None);
    out
}

/// Waits until a transaction has committed; an aborted transaction (a failed request in it, a full
/// disk) is an error.
pub async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    let (promise, resolve, reject) = promise();
    let on_complete: Closure<dyn FnMut()> = Closure::once(move || {
        let _ = resolve.call0(&JsValue::NULL);
    });
    let t = tx.clone();
    let on_abort: Closure<dyn FnMut()> = Closure::once(move || {
        let error = t.error().map_or_else(|| JsValue::from_str("the transaction was aborted"), JsValue::from);
        let _ = reject.call1(&JsValue::NULL, &error);
    });
    tx.set_oncomplete(Some(on_complete.as_ref().unchecked_ref()));
    tx.set_onabort(Some(on_abort.as_ref().unchecked_ref()));
    let out = JsFuture::from(promise).await.map(|_| ());
    tx.set_oncomplete(None);
    tx.set_onabort(None);
    out
}

/// What an upgrade does, given the database, the version-change transaction and the old version.
pub type Upgrade = Box<dyn FnOnce(&IdbDatabase, &IdbTransaction, u32) -> Result<(), JsValue>>;

/// Opens (creating or upgrading) database `name` at `version`, running `upgrade` when the stored
/// version is older. An upgrade that fails aborts, leaving the database as it was.
pub async fn open(
    factory: &IdbFactory,
    name: &str,
    version: u32,
    upgrade: Upgrade,
) -> Result<IdbDatabase, JsValue> {
    let req = factory.open_with_u32(name, version)?;
    let failure: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let (r, fail) = (req.clone(), Rc::clone(&failure));
    let on_upgrade: Closure<dyn FnMut(IdbVersionChangeEvent)> =
        Closure::once(move |e: IdbVersionChangeEvent| {
            let (Ok(db), Some(tx)) = (r.result(), r.transaction()) else { return };
            if let Err(error) = upgrade(&db.unchecked_into(), &tx, e.old_version() as u32) {
                *fail.borrow_mut() = Some(error);
                let _ = tx.abort();
            }
        });
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let out = result(&req).await;
    req.set_onupgradeneeded(None);
    match (out, failure.take()) {
        (Ok(db), None) => Ok(db.unchecked_into()),
        (Ok(db), Some(error)) => {
            db.unchecked_into::<IdbDatabase>().close();
            Err(error)
        }
        (Err(_), Some(error)) | (Err(error), None) => Err(error),
    }
}
