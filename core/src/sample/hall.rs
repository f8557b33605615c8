//! Synthetic answers to the hall questionnaire (DOMAIN.md §2.1).
//!
//! Each respondent has a latent satisfaction: hall mood + staff effect + business effect + a
//! monthly trend + personal noise. Each item's rating is the latent plus an item-specific level
//! and noise, cut into 1–5. `overall` does not read the latent directly: it is built from the
//! items through penalty–reward effects, so that an analysis recovers the roles set here —
//! `wait`, `queue_fair` and `right_first_time` are basic (only a low score costs), `explained` and
//! `environment` excitement (only a top score earns), `courtesy` and `speed` performance (both),
//! `guide` and the kiosk items indifferent. Kiosk items are N/A when the customer did not use
//! the terminals (more often for business other than payment).

use super::rng::Rng;
use super::site::{business, kiosk_class, phone, place, Period};
use crate::questionnaire::item::{ChoiceCode, ItemId};
use crate::questionnaire::QuestionnaireRef;
use crate::response::answer::Answer;
use crate::response::tags::BusinessType;
use crate::response::{Channel, Response, ResponseId, Status};
use chrono::Duration;
use std::collections::BTreeMap;

/// One scored item: id, level on the latent scale, penalty (for 1–2) and reward (for 5) on
/// `overall`.
struct Role {
    id: &'static str,
    level: f64,
    penalty: f64,
    reward: f64,
}

const ROLES: [Role; 10] = [
    Role { id: "guide", level: 0.2, penalty: 0.0, reward: 0.0 },
    Role { id: "wait", level: -0.35, penalty: 0.45, reward: 0.0 },
    Role { id: "queue_fair", level: 0.1, penalty: 0.3, reward: 0.0 },
    Role { id: "courtesy", level: 0.3, penalty: 0.3, reward: 0.25 },
    Role { id: "speed", level: -0.1, penalty: 0.3, reward: 0.2 },
    Role { id: "right_first_time", level: 0.05, penalty: 0.5, reward: 0.0 },
    Role { id: "explained", level: -0.05, penalty: 0.0, reward: 0.3 },
    Role { id: "kiosk_ease", level: 0.0, penalty: 0.0, reward: 0.0 },
    Role { id: "kiosk_fit", level: -0.15, penalty: 0.0, reward: 0.0 },
    Role { id: "environment", level: 0.25, penalty: 0.0, reward: 0.3 },
];

/// Cut points of the latent item quality into 1–5.
const CUTS: [f64; 4] = [-2.2, -1.5, -0.7, 0.2];

fn rating(z: f64) -> i32 {
    1 + CUTS.iter().filter(|c| z >= **c).count() as i32
}

const PRAISE: [&str; 6] =
    ["服务很好，谢谢！", "工作人员很耐心", "办理很快", "+1 服务态度好", "环境干净整洁", "Very helpful staff"];
const COMPLAINTS: [&str; 6] = [
    "排队时间太长",
    "=_= 等了一个多小时",
    "自助机经常坏",
    "-- 政策没讲清楚，跑了两趟",
    "窗口开得太少",
    "希望周末也能办理业务",
];

/// Ids made once, cloned per response.
pub(super) struct HallIds {
    business: ItemId,
    class: ItemId,
    items: Vec<ItemId>,
    overall: ItemId,
    comment: ItemId,
    consent: ItemId,
    phone: ItemId,
}

impl HallIds {
    pub fn new() -> Self {
        HallIds {
            business: "business".into(),
            class: "customer_class".into(),
            items: ROLES.iter().map(|r| ItemId::from(r.id)).collect(),
            overall: "overall".into(),
            comment: "comment".into(),
            consent: "callback_consent".into(),
            phone: "phone".into(),
        }
    }
}

/// One synthetic hall response.
pub(super) fn response(rng: &mut Rng, ids: &HallIds, q: &QuestionnaireRef, period: &Period) -> Response {
    let id = ResponseId(rng.uuid());
    let mut place = place(rng);
    let (business_type, business_effect) = business(rng);
    let class = kiosk_class(rng);
    place.tags.business_type = Some(business_type);
    place.tags.customer_class = Some(class);
    // Opening hours 08:30–17:30.
    let when = period.draw(rng, 8 * 60 + 30, 17 * 60 + 30);
    let latent = 0.8 * rng.normal() + place.effect + business_effect + 0.04 * f64::from(when.month);

    let mut answers = BTreeMap::new();
    answers.insert(ids.business.clone(), Answer::Choice(ChoiceCode::new(business_type.code())));
    answers.insert(ids.class.clone(), Answer::Choice(ChoiceCode::new(class.code())));
    let used_kiosk = rng.chance(if business_type == BusinessType::Payment { 0.6 } else { 0.33 });
    let mut y = 3.6 + 0.6 * rng.normal();
    for (role, item) in ROLES.iter().zip(&ids.items) {
        let answer = if role.id.starts_with("kiosk") && !used_kiosk {
            Answer::NotApplicable
        } else {
            let x = rating(role.level + latent + 0.7 * rng.normal());
            if x <= 2 {
                y -= role.penalty;
            } else if x == 5 {
                y += role.reward;
            }
            Answer::Rating(x)
        };
        answers.insert(item.clone(), answer);
    }
    let overall = ((y + 0.5).floor() as i32).clamp(1, 5);
    answers.insert(ids.overall.clone(), Answer::Rating(overall));
    if rng.chance(0.12) {
        let pool = if overall <= 3 { &COMPLAINTS } else { &PRAISE };
        answers.insert(ids.comment.clone(), Answer::Text(pool[rng.below(pool.len())].to_owned()));
    }
    // A low overall with consent puts the customer on the callback list.
    let consent = if overall <= 2 { rng.chance(0.6) } else { rng.chance(0.05) };
    if consent {
        answers.insert(ids.consent.clone(), Answer::Yes);
        answers.insert(ids.phone.clone(), Answer::Text(phone(rng)));
    } else if rng.chance(0.4) {
        answers.insert(ids.consent.clone(), Answer::No);
    }

    // 3 % walk away before the end: the kiosk closes them as break-offs after its idle timeout,
    // keeping the answers given so far (questionnaire order: business, class, the items …).
    let break_off = rng.chance(0.03);
    let seconds = if break_off { rng.between(90, 180) } else { rng.between(25, 120) };
    let status = if break_off {
        let keep = rng.below(ROLES.len() + 2);
        let order: Vec<&ItemId> = [&ids.business, &ids.class].into_iter().chain(&ids.items).collect();
        answers.retain(|k, _| order.iter().position(|o| *o == k).is_some_and(|p| p < keep));
        // The tag items set their tags only once answered.
        if keep < 1 {
            place.tags.business_type = None;
        }
        if keep < 2 {
            place.tags.customer_class = None;
        }
        Status::BreakOff
    } else {
        Status::Complete
    };
    Response {
        id,
        questionnaire: q.clone(),
        channel: Channel::Hall,
        status,
        tags: place.tags,
        started_at: when.at,
        submitted_at: Some(when.at + Duration::seconds(seconds)),
        answers,
        notes: BTreeMap::new(),
        disposition: None,
    }
}
