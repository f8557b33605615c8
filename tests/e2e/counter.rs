//! The placeholder app, as a user meets it: open, click, reload.

use crate::harness::{Browser, TIMEOUT};

#[tokio::test]
async fn counts_clicks_and_starts_afresh_after_a_reload() {
    let browser = Browser::open().await;
    browser.wait_for_text("h1", "满意 Manyi", TIMEOUT).await;
    assert_eq!(browser.title().await, "满意 Manyi");
    browser.wait_for_text("#count", "0", TIMEOUT).await;

    browser.click_button_by_accessible_name("加一 Add one").await;
    browser.wait_for_text("#count", "1", TIMEOUT).await;
    browser.click_button_by_accessible_name("加一 Add one").await;
    browser.wait_for_text("#count", "2", TIMEOUT).await;

    // Nothing is stored yet: the page comes back with a fresh counter.
    browser.reload().await;
    browser.wait_for_text("h1", "满意 Manyi", TIMEOUT).await;
    browser.wait_for_text("#count", "0", TIMEOUT).await;
    browser.close().await;
}
