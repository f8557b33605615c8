//! Synthetic answers to the Kano study (DOMAIN.md §2.4).
//!
//! Each feature has a propensity for each category (A, O, M, I, R, Q); a respondent first draws
//! a category, then an answer pair that the standard evaluation table maps to it, favouring the
//! typical pair (A: like/neutral, M: expect/dislike, I: neutral/neutral …). Business customers
//! value a named account manager and energy advice more than residents do.

use super::rng::Rng;
use super::site::{business, kiosk_class, place, Period};
use crate::questionnaire::item::ItemId;
use crate::questionnaire::QuestionnaireRef;
use crate::response::answer::{Answer, KanoPairAnswer};
use crate::response::tags::CustomerClass;
use crate::response::{Channel, Response, ResponseId, Status};
use crate::scoring::kano::KanoAnswer;
use chrono::Duration;
use std::collections::BTreeMap;

/// A feature and its propensities in the order A, O, M, I, R, Q.
struct Feature {
    id: &'static str,
    propensity: [f64; 6],
}

const FEATURES: [Feature; 10] = [
    Feature { id: "online_application", propensity: [0.40, 0.20, 0.08, 0.26, 0.03, 0.03] },
    Feature { id: "outage_sms", propensity: [0.08, 0.30, 0.45, 0.13, 0.02, 0.02] },
    Feature { id: "account_manager", propensity: [0.28, 0.12, 0.08, 0.42, 0.07, 0.03] },
    Feature { id: "e_invoice", propensity: [0.22, 0.42, 0.15, 0.17, 0.02, 0.02] },
    Feature { id: "extended_hours", propensity: [0.36, 0.28, 0.10, 0.22, 0.02, 0.02] },
    Feature { id: "home_visit", propensity: [0.30, 0.10, 0.05, 0.47, 0.05, 0.03] },
    Feature { id: "personalised_bill", propensity: [0.20, 0.12, 0.05, 0.50, 0.10, 0.03] },
    Feature { id: "energy_advice", propensity: [0.40, 0.12, 0.04, 0.38, 0.04, 0.02] },
    Feature { id: "repair_tracking", propensity: [0.20, 0.38, 0.30, 0.10, 0.01, 0.01] },
    Feature { id: "self_service_24h", propensity: [0.15, 0.34, 0.36, 0.13, 0.01, 0.01] },
];

/// The answer pairs of each category under the standard table, with how typical each is.
fn pairs_of(category: usize) -> &'static [(u8, u8, f64)] {
    match category {
        0 => &[(1, 3, 0.6), (1, 4, 0.3), (1, 2, 0.1)],   // A
        1 => &[(1, 5, 1.0)],                             // O
        2 => &[(2, 5, 0.6), (3, 5, 0.25), (4, 5, 0.15)], // M
        3 => &[(3, 3, 0.5), (2, 3, 0.15), (3, 4, 0.15), (2, 4, 0.1), (4, 3, 0.1)], // I
        4 => &[(5, 1, 0.4), (3, 1, 0.3), (5, 3, 0.3)],   // R
        _ => &[(1, 1, 0.5), (5, 5, 0.5)],                // Q
    }
}

fn answer(code: u8) -> KanoAnswer {
    KanoAnswer::ALL[usize::from(code) - 1]
}

/// Ids made once, cloned per response.
pub(super) struct KanoIds(Vec<ItemId>);

impl KanoIds {
    pub fn new() -> Self {
        KanoIds(FEATURES.iter().map(|f| ItemId::from(f.id)).collect())
    }
}

/// One synthetic Kano response, collected on a hall tablet.
pub(super) fn response(rng: &mut Rng, ids: &KanoIds, q: &QuestionnaireRef, period: &Period) -> Response {
    let id = ResponseId(rng.uuid());
    let mut place = place(rng);
    let (business_type, _) = business(rng);
    let class = kiosk_class(rng);
    place.tags.business_type = Some(business_type);
    place.tags.customer_class = Some(class);
    let when = period.draw(rng, 8 * 60 + 30, 17 * 60 + 30);
    let mut answers = BTreeMap::new();
    for (feature, item) in FEATURES.iter().zip(&ids.0) {
        let mut p = feature.propensity;
        if class == CustomerClass::Business && matches!(feature.id, "account_manager" | "energy_advice") {
            p[0] += 0.2; // more attractive to businesses
        }
        let pairs = pairs_of(rng.weighted(&p));
        let weights: Vec<f64> = pairs.iter().map(|p| p.2).collect();
        let (f, d, _) = pairs[rng.weighted(&weights)];
        answers.insert(
            item.clone(),
            Answer::Kano(KanoPairAnswer { functional: answer(f), dysfunctional: answer(d) }),
        );
    }
    Response {
        id,
        questionnaire: q.clone(),
        channel: Channel::Hall,
        status: Status::Complete,
        tags: place.tags,
        started_at: when.at,
        submitted_at: Some(when.at + Duration::seconds(rng.between(60, 240))),
        answers,
        notes: BTreeMap::new(),
        disposition: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::kano::{EvaluationTable, KanoCategory};

    #[test]
    fn every_pair_lands_in_its_category() {
        let order = [
            KanoCategory::A,
            KanoCategory::O,
            KanoCategory::M,
            KanoCategory::I,
            KanoCategory::R,
            KanoCategory::Q,
        ];
        for (k, category) in order.iter().enumerate() {
            for (f, d, _) in pairs_of(k) {
                assert_eq!(EvaluationTable::Standard.classify(answer(*f), answer(*d)), *category, "{f}/{d}");
            }
        }
    }
}
