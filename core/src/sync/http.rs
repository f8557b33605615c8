//! The HTTP requests the sync machines ask for and the answers they read, as plain values: the
//! adapter (a blocking client on the command line, `fetch` in the browser) sends the one and
//! hands back the other, and nothing here waits for anything.

use base64::Engine;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::Value;
use std::fmt;

/// The HTTP methods the sync uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// PUT.
    Put,
    /// POST.
    Post,
}

impl Method {
    /// The method's name, as HTTP writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A user name and password for HTTP basic authentication.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The CouchDB user name.
    pub user: String,
    /// The password.
    pub password: String,
}

impl Credentials {
    /// The value of the `Authorization` header: `Basic base64(user:password)`.
    pub fn authorization(&self) -> String {
        let raw = format!("{}:{}", self.user, self.password);
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(raw))
    }
}

/// Never shows the password (it must not reach a log).
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Credentials {{ user: {:?}, password: \"***\" }}", self.user)
    }
}

/// One request to make. `path` is a list of segments (not yet percent-encoded) relative to the
/// base the machine works on: the database URL for a push or pull, the server URL for setup.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// Path segments after the base, e.g. `["_local", "manyi-push-…"]`; empty for the base itself.
    pub path: Vec<String>,
    /// Query parameters, in order, not yet percent-encoded.
    pub query: Vec<(String, String)>,
    /// The JSON body (sent with `Content-Type: application/json`), if any.
    pub body: Option<Value>,
    /// Credentials to send instead of the connection's (setup checks a device's password so).
    pub credentials: Option<Credentials>,
}

/// The characters left as they are in a path segment or a query value: RFC 3986's unreserved
/// characters. Everything else (`/` in `_design/…` ids too) is percent-encoded.
pub(crate) const ENCODE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

impl HttpRequest {
    pub(crate) fn new(method: Method, path: &[&str]) -> Self {
        HttpRequest {
            method,
            path: path.iter().map(|s| (*s).to_owned()).collect(),
            query: Vec::new(),
            body: None,
            credentials: None,
        }
    }

    pub(crate) fn query(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    pub(crate) fn json(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// The path and query to append to the base URL: each segment after a `/`, percent-encoded,
    /// then `?key=value&…`. Empty for the base itself.
    pub fn path_and_query(&self) -> String {
        let mut out = String::new();
        for segment in &self.path {
            out.push('/');
            out.extend(utf8_percent_encode(segment, ENCODE));
        }
        for (i, (key, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.extend(utf8_percent_encode(key, ENCODE));
            out.push('=');
            out.extend(utf8_percent_encode(value, ENCODE));
        }
        out
    }

    /// The full URL: `base` (without a trailing `/`, and without credentials) and
    /// [`HttpRequest::path_and_query`].
    pub fn url(&self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path_and_query())
    }

    /// The body as bytes to send, if any.
    pub fn body_bytes(&self) -> Option<Vec<u8>> {
        self.body.as_ref().map(|b| serde_json::to_vec(b).expect("a JSON value serialises"))
    }
}

/// What the server answered: the status and the body's bytes, as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpAnswer {
    /// The HTTP status code.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
}

impl HttpAnswer {
    /// An answer with a JSON body (tests and recorded answers).
    pub fn json(status: u16, body: &Value) -> Self {
        HttpAnswer { status, body: serde_json::to_vec(body).expect("a JSON value serialises") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_and_query_values_are_percent_encoded() {
        let r = HttpRequest::new(Method::Get, &["_design/manyi", "a b"]).query("since", "\"12-g1A\"");
        assert_eq!(r.url("http://h:5984/db/"), "http://h:5984/db/_design%2Fmanyi/a%20b?since=%2212-g1A%22");
        assert_eq!(HttpRequest::new(Method::Get, &[]).url("http://h/db"), "http://h/db");
    }

    #[test]
    fn basic_authorization_and_no_password_in_debug() {
        let c = Credentials { user: "hall1".into(), password: "pw1".into() };
        // printf 'hall1:pw1' | base64 → aGFsbDE6cHcx
        assert_eq!(c.authorization(), "Basic aGFsbDE6cHcx");
        assert!(!format!("{c:?}").contains("pw1"));
    }
}
