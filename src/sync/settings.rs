//! What the device keeps to sync (pure, tested natively): the server's database URL with the
//! device's user and password, how long synced responses stay, and what happened last. The
//! password is kept on the device to sync by itself; no screen shows it again, and it is in no
//! export and no log (its `Debug` hides it).

use chrono::{DateTime, Duration, FixedOffset};
use manyi_core::sync::{Credentials, SyncError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The keys of the records in the store's `sync_state`.
pub mod keys {
    /// [`super::SyncSettings`].
    pub const SETTINGS: &str = "settings";
    /// [`super::SyncStatus`].
    pub const STATUS: &str = "status";
    /// The source name of this store's pushes (see [`super::source_name`]).
    pub const SOURCE: &str = "source";
    /// The `last_seq` of the configuration database's questionnaires.
    pub const CONFIG_SEQ: &str = "config_seq";
    /// The questionnaire versions known to be published (pulled or published from here).
    pub const PUBLISHED: &str = "published";
}

/// A database URL as staff typed it, checked: `http(s)://host[:port]/database`, no credentials
/// in it (they have their own fields), no query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DbUrl(String);

impl DbUrl {
    /// The URL, without a trailing `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The database's name: the last path segment.
    pub fn database(&self) -> &str {
        self.0.rsplit_once('/').map_or("", |(_, db)| db)
    }

    /// The server's address (scheme, host and port), as shown in messages.
    pub fn server(&self) -> &str {
        self.0.rsplit_once('/').map_or(&self.0, |(server, _)| server)
    }

    /// The configuration database beside a device database `{prefix}-device-{name}`:
    /// `{prefix}-config` on the same server (what `manyi couch setup` makes). `None` for a
    /// database not named so.
    pub fn config(&self) -> Option<DbUrl> {
        let (prefix, _) = self.database().split_once("-device-")?;
        Some(DbUrl(format!("{}/{prefix}-config", self.server())))
    }
}

impl TryFrom<String> for DbUrl {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let s = s.trim().trim_end_matches('/');
        let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
        let Some(rest) = rest else {
            return Err("the URL starts with https:// (or http:// for this computer's own server)".into());
        };
        if rest.contains('@') {
            return Err("no user or password in the URL: they have fields of their own".into());
        }
        if rest.contains(['?', '#', ' ']) {
            return Err("the URL is the database's address, without ?, # or spaces".into());
        }
        match rest.split_once('/') {
            Some((host, db)) if !host.is_empty() && !db.is_empty() && !db.contains('/') => {
                Ok(DbUrl(s.into()))
            }
            _ => Err("the URL names the database: https://host:6984/manyi-device-NAME".into()),
        }
    }
}

impl From<DbUrl> for String {
    fn from(u: DbUrl) -> String {
        u.0
    }
}

impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The sync's settings, set on the staff screen.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncSettings {
    /// This device's database.
    pub url: DbUrl,
    /// This device's CouchDB user.
    pub user: String,
    /// Its password (never shown again).
    pub password: String,
    /// Delete synced responses this many days after they were submitted; `None`: keep them.
    #[serde(default)]
    pub prune_days: Option<u32>,
}

impl SyncSettings {
    /// The credentials for the server.
    pub fn credentials(&self) -> Credentials {
        Credentials { user: self.user.clone(), password: self.password.clone() }
    }

    /// Before when a synced response may be deleted, at `now`.
    pub fn prune_before(&self, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        self.prune_days.map(|d| now - Duration::days(i64::from(d)))
    }
}

/// Never shows the password.
impl fmt::Debug for SyncSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SyncSettings")
            .field("url", &self.url)
            .field("user", &self.user)
            .field("password", &"***")
            .field("prune_days", &self.prune_days)
            .finish()
    }
}

/// The source name of a store's pushes: the user and a random id made once per store. A device
/// whose storage was wiped starts a new change counter, so its pushes must not resume from the
/// old store's checkpoint on the server.
pub fn source_name(user: &str, store_id: &str) -> String {
    format!("{user}/{store_id}")
}

