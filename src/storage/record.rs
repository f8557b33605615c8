//! What one stored record holds: the response exactly as core serialises it, and beside it the
//! fields the indexes need.

use super::StorageError;
use chrono::{DateTime, FixedOffset};
use manyi_core::kiosk::FollowUp;
use manyi_core::questionnaire::QuestionnaireId;
use manyi_core::response::{Response, ResponseId, Status};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// A record of the `responses` store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The response's UUID: the key.
    pub id: ResponseId,
    /// Its questionnaire's id (index `by_questionnaire`).
    pub questionnaire: QuestionnaireId,
    /// Its status (index `by_status`).
    pub status: Status,
    /// When this version of the record was written.
    pub saved_at: DateTime<FixedOffset>,
    /// The response.
    pub response: Response,
    /// A low score's follow-up (index `by_follow_up`): queued for a call-back or flagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    /// When staff marked it as exported; only exported responses may be deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<DateTime<FixedOffset>>,
}

impl Record {
    /// The record of `r`, written at `saved_at`.
    pub fn of(r: &Response, saved_at: DateTime<FixedOffset>) -> Record {
        Record {
            id: r.id,
            questionnaire: r.questionnaire.id.clone(),
            status: r.status,
            saved_at,
            response: r.clone(),
            follow_up: None,
            exported_at: None,
        }
    }

    /// The record as a plain JS object (through JSON, so it reads exactly as core's JSON).
    pub fn to_js(&self) -> Result<JsValue, StorageError> {
        let json = serde_json::to_string(self).map_err(|e| StorageError::new("write a response", e))?;
        js_sys::JSON::parse(&json).map_err(|e| StorageError::js("write a response", &e))
    }

    /// The record read back from a JS object.
    pub fn from_js(value: &JsValue) -> Result<Record, StorageError> {
        let json: String =
            js_sys::JSON::stringify(value).map_err(|e| StorageError::js("read a response", &e))?.into();
        serde_json::from_str(&json).map_err(|e| StorageError::new("read a response", e))
    }
}
