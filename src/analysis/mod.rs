//! The analyst workspace (`#/analysis`): analysts merge the export files of many devices, see the
//! weighted index by hall, counter, staff, business type, customer class, channel and month with
//! its interval, choose the weights (AHP included), read the quality characteristics (Kano,
//! penalty–reward, importance–performance) and export everything. A thin shell over core: in a
//! web worker, the `engine` holds the merged data in core's columnar datasets, `results` runs
//! core's scoring pass over them and `downloads` makes the files; `state` holds every transition
//! (pure, tested natively), `effects` the store and the requests to the worker, the rest renders.

mod chart;
mod client;
mod controls;
mod dashboard;
pub mod downloads;
mod effects;
pub mod engine;
mod export;
pub mod failure;
mod import;
mod page;
pub mod protocol;
mod quality;
pub mod results;
mod server;
pub mod server_pages;
mod server_panel;
pub mod settings;
pub mod state;
pub mod texts;
pub mod weighting;
mod weights;
pub mod worker;

pub use page::AnalysisPage;
