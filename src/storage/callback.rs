//! The callback workspace's records (migration v3): cases, problem records and the call in
//! progress. Everything one call changes — the case with its new attempt, the interview's
//! response, the problem it opens — is written in one transaction, so nothing is half-written.

use super::schema::{CALLBACK_CALLS, CALLBACK_CASES, CALLBACK_PROBLEMS, RESPONSES, SYNC_LOG};
use super::sync::{self, transaction, LogEntry, Logged};
use super::{request, Record, StorageError, Store};
use chrono::{DateTime, FixedOffset};
use manyi_core::callback::problem::{Problem, ProblemId};
use manyi_core::callback::{CallSlot, Case, CaseStatus, Finished};
use manyi_core::response::Response;
use manyi_core::sync::document::case_doc_id;
use manyi_core::sync::{RevisionHistory, SyncRecord};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode;

/// The key of the one call-in-progress slot.
const CURRENT_CALL: &str = "current";

/// A record of `callback_cases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CaseRecord {
    /// The case key as text: the store's key.
    id: String,
    /// Open or closed (index `by_status`).
    status: CaseStatus,
    /// The case's place in the list (the order cases were added in).
    order: u64,
    saved_at: DateTime<FixedOffset>,
    case: Case,
    /// The content hashes the case has had (noted at every save): its revision history.
    #[serde(default)]
    history: RevisionHistory,
}

/// Open or closed, for the problems' status index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ProblemStatus {
    Open,
    Closed,
}

/// A record of `callback_problems`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ProblemRecord {
    id: ProblemId,
    status: ProblemStatus,
    saved_at: DateTime<FixedOffset>,
    problem: Problem,
    /// The content hashes the record has had (noted at every save): its revision history.
    #[serde(default)]
    history: RevisionHistory,
}

/// The record of `callback_calls`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct CallRecord {
    id: String,
    saved_at: DateTime<FixedOffset>,
    slot: CallSlot,
}

fn to_js<T: Serialize>(value: &T, action: &'static str) -> Result<JsValue, StorageError> {
    let json = serde_json::to_string(value).map_err(|e| StorageError::new(action, e))?;
    js_sys::JSON::parse(&json).map_err(|e| StorageError::js(action, &e))
}

fn from_js<T: DeserializeOwned>(value: &JsValue, action: &'static str) -> Result<T, StorageError> {
    let json: String = js_sys::JSON::stringify(value).map_err(|e| StorageError::js(action, &e))?.into();
    serde_json::from_str(&json).map_err(|e| StorageError::new(action, e))
}

fn case_record(order: u64, case: &Case, at: DateTime<FixedOffset>, history: RevisionHistory) -> CaseRecord {
    CaseRecord {
        id: case.key.to_string(),
        status: case.status(),
        order,
        saved_at: at,
        case: case.clone(),
        history,
    }
}

fn problem_record(p: &Problem, at: DateTime<FixedOffset>, history: RevisionHistory) -> ProblemRecord {
    let status = if p.is_open() { ProblemStatus::Open } else { ProblemStatus::Closed };
    ProblemRecord { id: p.id, status, saved_at: at, problem: p.clone(), history }
}

fn case_entry(case: &Case) -> LogEntry {
    LogEntry { seq: None, doc: case_doc_id(&case.key), record: Logged::Case(case.key.to_string()) }
}

fn problem_entry(p: &Problem) -> LogEntry {
    LogEntry { seq: None, doc: p.id.to_string(), record: Logged::Problem(p.id.to_string()) }
}

impl Store {
    async fn all<T: DeserializeOwned>(
        &self,
        name: &str,
        action: &'static str,
    ) -> Result<Vec<T>, StorageError> {
        let err = |e: JsValue| StorageError::js(action, &e);
        let (_tx, stores) = transaction(self, &[name], IdbTransactionMode::Readonly).map_err(err)?;
        let req = stores[0].get_all().map_err(err)?;
        let array = request::result(&req).await.map_err(err)?;
        js_sys::Array::from(&array).iter().map(|v| from_js(&v, action)).collect()
    }

    /// Every callback case, in the order they were added.
    pub async fn callback_cases(&self) -> Result<Vec<Case>, StorageError> {
        let mut records: Vec<CaseRecord> = self.all(CALLBACK_CASES, "read the call list").await?;
        records.sort_by_key(|r| r.order);
        Ok(records.into_iter().map(|r| r.case).collect())
    }

    /// Adds new cases (an import, kiosk requests) in one transaction: all or none. `first` is
    /// the place of the first in the list.
    pub async fn add_callback_cases(
        &self,
        first: u64,
        cases: &[Case],
        at: DateTime<FixedOffset>,
    ) -> Result<(), StorageError> {
        const ACTION: &str = "save the call list";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let records: Vec<JsValue> = cases
            .iter()
            .zip(first..)
            .map(|(c, order)| {
                let history = RevisionHistory::single(SyncRecord::Case(c.clone()).content_hash());
                to_js(&case_record(order, c, at, history), ACTION)
            })
            .collect::<Result<_, _>>()?;
        let entries: Vec<LogEntry> = cases.iter().map(case_entry).collect();
        let (tx, stores) =
            transaction(self, &[CALLBACK_CASES, SYNC_LOG], IdbTransactionMode::Readwrite).map_err(err)?;
        for value in &records {
            stores[0].put(value).map_err(err)?;
        }
        sync::log(&stores[1], &entries, ACTION)?;
        request::committed(&tx).await.map_err(err)
    }

