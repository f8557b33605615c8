//! The hall survey as a customer meets it: taps through the questionnaire, submits, reloads, and the
//! results page shows the stored response and the index core computed from it.

use crate::customer::{self, double_tap, enter_pin, press_until, set_up, tap, PIN};
use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;

async fn start(browser: &Browser) {
    set_up(browser, &[]).await;
    customer::start(browser).await;
}

async fn cell(browser: &Browser, css: &str, text: &str) {
    browser.wait_for_text(css, text, TIMEOUT).await;
}

#[tokio::test]
async fn a_customer_answers_by_taps_and_the_results_show_the_index() {
    let browser = Browser::open().await;
    start(&browser).await;
    tap(&browser, "您今天办理的业务", "缴费").await;
    tap(&browser, "您是", "居民").await;
    // A double tap records one answer and moves one screen: the next screen is `wait`, not `queue_fair`.
    double_tap(&browser, "进厅后得到及时、准确的引导", "非常满意").await;
    let answers = [
        ("取号后的等候时间可以接受", "一般"),
        ("叫号顺序公平合理", "满意"),
        ("服务用语规范、态度热情", "非常满意"),
        ("办理速度快", "满意"),
        ("一次办好、准确无误", "满意"),
        ("政策、电价、流程解释清楚", "一般"),
        ("自助终端容易操作", "未使用/不适用"),
        ("自助终端能满足办理需要", "未使用/不适用"),
        ("营业厅整洁、舒适、设施齐全", "非常满意"),
        ("总体满意度", "满意"),
    ];
    for (question, name) in answers {
        tap(&browser, question, name).await;
    }
    // The closing screen: a comment, consent to a callback, and then the phone field appears.
    let comment = browser.wait_for("textarea", TIMEOUT).await;
    comment.send_keys("服务很好").await.expect("type a comment");
    press_until(&browser, "是", "input[type=tel]").await;
    let phone = browser.wait_for("input[type=tel]", TIMEOUT).await;
    phone.send_keys("13800000000").await.expect("type a phone number");
    press_until(&browser, "提交", ".thanks h1").await;
    browser.wait_for_text(".thanks h1", "感谢您的评价！", TIMEOUT).await;
    browser.click_button_by_accessible_name("返回首页").await;
    browser.wait_for_text(".start-button", "开始评价", TIMEOUT).await;

    // After a reload nothing is resumed (the response is complete) and the results show it,
    // behind the staff PIN.
    browser.reload().await;
    browser.wait_for_text(".start-button", "开始评价", TIMEOUT).await;
    browser.goto("#/results").await;
    enter_pin(&browser, PIN).await;
    // Equal weights: dimensions 1/4 each; items 1/3 (guidance), 1/4 (counter), 1/2 (self-service),
    // 1 (environment). Both self-service items are N/A, so the products of the answered items,
    // 3 × 1/12 + 4 × 1/16 + 1/4 = 0.75, are renormalised to 1. With 5 → 100, 4 → 75, 3 → 50:
    // guidance (100 + 50 + 75)/12 = 18.75, counter (100 + 75 + 75 + 50)/16 = 18.75,
    // environment 100/4 = 25; (18.75 + 18.75 + 25)/0.75 = 83.33… (`overall` is not in the index).
    let row = |n: usize, col: usize| format!(".index-table tbody tr:nth-child({n}) :nth-child({col})");
    cell(&browser, &row(1, 1), "总体").await;
    cell(&browser, &row(1, 2), "1").await;
    cell(&browser, &row(1, 3), "83.3").await;
    cell(&browser, &row(1, 4), "—").await; // one respondent: no interval
    cell(&browser, &row(1, 5), "样本少").await;
    cell(&browser, &row(2, 3), "75.0").await; // guidance: (100 + 50 + 75)/3
    cell(&browser, &row(3, 3), "75.0").await; // counter: (100 + 75 + 75 + 50)/4
    cell(&browser, &row(4, 2), "0").await; // self-service: N/A only
    cell(&browser, &row(5, 3), "100.0").await; // environment
    let rows = browser.client().find_all(Locator::Css(".response-table tbody tr")).await.unwrap();
    assert_eq!(rows.len(), 1);
    let response = |col: usize| format!(".response-table tbody tr:nth-child(1) td:nth-child({col})");
    cell(&browser, &response(2), "完成").await;
    cell(&browser, &response(3), "缴费").await;
    cell(&browser, &response(4), "居民").await;
    cell(&browser, &response(5), "4 满意").await;
    cell(&browser, &response(6), "83.3").await;
    browser.close().await;
}

#[tokio::test]
async fn an_unfinished_survey_resumes_after_a_reload_in_the_language_chosen() {
    let browser = Browser::open().await;
    start(&browser).await;
    tap(&browser, "您今天办理的业务", "投诉").await;
    tap(&browser, "您是", "企业/商户").await;
    browser.wait_for_text(".question", "进厅后得到及时、准确的引导", TIMEOUT).await;

    browser.reload().await;
    browser.wait_for_text(".question", "进厅后得到及时、准确的引导", TIMEOUT).await;
    browser.wait_for_text(".progress-text", "3 / 14", TIMEOUT).await;
    browser.click_button_by_accessible_name("English").await;
    browser.wait_for_text(".question", "I was greeted and guided correctly", TIMEOUT).await;

    browser.reload().await;
    browser.wait_for_text(".question", "I was greeted and guided correctly", TIMEOUT).await;
    browser.goto("#/results").await;
    enter_pin(&browser, PIN).await;
    let draft = |col: usize| format!(".response-table tbody tr:nth-child(1) td:nth-child({col})");
    cell(&browser, &draft(2), "Draft").await;
    cell(&browser, &draft(3), "Complaint").await;
    cell(&browser, &draft(4), "Business").await;
    cell(&browser, &draft(6), "—").await;
    cell(&browser, ".index-table tbody tr:nth-child(1) :nth-child(2)", "0").await;
    browser.close().await;
}
