//! Import and export: tables as CSV/JSON, tidy CSV readers, Manyi's JSON bundles and merging.

pub mod bundle;
pub mod export;
pub mod merge;
pub mod responses;
pub mod table;
pub mod tables;
pub mod text;
pub mod tidy;
pub mod xlsx;
