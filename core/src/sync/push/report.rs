//! What a push is given and what it reports: its options, the source's documents, the
//! conflicts it keeps, and the reports of a batch and of the whole push.

use super::super::document::Document;
use super::super::revision::{RevHash, Revision};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// How a push is set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushOptions {
    /// A stable name of the source: the device's id, or a hash of a file's documents. The
    /// checkpoint is kept per source (and database), so a push resumes after its last safe batch.
    pub source: String,
    /// Documents per batch (CouchDB's replicator sends 500; pouchdb 100).
    pub batch_size: usize,
}

impl PushOptions {
    /// A push of `source` in batches of 500.
    pub fn new(source: impl Into<String>) -> Self {
        PushOptions { source: source.into(), batch_size: 500 }
    }

    /// The id of the checkpoint document (after `_local/`): `manyi-push-{hash of the source}`.
    pub fn checkpoint_id(&self) -> String {
        format!("manyi-push-{}", RevHash::of("manyi/push-source/1", &json!(self.source)))
    }
}

/// A document to push, numbered by the source: `seq` rises with every change the source makes
/// (a file: its order; a device: a counter it increments at every save and stores with the
/// record). The checkpoint is the highest `seq` whose batch is safely stored, so a record saved
/// again after a push (a case that gained a call) must get a new, higher `seq`, or the next
/// push, starting after the checkpoint, would not see it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDoc {
    /// The source's sequence number of this document.
    pub seq: u64,
    /// The document.
    pub document: Document,
}

/// A record whose UUID the server already holds with other content: both are kept (the pushed
/// revision as a conflicting one); nothing is overwritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The document id.
    pub id: String,
    /// The revision pushed.
    pub ours: Revision,
    /// The server's winning revision before the push.
    pub theirs: Option<Revision>,
}

/// What one batch did; every document in it is now confirmed on the server.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchReport {
    /// Documents written (new, or a new revision of a changing record).
    pub sent: Vec<(String, Revision)>,
    /// Documents the server already had at this revision.
    pub already: Vec<(String, Revision)>,
    /// Documents written as a conflicting revision.
    pub conflicts: Vec<Conflict>,
    /// The checkpoint now stored: the batch's highest `seq`.
    pub through: u64,
}

impl BatchReport {
    /// Every document of the batch with its revision: what the device may mark as synced.
    pub fn confirmed(&self) -> impl Iterator<Item = (&str, &Revision)> {
        self.sent
            .iter()
            .chain(&self.already)
            .map(|(id, rev)| (id.as_str(), rev))
            .chain(self.conflicts.iter().map(|c| (c.id.as_str(), &c.ours)))
    }
}

/// What the whole push did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PushReport {
    /// Documents written.
    pub sent: usize,
    /// Documents the server already had (found by `_revs_diff`; documents below the checkpoint
    /// were not even asked for and are not counted here).
    pub already: usize,
    /// Conflicts found by this push and by earlier pushes of the same source (kept in the
    /// checkpoint), so that pushing a file again still lists them.
    pub conflicts: Vec<Conflict>,
    /// How many of `conflicts` this push found (written as conflicting revisions now).
    pub new_conflicts: usize,
    /// The checkpoint after the push.
    pub checkpoint: u64,
}
