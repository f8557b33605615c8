//! `manyi couch setup` against a real CouchDB-protocol server (pouchdb-server): everything is made
//! once, a second run changes nothing, and the server itself keeps each device in its database.

#[path = "couch/server.rs"]
mod server;
mod support;

use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::sync::{Document, SyncRecord};
use serde_json::{json, Value};
use server::Server;
use support::{manyi, write, Run};

const USERS: &str = "name,password,kind\n\
hall1,pw-hall1,device\n\
hall2,pw-hall2,device\n\
desk1,pw-desk1,editor\n\
ana,pw-ana,analyst\n\
repl,pw-repl,replicator\n";

fn assert_ok(run: &Run) {
    assert_eq!(run.code, 0, "stdout: {}\nstderr: {}", run.stdout, run.stderr);
}

fn setup(server: &Server, users: &str) -> Run {
    let admin = server.admin_url("");
    manyi(&[
        "couch",
        "setup",
        admin.trim_end_matches('/'),
        "--users",
        users,
        "--replication-url",
        &server.root(),
    ])
}

fn ok(status: u16) -> bool {
    (200..300).contains(&status)
}

#[test]
fn setup_twice_changes_nothing_the_second_time_and_devices_keep_to_their_own_database() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let users = write(dir.path(), "users.csv", USERS);

    let first = setup(&server, &users);
    assert_ok(&first);
    // 5 users; config, company and 3 device databases with security and validation; 3
    // replications. _users and _replicator exist on pouchdb-server already.
    assert!(first.stdout.ends_with(": 23 created, 0 updated, 2 unchanged\n"), "{}", first.stdout);
    assert!(!first.stdout.contains("pw-"), "a password was printed: {}", first.stdout);
    let second = setup(&server, &users);
    assert_ok(&second);
    assert_eq!(second.stdout.lines().count(), 1, "{}", second.stdout);
    assert!(second.stdout.ends_with(": 0 created, 0 updated, 25 unchanged\n"), "{}", second.stdout);

    // Asked of the server: hall1 reads and writes its own database, not hall2's.
    let hall1 = Some(("hall1", "pw-hall1"));
    assert_eq!(server.call("GET", "/manyi-device-hall1", None, hall1).0, 200);
    let (status, _) = server.call("GET", "/manyi-device-hall2", None, hall1);
    assert!(!ok(status), "hall1 read hall2's database ({status})");
    let (status, _) = server.call("GET", "/manyi-device-hall2/_all_docs", None, hall1);
    assert!(!ok(status), "hall1 listed hall2's documents ({status})");
    let doc =
        Document::immutable(SyncRecord::Questionnaire(Builtin::Hall.questionnaire())).unwrap().to_json();
    let bulk = json!({"docs": [doc], "new_edits": false});
    let (status, body) = server.call("POST", "/manyi-device-hall2/_bulk_docs", Some(&bulk), hall1);
    assert!(!ok(status) || body.as_array().is_some_and(|a| !a.is_empty()), "hall1 wrote to hall2's database");
    assert_eq!(server.doc_count("manyi-device-hall2"), 1, "only the design document");
    // Anonymous: nothing.
    let anonymous = server.call("GET", "/manyi-device-hall1", None, Some(("nobody", "x"))).0;
    assert_eq!(anonymous, 401);
    // It reads the questionnaires but does not publish them.
    assert_eq!(server.call("GET", "/manyi-config", None, hall1).0, 200);
    let (_, body) = server.call("POST", "/manyi-config/_bulk_docs", Some(&bulk), hall1);
    assert_eq!(body[0]["error"], json!("forbidden"), "{body}");

    // The validation refuses what is not a Manyi record, even from the database's own device.
    let (status, body) =
        server.call("PUT", "/manyi-device-hall1/not-manyi", Some(&json!({"hello": "world"})), hall1);
    assert_eq!(status, 403, "{body}");
    assert!(body["reason"].as_str().unwrap().contains("not a Manyi record"), "{body}");

    // An editor publishes a questionnaire version; it never changes afterwards.
    let desk1 = Some(("desk1", "pw-desk1"));
    let (status, body) = server.call("POST", "/manyi-config/_bulk_docs", Some(&bulk), desk1);
    assert!(ok(status) && body == json!([]), "{status} {body}");
    let mut changed = Builtin::Hall.questionnaire();
    changed.title.en.push_str(" (edited)");
    let doc = Document::immutable(SyncRecord::Questionnaire(changed)).unwrap().to_json();
    let (_, body) = server.call(
        "POST",
        "/manyi-config/_bulk_docs",
        Some(&json!({"docs": [doc], "new_edits": false})),
        desk1,
    );
    assert_eq!(body[0]["error"], json!("forbidden"), "{body}");
    assert!(body[0]["reason"].as_str().unwrap().contains("never changes"), "{body}");
}

#[test]
fn devices_push_to_their_own_database_and_the_replicator_fills_the_company_database() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let users = write(dir.path(), "users.csv", USERS);
    assert_ok(&setup(&server, &users));
    let sample = |name: &str, seed: &str| {
        let path = dir.path().join(name).display().to_string();
        assert_ok(&manyi(&["sample", "--count", "60", "--seed", seed, "-o", &path]));
        path
    };
    let (a, b) = (sample("a.json", "1"), sample("b.json", "2"));
    assert_ok(&manyi(&["push", &server.user_url("hall1", "pw-hall1", "manyi-device-hall1"), &a]));
    assert_ok(&manyi(&["push", &server.user_url("hall2", "pw-hall2", "manyi-device-hall2"), &b]));

    // A device's credentials do not open another device's database.
    let run = manyi(&["push", &server.user_url("hall1", "pw-hall1", "manyi-device-hall2"), &a]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("401 unauthorized") || run.stderr.contains("403 forbidden"),
        "{}",
        run.stderr
    );
    // An analyst reads the company database but may not write it.
    let c = sample("c.json", "3");
    let run = manyi(&["push", &server.user_url("ana", "pw-ana", "manyi-company"), &c]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("refused") && run.stderr.contains("forbidden"), "{}", run.stderr);

    // CouchDB's replicator (here pouchdb-server's) copies both into the company database: 120
    // responses, the questionnaire once, the design document.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
    while server.doc_count("manyi-company") < 122 {
        assert!(
            std::time::Instant::now() < deadline,
            "replicated {} of 122",
            server.doc_count("manyi-company")
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let out = dir.path().join("company.json").display().to_string();
    let run = manyi(&["pull", &server.user_url("ana", "pw-ana", "manyi-company"), "-o", &out]);
    assert_ok(&run);
    let bundle: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(bundle["responses"].as_array().unwrap().len(), 120);
}