/// Why the last sync failed, as data the screens put into words (in both languages).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// No network, or the server did not answer.
    Unreachable,
    /// Wrong user name or password.
    Unauthorized,
    /// The user may not use this database.
    Forbidden,
    /// The URL is not a database.
    NotADatabase,
    /// Something that is not CouchDB answered (a proxy, a login page).
    NotCouchDb,
    /// The server refused or did not keep records.
    Refused,
    /// The server failed (HTTP 5xx or an answer of the wrong shape).
    Server,
    /// The device could not read or write its own storage.
    Storage,
}

/// The last error: its kind and the technical detail (no credentials in it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastError {
    /// When.
    pub at: DateTime<FixedOffset>,
    /// What kind.
    pub problem: Problem,
    /// The detail, for the technician.
    pub detail: String,
}

impl Problem {
    /// The kind of a sync error.
    pub fn of(e: &SyncError) -> Problem {
        match e {
            SyncError::Unreachable { .. } => Problem::Unreachable,
            SyncError::Unauthorized { .. } => Problem::Unauthorized,
            SyncError::Forbidden { .. } => Problem::Forbidden,
            SyncError::NotADatabase { .. } => Problem::NotADatabase,
            SyncError::NotCouchDb { .. } => Problem::NotCouchDb,
            SyncError::DocumentsRefused { .. } | SyncError::NotStored { .. } => Problem::Refused,
            SyncError::Server { .. } | SyncError::Unexpected { .. } | SyncError::Invalid { .. } => {
                Problem::Server
            }
        }
    }
}

/// What the sync did last: shown on the staff screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// The end of the last sync that succeeded.
    pub last_success: Option<DateTime<FixedOffset>>,
    /// The last failure, if it came after the last success.
    pub last_error: Option<LastError>,
    /// Records the last successful push sent.
    #[serde(default)]
    pub last_sent: usize,
    /// Questionnaires the last pull of the configuration database brought.
    #[serde(default)]
    pub last_questionnaires: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Result<DbUrl, String> {
        DbUrl::try_from(s.to_owned())
    }

    #[test]
    fn a_database_url_is_checked_and_knows_its_config_database() {
        let u = url(" https://couch.example.com:6984/manyi-device-hall1/ ").unwrap();
        assert_eq!(u.as_str(), "https://couch.example.com:6984/manyi-device-hall1");
        assert_eq!(u.database(), "manyi-device-hall1");
        assert_eq!(u.server(), "https://couch.example.com:6984");
        assert_eq!(u.config().unwrap().as_str(), "https://couch.example.com:6984/manyi-config");
        assert_eq!(
            url("http://127.0.0.1:5984/acme-device-desk-01").unwrap().config().unwrap().database(),
            "acme-config"
        );
        assert_eq!(url("http://127.0.0.1:5984/other").unwrap().config(), None);
        for bad in [
            "couch.example.com/db",
            "ftp://h/db",
            "https://admin:pw@h/db",
            "https://h",
            "https://h/",
            "https://h/a/b",
            "https://h/db?x=1",
        ] {
            assert!(url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_password_is_in_no_debug_output() {
        let s = SyncSettings {
            url: url("https://h/manyi-device-a").unwrap(),
            user: "a".into(),
            password: "s3cret-pw".into(),
            prune_days: Some(30),
        };
        assert!(!format!("{s:?}").contains("s3cret-pw"));
        assert!(!format!("{:?}", s.credentials()).contains("s3cret-pw"));
        let now = DateTime::parse_from_rfc3339("2026-11-30T12:00:00+08:00").unwrap();
        assert_eq!(s.prune_before(now).unwrap().to_rfc3339(), "2026-10-31T12:00:00+08:00");
    }

    #[test]
    fn errors_are_kinds() {
        assert_eq!(Problem::of(&SyncError::Unreachable { reason: "x".into() }), Problem::Unreachable);
        let e = SyncError::NotStored { count: 1, example: "a 1-b".into() };
        assert_eq!(Problem::of(&e), Problem::Refused);
    }
}
