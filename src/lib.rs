//! The Manyi Yew app: a thin shell over `manyi-core`. State transitions live in `state`, what the
//! screens show in `view`, the browser at the edge in `platform` and `storage`.

pub mod analysis;
mod app;
pub mod authoring;
pub mod callback;
pub mod components;
pub mod evaluation;
pub mod i18n;
pub mod kiosk;
mod pages;
pub mod platform;
pub mod state;
pub mod storage;
pub mod sync;
pub mod view;

pub use app::App;
