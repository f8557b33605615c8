//! The push: the records of one source (a device's store, a file) into one database, in batches,
//! as CouchDB's replicator does it — `_revs_diff` to learn what the server lacks, `_all_docs` to
//! tell an update from a conflict, `_bulk_docs` with `new_edits: false`, `_revs_diff` again to
//! make sure the batch is stored, and only then the checkpoint in a `_local` document.
//!
//! A sans-IO machine: it says which request to make ([`PushStep::Send`]), which documents it
//! wants next ([`PushStep::Supply`]), what a finished batch confirmed ([`PushStep::Confirmed`]),
//! and reads each answer; the caller moves the bytes (a blocking client, or `fetch` with `await`).

use super::error::{database_info, success, unexpected, SyncError};
use super::http::{HttpAnswer, HttpRequest, Method};
use super::revision::Revision;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};

mod report;

pub use report::{BatchReport, Conflict, PushOptions, PushReport, SourceDoc};

/// What the caller does next.
#[derive(Debug, Clone, PartialEq)]
pub enum PushStep {
    /// Make this request and give the answer to [`Push::receive`].
    Send(HttpRequest),
    /// Give [`Push::supply`] the source's documents with `seq > after`, at most `limit`, in
    /// rising `seq` order; none when there are no more.
    Supply {
        /// The checkpoint.
        after: u64,
        /// The batch size.
        limit: usize,
    },
    /// A batch is safe and checkpointed: mark its documents synced, then call [`Push::proceed`].
    Confirmed(BatchReport),
    /// Finished.
    Done(PushReport),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    New,
    DatabaseInfo,
    ReadCheckpoint,
    Supply,
    RevsDiff,
    AllDocs,
    BulkDocs,
    Verify,
    WriteCheckpoint,
    Proceed,
    Done,
}

/// The push machine. See the module's documentation and [`super`] for a driving loop.
#[derive(Debug, Clone)]
pub struct Push {
    options: PushOptions,
    phase: Phase,
    checkpoint_rev: Option<String>,
    since: u64,
    known_conflicts: Vec<Conflict>,
    batch: Vec<SourceDoc>,
    missing: Vec<usize>,
    current: BatchReport,
    report: PushReport,
}

#[derive(Deserialize)]
struct Checkpoint {
    #[serde(rename = "_rev")]
    rev: Option<String>,
    #[serde(default)]
    last_seq: u64,
    #[serde(default)]
    conflicts: Vec<Conflict>,
}

impl Push {
    /// A push with these options; [`Push::start`] gives the first step.
    pub fn new(options: PushOptions) -> Push {
        let options = PushOptions { batch_size: options.batch_size.max(1), ..options };
        Push {
            options,
            phase: Phase::New,
            checkpoint_rev: None,
            since: 0,
            known_conflicts: Vec::new(),
            batch: Vec::new(),
            missing: Vec::new(),
            current: BatchReport::default(),
            report: PushReport::default(),
        }
    }

    /// The first step: ask for the database's info (is the URL a database we may use?).
    pub fn start(&mut self) -> Result<PushStep, SyncError> {
        self.expect(Phase::New, "start")?;
        self.phase = Phase::DatabaseInfo;
        Ok(PushStep::Send(HttpRequest::new(Method::Get, &[])))
    }

    /// Reads the answer to the last [`PushStep::Send`].
    pub fn receive(&mut self, answer: HttpAnswer) -> Result<PushStep, SyncError> {
        match self.phase {
            Phase::DatabaseInfo => {
                database_info(&answer)?;
                self.phase = Phase::ReadCheckpoint;
                Ok(PushStep::Send(HttpRequest::new(Method::Get, &["_local", &self.options.checkpoint_id()])))
            }
            Phase::ReadCheckpoint => self.read_checkpoint(&answer),
            Phase::RevsDiff => self.read_revs_diff(&answer),
            Phase::AllDocs => self.read_all_docs(&answer),
            Phase::BulkDocs => self.read_bulk_docs(&answer),
            Phase::Verify => self.read_verify(&answer),
            Phase::WriteCheckpoint => {
                let body = success("writing the checkpoint", &answer)?;
                self.checkpoint_rev = body.get("rev").and_then(Value::as_str).map(str::to_owned);
                self.phase = Phase::Proceed;
                let batch = std::mem::take(&mut self.current);
                self.since = batch.through;
                self.report.sent += batch.sent.len();
                self.report.already += batch.already.len();
                self.report.new_conflicts += batch.conflicts.len();
                self.report.checkpoint = batch.through;
                Ok(PushStep::Confirmed(batch))
            }
            _ => Err(self.out_of_turn("receive")),
        }
    }

