//! Closing the loop (DOMAIN.md §5): a dissatisfied answer opens a problem record — found at, found
//! by, what, responsible unit, severity, remedy, deadline, result, assessed by — that stays open
//! until a result is entered.

use super::case::CaseKey;
use crate::code::coded_enum;
use crate::error::{Error, Result};
use crate::kiosk::low_score::default_threshold;
use crate::questionnaire::item::{ItemKind, TextFormat};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::tags::TagValue;
use crate::response::{Response, ResponseId};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The highest `overall` rating that counts as dissatisfied on 1–5 (the bottom quarter of the
/// scale; other scales, [`dissatisfaction`]).
pub const DISSATISFIED_AT_MOST: i32 = 2;

/// A problem record's id: a UUID made by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProblemId(pub Uuid);

impl std::fmt::Display for ProblemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

coded_enum! {
    /// How serious a problem is.
    Severity {
        /// 一般: an ordinary complaint.
        General = "general", "一般", "General";
        /// 较重: a very dissatisfied customer, or an unresolved ticket with a low score.
        Serious = "serious", "较重", "Serious";
        /// 严重: set by the supervisor (e.g. a red-line breach, a repeat complaint).
        Critical = "critical", "严重", "Critical";
    }
}

/// One problem record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// Its id.
    pub id: ProblemId,
    /// The response with the dissatisfied answer.
    pub response: Option<ResponseId>,
    /// The callback case, if found in a call.
    pub case: Option<CaseKey>,
    /// 发现时间 found at.
    pub found_at: DateTime<FixedOffset>,
    /// 发现人 found by (agent or staff id).
    pub found_by: TagValue,
    /// 问题描述 what.
    pub what: String,
    /// 责任单位 responsible unit.
    pub responsible_unit: Option<String>,
    /// 严重程度 severity.
    pub severity: Severity,
    /// 整改措施 remedy.
    pub remedy: Option<String>,
    /// 整改期限 deadline.
    pub deadline: Option<NaiveDate>,
    /// 整改结果 result; the record is open until it is entered.
    pub result: Option<String>,
    /// 评价人 assessed by.
    pub assessed_by: Option<TagValue>,
    /// When the result was entered.
    pub closed_at: Option<DateTime<FixedOffset>>,
}

/// What a supervisor fills in after the record is opened; `None` fields are left unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemUpdate {
    /// New description.
    #[serde(default)]
    pub what: Option<String>,
    /// Responsible unit.
    #[serde(default)]
    pub responsible_unit: Option<String>,
    /// Severity.
    #[serde(default)]
    pub severity: Option<Severity>,
    /// Remedy.
    #[serde(default)]
    pub remedy: Option<String>,
    /// Deadline.
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
}

/// What was dissatisfied in a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dissatisfied<'r> {
    /// The low answer to the overall item, with its scale's lowest and highest points.
    pub low: Option<(i32, i32, i32)>,
    /// `resolved` was answered no (the built-in callback's "is it resolved?").
    pub unresolved: bool,
    /// The first free comment given, if any.
    pub comment: Option<&'r str>,
}

/// The dissatisfied answers of a response to `q`: a low answer to its overall item (the bottom
/// quarter of that item's own scale, [`crate::kiosk::low_score::default_threshold`]: ≤ 2 on
/// 1–5, [`DISSATISFIED_AT_MOST`]), `resolved` = no, or both; `None` if neither.
pub fn dissatisfaction<'r>(response: &'r Response, q: &Questionnaire) -> Option<Dissatisfied<'r>> {
    let low = q.scoring.overall.as_ref().and_then(|id| {
        let points = q.rating_points(q.item(id.as_str())?)?;
        let (min, max) = (*points.start(), *points.end());
        match response.answers.get(id) {
            Some(Answer::Rating(x)) if *x <= default_threshold(min, max) => Some((*x, min, max)),
            _ => None,
        }
    });
    let unresolved = response.answers.get("resolved") == Some(&Answer::No);
    let free = |i: &&crate::questionnaire::item::Item| {
        matches!(i.kind, ItemKind::Text { format: TextFormat::Free, .. })
    };
    let comment = q.items.iter().filter(free).find_map(|i| match response.answers.get(&i.id) {
        Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim()),
        _ => None,
    });
    (low.is_some() || unresolved).then_some(Dissatisfied { low, unresolved, comment })
}

