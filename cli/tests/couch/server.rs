//! A real CouchDB-protocol server for the sync tests: pouchdb-server (installed by
//! `cargo xtask test`, path in `MANYI_POUCHDB_SERVER`) on a free loopback port, its LevelDB in a
//! temporary folder, in its own process group that is killed when the test ends — also when it
//! panics. Readiness is polled, never waited for a fixed time.

#![allow(dead_code)] // each test file uses part of it

use serde_json::Value;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The administrator the tests create.
pub const ADMIN: (&str, &str) = ("admin", "s3cret-admin");

/// A running pouchdb-server.
pub struct Server {
    /// Its port on 127.0.0.1.
    pub port: u16,
    dir: tempfile::TempDir,
    child: Option<Child>,
    agent: ureq::Agent,
}

fn binary() -> PathBuf {
    match std::env::var_os("MANYI_POUCHDB_SERVER") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../target/pouchdb-server/node_modules/.bin/pouchdb-server"
        )),
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Server {
    /// Starts a server with an administrator ([`ADMIN`]).
    pub fn start() -> Server {
        let config = ureq::Agent::config_builder().http_status_as_error(false).proxy(None).build();
        let mut server = Server {
            port: free_port(),
            dir: tempfile::tempdir().unwrap(),
            child: None,
            agent: config.new_agent(),
        };
        server.launch();
        // Still an "admin party": the first administrator is made without credentials.
        let url = format!("{}/_config/admins/{}", server.root(), ADMIN.0);
        let made = server.agent.put(&url).send(serde_json::to_vec(&Value::from(ADMIN.1)).unwrap());
        assert!(made.is_ok_and(|r| r.status() == 200), "could not make the administrator");
        server
    }

    fn launch(&mut self) {
        let bin = binary();
        assert!(
            bin.exists(),
            "{} is missing: run `cargo xtask test install` (or set MANYI_POUCHDB_SERVER)",
            bin.display()
        );
        let log = std::fs::File::create(self.dir.path().join("server.log")).unwrap();
        let child = Command::new(&bin)
            .args(["--host", "127.0.0.1", "--port", &self.port.to_string(), "--no-stdout-logs", "--no-color"])
            .arg("--dir")
            .arg(self.dir.path())
            .arg("--config")
            .arg(self.dir.path().join("config.json"))
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .process_group(0)
            .spawn()
            .unwrap();
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if self.agent.get(&self.root()).call().is_ok_and(|r| r.status() == 200) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("pouchdb-server did not answer within 60 s; its log: {}", self.log());
    }

    /// What the server logged.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// `http://127.0.0.1:PORT`.
    pub fn root(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A database's URL with the administrator's credentials.
    pub fn admin_url(&self, db: &str) -> String {
        self.user_url(ADMIN.0, ADMIN.1, db)
    }

    /// A database's URL with these credentials.
    pub fn user_url(&self, user: &str, password: &str, db: &str) -> String {
        format!("http://{user}:{password}@127.0.0.1:{}/{db}", self.port)
    }

    /// Kills the server's process group (as a crash would).
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            // SAFETY: kill(2) on the group this test started; no memory is touched.
            unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port and data.
    pub fn restart(&mut self) {
        self.kill();
        self.launch();
    }

    /// A request as the administrator (or `user`): status and JSON body.
    pub fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        user: Option<(&str, &str)>,
    ) -> (u16, Value) {
        let url = format!("{}{path}", self.root());
        let (name, password) = user.unwrap_or(ADMIN);
        let auth =
            manyi_core::sync::Credentials { user: name.into(), password: password.into() }.authorization();
        let result = match (method, body) {
            ("GET", _) => self.agent.get(&url).header("Authorization", &auth).call(),
            (m, b) => {
                let bytes = b.map(|b| serde_json::to_vec(b).unwrap()).unwrap_or_default();
                let req = if m == "PUT" { self.agent.put(&url) } else { self.agent.post(&url) };
                req.header("Authorization", &auth).header("Content-Type", "application/json").send(bytes)
            }
        };
        let mut response = result.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status().as_u16();
        let text = response.body_mut().with_config().limit(u64::MAX).read_to_string().unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// Creates a database (as the administrator).
    pub fn create_db(&self, db: &str) {
        let (status, body) = self.call("PUT", &format!("/{db}"), None, None);
        assert!(status == 201 || status == 200, "create {db}: {status} {body}");
    }

    /// How many documents a database holds (design documents included).
    pub fn doc_count(&self, db: &str) -> u64 {
        self.call("GET", &format!("/{db}"), None, None).1["doc_count"].as_u64().unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}
