//! The placeholder app: it renders its heading, the core's text, and counts clicks.

use crate::dom::{click, mount, wait_for, wait_for_text};
use manyi::App;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn renders_the_heading_and_the_cores_text() {
    let root = mount::<App>();
    let heading = wait_for(&root, "h1").await;
    assert_eq!(heading.text_content().as_deref(), Some("满意 Manyi"));
    // This text comes from manyi_core, compiled into the same wasm module.
    wait_for_text(&root, ".tagline", "满意").await;
}

#[wasm_bindgen_test]
async fn the_button_counts_clicks() {
    let root = mount::<App>();
    wait_for_text(&root, "#count", "0").await;
    click(&root, "button").await;
    wait_for_text(&root, "#count", "1").await;
    click(&root, "button").await;
    wait_for_text(&root, "#count", "2").await;
}