    /// Takes the next batch of the source's documents (see [`PushStep::Supply`]).
    pub fn supply(&mut self, docs: Vec<SourceDoc>) -> Result<PushStep, SyncError> {
        self.expect(Phase::Supply, "supply")?;
        if docs.is_empty() {
            self.phase = Phase::Done;
            let mut report = std::mem::take(&mut self.report);
            report.checkpoint = self.since;
            report.conflicts = self.known_conflicts.clone();
            return Ok(PushStep::Done(report));
        }
        let mut last = self.since;
        let mut ids = HashSet::new();
        for d in &docs {
            if d.seq <= last {
                return Err(invalid("the documents supplied", format!("seq {} is not above {last}", d.seq)));
            }
            if !ids.insert(d.document.id.as_str()) {
                return Err(invalid(
                    "the documents supplied",
                    format!("{} is twice in one batch", d.document.id),
                ));
            }
            last = d.seq;
        }
        if docs.len() > self.options.batch_size {
            return Err(invalid("the documents supplied", format!("more than {}", self.options.batch_size)));
        }
        self.batch = docs;
        self.current = BatchReport { through: last, ..BatchReport::default() };
        self.phase = Phase::RevsDiff;
        let all: Vec<usize> = (0..self.batch.len()).collect();
        Ok(PushStep::Send(self.revs_diff(&all)))
    }

    /// Goes on after a [`PushStep::Confirmed`].
    pub fn proceed(&mut self) -> Result<PushStep, SyncError> {
        self.expect(Phase::Proceed, "proceed")?;
        self.phase = Phase::Supply;
        Ok(PushStep::Supply { after: self.since, limit: self.options.batch_size })
    }

    fn read_checkpoint(&mut self, answer: &HttpAnswer) -> Result<PushStep, SyncError> {
        if answer.status == 404 {
            // No checkpoint yet: start from the beginning.
        } else {
            let body = success("reading the checkpoint", answer)?;
            let c: Checkpoint = serde_json::from_value(body)
                .map_err(|e| unexpected("reading the checkpoint", e.to_string()))?;
            self.checkpoint_rev = c.rev;
            self.since = c.last_seq;
            self.known_conflicts = c.conflicts;
        }
        self.phase = Phase::Supply;
        Ok(PushStep::Supply { after: self.since, limit: self.options.batch_size })
    }

    fn revs_diff(&self, which: &[usize]) -> HttpRequest {
        let mut body = Map::new();
        for &i in which {
            let d = &self.batch[i].document;
            body.insert(d.id.clone(), json!([d.revision().to_string()]));
        }
        HttpRequest::new(Method::Post, &["_revs_diff"]).json(Value::Object(body))
    }

    /// The documents of `which` whose revision the `_revs_diff` answer lists as missing.
    fn missing_of(&self, what: &str, answer: &HttpAnswer, which: &[usize]) -> Result<Vec<usize>, SyncError> {
        let body = success(what, answer)?;
        let map = body.as_object().ok_or_else(|| unexpected(what, "not an object"))?;
        Ok(which
            .iter()
            .copied()
            .filter(|&i| {
                let d = &self.batch[i].document;
                let rev = d.revision().to_string();
                map.get(&d.id)
                    .and_then(|entry| entry.get("missing"))
                    .and_then(Value::as_array)
                    .is_some_and(|revs| revs.iter().any(|r| r.as_str() == Some(rev.as_str())))
            })
            .collect())
    }

    fn read_revs_diff(&mut self, answer: &HttpAnswer) -> Result<PushStep, SyncError> {
        let all: Vec<usize> = (0..self.batch.len()).collect();
        self.missing = self.missing_of("asking which revisions the server lacks", answer, &all)?;
        let missing: HashSet<usize> = self.missing.iter().copied().collect();
        for (i, d) in self.batch.iter().enumerate() {
            if !missing.contains(&i) {
                self.current.already.push((d.document.id.clone(), d.document.revision()));
            }
        }
        if self.missing.is_empty() {
            return Ok(self.write_checkpoint());
        }
        self.phase = Phase::AllDocs;
        let keys: Vec<&str> = self.missing.iter().map(|&i| self.batch[i].document.id.as_str()).collect();
        Ok(PushStep::Send(HttpRequest::new(Method::Post, &["_all_docs"]).json(json!({ "keys": keys }))))
    }

