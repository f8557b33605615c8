//! A Manyi record as a CouchDB document: its `_id`, its revision (a hash of its canonical content)
//! and the body that travels. Reading a document back gives the record, or says why it is not one.
//!
//! ```json
//! {"_id": "0b6f…", "_rev": "1-4cdb…", "_revisions": {"start": 1, "ids": ["4cdb…"]},
//!  "manyi": "response", "format_version": 1, "record": { …the response as core writes it… }}
//! ```

use super::error::SyncError;
use super::revision::{RevHash, Revision, RevisionHistory};
use crate::callback::problem::Problem;
use crate::callback::{Case, CaseKey};
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::response::{Response, Status};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The `format_version` of every document this core writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// What kind of record a document holds (its `manyi` field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A closed response: kiosk, callback interview, evaluation visit or Kano study. Immutable.
    Response,
    /// A questionnaire version. Immutable.
    Questionnaire,
    /// A callback case with its calls. Changes (calls, final code): pushed with its history.
    Case,
    /// A problem record. Changes (updates, result): pushed with its history.
    Problem,
}

impl RecordKind {
    /// Every kind.
    pub const ALL: [RecordKind; 4] =
        [RecordKind::Response, RecordKind::Questionnaire, RecordKind::Case, RecordKind::Problem];

    /// The `manyi` field's value.
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Response => "response",
            RecordKind::Questionnaire => "questionnaire",
            RecordKind::Case => "case",
            RecordKind::Problem => "problem",
        }
    }

    /// Whether records of this kind never change once stored (their history is one hash).
    pub fn is_immutable(self) -> bool {
        matches!(self, RecordKind::Response | RecordKind::Questionnaire)
    }
}

/// One record the analysts need, as it is synced.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncRecord {
    /// A closed response (never a draft).
    Response(Response),
    /// A questionnaire version.
    Questionnaire(Questionnaire),
    /// A callback case with its calls.
    Case(Case),
    /// A problem record.
    Problem(Problem),
}

/// The document id of a questionnaire version: `questionnaire:{id}:{version}`.
pub fn questionnaire_doc_id(q: &QuestionnaireRef) -> String {
    format!("questionnaire:{}:{}", q.id, q.version)
}

/// The document id of a callback case: `case:ticket:{ticket id}` or `case:kiosk:{response UUID}`.
pub fn case_doc_id(key: &CaseKey) -> String {
    match key {
        CaseKey::Ticket(t) => format!("case:ticket:{t}"),
        CaseKey::Kiosk(r) => format!("case:kiosk:{r}"),
    }
}

impl SyncRecord {
    /// The kind.
    pub fn kind(&self) -> RecordKind {
        match self {
            SyncRecord::Response(_) => RecordKind::Response,
            SyncRecord::Questionnaire(_) => RecordKind::Questionnaire,
            SyncRecord::Case(_) => RecordKind::Case,
            SyncRecord::Problem(_) => RecordKind::Problem,
        }
    }

    /// The document `_id`: a response's or problem record's UUID, `questionnaire:{id}:{version}`,
    /// `case:ticket:{id}` / `case:kiosk:{UUID}`.
    pub fn doc_id(&self) -> String {
        match self {
            SyncRecord::Response(r) => r.id.to_string(),
            SyncRecord::Questionnaire(q) => questionnaire_doc_id(&q.reference()),
            SyncRecord::Case(c) => case_doc_id(&c.key),
            SyncRecord::Problem(p) => p.id.to_string(),
        }
    }

    /// The record as core's JSON.
    pub fn to_value(&self) -> Value {
        let v = match self {
            SyncRecord::Response(r) => serde_json::to_value(r),
            SyncRecord::Questionnaire(q) => serde_json::to_value(q),
            SyncRecord::Case(c) => serde_json::to_value(c),
            SyncRecord::Problem(p) => serde_json::to_value(p),
        };
        v.expect("core's records serialise")
    }

    /// The hash of the record's current content: `RevHash::of("manyi/{kind}/1", record)`.
    pub fn content_hash(&self) -> RevHash {
        content_hash(self.kind(), &self.to_value())
    }

    fn from_value(kind: RecordKind, v: Value) -> Result<SyncRecord, serde_json::Error> {
        Ok(match kind {
            RecordKind::Response => SyncRecord::Response(serde_json::from_value(v)?),
            RecordKind::Questionnaire => SyncRecord::Questionnaire(serde_json::from_value(v)?),
            RecordKind::Case => SyncRecord::Case(serde_json::from_value(v)?),
            RecordKind::Problem => SyncRecord::Problem(serde_json::from_value(v)?),
        })
    }
}

fn content_hash(kind: RecordKind, record: &Value) -> RevHash {
    RevHash::of(&format!("manyi/{}/{FORMAT_VERSION}", kind.code()), record)
}

/// A record ready to push: its id, its revision history and the body to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// `_id`.
    pub id: String,
    /// The kind of record.
    pub kind: RecordKind,
    /// The history whose last hash is the record's content; its length is the generation.
    pub history: RevisionHistory,
    /// `manyi`, `format_version` and `record` (without `_id`, `_rev`, `_revisions`).
    record: Value,
}

impl Document {
    /// The document of an immutable record (a closed response, a questionnaire version): one
    /// revision, `1-{content hash}`. A draft response is refused: it may still change.
    pub fn immutable(record: SyncRecord) -> Result<Document, SyncError> {
        if !record.kind().is_immutable() {
            return Err(invalid(&record, "a case or problem record changes: give its revision history"));
        }
        if let SyncRecord::Response(r) = &record {
            if r.status == Status::Draft {
                return Err(invalid(&record, "a draft is not synced; it may still change"));
            }
        }
        let hash = record.content_hash();
        Document::with_history(record, RevisionHistory::single(hash))
    }

