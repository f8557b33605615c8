//! Kano classification of quality attributes from paired functional / dysfunctional answers
//! (DOMAIN.md §3): the evaluation tables (standard and Pouliot), the answer pairs' tally
//! ([`KanoTally`], the accumulator), category counts, class rules, Better/Worse, strengths,
//! Fong's test and DuMouchel's continuous scores.

mod analysis;
mod answer;
mod category;
mod counts;
mod rules;
mod table;
mod tally;

pub use analysis::{analyse_counts, analyse_pairs, KanoOptions, KanoResult, FONG_Z};
pub use answer::KanoAnswer;
pub use category::KanoCategory;
pub use counts::KanoCounts;
pub use rules::{ClassRule, DEFAULT_MOAI_THRESHOLD};
pub use table::EvaluationTable;
pub use tally::KanoTally;

#[cfg(test)]
mod tests;
