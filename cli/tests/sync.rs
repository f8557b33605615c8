//! `manyi push`, `pull` and `couch setup` against a real CouchDB-protocol server (pouchdb-server,
//! started by each test on a free loopback port and stopped with it).

#[path = "couch/server.rs"]
mod server;
mod support;

use serde_json::{json, Value};
use server::{Server, ADMIN};
use std::path::Path;
use std::process::Command;
use support::{manyi, write, Run};

/// Runs `manyi` with extra environment variables.
fn manyi_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let out =
        Command::new(env!("CARGO_BIN_EXE_manyi")).args(args).envs(env.iter().copied()).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        bytes: out.stdout,
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A sample export of `count` hall responses in `dir`.
fn sample(dir: &Path, name: &str, count: usize, seed: u64) -> String {
    let path = dir.join(name).display().to_string();
    let run = manyi(&["sample", "--count", &count.to_string(), "--seed", &seed.to_string(), "-o", &path]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    path
}

fn assert_ok(run: &Run) {
    assert_eq!(run.code, 0, "stdout: {}\nstderr: {}", run.stdout, run.stderr);
}

#[test]
fn pushing_twice_adds_nothing_and_the_pull_scores_exactly_like_the_file() {
    let server = Server::start();
    server.create_db("manyi-device-hall1");
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path(), "hall.json", 400, 11);
    let db = server.admin_url("manyi-device-hall1");

    let first = manyi(&["push", &db, &file, "--batch-size", "150"]);
    assert_ok(&first);
    // 400 responses and the questionnaire they answer.
    assert!(first.stdout.ends_with(": sent 401, already there 0, conflicts 0\n"), "{}", first.stdout);
    assert!(!first.stdout.contains(ADMIN.1), "the password was printed: {}", first.stdout);
    assert_eq!(server.doc_count("manyi-device-hall1"), 401);

    let second = manyi(&["push", &db, &file]);
    assert_ok(&second);
    assert!(second.stdout.ends_with(": sent 0, already there 401, conflicts 0\n"), "{}", second.stdout);
    assert_eq!(server.doc_count("manyi-device-hall1"), 401);

    // Credentials from the environment, the URL without them.
    let out = dir.path().join("pulled.json").display().to_string();
    let env = [("MANYI_COUCH_USER", ADMIN.0), ("MANYI_COUCH_PASSWORD", ADMIN.1)];
    let pull = manyi_env(&["pull", &format!("{}/manyi-device-hall1", server.root()), "-o", &out], &env);
    assert_ok(&pull);
    assert!(pull.stdout.contains("pulled 400 responses, 1 questionnaires"), "{}", pull.stdout);
    let pulled: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(pulled["responses"].as_array().unwrap().len(), 400);
    for by in ["hall", "month"] {
        let a = manyi(&["score", "--responses", &file, "--by", by]);
        let b = manyi(&["score", "--responses", &out, "--by", by]);
        assert_ok(&a);
        assert_eq!(a.stdout, b.stdout, "score --by {by} differs");
    }
}

#[test]
fn a_responses_csv_is_pushed_too() {
    let server = Server::start();
    server.create_db("from-csv");
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path(), "hall.json", 50, 3);
    let csv_dir = dir.path().join("csv").display().to_string();
    assert_ok(&manyi(&["export", "--responses", &file, "--csv", &csv_dir]));
    let run = manyi(&["push", &server.admin_url("from-csv"), &format!("{csv_dir}/responses.csv")]);
    assert_ok(&run);
    assert!(run.stdout.ends_with(": sent 51, already there 0, conflicts 0\n"), "{}", run.stdout);
}

