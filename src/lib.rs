//! The Manyi Yew app: a thin shell over `manyi-core`, in areas that are each a page and a wasm
//! of their own (`src/bin/`): the kiosk (`kiosk`, what customers download), the desk (`desk`:
//! results, call desk, editor, analyst workspace), the field app (`field`: evaluation, Kano
//! study) and the analyst workspace's web worker. What they share: `app` (the frame, the staff
//! PIN, the way between areas) over `state`, and `components`, `platform`, `storage`, `view`.

pub mod analysis;
pub mod app;
pub mod authoring;
pub mod callback;
pub mod components;
pub mod desk;
pub mod errors;
pub mod evaluation;
pub mod exports;
pub mod field;
pub mod i18n;
pub mod kiosk;
pub mod platform;
pub mod state;
pub mod storage;
pub mod sync;
pub mod view;
