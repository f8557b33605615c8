//! Responses: one person's answers to one questionnaire, with where, when and how they were given.

pub mod answer;
pub mod disposition;
pub mod phone;
pub mod tags;
pub(crate) mod validate;

use crate::code::coded_enum;
use crate::error::{Error, ResponseFault, Result};
use crate::questionnaire::item::{Item, ItemId, ItemKind, TextFormat};
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use answer::Answer;
use chrono::{DateTime, FixedOffset};
use disposition::Disposition;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tags::Tags;
use uuid::Uuid;

/// A response's id: a UUID made on the device that collected it, so that merging the files of many
/// devices never duplicates a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ResponseId(pub Uuid);

impl std::fmt::Display for ResponseId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

coded_enum! {
    /// Where the customer met the company ("moment of truth") and how the answers were collected.
    Channel {
        /// 营业厅: the hall kiosk, self-completed.
        Hall = "hall", "营业厅", "Service hall";
        /// 95598 热线: the hotline.
        Hotline = "hotline", "95598热线", "95598 hotline";
        /// 电话回访: a callback by an agent.
        Callback = "callback", "电话回访", "Callback";
        /// 现场: at the customer's premises.
        Onsite = "onsite", "现场服务", "On site";
        /// 第三方测评: a third-party evaluation or mystery visit.
        Evaluation = "evaluation", "第三方测评", "Third-party evaluation";
        /// 其他 other.
        Other = "other", "其他", "Other";
    }
}

coded_enum! {
    /// How far a response got.
    Status {
        /// 草稿: being answered; saved after every answer.
        Draft = "draft", "草稿", "Draft";
        /// 完成: submitted.
        Complete = "complete", "完成", "Complete";
        /// 中断: closed before the end (idle, reload, hang-up); kept, and scored only when the
        /// analyst includes break-offs.
        BreakOff = "break_off", "中断", "Break-off";
    }
}

/// One response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// UUID made on the collecting device.
    pub id: ResponseId,
    /// The questionnaire and version answered.
    pub questionnaire: QuestionnaireRef,
    /// How it was collected.
    pub channel: Channel,
    /// How far it got.
    pub status: Status,
    /// Hall, counter, staff, device, interviewer, business type, customer class.
    #[serde(default)]
    pub tags: Tags,
    /// When the first screen was shown, with the device's UTC offset.
    pub started_at: DateTime<FixedOffset>,
    /// When it was submitted (or closed as a break-off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<DateTime<FixedOffset>>,
    /// The answers by item id.
    #[serde(default)]
    pub answers: BTreeMap<ItemId, Answer>,
    /// Notes per item (an evaluator's remarks).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<ItemId, String>,
    /// The call outcome, for callbacks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposition: Option<Disposition>,
}

impl Response {
    /// A new draft. The caller makes the UUID and reads the clock.
    pub fn start(
        id: Uuid,
        questionnaire: &Questionnaire,
        channel: Channel,
        tags: Tags,
        at: DateTime<FixedOffset>,
    ) -> Self {
        Response {
            id: ResponseId(id),
            questionnaire: questionnaire.reference(),
            channel,
            status: Status::Draft,
            tags,
            started_at: at,
            submitted_at: None,
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            disposition: None,
        }
    }

    /// The answer to an item.
    pub fn answer_of(&self, item: &ItemId) -> Option<&Answer> {
        self.answers.get(item)
    }

    /// Records an answer to a draft after checking it against the item; an item that sets a tag
    /// also sets it, and answers to items that the new answer hides are removed. A phone number
    /// ([`TextFormat::Phone`]) must keep the call-back rule ([`phone::PhoneNumber`]) and is
    /// stored in its plain form (`13812345678`, `0571-87654321`). (Responses read from files are
    /// not held to that rule: they were stored before it, and masked numbers come back masked.)
    pub fn answer(&mut self, q: &Questionnaire, item: &str, answer: Answer) -> Result<()> {
        self.ensure_draft()?;
        let it = q.item(item).ok_or_else(|| self.error(Some(item), ResponseFault::NoSuchItem))?;
        if !self.is_shown(q, it) {
            return Err(self.error(Some(item), ResponseFault::NotShown));
        }
        let answer = match (&it.kind, answer) {
            (ItemKind::Text { format: TextFormat::Phone, .. }, Answer::Text(text)) => {
                match phone::PhoneNumber::parse(&text) {
                    Ok(number) => Answer::Text(number.to_string()),
                    Err(problem) => return Err(self.error(Some(item), ResponseFault::Phone(problem))),
                }
            }
            (_, answer) => answer,
        };
        validate::check_answer(q, it, &answer).map_err(|reason| self.error(Some(item), reason))?;
        if let (Some(tag), Answer::Choice(code)) = (it.tag, &answer) {
            tag.set(&mut self.tags, code.as_str())
                .map_err(|words| self.error(Some(item), ResponseFault::Tag(words)))?;
        }
        self.answers.insert(it.id.clone(), answer);
        self.drop_hidden_answers(q);
        Ok(())
    }

    /// Removes the answer to an item of a draft (and answers it was showing).
    pub fn clear(&mut self, q: &Questionnaire, item: &str) -> Result<()> {
        self.ensure_draft()?;
        self.answers.remove(item);
        if let Some(tag) = q.item(item).and_then(|i| i.tag) {
            tag.set(&mut self.tags, "").expect("clearing a tag cannot fail");
        }
        self.drop_hidden_answers(q);
        Ok(())
    }

    /// The items shown for the answers so far, in order.
    pub fn shown_items<'q>(&self, q: &'q Questionnaire) -> Vec<&'q Item> {
        q.items.iter().filter(|i| self.is_shown(q, i)).collect()
    }

    /// Whether an item is shown for the answers so far.
    pub fn is_shown(&self, q: &Questionnaire, item: &Item) -> bool {
        q.is_shown(item, &|id: &ItemId| self.answers.get(id))
    }

    /// Submits a draft: every required shown item must be answered.
    pub fn submit(&mut self, q: &Questionnaire, at: DateTime<FixedOffset>) -> Result<()> {
        self.ensure_draft()?;
        let mut sealed = self.clone();
        sealed.status = Status::Complete;
        sealed.submitted_at = Some(at);
        sealed.validate(q)?;
        *self = sealed;
        Ok(())
    }

    /// Closes a draft before the end (idle timeout, reload, hang-up); its answers are kept.
    pub fn break_off(&mut self, at: DateTime<FixedOffset>) -> Result<()> {
        self.ensure_draft()?;
        self.status = Status::BreakOff;
        self.submitted_at = Some(at.max(self.started_at));
        Ok(())
    }

    /// Checks the response against its questionnaire.
    pub fn validate(&self, q: &Questionnaire) -> Result<()> {
        validate::check_response(self, q).map_err(|(item, reason)| self.error(item.as_deref(), reason))
    }

    fn ensure_draft(&self) -> Result<()> {
        if self.status == Status::Draft {
            Ok(())
        } else {
            Err(self.error(None, ResponseFault::Closed))
        }
    }

    fn drop_hidden_answers(&mut self, q: &Questionnaire) {
        // An item is hidden when its condition fails on the answers to earlier items, so one
        // pass in questionnaire order settles every chain of conditions.
        for item in &q.items {
            if self.answers.contains_key(&item.id) && !self.is_shown(q, item) {
                self.answers.remove(&item.id);
            }
        }
    }

    fn error(&self, item: Option<&str>, fault: ResponseFault) -> Error {
        Error::InvalidResponse { response: self.id.to_string(), item: item.map(str::to_owned), fault }
    }
}

#[cfg(test)]
mod tests;
