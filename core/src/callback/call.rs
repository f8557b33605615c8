//! A call in progress: the case called, the agent, when the call started and — once the customer
//! agrees — the interview. Ending it with an outcome gives everything the shell stores at once:
//! the case with its new attempt, the interview's response and the problem record it opens.

use super::case::{AfterAttempt, Case, CaseKey};
use super::outcome::{Outcome, OutcomeKind};
use super::problem::Problem;
use super::scheduling::SchedulingRules;
use super::Attempt;
use crate::error::{Error, Result};
use crate::questionnaire::Questionnaire;
use crate::response::tags::{TagValue, Tags};
use crate::response::{Channel, Response, ResponseId, Status};
use crate::session::survey::{Survey, SurveyAction};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Outcomes of a call in which no interview was started (or it was started and nothing was
/// answered yet), in the order an agent is offered them.
pub const NO_INTERVIEW_OUTCOMES: [OutcomeKind; 9] = [
    OutcomeKind::NoAnswer,
    OutcomeKind::Busy,
    OutcomeKind::MachineMessageLeft,
    OutcomeKind::MachineNoMessage,
    OutcomeKind::WrongNumber,
    OutcomeKind::Disconnected,
    OutcomeKind::TechnicalProblem,
    OutcomeKind::Refusal,
    OutcomeKind::Appointment,
];

/// Outcomes of a call whose interview has answers but was not submitted.
pub const UNFINISHED_INTERVIEW_OUTCOMES: [OutcomeKind; 2] = [OutcomeKind::Partial, OutcomeKind::BreakOff];

/// What a call in progress is, stored so that a reload resumes it: the case, the agent, the
/// start and the interview's response (whose draft is stored with the responses).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallSlot {
    /// The case called.
    pub case: CaseKey,
    /// The agent.
    pub interviewer: TagValue,
    /// When the call started.
    pub started_at: DateTime<FixedOffset>,
    /// The interview's response, once started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ResponseId>,
}

/// A call in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The case called.
    pub case: CaseKey,
    /// The agent (回访员工号).
    pub interviewer: TagValue,
    /// When the call started (the timer counts from here).
    pub started_at: DateTime<FixedOffset>,
    /// The interview, once the customer agreed to it: keyed in, so without the tap guard.
    pub interview: Option<Survey>,
}

/// Everything a finished call changes, to be stored together.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    /// The case with the new attempt (and its retry time or final code).
    pub case: Case,
    /// What happens next to the case.
    pub after: AfterAttempt,
    /// The interview's response, closed (complete, or a break-off for a partial or break-off
    /// call) with the call's code; `None` when nothing was answered.
    pub response: Option<Response>,
    /// The problem record a dissatisfied answer opens.
    pub problem: Option<Problem>,
}

/// The tags an interview about `case` starts with: the agent, and the ticket's hall, type and
/// customer class.
pub fn interview_tags(case: &Case, interviewer: &TagValue) -> Tags {
    Tags {
        hall: case.hall.clone(),
        interviewer: Some(interviewer.clone()),
        business_type: case.ticket_type,
        customer_class: case.customer_class,
        ..Tags::default()
    }
}

impl Call {
    /// Starts a call on an open case. The agent's id is required: every attempt records it.
    pub fn start(case: &Case, interviewer: &str, at: DateTime<FixedOffset>) -> Result<Call> {
        let refuse = |reason: &str| {
            Err(Error::InvalidArgument { what: format!("case {}", case.key), reason: reason.into() })
        };
        if case.final_disposition.is_some() {
            return refuse("the case is closed; it takes no more calls");
        }
        if interviewer.trim().is_empty() {
            return refuse("enter the agent's id first; every call records who made it");
        }
        Ok(Call {
            case: case.key.clone(),
            interviewer: TagValue::new(interviewer.trim()),
            started_at: at,
            interview: None,
        })
    }

    /// The slot that stores this call.
    pub fn slot(&self) -> CallSlot {
        CallSlot {
            case: self.case.clone(),
            interviewer: self.interviewer.clone(),
            started_at: self.started_at,
            response: self.response().map(|r| r.id),
        }
    }

