//! The sync's bookkeeping on the device (migration v6). Every save of a record the server should
//! get — a closed response (kiosk, callback interview, evaluation visit, Kano study), a callback
//! case, a problem record, and the device's questionnaire a closed response answers — adds an
//! entry to the change log `sync_log` in the same transaction as the record, keyed by the
//! device's change counter (IndexedDB's key generator: it only rises, so a record saved again
//! gets a new, higher number). A push reads the log after its checkpoint, the records as they are
//! now, and once the server has confirmed a batch, the entries up to it leave the log and the
//! confirmed revisions are marked in `sync_marks`. What waits is what is in the log; what may be
//! pruned is what is marked and not in the log.

use super::schema::{
    CALLBACK_CASES, CALLBACK_PROBLEMS, QUESTIONNAIRES, RESPONSES, SYNC_LOG, SYNC_MARKS, SYNC_STATE,
};
use super::{request, StorageError, Store};
use chrono::{DateTime, FixedOffset};
use manyi_core::response::Status;
use manyi_core::sync::{Revision, RevisionHistory, SourceDoc, SyncRecord};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use wasm_bindgen::JsValue;
use web_sys::{IdbKeyRange, IdbObjectStore, IdbTransaction, IdbTransactionMode};

mod records;

pub(super) use records::response_entries;
use records::{document, StoredCase};
pub use records::{LogEntry, Logged};

/// A revision the server confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Mark {
    doc: String,
    rev: Revision,
    at: DateTime<FixedOffset>,
}

pub(super) fn to_js<T: Serialize>(value: &T, action: &'static str) -> Result<JsValue, StorageError> {
    let json = serde_json::to_string(value).map_err(|e| StorageError::new(action, e))?;
    js_sys::JSON::parse(&json).map_err(|e| StorageError::js(action, &e))
}

pub(super) fn from_js<T: DeserializeOwned>(value: &JsValue, action: &'static str) -> Result<T, StorageError> {
    let json: String = js_sys::JSON::stringify(value).map_err(|e| StorageError::js(action, &e))?.into();
    serde_json::from_str(&json).map_err(|e| StorageError::new(action, e))
}

/// Adds `entries` to the log (the `sync_log` store of the caller's transaction) and nudges the
/// background sync, if it runs on this page: it reads the log in a transaction that IndexedDB
/// starts only after this one has committed.
pub(super) fn log(
    log: &IdbObjectStore,
    entries: &[LogEntry],
    action: &'static str,
) -> Result<(), StorageError> {
    for entry in entries {
        log.add(&to_js(entry, action)?).map_err(|e| StorageError::js(action, &e))?;
    }
    if !entries.is_empty() {
        crate::sync::background::nudge();
    }
    Ok(())
}

/// A transaction over `names` and its stores, in the order named.
pub(super) fn transaction(
    store: &Store,
    names: &[&str],
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, Vec<IdbObjectStore>), JsValue> {
    let list = js_sys::Array::new();
    for name in names {
        list.push(&JsValue::from_str(name));
    }
    let tx = store.db.transaction_with_str_sequence_and_mode(&list, mode)?;
    let stores = names.iter().map(|n| tx.object_store(n)).collect::<Result<Vec<_>, _>>()?;
    Ok((tx, stores))
}

/// The revision history kept in the record under `key` of `store` (a case's or problem's), with
/// `record`'s hash noted: what the record's history is after this save. Read in the caller's
/// transaction, which stays active while it is awaited (IndexedDB keeps a transaction active
/// through the microtasks of a request's success).
pub(super) async fn noted_history(
    store: &IdbObjectStore,
    key: &str,
    record: SyncRecord,
    action: &'static str,
) -> Result<RevisionHistory, StorageError> {
    let err = |e: JsValue| StorageError::js(action, &e);
    let old = request::result(&store.get(&JsValue::from_str(key)).map_err(err)?).await.map_err(err)?;
    let mut history = if old.is_undefined() {
        RevisionHistory::new()
    } else {
        let h = js_sys::Reflect::get(&old, &JsValue::from_str("history")).map_err(err)?;
        if h.is_undefined() {
            RevisionHistory::new()
        } else {
            from_js(&h, action)?
        }
    };
    history.note(record.content_hash());
    Ok(history)
}

impl Store {
    /// The value under `key` of the sync's state (`None` if never written).
    pub async fn sync_state<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StorageError> {
        const ACTION: &str = "read the sync state";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let (_tx, stores) = transaction(self, &[SYNC_STATE], IdbTransactionMode::Readonly).map_err(err)?;
        let value =
            request::result(&stores[0].get(&JsValue::from_str(key)).map_err(err)?).await.map_err(err)?;
        if value.is_undefined() {
            return Ok(None);
        }
        from_js(&value, ACTION).map(Some)
    }

