//! The low-score rule of the built-in hall questionnaire and of authored ones with other ids and
//! scales; expected thresholds worked out by hand from the bottom-quarter rule.

use super::*;
use crate::questionnaire::item::{ItemKind, ScaleId};
use crate::response::Channel;
use crate::testing::{at, hall, hall_response};

/// The hall questionnaire rewritten as an editor would: `overall` replaced by a 0–10 item
/// `score`, the consent `may_call` and the number `tel` shown on yes and a non-empty score.
fn authored() -> Questionnaire {
    let json = hall()
        .to_json()
        .replace("\"id\": \"overall\"", "\"id\": \"score\"")
        .replace("\"overall\": \"overall\"", "\"overall\": \"score\"")
        .replace("callback_consent", "may_call");
    let json = json.replace("\"id\": \"phone\"", "\"id\": \"tel\"");
    let mut q = Questionnaire::from_json(&json, "authored").unwrap();
    q.scales.insert(
        ScaleId::new("eleven"),
        crate::questionnaire::item::RatingScale { min: 0, max: 10, labels: vec![] },
    );
    let score = q.items.iter_mut().find(|i| i.id.as_str() == "score").unwrap();
    score.kind = ItemKind::Rating { scale: ScaleId::new("eleven"), not_applicable: false };
    let tel = q.items.iter_mut().find(|i| i.id.as_str() == "tel").unwrap();
    tel.show_if = Some(Condition::All {
        all: vec![
            Condition::Answered { item: ItemId::new("score") },
            Condition::Yes { item: ItemId::new("may_call") },
        ],
    });
    q.validate().unwrap();
    q
}

/// A complete response to `q` with `overall_id` answered `overall`, consent and a number.
fn answered(
    q: &Questionnaire,
    overall_id: &str,
    overall: i32,
    consent: bool,
    phone: Option<&str>,
) -> Response {
    let mut r = Response::start(
        uuid::Uuid::from_u128(7),
        q,
        Channel::Hall,
        Default::default(),
        at("2026-11-02T09:00:00+08:00"),
    );
    for item in &q.items {
        let answer = match &item.kind {
            ItemKind::SingleChoice { options } => Answer::Choice(options[0].code.clone()),
            ItemKind::Rating { .. } if item.id.as_str() == overall_id => Answer::Rating(overall),
            ItemKind::Rating { .. } => Answer::Rating(4),
            _ => continue,
        };
        r.answer(q, item.id.as_str(), answer).unwrap();
    }
    let items = call_back_items(q).unwrap();
    r.answer(q, items.consent.as_str(), if consent { Answer::Yes } else { Answer::No }).unwrap();
    if let Some(p) = phone {
        r.answer(q, items.phone.as_str(), Answer::Text(p.into())).unwrap();
    }
    r.submit(q, at("2026-11-02T09:01:00+08:00")).unwrap();
    r
}

#[test]
fn the_bottom_quarter_of_each_scale() {
    // min + ⌊(max − min) / 4⌋: 1 + 1, 0 + 2, 1 + ⌊9/4⌋ = 1 + 2, 0 + 25, 1 + 0, 1 + 0.
    let cases = [((1, 5), 2), ((0, 10), 2), ((1, 10), 3), ((0, 100), 25), ((1, 3), 1), ((1, 2), 1)];
    for ((min, max), t) in cases {
        assert_eq!(default_threshold(min, max), t, "{min}–{max}");
    }
}

#[test]
fn the_hall_rule_is_the_built_in_one() {
    let rule = LowScoreRule::of(&hall(), 2).unwrap();
    assert_eq!(rule, LowScoreRule::hall(2));
    // 5 is the top of 1–5, so no threshold: the scale's default (2) instead.
    assert_eq!(LowScoreRule::of(&hall(), 5).unwrap().threshold, 2);
    assert_eq!(LowScoreRule::of(&hall(), 4).unwrap().threshold, 4);
    let low = hall_response(&hall(), 1, "城东", 4, 2);
    assert_eq!((rule.low(&low), rule.follow_up(&low)), (Some(2), Some(FollowUp::Flagged)));
    assert!(rule.describe().zh.contains("`overall` ≤ 2（量表 1–5）"), "{:?}", rule.describe());
    assert!(rule.describe().en.contains("`callback_consent`"));
}

