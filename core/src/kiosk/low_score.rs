//! The low-score rule of any kiosk questionnaire (DOMAIN.md §2.1): a low answer to the item the
//! questionnaire marks as overall (`scoring.overall`), on that item's own scale, with consent and
//! a phone number, is queued for a call-back; without them it is only flagged. A questionnaire
//! that marks no overall item has no low-score rule (the staff screen says so).
//!
//! The staff's threshold is a point of the overall item's scale. A threshold that is not below
//! the scale's top (or is under its bottom) is replaced by the scale's default: the bottom
//! quarter, i.e. a point whose 0–100 rescaled score is at most 25 — `min + ⌊(max − min) / 4⌋`,
//! which is 2 on 1–5 (DOMAIN.md's "≤ 2"), 2 on 0–10, 3 on 1–10, 25 on 0–100.
//!
//! The call-back question is recognised by its shape, whatever the ids: a phone-number text item
//! shown only on "yes" to a yes/no item (the consent), as the built-in hall questionnaire and
//! the editor's template ask it.

use super::summary::FollowUp;
use crate::callback::case::Case;
use crate::callback::kiosk_visit::KioskVisit;
use crate::callback::recovery::recovery_case;
use crate::questionnaire::condition::Condition;
use crate::questionnaire::item::{ItemId, ItemKind, TextFormat};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::{Response, Status};
use crate::text::Text;

/// The consent question and the phone number it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallBackItems {
    /// The yes/no "may we call you back?".
    pub consent: ItemId,
    /// The phone number, shown on yes.
    pub phone: ItemId,
}

/// The low-score rule of one questionnaire at the staff's threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LowScoreRule {
    /// The overall item.
    pub overall: ItemId,
    /// Its scale's lowest point.
    pub min: i32,
    /// Its scale's highest point.
    pub max: i32,
    /// An answer at or below this point is a low score.
    pub threshold: i32,
    /// The call-back question, if the questionnaire asks it.
    pub call_back: Option<CallBackItems>,
}

/// The scale's default threshold: its bottom quarter (see the module's documentation).
pub fn default_threshold(min: i32, max: i32) -> i32 {
    min + (max - min).max(0) / 4
}

/// The call-back question of `q`: a phone-number text item shown on "yes" to a yes/no item
/// (alone, or among the conditions that must all hold).
pub fn call_back_items(q: &Questionnaire) -> Option<CallBackItems> {
    let consent_of = |c: &Condition| -> Option<ItemId> {
        let yes = |c: &Condition| match c {
            Condition::Yes { item } if matches!(q.item(item.as_str())?.kind, ItemKind::YesNo { .. }) => {
                Some(item.clone())
            }
            _ => None,
        };
        match c {
            Condition::All { all } => all.iter().find_map(yes),
            other => yes(other),
        }
    };
    q.items.iter().find_map(|item| match (&item.kind, &item.show_if) {
        (ItemKind::Text { format: TextFormat::Phone, .. }, Some(c)) => {
            consent_of(c).map(|consent| CallBackItems { consent, phone: item.id.clone() })
        }
        _ => None,
    })
}

impl LowScoreRule {
    /// The rule of `q` at the staff's `threshold`; `None` when `q` marks no overall item (or
    /// its overall item has no scale).
    pub fn of(q: &Questionnaire, threshold: i32) -> Option<LowScoreRule> {
        let overall = q.item(q.scoring.overall.as_ref()?.as_str())?;
        let points = q.rating_points(overall)?;
        let (min, max) = (*points.start(), *points.end());
        let threshold = if (min..max).contains(&threshold) { threshold } else { default_threshold(min, max) };
        Some(LowScoreRule { overall: overall.id.clone(), min, max, threshold, call_back: call_back_items(q) })
    }

