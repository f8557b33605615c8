//! Synthetic callback interviews (DOMAIN.md §2.2): a ticket type, whether it was resolved, three
//! ratings and `overall`, entered by one of eight agents during calling hours.
//!
//! An unresolved ticket lowers every rating. `timeliness` is basic for repairs (a slow repair
//! costs, a fast one is expected), `attitude` performance, `informed` excitement.

use super::rng::Rng;
use super::site::{place, Period};
use crate::questionnaire::item::ItemId;
use crate::questionnaire::QuestionnaireRef;
use crate::response::answer::Answer;
use crate::response::disposition::Disposition;
use crate::response::tags::{BusinessType, CustomerClass, TagValue};
use crate::response::{Channel, Response, ResponseId, Status};
use chrono::Duration;
use std::collections::BTreeMap;

const TICKETS: [(BusinessType, f64, f64, f64); 5] = [
    // type, share, probability resolved, latent effect
    (BusinessType::NewConnection, 0.20, 0.80, -0.2),
    (BusinessType::Repair, 0.35, 0.92, 0.1),
    (BusinessType::Complaint, 0.10, 0.65, -0.6),
    (BusinessType::Payment, 0.15, 0.97, 0.2),
    (BusinessType::Inquiry, 0.20, 0.90, 0.1),
];

const CLASSES: [(CustomerClass, f64); 5] = [
    (CustomerClass::Residential, 0.70),
    (CustomerClass::SmallMedium, 0.18),
    (CustomerClass::LargeIndustrial, 0.04),
    (CustomerClass::Important, 0.03),
    (CustomerClass::Agricultural, 0.05),
];

/// (item, level, penalty, reward) on `overall`.
const ITEMS: [(&str, f64, f64, f64); 3] =
    [("timeliness", -0.1, 0.5, 0.0), ("attitude", 0.3, 0.4, 0.3), ("informed", -0.3, 0.0, 0.35)];

const CUTS: [f64; 4] = [-2.1, -1.4, -0.6, 0.3];

/// Ids made once, cloned per response.
pub(super) struct CallbackIds {
    resolved: ItemId,
    items: Vec<ItemId>,
    overall: ItemId,
}

impl CallbackIds {
    pub fn new() -> Self {
        CallbackIds {
            resolved: "resolved".into(),
            items: ITEMS.iter().map(|i| ItemId::from(i.0)).collect(),
            overall: "overall".into(),
        }
    }
}

/// One synthetic callback interview.
pub(super) fn response(rng: &mut Rng, ids: &CallbackIds, q: &QuestionnaireRef, period: &Period) -> Response {
    let id = ResponseId(rng.uuid());
    // The hall that handled the ticket; the callback itself is made by an agent, not at a counter.
    let mut tags = place(rng).tags;
    tags.counter = None;
    tags.staff = None;
    tags.device = None;
    tags.interviewer = Some(TagValue::new(format!("HF{:02}", 1 + rng.below(8))));
    let (ticket, _, p_resolved, effect) = TICKETS[rng.weighted(&TICKETS.map(|t| t.1))];
    tags.business_type = Some(ticket);
    tags.customer_class = Some(CLASSES[rng.weighted(&CLASSES.map(|c| c.1))].0);
    // Calling hours 09:00–18:00.
    let when = period.draw(rng, 9 * 60, 18 * 60);
    let resolved = rng.chance(p_resolved);
    let latent = 0.8 * rng.normal() + effect + if resolved { 0.0 } else { -1.2 };

    let mut answers = BTreeMap::new();
    answers.insert(ids.resolved.clone(), if resolved { Answer::Yes } else { Answer::No });
    let mut y = 3.8 + 0.5 * rng.normal() + if resolved { 0.0 } else { -0.5 };
    for ((item, level, penalty, reward), id) in ITEMS.iter().zip(&ids.items) {
        let z = level + latent + 0.7 * rng.normal();
        let x = 1 + CUTS.iter().filter(|c| z >= **c).count() as i32;
        let penalty =
            if *item == "timeliness" && ticket == BusinessType::Repair { penalty + 0.4 } else { *penalty };
        if x <= 2 {
            y -= penalty;
        } else if x == 5 {
            y += reward;
        }
        answers.insert(id.clone(), Answer::Rating(x));
    }
    answers.insert(ids.overall.clone(), Answer::Rating(((y + 0.5).floor() as i32).clamp(1, 5)));
    // 3 % hang up before the end: a partial interview, kept as a break-off.
    let partial = rng.chance(0.03);
    if partial {
        let keep = 1 + rng.below(3);
        answers.retain(|k, _| *k == ids.resolved || ids.items[..keep - 1].contains(k));
    }
    let seconds = rng.between(90, 300);
    Response {
        id,
        questionnaire: q.clone(),
        channel: Channel::Callback,
        status: if partial { Status::BreakOff } else { Status::Complete },
        tags,
        started_at: when.at,
        submitted_at: Some(when.at + Duration::seconds(seconds)),
        answers,
        notes: BTreeMap::new(),
        disposition: Some(if partial { Disposition::Partial } else { Disposition::Complete }),
    }
}
