//! What a server's answer means when it is not the one hoped for, as data: the app says each kind
//! in zh-CN and English, the command line in English, and both know what to do next.

use super::http::HttpAnswer;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Why a push, pull or setup stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum SyncError {
    /// 401: the server does not accept the user name and password (or none were given where the
    /// database needs them). pouchdb-server also answers 401 to a known user without access.
    #[error(
        "the server refused the credentials (401 unauthorized: {reason}); check the user name and password"
    )]
    Unauthorized {
        /// The server's reason.
        reason: String,
    },
    /// 403: the user is known but may not do this here — not a member of the database, or a
    /// `validate_doc_update` refused the documents.
    #[error("the server forbids this (403 forbidden: {reason}); this user may not use this database")]
    Forbidden {
        /// The server's reason.
        reason: String,
    },
    /// The URL does not name a database: 404 (no such database), or it is the server's root.
    #[error("{url_hint}: not a database ({reason}); give the database URL, e.g. https://host:6984/manyi-device-hall1")]
    NotADatabase {
        /// What answered (e.g. "the server's root").
        url_hint: String,
        /// The server's reason.
        reason: String,
    },
    /// The answer is not CouchDB's JSON (a web page, a proxy's error page, …).
    #[error("the answer (HTTP {status}) is not from CouchDB: {start}")]
    NotCouchDb {
        /// The status.
        status: u16,
        /// The beginning of the body.
        start: String,
    },
    /// Another error status, with CouchDB's `error` and `reason` (500, 503, …).
    #[error("the server answered HTTP {status} to {what}: {error}: {reason}")]
    Server {
        /// What was asked.
        what: String,
        /// The status.
        status: u16,
        /// CouchDB's error name.
        error: String,
        /// CouchDB's reason.
        reason: String,
    },
    /// `_bulk_docs` refused documents (CouchDB's `forbidden` from a `validate_doc_update`, …);
    /// the batch's checkpoint is not written.
    #[error("the server refused {} document(s), e.g. {id}: {error}: {reason}", .count)]
    DocumentsRefused {
        /// How many were refused.
        count: usize,
        /// The first refused document's id.
        id: String,
        /// Its error name.
        error: String,
        /// Its reason.
        reason: String,
    },
    /// `_bulk_docs` answered success but the revisions are not on the server afterwards (seen
    /// with pouchdb-server when a `validate_doc_update` is installed); the checkpoint is not written.
    #[error("the server accepted {} revision(s) but did not store them, e.g. {example}", .count)]
    NotStored {
        /// How many.
        count: usize,
        /// One of them, `id rev`.
        example: String,
    },
    /// The answer is CouchDB's JSON but not of the expected shape.
    #[error("unexpected answer to {what}: {detail}")]
    Unexpected {
        /// What was asked.
        what: String,
        /// What was wrong with the answer.
        detail: String,
    },
    /// The server could not be reached (the adapter's error: refused, timed out, DNS, TLS).
    #[error("cannot reach the server: {reason}")]
    Unreachable {
        /// What the network layer said.
        reason: String,
    },
    /// A document or argument the caller passed is not usable (a draft response, a URL without a
    /// database, documents out of order, a machine driven out of turn).
    #[error("{what}: {reason}")]
    Invalid {
        /// What.
        what: String,
        /// Why.
        reason: String,
    },
}

impl SyncError {
    /// The technical detail only: the status and the server's or the network's own words,
    /// without the sentence of its `Display` (English) around them, for a screen that says
    /// the kind of problem in its own language and shows this beside it for the technician.
    pub fn technical(&self) -> String {
        let words =
            |parts: &[&str]| parts.iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join(": ");
        match self {
            SyncError::Unauthorized { reason } => words(&["HTTP 401", reason]),
            SyncError::Forbidden { reason } => words(&["HTTP 403", reason]),
            SyncError::NotADatabase { reason, .. } => words(&["HTTP 404", reason]),
            SyncError::NotCouchDb { status, start } => words(&[&format!("HTTP {status}"), start]),
            SyncError::Server { status, error, reason, .. } => {
                words(&[&format!("HTTP {status}"), error, reason])
            }
            SyncError::DocumentsRefused { count, id, error, reason } => {
                words(&[&format!("{count} × {id}"), error, reason])
            }
            SyncError::NotStored { count, example } => format!("{count} × {example}"),
            SyncError::Unexpected { detail, .. } => detail.clone(),
            SyncError::Unreachable { reason } => reason.clone(),
            SyncError::Invalid { reason, .. } => reason.clone(),
        }
    }
}

