//! The callback workspace (回访): call lists imported from service tickets, the queue of cases,
//! call outcomes with AAPOR codes, call-backs within calling hours up to an attempt cap, outcome
//! rates, the closed loop of problem records, and the tables exported. Pure: every "now" and
//! every new id is passed in; the browser workspace is a thin shell over this module.
//!
//! The flow: [`queue::CallList::import`] a call list (and
//! [`queue::CallList::add_service_recovery`] kiosk requests), take
//! [`queue::CallList::next_case`], read [`view::script`], record the call with
//! [`queue::CallList::record`] and act on the [`case::AfterAttempt`] it returns; open a
//! [`problem::Problem`] for a dissatisfied answer; report [`queue::CallList::rates`].
//! [`call::Call`] does the middle of this for a call made in the workspace: the interview keyed
//! in, then one [`call::Finished`] with all the call changes, to store at once.

pub mod attempt;
pub mod call;
pub mod call_list;
pub mod case;
pub mod export;
pub mod files;
pub mod final_codes;
pub mod kiosk_visit;
pub mod outcome;
pub mod problem;
pub mod queue;
pub mod rates;
pub mod recovery;
pub mod rows;
pub mod scheduling;
pub mod view;

pub use attempt::Attempt;
pub use call::{Call, CallSlot, Finished};
pub use case::{AfterAttempt, Case, CaseKey, CaseStatus, Priority, Ticket, TicketId};
pub use outcome::{Outcome, OutcomeKind};
pub use problem::{Problem, ProblemLog, Severity};
pub use queue::{CallList, CaseFilter, ImportSummary};
pub use rates::{OutcomeRates, RateClass, RateCounts, RatesBy};
pub use scheduling::{CallingHours, RetryDelays, SchedulingRules, Window};
