//! An imported questionnaire of every kind the kiosk runs (issue 12): the context questions it
//! tags (business type, customer class), yes/no, a number shown only on "yes", a rating with
//! N/A, a single choice, an overall item on 1–10 (not 1–5), a comment and the call-back consent
//! with its phone number. A customer's low overall score, with consent, reaches the call-back
//! queue by the questionnaire's own low-score rule, and the stored response holds every answer as
//! tapped or typed. And the staff screen lists a questionnaire imported on another page at once.

use crate::customer::{enter_pin, lock, press_until, screen_changed_from, set_pin, tap, wait_for_store, PIN};
use crate::harness::{Browser, TIMEOUT};
use serde_json::json;
use std::time::Instant;

/// The questionnaire, as staff import it: overall `overall` on a 1–10 scale without labels.
const COUNTER: &str = r#"{"id":"counter_2027","version":1,"mode":"self_completed",
  "title":{"zh":"柜台评价 2027","en":"Counter survey 2027"},
  "scales":{
    "five":{"min":1,"max":5,"labels":[{"zh":"很差","en":"Very poor"},{"zh":"差","en":"Poor"},{"zh":"一般","en":"Fair"},{"zh":"好","en":"Good"},{"zh":"很好","en":"Very good"}]},
    "ten":{"min":1,"max":10}},
  "dimensions":[{"id":"service","title":{"zh":"服务","en":"Service"}}],
  "items":[
    {"id":"business","text":{"zh":"您办理的是","en":"You came for"},"required":true,"tag":"business_type",
     "kind":{"type":"single_choice","options":[{"code":"payment","label":{"zh":"交电费","en":"Paying"}},{"code":"repair","label":{"zh":"报修","en":"A repair"}}]}},
    {"id":"class","text":{"zh":"您的身份","en":"You are"},"required":true,"tag":"customer_class",
     "kind":{"type":"single_choice","options":[{"code":"residential","label":{"zh":"住户","en":"A household"}},{"code":"business","label":{"zh":"商户","en":"A business"}}]}},
    {"id":"queued","text":{"zh":"您排队了吗？","en":"Did you queue?"},"required":true,"dimension":"service","kind":{"type":"yes_no"}},
    {"id":"wait_minutes","text":{"zh":"您等了多少分钟？","en":"How many minutes did you wait?"},"required":true,
     "show_if":{"op":"yes","item":"queued"},"kind":{"type":"number","min":0,"max":240,"unit":{"zh":"分钟","en":"minutes"}}},
    {"id":"desk_service","text":{"zh":"柜台服务","en":"The counter's service"},"required":true,"dimension":"service",
     "kind":{"type":"rating","scale":"five","not_applicable":true}},
    {"id":"heard_from","text":{"zh":"您从哪里知道本网点？","en":"How did you hear of this branch?"},"required":true,
     "kind":{"type":"single_choice","options":[{"code":"friend","label":{"zh":"亲友","en":"Friends"}},{"code":"online","label":{"zh":"网上","en":"Online"}}]}},
    {"id":"overall","text":{"zh":"总体打分（1–10）","en":"Overall (1–10)"},"required":true,"kind":{"type":"rating","scale":"ten"}},
    {"id":"suggestion","text":{"zh":"您的意见","en":"Your comments"},"kind":{"type":"text","max_length":200}},
    {"id":"may_call","text":{"zh":"可以回电吗？","en":"May we call you?"},"kind":{"type":"yes_no"}},
    {"id":"tel","text":{"zh":"电话","en":"Phone"},"show_if":{"op":"yes","item":"may_call"},"kind":{"type":"text","format":"phone","max_length":20}}],
  "scoring":{"overall":"overall"}}"#;

/// Imports `json` on the editor's list, as staff do.
async fn import(b: &Browser, json: &str, reference: &str) {
    let file = std::env::temp_dir().join(format!("manyi-e2e-{}-counter_2027.json", std::process::id()));
    std::fs::write(&file, json).expect("write the questionnaire");
    b.goto("#/editor").await;
    // Behind the PIN once one is set.
    let first = b.wait_for("#staff-pin, #import-questionnaire", TIMEOUT).await;
    if first.attr("id").await.unwrap().as_deref() == Some("staff-pin") {
        enter_pin(b, PIN).await;
    }
    b.pick_file("#import-questionnaire", &file).await;
    b.wait_for_text(".editor-message", &format!("已导入 {reference}"), TIMEOUT).await;
    let _ = std::fs::remove_file(file);
}

/// On a form screen asking `question`, presses `name` until the screen changes.
async fn press_leaving(b: &Browser, question: &str, name: &str) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        b.click_button_by_accessible_name(name).await;
        if screen_changed_from(b, question).await {
            return;
        }
        assert!(Instant::now() < deadline, "pressing {name:?} never left the screen {question:?}");
    }
}

