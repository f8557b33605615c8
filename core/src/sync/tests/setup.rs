//! Setup against a small in-memory stand-in that answers GET and PUT as CouchDB 3.x documents
//! them: the first run creates everything, the second changes nothing, a changed password or
//! role is put right.

use crate::sync::http::{HttpAnswer, HttpRequest, Method};
use crate::sync::setup::{Account, AccountKind, Change, Setup, SetupOptions, SetupReport, SetupStep};
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[derive(Default)]
struct Server {
    /// Databases and documents by path; a database's value is `null`.
    store: BTreeMap<String, Value>,
    /// user → password.
    passwords: BTreeMap<String, String>,
    writes: usize,
}

impl Server {
    fn answer(&mut self, r: &HttpRequest) -> HttpAnswer {
        let path = r.path.join("/");
        if path == "_session" {
            let c = r.credentials.as_ref().unwrap();
            return if self.passwords.get(&c.user) == Some(&c.password) {
                HttpAnswer::json(200, &json!({"ok": true, "userCtx": {"name": c.user, "roles": []}}))
            } else {
                HttpAnswer::json(
                    401,
                    &json!({"error": "unauthorized", "reason": "Name or password is incorrect."}),
                )
            };
        }
        let missing = || HttpAnswer::json(404, &json!({"error": "not_found", "reason": "missing"}));
        match r.method {
            Method::Get => match self.store.get(&path) {
                Some(Value::Null) => HttpAnswer::json(200, &json!({"db_name": path})),
                Some(doc) => HttpAnswer::json(200, doc),
                None if path.ends_with("/_security") => HttpAnswer::json(200, &json!({})),
                None => missing(),
            },
            Method::Put => {
                self.writes += 1;
                if r.path.len() == 1 {
                    self.store.insert(path, Value::Null);
                    return HttpAnswer::json(201, &json!({"ok": true}));
                }
                let mut doc = r.body.clone().unwrap();
                let old_rev = self.store.get(&path).and_then(|d| d.get("_rev")).cloned();
                if doc.get("_rev") != old_rev.as_ref() && !path.ends_with("/_security") {
                    return HttpAnswer::json(
                        409,
                        &json!({"error": "conflict", "reason": "Document update conflict."}),
                    );
                }
                let n = old_rev.and_then(|r| r.as_str()?.split('-').next()?.parse::<u32>().ok()).unwrap_or(0);
                if let Some(pw) = doc.as_object_mut().unwrap().remove("password") {
                    // Like CouchDB: the password is replaced by a hash.
                    self.passwords
                        .insert(doc["name"].as_str().unwrap().to_owned(), pw.as_str().unwrap().to_owned());
                    doc["derived_key"] = json!("…");
                }
                if !path.ends_with("/_security") {
                    doc["_rev"] = json!(format!("{}-x", n + 1));
                }
                self.store.insert(path, doc.clone());
                HttpAnswer::json(201, &json!({"ok": true, "rev": doc.get("_rev")}))
            }
            Method::Post => unreachable!("setup posts nothing"),
        }
    }
}

fn run(server: &mut Server, options: &SetupOptions) -> SetupReport {
    let mut setup = Setup::new(options.tasks().unwrap());
    let mut step = setup.start().unwrap();
    loop {
        step = match step {
            SetupStep::Send(r) => setup.receive(server.answer(&r)).unwrap(),
            SetupStep::Done(report) => return report,
        }
    }
}

fn options(password: &str) -> SetupOptions {
    SetupOptions {
        prefix: "manyi".into(),
        accounts: vec![
            Account::new("hall1", password, AccountKind::Device).unwrap(),
            Account::new("desk1", "pw-d", AccountKind::Editor).unwrap(),
            Account::new("ana", "pw-a", AccountKind::Analyst).unwrap(),
            Account::new("repl", "pw-r", AccountKind::Replicator).unwrap(),
        ],
        replication_url: "http://127.0.0.1:5984".into(),
    }
}

#[test]
fn the_first_run_creates_everything_and_the_second_changes_nothing() {
    let mut server = Server::default();
    let first = run(&mut server, &options("pw-h"));
    // _users, _replicator; 4 users; 4 databases (config, company, hall1, desk1) with security and
    // validation; 2 replications.
    assert_eq!(first.items.len(), 2 + 4 + 4 * 3 + 2);
    assert_eq!(first.changed(), first.items.len());
    let security = &server.store["manyi-device-hall1/_security"];
    assert_eq!(security["members"], json!({"names": ["hall1"], "roles": ["manyi_replicator"]}));
    assert_eq!(server.store["manyi-config/_security"]["members"]["names"], json!(["desk1"]));
    assert_eq!(
        server.store["_users/org.couchdb.user:desk1"]["roles"],
        json!(["manyi_device", "manyi_editor"])
    );
    let replication = &server.store["_replicator/manyi-device-hall1-to-company"];
    assert_eq!(replication["source"], json!("http://repl:pw-r@127.0.0.1:5984/manyi-device-hall1"));
    assert_eq!(replication["continuous"], json!(true));
    let vdu = server.store["manyi-config/_design/manyi"]["validate_doc_update"].as_str().unwrap().to_owned();
    assert!(vdu.contains(r#"var writers = ["desk1"];"#) && vdu.contains("var immutable = true;"), "{vdu}");

    let writes = server.writes;
    let second = run(&mut server, &options("pw-h"));
    assert_eq!(second.changed(), 0, "{:?}", second.items);
    assert_eq!(server.writes, writes);
}

#[test]
fn a_new_password_or_role_is_set_and_only_that() {
    let mut server = Server::default();
    run(&mut server, &options("pw-h"));
    let report = run(&mut server, &options("new-pw"));
    let changed: Vec<_> = report.items.iter().filter(|(_, c)| *c != Change::Unchanged).collect();
    assert_eq!(changed, [&("user hall1".to_owned(), Change::Updated)]);
    assert_eq!(server.passwords["hall1"], "new-pw");

    server.store.get_mut("_users/org.couchdb.user:ana").unwrap()["roles"] = json!([]);
    let report = run(&mut server, &options("new-pw"));
    assert_eq!(report.changed(), 1);
    assert_eq!(server.store["_users/org.couchdb.user:ana"]["roles"], json!(["manyi_analyst"]));
}

#[test]
fn bad_names_and_a_missing_replicator_are_refused() {
    assert!(Account::new("Hall 1", "x", AccountKind::Device).is_err());
    assert!(Account::new("hall1", "", AccountKind::Device).is_err());
    let mut o = options("x");
    o.accounts.retain(|a| a.kind != AccountKind::Replicator);
    assert!(o.tasks().unwrap_err().to_string().contains("exactly one user of kind replicator"));
    let mut o = options("x");
    o.replication_url = "http://admin:pw@127.0.0.1:5984".into();
    assert!(o.tasks().is_err());
}
