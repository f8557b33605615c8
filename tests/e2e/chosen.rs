//! Questionnaires chosen where they run: the call desk interviews a call list with the
//! interviewer-read script chosen at import (a 0–10 item keyed as two digits, a multiple choice
//! of twelve options, a number, a text), and the evaluator works through a checklist chosen on
//! the visit's setup, scored by its own sections and weights.

use crate::harness::{Browser, TIMEOUT};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};
use std::path::PathBuf;

fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("manyi-e2e-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("write a file");
    path
}

/// Imports a questionnaire file on the editor's list, as staff do.
async fn import_questionnaire(b: &Browser, name: &str, json: &str, reference: &str) {
    let file = temp_file(name, json);
    b.goto("#/editor").await;
    b.pick_file("#import-questionnaire", &file).await;
    b.wait_for_text(".editor-message", &format!("已导入 {reference}"), TIMEOUT).await;
    let _ = std::fs::remove_file(file);
}

/// Types `text` on whatever has the focus, as the agent's keyboard does.
async fn type_keys(b: &Browser, text: &str) {
    let mut actions = KeyActions::new("keyboard".into());
    for value in text.chars() {
        actions = actions.then(KeyAction::Down { value }).then(KeyAction::Up { value });
    }
    b.client().perform_actions(actions).await.expect("press keys");
}

/// The records of IndexedDB store `name`.
async fn stored(b: &Browser, name: &str) -> Vec<Value> {
    let script = "const [store, done] = arguments;
        const open = indexedDB.open('manyi');
        open.onerror = () => done('[]');
        open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction(store, 'readonly').objectStore(store).getAll();
            all.onsuccess = () => { db.close(); done(JSON.stringify(all.result)); };
        };";
    let text = b.client().execute_async(script, vec![name.into()]).await.expect("read IndexedDB");
    serde_json::from_str(text.as_str().expect("JSON text")).expect("records")
}

/// An interviewer-read script: overall on 0–10, which of twelve things went wrong, the minutes
/// waited, a remark.
fn repair_call() -> String {
    let options: Vec<String> = (1..=12)
        .map(|i| format!(r#"{{"code":"o{i}","label":{{"zh":"方面{i}","en":"Aspect {i}"}}}}"#))
        .collect();
    format!(
        r#"{{"id":"repair_call","version":1,"mode":"interviewer","title":{{"zh":"抢修回访","en":"Repair call"}},
        "script":[{{"zh":"您好，这里是供电公司抢修回访。","en":"Hello, this is the utility's repair call."}}],
        "scales":{{"eleven":{{"min":0,"max":10}}}},
        "items":[
          {{"id":"score","text":{{"zh":"总体打几分（0–10）","en":"Overall (0–10)"}},"required":true,"kind":{{"type":"rating","scale":"eleven"}}}},
          {{"id":"what","text":{{"zh":"哪些方面需要改进","en":"What should improve"}},"required":true,"kind":{{"type":"multiple_choice","options":[{}]}}}},
          {{"id":"minutes","text":{{"zh":"等了多少分钟","en":"Minutes waited"}},"required":true,"kind":{{"type":"number","min":0,"max":600}}}},
          {{"id":"remark","text":{{"zh":"还有什么要说的","en":"Anything else"}},"kind":{{"type":"text","max_length":200}}}}],
        "scoring":{{"overall":"score"}}}}"#,
        options.join(",")
    )
}

#[tokio::test]
async fn a_call_list_is_interviewed_with_the_script_chosen_at_import() {
    let b = Browser::open().await;
    import_questionnaire(&b, "repair_call.json", &repair_call(), "repair_call v1").await;
    b.goto("#/callback").await;
    b.wait_for(".cb-toolbar", TIMEOUT).await;
    b.click_button_by_accessible_name("导入导出").await;
    let select = b.wait_for("#cb-import-script", TIMEOUT).await;
    select.select_by_value("repair_call v1").await.expect("choose the script");
    let list = temp_file(
        "repair-list.csv",
        "工单号,客户名称,联系电话,工单类型,受理日期\nGD401,孙八,13812345678,故障报修,2026-10-30\n",
    );
    b.wait_for("#cb-import", TIMEOUT).await.send_keys(list.to_str().unwrap()).await.expect("pick the list");
    b.wait_for_text(".cb-import-added", "1", TIMEOUT).await;
    let cases = stored(&b, "callback_cases").await;
    assert_eq!(cases[0]["case"]["script"], json!({"id": "repair_call", "version": 1}));

    b.click_button_by_accessible_name("回访队列").await;
    b.wait_for("#cb-agent", TIMEOUT).await.send_keys("A09").await.expect("the agent id");
    b.click_button_by_accessible_name("下一个任务").await;
    b.wait_for(".cb-case[data-case='GD401']", TIMEOUT).await;
    b.click(".cb-case").await;
    let enter: char = Key::Enter.into();
    type_keys(&b, &enter.to_string()).await;
    b.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
    // The script's own opening, and its title beside it.
    b.wait_for_text(".cb-script-lines li", "您好，这里是供电公司抢修回访。", TIMEOUT).await;
    b.wait_for_text(".cb-script-name", "回访脚本：repair_call v1", TIMEOUT).await;
    type_keys(&b, &enter.to_string()).await;
    b.wait_for_text("#cb-question-text", "总体打几分（0–10）", TIMEOUT).await;
    // 1 then 0 is ten; the screen shows what is typed before Enter takes it.
    type_keys(&b, "10").await;
    b.wait_for_text(".cb-typed", "已输入 10", TIMEOUT).await;
    b.wait_for_text(".cb-option.chosen kbd", "10", TIMEOUT).await;
    type_keys(&b, &enter.to_string()).await;
    b.wait_for_text("#cb-question-text", "哪些方面需要改进", TIMEOUT).await;
    // Options 12, then a 1 that waits for a second digit, which 3 cannot be (no option 13):
    // options 1 and 3. Enter goes on.
    type_keys(&b, "121").await;
    b.wait_for_text(".cb-typed", "已输入 1", TIMEOUT).await;
    type_keys(&b, &format!("3{enter}")).await;
    b.wait_for_text("#cb-question-text", "等了多少分钟", TIMEOUT).await;
    b.until("the number field has the focus", || async {
        let focused = b
            .client()
            .execute("return document.activeElement && document.activeElement.id;", vec![])
            .await
            .ok()?;
        (focused == "cb-number").then_some(())
    })
    .await;
    type_keys(&b, &format!("25{enter}")).await;
    b.wait_for_text("#cb-question-text", "还有什么要说的", TIMEOUT).await;
    type_keys(&b, &enter.to_string()).await;
    b.wait_for(".cb-done", TIMEOUT).await;
    type_keys(&b, &enter.to_string()).await;
    b.wait_for_text(".cb-message p", "已记录：完成", TIMEOUT).await;

    let responses = stored(&b, "responses").await;
    let r = &responses[0]["response"];
    assert_eq!(r["questionnaire"], json!({"id": "repair_call", "version": 1}));
    assert_eq!(r["answers"]["score"], json!({"rating": 10}));
    assert_eq!(r["answers"]["what"], json!({"choices": ["o1", "o3", "o12"]}));
    assert_eq!(r["answers"]["minutes"]["number"].as_f64(), Some(25.0));
    assert!(r["answers"].get("remark").is_none(), "the optional remark was skipped");
    b.close().await;
    let _ = std::fs::remove_file(list);
}

