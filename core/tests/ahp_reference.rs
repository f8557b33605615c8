//! AHP against the independent numpy reference (`tests/reference/ahp.py` → `tests/fixtures/ahp.json`).

use manyi_core::scoring::ahp::{parse_judgement, AhpMethod, AhpResult, PairwiseMatrix};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    matrix: Vec<Vec<String>>,
    eigenvector: Expected,
    geometric_mean: Expected,
}

#[derive(Deserialize)]
struct Expected {
    weights: Vec<f64>,
    lambda_max: f64,
    ci: f64,
    cr: f64,
    random_index: f64,
    consistent: bool,
}

/// Relative agreement (with a tiny absolute floor, for values that are 0 in both).
fn assert_close(what: &str, got: f64, want: f64, rel: f64) {
    let scale = got.abs().max(want.abs()).max(1.0e-12);
    assert!((got - want).abs() <= rel * scale, "{what}: got {got}, reference {want}");
}

fn check(name: &str, got: &AhpResult, want: &Expected) {
    assert_eq!(got.weights.len(), want.weights.len(), "{name}");
    for (i, (g, w)) in got.weights.iter().zip(&want.weights).enumerate() {
        assert_close(&format!("{name} weight {}", i + 1), *g, *w, 1e-9);
    }
    assert_close(&format!("{name} λmax"), got.lambda_max, want.lambda_max, 1e-9);
    assert_close(&format!("{name} CI"), got.ci, want.ci, 1e-9);
    assert_close(&format!("{name} CR"), got.cr, want.cr, 1e-9);
    assert_eq!(got.random_index, want.random_index, "{name} RI");
    assert_eq!(got.consistent, want.consistent, "{name} consistent");
}

#[test]
fn matches_numpy_reference() {
    let fixture: Fixture = serde_json::from_str(include_str!("fixtures/ahp.json")).unwrap();
    assert!(fixture.cases.len() >= 10);
    for case in &fixture.cases {
        let rows: Vec<Vec<f64>> =
            case.matrix.iter().map(|row| row.iter().map(|c| parse_judgement(c).unwrap()).collect()).collect();
        let m = PairwiseMatrix::new(rows).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        check(
            &format!("{} eigenvector", case.name),
            &m.analyse(AhpMethod::Eigenvector).unwrap(),
            &case.eigenvector,
        );
        check(
            &format!("{} geometric mean", case.name),
            &m.analyse(AhpMethod::GeometricMean).unwrap(),
            &case.geometric_mean,
        );
    }
}
