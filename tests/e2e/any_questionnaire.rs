//! Any questionnaire at the kiosk (issue 12): one authored in the editor (a 1–5 rating, a 0–10
//! item, a multiple choice shown only on a 0–10 answer of 6 or less) becomes the kiosk's active
//! questionnaire in the staff screen (a checklist is refused with core's reason), a customer
//! completes it by taps, and its response is scored with that version in the results and in the
//! analyst workspace.

use crate::customer::{enter_pin, lock, press_until, set_pin, tap, wait_for_store};
use crate::harness::{Browser, TIMEOUT};
use std::path::PathBuf;
use std::time::{Duration, Instant};

async fn select(b: &Browser, css: &str, value: &str) {
    let e = b.wait_for(css, TIMEOUT).await;
    e.select_by_value(value)
        .await
        .unwrap_or_else(|error| panic!("could not choose {value} in `{css}`: {error}"));
}

/// The editor: a questionnaire of three items in one dimension, saved as `branch_2027 v1`.
async fn author(b: &Browser) {
    b.goto("#/editor").await;
    b.wait_for("#new-mode", TIMEOUT).await;
    b.click_button_by_accessible_name("新建").await;
    b.wait_for(".problems", TIMEOUT).await;
    b.fill("#q-id", "branch_2027").await;
    b.fill("#q-title-zh", "网点评价 2027").await;
    b.fill("#q-title-en", "Branch survey 2027").await;
    // The dimensions are folded away for a customer questionnaire: unfold them.
    b.click("details.editor-part:has(.dimensions) summary").await;
    b.click_button_by_accessible_name("添加维度").await;
    b.fill("#dimension-0-title-zh", "服务").await;
    b.fill("#dimension-0-title-en", "Service").await;
    b.click("[data-item=\"item_1\"] .item-toggle").await;
    b.fill("#item-0-text-zh", "您对办理速度满意吗？").await;
    b.fill("#item-0-text-en", "Were you satisfied with the speed?").await;
    select(b, "#item-0-dimension", "section_1").await;

    select(b, "#new-item-kind", "recommend").await;
    b.click_button_by_accessible_name("添加题目").await;
    b.fill("#item-1-text-zh", "您有多大可能向朋友推荐本网点？").await;
    select(b, "#item-1-dimension", "section_1").await;

    select(b, "#new-item-kind", "multiple_choice").await;
    b.click_button_by_accessible_name("添加题目").await;
    b.fill("#item-2-text-zh", "哪些方面需要改进？").await;
    b.fill("#item-2-option-0-zh", "排队时间").await;
    b.fill("#item-2-option-1-zh", "服务态度").await;
    select(b, "#item-2-show-op", "at_most").await;
    select(b, "#item-2-show-item", "item_2").await;
    b.fill("#item-2-show-value", "6").await;
    b.wait_for(".no-problems", TIMEOUT).await;
    b.click_button_by_accessible_name("保存").await;
    b.wait_for_text(".editor-message", "已保存 branch_2027 v1", TIMEOUT).await;
}

/// Polls until the element at `css` shows a text containing `part`.
async fn wait_containing(b: &Browser, css: &str, part: &str) {
    b.until(&format!("`{css}` does not show {part:?}"), || async {
        let shown = b.client().find(fantoccini::Locator::Css(css)).await.ok()?.text().await.ok()?;
        shown.contains(part).then_some(())
    })
    .await
}

/// Opens `route` (on another area's page), entering the PIN if the page asks for it, and waits
/// for `shown`.
async fn open_behind_pin(b: &Browser, route: &str, shown: &str) {
    b.goto(route).await;
    let first = b.wait_for(&format!("#staff-pin, {shown}"), TIMEOUT).await;
    if first.attr("id").await.unwrap().as_deref() == Some("staff-pin") {
        enter_pin(b, crate::customer::PIN).await;
    }
    b.wait_for(shown, TIMEOUT).await;
}

