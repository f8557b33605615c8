//! # manyi-core
//!
//! The pure core of Manyi (满意): questionnaires, responses, every score of the domain brief,
//! and import/export. It has no web dependency, reads no clock and draws no random numbers:
//! timestamps and UUIDs are passed in by the caller (the browser app or the `manyi` CLI).

#![warn(missing_docs)]

pub mod analyses;
pub mod authoring;
pub mod callback;
pub mod chart;
mod code;
pub mod dataset;
pub mod error;
pub mod evaluation;
mod id;
pub mod io;
pub mod kiosk;
pub mod questionnaire;
pub mod response;
pub mod sample;
pub mod scoring;
pub mod session;
pub mod sync;
mod tagged;
pub mod text;

#[cfg(test)]
mod testing;

pub use error::{Error, Position, Result};
pub use text::{Lang, Text};
