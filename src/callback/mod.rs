//! The callback workspace (`#/callback`): agents at a desk PC import call lists, work through the
//! queue, interview customers by keyboard, record each call's outcome, follow up the problems
//! found and export everything. A thin shell over `manyi_core::callback`: `state` holds every
//! transition (pure, tested natively, keys included), `effects` the store, the rest renders.

mod appointment;
mod case_panel;
mod effects;
mod files;
mod interview;
pub mod keys;
mod page;
mod problems;
mod queue;
mod rates;
mod row_fault;
mod settings;
pub mod state;
pub mod texts;
mod timer;
mod transfer;

pub use page::CallbackPage;
