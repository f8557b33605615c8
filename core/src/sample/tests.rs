//! The generator against what it promises: determinism, validity, rates and the roles it sets.

use super::*;
use crate::dataset::{Dataset, Filter};
use crate::response::answer::Answer;
use crate::response::tags::TagKey;
use crate::response::Status;
use crate::scoring::drivers::{Missing, PenaltyRewardOptions, QualityCategory};
use crate::scoring::kano::KanoOptions;
use std::collections::BTreeSet;

fn options(count: usize, seed: u64) -> SampleOptions {
    SampleOptions { count, seed, ..SampleOptions::default() }
}

#[test]
fn same_seed_same_bytes_other_seed_other_data() {
    for kind in [SampleKind::Hall, SampleKind::Kano, SampleKind::Callback] {
        let a = sample_bundle(kind, &options(300, 11)).to_json();
        assert_eq!(a, sample_bundle(kind, &options(300, 11)).to_json(), "{kind:?}");
        assert_ne!(a, sample_bundle(kind, &options(300, 12)).to_json(), "{kind:?}");
    }
}

#[test]
fn every_sample_reads_back_and_validates() {
    for kind in [SampleKind::Hall, SampleKind::Kano, SampleKind::Callback] {
        let json = sample_bundle(kind, &options(2000, 3)).to_json();
        let b = Bundle::from_json(&json, "sample.json", &[]).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert_eq!(b.responses.len(), 2000);
        let ids: BTreeSet<_> = b.responses.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), 2000, "UUIDs are unique");
        assert!(b.responses.iter().all(|r| r.id.0.get_version_num() == 4));
    }
}

#[test]
fn samples_of_two_kinds_with_one_seed_share_no_uuid() {
    // Each kind draws its first UUID first from the same stream: without a salt per kind the
    // first responses of every kind would share one.
    let ids = |kind| -> BTreeSet<_> { sample(kind, &options(400, 4)).into_iter().map(|r| r.id).collect() };
    let (hall, kano, callback) = (ids(SampleKind::Hall), ids(SampleKind::Kano), ids(SampleKind::Callback));
    assert_eq!(hall.intersection(&kano).count(), 0);
    assert_eq!(hall.intersection(&callback).count(), 0);
    assert_eq!(kano.intersection(&callback).count(), 0);
    for r in sample(SampleKind::Kano, &options(50, 4)) {
        assert_eq!((r.id.0.get_version_num(), r.id.0.get_variant()), (4, uuid::Variant::RFC4122));
    }
}

fn rated(r: &Response, id: &str) -> Option<f64> {
    match r.answers.get(id) {
        Some(Answer::Rating(x)) => Some(f64::from(*x)),
        _ => None,
    }
}

#[test]
fn hall_rates_spread_and_correlation() {
    let rs = sample(SampleKind::Hall, &options(20_000, 5));
    let complete: Vec<&Response> = rs.iter().filter(|r| r.status == Status::Complete).collect();
    let break_offs = rs.len() - complete.len();
    assert!((400..800).contains(&break_offs), "about 3 % break-offs: {break_offs}");
    // Kiosk N/A: 0.34 · 0.4 + 0.66 · 0.67 ≈ 0.58 of customers did not use the terminals.
    let na = complete.iter().filter(|r| r.answers.get("kiosk_ease") == Some(&Answer::NotApplicable)).count();
    let rate = na as f64 / complete.len() as f64;
    assert!((0.52..0.64).contains(&rate), "kiosk N/A rate {rate}");
    // overall against the mean of the rated items: positively and clearly, not perfectly.
    let pairs: Vec<(f64, f64)> = complete
        .iter()
        .map(|r| {
            let items: Vec<f64> = ["guide", "wait", "courtesy", "speed", "explained", "environment"]
                .iter()
                .filter_map(|i| rated(r, i))
                .collect();
            (items.iter().sum::<f64>() / items.len() as f64, rated(r, "overall").unwrap())
        })
        .collect();
    let r = pearson(&pairs);
    assert!((0.4..0.85).contains(&r), "correlation with overall {r}");
    let mean_overall = pairs.iter().map(|p| p.1).sum::<f64>() / pairs.len() as f64;
    assert!((3.6..4.5).contains(&mean_overall), "mean overall {mean_overall}");
    // Tags spread over six halls, their counters and staff, six months and every business type.
    let distinct = |key: &dyn Fn(&Response) -> Option<String>| {
        complete.iter().map(|r| key(r)).collect::<BTreeSet<_>>().len()
    };
    assert_eq!(distinct(&|r| TagKey::Hall.get(&r.tags)), 6);
    assert_eq!(distinct(&|r| r.submitted_at.map(|t| t.format("%Y-%m").to_string())), 6);
    assert_eq!(distinct(&|r| TagKey::BusinessType.get(&r.tags)), 7);
    assert_eq!(distinct(&|r| TagKey::CustomerClass.get(&r.tags)), 3);
    assert!(distinct(&|r| TagKey::Staff.get(&r.tags)) > 40);
}

fn pearson(xy: &[(f64, f64)]) -> f64 {
    let n = xy.len() as f64;
    let (mx, my) = (xy.iter().map(|p| p.0).sum::<f64>() / n, xy.iter().map(|p| p.1).sum::<f64>() / n);
    let sxy: f64 = xy.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = xy.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let syy: f64 = xy.iter().map(|p| (p.1 - my).powi(2)).sum();
    sxy / (sxx * syy).sqrt()
}

#[test]
fn penalty_reward_recovers_the_roles_set() {
    let q = Builtin::Hall.questionnaire();
    let rs = sample(SampleKind::Hall, &options(20_000, 33));
    let pr = PenaltyRewardOptions { missing: Missing::AsMiddle, ..PenaltyRewardOptions::default() };
    let rows = Dataset::from_responses(&q, &rs).drivers(&pr, false, &Filter::default()).unwrap();
    let category = |item: &str| rows.iter().find(|r| r.item == item).unwrap().category;
    for basic in ["wait", "queue_fair", "right_first_time"] {
        assert_eq!(category(basic), QualityCategory::Basic, "{basic}");
    }
    for excitement in ["explained", "environment"] {
        assert_eq!(category(excitement), QualityCategory::Excitement, "{excitement}");
    }
    for performance in ["courtesy", "speed"] {
        assert_eq!(category(performance), QualityCategory::Performance, "{performance}");
    }
}

#[test]
fn kano_classes_follow_the_propensities() {
    let q = Builtin::Kano.questionnaire();
    let rs = sample(SampleKind::Kano, &options(3000, 4));
    let results =
        Dataset::from_responses(&q, &rs).kano(&KanoOptions::default(), false, &Filter::default()).unwrap();
    let class = |id: &str| results.iter().find(|r| r.0 == id).unwrap().1.category.to_string();
    assert_eq!(class("online_application"), "A");
    assert_eq!(class("outage_sms"), "M");
    assert_eq!(class("e_invoice"), "O");
    assert_eq!(class("personalised_bill"), "I");
}

#[test]
fn callback_interviews_carry_agent_and_disposition() {
    let rs = sample(SampleKind::Callback, &options(1000, 2));
    assert!(rs.iter().all(|r| r.tags.interviewer.is_some() && r.disposition.is_some()));
    let unresolved = rs.iter().filter(|r| r.answers.get("resolved") == Some(&Answer::No)).count();
    assert!((60..200).contains(&unresolved), "{unresolved}");
}
