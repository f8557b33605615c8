//! `visibleIf` → show-if: each expected visibility is worked out by hand from survey-core's
//! operators (packages/survey-core/src/expressions/expressions.ts) and equality
//! (packages/survey-core/src/helpers.ts), for an unanswered question too.

use super::{choice, choices, convert, notes_of, one_page, shown};
use crate::questionnaire::surveyjs::{from_surveyjs, Action};
use crate::response::answer::Answer;
use serde_json::json;

fn survey() -> super::Conversion {
    one_page(json!([
        {"type": "rating", "name": "score"},
        {"type": "radiogroup", "name": "biz", "choices": ["A", "b", "payment", "Pay Later"]},
        {"type": "checkbox", "name": "used", "choices": ["a", "b", "c"]},
        {"type": "boolean", "name": "ok"},
        {"type": "text", "name": "minutes", "inputType": "number"},
        {"type": "comment", "name": "c1", "visibleIf": "{score} > 3"},
        {"type": "comment", "name": "c2", "visibleIf": "{score} != 3"},
        {"type": "comment", "name": "c3", "visibleIf": "{score} empty"},
        {"type": "comment", "name": "c4", "visibleIf": "!({score} >= 4)"},
        {"type": "comment", "name": "c5", "visibleIf": "{score} = '4'"},
        {"type": "comment", "name": "c6", "visibleIf": "{biz} anyof ['a', 'B']"},
        {"type": "comment", "name": "c7", "visibleIf": "{biz} noneof ['a']"},
        {"type": "comment", "name": "c8", "visibleIf": "{biz} contains 'pay'"},
        {"type": "comment", "name": "c9", "visibleIf": "{used} contains 'a'"},
        {"type": "comment", "name": "c10", "visibleIf": "{used} notcontains 'a'"},
        {"type": "comment", "name": "c11", "visibleIf": "{used} allof ['a', 'b']"},
        {"type": "comment", "name": "c12", "visibleIf": "{ok} = true"},
        {"type": "comment", "name": "c13", "visibleIf": "{ok} != true"},
        {"type": "comment", "name": "c14", "visibleIf": "{minutes} > 2.5"},
        {"type": "comment", "name": "c15", "visibleIf": "{minutes} < 2.5"},
        {"type": "comment", "name": "c16", "visibleIf": "3 < {score} and ({ok} = false or {biz} = 'b')"},
        {"type": "comment", "name": "c17", "visibleIf": "{used} = ['b', 'a']"},
    ]))
}

#[test]
fn ratings_compare_as_survey_core_does() {
    let c = survey();
    let r = |x| [("score", Answer::Rating(x))];
    // greater: false on an empty answer; 4 and 5 are above 3.
    assert!(!shown(&c, "c1", &[]) && !shown(&c, "c1", &r(3)) && shown(&c, "c1", &r(4)));
    // notequal is !equal: an unanswered question is "not 3".
    assert!(shown(&c, "c2", &[]) && !shown(&c, "c2", &r(3)) && shown(&c, "c2", &r(5)));
    assert!(shown(&c, "c3", &[]) && !shown(&c, "c3", &r(1)));
    // !(x >= 4): true when unanswered (>= is false there) and for 1–3.
    assert!(shown(&c, "c4", &[]) && shown(&c, "c4", &r(3)) && !shown(&c, "c4", &r(4)));
    // '4' equals 4: both convert to numbers (checkIfValuesEqual).
    assert!(shown(&c, "c5", &r(4)) && !shown(&c, "c5", &r(5)));
}