#[tokio::test]
async fn a_low_overall_score_on_the_questionnaires_own_scale_with_consent_is_queued_for_a_call_back() {
    let b = Browser::open().await;
    import(&b, COUNTER, "counter_2027 v1").await;

    // Staff make it the kiosk's questionnaire with a threshold of 6 — a point of its 1–10
    // overall scale that the hall's 1–5 scale would refuse.
    b.goto("").await;
    set_pin(&b).await;
    let select = b.wait_for("#setting-questionnaire", TIMEOUT).await;
    select.select_by_value("counter_2027").await.expect("choose the questionnaire");
    b.fill("#setting-threshold", "6").await;
    b.click_button_by_accessible_name("保存设置").await;
    b.wait_for_text(".staff-settings .ok", "设置已保存", TIMEOUT).await;
    lock(&b).await;
    b.wait_for_text(".attract-questionnaire", "柜台评价 2027", TIMEOUT).await;

    press_until(&b, "开始评价", ".question").await;
    tap(&b, "您办理的是", "报修").await;
    tap(&b, "您的身份", "商户").await;
    tap(&b, "您排队了吗？", "是").await;
    // "Yes": the number shows, on a screen of its own.
    b.wait_for_text(".question", "您等了多少分钟？", TIMEOUT).await;
    b.fill("#answer-wait_minutes", "12").await;
    press_leaving(&b, "您等了多少分钟？", "下一题").await;
    tap(&b, "柜台服务", "未使用/不适用").await;
    tap(&b, "您从哪里知道本网点？", "网上").await;
    // 5 on 1–10: at or below the staff's 6, a low score.
    tap(&b, "总体打分（1–10）", "5").await;
    b.wait_for_text(".question", "您的意见", TIMEOUT).await;
    b.fill("#answer-suggestion", "窗口太少").await;
    press_until(&b, "是", "input[type=tel]").await;
    b.fill("#answer-tel", "13912345678").await;
    press_until(&b, "提交", ".thanks h1").await;

    let records =
        wait_for_store(&b, "one complete response", |rs| rs.len() == 1 && rs[0]["status"] == "complete")
            .await;
    let record = &records[0];
    assert_eq!(record["follow_up"], "queued", "{record:#}");
    let r = &record["response"];
    assert_eq!(r["questionnaire"], json!({"id": "counter_2027", "version": 1}));
    assert_eq!(r["tags"]["business_type"], "repair", "{r:#}");
    assert_eq!(r["tags"]["customer_class"], "business", "{r:#}");
    let answers = &r["answers"];
    assert_eq!(answers["business"], json!({"choice": "repair"}));
    assert_eq!(answers["class"], json!({"choice": "business"}));
    assert_eq!(answers["queued"], json!("yes"));
    assert_eq!(answers["wait_minutes"]["number"].as_f64(), Some(12.0), "{answers:#}");
    assert_eq!(answers["desk_service"], json!("not_applicable"));
    assert_eq!(answers["heard_from"], json!({"choice": "online"}));
    assert_eq!(answers["overall"], json!({"rating": 5}));
    assert_eq!(answers["suggestion"], json!({"text": "窗口太少"}));
    assert_eq!(answers["may_call"], json!("yes"));
    assert_eq!(answers["tel"], json!({"text": "13912345678"}));
    assert_eq!(answers.as_object().map(|a| a.len()), Some(10), "nothing else stored: {answers:#}");
    let id = record["id"].as_str().expect("the response's id").to_owned();

    // The call-back queue starts with it: a service recovery, the phone masked.
    b.goto("#/callback").await;
    enter_pin(&b, PIN).await;
    b.wait_for_text(".callback h1", "电话回访", TIMEOUT).await;
    b.click_button_by_accessible_name("回访队列").await;
    let first = ".cb-queue tbody tr:nth-child(1)";
    b.wait_for_text(&format!("{first} .badge.recovery"), "服务补救", TIMEOUT).await;
    b.wait_for(&format!("{first}[data-case='kiosk-{id}']"), TIMEOUT).await;
    b.wait_for_text(&format!("{first} .phone"), "139****5678", TIMEOUT).await;
    b.close().await;
}

#[tokio::test]
async fn the_staff_screen_lists_a_questionnaire_imported_on_another_page_without_a_reload() {
    let b = Browser::open().await;
    b.goto("").await;
    set_pin(&b).await;
    b.wait_for("#setting-questionnaire option[value='hall']", TIMEOUT).await;
    let staff = b.client().window().await.expect("the staff screen's tab");
    // The editor, in a second tab of the same device, imports a questionnaire.
    let editor = b.client().new_window(true).await.expect("a second tab");
    b.client().switch_to_window(editor.handle).await.expect("to the second tab");
    import(&b, COUNTER, "counter_2027 v1").await;
    // Back on the staff screen, never reloaded: the questionnaire is offered, and it runs.
    b.client().switch_to_window(staff).await.expect("back to the staff screen");
    let select = b.wait_for("#setting-questionnaire option[value='counter_2027']", TIMEOUT).await;
    assert_eq!(select.text().await.unwrap(), "柜台评价 2027 (counter_2027)");
    let select = b.wait_for("#setting-questionnaire", TIMEOUT).await;
    select.select_by_value("counter_2027").await.expect("choose the questionnaire");
    b.click_button_by_accessible_name("保存设置").await;
    b.wait_for_text(".staff-settings .ok", "设置已保存", TIMEOUT).await;
    lock(&b).await;
    b.wait_for_text(".attract-questionnaire", "柜台评价 2027", TIMEOUT).await;
    b.close().await;
}