    /// A call resumed from its slot after a reload, with the interview's stored draft (if any).
    pub fn resume(
        slot: &CallSlot,
        q: Questionnaire,
        case: &Case,
        draft: Option<Response>,
        at: DateTime<FixedOffset>,
    ) -> Call {
        let interview = draft.filter(|d| Some(d.id) == slot.response && d.status == Status::Draft).map(|d| {
            let mut s =
                Survey::keyed(q).with_context(Channel::Callback, interview_tags(case, &slot.interviewer));
            s.apply(SurveyAction::Resume { draft: Box::new(d), at });
            s
        });
        Call {
            case: slot.case.clone(),
            interviewer: slot.interviewer.clone(),
            started_at: slot.started_at,
            interview,
        }
    }

    /// Begins the interview of `q` (the customer agreed); `id` is the new response's UUID. Returns
    /// whether it began (not when it already had).
    pub fn begin_interview(
        &mut self,
        q: Questionnaire,
        case: &Case,
        id: Uuid,
        at: DateTime<FixedOffset>,
    ) -> bool {
        if self.interview.is_some() || case.key != self.case {
            return false;
        }
        let mut s = Survey::keyed(q).with_context(Channel::Callback, interview_tags(case, &self.interviewer));
        let started = s.apply(SurveyAction::Start { id, at });
        self.interview = Some(s);
        started
    }

    /// A move on the interview; whether anything changed.
    pub fn apply(&mut self, action: SurveyAction) -> bool {
        self.interview.as_mut().is_some_and(|s| s.apply(action))
    }

    /// The interview's response so far.
    pub fn response(&self) -> Option<&Response> {
        self.interview.as_ref().and_then(|s| s.draft.as_ref())
    }

    /// Whether the interview was submitted (every required item answered).
    pub fn is_submitted(&self) -> bool {
        self.response().is_some_and(|r| r.status == Status::Complete)
    }

    /// Whether the interview has at least one answer.
    pub fn has_answers(&self) -> bool {
        self.response().is_some_and(|r| !r.answers.is_empty())
    }

    /// The outcomes this call may end with: complete once the interview is submitted; partial or
    /// break-off while it has answers; otherwise the outcomes of a call without an interview.
    pub fn allowed_outcomes(&self) -> Vec<OutcomeKind> {
        if self.is_submitted() {
            vec![OutcomeKind::Complete]
        } else if self.has_answers() {
            UNFINISHED_INTERVIEW_OUTCOMES.to_vec()
        } else {
            NO_INTERVIEW_OUTCOMES.to_vec()
        }
    }

    /// Ends the call at `ended_at` with `outcome` and records it on (a copy of) `case` under
    /// `rules`. The response is closed with the call's code (a partial or break-off call closes
    /// it as a break-off); a dissatisfied answer opens a problem record with id `problem_id`,
    /// found by the agent at the end of the call. An outcome the call does not allow, or one the
    /// case refuses (an appointment outside calling hours), is an error and changes nothing.
    pub fn finish(
        &self,
        case: &Case,
        outcome: Outcome,
        ended_at: DateTime<FixedOffset>,
        rules: &SchedulingRules,
        problem_id: Uuid,
    ) -> Result<Finished> {
        let allowed = self.allowed_outcomes();
        if case.key != self.case || !allowed.contains(&outcome.kind()) {
            return Err(Error::InvalidArgument {
                what: format!("case {}", self.case),
                reason: format!(
                    "`{}` does not end this call; it may end with {}",
                    outcome.kind().code(),
                    allowed.iter().map(|k| k.code()).collect::<Vec<_>>().join(", ")
                ),
            });
        }
        let seconds = (ended_at - self.started_at).num_seconds().clamp(0, i64::from(u32::MAX)) as u32;
        let mut response = self.response().filter(|r| !r.answers.is_empty()).cloned();
        if let Some(r) = response.as_mut() {
            if r.status == Status::Draft {
                r.break_off(ended_at)?;
            }
            r.disposition = Some(outcome.disposition());
        }
        let mut attempt = Attempt::new(self.interviewer.as_str(), self.started_at, seconds, outcome);
        attempt.response = response.as_ref().map(|r| r.id);
        let mut case = case.clone();
        let after = case.record(attempt, rules)?;
        let problem = response.as_ref().zip(self.interview.as_ref()).and_then(|(r, s)| {
            let (key, by) = (Some(case.key.clone()), self.interviewer.as_str());
            Problem::from_response(r, &s.questionnaire, problem_id, key, by, ended_at)
        });
        Ok(Finished { case, after, response, problem })
    }
}

#[cfg(test)]
mod tests;
