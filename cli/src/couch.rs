//! The blocking HTTP adapter of the sync machines (core's `sync`): a CouchDB URL with its
//! credentials, and one function that sends a request and returns the answer. Credentials come
//! from the URL or from `MANYI_COUCH_USER` / `MANYI_COUCH_PASSWORD` and are never printed: every
//! URL shown is shown without them.

use manyi_core::sync::{Credentials, HttpAnswer, HttpRequest, Method, SyncError};
use std::time::Duration;

/// The environment variables that give credentials when the URL has none.
pub const USER_VAR: &str = "MANYI_COUCH_USER";
/// See [`USER_VAR`].
pub const PASSWORD_VAR: &str = "MANYI_COUCH_PASSWORD";

/// A CouchDB URL (a database's or the server's) and the credentials to use with it.
pub struct Connection {
    /// The URL without credentials, query or trailing `/`.
    pub base: String,
    credentials: Option<Credentials>,
    agent: ureq::Agent,
}

impl Connection {
    /// Parses `http(s)://[user:password@]host:port[/path]`; credentials missing from the URL are
    /// taken from the environment. `what` names the argument in messages.
    pub fn open(url: &str, what: &str) -> Result<Connection, String> {
        let parsed = url::Url::parse(url)
            .map_err(|e| format!("{what}: not a URL ({e}); write it as http(s)://host:port/database"))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(format!("{what}: write it as http(s)://host:port/database"));
        }
        let decode = |s: &str| {
            url::form_urlencoded::parse(format!("x={s}").as_bytes()).next().map(|(_, v)| v.into_owned())
        };
        let from_url = (!parsed.username().is_empty()).then(|| Credentials {
            user: decode(parsed.username()).unwrap_or_default(),
            password: parsed.password().and_then(decode).unwrap_or_default(),
        });
        let from_env = match (std::env::var(USER_VAR), std::env::var(PASSWORD_VAR)) {
            (Ok(user), Ok(password)) if !user.is_empty() => Some(Credentials { user, password }),
            _ => None,
        };
        let mut bare = parsed.clone();
        let _ = bare.set_username("");
        let _ = bare.set_password(None);
        bare.set_query(None);
        bare.set_fragment(None);
        let base = bare.as_str().trim_end_matches('/').to_owned();
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(300)))
            .proxy(None)
            .build();
        Ok(Connection { base, credentials: from_url.or(from_env), agent: config.new_agent() })
    }

    /// The database name: the URL's last path segment (`None` for the server's root).
    pub fn database(&self) -> Option<String> {
        let path = self.base.splitn(4, '/').nth(3).unwrap_or_default();
        path.rsplit('/').next().filter(|s| !s.is_empty()).map(str::to_owned)
    }

    /// Sends a request relative to the URL and reads the whole answer.
    pub fn send(&self, request: &HttpRequest) -> Result<HttpAnswer, SyncError> {
        let url = request.url(&self.base);
        let unreachable = |e: ureq::Error| SyncError::Unreachable { reason: describe(e, &self.base) };
        let credentials = request.credentials.as_ref().or(self.credentials.as_ref());
        let auth = credentials.map(Credentials::authorization);
        let mut response = match (request.method, request.body_bytes()) {
            (Method::Get, _) => {
                let mut r = self.agent.get(&url).header("Accept", "application/json");
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.call()
            }
            (method, body) => {
                let mut r = match method {
                    Method::Put => self.agent.put(&url),
                    _ => self.agent.post(&url),
                }
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.send(body.unwrap_or_default())
            }
        }
        .map_err(unreachable)?;
        let status = response.status().as_u16();
        let body = response.body_mut().with_config().limit(u64::MAX).read_to_vec().map_err(unreachable)?;
        Ok(HttpAnswer { status, body })
    }
}

/// A network error in words, naming the server without credentials.
fn describe(e: ureq::Error, base: &str) -> String {
    let server = base.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    match e {
        ureq::Error::Io(io) => format!("{server}: {io}"),
        ureq::Error::Timeout(t) => format!("{server}: no answer in time ({t})"),
        ureq::Error::HostNotFound => format!("{server}: no such host"),
        other => format!("{server}: {other}"),
    }
}
