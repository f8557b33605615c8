//! Hand-computed checks of the Kano figures, including the public checks of DOMAIN.md §3.

use super::*;
use crate::Error;
use KanoAnswer::*;

fn close(got: f64, want: f64, tol: f64) -> bool {
    (got - want).abs() <= tol
}

fn counts(a: u64, o: u64, m: u64, i: u64, r: u64, q: u64) -> KanoCounts {
    KanoCounts { a, o, m, i, r, q }
}

#[test]
fn public_check_one_dimensional() {
    let r = analyse_counts(counts(30, 42, 18, 10, 0, 0), &KanoOptions::default()).unwrap();
    assert_eq!(r.category, KanoCategory::O);
    assert_eq!(r.n, 100);
    // Better = (30 + 42)/100; Worse = −(42 + 18)/100.
    assert!(close(r.better, 0.72, 1e-12));
    assert!(close(r.worse, -0.60, 1e-12));
    // Fong: O 42, A 30, n 100: 1.65 √(72 · 128 / 200) = 1.65 √46.08 = 11.200571.
    assert_eq!(r.fong_difference, 12);
    assert!(close(r.fong_critical, 11.200571, 1e-6));
    assert!(r.fong_significant);
    assert_eq!(r.mixed, None);
    assert_eq!(r.label(), "O");
    // (30 + 42 + 18)/100 and (42 − 30)/100.
    assert!(close(r.total_strength, 0.90, 1e-12));
    assert!(close(r.category_strength, 0.12, 1e-12));
    assert_eq!(r.functional_mean, None);
}

#[test]
fn public_check_attractive_or_indifferent() {
    let r = analyse_counts(counts(41, 20, 6, 30, 2, 1), &KanoOptions::default()).unwrap();
    assert_eq!(r.category, KanoCategory::A);
    // Better = 61/97 = 0.628866; Worse = −26/97 = −0.268041.
    assert!(close(r.better, 0.628866, 1e-6));
    assert!(close(r.worse, -0.268041, 1e-6));
    // Fong: A 41, I 30, n 100: 1.65 √(71 · 129 / 200) = 1.65 √45.795 = 11.165881.
    assert_eq!(r.fong_difference, 11);
    assert!(close(r.fong_critical, 11.165881, 1e-6));
    assert!(!r.fong_significant);
    assert_eq!(r.mixed, Some((KanoCategory::A, KanoCategory::I)));
    assert_eq!(r.label(), "A/I");
    // (41 + 20 + 6)/100; (41 − 30)/100 with Q counted in N.
    assert!(close(r.total_strength, 0.67, 1e-12));
    assert!(close(r.category_strength, 0.11, 1e-12));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["category"], "A");
    assert_eq!(json["mixed"], serde_json::json!(["A", "I"]));
    assert_eq!(json["counts"]["q"], 1);
}

#[test]
fn zero_denominators_give_zero_not_nan() {
    // Every answer R or Q: A + O + M + I = 0.
    let r = analyse_counts(counts(0, 0, 0, 0, 3, 2), &KanoOptions::default()).unwrap();
    assert_eq!((r.better, r.worse), (0.0, 0.0));
    assert!(r.worse.is_sign_positive());
    assert_eq!(r.category, KanoCategory::R);
    assert_eq!(r.total_strength, 0.0);
    // R 3, M 0, n 5: 1.65 √(3 · 7 / 10) = 2.391078 ≤ 3.
    assert!(close(r.fong_critical, 1.65 * 2.1f64.sqrt(), 1e-12));
    assert!(r.fong_significant);
    // O + M = 0 gives Worse +0, not −0.
    let r = analyse_counts(counts(5, 0, 0, 0, 0, 0), &KanoOptions::default()).unwrap();
    assert_eq!(r.better, 1.0);
    assert!(r.worse == 0.0 && r.worse.is_sign_positive());
    // Only Q: every figure defined; a = b = 0 so the critical value is 0.
    let r = analyse_counts(counts(0, 0, 0, 0, 0, 4), &KanoOptions::default()).unwrap();
    assert_eq!(r.category, KanoCategory::Q);
    assert_eq!((r.category_strength, r.fong_critical), (0.0, 0.0));
    assert!(r.better.is_finite() && r.worse.is_finite());
}

