//! What is wrong with a row of a call list, as data: the app says each kind in zh-CN or English,
//! the command line in English ([`fmt::Display`]).

use super::RowProblem;
use crate::response::phone::PhoneProblem;
use crate::response::tags::{BusinessType, CustomerClass};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a row was kept out, with what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowFault {
    /// The row is not valid CSV; `detail` is the CSV reader's words.
    Unreadable {
        /// The reader's words.
        detail: String,
    },
    /// More or fewer fields than the header.
    FieldCount {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        header: usize,
    },
    /// A required value is blank: the column's id (`phone`, `ticket_id`, …).
    Missing {
        /// The column's id of [`super::CALL_LIST_HEADERS`].
        column: String,
    },
    /// Not a phone number to call back, and why ([`PhoneProblem`]).
    Phone {
        /// What the cell holds.
        text: String,
        /// What is wrong with it.
        problem: PhoneProblem,
    },
    /// Not one of the ticket types ([`BusinessType::ALL`]).
    TicketType {
        /// What the cell holds.
        text: String,
    },
    /// Not one of the customer classes ([`CustomerClass::ALL`]).
    CustomerClass {
        /// What the cell holds.
        text: String,
    },
    /// Not a date.
    Date {
        /// What the cell holds.
        text: String,
    },
    /// The due date is before the ticket date.
    DueBeforeTicket {
        /// The due date.
        due: NaiveDate,
        /// The ticket date.
        ticket: NaiveDate,
    },
    /// The ticket is on an earlier line of the file, whose row is kept.
    Duplicate {
        /// The ticket id.
        ticket: String,
        /// The earlier line.
        first: u64,
    },
}

impl RowFault {
    /// The kind, for a short label.
    pub fn problem(&self) -> RowProblem {
        match self {
            RowFault::Unreadable { .. } => RowProblem::Unreadable,
            RowFault::FieldCount { .. } => RowProblem::FieldCount,
            RowFault::Missing { .. } => RowProblem::Missing,
            RowFault::Phone { .. } => RowProblem::Phone,
            RowFault::TicketType { .. } => RowProblem::TicketType,
            RowFault::CustomerClass { .. } => RowProblem::CustomerClass,
            RowFault::Date { .. } => RowProblem::Date,
            RowFault::DueBeforeTicket { .. } => RowProblem::DueBeforeTicket,
            RowFault::Duplicate { .. } => RowProblem::Duplicate,
        }
    }
}

/// `code 中文名` of each choice, joined by commas: what a cell may hold.
pub fn choices(codes: impl Iterator<Item = (&'static str, String)>) -> String {
    codes.map(|(code, zh)| format!("{code} {zh}")).collect::<Vec<_>>().join(", ")
}

/// The ticket types a cell may hold.
pub fn ticket_types() -> String {
    choices(BusinessType::ALL.iter().map(|b| (b.code(), b.label().zh)))
}

/// The customer classes a cell may hold.
pub fn customer_classes() -> String {
    choices(CustomerClass::ALL.iter().map(|c| (c.code(), c.label().zh)))
}

impl fmt::Display for RowFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowFault::Unreadable { detail } => write!(f, "not readable as CSV: {detail}"),
            RowFault::FieldCount { found, header } => write!(
                f,
                "{found} fields where the header has {header}; check for a comma inside an unquoted value"
            ),
            RowFault::Missing { column } => write!(f, "no {column}; every row needs one"),
            RowFault::Phone { text, problem } => {
                write!(f, "`{text}` is not a phone number to call back: {problem}")
            }
            RowFault::TicketType { text } => {
                write!(f, "`{text}` is not a ticket type; use one of {}", ticket_types())
            }
            RowFault::CustomerClass { text } => {
                write!(f, "`{text}` is not a customer class; use one of {}", customer_classes())
            }
            RowFault::Date { text } => write!(f, "`{text}` is not a date; write it as 2026-11-02"),
            RowFault::DueBeforeTicket { due, ticket } => {
                write!(f, "the due date {due} is before the ticket date {ticket}")
            }
            RowFault::Duplicate { ticket, first } => {
                write!(f, "ticket `{ticket}` is already on line {first}; the first row is kept")
            }
        }
    }
}
