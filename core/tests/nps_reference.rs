//! The net promoter score against core/tests/fixtures/nps.json, written by
//! core/tests/reference/nps.py (numpy/scipy, from DOMAIN.md §3 and Rocks 2016).

use manyi_core::scoring::nps::nps;
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/nps.json");

/// Equal within 1e-9, relative to the larger of 1 and the expected value.
fn assert_close(got: f64, want: f64, what: &str) {
    assert!((got - want).abs() <= 1e-9 * want.abs().max(1.0), "{what}: got {got}, want {want}");
}

#[test]
fn nps_and_interval_match_the_python_reference() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 30, "the fixture should hold every group at every confidence level");
    for case in cases {
        let scores: Vec<u8> =
            case["scores"].as_str().unwrap().split_whitespace().map(|s| s.parse().unwrap()).collect();
        let confidence = case["confidence"].as_f64().unwrap();
        let at = format!("{} at {confidence}", case["name"].as_str().unwrap());
        let want = &case["expected"];
        let r = nps(&scores, confidence).unwrap();
        for (got, key) in
            [(r.n, "n"), (r.promoters, "promoters"), (r.passives, "passives"), (r.detractors, "detractors")]
        {
            assert_eq!(got, want[key].as_u64().unwrap(), "{at}: {key}");
        }
        assert_close(r.nps, want["nps"].as_f64().unwrap(), &format!("{at}: nps"));
        assert_close(r.ci_low, want["ci_low"].as_f64().unwrap(), &format!("{at}: ci_low"));
        assert_close(r.ci_high, want["ci_high"].as_f64().unwrap(), &format!("{at}: ci_high"));
    }
}