    /// Whether sync is set up on this device (settings are stored and not forgotten): read
    /// without parsing them, so the kiosk's page can ask.
    pub async fn sync_configured(&self) -> bool {
        let key = JsValue::from_str(crate::sync::settings::keys::SETTINGS);
        let Ok((_tx, stores)) = transaction(self, &[SYNC_STATE], IdbTransactionMode::Readonly) else {
            return false;
        };
        let Ok(get) = stores[0].get(&key) else { return false };
        request::result(&get).await.is_ok_and(|v| !v.is_undefined() && !v.is_null())
    }

    /// Writes `value` under `key` of the sync's state and waits until it is committed.
    pub async fn put_sync_state<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        const ACTION: &str = "save the sync state";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let value = to_js(value, ACTION)?;
        let (tx, stores) = transaction(self, &[SYNC_STATE], IdbTransactionMode::Readwrite).map_err(err)?;
        stores[0].put_with_key(&value, &JsValue::from_str(key)).map_err(err)?;
        request::committed(&tx).await.map_err(err)
    }

    /// Every entry of the change log, in change order.
    pub async fn sync_log(&self) -> Result<Vec<LogEntry>, StorageError> {
        const ACTION: &str = "read the sync log";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let (_tx, stores) = transaction(self, &[SYNC_LOG], IdbTransactionMode::Readonly).map_err(err)?;
        let all = request::result(&stores[0].get_all().map_err(err)?).await.map_err(err)?;
        js_sys::Array::from(&all).iter().map(|v| from_js(&v, ACTION)).collect()
    }

    /// How many records wait for the server (distinct documents in the log).
    pub async fn sync_waiting(&self) -> Result<usize, StorageError> {
        Ok(self.sync_log().await?.iter().map(|e| &e.doc).collect::<HashSet<_>>().len())
    }

    /// The next batch to push: the records logged after `after`, each once with its latest change
    /// number, in change order, at most `limit`, as they are stored now. Entries whose record is
    /// gone (or a draft again) are dropped from the log, so they do not wait for ever.
    pub async fn sync_batch(&self, after: u64, limit: usize) -> Result<Vec<SourceDoc>, StorageError> {
        const ACTION: &str = "read the records to sync";
        let mut latest: BTreeMap<String, (u64, Logged)> = BTreeMap::new();
        for e in self.sync_log().await? {
            let seq = e.seq.unwrap_or_default();
            if seq > after && latest.get(&e.doc).is_none_or(|(s, _)| *s < seq) {
                latest.insert(e.doc, (seq, e.record));
            }
        }
        let mut pending: Vec<(u64, String, Logged)> =
            latest.into_iter().map(|(doc, (seq, record))| (seq, doc, record)).collect();
        pending.sort_by_key(|p| p.0);
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let names = [RESPONSES, CALLBACK_CASES, CALLBACK_PROBLEMS, QUESTIONNAIRES];
        let mut docs = Vec::new();
        let mut gone = Vec::new();
        for (seq, doc, record) in pending {
            if docs.len() == limit {
                break;
            }
            // One short transaction per record: a push batch is read while the page goes on.
            let (_tx, stores) = transaction(self, &names, IdbTransactionMode::Readonly).map_err(err)?;
            let (store, key) = match &record {
                Logged::Response(k) => (&stores[0], JsValue::from_str(k)),
                Logged::Case(k) => (&stores[1], JsValue::from_str(k)),
                Logged::Problem(k) => (&stores[2], JsValue::from_str(k)),
                Logged::Questionnaire(id, v) => (
                    &stores[3],
                    js_sys::Array::of2(&JsValue::from_str(id.as_str()), &JsValue::from(*v)).into(),
                ),
            };
            let value = request::result(&store.get(&key).map_err(err)?).await.map_err(err)?;
            let document = if value.is_undefined() { None } else { document(&record, &value, ACTION)? };
            match document {
                Some(d) if d.id == doc => docs.push(SourceDoc { seq, document: d }),
                _ => gone.push(doc),
            }
        }
        if !gone.is_empty() {
            self.forget_logged(&gone).await?;
        }
        Ok(docs)
    }

    /// Removes every log entry of the documents `docs`.
    async fn forget_logged(&self, docs: &[String]) -> Result<(), StorageError> {
        const ACTION: &str = "update the sync log";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let drop: HashSet<&String> = docs.iter().collect();
        let seqs: Vec<u64> = self
            .sync_log()
            .await?
            .into_iter()
            .filter(|e| drop.contains(&e.doc))
            .filter_map(|e| e.seq)
            .collect();
        let (tx, stores) = transaction(self, &[SYNC_LOG], IdbTransactionMode::Readwrite).map_err(err)?;
        for seq in seqs {
            stores[0].delete(&JsValue::from(seq as f64)).map_err(err)?;
        }
        request::committed(&tx).await.map_err(err)
    }

    /// The server confirmed every change up to `through` (its checkpoint) and these revisions:
    /// the log up to `through` is emptied and the revisions marked, in one transaction. A record
    /// saved again after its batch was read keeps its later entry, so it is pushed again.
    pub async fn sync_confirm(
        &self,
        through: u64,
        confirmed: &[(String, Revision)],
        at: DateTime<FixedOffset>,
    ) -> Result<(), StorageError> {
        const ACTION: &str = "mark the records as synced";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let marks: Vec<JsValue> = confirmed
            .iter()
            .map(|(doc, rev)| to_js(&Mark { doc: doc.clone(), rev: rev.clone(), at }, ACTION))
            .collect::<Result<_, _>>()?;
        let (tx, stores) =
            transaction(self, &[SYNC_LOG, SYNC_MARKS], IdbTransactionMode::Readwrite).map_err(err)?;
        if through > 0 {
            let range = IdbKeyRange::upper_bound(&JsValue::from(through as f64)).map_err(err)?;
            stores[0].delete(&range).map_err(err)?;
        }
        for mark in &marks {
            stores[1].put(mark).map_err(err)?;
        }
        request::committed(&tx).await.map_err(err)
    }

    /// The document ids the server confirmed (at some revision).
    pub async fn sync_marked(&self) -> Result<HashSet<String>, StorageError> {
        const ACTION: &str = "read the synced marks";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let (_tx, stores) = transaction(self, &[SYNC_MARKS], IdbTransactionMode::Readonly).map_err(err)?;
        let all = request::result(&stores[0].get_all_keys().map_err(err)?).await.map_err(err)?;
        Ok(js_sys::Array::from(&all).iter().filter_map(|k| k.as_string()).collect())
    }

    /// Logs every record the server should have, as saved before the sync was set up (or for a
    /// new server): closed responses with the device's questionnaires they answer, cases and
    /// problem records; and forgets the marks of the server before.
    pub async fn sync_log_everything(&self) -> Result<usize, StorageError> {
        const ACTION: &str = "prepare the records for a new server";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let mut entries = Vec::new();
        for r in self.list().await? {
            entries.extend(response_entries(&r));
        }
        let (_tx, stores) =
            transaction(self, &[CALLBACK_CASES, CALLBACK_PROBLEMS], IdbTransactionMode::Readonly)
                .map_err(err)?;
        let cases = request::result(&stores[0].get_all().map_err(err)?).await.map_err(err)?;
        for v in js_sys::Array::from(&cases).iter() {
            let key = js_sys::Reflect::get(&v, &JsValue::from_str("id")).map_err(err)?.as_string();
            let s: StoredCase = from_js(&v, ACTION)?;
            let doc = manyi_core::sync::document::case_doc_id(&s.case.key);
            entries.push(LogEntry { seq: None, doc, record: Logged::Case(key.unwrap_or_default()) });
        }
        let problems = request::result(&stores[1].get_all_keys().map_err(err)?).await.map_err(err)?;
        for key in js_sys::Array::from(&problems).iter().filter_map(|k| k.as_string()) {
            entries.push(LogEntry { seq: None, doc: key.clone(), record: Logged::Problem(key) });
        }
        let count = entries.iter().map(|e| &e.doc).collect::<HashSet<_>>().len();
        let (tx, stores) =
            transaction(self, &[SYNC_LOG, SYNC_MARKS], IdbTransactionMode::Readwrite).map_err(err)?;
        stores[1].clear().map_err(err)?;
        log(&stores[0], &entries, ACTION)?;
        request::committed(&tx).await.map_err(err)?;
        Ok(count)
    }

    /// Deletes the responses the server has confirmed that were submitted before `before`, and
    /// returns how many: never one still waiting (in the log), never one without a confirmation,
    /// never a draft, never one queued for a call-back. Cases and problem records stay: they are
    /// the call desk's working list.
    pub async fn sync_prune(&self, before: DateTime<FixedOffset>) -> Result<usize, StorageError> {
        const ACTION: &str = "delete synced responses";
        let err = |e: JsValue| StorageError::js(ACTION, &e);
        let waiting: HashSet<String> = self.sync_log().await?.into_iter().map(|e| e.doc).collect();
        let marked = self.sync_marked().await?;
        let old: Vec<String> = self
            .records()
            .await?
            .into_iter()
            .filter(|r| r.status != Status::Draft)
            .filter(|r| r.follow_up != Some(manyi_core::kiosk::FollowUp::Queued))
            .filter(|r| r.response.submitted_at.unwrap_or(r.response.started_at) < before)
            .map(|r| r.id.to_string())
            .filter(|id| marked.contains(id) && !waiting.contains(id))
            .collect();
        let (tx, stores) = transaction(self, &[RESPONSES], IdbTransactionMode::Readwrite).map_err(err)?;
        for id in &old {
            stores[0].delete(&JsValue::from_str(id)).map_err(err)?;
        }
        request::committed(&tx).await.map_err(err)?;
        Ok(old.len())
    }
}
