//! The device side of the CouchDB sync (DOMAIN.md §5). The protocol's decisions are core's
//! (`manyi_core::sync`: documents, revisions, the push and pull machines); here are the adapter
//! and the device's part:
//!
//! - `fetch`: core's requests sent with the browser's `fetch`;
//! - `settings`: the server's database URL, the device's user and password (kept on the device,
//!   never shown again, in no export or log), pruning, and the last outcome (pure, tested
//!   natively);
//! - `engine`: one sync — push the change log (`storage::sync`), mark what the server confirmed,
//!   pull the published questionnaires into the library, prune;
//! - `background`: the pages' side of the background sync (small: the kiosk carries it): start
//!   the sync worker, nudge it after each logged save;
//! - `worker`: the sync worker (its own wasm), which runs
//! - `runner`: the background loop (after each submit, when back online, every few minutes,
//!   backing off after failures; one sync of the device at a time);
//! - `publish`: the editor's 发布到服务器;
//! - `texts`: what went wrong, in both languages.

pub mod background;
pub mod engine;
pub mod fetch;
pub mod publish;
pub mod runner;
pub mod settings;
pub mod staff_section;
pub mod texts;
pub mod worker;
