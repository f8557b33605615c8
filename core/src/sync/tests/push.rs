//! The push against recorded answers: the order of the requests, what each carries, and what
//! each answer means.

use super::{answer, docs, line, response};
use crate::callback::{Case, CaseKey, Priority, Ticket, TicketId};
use crate::response::tags::BusinessType;
use crate::sync::http::{HttpAnswer, HttpRequest};
use crate::sync::{
    BatchReport, Document, Push, PushOptions, PushReport, PushStep, RevisionHistory, SourceDoc, SyncError,
    SyncRecord,
};
use serde_json::{json, Value};

/// Runs a push of `docs` against `server`; returns the requests made, the batches confirmed and
/// the result.
fn run(
    options: PushOptions,
    docs: &[SourceDoc],
    mut server: impl FnMut(&HttpRequest) -> HttpAnswer,
) -> (Vec<HttpRequest>, Vec<BatchReport>, Result<PushReport, SyncError>) {
    let mut push = Push::new(options);
    let (mut requests, mut batches) = (Vec::new(), Vec::new());
    let mut step = push.start();
    let result = loop {
        step = match step {
            Err(e) => break Err(e),
            Ok(PushStep::Send(r)) => {
                let a = server(&r);
                requests.push(r);
                push.receive(a)
            }
            Ok(PushStep::Supply { after, limit }) => {
                push.supply(docs.iter().filter(|d| d.seq > after).take(limit).cloned().collect())
            }
            Ok(PushStep::Confirmed(b)) => {
                batches.push(b);
                push.proceed()
            }
            Ok(PushStep::Done(report)) => break Ok(report),
        };
    };
    (requests, batches, result)
}

fn lines(requests: &[HttpRequest]) -> Vec<String> {
    requests.iter().map(line).collect()
}

/// The `_revs_diff` answer of a server that has none of the asked revisions.
fn all_missing(r: &HttpRequest) -> HttpAnswer {
    let asked = r.body.as_ref().unwrap().as_object().unwrap();
    let map: serde_json::Map<String, Value> =
        asked.iter().map(|(id, revs)| (id.clone(), json!({ "missing": revs }))).collect();
    HttpAnswer::json(200, &Value::Object(map))
}

