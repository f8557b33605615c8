//! The setup machine: each task is read first (GET), then written only if what is there differs
//! from what should be, so a second run reports every task unchanged.

use super::{Account, Task};
use crate::sync::error::{answer_error, json_body, success, SyncError};
use crate::sync::http::{HttpAnswer, HttpRequest, Method};
use serde_json::{json, Value};

/// What setup did to one thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// It did not exist and was made.
    Created,
    /// It existed and differed; it was rewritten.
    Updated,
    /// It was already as it should be.
    Unchanged,
}

/// Everything setup did, task by task: what (e.g. `database manyi-company`) and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetupReport {
    /// Each task with what happened to it.
    pub items: Vec<(String, Change)>,
}

impl SetupReport {
    /// How many tasks created or updated something.
    pub fn changed(&self) -> usize {
        self.items.iter().filter(|(_, c)| *c != Change::Unchanged).count()
    }
}

/// What the caller does next.
#[derive(Debug, Clone, PartialEq)]
pub enum SetupStep {
    /// Make this request (relative to the server's root, as an administrator unless it carries
    /// its own credentials) and give the answer to [`Setup::receive`].
    Send(HttpRequest),
    /// Finished.
    Done(SetupReport),
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Read,
    Write {
        created: bool,
    },
    /// A user's roles are being rewritten (this document, before its new revision).
    WriteRoles {
        doc: Value,
    },
    /// A user: its roles were rewritten (or not), now check its password.
    Session {
        doc: Value,
        roles_changed: bool,
    },
    Password,
}

/// The setup machine over a list of tasks ([`super::SetupOptions::tasks`]).
#[derive(Debug, Clone)]
pub struct Setup {
    tasks: Vec<Task>,
    index: usize,
    phase: Phase,
    report: SetupReport,
}

impl Setup {
    /// A setup of these tasks; [`Setup::start`] gives the first step.
    pub fn new(tasks: Vec<Task>) -> Setup {
        Setup { tasks, index: 0, phase: Phase::Read, report: SetupReport::default() }
    }

    /// The first step.
    pub fn start(&mut self) -> Result<SetupStep, SyncError> {
        Ok(self.read())
    }

    fn task(&self) -> &Task {
        &self.tasks[self.index]
    }

    fn path(&self) -> Vec<String> {
        match self.task() {
            Task::Database(db) => vec![db.clone()],
            Task::Document { path, .. } => path.clone(),
            Task::User(a) => vec!["_users".into(), user_id(a)],
        }
    }

    fn describe(&self) -> String {
        match self.task() {
            Task::Database(db) => format!("database {db}"),
            Task::Document { path, .. } => path.join("/"),
            Task::User(a) => format!("user {}", a.name),
        }
    }

    fn request(&self, method: Method) -> HttpRequest {
        let path = self.path();
        let segments: Vec<&str> = path.iter().map(String::as_str).collect();
        HttpRequest::new(method, &segments)
    }

    fn read(&mut self) -> SetupStep {
        if self.index >= self.tasks.len() {
            return SetupStep::Done(std::mem::take(&mut self.report));
        }
        self.phase = Phase::Read;
        SetupStep::Send(self.request(Method::Get))
    }

    fn finish(&mut self, change: Change) -> SetupStep {
        let what = self.describe();
        self.report.items.push((what, change));
        self.index += 1;
        self.read()
    }

