//! Penalty–reward, derived weights and importance–performance against the independent statsmodels/scipy
//! reference (`tests/reference/drivers.py` → `tests/fixtures/drivers.json`).

use manyi_core::scoring::drivers::{
    correlations, importance_performance, penalty_reward, standardised_coefficients, Association, Bands,
    Missing, PenaltyRewardOptions, QualityCategory, Ratings,
};
use manyi_core::scoring::scale::Scale;
use manyi_core::scoring::weights::{DerivedMethod, Weights};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    datasets: Vec<Dataset>,
}

#[derive(Deserialize)]
struct Dataset {
    name: String,
    scale: Scale,
    item_names: Vec<String>,
    overall: Vec<Option<f64>>,
    items: Vec<Vec<Option<f64>>>,
    penalty_reward: Vec<Analysis>,
    derived: Derived,
    importance: ExpectedImportance,
}

#[derive(Deserialize)]
struct Analysis {
    bands: Bands,
    missing: Missing,
    alpha: f64,
    expected: ExpectedPenaltyReward,
}

#[derive(Deserialize)]
struct ExpectedPenaltyReward {
    n: usize,
    r_squared: f64,
    items: Vec<ExpectedItem>,
}

#[derive(Deserialize)]
struct ExpectedItem {
    item: String,
    penalty: f64,
    penalty_p: f64,
    reward: f64,
    reward_p: f64,
    impact_asymmetry: Option<f64>,
    category: QualityCategory,
}

#[derive(Deserialize)]
struct Derived {
    standardised_regression: ExpectedDerived,
    correlation: ExpectedDerived,
}

#[derive(Deserialize)]
struct ExpectedDerived {
    n: usize,
    coefficients: Vec<f64>,
    weights: Vec<f64>,
    clamped: Vec<String>,
}

#[derive(Deserialize)]
struct ExpectedImportance {
    n: usize,
    items: Vec<ExpectedIpa>,
}

#[derive(Deserialize)]
struct ExpectedIpa {
    item: String,
    importance: f64,
    performance: f64,
    answered: usize,
}

const VALUES: f64 = 1e-9;
const P_VALUES: f64 = 1e-7;

/// Relative agreement (with a tiny absolute floor, for values that are 0 in both).
fn assert_close(what: &str, got: f64, want: f64, rel: f64) {
    let scale = got.abs().max(want.abs()).max(1.0e-12);
    assert!((got - want).abs() <= rel * scale, "{what}: got {got}, reference {want}");
}

fn fixture() -> Fixture {
    serde_json::from_str(include_str!("fixtures/drivers.json")).unwrap()
}

#[test]
fn penalty_reward_matches_statsmodels() {
    let mut categories = std::collections::HashSet::new();
    for d in fixture().datasets {
        let ratings = Ratings::new(&d.item_names, &d.overall, &d.items).unwrap();
        for a in &d.penalty_reward {
            let options =
                PenaltyRewardOptions { scale: d.scale, bands: a.bands, alpha: a.alpha, missing: a.missing };
            let got = penalty_reward(&ratings, &options).unwrap();
            let tag = format!("{} {:?} α={}", d.name, a.missing, a.alpha);
            assert_eq!(got.n, a.expected.n, "{tag} n");
            assert_eq!((got.bands, got.alpha, got.missing), (a.bands, a.alpha, a.missing));
            assert_close(&format!("{tag} R²"), got.r_squared, a.expected.r_squared, VALUES);
            assert_eq!(got.items.len(), a.expected.items.len());
            for (g, w) in got.items.iter().zip(&a.expected.items) {
                let tag = format!("{tag} {}", w.item);
                assert_eq!(g.item, w.item);
                assert_close(&format!("{tag} penalty"), g.penalty, w.penalty, VALUES);
                assert_close(&format!("{tag} reward"), g.reward, w.reward, VALUES);
                assert_close(&format!("{tag} penalty p"), g.penalty_p, w.penalty_p, P_VALUES);
                assert_close(&format!("{tag} reward p"), g.reward_p, w.reward_p, P_VALUES);
                match (g.impact_asymmetry, w.impact_asymmetry) {
                    (Some(x), Some(y)) => assert_close(&format!("{tag} IA"), x, y, VALUES),
                    (x, y) => assert_eq!(x, y, "{tag} IA"),
                }
                assert_eq!(g.category, w.category, "{tag} category");
                categories.insert(g.category);
            }
        }
    }
    // The datasets are built so that every category occurs.
    assert_eq!(categories.len(), QualityCategory::ALL.len());
}

fn check_association(tag: &str, got: &Association, want: &ExpectedDerived) {
    assert_eq!(got.n, want.n, "{tag} n");
    for (i, (g, w)) in got.values.iter().zip(&want.coefficients).enumerate() {
        assert_close(&format!("{tag} {}", i + 1), *g, *w, VALUES);
    }
}

#[test]
fn derived_weights_match_the_reference() {
    let mut clamped_any = false;
    for d in fixture().datasets {
        let ratings = Ratings::new(&d.item_names, &d.overall, &d.items).unwrap();
        let cases = [
            (DerivedMethod::StandardisedRegression, &d.derived.standardised_regression),
            (DerivedMethod::Correlation, &d.derived.correlation),
        ];
        for (method, want) in cases {
            let tag = format!("{} {method:?}", d.name);
            let association = match method {
                DerivedMethod::StandardisedRegression => standardised_coefficients(&ratings),
                DerivedMethod::Correlation => correlations(&ratings),
            };
            check_association(&tag, &association.unwrap(), want);
            let w = Weights::derived(&ratings, method).unwrap();
            assert_eq!(w.n, Some(want.n));
            for (i, (g, e)) in w.values.iter().zip(&want.weights).enumerate() {
                assert_close(&format!("{tag} weight {}", i + 1), *g, *e, VALUES);
            }
            assert_eq!(w.warnings.len(), want.clamped.len(), "{tag} {:?}", w.warnings);
            for (warning, item) in w.warnings.iter().zip(&want.clamped) {
                assert!(warning.starts_with(&format!("item `{item}`: ")), "{tag}: {warning}");
            }
            clamped_any |= !want.clamped.is_empty();
        }
    }
    assert!(clamped_any, "the fixture should exercise clamping");
}

#[test]
fn importance_performance_matches_the_reference() {
    for d in fixture().datasets {
        let ratings = Ratings::new(&d.item_names, &d.overall, &d.items).unwrap();
        let got = importance_performance(&ratings, d.scale).unwrap();
        assert_eq!(got.n, d.importance.n, "{}", d.name);
        for (g, w) in got.items.iter().zip(&d.importance.items) {
            let tag = format!("{} {}", d.name, w.item);
            assert_eq!(g.item, w.item);
            assert_close(&format!("{tag} importance"), g.importance, w.importance, VALUES);
            assert_close(&format!("{tag} performance"), g.performance, w.performance, VALUES);
            assert_eq!(g.answered, w.answered, "{tag}");
        }
    }
}
