//! The records the sync's change log points at: where each is kept (`Logged`), the log's entries
//! a save adds, and the stored records read back as the documents the push sends.

use super::from_js;
use crate::storage::StorageError;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::{QuestionnaireId, QuestionnaireRef};
use manyi_core::response::{Response, Status};
use manyi_core::sync::document::questionnaire_doc_id;
use manyi_core::sync::{Document, RevisionHistory, SyncRecord};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Where a logged record is kept: its store and its key there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Logged {
    /// `responses`, by the response UUID.
    Response(String),
    /// `callback_cases`, by the case key as text.
    Case(String),
    /// `callback_problems`, by the problem UUID.
    Problem(String),
    /// `questionnaires`, by id and version.
    Questionnaire(QuestionnaireId, u32),
}

/// One entry of the change log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// The change counter (given by the store when the entry is added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<u64>,
    /// The document id the record has on the server.
    pub doc: String,
    /// Where the record is.
    pub record: Logged,
}

/// The questionnaire versions shipped with the app: never pushed (every device and the analysts
/// have them). Known by id and version, without parsing the built-ins.
fn is_builtin(q: &QuestionnaireRef) -> bool {
    q.version == 1 && Builtin::with_id(q.id.as_str()).is_some()
}

/// What the log gets when `r` is saved: nothing for a draft (it still changes); else the
/// device's questionnaire it answers (answered, it no longer changes in place) and the response.
pub(in crate::storage) fn response_entries(r: &Response) -> Vec<LogEntry> {
    if r.status == Status::Draft {
        return Vec::new();
    }
    let mut entries = Vec::new();
    if !is_builtin(&r.questionnaire) {
        entries.push(LogEntry {
            seq: None,
            doc: questionnaire_doc_id(&r.questionnaire),
            record: Logged::Questionnaire(r.questionnaire.id.clone(), r.questionnaire.version),
        });
    }
    entries.push(LogEntry { seq: None, doc: r.id.to_string(), record: Logged::Response(r.id.to_string()) });
    entries
}

/// The stored records read back for the push: the record and, for cases and problems, its history.
#[derive(Deserialize)]
struct StoredResponse {
    response: Response,
}
#[derive(Deserialize)]
struct StoredQuestionnaire {
    questionnaire: manyi_core::questionnaire::Questionnaire,
}
#[derive(Deserialize)]
pub(super) struct StoredCase {
    pub(super) case: manyi_core::callback::Case,
    #[serde(default)]
    history: RevisionHistory,
}
#[derive(Deserialize)]
struct StoredProblem {
    problem: manyi_core::callback::problem::Problem,
    #[serde(default)]
    history: RevisionHistory,
}

/// The document of a stored record, if it is one the server should get.
pub(super) fn document(
    record: &Logged,
    value: &JsValue,
    action: &'static str,
) -> Result<Option<Document>, StorageError> {
    Ok(match record {
        Logged::Response(_) => {
            let s: StoredResponse = from_js(value, action)?;
            Document::immutable(SyncRecord::Response(s.response)).ok()
        }
        Logged::Questionnaire(..) => {
            let s: StoredQuestionnaire = from_js(value, action)?;
            Document::immutable(SyncRecord::Questionnaire(s.questionnaire)).ok()
        }
        Logged::Case(_) => {
            let s: StoredCase = from_js(value, action)?;
            Document::revised(SyncRecord::Case(s.case), s.history).ok()
        }
        Logged::Problem(_) => {
            let s: StoredProblem = from_js(value, action)?;
            Document::revised(SyncRecord::Problem(s.problem), s.history).ok()
        }
    })
}