impl Problem {
    /// The record a dissatisfied response to `q` opens ([`dissatisfaction`]), `None` for a
    /// satisfied one. `what` says what was answered (zh-CN, English in brackets; the scale named
    /// unless it is 1–5) and quotes the comment; severity is serious when the overall answer is
    /// its scale's lowest point or a low score comes with an unresolved ticket, general
    /// otherwise. The caller makes the id and reads the clock.
    pub fn from_response(
        response: &Response,
        q: &Questionnaire,
        id: Uuid,
        case: Option<CaseKey>,
        found_by: &str,
        found_at: DateTime<FixedOffset>,
    ) -> Option<Problem> {
        let Dissatisfied { low, unresolved, comment } = dissatisfaction(response, q)?;
        let mut what = Vec::new();
        match low {
            Some((x, 1, 5)) => what.push(format!("总体满意度 {x} 分 (overall {x})")),
            Some((x, min, max)) => {
                what.push(format!("总体满意度 {x} 分，{min}–{max} 分制 (overall {x} on {min}–{max})"))
            }
            None => {}
        }
        if unresolved {
            what.push("问题未办结 (not resolved)".to_owned());
        }
        if let Some(c) = comment {
            what.push(format!("客户意见 (comment): {c}"));
        }
        let serious = low.is_some_and(|(x, min, _)| x == min) || (low.is_some() && unresolved);
        Some(Problem {
            id: ProblemId(id),
            response: Some(response.id),
            case,
            found_at,
            found_by: TagValue::new(found_by),
            what: what.join("; "),
            responsible_unit: response.tags.hall.as_ref().map(ToString::to_string),
            severity: if serious { Severity::Serious } else { Severity::General },
            remedy: None,
            deadline: None,
            result: None,
            assessed_by: None,
            closed_at: None,
        })
    }

    /// Open until a result is entered.
    pub fn is_open(&self) -> bool {
        self.result.is_none()
    }

    /// Age in whole calendar days from the day it was found to `now`'s day, both read in `now`'s
    /// UTC offset (found yesterday = 1, today = 0).
    pub fn age_days(&self, now: DateTime<FixedOffset>) -> i64 {
        let found = self.found_at.with_timezone(now.offset()).date_naive();
        (now.date_naive() - found).num_days()
    }

    /// Whether it is open and its deadline is before `now`'s day.
    pub fn is_overdue(&self, now: DateTime<FixedOffset>) -> bool {
        self.is_open() && self.deadline.is_some_and(|d| d < now.date_naive())
    }

    /// Fills in what the supervisor decided.
    pub fn update(&mut self, u: ProblemUpdate) {
        let ProblemUpdate { what, responsible_unit, severity, remedy, deadline } = u;
        self.what = what.unwrap_or(std::mem::take(&mut self.what));
        self.responsible_unit = responsible_unit.or(self.responsible_unit.take());
        self.severity = severity.unwrap_or(self.severity);
        self.remedy = remedy.or(self.remedy.take());
        self.deadline = deadline.or(self.deadline);
    }

    /// Enters the result and who assessed it, which closes the record. The result must not be
    /// blank, and a closed record cannot be closed again.
    pub fn close(&mut self, result: &str, assessed_by: &str, at: DateTime<FixedOffset>) -> Result<()> {
        let refuse = |reason: &str| {
            Err(Error::InvalidArgument { what: format!("problem {}", self.id), reason: reason.into() })
        };
        if !self.is_open() {
            return refuse("the problem already has a result");
        }
        if result.trim().is_empty() || assessed_by.trim().is_empty() {
            return refuse("enter the result and who assessed it");
        }
        self.result = Some(result.trim().to_owned());
        self.assessed_by = Some(TagValue::new(assessed_by.trim()));
        self.closed_at = Some(at);
        Ok(())
    }
}

/// An open problem with its age, for the list of open problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenProblem<'a> {
    /// The record.
    pub problem: &'a Problem,
    /// Its age in days ([`Problem::age_days`]).
    pub age_days: i64,
    /// Past its deadline.
    pub overdue: bool,
}

/// Every problem record of the device.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemLog {
    /// The records, in the order they were opened.
    pub problems: Vec<Problem>,
}

impl ProblemLog {
    /// Opens the record of a dissatisfied response, unless one is already open or closed for it;
    /// returns the new record.
    pub fn open_for(
        &mut self,
        response: &Response,
        q: &Questionnaire,
        id: Uuid,
        case: Option<CaseKey>,
        found_by: &str,
        found_at: DateTime<FixedOffset>,
    ) -> Option<&Problem> {
        if self.problems.iter().any(|p| p.response == Some(response.id)) {
            return None;
        }
        self.problems.push(Problem::from_response(response, q, id, case, found_by, found_at)?);
        self.problems.last()
    }

    /// The record with this id, to update or close.
    pub fn get_mut(&mut self, id: ProblemId) -> Option<&mut Problem> {
        self.problems.iter_mut().find(|p| p.id == id)
    }

    /// The open records with their age at `now`, oldest first.
    pub fn open_problems(&self, now: DateTime<FixedOffset>) -> Vec<OpenProblem<'_>> {
        let mut open: Vec<OpenProblem<'_>> = self
            .problems
            .iter()
            .filter(|p| p.is_open())
            .map(|p| OpenProblem { problem: p, age_days: p.age_days(now), overdue: p.is_overdue(now) })
            .collect();
        open.sort_by_key(|o| (o.problem.found_at, o.problem.id));
        open
    }
}

#[cfg(test)]
mod tests;
