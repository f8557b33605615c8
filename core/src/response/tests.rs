use super::*;
use crate::questionnaire::builtin::Builtin;
use crate::questionnaire::item::ChoiceCode;
use crate::response::tags::{BusinessType, CustomerClass};
use chrono::DateTime;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn hall_draft() -> (Questionnaire, Response) {
    let q = Builtin::Hall.questionnaire();
    let r = Response::start(
        Uuid::from_u128(7),
        &q,
        Channel::Hall,
        Tags::default(),
        at("2026-11-02T09:30:00+08:00"),
    );
    (q, r)
}

fn complete_hall(q: &Questionnaire, r: &mut Response) {
    r.answer(q, "business", Answer::Choice(ChoiceCode::new("repair"))).unwrap();
    r.answer(q, "customer_class", Answer::Choice(ChoiceCode::new("residential"))).unwrap();
    for id in
        ["guide", "wait", "queue_fair", "courtesy", "speed", "right_first_time", "explained", "environment"]
    {
        r.answer(q, id, Answer::Rating(4)).unwrap();
    }
    for id in ["kiosk_ease", "kiosk_fit"] {
        r.answer(q, id, Answer::NotApplicable).unwrap();
    }
    r.answer(q, "overall", Answer::Rating(2)).unwrap();
}

fn reason(e: crate::Error) -> String {
    e.to_string()
}

#[test]
fn answers_that_do_not_fit_are_rejected_with_the_item_named() {
    let (q, mut r) = hall_draft();
    let e = reason(r.answer(&q, "guide", Answer::Rating(6)).unwrap_err());
    assert!(e.contains("item `guide`") && e.contains("6 is off the scale 1–5"), "{e}");
    let e = reason(r.answer(&q, "guide", Answer::NotApplicable).unwrap_err());
    assert!(e.contains("does not offer N/A"), "{e}");
    let e = reason(r.answer(&q, "business", Answer::Choice(ChoiceCode::new("refund"))).unwrap_err());
    assert!(e.contains("`refund` is not one of the options"), "{e}");
    let e = reason(r.answer(&q, "nonsense", Answer::Yes).unwrap_err());
    assert!(e.contains("no such item"), "{e}");
    let e = reason(r.answer(&q, "comment", Answer::Text("好".repeat(501))).unwrap_err());
    assert!(e.contains("501 characters"), "{e}");
    assert!(r.answers.is_empty(), "a rejected answer leaves nothing behind");
}

#[test]
fn choice_items_set_their_tags() {
    let (q, mut r) = hall_draft();
    r.answer(&q, "business", Answer::Choice(ChoiceCode::new("complaint"))).unwrap();
    r.answer(&q, "customer_class", Answer::Choice(ChoiceCode::new("business"))).unwrap();
    assert_eq!(r.tags.business_type, Some(BusinessType::Complaint));
    assert_eq!(r.tags.customer_class, Some(CustomerClass::Business));
    r.answer(&q, "business", Answer::Choice(ChoiceCode::new("payment"))).unwrap();
    assert_eq!(r.tags.business_type, Some(BusinessType::Payment));
    r.clear(&q, "business").unwrap();
    assert_eq!(r.tags.business_type, None);
}

#[test]
fn hidden_items_cannot_be_answered_and_lose_their_answers() {
    let (q, mut r) = hall_draft();
    let e = reason(r.answer(&q, "phone", Answer::Text("13812345678".into())).unwrap_err());
    assert!(e.contains("not shown"), "{e}");
    r.answer(&q, "callback_consent", Answer::Yes).unwrap();
    r.answer(&q, "phone", Answer::Text("13812345678".into())).unwrap();
    r.answer(&q, "callback_consent", Answer::No).unwrap();
    assert!(r.answer_of(&"phone".into()).is_none(), "withdrawing consent removes the number");
}

#[test]
fn submit_needs_every_required_shown_item() {
    let (q, mut r) = hall_draft();
    r.answer(&q, "business", Answer::Choice(ChoiceCode::new("repair"))).unwrap();
    let e = reason(r.submit(&q, at("2026-11-02T09:31:00+08:00")).unwrap_err());
    assert!(e.contains("item `customer_class`") && e.contains("required"), "{e}");
    assert_eq!(r.status, Status::Draft, "a failed submit changes nothing");
    complete_hall(&q, &mut r);
    r.submit(&q, at("2026-11-02T09:31:00+08:00")).unwrap();
    assert_eq!(r.status, Status::Complete);
    let e = reason(r.answer(&q, "overall", Answer::Rating(5)).unwrap_err());
    assert!(e.contains("already closed"), "{e}");
}

#[test]
fn break_off_keeps_the_answers() {
    let (q, mut r) = hall_draft();
    r.answer(&q, "guide", Answer::Rating(3)).unwrap();
    r.break_off(at("2026-11-02T09:32:00+08:00")).unwrap();
    assert_eq!(r.status, Status::BreakOff);
    assert_eq!(r.answers.len(), 1);
    r.validate(&q).unwrap();
}

#[test]
fn json_round_trip_and_validation_of_a_loaded_response() {
    let (q, mut r) = hall_draft();
    complete_hall(&q, &mut r);
    r.submit(&q, at("2026-11-02T09:31:10+08:00")).unwrap();
    let json = serde_json::to_string(&r).unwrap();
    let back: Response = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    assert!(json.contains(r#""started_at":"2026-11-02T09:30:00+08:00""#), "{json}");

    let mut forged = back.clone();
    forged.answers.insert(ItemId::new("phone"), Answer::Text("1".into()));
    let e = reason(forged.validate(&q).unwrap_err());
    assert!(e.contains("item `phone`") && e.contains("hidden"), "{e}");

    let mut early = back;
    early.submitted_at = Some(at("2026-11-02T09:00:00+08:00"));
    assert!(reason(early.validate(&q).unwrap_err()).contains("before it was started"));
}

#[test]
fn other_version_is_rejected() {
    let (q, mut r) = hall_draft();
    r.questionnaire.version = 2;
    assert!(reason(r.validate(&q).unwrap_err()).contains("hall v2, not hall v1"));
}

#[test]
fn a_call_back_number_is_checked_and_stored_in_its_plain_form() {
    let (q, mut r) = hall_draft();
    complete_hall(&q, &mut r);
    r.answer(&q, "callback_consent", Answer::Yes).unwrap();
    // DOMAIN.md §5: neither is a mainland mobile (11 digits) nor a landline with its area code.
    for bad in ["138abc", "1381234", "87654321", "95598"] {
        let e = r.answer(&q, "phone", Answer::Text(bad.into())).unwrap_err();
        assert!(matches!(&e, Error::InvalidResponse { item: Some(i), .. } if i == "phone"), "{bad}: {e}");
        assert_eq!(r.answer_of(&ItemId::new("phone")), None, "{bad} was stored");
    }
    r.answer(&q, "phone", Answer::Text("138 1234 5678".into())).unwrap();
    assert_eq!(r.answer_of(&ItemId::new("phone")), Some(&Answer::Text("13812345678".into())));
    r.answer(&q, "phone", Answer::Text("0571 8765 4321".into())).unwrap();
    assert_eq!(r.answer_of(&ItemId::new("phone")), Some(&Answer::Text("0571-87654321".into())));
}