    /// Reads the answer to the last [`SetupStep::Send`].
    pub fn receive(&mut self, answer: HttpAnswer) -> Result<SetupStep, SyncError> {
        if self.index >= self.tasks.len() {
            return Err(SyncError::Invalid { what: "the setup".into(), reason: "it is finished".into() });
        }
        let what = self.describe();
        match (self.phase.clone(), self.task().clone()) {
            (Phase::Read, Task::Database(_)) => match answer.status {
                200 => Ok(self.finish(Change::Unchanged)),
                404 => {
                    self.phase = Phase::Write { created: true };
                    Ok(SetupStep::Send(self.request(Method::Put)))
                }
                _ => Err(answer_error(&what, &answer)),
            },
            (Phase::Write { .. }, Task::Database(_)) => match answer.status {
                // 412: made meanwhile by someone else.
                412 => Ok(self.finish(Change::Unchanged)),
                _ => success(&what, &answer).map(|_| self.finish(Change::Created)),
            },
            (Phase::Read, Task::Document { wanted, urls_without_credentials, .. }) => {
                let existing = if answer.status == 404 { None } else { Some(success(&what, &answer)?) };
                if existing.as_ref().is_some_and(|e| same(e, &wanted, urls_without_credentials)) {
                    return Ok(self.finish(Change::Unchanged));
                }
                let mut body = wanted;
                if let Some(rev) = existing.as_ref().and_then(|e| e.get("_rev")) {
                    body["_rev"] = rev.clone();
                }
                let created = existing.is_none_or(|e| e.as_object().is_some_and(|m| m.is_empty()));
                self.phase = Phase::Write { created };
                Ok(SetupStep::Send(self.request(Method::Put).json(body)))
            }
            (Phase::Write { created }, Task::Document { .. }) => {
                success(&what, &answer)?;
                Ok(self.finish(if created { Change::Created } else { Change::Updated }))
            }
            (Phase::Read, Task::User(account)) => self.read_user(&what, &answer, &account),
            (Phase::Write { created: true }, Task::User(_)) => {
                success(&what, &answer)?;
                Ok(self.finish(Change::Created))
            }
            (Phase::WriteRoles { mut doc }, Task::User(account)) => {
                // The roles were rewritten; the document's new revision is in the answer.
                doc["_rev"] = success(&what, &answer)?.get("rev").cloned().unwrap_or(Value::Null);
                Ok(self.check_session(&account, doc, true))
            }
            (Phase::Session { mut doc, roles_changed }, Task::User(account)) => {
                let name = json_body(&answer)
                    .ok()
                    .and_then(|b| b.pointer("/userCtx/name").and_then(Value::as_str).map(str::to_owned));
                if answer.status == 200 && name.as_deref() == Some(account.name.as_str()) {
                    return Ok(self.finish(if roles_changed { Change::Updated } else { Change::Unchanged }));
                }
                doc["password"] = json!(account.credentials.password);
                self.phase = Phase::Password;
                Ok(SetupStep::Send(self.request(Method::Put).json(doc)))
            }
            (Phase::Password, Task::User(_)) => {
                success(&what, &answer)?;
                Ok(self.finish(Change::Updated))
            }
            (phase, _) => Err(SyncError::Invalid {
                what: "the setup".into(),
                reason: format!("an answer arrived in phase {phase:?} of {what}"),
            }),
        }
    }

    fn read_user(
        &mut self,
        what: &str,
        answer: &HttpAnswer,
        account: &Account,
    ) -> Result<SetupStep, SyncError> {
        let roles: Vec<&str> = account.kind.roles();
        if answer.status == 404 {
            let doc = json!({
                "name": account.name,
                "type": "user",
                "roles": roles,
                "password": account.credentials.password,
            });
            self.phase = Phase::Write { created: true };
            return Ok(SetupStep::Send(self.request(Method::Put).json(doc)));
        }
        let mut doc = success(what, answer)?;
        let mut have: Vec<String> = doc
            .get("roles")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
            .unwrap_or_default();
        have.sort();
        let mut want: Vec<String> = roles.iter().map(|r| (*r).to_owned()).collect();
        want.sort();
        if have == want {
            return Ok(self.check_session(account, doc, false));
        }
        doc["roles"] = json!(want);
        // The stored password hash is kept: the password is checked (and set if wrong) next.
        self.phase = Phase::WriteRoles { doc: doc.clone() };
        Ok(SetupStep::Send(self.request(Method::Put).json(doc)))
    }

    fn check_session(&mut self, account: &Account, doc: Value, roles_changed: bool) -> SetupStep {
        self.phase = Phase::Session { doc, roles_changed };
        let mut req = HttpRequest::new(Method::Get, &["_session"]);
        req.credentials = Some(account.credentials.clone());
        SetupStep::Send(req)
    }
}

/// `org.couchdb.user:{name}`.
fn user_id(a: &Account) -> String {
    format!("org.couchdb.user:{}", a.name)
}

/// Whether `existing` has every field of `wanted` with the same value (server-added fields such
/// as `_rev` or pouchdb-server's `_replication_state` are ignored).
fn same(existing: &Value, wanted: &Value, urls_without_credentials: bool) -> bool {
    let Some(wanted) = wanted.as_object() else { return existing == wanted };
    wanted.iter().all(|(key, want)| match existing.get(key) {
        Some(have) if urls_without_credentials && (key == "source" || key == "target") => {
            have.as_str().map(strip_credentials) == want.as_str().map(strip_credentials)
        }
        Some(have) => have == want,
        None => false,
    })
}

/// A URL without its `user:password@`.
fn strip_credentials(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
            let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
            format!("{scheme}://{host}/{path}")
        }
        None => url.to_owned(),
    }
}
