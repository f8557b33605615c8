//! Every figure of DOMAIN.md §3.
//!
//! The statistical modules work on plain numbers; `composite` and `index` connect them to
//! questionnaires and responses.

pub mod ahp;
pub mod composite;
pub mod drivers;
pub mod group;
pub mod index;
pub mod ipa;
pub mod kano;
pub mod nps;
pub mod report;
pub mod scale;
pub mod stats;
pub mod weights;
