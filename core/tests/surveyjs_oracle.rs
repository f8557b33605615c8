//! survey-core itself as the reference for the SurveyJS import: the same survey is loaded by
//! survey-core (npm, run by Node.js through `tests/surveyjs/oracle.js`) and converted by Manyi, then
//!
//! - every rating question's values as survey-core shows them (`visibleRateValues`) must be the
//!   points of the converted scale (or its labels, for a scale Manyi numbers 1…n);
//! - for every combination of answers to five questions (2,520 cases, unanswered included), every
//!   question survey-core shows must be exactly the ones Manyi's show-if conditions show.
//!
//! Needs `node` and the `survey-core` package that `cargo xtask test` installs (its folder in
//! `MANYI_SURVEY_CORE`, else target/npm/node_modules/survey-core); without them it says so and
//! passes.

use manyi_core::questionnaire::item::{ChoiceCode, ItemId};
use manyi_core::questionnaire::surveyjs::from_surveyjs;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::answer::Answer;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn survey_core() -> Option<PathBuf> {
    let dir = std::env::var_os("MANYI_SURVEY_CORE").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/npm/node_modules/survey-core")),
        PathBuf::from,
    );
    let node = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    (node && dir.join("survey.core.js").is_file()).then_some(dir)
}

/// survey-core's answer: rate values by rating question, visible questions by case.
fn oracle(
    dir: &PathBuf,
    survey: &Value,
    cases: &[Value],
) -> (BTreeMap<String, Vec<Value>>, Vec<Vec<String>>) {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/surveyjs/oracle.js");
    let mut child = Command::new("node")
        .arg(script)
        .arg(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    let input = json!({"survey": survey, "cases": cases}).to_string();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "oracle.js failed");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rates = serde_json::from_value(v["rates"].clone()).unwrap();
    let visible = serde_json::from_value(v["visible"].clone()).unwrap();
    (rates, visible)
}

#[test]
fn rating_values_are_survey_core_s() {
    let Some(dir) = survey_core() else {
        println!("node or survey-core is missing (cargo xtask test installs survey-core): skipped");
        return;
    };
    let configs = [
        json!({}),
        json!({"rateMax": 10}),
        json!({"rateMin": 0, "rateMax": 10}),
        json!({"rateCount": 10}),
        json!({"rateCount": 6, "rateMin": 2}),
        json!({"rateCount": 6, "rateMax": 7}),
        json!({"rateCount": 1, "rateMin": 2, "rateMax": 7}),
        json!({"rateValues": [1, 2, 3], "rateMax": 7}),
        json!({"rateValues": [1, 2, 3], "rateMin": 2, "rateMax": 7, "autoGenerate": true}),
        json!({"rateValues": [], "rateMax": 3}),
        json!({"rateValues": ["1|Poor", "2|Fair", "3|Good"]}),
        json!({"rateMin": 1, "rateMax": 3, "rateStep": 0.5}),
        json!({"rateMin": 0, "rateMax": 100, "rateStep": 10}),
        json!({"rateMin": 0, "rateMax": 100}),
        json!({"rateMin": 0, "rateMax": 10, "rateType": "smileys"}),
        json!({"rateMin": -2, "rateMax": 2}),
        json!({"rateType": "stars", "rateMax": 7}),
    ];
    let elements: Vec<Value> = configs
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let mut q = c.clone();
            q["type"] = json!("rating");
            q["name"] = json!(format!("r{k}"));
            q
        })
        .collect();
    let survey = json!({ "elements": elements });
    let (rates, _) = oracle(&dir, &survey, &[]);
    let q = from_surveyjs(&survey.to_string(), "ratings.json", "ratings").unwrap().questionnaire;
    for (k, config) in configs.iter().enumerate() {
        let name = format!("r{k}");
        let expected: Vec<String> =
            rates[&name].iter().map(|v| v.to_string().trim_matches('"').to_owned()).collect();
        let scale = q.rating_scale(q.item(&name).unwrap()).unwrap();
        let points: Vec<String> = scale.points().map(|p| p.to_string()).collect();
        let labels: Vec<String> = scale.labels.iter().map(|l| l.en.clone()).collect();
        // Manyi's points are survey-core's values, or (a scale Manyi numbers 1…n) its labels are.
        let ok = points == expected || (labels == expected && scale.min == 1);
        assert!(ok, "{config}: survey-core {expected:?}, Manyi points {points:?} labels {labels:?}");
    }
}