/// A checklist of two sections: 服务 (weight 60: greets yes/no, speed 1–5) and 环境 (40: clean).
const BRANCH_CHECK: &str = r#"{"id":"branch_check","version":1,"mode":"checklist",
  "title":{"zh":"网点暗访","en":"Branch visit"},
  "scales":{"five":{"min":1,"max":5,"labels":[{"zh":"很慢","en":"Very slow"},{"zh":"慢","en":"Slow"},{"zh":"一般","en":"Fair"},{"zh":"快","en":"Fast"},{"zh":"很快","en":"Very fast"}]}},
  "dimensions":[{"id":"service","title":{"zh":"服务","en":"Service"},"weight":60},{"id":"env","title":{"zh":"环境","en":"Environment"},"weight":40}],
  "items":[
    {"id":"greets","text":{"zh":"主动问候","en":"Greets first"},"dimension":"service","required":true,"kind":{"type":"yes_no"}},
    {"id":"speed","text":{"zh":"办理速度","en":"Speed"},"dimension":"service","required":true,"kind":{"type":"rating","scale":"five"}},
    {"id":"clean","text":{"zh":"环境整洁","en":"Clean"},"dimension":"env","required":true,"kind":{"type":"yes_no"}}]}"#;

#[tokio::test]
async fn the_evaluator_runs_the_checklist_chosen_for_the_visit() {
    let b = Browser::open().await;
    import_questionnaire(&b, "branch_check.json", BRANCH_CHECK, "branch_check v1").await;
    b.goto("#/evaluation").await;
    let select = b.wait_for("#visit-checklist", TIMEOUT).await;
    select.select_by_value("branch_check").await.expect("choose the checklist");
    b.wait_for_text(".area-sub", "网点暗访 · 版本 1", TIMEOUT).await;
    b.fill("#visit-evaluator", "E01").await;
    b.fill("#visit-hall", "城北营业厅").await;
    b.click_button_by_accessible_name("开始测评").await;
    b.wait_for(".checklist-section[data-section=\"0\"]", TIMEOUT).await;
    b.click("[data-item=\"greets\"] .check.yes").await;
    b.click_button_by_accessible_name("快").await;
    b.click_button_by_accessible_name("下一项").await;
    b.wait_for(".checklist-section[data-section=\"1\"]", TIMEOUT).await;
    b.click("[data-item=\"clean\"] .check.no").await;
    b.wait_for("[data-item=\"clean\"] .check.no[aria-pressed=\"true\"]", TIMEOUT).await;
    b.click_button_by_accessible_name("查看汇总并提交").await;
    b.click_button_by_accessible_name("提交测评").await;
    b.wait_for_text(".done-title", "测评已提交", TIMEOUT).await;
    // 服务: greets 100 and speed 4 on 1–5 = 75, equal weights → 87.5; 环境: 0.
    // Total 0.6 × 87.5 + 0.4 × 0 = 52.5.
    b.until("the total is 52.5", || async {
        let e = b.client().find(Locator::Css(".checklist-done .visit-total output")).await.ok()?;
        let v: f64 = e.attr("data-value").await.ok()??.parse().ok()?;
        ((v - 52.5).abs() < 1e-9).then_some(())
    })
    .await;
    let responses = stored(&b, "responses").await;
    let r = &responses[0]["response"];
    assert_eq!(r["questionnaire"], json!({"id": "branch_check", "version": 1}));
    assert_eq!((&r["status"], &r["answers"]["speed"]), (&json!("complete"), &json!({"rating": 4})));
    b.close().await;
}
