//! The Kano figures against core/tests/fixtures/kano.json, written by core/tests/reference/kano.py
//! (an independent implementation of DOMAIN.md §3 in Python).

use manyi_core::scoring::kano::{
    analyse_counts, analyse_pairs, ClassRule, EvaluationTable, KanoAnswer, KanoCounts, KanoOptions,
    KanoResult,
};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/kano.json");

/// Equal within 1e-9, relative to the larger of 1 and the expected value.
fn assert_close(got: f64, want: f64, what: &str) {
    assert!((got - want).abs() <= 1e-9 * want.abs().max(1.0), "{what}: got {got}, want {want}");
}

fn answers(digits: &str) -> Vec<KanoAnswer> {
    digits.bytes().map(|b| KanoAnswer::try_from(b - b'0').expect("fixture answer code")).collect()
}

fn analyse(case: &Value, options: &KanoOptions) -> KanoResult {
    if case["counts"].is_null() {
        let f = answers(case["functional"].as_str().unwrap());
        let d = answers(case["dysfunctional"].as_str().unwrap());
        assert_eq!(f.len(), d.len());
        let pairs: Vec<_> = f.into_iter().zip(d).collect();
        analyse_pairs(&pairs, options).unwrap()
    } else {
        let counts: KanoCounts = serde_json::from_value(case["counts"].clone()).unwrap();
        analyse_counts(counts, options).unwrap()
    }
}

fn optional(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// Every figure of `case` analysed with `table` against `want`, under each rule.
fn check(case: &Value, table: EvaluationTable, want: &Value) {
    let name = case["name"].as_str().unwrap();
    for (rule_text, category) in want["category"].as_object().unwrap() {
        let rule: ClassRule = rule_text.parse().unwrap();
        let r = analyse(case, &KanoOptions { rule, table });
        let at = |field: &str| format!("{name} [{table:?}, {rule_text}] {field}");
        assert_eq!(r.category.to_string(), category.as_str().unwrap(), "{}", at("category"));
        assert_eq!(serde_json::to_value(r.counts).unwrap(), want["counts"], "{}", at("counts"));
        assert_eq!(r.n, want["n"].as_u64().unwrap(), "{}", at("n"));
        let mixed = r.mixed.map(|(a, b)| vec![a.to_string(), b.to_string()]);
        assert_eq!(serde_json::to_value(mixed).unwrap(), want["mixed"], "{}", at("mixed"));
        assert_close(r.better, want["better"].as_f64().unwrap(), &at("better"));
        assert_close(r.worse, want["worse"].as_f64().unwrap(), &at("worse"));
        assert_close(r.total_strength, want["total_strength"].as_f64().unwrap(), &at("total strength"));
        assert_close(
            r.category_strength,
            want["category_strength"].as_f64().unwrap(),
            &at("category strength"),
        );
        assert_eq!(r.fong_difference, want["fong_difference"].as_u64().unwrap(), "{}", at("Fong a − b"));
        assert_close(r.fong_critical, want["fong_critical"].as_f64().unwrap(), &at("Fong critical"));
        assert_eq!(r.fong_significant, want["fong_significant"].as_bool().unwrap(), "{}", at("Fong"));
        for (got, key) in
            [(r.functional_mean, "functional_mean"), (r.dysfunctional_mean, "dysfunctional_mean")]
        {
            match (got, optional(&want[key])) {
                (Some(g), Some(w)) => assert_close(g, w, &at(key)),
                (g, w) => assert_eq!(g, w, "{}", at(key)),
            }
        }
    }
}

#[test]
fn kano_figures_match_the_python_reference() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 15, "the fixture should hold the generated and hand-made cases");
    let mut pouliot_differs = false;
    for case in cases {
        check(case, EvaluationTable::Standard, &case["expected"]);
        // Answer pairs are also classified with the Pouliot table.
        if let Some(want) = case.get("expected_pouliot") {
            check(case, EvaluationTable::Pouliot, want);
            pouliot_differs |= want["counts"] != case["expected"]["counts"];
        }
    }
    assert!(pouliot_differs, "some pairs should fall in the two cells where the tables differ");
}
