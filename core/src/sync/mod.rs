//! CouchDB sync as pure functions and sans-IO machines (DOMAIN.md §5): nothing here opens a
//! socket, waits, reads a clock or draws a random number. A machine says which HTTP request to
//! make ([`HttpRequest`]: method, path, query, JSON body) and reads the answer ([`HttpAnswer`]:
//! status and body bytes); the caller moves the bytes — `manyi push` with a blocking client, the
//! app with `fetch` and `await` — so the same protocol code runs in both, and native tests drive
//! it against recorded answers. Only CouchDB 3.x's documented API is used.
//!
//! - [`document`]: a record → a document. `_id` is the record's UUID (responses, problem
//!   records), `questionnaire:{id}:{version}` or `case:ticket:{id}` / `case:kiosk:{UUID}`; the
//!   revision is `N-hash` where hash is the first 128 bits of the SHA-256 of the record's
//!   canonical JSON ([`revision`]). The same record pushed twice is a no-op; the same id with
//!   other content is a conflict that the server keeps as a conflicting revision.
//! - **Records that change.** Closed responses and questionnaire versions never change: one
//!   revision, `1-{hash}`. A callback case (it gains calls, then a final code) and a problem
//!   record (updates, then its result) do change; a single content-hash revision would make each
//!   change a conflict. So the device keeps each such record's [`RevisionHistory`] — the hashes
//!   it has had, noted at every save — and the push sends it as `_revisions` with
//!   `new_edits: false`, exactly as CouchDB's replicator sends a document's history: the server
//!   sees the new revision descend from the one it holds. Only truly diverging copies (two desks
//!   changing the same case differently) become conflicts. Calls travel inside their case (they
//!   are never changed once made); interview answers are responses.
//! - [`push`]: `_revs_diff` → `_all_docs` (update or conflict?) → `_bulk_docs` with
//!   `new_edits: false` → `_revs_diff` again (is the batch really stored?) → the `_local`
//!   checkpoint, batch after batch.
//! - [`pull`]: `_changes` page by page, resumable from the `last_seq` kept after a page.
//! - [`setup`]: databases, security objects, validation, users and replications for
//!   `manyi couch setup`, idempotent.
//! - [`SyncError`]: what an answer that is not the hoped-for one means (401, 403, not a database,
//!   not CouchDB, refused or unstored documents, unreachable).
//!
//! # Driving a push from an async loop
//!
//! The app's adapter is a function from [`HttpRequest`] to [`HttpAnswer`] (with `fetch`: the URL
//! is [`HttpRequest::url`] of the database URL, the body [`HttpRequest::body_bytes`] with
//! `Content-Type: application/json`, basic credentials from [`Credentials::authorization`]).
//! Here a recorded server stands in for it:
//!
//! ```
//! use manyi_core::sync::{Document, HttpAnswer, HttpRequest, Push, PushOptions, PushStep, SourceDoc, SyncError, SyncRecord};
//! # use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};
//! # let responses = sample_bundle(SampleKind::Hall, &SampleOptions { count: 3, ..Default::default() }).responses;
//!
//! // The device's unsynced records, numbered by its own change counter.
//! let docs: Vec<SourceDoc> = responses
//!     .into_iter()
//!     .enumerate()
//!     .map(|(i, r)| SourceDoc { seq: i as u64 + 1, document: Document::immutable(SyncRecord::Response(r)).unwrap() })
//!     .collect();
//!
//! // Stands in for `fetch(...).await`: a new, empty database.
//! fn send(req: &HttpRequest) -> Result<HttpAnswer, SyncError> {
//!     let json = |status, body: &str| Ok(HttpAnswer { status, body: body.as_bytes().to_vec() });
//!     match (req.method.as_str(), req.path.first().map(String::as_str)) {
//!         ("GET", None) => json(200, r#"{"db_name":"manyi-device-hall1"}"#),
//!         ("GET", Some("_local")) => json(404, r#"{"error":"not_found","reason":"missing"}"#),
//!         ("POST", Some("_revs_diff")) => {
//!             // Everything is missing the first time, nothing once the batch is sent.
//!             let body = req.body.as_ref().unwrap().as_object().unwrap();
//!             let sent = body.keys().any(|_| SENT.with(|s| s.get()));
//!             let missing: serde_json::Map<_, _> = if sent { Default::default() } else {
//!                 body.iter().map(|(id, revs)| (id.clone(), serde_json::json!({ "missing": revs }))).collect()
//!             };
//!             Ok(HttpAnswer::json(200, &serde_json::Value::Object(missing)))
//!         }
//!         ("POST", Some("_all_docs")) => json(200, r#"{"rows":[]}"#),
//!         ("POST", Some("_bulk_docs")) => { SENT.with(|s| s.set(true)); json(201, "[]") }
//!         ("PUT", Some("_local")) => json(201, r#"{"ok":true,"rev":"0-1"}"#),
//!         _ => unreachable!(),
//!     }
//! }
//! thread_local!(static SENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
//!
//! let mut push = Push::new(PushOptions::new("device-hall1"));
//! let mut step = push.start()?;
//! let report = loop {
//!     step = match step {
//!         PushStep::Send(request) => push.receive(send(&request)?)?,  // `send(&request).await?` in the app
//!         PushStep::Supply { after, limit } => {
//!             let batch = docs.iter().filter(|d| d.seq > after).take(limit).cloned().collect();
//!             push.supply(batch)?
//!         }
//!         PushStep::Confirmed(batch) => {
//!             // Mark these records synced in the device's store (they are on the server now).
//!             assert_eq!(batch.confirmed().count(), 3);
//!             push.proceed()?
//!         }
//!         PushStep::Done(report) => break report,
//!     };
//! };
//! assert_eq!((report.sent, report.already, report.conflicts.len(), report.checkpoint), (3, 0, 0, 3));
//! # Ok::<(), SyncError>(())
//! ```

pub mod document;
pub mod error;
pub mod http;
pub mod pull;
pub mod push;
pub mod revision;
pub mod setup;

pub use document::{Document, NotARecord, Pulled, RecordKind, SyncRecord};
pub use error::SyncError;
pub use http::{Credentials, HttpAnswer, HttpRequest, Method};
pub use pull::{Page, Pull, PullOptions, PullReport, PullStep, Seq};
pub use push::{BatchReport, Conflict, Push, PushOptions, PushReport, PushStep, SourceDoc};
pub use revision::{RevHash, Revision, RevisionHistory};

#[cfg(test)]
mod tests;