#[test]
fn choices_compare_as_survey_core_does() {
    let c = survey();
    // The codes of A, b, payment, Pay Later are a, b, payment, pay_later.
    let b = |code| [("biz", choice(code))];
    // anyof: case-insensitive equality; false when unanswered.
    assert!(shown(&c, "c6", &b("a")) && shown(&c, "c6", &b("b")) && !shown(&c, "c6", &b("payment")));
    assert!(!shown(&c, "c6", &[]));
    // noneof: true when unanswered.
    assert!(shown(&c, "c7", &[]) && !shown(&c, "c7", &b("a")) && shown(&c, "c7", &b("b")));
    // contains on a single value is a substring test of its text: "payment" and "Pay Later".
    assert!(shown(&c, "c8", &b("payment")) && shown(&c, "c8", &b("pay_later")) && !shown(&c, "c8", &b("b")));
    let u = |codes: &[&str]| [("used", choices(codes))];
    assert!(shown(&c, "c9", &u(&["b", "a"])) && !shown(&c, "c9", &u(&["b"])) && !shown(&c, "c9", &[]));
    assert!(shown(&c, "c10", &[]) && shown(&c, "c10", &u(&["c"])) && !shown(&c, "c10", &u(&["a"])));
    assert!(shown(&c, "c11", &u(&["a", "b", "c"])) && !shown(&c, "c11", &u(&["a"])));
    // equal on a list ignores its order and needs exactly those values.
    assert!(
        shown(&c, "c17", &u(&["a", "b"]))
            && !shown(&c, "c17", &u(&["a", "b", "c"]))
            && !shown(&c, "c17", &[])
    );
}

#[test]
fn yes_no_numbers_and_combinations() {
    let c = survey();
    assert!(shown(&c, "c12", &[("ok", Answer::Yes)]) && !shown(&c, "c12", &[("ok", Answer::No)]));
    assert!(!shown(&c, "c12", &[]));
    assert!(
        shown(&c, "c13", &[])
            && shown(&c, "c13", &[("ok", Answer::No)])
            && !shown(&c, "c13", &[("ok", Answer::Yes)])
    );
    let m = |x| [("minutes", Answer::Number(x))];
    assert!(shown(&c, "c14", &m(3.0)) && !shown(&c, "c14", &m(2.5)) && !shown(&c, "c14", &[]));
    assert!(shown(&c, "c15", &m(2.0)) && !shown(&c, "c15", &m(2.5)) && !shown(&c, "c15", &[]));
    let s = ("score", Answer::Rating(4));
    assert!(shown(&c, "c16", &[s.clone(), ("ok", Answer::No)]));
    assert!(shown(&c, "c16", &[s.clone(), ("biz", choice("b"))]));
    assert!(!shown(&c, "c16", &[s, ("ok", Answer::Yes)]));
    assert!(!shown(&c, "c16", &[("score", Answer::Rating(3)), ("ok", Answer::No)]));
    assert!(c.notes.iter().all(|n| n.what != "visibleIf"), "{:?}", c.notes);
}

#[test]
fn page_and_panel_conditions_join_the_question_s() {
    let c = convert(json!({"pages": [
        {"elements": [{"type": "boolean", "name": "ok"}, {"type": "rating", "name": "score"}]},
        {"title": "Why", "visibleIf": "{ok} = true", "elements": [
            {"type": "panel", "name": "more", "title": "More", "visibleIf": "{score} <= 2", "elements": [
                {"type": "comment", "name": "why", "visibleIf": "{score} notempty"}
            ]}
        ]}
    ]}));
    let yes = ("ok", Answer::Yes);
    assert!(shown(&c, "why", &[yes.clone(), ("score", Answer::Rating(2))]));
    assert!(!shown(&c, "why", &[yes, ("score", Answer::Rating(3))]));
    assert!(!shown(&c, "why", &[("ok", Answer::No), ("score", Answer::Rating(1))]));
    // Their titles have no place in Manyi: listed.
    assert_eq!(
        notes_of(&c, Action::Changed),
        [("pages[1]".into(), "page".into()), ("pages[1].elements[0]".into(), "panel".into())]
    );
}

