//! Every figure of DOMAIN.md §3, each computed in one place.
//!
//! The statistics are accumulators, fed one observation at a time — a response, or a row of a
//! dataset's columns — merged across parts, and finished into their figures: [`moments::Moments`]
//! (the index of a group), [`drivers::Regression`], [`drivers::CompleteCases`] and
//! [`drivers::DriversTally`] (penalty–reward, derived importance and weights, performance),
//! [`kano::KanoTally`] (the Kano table). [`crate::dataset`] feeds them from a questionnaire
//! version's responses (imported, or held in memory through
//! [`crate::dataset::Dataset::from_responses`]) into one result type per analysis:
//! [`report::Index`] and [`analysis::Analysis`]; [`crate::analyses`] feeds them from tidy files.
//! `composite` holds the weight tree and a response's composite, `weights` where weights come
//! from, `ahp`, `nps` and `ipa` their own figures.

pub mod ahp;
pub mod analysis;
pub mod composite;
pub mod drivers;
pub mod group;
pub mod index;
pub mod ipa;
pub mod kano;
pub mod moments;
pub mod nps;
pub mod report;
pub mod scale;
pub mod stats;
pub mod weights;
