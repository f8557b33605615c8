//! Every figure of DOMAIN.md §3, computed from plain numbers.
//!
//! The modules here work on slices and small structs, not on questionnaires; `index` and
//! `report` connect them to questionnaires and responses.

pub mod ahp;
pub mod drivers;
pub mod ipa;
pub mod kano;
pub mod nps;
pub mod scale;
pub mod stats;
pub mod weights;
