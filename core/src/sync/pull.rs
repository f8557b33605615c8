//! The pull: a database's documents through `_changes`, page by page, from the start or from a
//! checkpoint the caller kept (the `last_seq` of the last page it stored), so that a later pull
//! reads only what changed since. Each page gives the Manyi records, the conflicts the server
//! keeps, and what was not a record.
//!
//! A sans-IO machine like [`super::push::Push`]: [`PullStep::Send`] a request, [`Pull::receive`]
//! the answer, [`PullStep::Page`] to store, [`Pull::proceed`], until [`PullStep::Done`].

use super::document::{NotARecord, Pulled};
use super::error::{database_info, success, unexpected, SyncError};
use super::http::{HttpAnswer, HttpRequest, Method};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A position in a database's changes feed: opaque, as the server gave it (a string in
/// CouchDB 3.x, a number in pouchdb-server). Store it and give it back; never compute with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Seq(pub Value);

impl Seq {
    /// The beginning of the feed.
    pub fn start() -> Seq {
        Seq(Value::from(0))
    }

    /// The value of the `since` parameter.
    pub fn as_param(&self) -> String {
        match &self.0 {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
}

/// How a pull is set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullOptions {
    /// Where to start: a checkpoint kept from an earlier pull, or the beginning.
    pub since: Option<Seq>,
    /// Changes per page.
    pub page_size: usize,
}

impl Default for PullOptions {
    fn default() -> Self {
        PullOptions { since: None, page_size: 1000 }
    }
}

/// A document that is not taken as a record, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The document id.
    pub id: String,
    /// Why.
    pub why: NotARecord,
}

/// One page of changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The records (their winning revisions), in feed order.
    pub records: Vec<Pulled>,
    /// What was not a record: design documents, deletions, foreign documents.
    pub skipped: Vec<Skipped>,
    /// Store this with the page's records: a later pull from it reads only what came after.
    pub last_seq: Seq,
}

/// What the whole pull read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PullReport {
    /// Records read.
    pub records: usize,
    /// Records whose id has conflicting revisions on the server, with those revisions.
    pub conflicts: Vec<(String, Vec<String>)>,
    /// Documents that are not Manyi records (not design documents, not deletions).
    pub foreign: Vec<String>,
    /// Pages read.
    pub pages: usize,
    /// The checkpoint to keep.
    pub last_seq: Option<Seq>,
}

/// What the caller does next.
#[derive(Debug, Clone, PartialEq)]
pub enum PullStep {
    /// Make this request and give the answer to [`Pull::receive`].
    Send(HttpRequest),
    /// Store this page (and its `last_seq`), then call [`Pull::proceed`].
    Page(Page),
    /// Finished: every change up to `last_seq` was given.
    Done(PullReport),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    New,
    DatabaseInfo,
    Changes,
    Proceed { last: bool },
    Done,
}

/// The pull machine.
#[derive(Debug, Clone)]
pub struct Pull {
    options: PullOptions,
    since: Seq,
    phase: Phase,
    report: PullReport,
}

impl Pull {
    /// A pull with these options; [`Pull::start`] gives the first step.
    pub fn new(options: PullOptions) -> Pull {
        let since = options.since.clone().unwrap_or_else(Seq::start);
        let options = PullOptions { page_size: options.page_size.max(1), ..options };
        Pull { options, since, phase: Phase::New, report: PullReport::default() }
    }

    /// The first step: the database's info.
    pub fn start(&mut self) -> Result<PullStep, SyncError> {
        if self.phase != Phase::New {
            return Err(self.out_of_turn("start"));
        }
        self.phase = Phase::DatabaseInfo;
        Ok(PullStep::Send(HttpRequest::new(Method::Get, &[])))
    }

    fn changes(&self) -> HttpRequest {
        HttpRequest::new(Method::Get, &["_changes"])
            .query("since", self.since.as_param())
            .query("limit", self.options.page_size.to_string())
            .query("include_docs", "true")
            .query("conflicts", "true")
    }

    /// Reads the answer to the last [`PullStep::Send`].
    pub fn receive(&mut self, answer: HttpAnswer) -> Result<PullStep, SyncError> {
        match self.phase {
            Phase::DatabaseInfo => {
                database_info(&answer)?;
                self.phase = Phase::Changes;
                Ok(PullStep::Send(self.changes()))
            }
            Phase::Changes => self.read_changes(&answer),
            _ => Err(self.out_of_turn("receive")),
        }
    }

    /// Goes on after a [`PullStep::Page`].
    pub fn proceed(&mut self) -> Result<PullStep, SyncError> {
        match self.phase {
            Phase::Proceed { last: true } => {
                self.phase = Phase::Done;
                let mut report = std::mem::take(&mut self.report);
                report.last_seq = Some(self.since.clone());
                Ok(PullStep::Done(report))
            }
            Phase::Proceed { last: false } => {
                self.phase = Phase::Changes;
                Ok(PullStep::Send(self.changes()))
            }
            _ => Err(self.out_of_turn("proceed")),
        }
    }

    fn read_changes(&mut self, answer: &HttpAnswer) -> Result<PullStep, SyncError> {
        const WHAT: &str = "reading the changes";
        let body = success(WHAT, answer)?;
        let results =
            body.get("results").and_then(Value::as_array).ok_or_else(|| unexpected(WHAT, "no results"))?;
        let last_seq = body.get("last_seq").cloned().ok_or_else(|| unexpected(WHAT, "no last_seq"))?;
        let mut page = Page { records: Vec::new(), skipped: Vec::new(), last_seq: Seq(last_seq) };
        for change in results {
            let id = change.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
            let deleted = change.get("deleted") == Some(&Value::Bool(true));
            let read = match change.get("doc") {
                _ if deleted => Err(NotARecord::Deleted),
                Some(doc) if doc.is_object() => Pulled::from_json(doc),
                _ => Err(NotARecord::Foreign { reason: "the change has no document".into() }),
            };
            match read {
                Ok(record) => {
                    if !record.conflicts.is_empty() {
                        let revs = record.conflicts.iter().map(ToString::to_string).collect();
                        self.report.conflicts.push((record.id.clone(), revs));
                    }
                    page.records.push(record);
                }
                Err(why) => {
                    if matches!(why, NotARecord::Foreign { .. }) {
                        self.report.foreign.push(id.clone());
                    }
                    page.skipped.push(Skipped { id, why });
                }
            }
        }
        // A short page is the last; CouchDB also says how many changes are still pending.
        let pending = body.get("pending").and_then(Value::as_u64);
        let last = results.len() < self.options.page_size || pending == Some(0);
        self.report.records += page.records.len();
        self.report.pages += 1;
        self.since = page.last_seq.clone();
        self.phase = Phase::Proceed { last };
        Ok(PullStep::Page(page))
    }

    fn out_of_turn(&self, call: &str) -> SyncError {
        SyncError::Invalid {
            what: "the pull".into(),
            reason: format!("{call} was called out of turn (the pull is at {:?})", self.phase),
        }
    }
}
