//! Authoring: a small questionnaire built in the editor (a rating, a yes/no, a text shown only for
//! low ratings) is saved, exported, imported on another device, exported there byte for byte the
//! same, and answered; once answered, saving a change makes version 2.

use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;
use std::time::{Duration, Instant};

async fn select(b: &Browser, css: &str, value: &str) {
    let e = b.wait_for(css, TIMEOUT).await;
    e.select_by_value(value)
        .await
        .unwrap_or_else(|error| panic!("could not choose {value} in `{css}`: {error}"));
}

/// Taps the button named `name` on the screen asking `question` until the screen moves on.
async fn tap(b: &Browser, question: &str, name: &str) {
    b.wait_for_text(".question", question, TIMEOUT).await;
    let deadline = Instant::now() + TIMEOUT;
    loop {
        b.click_button_by_accessible_name(name).await;
        let moved = Instant::now() + Duration::from_millis(1500);
        while Instant::now() < moved {
            let shown = match b.client().find(Locator::Css(".question")).await {
                Ok(e) => e.text().await.ok(),
                Err(_) => None,
            };
            if shown.as_deref() != Some(question) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert!(Instant::now() < deadline, "tapping {name:?} never left {question:?}");
    }
}

async fn build(b: &Browser) {
    b.goto("#/editor").await;
    b.wait_for("#new-mode", TIMEOUT).await;
    b.click_button_by_accessible_name("新建").await;
    // A new questionnaire breaks rules until it has a title and its item a text: they are listed.
    b.wait_for(".problems", TIMEOUT).await;
    let problems = b.wait_for(".problems", TIMEOUT).await.text().await.unwrap();
    assert!(problems.contains("请填写问卷标题") && problems.contains("item_1：题目没有文字"), "{problems}");
    b.fill("#q-id", "branch_check").await;
    b.fill("#q-title-zh", "网点回访").await;
    b.fill("#q-title-en", "Branch check").await;
    b.click("[data-item=\"item_1\"] .item-toggle").await;
    b.fill("#item-0-text-zh", "您对本次服务满意吗？").await;
    b.fill("#item-0-text-en", "Were you satisfied?").await;

    select(b, "#new-item-kind", "yes_no").await;
    b.click_button_by_accessible_name("添加题目").await;
    b.fill("#item-1-text-zh", "需要回电吗？").await;
    b.click("#item-1-required").await;
    b.click("#item-1-na").await;

    select(b, "#new-item-kind", "text").await;
    b.click_button_by_accessible_name("添加题目").await;
    b.fill("#item-2-text-zh", "请说明不满意的原因").await;
    select(b, "#item-2-show-op", "at_most").await;
    b.wait_for_text(".show-if .field-error", "请选择条件所依据的题目", TIMEOUT).await;
    select(b, "#item-2-show-item", "item_1").await;
    b.fill("#item-2-show-value", "2").await;
    b.wait_for(".no-problems", TIMEOUT).await;
    b.click_button_by_accessible_name("保存").await;
    b.wait_for_text(".editor-message", "已保存 branch_check v1", TIMEOUT).await;
}

#[tokio::test]
async fn a_questionnaire_built_in_the_editor_round_trips_through_json_and_runs() {
    let a = Browser::open().await;
    build(&a).await;
    a.click_button_by_accessible_name("导出 JSON").await;
    let exported = a.downloaded("branch_check-v1.json").await;
    let json: serde_json::Value = serde_json::from_slice(&exported).unwrap();
    assert_eq!(
        (json["id"].as_str(), json["version"].as_u64(), json["mode"].as_str()),
        (Some("branch_check"), Some(1), Some("self_completed"))
    );
    let items = json["items"].as_array().unwrap();
    let kinds: Vec<&str> = items.iter().map(|i| i["kind"]["type"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["rating", "yes_no", "text"]);
    assert_eq!(items[2]["show_if"], serde_json::json!({"op": "at_most", "item": "item_1", "value": 2.0}));
    assert_eq!(json["scales"]["satisfaction"]["labels"][0]["zh"], "非常不满意");
    let file = std::env::temp_dir().join(format!("manyi-e2e-{}-branch_check-v1.json", std::process::id()));
    std::fs::write(&file, &exported).unwrap();
    a.close().await;

    // Another device imports it, and exports exactly the same file.
    let b = Browser::open().await;
    b.goto("#/editor").await;
    b.pick_file("#import-questionnaire", &file).await;
    b.wait_for_text(".editor-message", "已导入 branch_check v1", TIMEOUT).await;
    b.pick_file("#import-questionnaire", &file).await;
    b.wait_for_text(".editor-message", "本机已有这份问卷：branch_check v1", TIMEOUT).await;
    b.click("tr[data-questionnaire=\"branch_check\"] .row-actions button:nth-child(2)").await;
    assert_eq!(b.downloaded("branch_check-v1.json").await, exported, "the JSON round-trips unchanged");
    let _ = std::fs::remove_file(&file);

    // A trial run (试填): a low rating shows the reason item; nothing is stored.
    b.click("tr[data-questionnaire=\"branch_check\"] .row-actions button:nth-child(3)").await;
    b.wait_for_text(".trial-banner", "试填：答卷不保存，不计入任何统计", TIMEOUT).await;
    b.click_button_by_accessible_name("开始").await;
    tap(&b, "您对本次服务满意吗？", "非常不满意").await;
    tap(&b, "需要回电吗？", "否").await;
    b.wait_for_text(".question", "请说明不满意的原因", TIMEOUT).await;
    b.fill("textarea.text-answer", "排队太久").await;
    // Typed at once, 提交 may come within the double-tap guard's 400 ms of the screen: tap again.
    tap(&b, "请说明不满意的原因", "提交").await;
    b.wait_for_text(".thanks h1", "试填完成，答卷未保存", TIMEOUT).await;
    assert_eq!(crate::customer::stored(&b).await, Vec::<serde_json::Value>::new(), "a trial stores nothing");

    // Tried but never answered, version 1 is changed in place; a built-in is never changed.
    b.click_button_by_accessible_name("返回列表").await;
    b.click("tr[data-questionnaire=\"branch_check\"] .row-actions button:nth-child(1)").await;
    b.fill("#q-title-en", "Branch callback").await;
    b.click_button_by_accessible_name("保存").await;
    b.wait_for_text(".editor-message", "已保存 branch_check v1", TIMEOUT).await;
    b.wait_for_text(".q-ref", "branch_check v1", TIMEOUT).await;
    b.close().await;
}

#[tokio::test]
async fn a_checklist_is_tried_in_the_editor_and_no_visit_is_stored() {
    let b = Browser::open().await;
    b.goto("#/editor").await;
    b.click("tr[data-questionnaire=\"evaluation\"] .row-actions button:nth-child(3)").await;
    b.wait_for_text(".trial-banner", "试填：答卷不保存，不计入任何统计", TIMEOUT).await;
    // The visit starts at once on the first section, without the evaluator's setup.
    b.wait_for(".checklist-section[data-section=\"0\"]", TIMEOUT).await;
    b.click("[data-item=\"signage\"] .check.yes").await;
    b.wait_for("[data-item=\"signage\"] .check.yes[aria-pressed=\"true\"]", TIMEOUT).await;
    b.wait_for_text(".checklist-section .section-score", "100.0", TIMEOUT).await;
    b.click_button_by_accessible_name("汇总").await;
    b.wait_for_text(".checklist-summary .fact-evaluator", "试填", TIMEOUT).await;
    // Answered, yet a trial is not a visit: nothing is in the store.
    assert_eq!(crate::customer::stored(&b).await, Vec::<serde_json::Value>::new(), "a trial stores nothing");
    b.close().await;
}

/// A real SurveyJS survey: the `completetrigger` example of the guide that npm's `survey-core`
/// ships (installed by `cargo xtask test install` under target/npm, or named by MANYI_SURVEY_CORE).
fn surveyjs_example() -> String {
    let dir = std::env::var_os("MANYI_SURVEY_CORE").map_or_else(
        || {
            std::path::PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/target/npm/node_modules/survey-core"
            ))
        },
        std::path::PathBuf::from,
    );
    let guide = dir.join("llms/survey-json-authoring.md");
    let text = std::fs::read_to_string(&guide)
        .unwrap_or_else(|e| panic!("{}: {e}; run `cargo xtask test install` first", guide.display()));
    let section = &text[text.find("### `completetrigger`").expect("the completetrigger section")..];
    let start = section.find("```json").expect("its JSON") + "```json".len();
    let end = start + section[start..].find("```").expect("the end of its JSON");
    section[start..end].to_owned()
}

