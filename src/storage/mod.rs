//! The device's store of responses, in IndexedDB: database `manyi`, store `responses` keyed by the
//! response UUID, indexed by questionnaire and status. A draft is written after every answer and
//! the same record is overwritten when the response is submitted; nothing is ever deleted here.

pub mod analysis;
pub mod callback;
mod kiosk;
pub mod library_news;
mod questionnaires;
mod record;
mod request;
pub mod schema;
pub mod sync;

use manyi_core::questionnaire::QuestionnaireId;
use manyi_core::response::{Response, ResponseId};
pub use record::Record;
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbFactory, IdbTransactionMode};

/// Why the store could not do something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageError {
    /// What was being done, e.g. "open the database".
    pub action: &'static str,
    /// What the browser said.
    pub reason: String,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not {}: {}", self.action, self.reason)
    }
}

impl std::error::Error for StorageError {}

/// Whether a failure's text (a [`StorageError`] as text) says the device's storage is full: the
/// browser's `QuotaExceededError`. Staff can then export and delete exported responses.
pub fn storage_full(reason: &str) -> bool {
    reason.contains("QuotaExceededError")
}

impl StorageError {
    fn new(action: &'static str, reason: impl fmt::Display) -> Self {
        StorageError { action, reason: reason.to_string() }
    }

    fn js(action: &'static str, error: &JsValue) -> Self {
        StorageError { action, reason: Self::describe(error) }
    }

    /// A JS error as text: a DOMException's name and message, or the value itself.
    fn describe(error: &JsValue) -> String {
        if let Some(e) = error.dyn_ref::<web_sys::DomException>() {
            format!("{}: {}", e.name(), e.message())
        } else if let Some(s) = error.as_string() {
            s
        } else {
            format!("{error:?}")
        }
    }
}

fn factory() -> Result<IdbFactory, StorageError> {
    let unavailable = |reason: &str| StorageError::new("open the database", reason);
    // A page's or a worker's (the sync worker's) IndexedDB.
    match js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB")) {
        Ok(f) if f.is_object() => Ok(f.unchecked_into()),
        Ok(_) => Err(unavailable("this browser has no IndexedDB")),
        Err(e) => Err(StorageError::js("open the database", &e)),
    }
}

/// An open store.
#[derive(Debug, Clone, PartialEq)]
pub struct Store {
    db: IdbDatabase,
}

impl Store {
    /// Opens the app's database, creating or migrating it.
    pub async fn open() -> Result<Store, StorageError> {
        Store::open_named(schema::DB_NAME).await
    }

    /// Opens the database called `name` (tests use fresh names).
    pub async fn open_named(name: &str) -> Result<Store, StorageError> {
        let upgrade: request::Upgrade = Box::new(schema::upgrade);
        let db = request::open(&factory()?, name, schema::VERSION, upgrade)
            .await
            .map_err(|e| StorageError::js("open the database", &e))?;
        // Another tab that upgrades the schema asks this one to let go.
        let closing = db.clone();
        let on_version_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || closing.close());
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        on_version_change.forget();
        Ok(Store { db })
    }

    /// Deletes the database called `name` (tests clean up with it).
    pub async fn delete_named(name: &str) -> Result<(), StorageError> {
        let req =
            factory()?.delete_database(name).map_err(|e| StorageError::js("delete the database", &e))?;
        request::result(&req).await.map(|_| ()).map_err(|e| StorageError::js("delete the database", &e))
    }

    /// Closes the connection.
    pub fn close(&self) {
        self.db.close();
    }

    fn store(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(web_sys::IdbTransaction, web_sys::IdbObjectStore), JsValue> {
        let tx = self.db.transaction_with_str_and_mode(schema::RESPONSES, mode)?;
        let store = tx.object_store(schema::RESPONSES)?;
        Ok((tx, store))
    }

    /// Writes `r` (a draft or a closed response), replacing the record with the same id, and waits
    /// until the write is committed.
    pub async fn put(&self, r: &Response) -> Result<(), StorageError> {
        self.put_response(r, None).await
    }

    /// Writes `r` with its low-score follow-up (see [`manyi_core::kiosk::follow_up`]) in one
    /// transaction, and waits until it is committed: either all of it is stored or nothing.
    pub async fn put_response(
        &self,
        r: &Response,
        follow_up: Option<manyi_core::kiosk::FollowUp>,
    ) -> Result<(), StorageError> {
        const ACTION: &str = "save the response";
        let mut record = Record::of(r, crate::platform::clock::now());
        record.follow_up = follow_up;
        let value = record.to_js()?;
        // A closed response is logged for the sync in the same transaction: stored and waiting
        // for the server, or neither.
        let entries = sync::response_entries(r);
        let names: &[&str] =
            if entries.is_empty() { &[schema::RESPONSES] } else { &[schema::RESPONSES, schema::SYNC_LOG] };
        let (tx, stores) = sync::transaction(self, names, IdbTransactionMode::Readwrite)
            .map_err(|e| StorageError::js(ACTION, &e))?;
        if let Some(log) = stores.get(1) {
            // The same closed response written again (a screen shown anew) is no change.
            let key = JsValue::from_str(&r.id.to_string());
            let get = stores[0].get(&key).map_err(|e| StorageError::js(ACTION, &e))?;
            let old = request::result(&get).await.map_err(|e| StorageError::js(ACTION, &e))?;
            let same = !old.is_undefined() && Record::from_js(&old).is_ok_and(|o| o.response == *r);
            if !same {
                sync::log(log, &entries, ACTION)?;
            }
        }
        stores[0].put(&value).map_err(|e| StorageError::js(ACTION, &e))?;
        request::committed(&tx).await.map_err(|e| StorageError::js(ACTION, &e))
    }

    /// The response with this id, if stored.
    pub async fn get(&self, id: ResponseId) -> Result<Option<Response>, StorageError> {
        const ACTION: &str = "read a response";
        let (_tx, store) =
            self.store(IdbTransactionMode::Readonly).map_err(|e| StorageError::js(ACTION, &e))?;
        let req = store.get(&JsValue::from_str(&id.to_string())).map_err(|e| StorageError::js(ACTION, &e))?;
        let value = request::result(&req).await.map_err(|e| StorageError::js(ACTION, &e))?;
        if value.is_undefined() {
            return Ok(None);
        }
        Record::from_js(&value).map(|r| Some(r.response))
    }

    /// Every stored response, in key order.
    pub async fn list(&self) -> Result<Vec<Response>, StorageError> {
        Ok(self.records().await?.into_iter().map(|r| r.response).collect())
    }

    /// The drafts of questionnaire `q`, oldest first (found through the status index).
    pub async fn drafts(&self, q: &QuestionnaireId) -> Result<Vec<Response>, StorageError> {
        Ok(self.draft_records(q).await?.into_iter().map(|r| r.response).collect())
    }
}

/// The responses of an array of stored records.
fn records(array: JsValue) -> Result<Vec<Response>, StorageError> {
    js_sys::Array::from(&array).iter().map(|v| Record::from_js(&v).map(|r| r.response)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_quota_error_reads_as_storage_full() {
        let full =
            super::StorageError::new("save the response", "QuotaExceededError: The quota has been exceeded.");
        assert!(super::storage_full(&full.to_string()));
        let other = super::StorageError::new(
            "save the response",
            "InvalidStateError: The database connection is closing.",
        );
        assert!(!super::storage_full(&other.to_string()));
    }
}
