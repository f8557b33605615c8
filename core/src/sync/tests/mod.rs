//! Native tests of the sync machines against answers recorded from Apache CouchDB 3.x's
//! documented API (the shapes of docs.couchdb.org's examples) and from pouchdb-server 4.2.0.

mod pull;
mod push;
mod setup;

use super::http::{HttpAnswer, HttpRequest};
use super::{Document, SourceDoc, SyncRecord};
use crate::questionnaire::builtin::Builtin;
use crate::response::Response;
use crate::testing::hall_response;
use serde_json::Value;

/// An answer with this status and JSON text.
fn answer(status: u16, body: &str) -> HttpAnswer {
    serde_json::from_str::<Value>(body).expect("the recorded answer is JSON");
    HttpAnswer { status, body: body.as_bytes().to_vec() }
}

/// `METHOD /path?query` of a request, to compare with a recorded exchange.
fn line(r: &HttpRequest) -> String {
    format!("{} {}", r.method, r.path_and_query())
}

/// The complete hall response number `n`.
fn response(n: u128) -> Response {
    hall_response(&Builtin::Hall.questionnaire(), n, "h1", 4, 4)
}

/// The source documents of hall responses `ns`, numbered 1, 2, …
fn docs(ns: &[u128]) -> Vec<SourceDoc> {
    ns.iter()
        .enumerate()
        .map(|(i, n)| SourceDoc {
            seq: i as u64 + 1,
            document: Document::immutable(SyncRecord::Response(response(*n))).unwrap(),
        })
        .collect()
}