#[test]
fn an_authored_questionnaire_by_its_own_ids_and_scale() {
    let q = authored();
    let rule = LowScoreRule::of(&q, 2).unwrap();
    assert_eq!((rule.overall.as_str(), rule.min, rule.max, rule.threshold), ("score", 0, 10, 2));
    assert_eq!(
        rule.call_back,
        Some(CallBackItems { consent: ItemId::new("may_call"), phone: ItemId::new("tel") })
    );
    let queued = answered(&q, "score", 1, true, Some("13812345678"));
    assert_eq!(rule.follow_up(&queued), Some(FollowUp::Queued));
    let case = rule.case(&queued, Some(&q)).unwrap();
    assert_eq!((case.kiosk_overall, case.phone.as_str()), (Some(1), "13812345678"));
    assert_eq!(rule.follow_up(&answered(&q, "score", 2, false, None)), Some(FollowUp::Flagged));
    assert_eq!(rule.follow_up(&answered(&q, "score", 3, true, Some("13812345678"))), None, "3 > 2");
    // 10 is the top of 0–10: the default 2; 9 is a threshold of its own.
    assert_eq!(LowScoreRule::of(&q, 10).unwrap().threshold, 2);
    assert_eq!(LowScoreRule::of(&q, 9).unwrap().threshold, 9);
    assert_eq!(threshold_problem(&q, 10).unwrap().zh, "低分线须在 0 到 9 之间（总体题量表 0–10）");
    assert_eq!(threshold_problem(&q, 0), None);
    // The built-in ids' rule finds nothing in it.
    assert_eq!(LowScoreRule::hall(2).follow_up(&queued), None);
}

#[test]
fn no_overall_item_no_rule_and_a_phone_without_consent_is_no_call_back() {
    let mut q = hall();
    q.scoring.overall = None;
    assert_eq!(LowScoreRule::of(&q, 2), None);
    assert_eq!(threshold_problem(&q, 99), None);
    assert!(no_rule_text().en.contains("marks no overall item"));
    let mut q = hall();
    q.items.iter_mut().find(|i| i.id.as_str() == "phone").unwrap().show_if = None;
    assert_eq!(call_back_items(&q), None);
    let rule = LowScoreRule::of(&q, 2).unwrap();
    assert!(rule.describe().zh.contains("低分只标记"));
}

#[test]
fn the_visit_lists_the_items_rated_low_on_their_own_scales() {
    // `score` 1 on 0–10 at the threshold 2 cuts each scale at (2 − 0) / 10 = 0.2 of its span.
    // On 1–5: 1 is (1 − 1) / 4 = 0 ≤ 0.2, low; 2 is (2 − 1) / 4 = 0.25 > 0.2, not low.
    // The overall item itself is not listed among them.
    let q = authored();
    let rule = LowScoreRule::of(&q, 2).unwrap();
    let mut r = answered(&q, "score", 1, true, Some("13812345678"));
    let ratings: Vec<ItemId> = q
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Rating { .. }) && i.id.as_str() != "score")
        .map(|i| i.id.clone())
        .collect();
    r.answers.insert(ratings[0].clone(), Answer::Rating(1));
    r.answers.insert(ratings[1].clone(), Answer::Rating(2));
    let visit = rule.case(&r, Some(&q)).unwrap().kiosk.unwrap();
    let low: Vec<(&str, i32)> = visit.low.iter().map(|l| (l.item.as_str(), l.rating)).collect();
    assert_eq!(low, vec![(ratings[0].as_str(), 1)]);
    assert_eq!(visit.low[0].text.as_ref(), Some(&q.item(ratings[0].as_str()).unwrap().text));
}
