//! A callback case: the ticket (or kiosk request) to call about, its calls so far, when it may be
//! called next and, once closed, its final AAPOR code.

use super::attempt::Attempt;
use super::kiosk_visit::KioskVisit;
use super::outcome::{exhausted_code, Outcome};
use super::scheduling::SchedulingRules;
use crate::code::coded_enum;
use crate::error::{Error, Result};
use crate::id::string_id;
use crate::questionnaire::{QuestionnaireId, QuestionnaireRef};
use crate::response::disposition::Disposition;
use crate::response::tags::{BusinessType, CustomerClass, TagValue};
use crate::response::ResponseId;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

string_id!(
    /// A service ticket's id (工单号) as the ticket system writes it.
    TicketId
);

/// What a case is keyed by, so that importing a list twice or adding a kiosk request twice never
/// duplicates it. In JSON: `{"source": "ticket", "id": "GD001"}` or `{"source": "kiosk", "id": UUID}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "source", content = "id", rename_all = "snake_case")]
pub enum CaseKey {
    /// A ticket of an imported call list.
    Ticket(TicketId),
    /// A kiosk response whose customer asked to be called back after a low score.
    Kiosk(ResponseId),
}

impl std::fmt::Display for CaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaseKey::Ticket(t) => write!(f, "{t}"),
            CaseKey::Kiosk(r) => write!(f, "kiosk-{r}"),
        }
    }
}

coded_enum! {
    /// Where a case stands in the queue; service recovery comes first.
    Priority {
        /// 服务补救: a dissatisfied kiosk customer who asked to be called back.
        ServiceRecovery = "service_recovery", "服务补救", "Service recovery";
        /// 常规: a ticket of the call list.
        Normal = "normal", "常规", "Normal";
    }
}

coded_enum! {
    /// Open (to be called) or closed (final code given).
    CaseStatus {
        /// 待回访: to be called.
        Open = "open", "待回访", "Open";
        /// 已结案: closed with a final code.
        Closed = "closed", "已结案", "Closed";
    }
}

/// The facts of a ticket, as read from a call list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ticket {
    /// 工单号.
    pub id: TicketId,
    /// 客户名称.
    pub customer: String,
    /// 联系电话, digits (a leading `+` kept).
    pub phone: String,
    /// 工单类型.
    pub ticket_type: BusinessType,
    /// 受理日期.
    pub ticket_date: NaiveDate,
    /// 营业厅, if given.
    pub hall: Option<TagValue>,
    /// 客户类别, if given.
    pub customer_class: Option<CustomerClass>,
    /// 回访期限: call by this day, if given.
    pub due: Option<NaiveDate>,
}

/// What happens next after a call: the value the shell acts on (show, store, schedule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "next", rename_all = "snake_case")]
pub enum AfterAttempt {
    /// The case is closed with this final code; `cap_reached` when the attempt cap closed it.
    Closed {
        /// The final code.
        disposition: Disposition,
        /// Whether the cap (not a final outcome) closed it.
        cap_reached: bool,
    },
    /// Call again at `at` (the delay of the outcome, moved into calling hours).
    Retry {
        /// When the case becomes callable again.
        at: DateTime<FixedOffset>,
    },
    /// Call again at the appointment.
    Appointment {
        /// The appointment.
        at: DateTime<FixedOffset>,
    },
}

/// One case of the callback queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The ticket or kiosk response it comes from.
    pub key: CaseKey,
    /// The customer's name, if known (the kiosk does not ask it).
    pub customer: Option<String>,
    /// The number to call.
    pub phone: String,
    /// The ticket type (for a kiosk request: the business handled that day, if told).
    pub ticket_type: Option<BusinessType>,
    /// The ticket date (for a kiosk request: the day of the visit).
    pub ticket_date: NaiveDate,
    /// The hall.
    pub hall: Option<TagValue>,
    /// The customer class.
    pub customer_class: Option<CustomerClass>,
    /// Call by this day.
    pub due: Option<NaiveDate>,
    /// Service recovery or normal.
    pub priority: Priority,
    /// The kiosk's `overall` score that triggered a service-recovery case.
    pub kiosk_overall: Option<i32>,
    /// The calls so far, in time order.
    pub attempts: Vec<Attempt>,
    /// Not to be called before this time (after a temporary outcome); `None`: at once.
    pub next_call_at: Option<DateTime<FixedOffset>>,
    /// The final code, once closed.
    pub final_disposition: Option<Disposition>,
    /// For a kiosk request: what the customer told the hall (when, the items rated low, the
    /// comment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiosk: Option<KioskVisit>,
    /// For a ticket: the name of the call-list file it was imported from, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
    /// The interviewer-read questionnaire the call's interview asks, chosen when the list was
    /// imported; `None`: the built-in callback interview (DOMAIN.md §2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<QuestionnaireRef>,
}

impl Case {
    /// A new open case for a ticket.
    pub fn from_ticket(t: &Ticket) -> Self {
        Case {
            key: CaseKey::Ticket(t.id.clone()),
            customer: Some(t.customer.clone()),
            phone: t.phone.clone(),
            ticket_type: Some(t.ticket_type),
            ticket_date: t.ticket_date,
            hall: t.hall.clone(),
            customer_class: t.customer_class,
            due: t.due,
            priority: Priority::Normal,
            kiosk_overall: None,
            attempts: Vec::new(),
            next_call_at: None,
            final_disposition: None,
            kiosk: None,
            list: None,
            script: None,
        }
    }

