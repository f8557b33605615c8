//! Every figure core computes from whole responses — the index with its intervals under several
//! weightings and N/A rules, penalty–reward with importance–performance (an overall on 0–10,
//! items on 1–5), and the Kano table with the standard and the Pouliot evaluation table — against
//! the independent numpy/scipy/statsmodels reference (`tests/reference/responses.py` →
//! `tests/fixtures/responses.json`). The responses are read both ways core takes them: a JSON
//! export imported into columns, and responses in memory.

use manyi_core::dataset::{Collection, Dataset, Filter};
use manyi_core::io::bundle::Bundle;
use manyi_core::questionnaire::QuestionnaireRef;
use manyi_core::scoring::drivers::{Missing, PenaltyRewardOptions};
use manyi_core::scoring::group::GroupBy;
use manyi_core::scoring::index::GroupIndex;
use manyi_core::scoring::kano::KanoOptions;
use manyi_core::scoring::report::{ReportOptions, WeightSource};
use manyi_core::scoring::weights::{DerivedMethod, WeightMethod};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/responses.json");
const VALUES: f64 = 1e-9;
const P_VALUES: f64 = 1e-7;

fn fixture() -> Value {
    serde_json::from_str(FIXTURE).unwrap()
}

/// The fixture's export read into columns, and the same responses handed over in memory.
fn datasets(fixture: &Value, id: &str) -> Vec<(&'static str, Dataset)> {
    let file = serde_json::to_vec(&fixture["bundle"]).unwrap();
    let mut collection = Collection::new(Vec::new());
    collection.import(&file, "responses.json", &mut |_| {}).unwrap();
    let imported = collection.datasets().iter().find(|d| d.reference().id.as_str() == id).unwrap().clone();
    let bundle = Bundle::from_json(&file, "responses.json", &[]).unwrap();
    let q = bundle.questionnaires.iter().find(|q| q.id.as_str() == id).unwrap();
    let reference: QuestionnaireRef = q.reference();
    let mine: Vec<_> = bundle.responses.iter().filter(|r| r.questionnaire == reference).cloned().collect();
    vec![("imported", imported), ("in memory", Dataset::from_responses(q, &mine))]
}

fn close(what: &str, got: f64, want: f64, rel: f64) {
    let scale = got.abs().max(want.abs()).max(1e-12);
    assert!((got - want).abs() <= rel * scale, "{what}: got {got}, reference {want}");
}

fn close_opt(what: &str, got: Option<f64>, want: &Value, rel: f64) {
    match (got, want.as_f64()) {
        (Some(g), Some(w)) => close(what, g, w, rel),
        (g, _) => assert_eq!(g, None, "{what}: reference {want}"),
    }
}

fn check_groups(what: &str, got: &[GroupIndex], want: &Value) {
    let want = want.as_array().unwrap();
    let keys = |g: &[GroupIndex]| g.iter().map(|g| g.group.clone()).collect::<Vec<_>>();
    let want_keys: Vec<String> = want.iter().map(|g| g["group"].as_str().unwrap().to_owned()).collect();
    assert_eq!(keys(got), want_keys, "{what}: groups");
    for (g, w) in got.iter().zip(want) {
        let at = |field: &str| format!("{what} {} {field}", g.group);
        let s = &g.summary;
        assert_eq!(s.n as u64, w["n"].as_u64().unwrap(), "{}", at("n"));
        close_opt(&at("index"), s.index, &w["index"], VALUES);
        close_opt(&at("se"), s.se, &w["se"], VALUES);
        close_opt(&at("ci_low"), s.ci_low, &w["ci_low"], VALUES);
        close_opt(&at("ci_high"), s.ci_high, &w["ci_high"], VALUES);
        assert_eq!(s.small_sample, w["small_sample"].as_bool().unwrap(), "{}", at("small sample"));
    }
}

fn weights(name: &str) -> WeightSource {
    match name {
        "stated" => WeightSource::Stated,
        "equal" => WeightSource::Equal,
        "items_derived_regression" => {
            WeightSource::Items(WeightMethod::Derived(DerivedMethod::StandardisedRegression))
        }
        "dimensions_derived_correlation" => {
            WeightSource::Dimensions(WeightMethod::Derived(DerivedMethod::Correlation))
        }
        other => panic!("no weights {other}"),
    }
}

