//! The evaluator's checklist on the phone: two evaluators visit the same hall; the first visit has
//! N/A items, a stopwatch time and a red line, and every score on screen is the one computed by
//! hand; the comparison shows their sections side by side and the items where they differ. A
//! visit in progress, made offline, survives a reload with its stopwatch running. All on a phone-size screen
//! (390 × 844 CSS pixels) that nothing sticks out of.

use crate::harness::Browser;
use fantoccini::Locator;

/// The phone's width in CSS pixels (`Browser::open_phone`).
const PHONE_WIDTH: u64 = 390;

/// Answers check `item` with the button of class `answer` (`yes`, `no`, `na`) and waits until
/// the answer shows as chosen.
async fn check(b: &Browser, item: &str, answer: &str) {
    let css = format!("[data-item=\"{item}\"] .check.{answer}");
    b.click(&css).await;
    b.until(&format!("`{css}` is not pressed"), || async {
        let e = b.client().find(Locator::Css(&css)).await.ok()?;
        (e.attr("aria-pressed").await.ok()?? == "true").then_some(())
    })
    .await;
}

async fn checks(b: &Browser, answers: &[(&str, &str)]) {
    for (item, answer) in answers {
        check(b, item, answer).await;
    }
}

/// Goes to section `n` (counting from 0) with the bar's 下一项 button.
async fn next_section(b: &Browser, n: usize) {
    b.click_button_by_accessible_name("下一项").await;
    b.wait_for(&format!(".checklist-section[data-section=\"{n}\"]"), crate::harness::TIMEOUT).await;
}

async fn note(b: &Browser, item: &str, text: &str) {
    b.click(&format!("[data-item=\"{item}\"] .item-note summary")).await;
    b.fill(&format!("[data-item=\"{item}\"] .note-text"), text).await;
}

/// The number shown at `css` (its `data-value`, unrounded) once it is close to `expected`.
async fn value_near(b: &Browser, css: &str, expected: f64) {
    b.until(&format!("`{css}` does not show {expected}"), || async {
        let e = b.client().find(Locator::Css(css)).await.ok()?;
        let v: f64 = e.attr("data-value").await.ok()??.parse().ok()?;
        ((v - expected).abs() < 1e-9).then_some(())
    })
    .await;
}

pub(crate) async fn start_visit(b: &Browser, evaluator: &str) {
    b.goto("#/evaluation").await;
    b.fill("#visit-evaluator", evaluator).await;
    b.fill("#visit-hall", "城东营业厅").await;
    b.click_button_by_accessible_name("开始测评").await;
    b.wait_for(".checklist-section[data-section=\"0\"]", crate::harness::TIMEOUT).await;
}

async fn submit(b: &Browser) {
    b.click_button_by_accessible_name("查看汇总并提交").await;
    b.click_button_by_accessible_name("提交测评").await;
    b.wait_for_text(".done-title", "测评已提交", crate::harness::TIMEOUT).await;
}