#[test]
fn other_content_under_a_pushed_uuid_is_listed_kept_on_the_server_and_exits_3() {
    let server = Server::start();
    server.create_db("d");
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path(), "hall.json", 20, 5);
    assert_ok(&manyi(&["push", &server.admin_url("d"), &file]));

    // The same UUID with another comment: a second device's (or an edited file's) copy.
    let mut bundle: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let changed = &mut bundle["responses"][3];
    let id = changed["id"].as_str().unwrap().to_owned();
    changed["answers"]["comment"] = json!({"text": "改过的意见 edited"});
    let edited = write(dir.path(), "edited.json", &bundle.to_string());

    let run = manyi(&["push", &server.admin_url("d"), &edited]);
    assert_eq!(run.code, 3, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.ends_with(": sent 0, already there 20, conflicts 1\n"), "{}", run.stdout);
    assert!(run.stderr.contains(&format!("conflict: {id}")), "{}", run.stderr);
    // Kept on the server: both revisions are there, one as a conflict; nothing was overwritten.
    let (status, doc) = server.call("GET", &format!("/d/{id}?conflicts=true"), None, None);
    assert_eq!(status, 200);
    let conflicts = doc["_conflicts"].as_array().expect("a conflicting revision").clone();
    assert_eq!(conflicts.len(), 1);
    let comments: Vec<Value> = [doc["_rev"].as_str().unwrap(), conflicts[0].as_str().unwrap()]
        .iter()
        .map(|rev| {
            server.call("GET", &format!("/d/{id}?rev={rev}"), None, None).1["record"]["answers"]["comment"]
                .clone()
        })
        .collect();
    assert!(comments.contains(&json!({"text": "改过的意见 edited"})), "{comments:?}");
    assert_eq!(server.doc_count("d"), 21);

    // Pushed again, the conflict is still listed (from the checkpoint).
    let again = manyi(&["push", &server.admin_url("d"), &edited]);
    assert_eq!(again.code, 3, "{}", again.stderr);
    assert!(again.stderr.contains(&format!("conflict: {id}")));
}

#[test]
fn bad_credentials_a_missing_database_the_servers_root_and_no_server_each_say_so() {
    let server = Server::start();
    server.create_db("d");
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path(), "hall.json", 5, 1);
    let run = manyi(&["push", &server.user_url("admin", "wrong-pw", "d"), &file]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("401 unauthorized"), "{}", run.stderr);
    assert!(!run.stderr.contains("wrong-pw"), "the password was printed: {}", run.stderr);

    let run = manyi(&["push", &server.admin_url("nope"), &file]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("/nope: the URL: not a database"), "{}", run.stderr);

    let run = manyi(&["pull", &server.admin_url(""), "-o", &dir.path().join("x.json").display().to_string()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("the URL names no database"), "{}", run.stderr);

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let run = manyi(&["push", &format!("http://127.0.0.1:{closed}/d"), &file]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("cannot reach the server"), "{}", run.stderr);
}

