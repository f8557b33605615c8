//! `manyi questionnaire from-surveyjs` and `manyi questionnaire check` on files.

mod support;

use serde_json::Value;
use support::{manyi, write};

const SURVEY: &str = r#"{
  "title": {"default": "Hall survey", "zh-cn": "营业厅调查"},
  "pages": [{"elements": [
    {"type": "rating", "name": "overall", "rateMax": 10},
    {"type": "paneldynamic", "name": "people"},
    {"type": "comment", "name": "Why Not", "visibleIf": "{overall} <= 6"}
  ]}]
}"#;

#[test]
fn from_surveyjs_writes_the_questionnaire_and_lists_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "hall-2026.json", SURVEY);
    let out = dir.path().join("out.json");
    let r = manyi(&["questionnaire", "from-surveyjs", &file, "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The skipped panel and the renamed comment, each with its JSON path and type.
    assert!(r.stderr.contains("pages[0].elements[1] (paneldynamic): skipped"), "{}", r.stderr);
    assert!(r.stderr.contains("pages[0].elements[2] (name): renamed"), "{}", r.stderr);
    let q: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!((q["id"].as_str(), q["version"].as_u64()), (Some("hall_2026"), Some(1)));
    assert_eq!(q["title"]["zh"], "营业厅调查");
    // rateMax 10 alone is 1–10 (survey-core's rateMin default 1).
    let scale = &q["scales"][q["items"][0]["kind"]["scale"].as_str().unwrap()];
    assert_eq!((scale["min"].as_i64(), scale["max"].as_i64()), (Some(1), Some(10)));
    assert_eq!(q["items"][1]["id"], "why_not");
    assert_eq!(
        q["items"][1]["show_if"],
        serde_json::json!({"op": "at_most", "item": "overall", "value": 6.0})
    );

    let r = manyi(&["questionnaire", "check", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("hall_2026 v1 is valid (2 items)"), "{}", r.stdout);
}

#[test]
fn from_surveyjs_refuses_what_is_not_a_survey() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "bad.json", "{\"pages\": [\n  {\"elements\": ]}");
    let r = manyi(&["questionnaire", "from-surveyjs", &file]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("bad.json, line 2, column 16: not valid JSON"), "{}", r.stderr);
}

#[test]
fn check_lists_every_problem_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let q = r#"{"id": "Hall", "version": 1, "mode": "self_completed", "title": {"zh": "", "en": ""},
      "items": [
        {"id": "a", "text": {"zh": "甲", "en": "A"}, "kind": {"type": "rating", "scale": "nowhere"}},
        {"id": "a", "text": {"zh": "乙", "en": "B"}, "kind": {"type": "yes_no"}}
      ]}"#;
    let file = write(dir.path(), "q.json", q);
    let r = manyi(&["questionnaire", "check", &file]);
    assert_eq!(r.code, 1);
    for expected in [
        "4 problem(s)",
        "q.json: questionnaire `Hall`: the questionnaire id must be lower-case",
        "q.json: questionnaire `Hall`: give the questionnaire a title",
        "q.json: questionnaire `Hall`, `a`: scale `nowhere` is not defined",
    ] {
        assert!(r.stderr.contains(expected), "{expected:?} in {}", r.stderr);
    }
    assert!(r.stderr.contains("`a`: duplicate item id"), "{}", r.stderr);

    let file = write(
        dir.path(),
        "typo.json",
        "{\"id\": \"x\", \"version\": 1,\n \"mode\": \"self_completed\", \"titel\": 1}",
    );
    let r = manyi(&["questionnaire", "check", &file]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("typo.json, line 2, column"), "{}", r.stderr);
    assert!(r.stderr.contains("unknown field `titel`"), "{}", r.stderr);
}
