//! A real CouchDB-protocol server for the sync's end-to-end tests: the pouchdb-server of the CLI's
//! sync tests (`cli/tests/couch/server.rs`: `MANYI_POUCHDB_SERVER`, a free loopback port, its own
//! process group killed with the test), prepared as `manyi couch setup` prepares a real CouchDB
//! (core's `Setup` machine, driven here as the CLI drives it), and read back as the administrator.

#[path = "../../cli/tests/couch/server.rs"]
mod server;

use manyi_core::sync::setup::{Account, AccountKind, Setup, SetupOptions, SetupStep};
use manyi_core::sync::{
    Credentials, HttpAnswer, HttpRequest, Method, Pull, PullOptions, PullStep, SyncRecord,
};
pub use server::{Server, ADMIN};

/// The users of the tests: two kiosks, an editor's desk, an analyst and the replicator.
pub const USERS: [(&str, &str, AccountKind); 5] = [
    ("hall1", "pw-hall1-9d2", AccountKind::Device),
    ("hall2", "pw-hall2-4kq", AccountKind::Device),
    ("desk1", "pw-desk1-x7w", AccountKind::Editor),
    ("ana", "pw-ana-5tz", AccountKind::Analyst),
    ("repl", "pw-repl-1ab", AccountKind::Replicator),
];

/// A request to the server (relative to `base`, a URL without credentials) as `credentials`.
pub fn send(base: &str, credentials: &Credentials, request: &HttpRequest) -> HttpAnswer {
    let agent: ureq::Agent =
        ureq::Agent::config_builder().http_status_as_error(false).proxy(None).build().new_agent();
    let url = request.url(base);
    let auth = request.credentials.as_ref().unwrap_or(credentials).authorization();
    let result = match (request.method, request.body_bytes()) {
        (Method::Get, _) => agent.get(&url).header("Authorization", &auth).call(),
        (method, body) => {
            let r = if method == Method::Put { agent.put(&url) } else { agent.post(&url) };
            r.header("Authorization", &auth)
                .header("Content-Type", "application/json")
                .send(body.unwrap_or_default())
        }
    };
    let mut response = result.unwrap_or_else(|e| panic!("{} {url}: {e}", request.method));
    let status = response.status().as_u16();
    let body = response.body_mut().with_config().limit(u64::MAX).read_to_vec().unwrap();
    HttpAnswer { status, body }
}

fn admin() -> Credentials {
    Credentials { user: ADMIN.0.into(), password: ADMIN.1.into() }
}

/// Starts a server and sets it up for [`USERS`] (prefix `manyi`), with CORS for the app's
/// origin as README's step 2 sets it on CouchDB.
pub fn prepared_server() -> Server {
    let server = Server::start();
    let accounts = USERS.iter().map(|(n, p, k)| Account::new(n, p, *k).unwrap()).collect();
    let options = SetupOptions { prefix: "manyi".into(), accounts, replication_url: server.root() };
    let mut setup = Setup::new(options.tasks().unwrap());
    let mut step = setup.start().unwrap();
    loop {
        step = match step {
            SetupStep::Send(r) => setup.receive(send(&server.root(), &admin(), &r)).unwrap(),
            SetupStep::Done(_) => break,
        };
    }
    server
}

/// The URL of a database of the server (no credentials).
pub fn db_url(server: &Server, db: &str) -> String {
    format!("{}/{db}", server.root())
}

/// Every Manyi record of database `db`, read as the administrator, with the number of leaf
/// revisions each has (conflicts included).
pub fn records(server: &Server, db: &str) -> Vec<(SyncRecord, usize)> {
    let base = db_url(server, db);
    let mut pull = Pull::new(PullOptions::default());
    let mut out = Vec::new();
    let mut step = pull.start().unwrap();
    loop {
        step = match step {
            PullStep::Send(r) => pull.receive(send(&base, &admin(), &r)).unwrap(),
            PullStep::Page(page) => {
                out.extend(page.records.into_iter().map(|p| (p.record, 1 + p.conflicts.len())));
                pull.proceed().unwrap()
            }
            PullStep::Done(_) => return out,
        };
    }
}

/// The status of `GET /{db}` as `user`.
pub fn status_as(server: &Server, db: &str, user: (&str, &str)) -> u16 {
    server.call("GET", &format!("/{db}"), None, Some(user)).0
}
