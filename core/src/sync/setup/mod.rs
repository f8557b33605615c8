//! Preparing a CouchDB for Manyi (`manyi couch setup`): what should exist — the databases, their
//! security objects and validation, one user per device, the replications into the company-wide
//! database — as a list of [`Task`]s, and a machine ([`Setup`]) that reads what is there and
//! writes only what differs, so running it twice changes nothing the second time.
//!
//! | database | members (read and write non-design documents) | who may write (`validate_doc_update`) |
//! |---|---|---|
//! | `{prefix}-device-{name}`, one per device | the device's user; role `manyi_replicator` | the device's user |
//! | `{prefix}-company` | the replication user; role `manyi_analyst` | the replication user |
//! | `{prefix}-config` | roles `manyi_device`, `manyi_analyst` | users of kind `editor` (questionnaires only, never changed) |
//!
//! Server administrators may do anything; every other user, and anonymous requests, are kept out
//! of a database whose security object does not name them.

mod machine;

pub use machine::{Change, Setup, SetupReport, SetupStep};

use super::error::SyncError;
use super::http::Credentials;
use serde_json::{json, Value};

/// The role of device users (read the configuration database).
pub const ROLE_DEVICE: &str = "manyi_device";
/// The role of users who publish questionnaires to the configuration database.
pub const ROLE_EDITOR: &str = "manyi_editor";
/// The role of analysts (read the company-wide and configuration databases).
pub const ROLE_ANALYST: &str = "manyi_analyst";
/// The role of the user CouchDB's replicator runs as (reads device databases, writes the company's).
pub const ROLE_REPLICATOR: &str = "manyi_replicator";

/// What a CouchDB user is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountKind {
    /// A device (kiosk tablet, desk PC, evaluator's phone): writes only its own database.
    Device,
    /// A device that also publishes questionnaires (the editor's 发布到服务器).
    Editor,
    /// An analyst: reads the company-wide database and the questionnaires.
    Analyst,
    /// The user the replications run as; exactly one.
    Replicator,
}

impl std::str::FromStr for AccountKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "device" => Ok(AccountKind::Device),
            "editor" => Ok(AccountKind::Editor),
            "analyst" => Ok(AccountKind::Analyst),
            "replicator" => Ok(AccountKind::Replicator),
            other => {
                Err(format!("`{other}` is not a kind of user; use device, editor, analyst or replicator"))
            }
        }
    }
}

impl AccountKind {
    fn roles(self) -> Vec<&'static str> {
        match self {
            AccountKind::Device => vec![ROLE_DEVICE],
            AccountKind::Editor => vec![ROLE_DEVICE, ROLE_EDITOR],
            AccountKind::Analyst => vec![ROLE_ANALYST],
            AccountKind::Replicator => vec![ROLE_REPLICATOR],
        }
    }

    fn has_database(self) -> bool {
        matches!(self, AccountKind::Device | AccountKind::Editor)
    }
}

/// A user to create (or keep) and its password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// The user name (also the device's database name after `{prefix}-device-`).
    pub name: String,
    /// The password.
    pub credentials: Credentials,
    /// What it is for.
    pub kind: AccountKind,
}

impl Account {
    /// An account; the name is lower-case letters, digits, `_` and `-`, starting with a letter or digit.
    pub fn new(name: &str, password: &str, kind: AccountKind) -> Result<Account, SyncError> {
        let ok = name.len() <= 64
            && name.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if !ok {
            return Err(invalid(
                &format!("user `{name}`"),
                "a name is 1–64 lower-case letters, digits, `_` or `-`, starting with a letter or digit",
            ));
        }
        if password.is_empty() {
            return Err(invalid(&format!("user `{name}`"), "the password is empty"));
        }
        Ok(Account {
            name: name.to_owned(),
            credentials: Credentials { user: name.to_owned(), password: password.to_owned() },
            kind,
        })
    }
}

/// What to set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupOptions {
    /// The prefix of the database names (default `manyi`).
    pub prefix: String,
    /// The users: devices, editors, analysts and exactly one replicator.
    pub accounts: Vec<Account>,
    /// The server's URL as CouchDB's replicator reaches it (no credentials), e.g.
    /// `http://127.0.0.1:5984`.
    pub replication_url: String,
}

/// One thing that should exist.
#[derive(Debug, Clone, PartialEq)]
pub enum Task {
    /// A database.
    Database(String),
    /// A JSON document that should have these fields (a security object, a design document, a
    /// replication): the path from the server's root and the wanted content.
    Document {
        /// Path segments, e.g. `["manyi-company", "_security"]`.
        path: Vec<String>,
        /// The wanted content (without `_id` and `_rev`).
        wanted: Value,
        /// Compare ignoring the credentials in `source` and `target` URLs (replications: CouchDB
        /// may not show them back).
        urls_without_credentials: bool,
    },
    /// A user with its roles and password.
    User(Account),
}

