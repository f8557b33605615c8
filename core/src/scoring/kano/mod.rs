//! Kano classification of quality attributes from paired functional / dysfunctional answers
//! (DOMAIN.md §3): the evaluation table, category counts, class rules, Better/Worse,
//! strengths, Fong's test and DuMouchel's continuous scores.

mod analysis;
mod answer;
mod category;
mod counts;
mod rules;
mod table;

pub use analysis::{analyse_counts, analyse_pairs, KanoOptions, KanoResult, FONG_Z};
pub use answer::KanoAnswer;
pub use category::KanoCategory;
pub use counts::KanoCounts;
pub use rules::{ClassRule, DEFAULT_MOAI_THRESHOLD};
pub use table::EvaluationTable;

#[cfg(test)]
mod tests;
