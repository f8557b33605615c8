//! Builders of questionnaires' responses for the unit tests.

use crate::questionnaire::builtin::Builtin;
use crate::questionnaire::item::ChoiceCode;
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::tags::TagKey;
use crate::response::{Channel, Response};
use chrono::{DateTime, FixedOffset};

/// A timestamp from RFC 3339 text.
pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// A complete hall response number `n` in `hall`, every scale item rated `rating`, the self-service
/// items N/A, `overall` as given.
pub fn hall_response(q: &Questionnaire, n: u128, hall: &str, rating: i32, overall: i32) -> Response {
    let mut r = Response::start(
        uuid::Uuid::from_u128(n),
        q,
        Channel::Hall,
        Default::default(),
        at("2026-11-02T09:00:00+08:00"),
    );
    TagKey::Hall.set(&mut r.tags, hall).unwrap();
    r.answer(q, "business", Answer::Choice(ChoiceCode::new("payment"))).unwrap();
    r.answer(q, "customer_class", Answer::Choice(ChoiceCode::new("residential"))).unwrap();
    for id in
        ["guide", "wait", "queue_fair", "courtesy", "speed", "right_first_time", "explained", "environment"]
    {
        r.answer(q, id, Answer::Rating(rating)).unwrap();
    }
    for id in ["kiosk_ease", "kiosk_fit"] {
        r.answer(q, id, Answer::NotApplicable).unwrap();
    }
    r.answer(q, "overall", Answer::Rating(overall)).unwrap();
    r.submit(q, at("2026-11-02T09:01:00+08:00")).unwrap();
    r
}

/// The built-in hall questionnaire.
pub fn hall() -> Questionnaire {
    Builtin::Hall.questionnaire()
}
