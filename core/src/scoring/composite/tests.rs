use super::*;
use crate::questionnaire::builtin::Builtin;
use crate::response::{Channel, Response};
use crate::scoring::report::ResponseScore;
use chrono::DateTime;
use uuid::Uuid;

fn at(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// `r`'s score under `t` and `rule`, as every response is scored (through a dataset).
fn scored(q: &Questionnaire, t: &WeightTree, r: &Response, rule: Renormalisation) -> ResponseScore {
    crate::dataset::Dataset::from_responses(q, [r]).scores(t, rule).pop().expect("r answers q")
}

fn hall_response(answers: &[(&str, Answer)]) -> (Questionnaire, Response) {
    let q = Builtin::Hall.questionnaire();
    let mut r = Response::start(
        Uuid::from_u128(1),
        &q,
        Channel::Hall,
        Default::default(),
        at("2026-11-02T09:30:00+08:00"),
    );
    for (item, a) in answers {
        r.answer(&q, item, a.clone()).unwrap();
    }
    (q, r)
}

#[test]
fn equal_tree_of_the_hall_questionnaire() {
    // 4 dimensions of 1/4; 3, 4, 2 and 1 items in them.
    let q = Builtin::Hall.questionnaire();
    let t = WeightTree::equal(&q).unwrap();
    let p = t.item_products();
    let expect =
        [1. / 12., 1. / 12., 1. / 12., 1. / 16., 1. / 16., 1. / 16., 1. / 16., 1. / 8., 1. / 8., 1. / 4.];
    assert_eq!(p.len(), expect.len());
    for (a, b) in p.iter().zip(expect) {
        assert!((a - b).abs() < 1e-15);
    }
}

#[test]
fn na_renormalisation_global_and_within_dimension_by_hand() {
    use Answer::*;
    let (q, r) = hall_response(&[
        ("guide", Rating(5)),      // 100
        ("wait", Rating(3)),       // 50
        ("queue_fair", Rating(4)), // 75
        ("courtesy", Rating(5)),   // 100
        ("speed", Rating(4)),      // 75
        ("right_first_time", Rating(4)),
        ("explained", Rating(3)),  // 50
        ("kiosk_ease", Rating(4)), // 75
        ("kiosk_fit", NotApplicable),
        ("environment", Rating(5)), // 100
    ]);
    let t = WeightTree::equal(&q).unwrap();
    // Global: Σ p·x = 225/12 + 300/16 + 75/8 + 100/4 = 71.875 over Σ p = 0.875.
    let global = scored(&q, &t, &r, Renormalisation::Global);
    assert!((global.composite.unwrap() - 71.875 / 0.875).abs() < 1e-12, "{global:?}");
    // Within dimension: dimension means 75, 75, 75, 100, each 1/4.
    let within = scored(&q, &t, &r, Renormalisation::WithinDimension).composite.unwrap();
    assert!((within - 81.25).abs() < 1e-12, "{within}");
    // Self-service keeps only kiosk_ease.
    assert_eq!(global.dimensions[2], Some(75.0));
}

#[test]
fn all_na_gives_no_composite() {
    let (q, r) =
        hall_response(&[("kiosk_ease", Answer::NotApplicable), ("kiosk_fit", Answer::NotApplicable)]);
    let t = WeightTree::equal(&q).unwrap();
    assert_eq!(scored(&q, &t, &r, Renormalisation::Global).composite, None);
    assert_eq!(scored(&q, &t, &r, Renormalisation::WithinDimension).composite, None);
}

#[test]
fn stated_checklist_weights_red_line_and_curve() {
    let q = Builtin::Evaluation.questionnaire();
    let t = WeightTree::stated(&q).unwrap();
    let dims: Vec<f64> = t.dimensions.iter().map(|d| d.weight).collect();
    assert_eq!(dims, [0.15, 0.15, 0.30, 0.25, 0.15]);
    let mut r = Response::start(
        Uuid::from_u128(2),
        &q,
        Channel::Evaluation,
        Default::default(),
        at("2026-11-02T10:00:00+08:00"),
    );
    for id in ["signage", "clean", "amenities", "disclosure", "uniform", "tidy", "posture"] {
        r.answer(&q, id, Answer::Yes).unwrap();
    }
    r.answer(&q, "terminals", Answer::NotApplicable).unwrap();
    for id in ["greets_first", "polite_language", "first_contact", "tell_once", "no_buck_passing"] {
        r.answer(&q, id, Answer::Yes).unwrap();
    }
    r.answer(&q, "sing_receipt", Answer::No).unwrap();
    for id in ["fluent", "accurate"] {
        r.answer(&q, id, Answer::Yes).unwrap();
    }
    r.answer(&q, "within_pledge", Answer::No).unwrap();
    r.answer(&q, "wait_minutes", Answer::Number(30.0)).unwrap(); // halfway from 20 to 40: 50
    r.answer(&q, "handling_minutes", Answer::Number(10.0)).unwrap(); // under 15: 100
                                                                     // Sections: environment 4/4 yes = 100 (terminals N/A), appearance 100, conduct 5 of 6 = 83.3…,
                                                                     // competence 2 of 3 = 66.6…, efficiency (50 + 100)/2 = 75.
                                                                     // Visit: .15·100 + .15·100 + .30·(500/6) + .25·(200/3) + .15·75 = 15 + 15 + 25 + 16.6… + 11.25
    let expect = 15.0 + 15.0 + 25.0 + 50.0 / 3.0 + 11.25;
    let visit = scored(&q, &t, &r, Renormalisation::WithinDimension).composite.unwrap();
    assert!((visit - expect).abs() < 1e-12, "{visit} vs {expect}");
    // A red line scores the visit 0 and is named.
    r.answer(&q, "quarrel", Answer::Yes).unwrap();
    let s = scored(&q, &t, &r, Renormalisation::WithinDimension);
    assert_eq!(s.composite, Some(0.0));
    assert_eq!(s.red_lines, [ItemId::new("quarrel")]);
}

#[test]
fn item_weights_become_a_tree() {
    let q = Builtin::Callback.questionnaire();
    let t = WeightTree::equal(&q).unwrap().with_item_weights(&[2.0, 1.0, 1.0]).unwrap();
    assert_eq!(t.item_products(), [0.5, 0.25, 0.25]);
    assert!(WeightTree::equal(&q).unwrap().with_item_weights(&[1.0, 1.0]).is_err());
    assert!(WeightTree::equal(&q).unwrap().with_item_weights(&[0.0, 0.0, 0.0]).is_err());
    assert!(WeightTree::equal(&q).unwrap().with_item_weights(&[1.0, -1.0, 1.0]).is_err());
}

#[test]
fn flat_tree() {
    let ids: Vec<ItemId> = ["a", "b"].iter().map(|s| ItemId::new(*s)).collect();
    let t = WeightTree::flat(&ids, &[3.0, 1.0]).unwrap();
    // (3·80 + 1·40)/4 = 70; with b missing, 80.
    assert_eq!(t.composite(&[Some(80.0), Some(40.0)], Renormalisation::Global), Some(70.0));
    assert_eq!(t.composite(&[Some(80.0), None], Renormalisation::Global), Some(80.0));
}