#[test]
fn a_server_killed_in_the_middle_of_a_push_then_restarted_gets_the_rest_once() {
    let mut server = Server::start();
    server.create_db("d");
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path(), "hall.json", 4000, 9);
    let mut child = Command::new(env!("CARGO_BIN_EXE_manyi"))
        .args(["push", &server.admin_url("d"), &file, "--batch-size", "25"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until some batches are stored, then kill the server.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while server.doc_count("d") < 200 {
        assert!(std::time::Instant::now() < deadline, "the push stored nothing");
        assert!(child.try_wait().unwrap().is_none(), "the push finished before the server could be killed");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    server.kill();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot reach the server"), "{stderr}");

    server.restart();
    let before = server.doc_count("d");
    assert!(before > 0 && before < 4001, "{before}");
    let run = manyi(&["push", &server.admin_url("d"), &file, "--batch-size", "500"]);
    assert_ok(&run);
    assert_eq!(server.doc_count("d"), 4001);
    let pulled = dir.path().join("pulled.json").display().to_string();
    assert_ok(&manyi(&["pull", &server.admin_url("d"), "-o", &pulled]));
    let bundle: Value = serde_json::from_slice(&std::fs::read(&pulled).unwrap()).unwrap();
    let ids: std::collections::BTreeSet<&str> =
        bundle["responses"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!((bundle["responses"].as_array().unwrap().len(), ids.len()), (4000, 4000));
}

#[test]
fn a_pull_cut_off_when_the_server_dies_continues_from_its_checkpoint_and_reads_nothing_twice() {
    let mut server = Server::start();
    server.create_db("d");
    let dir = tempfile::tempdir().unwrap();
    let first = sample(dir.path(), "first.json", 3000, 5);
    assert_ok(&manyi(&["push", &server.admin_url("d"), &first]));
    let out = dir.path().join("pulled.json");
    let checkpoint = dir.path().join("pulled.json.checkpoint");
    let lines = || std::fs::read_to_string(&checkpoint).map_or(0, |t| t.lines().count());
    let mut child = Command::new(env!("CARGO_BIN_EXE_manyi"))
        .args(["pull", &server.admin_url("d"), "-o", out.to_str().unwrap(), "--page-size", "20"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The first line names the database; wait for some pages after it, then kill the server.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while lines() < 6 {
        assert!(std::time::Instant::now() < deadline, "the pull kept no page");
        assert!(child.try_wait().unwrap().is_none(), "the pull finished before the server could be killed");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    server.kill();
    let cut = child.wait_with_output().unwrap();
    assert_eq!(cut.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&cut.stderr).contains("cannot reach the server"));
    assert!(!out.exists(), "an unfinished pull wrote the export");
    let kept = lines() - 1;
    assert!(kept >= 5, "{kept}");

    // The checkpoint belongs to database d: another database's pull to the same file is refused.
    let other = manyi(&["pull", &server.admin_url("e"), "-o", out.to_str().unwrap()]);
    assert_eq!(other.code, 1);
    assert!(other.stderr.contains("--restart"), "{}", other.stderr);

    // Meanwhile the database grows: 50 more responses (the questionnaire is the same document).
    server.restart();
    let second = sample(dir.path(), "second.json", 50, 6);
    assert_ok(&manyi(&["push", &server.admin_url("d"), &second]));
    let run = manyi(&["pull", &server.admin_url("d"), "-o", out.to_str().unwrap(), "--page-size", "20"]);
    assert_ok(&run);
    // 3,051 changes in pages of 20: 152 full pages and one of 11. Each is read once: the kept
    // pages and the pages read now add up to exactly that.
    let pages = number_before(&run.stdout, "read now");
    assert!(
        run.stdout.contains(&format!("continued an unfinished pull: {kept} pages kept")),
        "{}",
        run.stdout
    );
    assert_eq!(kept + pages, 153, "{}", run.stdout);
    assert!(run.stdout.contains("pulled 3050 responses, 1 questionnaires"), "{}", run.stdout);
    assert!(!checkpoint.exists(), "the checkpoint was left after the export was written");
    let bundle: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let ids: std::collections::BTreeSet<&str> =
        bundle["responses"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!((bundle["responses"].as_array().unwrap().len(), ids.len()), (3050, 3050));
    // The same figures as the two files.
    let (a, b) = (dir.path().join("files"), dir.path().join("pulled"));
    assert_ok(&manyi(&[
        "export",
        "--responses",
        &first,
        "--responses",
        &second,
        "--csv",
        a.to_str().unwrap(),
    ]));
    assert_ok(&manyi(&["export", "--responses", out.to_str().unwrap(), "--csv", b.to_str().unwrap()]));
    let index = |d: &Path| std::fs::read_to_string(d.join("index.csv")).unwrap();
    assert_eq!(index(&a), index(&b));
}

/// The number just before `words` in `text` ("… 12 read now").
fn number_before(text: &str, words: &str) -> usize {
    let before = &text[..text.find(words).unwrap_or_else(|| panic!("no `{words}` in {text}"))];
    before.trim_end().rsplit(' ').next().unwrap().parse().unwrap()
}

/// Pushes documents with core's push machine, over the test's own HTTP calls as the administrator.
/// The source numbers its changes from `first`: a record saved again gets a new, higher number.
fn push_documents(
    server: &Server,
    db: &str,
    source: &str,
    first: u64,
    docs: Vec<manyi_core::sync::Document>,
) -> manyi_core::sync::PushReport {
    use manyi_core::sync::{HttpAnswer, Push, PushOptions, PushStep, SourceDoc};
    let docs: Vec<SourceDoc> = docs
        .into_iter()
        .enumerate()
        .map(|(i, document)| SourceDoc { seq: first + i as u64, document })
        .collect();
    let mut push = Push::new(PushOptions::new(source));
    let mut step = push.start().unwrap();
    loop {
        step = match step {
            PushStep::Send(r) => {
                let (status, body) = server.call(
                    r.method.as_str(),
                    &format!("/{db}{}", r.path_and_query()),
                    r.body.as_ref(),
                    None,
                );
                push.receive(HttpAnswer::json(status, &body)).unwrap()
            }
            PushStep::Supply { after, limit } => {
                push.supply(docs.iter().filter(|d| d.seq > after).take(limit).cloned().collect()).unwrap()
            }
            PushStep::Confirmed(_) => push.proceed().unwrap(),
            PushStep::Done(report) => return report,
        };
    }
}

#[test]
fn a_case_that_gains_calls_is_a_new_revision_not_a_conflict_and_the_pull_writes_the_callback_export() {
    use manyi_core::callback::problem::{Problem, ProblemId, Severity};
    use manyi_core::callback::{Attempt, Case, Outcome, Ticket, TicketId};
    use manyi_core::response::tags::{BusinessType, TagValue};
    use manyi_core::sync::{Document, RevisionHistory, SyncRecord};
    let server = Server::start();
    server.create_db("desk");
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let ticket = Ticket {
        id: TicketId::new("GD001"),
        customer: "张三".into(),
        phone: "13812345678".into(),
        ticket_type: BusinessType::Repair,
        ticket_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        hall: None,
        customer_class: None,
        due: None,
    };
    let mut case = Case::from_ticket(&ticket);
    let mut history = RevisionHistory::new();
    history.note(SyncRecord::Case(case.clone()).content_hash());
    let first = push_documents(
        &server,
        "desk",
        "desk-1",
        1,
        vec![Document::revised(SyncRecord::Case(case.clone()), history.clone()).unwrap()],
    );
    assert_eq!((first.sent, first.conflicts.len()), (1, 0));

    // The case gains a call and a problem record is opened: the device notes the new content.
    case.attempts.push(Attempt::new("A07", at("2026-11-03T10:00:00+08:00"), 0, Outcome::NoAnswer));
    history.note(SyncRecord::Case(case.clone()).content_hash());
    let problem = Problem {
        id: ProblemId(uuid::Uuid::from_u128(42)),
        response: None,
        case: Some(case.key.clone()),
        found_at: at("2026-11-03T10:05:00+08:00"),
        found_by: TagValue::new("A07"),
        what: "停电未恢复".into(),
        responsible_unit: None,
        severity: Severity::Serious,
        remedy: None,
        deadline: None,
        result: None,
        assessed_by: None,
        closed_at: None,
    };
    let docs = vec![
        Document::revised(SyncRecord::Case(case.clone()), history).unwrap(),
        Document::revised(SyncRecord::Problem(problem), RevisionHistory::new()).unwrap(),
    ];
    // Saved after the first push: numbers 2 and 3 in the device's sequence of changes.
    let second = push_documents(&server, "desk", "desk-1", 2, docs);
    assert_eq!((second.sent, second.conflicts.len()), (2, 0), "{second:?}");
    // On the server: generation 2, no conflicting revision.
    let (_, doc) = server.call("GET", "/desk/case:ticket:GD001?conflicts=true", None, None);
    assert!(doc["_rev"].as_str().unwrap().starts_with("2-"), "{doc}");
    assert_eq!(doc.get("_conflicts"), None, "{doc}");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json").display().to_string();
    let callback = dir.path().join("callback.json").display().to_string();
    let run = manyi(&["pull", &server.admin_url("desk"), "-o", &out, "--callback", &callback]);
    assert_ok(&run);
    assert!(run.stdout.contains("1 callback cases and 1 problem records"), "{}", run.stdout);
    let export: Value = serde_json::from_slice(&std::fs::read(&callback).unwrap()).unwrap();
    assert_eq!(export["cases"][0]["case"], json!("GD001"));
    assert_eq!(export["cases"][0]["attempts"], json!(1));
    assert_eq!(export["cases"][0]["phone"], json!("138****5678"));
    assert_eq!(export["problems"][0]["what"], json!("停电未恢复"));
}