#[test]
fn a_new_database_gets_every_document_in_batches_each_checkpointed_after_it_is_verified() {
    let docs = docs(&[1, 2, 3]);
    let checkpoint = PushOptions::new("device-a").checkpoint_id();
    let mut verified = 0;
    let (requests, batches, report) =
        run(PushOptions { batch_size: 2, ..PushOptions::new("device-a") }, &docs, |r| {
            match line(r).as_str() {
                "GET " => answer(200, r#"{"db_name":"d","update_seq":"0-g1AAAA","doc_count":0}"#),
                l if l.starts_with("GET /_local/") => {
                    answer(404, r#"{"error":"not_found","reason":"missing"}"#)
                }
                "POST /_revs_diff" => {
                    // The first ask of a batch finds everything missing, the check after the
                    // batch finds nothing missing (CouchDB omits ids it has).
                    verified += 1;
                    if verified % 2 == 1 {
                        all_missing(r)
                    } else {
                        answer(200, "{}")
                    }
                }
                "POST /_all_docs" => {
                    let keys = r.body.as_ref().unwrap()["keys"].as_array().unwrap();
                    let rows: Vec<Value> =
                        keys.iter().map(|k| json!({"key": k, "error": "not_found"})).collect();
                    HttpAnswer::json(200, &json!({ "rows": rows }))
                }
                // With new_edits=false CouchDB answers 201 and lists only failures.
                "POST /_bulk_docs" => answer(201, "[]"),
                l if l.starts_with("PUT /_local/") => {
                    let n = r.body.as_ref().unwrap()["last_seq"].as_u64().unwrap();
                    answer(201, &format!(r#"{{"ok":true,"id":"_local/x","rev":"0-{n}"}}"#))
                }
                other => panic!("unexpected request {other}"),
            }
        });
    let report = report.unwrap();
    let expected: Vec<String> = [
        "GET ",
        &format!("GET /_local/{checkpoint}"),
        "POST /_revs_diff",
        "POST /_all_docs",
        "POST /_bulk_docs",
        "POST /_revs_diff",
        &format!("PUT /_local/{checkpoint}"),
        "POST /_revs_diff",
        "POST /_all_docs",
        "POST /_bulk_docs",
        "POST /_revs_diff",
        &format!("PUT /_local/{checkpoint}"),
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(lines(&requests), expected);
    // The batch is sent as it is stored: existing revisions, with their history.
    let bulk = requests[4].body.as_ref().unwrap();
    assert_eq!(bulk["new_edits"], json!(false));
    let first = &bulk["docs"][0];
    let rev = docs[0].document.revision().to_string();
    assert_eq!(first["_id"], json!(response(1).id.to_string()));
    assert_eq!(first["_rev"], json!(rev));
    assert_eq!(first["_revisions"], json!({"start": 1, "ids": [rev.trim_start_matches("1-")]}));
    assert_eq!((first["manyi"].clone(), first["format_version"].clone()), (json!("response"), json!(1)));
    assert_eq!(first["record"], serde_json::to_value(response(1)).unwrap());
    // The checkpoint: the first write has no _rev, the second the first's.
    assert_eq!(requests[6].body.as_ref().unwrap()["last_seq"], json!(2));
    assert_eq!(requests[6].body.as_ref().unwrap().get("_rev"), None);
    assert_eq!(requests[11].body.as_ref().unwrap()["_rev"], json!("0-2"));
    assert_eq!(batches.iter().map(|b| (b.sent.len(), b.through)).collect::<Vec<_>>(), [(2, 2), (1, 3)]);
    assert_eq!((report.sent, report.already, report.conflicts.len(), report.checkpoint), (3, 0, 0, 3));
}

#[test]
fn a_checkpoint_skips_what_was_pushed_and_present_revisions_are_not_sent() {
    let docs = docs(&[1, 2, 3]);
    let (requests, batches, report) = run(PushOptions::new("file"), &docs, |r| match line(r).as_str() {
        "GET " => answer(200, r#"{"db_name":"d"}"#),
        l if l.starts_with("GET /_local/") => {
            answer(200, r#"{"_id":"_local/x","_rev":"0-4","last_seq":2,"conflicts":[]}"#)
        }
        // Document 3 is there already (a push killed after its _bulk_docs): nothing missing.
        "POST /_revs_diff" => answer(200, "{}"),
        l if l.starts_with("PUT /_local/") => answer(201, r#"{"ok":true,"id":"_local/x","rev":"0-5"}"#),
        other => panic!("unexpected request {other}"),
    });
    let asked = requests[2].body.as_ref().unwrap().as_object().unwrap();
    assert_eq!(asked.keys().cloned().collect::<Vec<_>>(), [response(3).id.to_string()]);
    assert_eq!(requests[3].body.as_ref().unwrap()["_rev"], json!("0-4"));
    assert_eq!(batches[0].already.len(), 1);
    let report = report.unwrap();
    assert_eq!((report.sent, report.already, report.checkpoint), (0, 1, 3));
}

#[test]
fn other_content_under_the_same_uuid_is_a_conflict_kept_as_a_revision_and_remembered() {
    let docs = docs(&[7]);
    let id = response(7).id.to_string();
    let theirs = "1-0123456789abcdef0123456789abcdef";
    let mut asks = 0;
    let (requests, batches, report) = run(PushOptions::new("file"), &docs, |r| match line(r).as_str() {
        "GET " => answer(200, r#"{"db_name":"d"}"#),
        l if l.starts_with("GET /_local/") => answer(404, r#"{"error":"not_found","reason":"missing"}"#),
        "POST /_revs_diff" => {
            asks += 1;
            if asks == 1 {
                all_missing(r)
            } else {
                answer(200, "{}")
            }
        }
        "POST /_all_docs" => {
            answer(200, &format!(r#"{{"rows":[{{"id":"{id}","key":"{id}","value":{{"rev":"{theirs}"}}}}]}}"#))
        }
        "POST /_bulk_docs" => answer(201, "[]"),
        l if l.starts_with("PUT /_local/") => answer(201, r#"{"ok":true,"rev":"0-1"}"#),
        other => panic!("unexpected request {other}"),
    });
    // Sent all the same (new_edits=false keeps both leaves: nothing is overwritten).
    assert_eq!(requests[4].body.as_ref().unwrap()["docs"][0]["_id"], json!(id));
    let report = report.unwrap();
    assert_eq!(report.sent, 0);
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].theirs.as_ref().unwrap().to_string(), theirs);
    assert_eq!(batches[0].confirmed().count(), 1);
    // The checkpoint remembers it, so pushing the file again lists it again.
    let saved = requests[6].body.as_ref().unwrap().clone();
    assert_eq!(saved["conflicts"][0]["id"], json!(id));
    let (_, _, again) = run(PushOptions::new("file"), &docs, |r| match line(r).as_str() {
        "GET " => answer(200, r#"{"db_name":"d"}"#),
        l if l.starts_with("GET /_local/") => {
            let mut c = saved.clone();
            c["_rev"] = json!("0-1");
            HttpAnswer::json(200, &c)
        }
        other => panic!("unexpected request {other}"),
    });
    let again = again.unwrap();
    assert_eq!((again.sent, again.conflicts.len()), (0, 1));
}

fn case(attempts: usize) -> Case {
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
    let mut c = Case::from_ticket(&ticket);
    assert_eq!((c.key.clone(), c.priority), (CaseKey::Ticket(TicketId::new("GD001")), Priority::Normal));
    for k in 0..attempts {
        let at = crate::testing::at("2026-11-03T10:00:00+08:00") + chrono::Duration::hours(k as i64);
        let attempt = crate::callback::Attempt::new("A07", at, 0, crate::callback::Outcome::NoAnswer);
        c.attempts.push(attempt);
    }
    c
}

#[test]
fn a_changed_case_descends_from_the_servers_revision_and_is_no_conflict() {
    let mut history = RevisionHistory::new();
    let first = SyncRecord::Case(case(0));
    history.note(first.content_hash());
    let theirs = history.current().unwrap().to_string();
    let changed = SyncRecord::Case(case(1));
    let doc = Document::revised(changed.clone(), history).unwrap();
    assert_eq!(doc.id, "case:ticket:GD001");
    assert_eq!(doc.revision().generation, 2);
    assert_eq!(
        doc.to_json()["_revisions"],
        json!({"start": 2, "ids": [changed.content_hash().as_str(), first.content_hash().as_str()]})
    );
    let docs = vec![SourceDoc { seq: 1, document: doc }];
    let mut asks = 0;
    let (_, _, report) = run(PushOptions::new("desk"), &docs, |r| match line(r).as_str() {
        "GET " => answer(200, r#"{"db_name":"d"}"#),
        l if l.starts_with("GET /_local/") => answer(404, r#"{"error":"not_found","reason":"missing"}"#),
        "POST /_revs_diff" => {
            asks += 1;
            if asks == 1 {
                all_missing(r)
            } else {
                answer(200, "{}")
            }
        }
        "POST /_all_docs" => answer(
            200,
            &format!(
                r#"{{"rows":[{{"id":"case:ticket:GD001","key":"case:ticket:GD001","value":{{"rev":"{theirs}"}}}}]}}"#
            ),
        ),
        "POST /_bulk_docs" => answer(201, "[]"),
        l if l.starts_with("PUT /_local/") => answer(201, r#"{"ok":true,"rev":"0-1"}"#),
        other => panic!("unexpected request {other}"),
    });
    let report = report.unwrap();
    assert_eq!((report.sent, report.conflicts.len()), (1, 0));
}

#[test]
fn drafts_are_not_synced_and_cases_need_their_history() {
    let mut draft = response(1);
    draft.status = crate::response::Status::Draft;
    let e = Document::immutable(SyncRecord::Response(draft)).unwrap_err();
    assert!(e.to_string().contains("a draft is not synced"), "{e}");
    assert!(Document::immutable(SyncRecord::Case(case(0))).is_err());
}

fn until_error(answers: Vec<(&'static str, HttpAnswer)>) -> SyncError {
    let docs = docs(&[1]);
    let mut answers = answers.into_iter();
    let (_, _, result) = run(PushOptions::new("x"), &docs, |r| {
        let (expected, a) = answers.next().expect("no more recorded answers");
        assert!(line(r).starts_with(expected), "{} is not {expected}", line(r));
        a
    });
    result.unwrap_err()
}

#[test]
fn error_answers_are_typed() {
    let e = until_error(vec![(
        "GET ",
        answer(401, r#"{"error":"unauthorized","reason":"Name or password is incorrect."}"#),
    )]);
    assert_eq!(e, SyncError::Unauthorized { reason: "Name or password is incorrect.".into() });
    let e = until_error(vec![(
        "GET ",
        answer(403, r#"{"error":"forbidden","reason":"You are not allowed to access this db."}"#),
    )]);
    assert!(matches!(e, SyncError::Forbidden { .. }), "{e:?}");
    let e = until_error(vec![(
        "GET ",
        answer(404, r#"{"error":"not_found","reason":"Database does not exist."}"#),
    )]);
    assert!(matches!(e, SyncError::NotADatabase { .. }), "{e:?}");
    let e = until_error(vec![("GET ", answer(200, r#"{"couchdb":"Welcome","version":"3.3.3"}"#))]);
    assert!(e.to_string().starts_with("the server's root: not a database"), "{e}");

    let id = response(1).id.to_string();
    let start = || {
        vec![
            ("GET ", answer(200, r#"{"db_name":"d"}"#)),
            ("GET /_local/", answer(404, r#"{"error":"not_found","reason":"missing"}"#)),
        ]
    };
    let rev = docs(&[1])[0].document.revision().to_string();
    let missing = answer(200, &format!(r#"{{"{id}":{{"missing":["{rev}"]}}}}"#));
    let mut refused = start();
    refused.extend([
        ("POST /_revs_diff", missing.clone()),
        ("POST /_all_docs", answer(200, &format!(r#"{{"rows":[{{"key":"{id}","error":"not_found"}}]}}"#))),
        (
            "POST /_bulk_docs",
            answer(
                201,
                &format!(
                    r#"[{{"id":"{id}","rev":"{rev}","error":"forbidden","reason":"not a Manyi record"}}]"#
                ),
            ),
        ),
    ]);
    let e = until_error(refused);
    assert_eq!(
        e,
        SyncError::DocumentsRefused {
            count: 1,
            id: id.clone(),
            error: "forbidden".into(),
            reason: "not a Manyi record".into()
        }
    );
    // pouchdb-server with a validate_doc_update: 201 [] but the revision is not there.
    let mut dropped = start();
    dropped.extend([
        ("POST /_revs_diff", missing.clone()),
        ("POST /_all_docs", answer(200, &format!(r#"{{"rows":[{{"key":"{id}","error":"not_found"}}]}}"#))),
        ("POST /_bulk_docs", answer(201, "[]")),
        ("POST /_revs_diff", missing),
    ]);
    assert_eq!(until_error(dropped), SyncError::NotStored { count: 1, example: format!("{id} {rev}") });
}

#[test]
fn a_machine_driven_out_of_turn_says_so() {
    let mut push = Push::new(PushOptions::new("x"));
    assert!(push.supply(Vec::new()).is_err());
    push.start().unwrap();
    assert!(push.proceed().is_err());
}
