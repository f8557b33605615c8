//! The pull against recorded `_changes` pages.

use super::{answer, docs, line, response};
use crate::sync::http::HttpAnswer;
use crate::sync::{NotARecord, Pull, PullOptions, PullReport, PullStep, Seq, SyncError, SyncRecord};
use serde_json::{json, Value};

/// Drives a pull against a list of recorded answers; returns the request lines, the pages and
/// the result.
fn run(
    options: PullOptions,
    answers: Vec<HttpAnswer>,
) -> (Vec<String>, Vec<crate::sync::Page>, Result<PullReport, SyncError>) {
    let mut pull = Pull::new(options);
    let mut answers = answers.into_iter();
    let (mut requests, mut pages) = (Vec::new(), Vec::new());
    let mut step = pull.start();
    let result = loop {
        step = match step {
            Err(e) => break Err(e),
            Ok(PullStep::Send(r)) => {
                requests.push(line(&r));
                pull.receive(answers.next().expect("a recorded answer"))
            }
            Ok(PullStep::Page(p)) => {
                pages.push(p);
                pull.proceed()
            }
            Ok(PullStep::Done(report)) => break Ok(report),
        };
    };
    (requests, pages, result)
}

/// A change as `_changes?include_docs=true&conflicts=true` gives it.
fn change(seq: Value, doc: Value) -> Value {
    json!({ "seq": seq, "id": doc["_id"], "changes": [{ "rev": doc["_rev"] }], "doc": doc })
}

#[test]
fn pages_follow_last_seq_and_records_design_documents_and_foreign_ones_are_told_apart() {
    let d = docs(&[1, 2]);
    let mut doc1 = d[0].document.to_json();
    doc1.as_object_mut().unwrap().remove("_revisions");
    let mut doc2 = d[1].document.to_json();
    doc2.as_object_mut().unwrap().remove("_revisions");
    doc2["_conflicts"] = json!(["1-0123456789abcdef0123456789abcdef"]);
    let design = json!({"_id": "_design/manyi", "_rev": "1-aa", "validate_doc_update": "function(){}"});
    let foreign = json!({"_id": "x", "_rev": "1-bb", "hello": 1});
    // CouchDB 3.x sequences are opaque strings.
    let page1 = json!({
        "results": [change(json!("1-g1AAAA"), design), change(json!("2-g1AAAB"), doc1)],
        "last_seq": "2-g1AAAB", "pending": 2
    });
    let page2 = json!({
        "results": [change(json!("3-g1AAAC"), doc2), change(json!("4-g1AAAD"), foreign),
                    {"seq": "5-g1AAAE", "id": "gone", "changes": [{"rev": "2-cc"}], "deleted": true,
                     "doc": {"_id": "gone", "_rev": "2-cc", "_deleted": true}}],
        "last_seq": "5-g1AAAE", "pending": 0
    });
    let options = PullOptions { since: None, page_size: 2 };
    let (requests, pages, report) = run(
        options,
        vec![
            answer(200, r#"{"db_name":"manyi-company"}"#),
            HttpAnswer::json(200, &page1),
            HttpAnswer::json(200, &page2),
        ],
    );
    assert_eq!(
        requests,
        [
            "GET ",
            "GET /_changes?since=0&limit=2&include_docs=true&conflicts=true",
            "GET /_changes?since=2-g1AAAB&limit=2&include_docs=true&conflicts=true",
        ]
    );
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].skipped[0].why, NotARecord::Design);
    assert_eq!(pages[0].last_seq, Seq(json!("2-g1AAAB")));
    let first = &pages[0].records[0];
    assert_eq!(first.record, SyncRecord::Response(response(1)));
    assert!(first.content_matches);
    assert_eq!(pages[1].records[0].conflicts.len(), 1);
    assert_eq!(pages[1].skipped.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["x", "gone"]);
    let report = report.unwrap();
    assert_eq!(report.records, 2);
    assert_eq!(
        report.conflicts,
        [(response(2).id.to_string(), vec!["1-0123456789abcdef0123456789abcdef".to_owned()])]
    );
    assert_eq!(report.foreign, ["x"]);
    assert_eq!(report.last_seq, Some(Seq(json!("5-g1AAAE"))));
}

#[test]
fn a_pull_resumes_from_a_kept_checkpoint_and_a_short_page_ends_it() {
    // pouchdb-server's sequences are numbers and it sends no `pending`.
    let options = PullOptions { since: Some(Seq(json!(41))), page_size: 100 };
    let (requests, _, report) =
        run(options, vec![answer(200, r#"{"db_name":"d"}"#), answer(200, r#"{"results":[],"last_seq":41}"#)]);
    assert_eq!(requests[1], "GET /_changes?since=41&limit=100&include_docs=true&conflicts=true");
    assert_eq!(report.unwrap().last_seq, Some(Seq(json!(41))));
}

#[test]
fn a_record_edited_by_hand_on_the_server_no_longer_matches_its_revision() {
    let mut doc = docs(&[1])[0].document.to_json();
    doc["record"]["tags"]["hall"] = json!("elsewhere");
    let page = json!({"results": [change(json!(1), doc)], "last_seq": 1});
    let (_, pages, _) =
        run(PullOptions::default(), vec![answer(200, r#"{"db_name":"d"}"#), HttpAnswer::json(200, &page)]);
    assert!(!pages[0].records[0].content_matches);
}

#[test]
fn an_unreadable_feed_is_an_error() {
    let (_, _, report) = run(
        PullOptions::default(),
        vec![
            answer(200, r#"{"db_name":"d"}"#),
            answer(400, r#"{"error":"bad_request","reason":"invalid since"}"#),
        ],
    );
    assert!(report.unwrap_err().to_string().contains("HTTP 400 to reading the changes: bad_request"));
}

#[test]
fn a_pulled_record_written_back_reads_the_same_conflicts_and_hand_edits_included() {
    let d = docs(&[1, 2]);
    let mut edited = d[0].document.to_json();
    edited["record"]["tags"]["hall"] = json!("elsewhere");
    let mut conflicted = d[1].document.to_json();
    conflicted["_conflicts"] = json!(["1-0123456789abcdef0123456789abcdef"]);
    let mut read_back = Vec::new();
    for doc in [edited, conflicted] {
        let pulled = crate::sync::Pulled::from_json(&doc).unwrap();
        let again = crate::sync::Pulled::from_json(&pulled.to_json()).unwrap();
        assert_eq!(again, pulled);
        read_back.push(again);
    }
    assert!(!read_back[0].content_matches && read_back[0].conflicts.is_empty());
    assert!(read_back[1].content_matches);
    assert_eq!(read_back[1].conflicts[0].to_string(), "1-0123456789abcdef0123456789abcdef");
}