#[derive(Deserialize)]
struct CouchError {
    #[serde(default)]
    error: String,
    #[serde(default)]
    reason: Value,
}

/// Reads an answer's body as JSON; a body that is not JSON means something else answered.
pub(crate) fn json_body(answer: &HttpAnswer) -> Result<Value, SyncError> {
    serde_json::from_slice(&answer.body).map_err(|_| SyncError::NotCouchDb {
        status: answer.status,
        start: String::from_utf8_lossy(&answer.body[..answer.body.len().min(80)]).trim().to_owned(),
    })
}

/// The error an unsuccessful answer to `what` means. 401 and 403 are credentials and
/// permissions, 404 on a database-level request is a missing database.
pub(crate) fn answer_error(what: &str, answer: &HttpAnswer) -> SyncError {
    let body = match json_body(answer) {
        Ok(v) => v,
        Err(e) => return e,
    };
    let CouchError { error, reason } =
        serde_json::from_value(body).unwrap_or(CouchError { error: String::new(), reason: Value::Null });
    let reason = match reason {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    };
    match answer.status {
        401 => SyncError::Unauthorized { reason },
        403 => SyncError::Forbidden { reason },
        404 => SyncError::NotADatabase { url_hint: "the URL".into(), reason: format!("{error}: {reason}") },
        status => SyncError::Server { what: what.to_owned(), status, error, reason },
    }
}

/// The JSON body of a successful answer (2xx) to `what`, or the error the answer means.
pub(crate) fn success(what: &str, answer: &HttpAnswer) -> Result<Value, SyncError> {
    if (200..300).contains(&answer.status) {
        json_body(answer)
    } else {
        Err(answer_error(what, answer))
    }
}

/// Checks the answer to `GET {db}`: a database's info has `db_name`; the server's root has a
/// welcome (`couchdb` or `express-pouchdb`) instead.
pub(crate) fn database_info(answer: &HttpAnswer) -> Result<Value, SyncError> {
    let info = success("the database", answer)?;
    if info.get("db_name").is_some_and(Value::is_string) {
        return Ok(info);
    }
    let root = info.get("couchdb").or_else(|| info.get("express-pouchdb")).is_some();
    Err(SyncError::NotADatabase {
        url_hint: if root { "the server's root".into() } else { "the URL".into() },
        reason: "the answer has no db_name".into(),
    })
}

pub(crate) fn unexpected(what: &str, detail: impl Into<String>) -> SyncError {
    SyncError::Unexpected { what: what.to_owned(), detail: detail.into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answer(status: u16, body: &str) -> HttpAnswer {
        HttpAnswer { status, body: body.as_bytes().to_vec() }
    }

    #[test]
    fn statuses_are_typed() {
        // Answers as Apache CouchDB 3.x documents them.
        let e = answer_error(
            "x",
            &answer(401, r#"{"error":"unauthorized","reason":"Name or password is incorrect."}"#),
        );
        assert_eq!(e, SyncError::Unauthorized { reason: "Name or password is incorrect.".into() });
        // Beside words in the screen's language: the status and the server's words only.
        assert_eq!(e.technical(), "HTTP 401: Name or password is incorrect.");
        let e = answer_error(
            "x",
            &answer(403, r#"{"error":"forbidden","reason":"You are not allowed to access this db."}"#),
        );
        assert!(matches!(e, SyncError::Forbidden { .. }));
        let e =
            answer_error("x", &answer(404, r#"{"error":"not_found","reason":"Database does not exist."}"#));
        assert!(e.to_string().contains("not a database (not_found: Database does not exist.)"), "{e}");
        let e = answer_error("x", &answer(502, "<html>Bad gateway</html>"));
        assert_eq!(e, SyncError::NotCouchDb { status: 502, start: "<html>Bad gateway</html>".into() });
        let e = answer_error("the batch", &answer(500, r#"{"error":"unknown_error","reason":{"x":1}}"#));
        assert_eq!(e.to_string(), "the server answered HTTP 500 to the batch: unknown_error: {\"x\":1}");
    }

    #[test]
    fn the_servers_root_is_not_a_database() {
        let root = HttpAnswer::json(200, &json!({"couchdb": "Welcome", "version": "3.3.3"}));
        let e = database_info(&root).unwrap_err();
        assert!(e.to_string().starts_with("the server's root: not a database"), "{e}");
        let db = HttpAnswer::json(200, &json!({"db_name": "d", "update_seq": "0-g1"}));
        assert!(database_info(&db).is_ok());
    }
}
