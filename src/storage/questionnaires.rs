//! The questionnaires made or imported on this device (store `questionnaires`, keyed by id and
//! version), the stopwatches of evaluation visits (store `stopwatches`, keyed by the response), and
//! the responses of one questionnaire (index `by_questionnaire`). Records are written through JSON,
//! so they read exactly as core serialises them.

use super::{request, schema, StorageError, Store};
use chrono::{DateTime, FixedOffset};
use manyi_core::evaluation::stopwatch::Stopwatch;
use manyi_core::questionnaire::item::ItemId;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireId, QuestionnaireRef};
use manyi_core::response::{Response, ResponseId};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode;

/// A record of the `questionnaires` store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct QuestionnaireRecord {
    id: QuestionnaireId,
    version: u32,
    saved_at: DateTime<FixedOffset>,
    questionnaire: Questionnaire,
}

/// A record of the `stopwatches` store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct StopwatchRecord {
    response: ResponseId,
    watches: BTreeMap<ItemId, Stopwatch>,
}

fn to_js(value: &impl Serialize, action: &'static str) -> Result<JsValue, StorageError> {
    let json = serde_json::to_string(value).map_err(|e| StorageError::new(action, e))?;
    js_sys::JSON::parse(&json).map_err(|e| StorageError::js(action, &e))
}

fn from_js<T: DeserializeOwned>(value: &JsValue, action: &'static str) -> Result<T, StorageError> {
    let json: String = js_sys::JSON::stringify(value).map_err(|e| StorageError::js(action, &e))?.into();
    serde_json::from_str(&json).map_err(|e| StorageError::new(action, e))
}

impl Store {
    async fn write(&self, store: &str, value: JsValue, action: &'static str) -> Result<(), StorageError> {
        let fail = |e: JsValue| StorageError::js(action, &e);
        let tx = self.db.transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite).map_err(fail)?;
        tx.object_store(store).map_err(fail)?.put(&value).map_err(fail)?;
        request::committed(&tx).await.map_err(fail)
    }

    async fn read_all(&self, store: &str, action: &'static str) -> Result<JsValue, StorageError> {
        let fail = |e: JsValue| StorageError::js(action, &e);
        let tx = self.db.transaction_with_str_and_mode(store, IdbTransactionMode::Readonly).map_err(fail)?;
        let req = tx.object_store(store).map_err(fail)?.get_all().map_err(fail)?;
        request::result(&req).await.map_err(fail)
    }

    /// Writes a questionnaire, replacing the one with the same id and version, and tells every
    /// page and worker ([`super::library_news`]).
    pub async fn put_questionnaire(&self, q: &Questionnaire) -> Result<(), StorageError> {
        const ACTION: &str = "save the questionnaire";
        let record = QuestionnaireRecord {
            id: q.id.clone(),
            version: q.version,
            saved_at: crate::platform::clock::now(),
            questionnaire: q.clone(),
        };
        self.write(schema::QUESTIONNAIRES, to_js(&record, ACTION)?, ACTION).await?;
        super::library_news::announce();
        Ok(())
    }

    /// Every stored questionnaire, every version.
    pub async fn questionnaires(&self) -> Result<Vec<Questionnaire>, StorageError> {
        const ACTION: &str = "read the questionnaires";
        let all = self.read_all(schema::QUESTIONNAIRES, ACTION).await?;
        js_sys::Array::from(&all)
            .iter()
            .map(|v| from_js::<QuestionnaireRecord>(&v, ACTION).map(|r| r.questionnaire))
            .collect()
    }

    /// The questionnaire versions some stored response was given to.
    pub async fn answered(&self) -> Result<BTreeSet<QuestionnaireRef>, StorageError> {
        Ok(self.list().await?.into_iter().map(|r| r.questionnaire).collect())
    }

    /// The stored responses to any version of questionnaire `id`.
    pub async fn responses_to(&self, id: &QuestionnaireId) -> Result<Vec<Response>, StorageError> {
        const ACTION: &str = "read the responses";
        let fail = |e: JsValue| StorageError::js(ACTION, &e);
        let tx = self
            .db
            .transaction_with_str_and_mode(schema::RESPONSES, IdbTransactionMode::Readonly)
            .map_err(fail)?;
        let index = tx
            .object_store(schema::RESPONSES)
            .map_err(fail)?
            .index(schema::BY_QUESTIONNAIRE)
            .map_err(fail)?;
        let req = index.get_all_with_key(&JsValue::from_str(id.as_str())).map_err(fail)?;
        super::records(request::result(&req).await.map_err(fail)?)
    }

    /// Writes the stopwatches of a visit.
    pub async fn put_stopwatches(
        &self,
        response: ResponseId,
        watches: &BTreeMap<ItemId, Stopwatch>,
    ) -> Result<(), StorageError> {
        const ACTION: &str = "save the stopwatches";
        let record = StopwatchRecord { response, watches: watches.clone() };
        self.write(schema::STOPWATCHES, to_js(&record, ACTION)?, ACTION).await
    }

    /// The stopwatches of a visit (none when nothing was timed).
    pub async fn stopwatches(
        &self,
        response: ResponseId,
    ) -> Result<BTreeMap<ItemId, Stopwatch>, StorageError> {
        const ACTION: &str = "read the stopwatches";
        let fail = |e: JsValue| StorageError::js(ACTION, &e);
        let tx = self
            .db
            .transaction_with_str_and_mode(schema::STOPWATCHES, IdbTransactionMode::Readonly)
            .map_err(fail)?;
        let req = tx
            .object_store(schema::STOPWATCHES)
            .map_err(fail)?
            .get(&JsValue::from_str(&response.to_string()))
            .map_err(fail)?;
        let value = request::result(&req).await.map_err(fail)?;
        if value.is_undefined() {
            return Ok(BTreeMap::new());
        }
        Ok(from_js::<StopwatchRecord>(&value, ACTION)?.watches)
    }
}
