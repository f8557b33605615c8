//! The tidy-file commands on the responses of core's response-level reference
//! (`core/tests/reference/responses.py` → `core/tests/fixtures/responses.json`), written out as
//! the CSV files an analyst would have: the index by hall with the questionnaire's weights,
//! drivers with an overall asked on 0–10 (`--overall-scale`), and the Kano table by the Pouliot
//! evaluation table (`--table pouliot`).

mod support;

use serde_json::Value;
use std::path::Path;
use support::{manyi, write};

fn fixture() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/responses.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let r = manyi(&all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

fn close(what: &str, got: &Value, want: &Value, rel: f64) {
    match (got.as_f64(), want.as_f64()) {
        (Some(g), Some(w)) => {
            assert!((g - w).abs() <= rel * g.abs().max(w.abs()).max(1e-12), "{what}: {g} vs {w}")
        }
        _ => assert_eq!(got, want, "{what}"),
    }
}

/// The complete responses to questionnaire `id`.
fn complete<'f>(fx: &'f Value, id: &str) -> Vec<&'f Value> {
    fx["bundle"]["responses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["questionnaire"]["id"] == id && r["status"] == "complete")
        .collect()
}

/// An answer as a tidy file writes it: the point, `NA`, or blank.
fn cell(answer: &Value) -> String {
    match answer {
        Value::Object(a) => a["rating"].to_string(),
        Value::String(na) if na == "not_applicable" => "NA".into(),
        _ => String::new(),
    }
}

const ITEMS: [&str; 7] = ["w1", "w2", "c1", "c2", "c3", "s1", "s2"];

/// `hall,w1,…,s2,overall`, one row per complete response.
fn ratings_file(fx: &Value, dir: &Path) -> String {
    let mut csv = format!("hall,{},overall\n", ITEMS.join(","));
    for r in complete(fx, "survey") {
        let hall = r["tags"]["hall"].as_str().unwrap_or("");
        let answers: Vec<String> =
            ITEMS.iter().chain(["overall"].iter()).map(|i| cell(&r["answers"][*i])).collect();
        csv.push_str(&format!("{hall},{}\n", answers.join(",")));
    }
    write(dir, "ratings.csv", &csv)
}

#[test]
fn index_by_hall_with_the_questionnaires_weights() {
    let fx = fixture();
    let dir = tempfile::tempdir().unwrap();
    let file = ratings_file(&fx, dir.path());
    let case = fx["index"].as_array().unwrap().iter().find(|c| c["name"] == "stated").unwrap();
    // Under global renormalisation a composite is the mean weighted by the products dimension
    // weight × item weight: the tidy index with those as item weights gives the same.
    let products = case["expected"]["products"].as_array().unwrap();
    let weights: String = ITEMS.iter().zip(products).map(|(i, p)| format!("{i},{p}\n")).collect();
    let w = write(dir.path(), "w.csv", &format!("item,weight\n{weights}"));
    let got = json(&[
        "index",
        &file,
        "--items",
        &ITEMS.join(","),
        "--scale",
        "1..5",
        "--weights",
        &w,
        "--by",
        "hall",
    ]);
    let table =
        case["expected"]["tables"].as_array().unwrap().iter().find(|t| t["group_by"] == "hall").unwrap();
    let want = table["overall"].as_array().unwrap();
    assert_eq!(got.as_array().unwrap().len(), want.len());
    for (g, w) in got.as_array().unwrap().iter().zip(want) {
        assert_eq!(g["group"], w["group"]);
        assert_eq!(g["n"], w["n"]);
        for key in ["index", "se", "ci_low", "ci_high"] {
            close(&format!("{} {key}", w["group"]), &g[key], &w[key], 1e-9);
        }
        assert_eq!(g["small_sample"], w["small_sample"]);
    }
}

#[test]
fn drivers_with_an_overall_on_zero_to_ten() {
    let fx = fixture();
    let dir = tempfile::tempdir().unwrap();
    let file = ratings_file(&fx, dir.path());
    let args = ["drivers", &file, "--overall", "overall", "--items", &ITEMS.join(","), "--scale", "1..5"];
    // Overall's answers run to 10: on the items' scale they are refused, with the place.
    let r = manyi(&args);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("(`overall`): ") && r.stderr.contains("is off the scale 1..5"), "{}", r.stderr);
    let mut with = args.to_vec();
    with.extend(["--overall-scale", "0..10"]);
    let got = json(&with);
    // `manyi drivers` drops a respondent who skipped an item (listwise).
    let case = fx["drivers"].as_array().unwrap().iter().find(|c| c["missing"] == "listwise").unwrap();
    for (g, w) in got.as_array().unwrap().iter().zip(case["expected"].as_array().unwrap()) {
        assert_eq!(g["item"], w["item"]);
        for key in ["penalty", "reward", "impact_asymmetry", "importance", "performance"] {
            close(&format!("{} {key}", w["item"]), &g[key], &w[key], 1e-9);
        }
        for key in ["penalty_p", "reward_p"] {
            close(&format!("{} {key}", w["item"]), &g[key], &w[key], 1e-7);
        }
        assert_eq!((&g["category"], &g["quadrant"]), (&w["category"], &w["quadrant"]), "{}", w["item"]);
    }
    let r = manyi(&[
        "drivers",
        &file,
        "--overall",
        "overall",
        "--items",
        "w1",
        "--scale",
        "1..5",
        "--overall-scale",
        "10..0",
    ]);
    assert!(r.stderr.contains("--overall-scale 10..0"), "{}", r.stderr);
}

#[test]
fn kano_by_the_pouliot_table() {
    let fx = fixture();
    let mut csv = String::from("attribute,functional,dysfunctional\n");
    for r in complete(&fx, "features") {
        for (attribute, answer) in r["answers"].as_object().unwrap() {
            let pair = &answer["kano"];
            csv.push_str(&format!("{attribute},{},{}\n", pair["functional"], pair["dysfunctional"]));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "pairs.csv", &csv);
    for table in ["standard", "pouliot"] {
        let got = json(&["kano", "--table", table, &file]);
        let case = fx["kano"].as_array().unwrap().iter().find(|c| c["table"] == table).unwrap();
        for w in case["expected"].as_array().unwrap() {
            let g = got.as_array().unwrap().iter().find(|g| g["attribute"] == w["attribute"]).unwrap();
            let at = format!("{table} {}", w["attribute"]);
            for (key, letter) in [("a", "A"), ("o", "O"), ("m", "M"), ("i", "I"), ("r", "R"), ("q", "Q")] {
                assert_eq!(g[letter], w["counts"][key], "{at} {letter}");
            }
            assert_eq!(g["category"], w["category"], "{at}");
            let mixed = w["mixed"]
                .as_array()
                .map(|m| format!("{}/{}", m[0].as_str().unwrap(), m[1].as_str().unwrap()));
            assert_eq!(g["mixed"].as_str().map(str::to_owned), mixed, "{at}");
            for key in [
                "better",
                "worse",
                "total_strength",
                "category_strength",
                "fong_critical",
                "functional_mean",
                "dysfunctional_mean",
            ] {
                close(&format!("{at} {key}"), &g[key], &w[key], 1e-9);
            }
        }
    }
    let r = manyi(&["kano", "--table", "berger", &file]);
    assert!(r.stderr.contains("use `standard` or `pouliot`"), "{}", r.stderr);
}
