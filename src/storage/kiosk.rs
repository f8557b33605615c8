//! What the kiosk keeps beside the responses: its settings (store `kiosk`), and the staff's
//! export bookkeeping on the response records — marking them exported and deleting only those.

use super::{schema, Record, StorageError, Store};
use chrono::{DateTime, FixedOffset};
use manyi_core::kiosk::KioskSettings;
use manyi_core::questionnaire::QuestionnaireId;
use manyi_core::response::{ResponseId, Status};
use std::collections::HashSet;
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode;

fn key(id: ResponseId) -> JsValue {
    JsValue::from_str(&id.to_string())
}

impl Store {
    /// The kiosk's settings, `None` on first start.
    pub async fn settings(&self) -> Result<Option<KioskSettings>, StorageError> {
        const ACTION: &str = "read the kiosk settings";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let tx = self.db.transaction_with_str(schema::KIOSK).map_err(err)?;
        let req =
            tx.object_store(schema::KIOSK).and_then(|s| s.get(&JsValue::from_str(schema::SETTINGS_KEY)));
        let value = super::request::result(&req.map_err(err)?).await.map_err(err)?;
        if value.is_undefined() {
            return Ok(None);
        }
        let json: String = js_sys::JSON::stringify(&value).map_err(err)?.into();
        serde_json::from_str(&json).map(Some).map_err(|e| StorageError::new(ACTION, e))
    }

    /// Saves the kiosk's settings and waits until they are committed.
    pub async fn save_settings(&self, settings: &KioskSettings) -> Result<(), StorageError> {
        const ACTION: &str = "save the kiosk settings";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let json = serde_json::to_string(settings).map_err(|e| StorageError::new(ACTION, e))?;
        let value = js_sys::JSON::parse(&json).map_err(err)?;
        let tx = self
            .db
            .transaction_with_str_and_mode(schema::KIOSK, IdbTransactionMode::Readwrite)
            .map_err(err)?;
        tx.object_store(schema::KIOSK)
            .and_then(|s| s.put_with_key(&value, &JsValue::from_str(schema::SETTINGS_KEY)))
            .map_err(err)?;
        super::request::committed(&tx).await.map_err(err)
    }

    /// Every stored record (response with its follow-up and export mark), in key order.
    pub async fn records(&self) -> Result<Vec<Record>, StorageError> {
        const ACTION: &str = "list the responses";
        let (_tx, store) =
            self.store(IdbTransactionMode::Readonly).map_err(|e| StorageError::js(ACTION, &e))?;
        let req = store.get_all().map_err(|e| StorageError::js(ACTION, &e))?;
        let all = super::request::result(&req).await.map_err(|e| StorageError::js(ACTION, &e))?;
        js_sys::Array::from(&all).iter().map(|v| Record::from_js(&v)).collect()
    }

    /// The draft records of questionnaire `q`, oldest first.
    pub async fn draft_records(&self, q: &QuestionnaireId) -> Result<Vec<Record>, StorageError> {
        const ACTION: &str = "look for drafts";
        let (_tx, store) =
            self.store(IdbTransactionMode::Readonly).map_err(|e| StorageError::js(ACTION, &e))?;
        let index = store.index(schema::BY_STATUS).map_err(|e| StorageError::js(ACTION, &e))?;
        let req = index
            .get_all_with_key(&JsValue::from_str(Status::Draft.code()))
            .map_err(|e| StorageError::js(ACTION, &e))?;
        let all = super::request::result(&req).await.map_err(|e| StorageError::js(ACTION, &e))?;
        let mut drafts: Vec<Record> =
            js_sys::Array::from(&all).iter().map(|v| Record::from_js(&v)).collect::<Result<_, _>>()?;
        drafts.retain(|r| &r.questionnaire == q);
        drafts.sort_by_key(|r| r.response.started_at);
        Ok(drafts)
    }

    /// Deletes a draft (an idle session whose partial response is discarded). A record that is
    /// not a draft is left alone.
    pub async fn discard_draft(&self, id: ResponseId) -> Result<(), StorageError> {
        const ACTION: &str = "discard the unfinished response";
        match self.get(id).await? {
            Some(r) if r.status == Status::Draft => {}
            _ => return Ok(()),
        }
        let (tx, store) =
            self.store(IdbTransactionMode::Readwrite).map_err(|e| StorageError::js(ACTION, &e))?;
        store.delete(&key(id)).map_err(|e| StorageError::js(ACTION, &e))?;
        super::request::committed(&tx).await.map_err(|e| StorageError::js(ACTION, &e))
    }

    /// Marks the closed responses `ids` as exported at `at`, all in one transaction.
    pub async fn mark_exported(
        &self,
        ids: &[ResponseId],
        at: DateTime<FixedOffset>,
    ) -> Result<usize, StorageError> {
        const ACTION: &str = "mark the responses as exported";
        let wanted: HashSet<ResponseId> = ids.iter().copied().collect();
        let mut marked = Vec::new();
        for mut record in self.records().await? {
            if wanted.contains(&record.id) && record.status != Status::Draft && record.exported_at.is_none() {
                record.exported_at = Some(at);
                marked.push(record.to_js()?);
            }
        }
        let (tx, store) =
            self.store(IdbTransactionMode::Readwrite).map_err(|e| StorageError::js(ACTION, &e))?;
        for value in &marked {
            store.put(value).map_err(|e| StorageError::js(ACTION, &e))?;
        }
        super::request::committed(&tx).await.map_err(|e| StorageError::js(ACTION, &e))?;
        Ok(marked.len())
    }

    /// Deletes every response marked as exported, in one transaction; returns how many. Nothing
    /// that was not exported is ever deleted here; once the device syncs, nothing the server has
    /// not confirmed either (a response still in the sync's log stays).
    pub async fn delete_exported(&self) -> Result<usize, StorageError> {
        const ACTION: &str = "delete the exported responses";
        let syncing = self.sync_state::<serde_json::Value>(crate::sync::settings::keys::SETTINGS).await?;
        let waiting: HashSet<String> = match syncing {
            Some(v) if !v.is_null() => self.sync_log().await?.into_iter().map(|e| e.doc).collect(),
            _ => HashSet::new(),
        };
        let exported: Vec<ResponseId> = self
            .records()
            .await?
            .into_iter()
            .filter(|r| r.exported_at.is_some() && !waiting.contains(&r.id.to_string()))
            .map(|r| r.id)
            .collect();
        let (tx, store) =
            self.store(IdbTransactionMode::Readwrite).map_err(|e| StorageError::js(ACTION, &e))?;
        for id in &exported {
            store.delete(&key(*id)).map_err(|e| StorageError::js(ACTION, &e))?;
        }
        super::request::committed(&tx).await.map_err(|e| StorageError::js(ACTION, &e))?;
        Ok(exported.len())
    }
}