#[test]
fn the_index_with_its_intervals_matches_the_reference() {
    let fixture = fixture();
    for (how, ds) in datasets(&fixture, "survey") {
        for case in fixture["index"].as_array().unwrap() {
            let name = format!("{how}, {}", case["name"].as_str().unwrap());
            let want = &case["expected"];
            let options = ReportOptions {
                weights: weights(case["weights"].as_str().unwrap()),
                renormalise: serde_json::from_value(case["renormalise"].clone()).unwrap(),
                include_break_offs: case["include_break_offs"].as_bool().unwrap(),
                ..ReportOptions::default()
            };
            let tables = want["tables"].as_array().unwrap();
            let groupings: Vec<GroupBy> =
                tables.iter().map(|t| t["group_by"].as_str().unwrap().parse().unwrap()).collect();
            let index = ds.index(&options, &groupings, &Filter::default()).unwrap();
            assert_eq!(index.scored as u64, want["scored"].as_u64().unwrap(), "{name}: scored");
            assert_eq!(index.left_out as u64, want["left_out"].as_u64().unwrap(), "{name}: left out");
            let products = index.weights.item_products();
            for (j, (g, w)) in products.iter().zip(want["products"].as_array().unwrap()).enumerate() {
                close(&format!("{name}: weight of item {}", j + 1), *g, w.as_f64().unwrap(), VALUES);
            }
            let derived_from = index.weight_details.as_ref().and_then(|d| d.n).map(|n| n as u64);
            assert_eq!(derived_from, want["derived_from"].as_u64(), "{name}: respondents behind the weights");
            let scores = ds.response_scores(&index, 0);
            let want_scores = want["responses"].as_array().map_or(&[][..], Vec::as_slice);
            assert!(want_scores.is_empty() || scores.len() == want_scores.len(), "{name}: responses scored");
            for (s, w) in scores.iter().zip(want_scores) {
                let at = format!("{name}: response {}", s.id);
                assert_eq!(s.id.to_string(), w["id"].as_str().unwrap(), "{at}");
                assert_eq!(s.group, w["group"].as_str().unwrap(), "{at}");
                close_opt(&format!("{at} composite"), s.composite, &w["composite"], VALUES);
                for (k, (g, d)) in s.dimensions.iter().zip(w["dimensions"].as_array().unwrap()).enumerate() {
                    close_opt(&format!("{at} dimension {k}"), *g, d, VALUES);
                }
            }
            for (table, w) in index.tables.iter().zip(tables) {
                let what = format!("{name} by {}", table.group_by.name());
                check_groups(&format!("{what}, overall"), &table.overall, &w["overall"]);
                let dims = w["dimensions"].as_array().unwrap();
                assert_eq!(table.dimensions.len(), dims.len());
                for (d, wd) in table.dimensions.iter().zip(dims) {
                    assert_eq!(d.dimension.as_str(), wd["dimension"].as_str().unwrap());
                    check_groups(&format!("{what}, {}", d.dimension), &d.groups, &wd["groups"]);
                }
            }
        }
    }
}

#[test]
fn drivers_with_an_overall_on_zero_to_ten_match_the_reference() {
    let fixture = fixture();
    for (how, ds) in datasets(&fixture, "survey") {
        for case in fixture["drivers"].as_array().unwrap() {
            let missing: Missing = serde_json::from_value(case["missing"].clone()).unwrap();
            let alpha = case["alpha"].as_f64().unwrap();
            let options = PenaltyRewardOptions { missing, alpha, ..PenaltyRewardOptions::default() };
            let rows = ds.drivers(&options, false, &Filter::default()).unwrap();
            let want = case["expected"].as_array().unwrap();
            assert_eq!(rows.len(), want.len(), "{how} {missing:?}");
            for (g, w) in rows.iter().zip(want) {
                let at = |field: &str| format!("{how} {missing:?} {} {field}", g.item);
                assert_eq!(g.item, w["item"].as_str().unwrap());
                close(&at("penalty"), g.penalty, w["penalty"].as_f64().unwrap(), VALUES);
                close(&at("reward"), g.reward, w["reward"].as_f64().unwrap(), VALUES);
                close(&at("penalty p"), g.penalty_p, w["penalty_p"].as_f64().unwrap(), P_VALUES);
                close(&at("reward p"), g.reward_p, w["reward_p"].as_f64().unwrap(), P_VALUES);
                close_opt(&at("IA"), g.impact_asymmetry, &w["impact_asymmetry"], VALUES);
                close(&at("importance"), g.importance, w["importance"].as_f64().unwrap(), VALUES);
                close(&at("performance"), g.performance, w["performance"].as_f64().unwrap(), VALUES);
                assert_eq!(serde_json::to_value(g.category).unwrap(), w["category"], "{}", at("category"));
                assert_eq!(serde_json::to_value(g.quadrant).unwrap(), w["quadrant"], "{}", at("quadrant"));
            }
        }
    }
}

#[test]
fn the_kano_table_with_either_evaluation_table_matches_the_reference() {
    let fixture = fixture();
    for (how, ds) in datasets(&fixture, "features") {
        for case in fixture["kano"].as_array().unwrap() {
            let table = case["table"].as_str().unwrap();
            let options = KanoOptions { table: table.parse().unwrap(), ..KanoOptions::default() };
            let rows = ds.kano(&options, false, &Filter::default()).unwrap();
            let want = case["expected"].as_array().unwrap();
            assert_eq!(rows.len(), want.len(), "{how} {table}");
            for ((attribute, r), w) in rows.iter().zip(want) {
                let at = |field: &str| format!("{how} {table} {attribute} {field}");
                assert_eq!(attribute, w["attribute"].as_str().unwrap());
                assert_eq!(serde_json::to_value(r.counts).unwrap(), w["counts"], "{}", at("counts"));
                assert_eq!(r.n, w["n"].as_u64().unwrap(), "{}", at("n"));
                assert_eq!(r.category.to_string(), w["category"].as_str().unwrap(), "{}", at("category"));
                let mixed = r.mixed.map(|(a, b)| vec![a.to_string(), b.to_string()]);
                assert_eq!(serde_json::to_value(mixed).unwrap(), w["mixed"], "{}", at("mixed"));
                for (got, key) in [
                    (r.better, "better"),
                    (r.worse, "worse"),
                    (r.total_strength, "total_strength"),
                    (r.category_strength, "category_strength"),
                    (r.fong_critical, "fong_critical"),
                ] {
                    close(&at(key), got, w[key].as_f64().unwrap(), VALUES);
                }
                assert_eq!(r.fong_difference, w["fong_difference"].as_u64().unwrap(), "{}", at("Fong"));
                assert_eq!(r.fong_significant, w["fong_significant"].as_bool().unwrap(), "{}", at("Fong"));
                close_opt(&at("functional mean"), r.functional_mean, &w["functional_mean"], VALUES);
                close_opt(&at("dysfunctional mean"), r.dysfunctional_mean, &w["dysfunctional_mean"], VALUES);
            }
        }
    }
}
