//! The hall kiosk all day: customers in a row with the staff's tags, a reload mid-survey, the idle
//! reset, the PIN, a failing store, and the app working with the network off; and the time from
//! a tap to the next screen, measured and printed.

use crate::customer::*;
use crate::harness::{self, Browser, TIMEOUT};
use fantoccini::Locator;
use serde_json::Value;

fn status(r: &Value) -> &str {
    r["status"].as_str().unwrap_or_default()
}

fn tag<'v>(r: &'v Value, key: &str) -> &'v str {
    r["response"]["tags"][key].as_str().unwrap_or_default()
}

/// Clicks the button named `name` and returns the milliseconds until the first `.question` shows
/// another text, and until the frame after that change has been drawn (the page's own
/// `performance.now()`), or `null` when the tap was swallowed by the double-tap guard.
const TIMED_TAP: &str = "const [name, done] = arguments;\
    const heading = () => { const q = document.querySelector('.question'); return q ? q.textContent : null; };\
    const before = heading();\
    const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === name);\
    const t0 = performance.now();\
    const observer = new MutationObserver(() => {\
      if (heading() === before) return;\
      observer.disconnect();\
      const dom = performance.now() - t0;\
      requestAnimationFrame(() => setTimeout(() => done([dom, performance.now() - t0]), 0));\
    });\
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });\
    setTimeout(() => { observer.disconnect(); if (heading() === before) done(null); }, 1000);\
    button.click();";

/// One timed tap: (ms to the next screen in the DOM, ms to the frame that shows it).
async fn timed_tap(browser: &Browser, question: &str, name: &str) -> (f64, f64) {
    browser.wait_for_text(".question", question, TIMEOUT).await;
    for _ in 0..10 {
        let times = browser.execute_async(TIMED_TAP, vec![name.into()]).await;
        if let (Some(dom), Some(frame)) = (times[0].as_f64(), times[1].as_f64()) {
            return (dom, frame);
        }
    }
    panic!("tapping {name:?} on {question:?} never changed the screen");
}

fn median(mut xs: Vec<f64>) -> (f64, f64, f64) {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    ((xs[n / 2] + xs[(n - 1) / 2]) / 2.0, xs[0], xs[n - 1])
}

/// A whole survey up to the closing screen with every tap timed (business, class, the items
/// rated `rating` with the self-service ones N/A, and `overall`).
async fn timed_survey(browser: &Browser, business: &str, rating: &str, overall: &str) -> Vec<(f64, f64)> {
    start(browser).await;
    let mut taps = vec![timed_tap(browser, "您今天办理的业务", business).await];
    taps.push(timed_tap(browser, "您是", "居民").await);
    for question in &ITEMS[..10] {
        let name = if question.starts_with("自助终端") { "未使用/不适用" } else { rating };
        taps.push(timed_tap(browser, question, name).await);
    }
    taps.push(timed_tap(browser, ITEMS[10], overall).await);
    browser.wait_for("textarea", TIMEOUT).await;
    taps
}