#[tokio::test]
async fn visits_score_as_computed_by_hand_and_two_evaluators_compare() {
    let b = Browser::open_phone().await;
    const T: std::time::Duration = crate::harness::TIMEOUT;

    // Evaluator E1.
    start_visit(&b, "E1").await;
    b.assert_fits_width(PHONE_WIDTH, "the first section").await;
    checks(
        &b,
        &[
            ("signage", "yes"),
            ("clean", "yes"),
            ("amenities", "yes"),
            ("terminals", "na"),
            ("disclosure", "yes"),
        ],
    )
    .await;
    // Environment: 4 of 4 answered checks (terminals N/A drops out): 100.
    value_near(&b, ".section-score", 100.0).await;
    next_section(&b, 1).await;
    checks(&b, &[("uniform", "yes"), ("tidy", "yes"), ("posture", "yes")]).await;
    next_section(&b, 2).await;
    let conduct = [
        ("greets_first", "yes"),
        ("polite_language", "yes"),
        ("first_contact", "yes"),
        ("tell_once", "yes"),
        ("sing_receipt", "no"),
        ("no_buck_passing", "yes"),
    ];
    checks(&b, &conduct).await;
    note(&b, "sing_receipt", "收费时未唱收唱付").await;
    value_near(&b, ".section-score", 500.0 / 6.0).await;
    next_section(&b, 3).await;
    checks(&b, &[("fluent", "yes"), ("accurate", "yes"), ("within_pledge", "no")]).await;
    next_section(&b, 4).await;
    // Waiting time typed: 30 minutes, halfway from 20 (full marks) to 40 (none): 50.
    b.fill("#answer-wait_minutes", "30").await;
    // Handling time by stopwatch: started, stopped once it shows 3 s: 0.1 minutes (to a tenth),
    // within the pledged 15: 100.
    b.click("[data-item=\"handling_minutes\"] .watch-start").await;
    b.wait_for_text("[data-item=\"handling_minutes\"] .watch-time", "0:03", T).await;
    b.click("[data-item=\"handling_minutes\"] .watch-stop").await;
    b.until("the stopwatch did not fill the handling time", || async {
        let v = b
            .client()
            .find(Locator::Css("#answer-handling_minutes"))
            .await
            .ok()?
            .prop("value")
            .await
            .ok()??;
        (v == "0.1").then_some(())
    })
    .await;
    value_near(&b, ".section-score", 75.0).await;
    b.assert_fits_width(PHONE_WIDTH, "the stopwatches").await;
    // Before the red lines: .15·100 + .15·100 + .30·(5/6·100) + .25·(2/3·100) + .15·75
    // = 15 + 15 + 25 + 16.66… + 11.25 = 82.91666…
    let by_hand = 15.0 + 15.0 + 25.0 + 50.0 / 3.0 + 11.25;
    value_near(&b, ".visit-total output", by_hand).await;
    b.wait_for_text(".visit-total output", "82.9", T).await;
    next_section(&b, 5).await;
    checks(&b, &[("quarrel", "no"), ("three_designations", "no")]).await;
    // A red line is flagged the moment it is hit: the visit scores 0.
    check(&b, "unapproved_fees", "yes").await;
    b.wait_for(".red-line-banner", T).await;
    b.wait_for_text(".visit-total output", "0.0", T).await;
    b.wait_for("[data-item=\"unapproved_fees\"].hit", T).await;
    submit(&b).await;
    value_near(&b, ".checklist-done .visit-total output", 0.0).await;
    b.assert_fits_width(PHONE_WIDTH, "the submitted visit").await;
    // The sections stay as observed.
    value_near(&b, "tr[data-section=\"2\"] .section-score", 500.0 / 6.0).await;
    value_near(&b, "tr[data-section=\"4\"] .section-score", 75.0).await;

    // Evaluator E2, the same hall.
    b.click_button_by_accessible_name("新的测评").await;
    b.fill("#visit-evaluator", "E2").await;
    b.click_button_by_accessible_name("开始测评").await;
    b.wait_for(".checklist-section[data-section=\"0\"]", T).await;
    checks(
        &b,
        &[
            ("signage", "yes"),
            ("clean", "yes"),
            ("amenities", "yes"),
            ("terminals", "yes"),
            ("disclosure", "yes"),
        ],
    )
    .await;
    next_section(&b, 1).await;
    checks(&b, &[("uniform", "yes"), ("tidy", "no"), ("posture", "yes")]).await;
    note(&b, "tidy", "工牌佩戴不规范").await;
    next_section(&b, 2).await;
    let conduct = [
        ("greets_first", "yes"),
        ("polite_language", "yes"),
        ("first_contact", "yes"),
        ("tell_once", "yes"),
        ("sing_receipt", "na"),
        ("no_buck_passing", "yes"),
    ];
    checks(&b, &conduct).await;
    next_section(&b, 3).await;
    checks(&b, &[("fluent", "yes"), ("accurate", "yes"), ("within_pledge", "yes")]).await;
    next_section(&b, 4).await;
    b.fill("#answer-wait_minutes", "25").await;
    b.fill("#answer-handling_minutes", "20").await;
    next_section(&b, 5).await;
    checks(&b, &[("quarrel", "no"), ("unapproved_fees", "no"), ("three_designations", "no")]).await;
    // Environment 100; appearance 2/3; conduct 5/5 (sing_receipt N/A); competence 100;
    // efficiency: wait 25 → 100·(1 − 5/20) = 75, handling 20 → 100·(1 − 5/30) = 83.33…, mean 79.166…
    // Total 15 + .15·66.66… + 30 + 25 + .15·79.166… = 91.875.
    let e2 = 15.0 + 0.15 * 200.0 / 3.0 + 30.0 + 25.0 + 0.15 * (75.0 + 250.0 / 3.0) / 2.0;
    value_near(&b, ".visit-total output", e2).await;
    submit(&b).await;

    // Side by side.
    b.click(".checklist-done .bar-nav a[href=\"#/evaluation/compare\"]").await;
    b.wait_for(".compare-table", T).await;
    b.assert_fits_width(PHONE_WIDTH, "the comparison").await;
    let evaluators = b.client().find_all(Locator::Css(".compare-table .visit-evaluator")).await.unwrap();
    let mut order = Vec::new();
    for e in evaluators {
        order.push(e.text().await.unwrap());
    }
    order.sort();
    assert_eq!(order, ["E1", "E2"]);
    // Column of each evaluator (visits are in visit order; both began within the same minute).
    let first =
        b.client().find(Locator::Css(".compare-table .visit-evaluator")).await.unwrap().text().await.unwrap();
    let col = |e: &str| if e == first { 2 } else { 3 };
    let cell =
        |row: &str, e: &str| format!(".compare-table tbody tr:nth-child({row}) td:nth-child({})", col(e));
    value_near(&b, &cell("1", "E1"), 0.0).await;
    value_near(&b, &cell("1", "E2"), e2).await;
    b.wait_for(&format!("{}.flagged", cell("1", "E1")), T).await;
    // Appearance (row 3): 100 against 66.66…, spread 33.33…; efficiency (row 6): 75 against 79.166….
    value_near(&b, &cell("3", "E1"), 100.0).await;
    value_near(&b, &cell("3", "E2"), 200.0 / 3.0).await;
    value_near(&b, ".compare-table tbody tr:nth-child(3) .spread", 100.0 / 3.0).await;
    value_near(&b, ".compare-table tbody tr:nth-child(6) .spread", (75.0 + 250.0 / 3.0) / 2.0 - 75.0).await;
    // The items where they differ, with the notes. Timed items differ beyond 10 points: waiting
    // 50 against 75, handling 100 against 83.3.
    let rows = b.client().find_all(Locator::Css(".disagreement-table tbody tr")).await.unwrap();
    let mut items = Vec::new();
    for r in rows {
        items.push(r.attr("data-item").await.unwrap().unwrap());
    }
    assert_eq!(
        items,
        [
            "terminals",
            "tidy",
            "sing_receipt",
            "within_pledge",
            "wait_minutes",
            "handling_minutes",
            "unapproved_fees"
        ]
    );
    let answer = |item: &str, e: &str| {
        format!(".disagreement-table tr[data-item=\"{item}\"] td:nth-child({}) .answer", col(e))
    };
    b.wait_for_text(&answer("tidy", "E1"), "是", T).await;
    b.wait_for_text(&answer("tidy", "E2"), "否", T).await;
    b.wait_for_text(&answer("sing_receipt", "E2"), "不适用", T).await;
    b.wait_for_text(&answer("wait_minutes", "E1"), "30", T).await;
    let note_of = |item: &str, e: &str| {
        format!(".disagreement-table tr[data-item=\"{item}\"] td:nth-child({}) .visit-note", col(e))
    };
    b.wait_for_text(&note_of("tidy", "E2"), "工牌佩戴不规范", T).await;
    b.wait_for_text(&note_of("sing_receipt", "E1"), "收费时未唱收唱付", T).await;
    b.close().await;
}