    /// Stores what a call changed, together: the case (at its place `order`), the response and
    /// the problem record, and empties the call-in-progress slot.
    pub async fn save_finished_call(
        &self,
        order: u64,
        finished: &Finished,
        at: DateTime<FixedOffset>,
    ) -> Result<(), StorageError> {
        const ACTION: &str = "save the call";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let response = finished.response.as_ref().map(|r| Record::of(r, at).to_js()).transpose()?;
        let mut entries = vec![case_entry(&finished.case)];
        entries.extend(finished.response.iter().flat_map(sync::response_entries));
        entries.extend(finished.problem.iter().map(problem_entry));
        let names = [CALLBACK_CASES, RESPONSES, CALLBACK_PROBLEMS, CALLBACK_CALLS, SYNC_LOG];
        let (tx, stores) = transaction(self, &names, IdbTransactionMode::Readwrite).map_err(err)?;
        // The histories are read in this transaction, so the saves are noted in order.
        let key = finished.case.key.to_string();
        let history =
            sync::noted_history(&stores[0], &key, SyncRecord::Case(finished.case.clone()), ACTION).await?;
        let case = to_js(&case_record(order, &finished.case, at, history), ACTION)?;
        let problem = match &finished.problem {
            Some(p) => {
                let record = SyncRecord::Problem(p.clone());
                let history = sync::noted_history(&stores[2], &p.id.to_string(), record, ACTION).await?;
                Some(to_js(&problem_record(p, at, history), ACTION)?)
            }
            None => None,
        };
        stores[0].put(&case).map_err(err)?;
        if let Some(r) = &response {
            stores[1].put(r).map_err(err)?;
        }
        if let Some(p) = &problem {
            stores[2].put(p).map_err(err)?;
        }
        stores[3].delete(&JsValue::from_str(CURRENT_CALL)).map_err(err)?;
        sync::log(&stores[4], &entries, ACTION)?;
        request::committed(&tx).await.map_err(err)
    }

    /// Every problem record, in the order they were found.
    pub async fn problems(&self) -> Result<Vec<Problem>, StorageError> {
        let mut records: Vec<ProblemRecord> = self.all(CALLBACK_PROBLEMS, "read the problem records").await?;
        records.sort_by_key(|r| (r.problem.found_at, r.id));
        Ok(records.into_iter().map(|r| r.problem).collect())
    }

    /// Writes a problem record (after an update or when its result is entered).
    pub async fn put_problem(&self, p: &Problem, at: DateTime<FixedOffset>) -> Result<(), StorageError> {
        const ACTION: &str = "save the problem record";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let (tx, stores) =
            transaction(self, &[CALLBACK_PROBLEMS, SYNC_LOG], IdbTransactionMode::Readwrite).map_err(err)?;
        let history =
            sync::noted_history(&stores[0], &p.id.to_string(), SyncRecord::Problem(p.clone()), ACTION)
                .await?;
        let value = to_js(&problem_record(p, at, history), ACTION)?;
        stores[0].put(&value).map_err(err)?;
        sync::log(&stores[1], &[problem_entry(p)], ACTION)?;
        request::committed(&tx).await.map_err(err)
    }

    /// The call in progress, if a call was not finished (the page was reloaded).
    pub async fn call_slot(&self) -> Result<Option<CallSlot>, StorageError> {
        let records: Vec<CallRecord> = self.all(CALLBACK_CALLS, "read the call in progress").await?;
        Ok(records.into_iter().find(|r| r.id == CURRENT_CALL).map(|r| r.slot))
    }

    /// Writes the call in progress and, once the interview has answers, its draft response, in
    /// one transaction.
    pub async fn save_call_in_progress(
        &self,
        slot: &CallSlot,
        draft: Option<&Response>,
        at: DateTime<FixedOffset>,
    ) -> Result<(), StorageError> {
        const ACTION: &str = "save the call in progress";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let record = CallRecord { id: CURRENT_CALL.into(), saved_at: at, slot: slot.clone() };
        let value = to_js(&record, ACTION)?;
        let draft = draft.map(|r| Record::of(r, at).to_js()).transpose()?;
        let (tx, stores) =
            transaction(self, &[CALLBACK_CALLS, RESPONSES], IdbTransactionMode::Readwrite).map_err(err)?;
        stores[0].put(&value).map_err(err)?;
        if let Some(d) = &draft {
            stores[1].put(d).map_err(err)?;
        }
        request::committed(&tx).await.map_err(err)
    }

    /// Empties the call-in-progress slot (a call cancelled before anything was recorded).
    pub async fn clear_call_slot(&self) -> Result<(), StorageError> {
        const ACTION: &str = "clear the call in progress";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let (tx, stores) =
            transaction(self, &[CALLBACK_CALLS], IdbTransactionMode::Readwrite).map_err(err)?;
        stores[0].delete(&JsValue::from_str(CURRENT_CALL)).map_err(err)?;
        request::committed(&tx).await.map_err(err)
    }
}