/// The conditions compared, on a rating, a single choice, a multiple choice, a yes/no and a number.
const CONDITIONS: [&str; 36] = [
    "{score} > 3",
    "{score} != 3",
    "{score} empty",
    "{score} notempty",
    "!({score} >= 4)",
    "{score} = '4'",
    "{score} <= '3'",
    "{score} anyof [1, 5]",
    "{score} > 2 and {score} < 5",
    "{score} contains 1",
    "{biz} anyof ['a', 'B']",
    "{biz} noneof ['a']",
    "{biz} contains 'pay'",
    "{biz} notcontains 'a'",
    "{biz} = 'PAYMENT'",
    "{biz} > 'b'",
    "{biz} != 'b'",
    "{used} contains 'a'",
    "{used} notcontains 'a'",
    "{used} allof ['a', 'b']",
    "{used} anyof ['c', 'x']",
    "{used} noneof ['a']",
    "{used} empty",
    "{used} = ['b', 'a']",
    "{used} != ['a']",
    "{ok} = true",
    "{ok} != true",
    "{ok} = 'false'",
    "{ok} notempty",
    "{minutes} > 2.5",
    "{minutes} < 2.5",
    "{minutes} >= 2.5",
    "{minutes} != 2",
    "{minutes} anyof [2, 3]",
    "{score} != 3 or {ok} = false",
    "!({biz} anyof ['a'] and {score} > 2) and 3 < {score}",
];

/// One combination: each question with its answer (SurveyJS value and Manyi answer), or none.
type Case<'a> = Vec<(&'a str, Option<&'a (Value, Answer)>)>;

#[test]
fn conditions_show_what_survey_core_shows() {
    let Some(dir) = survey_core() else {
        println!("node or survey-core is missing (cargo xtask test installs survey-core): skipped");
        return;
    };
    let mut elements = vec![
        json!({"type": "rating", "name": "score"}),
        json!({"type": "radiogroup", "name": "biz", "choices": ["A", "b", "payment", "Pay Later"]}),
        json!({"type": "checkbox", "name": "used", "choices": ["a", "b", "c"]}),
        json!({"type": "boolean", "name": "ok"}),
        json!({"type": "text", "name": "minutes", "inputType": "number"}),
    ];
    for (k, c) in CONDITIONS.iter().enumerate() {
        elements.push(json!({"type": "comment", "name": format!("c{k}"), "visibleIf": c}));
    }
    let survey = json!({ "elements": elements });
    let conversion = from_surveyjs(&survey.to_string(), "conditions.json", "conditions").unwrap();
    assert!(conversion.notes.iter().all(|n| n.what != "visibleIf"), "{:?}", conversion.notes);
    let q = conversion.questionnaire;

    // Each question's possible answers: the SurveyJS value and Manyi's answer (codes as converted:
    // A → a, Pay Later → pay_later).
    let code = |c: &str| ChoiceCode::new(c);
    let score: Vec<(Value, Answer)> = (1..=5).map(|x| (json!(x), Answer::Rating(x))).collect();
    let biz: Vec<(Value, Answer)> =
        [("A", "a"), ("b", "b"), ("payment", "payment"), ("Pay Later", "pay_later")]
            .iter()
            .map(|(v, c)| (json!(v), Answer::Choice(code(c))))
            .collect();
    let used: Vec<(Value, Answer)> = [&["a"][..], &["b"], &["c"], &["a", "b"], &["b", "a"], &["a", "b", "c"]]
        .iter()
        .map(|cs| (json!(cs), Answer::Choices(cs.iter().map(|c| code(c)).collect())))
        .collect();
    let ok = vec![(json!(true), Answer::Yes), (json!(false), Answer::No)];
    let minutes: Vec<(Value, Answer)> =
        [2.0, 2.5, 3.0].iter().map(|x| (json!(x), Answer::Number(*x))).collect();
    let questions = [("score", score), ("biz", biz), ("used", used), ("ok", ok), ("minutes", minutes)];

    // Every combination, each question also unanswered.
    let mut cases: Vec<Case> = vec![Vec::new()];
    for (name, answers) in &questions {
        let mut next = Vec::new();
        for case in &cases {
            for a in std::iter::once(None).chain(answers.iter().map(Some)) {
                let mut c = case.clone();
                c.push((*name, a));
                next.push(c);
            }
        }
        cases = next;
    }
    let as_json: Vec<Value> = cases
        .iter()
        .map(|case| {
            let map: serde_json::Map<String, Value> =
                case.iter().filter_map(|(n, a)| a.map(|(v, _)| ((*n).to_owned(), v.clone()))).collect();
            Value::Object(map)
        })
        .collect();
    let (_, visible) = oracle(&dir, &survey, &as_json);
    assert_eq!(visible.len(), 6 * 5 * 7 * 3 * 4);
    let mut mismatches = Vec::new();
    for (case, shown_by_survey_core) in cases.iter().zip(&visible) {
        let answers: BTreeMap<ItemId, Answer> =
            case.iter().filter_map(|(n, a)| a.map(|(_, m)| (ItemId::new(*n), m.clone()))).collect();
        for (k, condition) in CONDITIONS.iter().enumerate() {
            let name = format!("c{k}");
            let manyi = shown(&q, &name, &answers);
            let reference = shown_by_survey_core.contains(&name);
            if manyi != reference && mismatches.len() < 20 {
                mismatches
                    .push(format!("{condition} with {:?}: survey-core {reference}, Manyi {manyi}", answers));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

fn shown(q: &Questionnaire, item: &str, answers: &BTreeMap<ItemId, Answer>) -> bool {
    q.is_shown(q.item(item).unwrap(), &|id: &ItemId| answers.get(id))
}