#[tokio::test]
async fn a_surveyjs_file_becomes_a_draft_with_what_was_skipped_listed() {
    let json = surveyjs_example();
    let survey: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(survey["triggers"].is_array(), "the example still has its trigger: {json}");
    let file = std::env::temp_dir().join(format!("manyi-e2e-{}-customer-feedback.json", std::process::id()));
    std::fs::write(&file, &json).unwrap();

    let b = Browser::open().await;
    b.goto("#/editor").await;
    b.pick_file("#import-surveyjs", &file).await;
    // The list: the survey's trigger cannot be held, with its JSON path and type.
    let row = ".import-notes tbody tr:first-child";
    b.wait_for_text(&format!("{row} td:nth-child(1)"), "triggers[0]", TIMEOUT).await;
    b.wait_for_text(&format!("{row} td:nth-child(2)"), "triggers", TIMEOUT).await;
    b.wait_for_text(&format!("{row} td:nth-child(3)"), "未导入", TIMEOUT).await;
    b.wait_for_text(".import-notes summary", "从 SurveyJS 导入：未导入、改名或转换的内容 (1)", TIMEOUT).await;
    // The draft: a new questionnaire named after the file, its two questions as text items, unsaved.
    b.wait_for_text(".editor-message", "已从 SurveyJS 转换为新问卷，检查后请保存", TIMEOUT).await;
    let id = format!("manyi_e2e_{}_customer_feedback", std::process::id());
    b.wait_for_text(".q-ref", &format!("{id} v1"), TIMEOUT).await;
    b.wait_for("[data-item=\"q1\"]", TIMEOUT).await;
    b.wait_for("[data-item=\"q2\"]", TIMEOUT).await;
    b.wait_for(".badge.unsaved", TIMEOUT).await;
    // In English, the same list.
    b.click_button_by_accessible_name("English").await;
    b.wait_for_text(
        ".import-notes summary",
        "From SurveyJS: what was skipped, renamed or changed (1)",
        TIMEOUT,
    )
    .await;
    b.wait_for_text(&format!("{row} td:nth-child(3)"), "skipped", TIMEOUT).await;
    b.click_button_by_accessible_name("中文").await;
    b.click_button_by_accessible_name("保存").await;
    b.wait_for_text(".editor-message", &format!("已保存 {id} v1"), TIMEOUT).await;
    let _ = std::fs::remove_file(&file);
    b.close().await;
}