#[test]
fn a_single_respondent() {
    let r = analyse_pairs(&[(Like, Dislike)], &KanoOptions::default()).unwrap();
    assert_eq!(r.counts, counts(0, 1, 0, 0, 0, 0));
    assert_eq!(r.category, KanoCategory::O);
    assert_eq!((r.better, r.worse), (1.0, -1.0));
    assert_eq!((r.total_strength, r.category_strength), (1.0, 1.0));
    // a = 1 (O), b = 0 (M first among the zeros), n = 1: 1.65 √(1 · 1 / 2) = 1.166726 > 1,
    // so one answer never separates two categories.
    assert!(close(r.fong_critical, 1.65 * 0.5f64.sqrt(), 1e-12));
    assert_eq!(r.mixed, Some((KanoCategory::O, KanoCategory::M)));
    assert_eq!((r.functional_mean, r.dysfunctional_mean), (Some(4.0), Some(4.0)));
}

#[test]
fn dumouchel_means_by_hand() {
    let pairs = [(Like, LiveWith), (Expect, Dislike), (Neutral, Neutral), (Dislike, Like), (Like, Expect)];
    // functional: 4 + 2 + 0 − 2 + 4 = 8, / 5 = 1.6
    // dysfunctional: 2 + 4 + 0 − 2 − 1 = 3, / 5 = 0.6
    let r = analyse_pairs(&pairs, &KanoOptions::default()).unwrap();
    assert!(close(r.functional_mean.unwrap(), 1.6, 1e-12));
    assert!(close(r.dysfunctional_mean.unwrap(), 0.6, 1e-12));
    // A 2, M 1, I 1, R 1: mode A.
    assert_eq!(r.counts, counts(2, 0, 1, 1, 1, 0));
    assert_eq!(r.category, KanoCategory::A);
}

#[test]
fn rules_reach_the_result() {
    // O 30, M 28, I 22, A 20 (strength 0.02).
    let c = counts(20, 30, 28, 22, 0, 0);
    let with = |rule| analyse_counts(c, &KanoOptions { rule, ..KanoOptions::default() }).unwrap().category;
    assert_eq!(with(ClassRule::Mode), KanoCategory::O);
    assert_eq!(with(ClassRule::Moai { threshold: 0.06 }), KanoCategory::M);
    assert_eq!(with(ClassRule::Moai { threshold: 0.01 }), KanoCategory::O);
    assert_eq!(with(ClassRule::Oam), KanoCategory::O);
}

#[test]
fn no_answers_and_bad_options_are_errors() {
    let e = analyse_pairs(&[], &KanoOptions::default()).unwrap_err();
    assert!(matches!(e, Error::InsufficientData { .. }), "{e}");
    let e = analyse_counts(KanoCounts::default(), &KanoOptions::default()).unwrap_err();
    assert!(matches!(e, Error::InsufficientData { .. }), "{e}");
    let bad = KanoOptions { rule: ClassRule::Moai { threshold: -0.5 }, ..KanoOptions::default() };
    let e = analyse_counts(counts(1, 0, 0, 0, 0, 0), &bad).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { .. }), "{e}");
}

#[test]
fn options_round_trip_through_json() {
    let options = KanoOptions { table: EvaluationTable::Standard, rule: ClassRule::Moai { threshold: 0.06 } };
    let json = serde_json::to_string(&options).unwrap();
    assert_eq!(json, r#"{"table":"standard","rule":"moai:0.06"}"#);
    assert_eq!(serde_json::from_str::<KanoOptions>(&json).unwrap(), options);
}
