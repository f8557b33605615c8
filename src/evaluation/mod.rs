//! Third-party evaluation (the evaluator's checklist, visits side by side) and the Kano study
//! (run, analysed, exported). Every figure comes from core; these screens only show it.

mod checklist_page;
mod compare_page;
mod kano_chart;
mod kano_page;
pub mod runner;
mod section;
mod setup;
mod state;
mod summary;
pub mod texts;
mod timed;
mod trial;
pub mod view;

pub use checklist_page::{EvaluationPage, CHOSEN_CHECKLIST};
pub use compare_page::ComparePage;
pub use kano_page::{KanoAnalysisPage, KanoPage};
pub use trial::TrialChecklist;