#[test]
fn what_cannot_be_converted_is_listed() {
    let c = convert(json!({
        "title": {"default": "Hall survey", "zh-cn": "营业厅调查", "de": "Umfrage"},
        "calculatedValues": [{"name": "total", "expression": "{a} + {b}"}],
        "triggers": [{"type": "complete", "expression": "{a} = 1"}],
        "completedHtml": "<h3>Thank you</h3>",
        "pages": [{"elements": [
            {"type": "rating", "name": "a"},
            {"type": "paneldynamic", "name": "people", "templateElements": [{"type": "text", "name": "who"}]},
            {"type": "matrixdropdown", "name": "grid"},
            {"type": "html", "name": "intro"},
            {"type": "expression", "name": "sum", "expression": "{a} * 2"},
            {"type": "comment", "name": "x1", "visibleIf": "{a} + 1 > 3"},
            {"type": "comment", "name": "x2", "visibleIf": "{total} > 3"},
            {"type": "comment", "name": "x3", "visibleIf": "{later} = 1"},
            {"type": "comment", "name": "x4", "visibleIf": "{people} notempty"},
            {"type": "rating", "name": "later"},
            {"type": "text", "name": "Your Name", "validators": [{"type": "email"}]},
            {"type": "text", "name": "status"}
        ]}]
    }));
    let q = &c.questionnaire;
    assert_eq!((q.title.zh.as_str(), q.title.en.as_str()), ("营业厅调查", "Hall survey"));
    let ids: Vec<&str> = q.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a", "x1", "x2", "x3", "x4", "later", "your_name", "status_2"]);
    assert!(q.items[1..5].iter().all(|i| i.show_if.is_none()), "unconvertible conditions are dropped");
    let skipped = notes_of(&c, Action::Skipped);
    let expected: Vec<(String, String)> = [
        ("calculatedValues[0]", "calculatedValues"),
        ("triggers[0]", "triggers"),
        ("completedHtml", "completedHtml"),
        ("pages[0].elements[1]", "paneldynamic"),
        ("pages[0].elements[2]", "matrixdropdown"),
        ("pages[0].elements[3]", "html"),
        ("pages[0].elements[4]", "expression"),
        ("pages[0].elements[10].validators", "validators"),
        ("pages[0].elements[5].visibleIf", "visibleIf"),
        ("pages[0].elements[6].visibleIf", "visibleIf"),
        ("pages[0].elements[7].visibleIf", "visibleIf"),
        ("pages[0].elements[8].visibleIf", "visibleIf"),
        ("", "locale"),
    ]
    .iter()
    .map(|(p, w)| (p.to_string(), w.to_string()))
    .collect();
    assert_eq!(skipped, expected);
    let renamed = notes_of(&c, Action::Renamed);
    assert_eq!(
        renamed,
        [("pages[0].elements[10]".into(), "name".into()), ("pages[0].elements[11]".into(), "name".into())]
    );
    let why: Vec<String> =
        c.notes.iter().filter(|n| n.what == "visibleIf").map(|n| n.text.en.clone()).collect();
    assert!(why[0].contains("arithmetic"), "{why:?}");
    assert!(why[1].contains("not a question"), "{why:?}");
    assert!(why[2].contains("not asked before"), "{why:?}");
    assert!(why[3].contains("paneldynamic question that was not converted"), "{why:?}");
}

#[test]
fn errors_name_the_place() {
    let e =
        from_surveyjs("{\"pages\": [\n  {\"elements\": ]}", "broken.json", "broken").unwrap_err().to_string();
    assert!(e.starts_with("broken.json, line 2, column 16: not valid JSON"), "{e}");
    let e = from_surveyjs("[]", "list.json", "list").unwrap_err().to_string();
    assert!(e.contains("list.json") && e.contains("JSON object"), "{e}");
    let e = from_surveyjs(r#"{"elements": [{"type": "html", "name": "x"}]}"#, "html.json", "html")
        .unwrap_err()
        .to_string();
    assert!(e.contains("no question could be converted"), "{e}");
}