#[tokio::test]
async fn three_customers_in_a_row_give_three_responses_with_the_staff_tags() {
    let browser = Browser::open().await;
    set_up(
        &browser,
        &[("hall", "城东营业厅"), ("counter", "3"), ("staff", "A017"), ("device", "pad-1"), ("thanks", "2")],
    )
    .await;
    // The first two customers: every tap from business to overall timed.
    let mut taps = timed_survey(&browser, "缴费", "满意", "非常满意").await;
    // A double tap on 提交 stores one response.
    double_press_until(&browser, "提交", ".thanks h1").await;
    // The thanks return to the attract screen by themselves (2 s), with nothing of the customer.
    attract(&browser).await;
    taps.extend(timed_survey(&browser, "故障报修", "一般", "满意").await);
    press_until(&browser, "提交", ".thanks h1").await;
    attract(&browser).await;
    // Printed, not asserted: the figure in README.md (run alone, `-- --nocapture`).
    let (dom, dom_min, dom_max) = median(taps.iter().map(|t| t.0).collect());
    let (frame, frame_min, frame_max) = median(taps.iter().map(|t| t.1).collect());
    println!(
        "tap to next screen over {} taps: in the DOM median {dom:.1} ms (min {dom_min:.1}, max {dom_max:.1}); \
         drawn median {frame:.1} ms (min {frame_min:.1}, max {frame_max:.1})",
        taps.len()
    );
    // The third is unhappy and asks to be called back: queued for the callback workspace.
    answer_all(&browser, "投诉", "不满意", "非常不满意", Some("13912345678")).await;
    attract(&browser).await;

    let records = wait_for_store(&browser, "three complete responses", |rs| {
        rs.len() == 3 && rs.iter().all(|r| status(r) == "complete")
    })
    .await;
    for r in &records {
        assert_eq!(
            (tag(r, "hall"), tag(r, "counter"), tag(r, "staff"), tag(r, "device")),
            ("城东营业厅", "3", "A017", "pad-1")
        );
    }
    let mut businesses: Vec<&str> = records.iter().map(|r| tag(r, "business_type")).collect();
    businesses.sort_unstable();
    assert_eq!(businesses, ["complaint", "payment", "repair"]);
    let queued: Vec<&Value> = records.iter().filter(|r| r["follow_up"] == "queued").collect();
    assert_eq!(queued.len(), 1, "{records:#?}");
    assert_eq!(queued[0]["response"]["answers"]["phone"]["text"], "13912345678");
    assert_eq!(queued[0]["response"]["answers"]["callback_consent"], "yes");

    // The staff screen counts them.
    browser.click_button_by_accessible_name("工作人员").await;
    enter_pin(&browser, PIN).await;
    browser.wait_for_text(".count-stored td", "3", TIMEOUT).await;
    browser.wait_for_text(".count-complete td", "3", TIMEOUT).await;
    browser.wait_for_text(".count-unexported td", "3", TIMEOUT).await;
    browser.wait_for_text(".count-queued td", "1", TIMEOUT).await;
    browser.close().await;
}

#[tokio::test]
async fn a_reload_mid_survey_loses_no_answer() {
    let browser = Browser::open().await;
    set_up(&browser, &[]).await;
    start(&browser).await;
    tap(&browser, "您今天办理的业务", "业扩报装").await;
    tap(&browser, "您是", "企业/商户").await;
    tap(&browser, ITEMS[0], "非常满意").await;
    tap(&browser, ITEMS[1], "一般").await;
    browser.wait_for_text(".question", ITEMS[2], TIMEOUT).await;

    browser.reload().await;
    browser.wait_for_text(".question", ITEMS[2], TIMEOUT).await;
    browser.wait_for_text(".progress-text", "5 / 14", TIMEOUT).await;
    // Back shows the earlier answer still chosen.
    press_until(&browser, "上一题", "[aria-pressed=true]").await;
    browser.wait_for_text(".question", ITEMS[1], TIMEOUT).await;
    browser.wait_for_text("[aria-pressed=true] .face-label", "一般", TIMEOUT).await;
    let records = stored(&browser).await;
    assert_eq!(records.len(), 1);
    let answers = &records[0]["response"]["answers"];
    assert_eq!(answers["business"]["choice"], "new_connection");
    assert_eq!(answers["customer_class"]["choice"], "business");
    assert_eq!((answers["guide"]["rating"].as_i64(), answers["wait"]["rating"].as_i64()), (Some(5), Some(3)));
    browser.close().await;
}

