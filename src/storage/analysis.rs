//! The analyst workspace's records (migration v5): each imported export file that changed the
//! merged data, kept whole in `analysis_files`, keyed in import order. Opening the workspace
//! re-imports them through core in that order, which gives the same merge again; the files are
//! removed only when the analyst clears them.
//!
//! A file is kept as the browser's `Blob` (the picked `File` itself): IndexedDB stores it without
//! the page copying its bytes, so keeping a file of a hundred megabytes does not hold up the
//! page. Records of earlier builds hold a `Uint8Array`; they are read as a `Blob` too.

use super::schema::ANALYSIS_FILES;
use super::{request, StorageError, Store};
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, IdbTransactionMode};

/// One kept file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptFile {
    /// Its key: the import order (zero-padded so that key order is import order).
    pub id: String,
    /// The file's name.
    pub name: String,
    /// Its contents (a picked `File` is a `Blob`).
    pub contents: Blob,
}

impl KeptFile {
    /// Its bytes, read by the browser.
    pub async fn bytes(&self) -> Result<ArrayBuffer, StorageError> {
        const ACTION: &str = "read an imported file";
        let buffer =
            JsFuture::from(self.contents.array_buffer()).await.map_err(|e| StorageError::js(ACTION, &e))?;
        Ok(buffer.unchecked_into())
    }
}

/// The contents of a record: its `Blob`, or the `Uint8Array` an earlier build kept, as a `Blob`.
fn contents(value: JsValue, action: &'static str) -> Result<Blob, StorageError> {
    match value.dyn_into::<Blob>() {
        Ok(blob) => Ok(blob),
        Err(value) => {
            let bytes = Uint8Array::new(&value);
            Blob::new_with_u8_array_sequence(&Array::of1(&bytes)).map_err(|e| StorageError::js(action, &e))
        }
    }
}

fn field(value: &JsValue, name: &str, action: &'static str) -> Result<JsValue, StorageError> {
    Reflect::get(value, &JsValue::from_str(name)).map_err(|e| StorageError::js(action, &e))
}

impl Store {
    fn analysis_store(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(web_sys::IdbTransaction, web_sys::IdbObjectStore), JsValue> {
        let tx = self.db.transaction_with_str_and_mode(ANALYSIS_FILES, mode)?;
        let store = tx.object_store(ANALYSIS_FILES)?;
        Ok((tx, store))
    }

    /// Every kept file, in import order.
    pub async fn analysis_files(&self) -> Result<Vec<KeptFile>, StorageError> {
        const ACTION: &str = "read the imported files";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let (_tx, store) = self.analysis_store(IdbTransactionMode::Readonly).map_err(err)?;
        let req = store.get_all().map_err(err)?;
        let array = request::result(&req).await.map_err(err)?;
        js_sys::Array::from(&array)
            .iter()
            .map(|v| {
                Ok(KeptFile {
                    id: field(&v, "id", ACTION)?.as_string().unwrap_or_default(),
                    name: field(&v, "name", ACTION)?.as_string().unwrap_or_default(),
                    contents: contents(field(&v, "bytes", ACTION)?, ACTION)?,
                })
            })
            .collect()
    }

    /// Keeps a file (replacing one with the same id) and waits until it is committed.
    pub async fn keep_analysis_file(&self, file: &KeptFile, imported_at: &str) -> Result<(), StorageError> {
        const ACTION: &str = "keep the imported file";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let record = Object::new();
        for (name, value) in [
            ("id", JsValue::from_str(&file.id)),
            ("name", JsValue::from_str(&file.name)),
            ("imported_at", JsValue::from_str(imported_at)),
            ("bytes", file.contents.clone().into()),
        ] {
            Reflect::set(&record, &JsValue::from_str(name), &value).map_err(err)?;
        }
        let (tx, store) = self.analysis_store(IdbTransactionMode::Readwrite).map_err(err)?;
        store.put(&record).map_err(err)?;
        request::committed(&tx).await.map_err(err)
    }

    /// Removes every kept file.
    pub async fn clear_analysis_files(&self) -> Result<(), StorageError> {
        const ACTION: &str = "clear the imported files";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let (tx, store) = self.analysis_store(IdbTransactionMode::Readwrite).map_err(err)?;
        store.clear().map_err(err)?;
        request::committed(&tx).await.map_err(err)
    }
}
