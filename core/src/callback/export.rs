//! The callback workspace's tables — cases, attempts, problems, rates — with stable column names,
//! written as CSV or JSON by [`crate::io::table`]. Phone numbers are masked unless allowed.

use super::case::{Case, CaseKey};
use super::problem::ProblemLog;
use super::queue::CallList;
use super::rates::GroupRates;
use crate::io::responses::mask_phone;
use crate::io::table::{Cell, Table};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Privacy options of lists and exports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Privacy {
    /// Show phone numbers in full (a staff setting); by default they are masked as 138****5678.
    pub show_phone_numbers: bool,
}

impl Privacy {
    /// The phone number as it may be shown.
    pub fn phone(self, phone: &str) -> String {
        if self.show_phone_numbers {
            phone.to_owned()
        } else {
            mask_phone(phone)
        }
    }
}

/// Columns of the cases table.
pub const CASE_COLUMNS: [&str; 16] = [
    "case",
    "source",
    "customer",
    "phone",
    "ticket_type",
    "ticket_date",
    "hall",
    "customer_class",
    "due_date",
    "priority",
    "kiosk_overall",
    "status",
    "attempts",
    "next_call_at",
    "final_code",
    "closed_at",
];

/// Columns of the attempts table.
pub const ATTEMPT_COLUMNS: [&str; 10] = [
    "case",
    "attempt",
    "interviewer",
    "started_at",
    "ended_at",
    "duration_seconds",
    "outcome",
    "code",
    "appointment_at",
    "response_id",
];

/// Columns of the problems table.
pub const PROBLEM_COLUMNS: [&str; 16] = [
    "problem_id",
    "response_id",
    "case",
    "found_at",
    "found_by",
    "what",
    "responsible_unit",
    "severity",
    "remedy",
    "deadline",
    "result",
    "assessed_by",
    "closed_at",
    "status",
    "age_days",
    "overdue",
];

/// Columns of the rates table (the output of `manyi rates`).
pub const RATE_COLUMNS: [&str; 13] =
    ["group", "cases", "I", "P", "R", "NC", "O", "U", "NE", "RR1", "COOP1", "REF1", "CON1"];

fn opt<T: ToString>(x: Option<T>) -> Cell {
    x.map_or(Cell::Empty, |v| Cell::Text(v.to_string()))
}

fn time(t: Option<DateTime<FixedOffset>>) -> Cell {
    t.into()
}

fn source(key: &CaseKey) -> &'static str {
    match key {
        CaseKey::Ticket(_) => "ticket",
        CaseKey::Kiosk(_) => "kiosk",
    }
}

/// One row per case (codes, not labels: the labels are in the dictionary of each coded enum).
pub fn cases_table(list: &CallList, privacy: Privacy) -> Table {
    let mut t = Table::new(CASE_COLUMNS);
    for c in &list.cases {
        t.push(vec![
            c.key.to_string().into(),
            source(&c.key).into(),
            opt(c.customer.as_ref()),
            privacy.phone(&c.phone).into(),
            opt(c.ticket_type.map(|b| b.code())),
            c.ticket_date.to_string().into(),
            opt(c.hall.as_ref()),
            opt(c.customer_class.map(|x| x.code())),
            opt(c.due),
            c.priority.code().into(),
            c.kiosk_overall.map_or(Cell::Empty, |x| Cell::Integer(i64::from(x))),
            c.status().code().into(),
            c.attempts.len().into(),
            time(c.next_call_at),
            opt(c.final_disposition.map(|d| d.code())),
            time(c.closed_at()),
        ]);
    }
    t
}

/// One row per call, cases in list order and calls in time order.
pub fn attempts_table(list: &CallList) -> Table {
    let mut t = Table::new(ATTEMPT_COLUMNS);
    for c in &list.cases {
        push_attempts(&mut t, c);
    }
    t
}

fn push_attempts(t: &mut Table, c: &Case) {
    for (n, a) in c.attempts.iter().enumerate() {
        let appointment = match a.outcome {
            super::outcome::Outcome::Appointment { at } => Some(at),
            _ => None,
        };
        t.push(vec![
            c.key.to_string().into(),
            (n + 1).into(),
            a.interviewer.as_str().into(),
            a.started_at.into(),
            a.ended_at().into(),
            Cell::Integer(i64::from(a.duration_seconds)),
            a.outcome.kind().code().into(),
            a.outcome.disposition().code().into(),
            time(appointment),
            opt(a.response),
        ]);
    }
}

/// One row per problem record; `age_days` and `overdue` at `now` for open records (blank when
/// closed).
pub fn problems_table(log: &ProblemLog, now: DateTime<FixedOffset>) -> Table {
    let mut t = Table::new(PROBLEM_COLUMNS);
    for p in &log.problems {
        let open = p.is_open();
        t.push(vec![
            p.id.to_string().into(),
            opt(p.response),
            opt(p.case.as_ref()),
            p.found_at.into(),
            p.found_by.as_str().into(),
            p.what.as_str().into(),
            opt(p.responsible_unit.as_ref()),
            p.severity.code().into(),
            opt(p.remedy.as_ref()),
            opt(p.deadline),
            opt(p.result.as_ref()),
            opt(p.assessed_by.as_ref()),
            time(p.closed_at),
            if open { "open" } else { "closed" }.into(),
            if open { Cell::Integer(p.age_days(now)) } else { Cell::Empty },
            if open { p.is_overdue(now).into() } else { Cell::Empty },
        ]);
    }
    t
}

/// `group,cases,I,P,R,NC,O,U,NE,RR1,COOP1,REF1,CON1`; a rate with a zero denominator is empty.
pub fn rates_table(groups: &[GroupRates]) -> Table {
    let mut t = Table::new(RATE_COLUMNS);
    for g in groups {
        let (c, r) = (g.rates.counts, g.rates);
        t.push(vec![
            g.group.as_str().into(),
            c.cases.into(),
            c.i.into(),
            c.p.into(),
            c.r.into(),
            c.nc.into(),
            c.o.into(),
            c.u.into(),
            c.ne.into(),
            r.rr1.into(),
            r.coop1.into(),
            r.ref1.into(),
            r.con1.into(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests;
