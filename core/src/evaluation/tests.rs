use super::compare::compare_visits;
use super::*;
use crate::questionnaire::builtin::Builtin;
use crate::response::answer::Answer;
use crate::response::tags::TagKey;
use crate::response::Channel;
use crate::testing::at;

const CHECKS: [&str; 17] = [
    "signage",
    "clean",
    "amenities",
    "terminals",
    "disclosure",
    "uniform",
    "tidy",
    "posture",
    "greets_first",
    "polite_language",
    "first_contact",
    "tell_once",
    "sing_receipt",
    "no_buck_passing",
    "fluent",
    "accurate",
    "within_pledge",
];

/// A visit by `evaluator`: every check yes unless listed in `other`, the stopwatch minutes, no red line.
fn visit(
    n: u128,
    evaluator: &str,
    other: &[(&str, Answer)],
    wait: f64,
    handling: f64,
) -> (Questionnaire, Response) {
    let q = Builtin::Evaluation.questionnaire();
    let mut r = Response::start(
        uuid::Uuid::from_u128(n),
        &q,
        Channel::Evaluation,
        Default::default(),
        at("2026-11-20T10:00:00+08:00"),
    );
    TagKey::Interviewer.set(&mut r.tags, evaluator).unwrap();
    TagKey::Hall.set(&mut r.tags, "城东营业厅").unwrap();
    for id in CHECKS {
        let a = other.iter().find(|(i, _)| *i == id).map_or(Answer::Yes, |(_, a)| a.clone());
        r.answer(&q, id, a).unwrap();
    }
    r.answer(&q, "wait_minutes", Answer::Number(wait)).unwrap();
    r.answer(&q, "handling_minutes", Answer::Number(handling)).unwrap();
    for id in ["quarrel", "unapproved_fees", "three_designations"] {
        r.answer(&q, id, Answer::No).unwrap();
    }
    (q, r)
}

fn first() -> (Questionnaire, Response) {
    use Answer::*;
    visit(1, "E1", &[("terminals", NotApplicable), ("sing_receipt", No), ("within_pledge", No)], 30.0, 10.0)
}

fn second() -> (Questionnaire, Response) {
    use Answer::*;
    visit(2, "E2", &[("tidy", No), ("sing_receipt", NotApplicable)], 25.0, 20.0)
}

#[test]
fn visit_scores_by_hand() {
    let (q, a) = first();
    let s = score_visit(&q, &a).unwrap();
    // Sections: environment 4/4 (terminals N/A) = 100, appearance 100, conduct 5/6, competence 2/3,
    // efficiency (wait 30 → 50, handling 10 → 100) = 75. Total .15·100 + .15·100 + .30·500/6 + .25·200/3 + .15·75.
    let expect = 15.0 + 15.0 + 25.0 + 50.0 / 3.0 + 11.25;
    assert!((s.total.unwrap() - expect).abs() < 1e-12);
    let (q, b) = second();
    let s = score_visit(&q, &b).unwrap();
    // environment 100, appearance 2/3, conduct 5/5 (sing_receipt N/A), competence 100, efficiency:
    // wait 25 → 100·(1 − 5/20) = 75, handling 20 → 100·(1 − 5/30) = 83.33…, mean 79.166…
    let eff = (75.0 + 250.0 / 3.0) / 2.0;
    let expect = 15.0 + 0.15 * 200.0 / 3.0 + 30.0 + 25.0 + 0.15 * eff;
    assert!((s.total.unwrap() - expect).abs() < 1e-12, "{:?}", s.total);
    assert!((s.sections[4].1.unwrap() - eff).abs() < 1e-12);
}

#[test]
fn a_red_line_scores_zero() {
    let (q, mut a) = first();
    a.answer(&q, "unapproved_fees", Answer::Yes).unwrap();
    let s = score_visit(&q, &a).unwrap();
    assert_eq!(s.total, Some(0.0));
    assert_eq!(s.red_lines, [ItemId::new("unapproved_fees")]);
    assert_eq!(s.sections[0].1, Some(100.0), "section scores stay as observed");
}

#[test]
fn two_evaluators_side_by_side() {
    let (q, a) = first();
    let (_, mut b) = second();
    b.notes.insert(ItemId::new("tidy"), "工牌未佩戴整齐".into());
    let c = compare_visits(&q, &[&a, &b], 10.0).unwrap();
    assert_eq!(c.visits.iter().map(|v| v.evaluator.as_deref()).collect::<Vec<_>>(), [Some("E1"), Some("E2")]);
    // Appearance 100 vs 66.6…: spread 33.3…
    assert!((c.sections[1].spread - 100.0 / 3.0).abs() < 1e-12);
    let items: Vec<&str> = c.disagreements.iter().map(|d| d.item.as_str()).collect();
    // wait 50 vs 75 (25 apart), handling 100 vs 83.3 (16.7 apart): both beyond 10 points.
    assert_eq!(
        items,
        ["terminals", "tidy", "sing_receipt", "within_pledge", "wait_minutes", "handling_minutes"]
    );
    let tidy = &c.disagreements[1];
    assert_eq!(tidy.answers, ["yes", "no"]);
    assert_eq!(tidy.notes, ["", "工牌未佩戴整齐"]);
    // With 20 points of tolerance the handling times agree.
    let c = compare_visits(&q, &[&a, &b], 20.0).unwrap();
    assert!(!c.disagreements.iter().any(|d| d.item.as_str() == "handling_minutes"));
    // One visit disagrees with nobody.
    assert!(compare_visits(&q, &[&a], 0.0).unwrap().disagreements.is_empty());
}

#[test]
fn visits_group_by_hall_and_checklist_version_in_visit_order() {
    use super::visits::visit_groups;
    let (q, mut a) = first();
    let (_, mut b) = second();
    let (_, mut c) = visit(3, "E3", &[], 10.0, 10.0);
    let (_, draft) = visit(4, "E4", &[], 10.0, 10.0);
    for r in [&mut a, &mut b, &mut c] {
        r.submit(&q, at("2026-11-20T12:00:00+08:00")).unwrap();
    }
    b.started_at = at("2026-11-20T09:00:00+08:00");
    TagKey::Hall.set(&mut c.tags, "城西营业厅").unwrap();
    let hall = crate::testing::hall_response(&crate::testing::hall(), 5, "城东营业厅", 4, 4);
    let all = [a, b, c, draft, hall];
    let groups = visit_groups(&all, |r| r.id.as_str() == "evaluation");
    let got: Vec<(&str, Vec<u128>)> = groups
        .iter()
        .map(|g| (g.hall.as_str(), g.visits.iter().map(|r| r.id.0.as_u128()).collect()))
        .collect();
    // 城东 sorts before 城西; in 城东, E2 visited at 9:00, before E1 at 10:00; the draft and the
    // hall survey are not visits.
    assert_eq!(got, [("城东营业厅", vec![2, 1]), ("城西营业厅", vec![3])]);
}
