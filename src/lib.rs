//! The Manyi Yew app: a thin shell over `manyi-core`.
//!
//! For now a placeholder page: a heading, a text that comes from the core (proving it links into wasm)
//! and a counter button that the browser and end-to-end tests click.

mod app;

pub use app::App;
