//! Browser tests: components mounted into a real page in headless Chromium by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown -p manyi`, or `cargo xtask test`).
#![cfg(target_arch = "wasm32")]

// Helpers: not every test uses every one.
#[allow(dead_code)]
mod dom;

mod analysis_storage;
mod callback_storage;
mod faces;
mod kiosk_storage;
mod questionnaires;
mod storage;
mod sync_storage;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