    /// The rule of the built-in hall questionnaire's ids (`overall` on 1–5, `callback_consent`,
    /// `phone`), for records whose questionnaire is not at hand.
    pub fn hall(threshold: i32) -> LowScoreRule {
        LowScoreRule {
            overall: ItemId::new("overall"),
            min: 1,
            max: 5,
            threshold,
            call_back: Some(CallBackItems {
                consent: ItemId::new("callback_consent"),
                phone: ItemId::new("phone"),
            }),
        }
    }

    /// The low overall answer of a closed response, if it is one.
    pub fn low(&self, r: &Response) -> Option<i32> {
        if r.status == Status::Draft {
            return None;
        }
        match r.answers.get(&self.overall) {
            Some(Answer::Rating(x)) if *x <= self.threshold => Some(*x),
            _ => None,
        }
    }

    /// The phone number of a response that consented to a call-back.
    fn consented_phone(&self, r: &Response) -> Option<String> {
        let items = self.call_back.as_ref()?;
        if r.answers.get(&items.consent) != Some(&Answer::Yes) {
            return None;
        }
        match r.answers.get(&items.phone) {
            Some(Answer::Text(p)) if !p.trim().is_empty() => Some(p.trim().to_owned()),
            _ => None,
        }
    }

    /// The service-recovery case of a closed response with a low score, consent and a number;
    /// with `q` (the questionnaire answered), what the customer said names the items by their
    /// texts.
    pub fn case(&self, r: &Response, q: Option<&Questionnaire>) -> Option<Case> {
        let overall = self.low(r)?;
        let phone = self.consented_phone(r)?;
        Some(recovery_case(r, overall, phone, KioskVisit::of(r, self, q)))
    }

    /// What a closed response's low score leads to; `None` for drafts and for scores above it.
    pub fn follow_up(&self, r: &Response) -> Option<FollowUp> {
        self.low(r)?;
        Some(if self.consented_phone(r).is_some() { FollowUp::Queued } else { FollowUp::Flagged })
    }

    /// The rule in words for the staff screen: `overall ≤ 2 (1–5)`, and the call-back items.
    pub fn describe(&self) -> Text {
        let (min, max, t, o) = (self.min, self.max, self.threshold, &self.overall);
        let (zh, en) = match &self.call_back {
            Some(c) => (
                format!("；同意回访（`{}`）并留电话（`{}`）则转回访", c.consent, c.phone),
                format!(
                    "; with consent (`{}`) and a number (`{}`) queued for a call-back",
                    c.consent, c.phone
                ),
            ),
            None => (
                "；问卷不问回访意愿，低分只标记".to_owned(),
                "; no call-back question: low scores are only flagged".to_owned(),
            ),
        };
        Text::new(
            format!("低分：总体题 `{o}` ≤ {t}（量表 {min}–{max}）{zh}"),
            format!("Low score: overall item `{o}` ≤ {t} (scale {min}–{max}){en}"),
        )
    }
}

/// The staff screen's words when `q` marks no overall item.
pub fn no_rule_text() -> Text {
    Text::new(
        "本问卷没有指定总体满意度题，因此没有低分规则：不标记低分，也不转回访",
        "This questionnaire marks no overall item, so it has no low-score rule: nothing is flagged or queued for a call-back",
    )
}

/// Why `threshold` is not a threshold of `q`'s overall scale (it must be from its lowest point to
/// one below its highest); `None` when it is, or when `q` has no overall item.
pub fn threshold_problem(q: &Questionnaire, threshold: i32) -> Option<Text> {
    let overall = q.item(q.scoring.overall.as_ref()?.as_str())?;
    let points = q.rating_points(overall)?;
    let (min, max) = (*points.start(), *points.end());
    (!(min..max).contains(&threshold)).then(|| {
        Text::new(
            format!("低分线须在 {min} 到 {} 之间（总体题量表 {min}–{max}）", max - 1),
            format!(
                "the low-score threshold must be {min} to {} (the overall scale is {min}–{max})",
                max - 1
            ),
        )
    })
}

#[cfg(test)]
mod tests;