    /// The questionnaire the case's interview asks: its script, or the built-in callback one.
    pub fn script_or_builtin(&self) -> QuestionnaireRef {
        // The built-in callback questionnaire (builtin/callback.json) is `callback` v1.
        let builtin = || QuestionnaireRef { id: QuestionnaireId::new("callback"), version: 1 };
        self.script.clone().unwrap_or_else(builtin)
    }

    /// Open or closed.
    pub fn status(&self) -> CaseStatus {
        if self.final_disposition.is_some() {
            CaseStatus::Closed
        } else {
            CaseStatus::Open
        }
    }

    /// Whether the case may be called at `now`: open and past its retry time or appointment.
    pub fn is_callable(&self, now: DateTime<FixedOffset>) -> bool {
        self.status() == CaseStatus::Open && self.next_call_at.is_none_or(|t| t <= now)
    }

    /// The appointment the customer asked for, if the last call made one and the case is open.
    pub fn pending_appointment(&self) -> Option<DateTime<FixedOffset>> {
        match (self.status(), self.attempts.last().map(|a| a.outcome)) {
            (CaseStatus::Open, Some(Outcome::Appointment { at })) => Some(at),
            _ => None,
        }
    }

    /// Calls left before the cap closes the case (0 when closed).
    pub fn attempts_left(&self, rules: &SchedulingRules) -> u32 {
        match self.status() {
            CaseStatus::Closed => 0,
            CaseStatus::Open => rules.max_attempts.saturating_sub(self.attempts.len() as u32),
        }
    }

    /// When the case was closed: the end of its last call.
    pub fn closed_at(&self) -> Option<DateTime<FixedOffset>> {
        self.final_disposition.and(self.attempts.last()).map(Attempt::ended_at)
    }

    /// Whether an open case is past its due date on `now`'s day.
    pub fn is_overdue(&self, now: DateTime<FixedOffset>) -> bool {
        self.status() == CaseStatus::Open && self.due.is_some_and(|d| d < now.date_naive())
    }

    /// Records a call and decides what happens next:
    /// - a final outcome closes the case with its code;
    /// - a call that reaches the cap closes it with [`exhausted_code`];
    /// - an appointment makes the case callable at its time, which must be after the call and
    ///   within calling hours (otherwise an error, so the agent proposes another time — the
    ///   next opening is named in the message);
    /// - another temporary outcome makes it callable after its delay, moved into calling hours.
    ///
    /// Every call counts toward the cap, an appointment too: an appointment made on the last
    /// allowed call closes the case with 2.21 (the UI can warn with [`Case::attempts_left`]).
    /// A closed case takes no more calls, calls are recorded in time order, and each names its
    /// interviewer.
    pub fn record(&mut self, attempt: Attempt, rules: &SchedulingRules) -> Result<AfterAttempt> {
        rules.validate()?;
        let refuse =
            |reason: String| Err(Error::InvalidArgument { what: format!("case {}", self.key), reason });
        if let Some(d) = self.final_disposition {
            return refuse(format!(
                "the case is closed with code {} ({}); it takes no more calls",
                d,
                d.label().en
            ));
        }
        if attempt.interviewer.as_str().trim().is_empty() {
            return refuse("the call has no interviewer id; every call records who made it".into());
        }
        if let Some(last) = self.attempts.last() {
            if attempt.started_at < last.started_at {
                return refuse(format!(
                    "the call at {} is earlier than the last call at {}; record calls in time order",
                    attempt.started_at.to_rfc3339(),
                    last.started_at.to_rfc3339()
                ));
            }
        }
        if let Outcome::Appointment { at } = attempt.outcome {
            if at <= attempt.ended_at() {
                return refuse(format!("the appointment {} is not after the call", at.to_rfc3339()));
            }
            if !rules.calling_hours.contains(at) {
                let next = rules.calling_hours.next_opening(at)?;
                return refuse(format!(
                    "the appointment {} is outside calling hours; the next opening is {}",
                    at.to_rfc3339(),
                    next.to_rfc3339()
                ));
            }
        }
        let (outcome, ended_at) = (attempt.outcome, attempt.ended_at());
        self.attempts.push(attempt);
        let after = if outcome.is_final() {
            AfterAttempt::Closed { disposition: outcome.disposition(), cap_reached: false }
        } else if self.attempts.len() as u32 >= rules.max_attempts {
            let disposition = exhausted_code(&self.attempts).expect("a call was just recorded");
            AfterAttempt::Closed { disposition, cap_reached: true }
        } else if let Outcome::Appointment { at } = outcome {
            AfterAttempt::Appointment { at }
        } else {
            let minutes = outcome.delay_minutes(&rules.delays).expect("temporary outcomes have a delay");
            AfterAttempt::Retry { at: rules.retry_at(ended_at, minutes)? }
        };
        match after {
            AfterAttempt::Closed { disposition, .. } => {
                self.final_disposition = Some(disposition);
                self.next_call_at = None;
            }
            AfterAttempt::Retry { at } | AfterAttempt::Appointment { at } => self.next_call_at = Some(at),
        }
        Ok(after)
    }
}

#[cfg(test)]
mod tests;
