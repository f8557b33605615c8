//! What a customer types on the kiosk: the call-back phone number on a big keypad, checked by
//! core's rule with the problem said in words; and typing (a comment) keeps the session alive,
//! even text that arrives without a key (an input method's, a paste, dictation).

use crate::customer::*;
use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;
use serde_json::Value;

/// Presses the phone keypad's keys for `digits`, one by one.
async fn key_in(browser: &Browser, digits: &str) {
    for digit in digits.chars() {
        browser.click_button_by_accessible_name(&digit.to_string()).await;
    }
}

/// Waits until the phone field shows `digits`.
async fn shows(browser: &Browser, digits: &str) {
    let script = format!("return document.querySelector('input[type=tel]').value === {digits:?};");
    browser.wait_until(&script, &format!("the phone field showing {digits}"), TIMEOUT).await;
}

/// The phone field's problem, once it says `text`.
async fn problem(browser: &Browser, text: &str) {
    browser.wait_for_text(".phone-answer .phone-problem", text, TIMEOUT).await;
    assert_eq!(browser.attribute("input[type=tel]", "aria-invalid").await, "true");
}

fn phone_of(r: &Value) -> &Value {
    &r["response"]["answers"]["phone"]
}

#[tokio::test]
async fn the_call_back_number_is_keyed_on_a_keypad_and_a_wrong_one_is_said_and_not_kept() {
    let browser = Browser::open().await;
    set_up(&browser, &[("thanks", "2")]).await;
    to_the_last_screen(&browser, "不满意").await;
    press_until(&browser, "是", "input[type=tel]").await;
    // Seven digits on the keypad: a mobile number has eleven; nothing is kept.
    key_in(&browser, "1381234").await;
    shows(&browser, "1381234").await;
    problem(&browser, "手机号码是 11 位，现在是 7 位").await;
    // Letters typed on a keyboard: said as such.
    browser.fill("input[type=tel]", "138abc").await;
    problem(&browser, "“a”不是数字：请只输入数字，如 13812345678 或 0571-87654321").await;
    let draft = wait_for_store(&browser, "the draft", |rs| rs.len() == 1).await;
    assert!(phone_of(&draft[0]).is_null(), "no wrong number is stored: {draft:#?}");
    // Cleared, then a mobile number on the keypad: no problem, and it is what is stored.
    browser.click_button_by_accessible_name("清空").await;
    key_in(&browser, "13812345678").await;
    shows(&browser, "13812345678").await;
    assert_eq!(browser.attribute("input[type=tel]", "aria-invalid").await, "false");
    let none = browser.client().find_all(Locator::Css(".phone-problem")).await.unwrap();
    assert!(none.is_empty(), "a good number has no problem");
    // A digit deleted: ten digits are not a number any more.
    browser.click_button_by_accessible_name("删除一位").await;
    problem(&browser, "手机号码是 11 位，现在是 10 位").await;
    key_in(&browser, "8").await;
    press_until(&browser, "提交", ".thanks h1").await;
    let records = wait_for_store(&browser, "the complete response", |rs| {
        rs.len() == 1 && rs[0]["status"] == "complete"
    })
    .await;
    assert_eq!(phone_of(&records[0])["text"], "13812345678", "{records:#?}");
    assert_eq!(records[0]["follow_up"], "queued", "a low score with a number is called back");
    browser.close().await;
}

/// Types `chars` characters into the comment as an input method does (text arrives, no key is
/// pressed), one every 400 ms, and says whether the idle countdown showed meanwhile, whether the
/// comment is still on the screen, and what it holds.
const TYPE_WITHOUT_KEYS: &str = "const [chars, done] = arguments;\
    const field = document.querySelector('textarea');\
    field.focus();\
    let countdown = false;\
    const observer = new MutationObserver(() => {\
      if (document.querySelector('[role=alertdialog]')) countdown = true;\
    });\
    observer.observe(document.body, { subtree: true, childList: true });\
    let typed = 0;\
    const timer = setInterval(() => {\
      const now = document.querySelector('textarea');\
      if (typed === chars || !now) {\
        clearInterval(timer);\
        observer.disconnect();\
        done([countdown, !!now, now ? now.value : null]);\
        return;\
      }\
      now.focus();\
      document.execCommand('insertText', false, '好');\
      typed += 1;\
    }, 400);";

#[tokio::test]
async fn typing_a_comment_keeps_the_session_alive() {
    let browser = Browser::open().await;
    // Idle after 5 s, then a 3 s countdown: 25 characters at 400 ms take 10 s, longer than both.
    set_up(&browser, &[("idle", "5"), ("countdown", "3")]).await;
    to_the_last_screen(&browser, "满意").await;
    let seen = browser.execute_async(TYPE_WITHOUT_KEYS, vec![25.into()]).await;
    let expected = serde_json::json!([false, true, "好".repeat(25)]);
    assert_eq!(seen, expected, "[countdown shown, comment still on screen, its text]");
    browser.close().await;
}