impl SetupOptions {
    /// The company-wide database's name.
    pub fn company_db(&self) -> String {
        format!("{}-company", self.prefix)
    }
    /// The configuration database's name.
    pub fn config_db(&self) -> String {
        format!("{}-config", self.prefix)
    }
    /// A device's database name.
    pub fn device_db(&self, device: &str) -> String {
        format!("{}-device-{device}", self.prefix)
    }

    /// Everything that should exist, in the order to make it.
    pub fn tasks(&self) -> Result<Vec<Task>, SyncError> {
        let prefix_ok = self.prefix.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && self
                .prefix
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if !prefix_ok {
            return Err(invalid(
                "the prefix",
                "lower-case letters, digits, `_` or `-`, starting with a letter",
            ));
        }
        let replicators: Vec<&Account> =
            self.accounts.iter().filter(|a| a.kind == AccountKind::Replicator).collect();
        let [replicator] = replicators.as_slice() else {
            return Err(invalid("the users", "name exactly one user of kind replicator"));
        };
        let mut names: Vec<&str> = self.accounts.iter().map(|a| a.name.as_str()).collect();
        names.sort_unstable();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            return Err(invalid("the users", &format!("`{}` is named twice", w[0])));
        }
        let devices: Vec<&Account> = self.accounts.iter().filter(|a| a.kind.has_database()).collect();
        let editors: Vec<&str> =
            self.accounts.iter().filter(|a| a.kind == AccountKind::Editor).map(|a| a.name.as_str()).collect();

        let mut tasks = vec![Task::Database("_users".into()), Task::Database("_replicator".into())];
        for a in &self.accounts {
            tasks.push(Task::User(a.clone()));
        }
        let all_kinds = ["response", "questionnaire", "case", "problem"];
        let mut database = |db: String, members: Value, writers: &[&str], kinds: &[&str], immutable: bool| {
            tasks.push(Task::Database(db.clone()));
            let security = json!({ "admins": { "names": [], "roles": [] }, "members": members });
            tasks.push(document(&[&db, "_security"], security));
            tasks.push(document(&[&db, "_design/manyi"], design_doc(writers, kinds, immutable)));
        };
        database(
            self.config_db(),
            json!({ "names": editors, "roles": [ROLE_DEVICE, ROLE_ANALYST] }),
            &editors,
            &["questionnaire"],
            true,
        );
        database(
            self.company_db(),
            json!({ "names": [replicator.name], "roles": [ROLE_ANALYST] }),
            &[&replicator.name],
            &all_kinds,
            false,
        );
        for d in &devices {
            database(
                self.device_db(&d.name),
                json!({ "names": [d.name], "roles": [ROLE_REPLICATOR] }),
                &[&d.name],
                &all_kinds,
                false,
            );
        }
        let base = self.replication_url.trim_end_matches('/');
        let authority = base.split_once("://");
        let Some((scheme, rest)) = authority.filter(|(_, rest)| !rest.contains('@')) else {
            return Err(invalid(
                "the replication URL",
                "write it as http(s)://host:port, without credentials",
            ));
        };
        let url = |db: &str| {
            let c = &replicator.credentials;
            let enc = |s: &str| percent_encoding::utf8_percent_encode(s, super::http::ENCODE).to_string();
            format!("{scheme}://{}:{}@{rest}/{db}", enc(&c.user), enc(&c.password))
        };
        for d in &devices {
            let wanted = json!({
                "source": url(&self.device_db(&d.name)),
                "target": url(&self.company_db()),
                "continuous": true,
                // Only Manyi records (the filter of the device database's design document):
                // each database keeps its own design document.
                "filter": "manyi/records",
            });
            let id = format!("{}-device-{}-to-company", self.prefix, d.name);
            tasks.push(Task::Document {
                path: vec!["_replicator".into(), id],
                wanted,
                urls_without_credentials: true,
            });
        }
        Ok(tasks)
    }
}

fn document(path: &[&str], wanted: Value) -> Task {
    Task::Document {
        path: path.iter().map(|s| (*s).to_owned()).collect(),
        wanted,
        urls_without_credentials: false,
    }
}

/// The design document `_design/manyi` with the `validate_doc_update` of a database: only
/// `writers` (and administrators) write, only Manyi records of `kinds`, ids matching their records,
/// and with `immutable` no document changes once stored.
pub fn design_doc(writers: &[&str], kinds: &[&str], immutable: bool) -> Value {
    let code = include_str!("validate.js")
        .replace("WRITERS", &json!(writers).to_string())
        .replace("KINDS", &json!(kinds).to_string())
        .replace("IMMUTABLE", if immutable { "true" } else { "false" });
    json!({
        "language": "javascript",
        "validate_doc_update": code.trim_end(),
        // The replications into the company-wide database take only Manyi records.
        "filters": { "records": "function (doc, req) { return typeof doc.manyi === 'string'; }" },
    })
}

fn invalid(what: &str, reason: &str) -> SyncError {
    SyncError::Invalid { what: what.to_owned(), reason: reason.to_owned() }
}
