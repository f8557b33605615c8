//! Authoring questionnaires: every change an editor makes, as a value applied to a questionnaire
//! ([`edit::Edit`], [`edit::apply`]), and the starting points of new ones ([`template`]). The app's
//! editor only turns taps and typing into these edits and lists [`crate::questionnaire::Questionnaire::explain`].

pub mod edit;
mod edit_kinds;
mod edit_scales;
mod references;
pub mod template;

pub use edit::{apply, parse_number, Edit, EditError, KindChoice, Move, Side};

#[cfg(test)]
mod tests;