    /// The document of a record with the history the device kept for it
    /// ([`RevisionHistory::note`] at each save). If the history does not end with the record's
    /// current hash (a save not noted), the hash is added.
    pub fn revised(record: SyncRecord, mut history: RevisionHistory) -> Result<Document, SyncError> {
        if let SyncRecord::Response(r) = &record {
            if r.status == Status::Draft {
                return Err(invalid(&record, "a draft is not synced; it may still change"));
            }
        }
        history.note(record.content_hash());
        Document::with_history(record, history)
    }

    fn with_history(record: SyncRecord, history: RevisionHistory) -> Result<Document, SyncError> {
        let id = record.doc_id();
        let kind = record.kind();
        let body =
            json!({ "manyi": kind.code(), "format_version": FORMAT_VERSION, "record": record.to_value() });
        Ok(Document { id, kind, history, record: body })
    }

    /// The current revision.
    pub fn revision(&self) -> Revision {
        self.history.current().expect("a document's history is never empty")
    }

    /// The body for `_bulk_docs` with `new_edits: false`: `_id`, `_rev`, `_revisions` and the record.
    pub fn to_json(&self) -> Value {
        let mut body = self.record.clone();
        let map = body.as_object_mut().expect("an object");
        map.insert("_id".into(), json!(self.id));
        map.insert("_rev".into(), json!(self.revision().to_string()));
        map.insert("_revisions".into(), self.history.to_revisions());
        body
    }
}

fn invalid(record: &SyncRecord, reason: &str) -> SyncError {
    SyncError::Invalid {
        what: format!("{} {}", record.kind().code(), record.doc_id()),
        reason: reason.into(),
    }
}

/// A document read from the server.
#[derive(Debug, Clone, PartialEq)]
pub struct Pulled {
    /// `_id`.
    pub id: String,
    /// `_rev`: the winning revision.
    pub rev: Revision,
    /// The record.
    pub record: SyncRecord,
    /// Whether the revision's hash is the record's content hash. Always true for what Manyi
    /// pushed; false when someone edited the document on the server by hand.
    pub content_matches: bool,
    /// The other leaf revisions (`_conflicts`): other content under the same id, kept by the server.
    pub conflicts: Vec<Revision>,
}

/// Why a document read from the server is not taken as a Manyi record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotARecord {
    /// A design document (`_design/…`): the database's validation, not data.
    Design,
    /// A deletion (Manyi deletes nothing; an administrator may have).
    Deleted,
    /// Not a Manyi record (no or unknown `manyi` kind), or a record that does not read.
    Foreign {
        /// Why.
        reason: String,
    },
}

impl Pulled {
    /// Reads a document (as `_changes` with `include_docs=true&conflicts=true` gives it).
    pub fn from_json(doc: &Value) -> Result<Pulled, NotARecord> {
        let foreign = |reason: String| NotARecord::Foreign { reason };
        let id = doc.get("_id").and_then(Value::as_str).unwrap_or_default();
        if id.starts_with("_design/") {
            return Err(NotARecord::Design);
        }
        if doc.get("_deleted") == Some(&Value::Bool(true)) {
            return Err(NotARecord::Deleted);
        }
        let kind = doc
            .get("manyi")
            .cloned()
            .and_then(|k| serde_json::from_value::<RecordKind>(k).ok())
            .ok_or_else(|| foreign("no Manyi kind (`manyi`)".into()))?;
        let version = doc.get("format_version").and_then(Value::as_u64);
        if version != Some(u64::from(FORMAT_VERSION)) {
            return Err(foreign(format!("format_version {version:?} is not {FORMAT_VERSION}; update Manyi")));
        }
        let rev: Revision = doc
            .get("_rev")
            .and_then(Value::as_str)
            .ok_or_else(|| foreign("no _rev".into()))?
            .parse()
            .map_err(foreign)?;
        let value = doc.get("record").cloned().ok_or_else(|| foreign("no record".into()))?;
        let record = SyncRecord::from_value(kind, value)
            .map_err(|e| foreign(format!("the record does not read: {e}")))?;
        if record.doc_id() != id {
            return Err(foreign(format!("the record's id {} is not the document's", record.doc_id())));
        }
        // Hash the record as core writes it, so transport details (1.0 read back as 1) do not matter.
        let content_matches = rev.hash == record.content_hash();
        let conflicts = doc
            .get("_conflicts")
            .and_then(Value::as_array)
            .map(|revs| revs.iter().filter_map(|r| r.as_str()?.parse().ok()).collect())
            .unwrap_or_default();
        Ok(Pulled { id: id.to_owned(), rev, record, content_matches, conflicts })
    }

    /// The document again, as [`Pulled::from_json`] reads it (`_id`, `_rev`, `_conflicts` and the
    /// record): for a caller that keeps pages it read, e.g. the checkpoint of an unfinished pull.
    /// A record edited by hand keeps its revision, so it still does not match when read back.
    pub fn to_json(&self) -> Value {
        let mut doc = json!({
            "_id": self.id,
            "_rev": self.rev.to_string(),
            "manyi": self.record.kind().code(),
            "format_version": FORMAT_VERSION,
            "record": self.record.to_value(),
        });
        if !self.conflicts.is_empty() {
            let revs: Vec<String> = self.conflicts.iter().map(ToString::to_string).collect();
            doc["_conflicts"] = json!(revs);
        }
        doc
    }
}