    fn read_all_docs(&mut self, answer: &HttpAnswer) -> Result<PushStep, SyncError> {
        const WHAT: &str = "asking which documents the server has";
        let body = success(WHAT, answer)?;
        let rows = body.get("rows").and_then(Value::as_array).ok_or_else(|| unexpected(WHAT, "no rows"))?;
        // The server's winning revision of each id it has (deleted ones count as absent).
        let mut theirs: HashMap<&str, Revision> = HashMap::new();
        for row in rows {
            let value = row.get("value");
            let deleted = value.and_then(|v| v.get("deleted")) == Some(&Value::Bool(true));
            let rev = value.and_then(|v| v.get("rev")).and_then(Value::as_str).and_then(|r| r.parse().ok());
            if let (Some(id), Some(rev), false) = (row.get("key").and_then(Value::as_str), rev, deleted) {
                theirs.insert(id, rev);
            }
        }
        for &i in &self.missing {
            let d = &self.batch[i].document;
            match theirs.get(d.id.as_str()) {
                Some(t) if !d.history.contains(t) => self.current.conflicts.push(Conflict {
                    id: d.id.clone(),
                    ours: d.revision(),
                    theirs: Some(t.clone()),
                }),
                _ => self.current.sent.push((d.id.clone(), d.revision())),
            }
        }
        self.phase = Phase::BulkDocs;
        let docs: Vec<Value> = self.missing.iter().map(|&i| self.batch[i].document.to_json()).collect();
        let body = json!({ "docs": docs, "new_edits": false });
        Ok(PushStep::Send(HttpRequest::new(Method::Post, &["_bulk_docs"]).json(body)))
    }

    fn read_bulk_docs(&mut self, answer: &HttpAnswer) -> Result<PushStep, SyncError> {
        const WHAT: &str = "sending the batch";
        let body = success(WHAT, answer)?;
        // With new_edits=false CouchDB lists only the documents that failed.
        let items = body.as_array().ok_or_else(|| unexpected(WHAT, "not an array"))?;
        let refused: Vec<&Value> = items.iter().filter(|item| item.get("error").is_some()).collect();
        if let Some(first) = refused.first() {
            let text = |key: &str| first.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
            return Err(SyncError::DocumentsRefused {
                count: refused.len(),
                id: text("id"),
                error: text("error"),
                reason: text("reason"),
            });
        }
        self.phase = Phase::Verify;
        Ok(PushStep::Send(self.revs_diff(&self.missing)))
    }

    fn read_verify(&mut self, answer: &HttpAnswer) -> Result<PushStep, SyncError> {
        let missing = self.missing.clone();
        let still = self.missing_of("checking the batch is stored", answer, &missing)?;
        if let Some(&i) = still.first() {
            let d = &self.batch[i].document;
            return Err(SyncError::NotStored {
                count: still.len(),
                example: format!("{} {}", d.id, d.revision()),
            });
        }
        Ok(self.write_checkpoint())
    }

    fn write_checkpoint(&mut self) -> PushStep {
        for c in &self.current.conflicts {
            if !self.known_conflicts.contains(c) {
                self.known_conflicts.push(c.clone());
            }
        }
        let mut body = json!({
            "source": self.options.source,
            "last_seq": self.current.through,
            "conflicts": self.known_conflicts,
        });
        if let Some(rev) = &self.checkpoint_rev {
            body["_rev"] = json!(rev);
        }
        self.phase = Phase::WriteCheckpoint;
        PushStep::Send(HttpRequest::new(Method::Put, &["_local", &self.options.checkpoint_id()]).json(body))
    }

    fn expect(&self, phase: Phase, call: &str) -> Result<(), SyncError> {
        if self.phase == phase {
            Ok(())
        } else {
            Err(self.out_of_turn(call))
        }
    }

    fn out_of_turn(&self, call: &str) -> SyncError {
        invalid("the push", format!("{call} was called out of turn (the push is at {:?})", self.phase))
    }
}

fn invalid(what: &str, reason: String) -> SyncError {
    SyncError::Invalid { what: what.to_owned(), reason }
}