/// Polls `dir` until a finished file ending in `suffix` is there.
async fn downloaded(dir: &std::path::Path, suffix: &str) -> PathBuf {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let found = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().ends_with(suffix));
        if let Some(path) = found {
            return path;
        }
        assert!(Instant::now() < deadline, "no {suffix} downloaded into {}", dir.display());
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test]
async fn a_questionnaire_authored_in_the_editor_runs_at_the_kiosk_and_scores_with_its_version() {
    let b = Browser::open().await;
    author(&b).await;

    // The kiosk's first start: the PIN; then staff choose the active questionnaire.
    b.goto("").await;
    set_pin(&b).await;
    // A checklist is not for customers at a tablet: refused with core's reason.
    select(&b, "#setting-questionnaire", "evaluation").await;
    b.click_button_by_accessible_name("保存设置").await;
    wait_containing(&b, ".staff-settings .error", "这是测评清单，由测评员走访时填写").await;
    select(&b, "#setting-questionnaire", "branch_2027").await;
    select(&b, "#setting-version", "1").await;
    b.click_button_by_accessible_name("保存设置").await;
    b.wait_for_text(".staff-settings .ok", "设置已保存", TIMEOUT).await;
    lock(&b).await;
    b.wait_for_text(".attract-questionnaire", "网点评价 2027", TIMEOUT).await;

    // A customer: 满意 (4 on 1–5), 3 on 0–10, so the multiple choice shows; two options.
    press_until(&b, "开始评价", ".question").await;
    tap(&b, "您对办理速度满意吗？", "满意").await;
    b.wait_for_text(".question", "您有多大可能向朋友推荐本网点？", TIMEOUT).await;
    // 3 ≤ 6: the multiple choice shows (on this screen or the next). A tap within 400 ms of the
    // screen change is the rest of a double tap and ignored by design, so 3 is tapped again until
    // it is pressed, then 下一题 if the multiple choice is on the next screen.
    b.until("the multiple choice never showed", || async {
        let body = b.eval("document.body.innerText").await;
        if body.as_str()?.contains("哪些方面需要改进？") {
            return Some(());
        }
        let step = "(() => { const three = [...document.querySelectorAll('button.face')].find(x => x.textContent.trim() === '3');\
                    if (three && three.getAttribute('aria-pressed') !== 'true') { three.click(); return 'tapped'; }\
                    return [...document.querySelectorAll('button')].filter(x => x.textContent.trim() === '下一题').map(x => x.click()).length; })()";
        b.eval(step).await;
        None
    })
    .await;
    // Two options, each tapped again until it is pressed (the double-tap guard may drop a tap
    // made just after the screen changed).
    b.until("the two options never stayed chosen", || async {
        let step = "(() => { const want = ['排队时间', '服务态度'];\
                    const bs = [...document.querySelectorAll('button')].filter(x => want.includes(x.textContent.trim()));\
                    const off = bs.filter(x => x.getAttribute('aria-pressed') !== 'true');\
                    if (off.length) { off[0].click(); return false; } return bs.length === 2; })()";
        b.eval(step).await.as_bool()?.then_some(())
    })
    .await;
    press_until(&b, "提交", ".thanks h1").await;
    let records =
        wait_for_store(&b, "one complete response", |rs| rs.len() == 1 && rs[0]["status"] == "complete")
            .await;
    let r = &records[0]["response"];
    assert_eq!(r["questionnaire"], serde_json::json!({"id": "branch_2027", "version": 1}), "{r:#}");
    assert_eq!(r["answers"]["item_3"], serde_json::json!({"choices": ["option_1", "option_2"]}), "{r:#}");

    // The results score it with branch_2027 v1: (4 − 1)/4 × 100 = 75 and 3/10 × 100 = 30, equal
    // weights in the one dimension: composite (75 + 30) / 2 = 52.5.
    open_behind_pin(&b, "#/results", "#results-version").await;
    wait_containing(&b, "#results-version", "网点评价 2027 (branch_2027 v1)").await;
    wait_containing(&b, ".results h1", "网点评价 2027").await;
    b.wait_for_text(".index-value", "52.5", TIMEOUT).await;

    // The staff export, read in the analyst workspace: the same index.
    open_behind_pin(&b, "#/staff", ".staff-data").await;
    b.click_button_by_accessible_name("导出 JSON").await;
    b.wait_for_text(".staff-data .ok", "已导出 1 份问卷", TIMEOUT).await;
    let file = downloaded(&b.download_dir(), ".json").await;
    let bundle: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(bundle["questionnaires"][0]["id"], "branch_2027", "exported with its questionnaire");
    open_behind_pin(&b, "#/analysis", "#an-files").await;
    let input = b.wait_for("#an-files:not([disabled])", TIMEOUT).await;
    input.send_keys(&file.display().to_string()).await.expect("pick the file");
    b.wait_for_text(".an-index tbody tr .idx-overall", "52.5", TIMEOUT).await;
    b.close().await;
}