#[tokio::test]
async fn idle_ends_the_session_as_a_break_off_and_the_next_customer_starts_clean() {
    let browser = Browser::open().await;
    set_up(&browser, &[("idle", "5"), ("countdown", "3")]).await;
    start(&browser).await;
    tap(&browser, "您今天办理的业务", "咨询").await;
    tap(&browser, "您是", "其他").await;
    // Nobody touches it: the countdown appears; "continue" goes on with the answers kept.
    browser.wait_for("[role=alertdialog] .idle-seconds", TIMEOUT).await;
    browser.click_button_by_accessible_name("继续评价").await;
    browser.wait_for_text(".question", ITEMS[0], TIMEOUT).await;
    let dialogs = browser.client().find_all(Locator::Css("[role=alertdialog]")).await.unwrap();
    assert!(dialogs.is_empty(), "the countdown is gone");
    // The customer reads on in English.
    browser.click_button_by_accessible_name("English").await;
    browser.wait_for_text(".question", "I was greeted and guided correctly", TIMEOUT).await;
    // Then nobody again: the countdown runs out and the attract screen returns, in Chinese.
    browser.wait_for("[role=alertdialog] .idle-seconds", TIMEOUT).await;
    attract(&browser).await;
    let records =
        wait_for_store(&browser, "one break-off", |rs| rs.len() == 1 && status(&rs[0]) == "break_off").await;
    assert_eq!(records[0]["response"]["answers"]["business"]["choice"], "inquiry");
    assert!(records[0]["response"]["submitted_at"].is_string());
    // The next customer sees a clean survey: nothing chosen, the first screen.
    start(&browser).await;
    browser.wait_for_text(".progress-text", "1 / 14", TIMEOUT).await;
    let chosen = browser.client().find_all(Locator::Css("[aria-pressed=true]")).await.unwrap();
    assert!(chosen.is_empty(), "nothing of the previous customer is chosen");
    browser.close().await;
}

#[tokio::test]
async fn the_staff_screens_and_results_need_the_pin() {
    let browser = Browser::open().await;
    set_up(&browser, &[]).await;
    for route in ["#/staff", "#/results"] {
        browser.goto(route).await;
        browser.wait_for_text(".staff-gate h1", "工作人员登录", TIMEOUT).await;
        assert!(browser.client().find(Locator::Css(".staff, .results")).await.is_err(), "{route} is closed");
    }
    enter_pin(&browser, "1357").await;
    browser.wait_for_text(".pin-pad .error", "密码错误", TIMEOUT).await;
    enter_pin(&browser, PIN).await;
    browser.wait_for(".results", TIMEOUT).await;
    browser.goto("#/staff").await;
    browser.wait_for_text(".staff h1", "工作人员设置", TIMEOUT).await;
    lock(&browser).await;
    browser.goto("#/staff").await;
    browser.wait_for_text(".staff-gate h1", "工作人员登录", TIMEOUT).await;
    browser.close().await;
}

#[tokio::test]
async fn a_failing_store_tells_the_customer_and_shows_no_thanks() {
    let browser = Browser::open().await;
    set_up(&browser, &[]).await;
    start(&browser).await;
    // Another party deletes the database: the app lets go of it and every write fails from now on.
    browser.client().execute("indexedDB.deleteDatabase('manyi');", vec![]).await.unwrap();
    tap(&browser, "您今天办理的业务", "缴费").await;
    browser.wait_for_text(".notice p", "问卷未能保存，请告知工作人员。", TIMEOUT).await;
    browser.close().await;
}