#[tokio::test]
async fn a_visit_made_offline_survives_a_reload_with_its_stopwatch_running() {
    let b = Browser::open_phone().await;
    const T: std::time::Duration = crate::harness::TIMEOUT;
    // The page is loaded; then the phone loses its signal for the whole visit.
    b.goto("#/evaluation").await;
    b.wait_for("#visit-evaluator", T).await;
    b.set_offline(true).await;
    assert_eq!(b.eval("navigator.onLine").await, serde_json::json!(false), "the browser is offline");
    start_visit(&b, "E3").await;
    checks(&b, &[("signage", "yes"), ("clean", "no")]).await;
    for n in 1..5 {
        next_section(&b, n).await;
    }
    b.click("[data-item=\"wait_minutes\"] .watch-start").await;
    b.wait_for_text("[data-item=\"wait_minutes\"] .watch-time", "0:01", T).await;
    // Back online only to load the page again (the site is not cached for offline loading).
    b.set_offline(false).await;
    b.reload().await;
    // The visit resumes at the first section with an open item; the stopwatch kept running.
    b.wait_for(".checklist-section[data-section=\"0\"]", T).await;
    b.wait_for("[data-item=\"clean\"] .check.no.selected", T).await;
    b.click_button_by_accessible_name("服务效率").await;
    b.wait_for("[data-item=\"wait_minutes\"] .timed.running", T).await;
    // It counts on from where it was: past the second it showed before the reload, and rising.
    let seconds = || async {
        let t = b
            .client()
            .find(Locator::Css("[data-item=\"wait_minutes\"] .watch-time"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        let (m, s) = t.split_once(':')?;
        Some(m.parse::<u32>().ok()? * 60 + s.parse::<u32>().ok()?)
    };
    let before = b.until("no stopwatch time", seconds).await;
    assert!(before >= 1, "the stopwatch started again from {before} s");
    b.until("the stopwatch does not run", || async { (seconds().await? > before).then_some(()) }).await;
    b.close().await;
}
