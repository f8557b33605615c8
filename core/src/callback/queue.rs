//! The call list as a queue: merging imports without duplicates, the order cases are called in,
//! filters, and recording calls.

use super::attempt::Attempt;
use super::call_list::{read_call_list, RejectedRow};
use super::case::{AfterAttempt, Case, CaseKey, CaseStatus, Ticket, TicketId};
use super::scheduling::SchedulingRules;
use crate::error::{Error, Result};
use crate::questionnaire::QuestionnaireRef;
use crate::response::tags::BusinessType;
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashSet;

/// Which cases to show or call. The default shows every case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFilter {
    /// Only these ticket types (empty: all; a kiosk case without a business type passes only then).
    #[serde(default)]
    pub ticket_types: Vec<BusinessType>,
    /// Only open or only closed cases (`None`: both).
    #[serde(default)]
    pub status: Option<CaseStatus>,
}

impl CaseFilter {
    /// Whether a case passes.
    pub fn accepts(&self, case: &Case) -> bool {
        let type_ok =
            self.ticket_types.is_empty() || case.ticket_type.is_some_and(|t| self.ticket_types.contains(&t));
        type_ok && self.status.is_none_or(|s| case.status() == s)
    }
}

/// The result of adding tickets to a list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Tickets that became new cases.
    pub added: Vec<TicketId>,
    /// Tickets that were already cases (left as they are: their calls and codes are kept).
    pub already_listed: Vec<TicketId>,
    /// Bad rows of the file.
    pub rejected: Vec<RejectedRow>,
}

/// All the cases of the callback workspace, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallList {
    /// The cases.
    pub cases: Vec<Case>,
}

/// The order of the queue: service recovery first, then the earliest due date (cases without
/// one last), the earliest ticket date, the key. Appointments whose time has come go before all
/// of them, earliest first: the customer was promised a call at that time.
pub fn queue_order(a: &Case, b: &Case, now: DateTime<FixedOffset>) -> Ordering {
    let due_appointment = |c: &Case| c.pending_appointment().filter(|t| *t <= now);
    let appointment_rank = |c: &Case| due_appointment(c).map_or((1, None), |t| (0, Some(t)));
    appointment_rank(a)
        .cmp(&appointment_rank(b))
        .then(a.priority.cmp(&b.priority))
        .then_with(|| match (a.due, b.due) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then(a.ticket_date.cmp(&b.ticket_date))
        .then_with(|| a.key.cmp(&b.key))
}

impl CallList {
    /// The case with this key.
    pub fn case(&self, key: &CaseKey) -> Option<&Case> {
        self.cases.iter().find(|c| &c.key == key)
    }

    /// Adds the tickets that are not cases yet (key: ticket id); the others are left unchanged.
    pub fn add_tickets<'t>(&mut self, tickets: impl IntoIterator<Item = &'t Ticket>) -> ImportSummary {
        let mut known: HashSet<CaseKey> = self.cases.iter().map(|c| c.key.clone()).collect();
        let mut summary = ImportSummary::default();
        for t in tickets {
            if known.insert(CaseKey::Ticket(t.id.clone())) {
                self.cases.push(Case::from_ticket(t));
                summary.added.push(t.id.clone());
            } else {
                summary.already_listed.push(t.id.clone());
            }
        }
        summary
    }

    /// Reads a call-list file ([`read_call_list`]) and adds its good rows; the new cases name
    /// the file (`source`) as their list.
    pub fn import(&mut self, bytes: &[u8], source: &str) -> Result<ImportSummary> {
        let file = read_call_list(bytes, source)?;
        let before = self.cases.len();
        let mut summary = self.add_tickets(file.tickets.iter().map(|(_, t)| t));
        for case in &mut self.cases[before..] {
            case.list = Some(source.to_owned());
        }
        summary.rejected = file.rejected;
        Ok(summary)
    }

    /// Reads a call-list file and adds its good rows as cases whose interview asks `script`
    /// (`None`: the built-in callback interview). Tickets already listed keep their own script.
    pub fn import_with_script(
        &mut self,
        bytes: &[u8],
        source: &str,
        script: Option<QuestionnaireRef>,
    ) -> Result<ImportSummary> {
        let before = self.cases.len();
        let summary = self.import(bytes, source)?;
        for case in &mut self.cases[before..] {
            case.script = script.clone();
        }
        Ok(summary)
    }

    /// The cases that pass `filter`, in queue order at `now`.
    pub fn cases_in_order(&self, now: DateTime<FixedOffset>, filter: &CaseFilter) -> Vec<&Case> {
        let mut cases: Vec<&Case> = self.cases.iter().filter(|c| filter.accepts(c)).collect();
        cases.sort_by(|a, b| queue_order(a, b, now));
        cases
    }

    /// The next case to call at `now`: the first callable case in queue order that passes
    /// `filter` (open, and past its retry time or appointment).
    pub fn next_case(&self, now: DateTime<FixedOffset>, filter: &CaseFilter) -> Option<&Case> {
        self.cases
            .iter()
            .filter(|c| filter.accepts(c) && c.is_callable(now))
            .min_by(|a, b| queue_order(a, b, now))
    }

    /// Records a call on the case with this key ([`Case::record`]).
    pub fn record(
        &mut self,
        key: &CaseKey,
        attempt: Attempt,
        rules: &SchedulingRules,
    ) -> Result<AfterAttempt> {
        let case = self.cases.iter_mut().find(|c| &c.key == key).ok_or_else(|| Error::InvalidArgument {
            what: format!("case {key}"),
            reason: "no such case in the call list".into(),
        })?;
        case.record(attempt, rules)
    }
}

#[cfg(test)]
mod tests;