#[tokio::test]
async fn with_the_network_off_after_a_first_visit_the_app_loads_and_stores_a_response() {
    let mut server = static_server::Server::bind("127.0.0.1:0", harness::dist()).unwrap().spawn_stoppable();
    let browser = Browser::open_at(server.addr()).await;
    set_up(&browser, &[]).await;
    browser
        .wait_until(
            "return navigator.serviceWorker.controller !== null",
            "the service worker controls the page",
            TIMEOUT,
        )
        .await;
    server.stop();
    browser.reload().await;
    attract(&browser).await;
    answer_all(&browser, "缴费", "满意", "满意", None).await;
    wait_for_store(&browser, "one complete response", |rs| rs.len() == 1 && status(&rs[0]) == "complete")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn staff_export_mark_as_exported_and_delete_only_exported_responses() {
    let browser = Browser::open().await;
    set_up(&browser, &[("thanks", "2")]).await;
    answer_all(&browser, "缴费", "满意", "满意", None).await;
    answer_all(&browser, "咨询", "一般", "一般", None).await;
    attract(&browser).await;
    browser.click_button_by_accessible_name("工作人员").await;
    enter_pin(&browser, PIN).await;
    browser.wait_for_text(".count-unexported td", "2", TIMEOUT).await;
    for (button, file) in [("导出 CSV", "csv"), ("导出 Excel", "xlsx"), ("导出 JSON", "json")] {
        browser.click_button_by_accessible_name(button).await;
        browser.wait_for_text(".staff-data .ok", "已导出 2 份问卷", TIMEOUT).await;
        println!("exported {file}");
    }
    browser.click_button_by_accessible_name("标记为已导出").await;
    browser.wait_for_text(".staff-data .ok", "2 份已标记为已导出", TIMEOUT).await;
    browser.wait_for_text(".count-exported td", "2", TIMEOUT).await;
    browser.wait_for_text(".count-unexported td", "0", TIMEOUT).await;
    // Nothing new to export now.
    browser.click_button_by_accessible_name("导出 JSON").await;
    browser.wait_for_text(".staff-data .error", "没有可导出的问卷", TIMEOUT).await;

    // A third customer comes; then staff delete what was exported, after confirming.
    lock(&browser).await;
    answer_all(&browser, "投诉", "满意", "满意", None).await;
    attract(&browser).await;
    browser.click_button_by_accessible_name("工作人员").await;
    enter_pin(&browser, PIN).await;
    browser.wait_for_text(".count-unexported td", "1", TIMEOUT).await;
    browser.click_button_by_accessible_name("删除已导出的问卷").await;
    browser.wait_for_text("#confirm-delete", "确定删除 2 份已导出的问卷吗？删除后无法恢复。", TIMEOUT).await;
    browser.click_button_by_accessible_name("确认删除").await;
    browser.wait_for_text(".staff-data .ok", "已删除 2 份问卷", TIMEOUT).await;
    browser.wait_for_text(".count-stored td", "1", TIMEOUT).await;
    let records = stored(&browser).await;
    assert_eq!(records.len(), 1, "only the unexported response is left");
    assert_eq!(tag(&records[0], "business_type"), "complaint");
    assert!(records[0]["exported_at"].is_null());
    browser.close().await;
}

#[tokio::test]
async fn a_low_score_with_consent_reaches_the_callback_queue_at_the_threshold_staff_set() {
    let browser = Browser::open().await;
    // Staff count 3 as a low score here (the default is 2).
    set_up(&browser, &[("threshold", "3"), ("thanks", "2")]).await;
    answer_all(&browser, "投诉", "一般", "一般", Some("13912345678")).await;
    attract(&browser).await;
    // Low too, but without consent: flagged only, never called.
    answer_all(&browser, "缴费", "一般", "不满意", None).await;
    attract(&browser).await;
    let records = wait_for_store(&browser, "two complete responses", |rs| {
        rs.len() == 2 && rs.iter().all(|r| status(r) == "complete")
    })
    .await;
    let queued: Vec<&Value> = records.iter().filter(|r| r["follow_up"] == "queued").collect();
    assert_eq!(queued.len(), 1, "{records:#?}");
    assert_eq!(records.iter().filter(|r| r["follow_up"] == "flagged").count(), 1);
    let id = queued[0]["id"].as_str().unwrap().to_owned();

    // The callback workspace is behind the PIN on the kiosk, and its queue starts with the request.
    browser.goto("#/callback").await;
    enter_pin(&browser, PIN).await;
    browser.wait_for_text(".callback h1", "电话回访", TIMEOUT).await;
    browser.click_button_by_accessible_name("回访队列").await;
    let first = ".cb-queue tbody tr:nth-child(1)";
    browser.wait_for_text(&format!("{first} .badge.recovery"), "服务补救", TIMEOUT).await;
    browser.wait_for(&format!("{first}[data-case='kiosk-{id}']"), TIMEOUT).await;
    browser.wait_for_text(&format!("{first} .phone"), "139****5678", TIMEOUT).await;
    let rows = browser.client().find_all(Locator::Css(".cb-queue tbody tr")).await.unwrap();
    assert_eq!(rows.len(), 1, "the response without consent is not called");
    browser.close().await;
}
