//! The evaluator's checklist and the questionnaire editor as their people meet them: 是 and 否 that
//! look apart, red lines that say a 是 is a violation, the comparison named by the checklist's
//! title, every editor field and list button named for what it is, and unsaved changes kept
//! unless the person lets them go.

use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::item::ItemKind;
use manyi_core::response::answer::Answer;
use manyi_core::response::tags::TagKey;
use manyi_core::response::{Channel, Response};
use serde_json::Value;

async fn check(b: &Browser, item: &str, answer: &str) {
    let css = format!("[data-item=\"{item}\"] .check.{answer}");
    b.click(&css).await;
    b.wait_for(&format!("{css}.selected"), TIMEOUT).await;
}

/// The background colour of the element at `css`.
async fn background(b: &Browser, css: &str) -> String {
    let script = format!("getComputedStyle(document.querySelector({css:?})).backgroundColor");
    b.eval(&script).await.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn yes_and_no_look_apart_and_a_red_line_yes_says_it_is_a_violation() {
    let b = Browser::open_phone().await;
    b.goto("#/evaluation").await;
    b.fill("#visit-evaluator", "E1").await;
    b.fill("#visit-hall", "城东营业厅").await;
    b.click_button_by_accessible_name("开始测评").await;
    b.wait_for(".checklist-section[data-section=\"0\"]", TIMEOUT).await;
    check(&b, "signage", "yes").await;
    check(&b, "clean", "no").await;
    let (yes, no) = (
        background(&b, "[data-item=\"signage\"] .check.yes.selected").await,
        background(&b, "[data-item=\"clean\"] .check.no.selected").await,
    );
    assert_ne!(yes, no, "a chosen 否 looks like a chosen 是");

    // The red lines: 是 is a violation, said in words and in the colour of a failed check.
    b.click(".section-tabs .tab:nth-child(6)").await;
    b.wait_for(".checklist-section[data-section=\"5\"] [data-item=\"quarrel\"]", TIMEOUT).await;
    let said = b.wait_for("[data-item=\"quarrel\"] .check.yes", TIMEOUT).await.text().await.unwrap();
    assert!(said.contains("违规"), "{said:?}");
    let said = b.wait_for("[data-item=\"quarrel\"] .check.no", TIMEOUT).await.text().await.unwrap();
    assert!(said.contains("未发生"), "{said:?}");
    check(&b, "quarrel", "yes").await;
    check(&b, "three_designations", "no").await;
    assert_eq!(background(&b, "[data-item=\"quarrel\"] .check.yes.selected").await, no);
    assert_eq!(background(&b, "[data-item=\"three_designations\"] .check.no.selected").await, yes);
    b.close().await;
}

/// A submitted visit of 城东营业厅 by `evaluator`: every check passed, the red lines not hit.
fn visit(n: u128, evaluator: &str) -> Response {
    let q = Builtin::Evaluation.questionnaire();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+08:00").unwrap();
    let mut r = Response::start(uuid::Uuid::from_u128(n), &q, Channel::Hall, Default::default(), at);
    TagKey::Hall.set(&mut r.tags, "城东营业厅").unwrap();
    TagKey::Interviewer.set(&mut r.tags, evaluator).unwrap();
    for item in &q.items {
        let answer = match &item.kind {
            ItemKind::YesNo { red_line: true, .. } => Answer::No,
            ItemKind::YesNo { .. } => Answer::Yes,
            ItemKind::Number { .. } => Answer::Number(10.0),
            _ => continue,
        };
        r.answer(&q, item.id.as_str(), answer).unwrap();
    }
    r.submit(&q, at + chrono::Duration::minutes(30)).unwrap();
    r
}

#[tokio::test]
async fn the_comparison_names_the_checklist_by_its_title() {
    let b = Browser::open_phone().await;
    b.goto("#/evaluation").await;
    b.wait_for("#visit-evaluator", TIMEOUT).await;
    for (n, e) in [(1, "E1"), (2, "E2")] {
        let r = visit(n, e);
        let record = serde_json::json!({
            "id": r.id, "questionnaire": "evaluation", "status": "complete", "saved_at": r.started_at, "response": r
        });
        let script = "const [record, done] = arguments;
            const open = indexedDB.open('manyi');
            open.onsuccess = () => {
                const tx = open.result.transaction('responses', 'readwrite');
                tx.objectStore('responses').put(JSON.parse(record));
                tx.oncomplete = () => { open.result.close(); done(true); };
            };";
        b.execute_async(script, vec![record.to_string().into()]).await;
    }
    b.goto("#/evaluation/compare").await;
    let chip = b.wait_for(".hall-tabs button", TIMEOUT).await.text().await.unwrap();
    assert!(chip.contains("营业厅第三方测评") && !chip.contains("evaluation v1"), "{chip:?}");
    assert!(chip.contains("城东营业厅"), "{chip:?}");
    b.close().await;
}

/// Each form field of `within` and its accessible name (aria-label, else its labels' text).
async fn field_names(b: &Browser, within: &str) -> Vec<(String, String)> {
    let script = format!(
        "return Array.from(document.querySelectorAll('{within} input, {within} select, {within} textarea'))
            .map(e => [e.id, e.getAttribute('aria-label')
                || Array.from(e.labels || []).map(l => l.textContent.trim()).join(' ')]);"
    );
    let v = b.client().execute(&script, vec![]).await.expect("read the fields");
    serde_json::from_value(v).expect("pairs")
}

/// Names that more than one of `named` carries.
fn repeated(named: &[(String, String)]) -> Vec<String> {
    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    for (_, name) in named {
        *seen.entry(name.as_str()).or_default() += 1;
    }
    seen.into_iter().filter(|(_, n)| *n > 1).map(|(name, _)| name.to_owned()).collect()
}

#[tokio::test]
async fn every_field_and_button_of_the_editor_says_what_it_is_for() {
    let b = Browser::open().await;
    b.goto("#/editor").await;
    b.wait_for("#new-mode", TIMEOUT).await;
    // The list: each row's buttons name the questionnaire they act on.
    let buttons = b.client().find_all(Locator::Css("table.questionnaires button")).await.unwrap();
    let mut names = Vec::new();
    for button in &buttons {
        let name = match button.attr("aria-label").await.unwrap() {
            Some(label) => label,
            None => button.text().await.unwrap(),
        };
        names.push((String::new(), name));
    }
    assert!(names.len() >= 12, "{names:?}");
    assert!(repeated(&names).is_empty(), "buttons with the same name: {:?}", repeated(&names));
    assert!(names.iter().any(|(_, n)| n.contains("编辑") && n.contains("营业厅服务满意度")), "{names:?}");

    // A new questionnaire with every part open, two scales and two items.
    b.click_button_by_accessible_name("新建").await;
    b.wait_for(".editor", TIMEOUT).await;
    b.click_button_by_accessible_name("添加题目").await;
    b.eval("document.querySelectorAll('details.editor-part').forEach(d => d.open = true)").await;
    b.click_button_by_accessible_name("添加量表").await;
    b.wait_for(".scales li.scale:nth-child(2)", TIMEOUT).await;
    b.click("[data-item=\"item_1\"] .item-toggle").await;
    b.wait_for("#item-0-text-zh", TIMEOUT).await;
    let fields = field_names(&b, ".editor").await;
    let unnamed: Vec<&(String, String)> = fields.iter().filter(|(_, n)| n.trim().is_empty()).collect();
    assert!(unnamed.is_empty(), "fields without a name: {unnamed:?}");
    assert!(repeated(&fields).is_empty(), "fields with the same name: {:?}", repeated(&fields));
    let name_of = |id: &str| fields.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone()).unwrap_or_default();
    // The scale's bounds and labels name their scale and point.
    assert!(name_of("scale-satisfaction-min").contains("satisfaction"), "{fields:?}");
    let label = name_of("scale-satisfaction-1-zh");
    assert!(label.contains("satisfaction") && label.contains('1') && label.contains("中文"), "{label:?}");
    b.close().await;
}

#[tokio::test]
async fn back_to_the_list_asks_before_unsaved_changes_are_dropped() {
    let b = Browser::open().await;
    b.goto("#/editor").await;
    b.wait_for("#new-mode", TIMEOUT).await;
    b.click_button_by_accessible_name("新建").await;
    b.fill("#q-title-zh", "网点回访").await;
    b.wait_for(".badge.unsaved", TIMEOUT).await;
    b.click_button_by_accessible_name("返回列表").await;
    // Asked: keep editing keeps the draft.
    let ask = b.wait_for(".leave-unsaved", TIMEOUT).await.text().await.unwrap();
    assert!(ask.contains("未保存"), "{ask:?}");
    b.click_button_by_accessible_name("继续编辑").await;
    let title = b.wait_for("#q-title-zh", TIMEOUT).await.prop("value").await.unwrap();
    assert_eq!(title.as_deref(), Some("网点回访"));
    assert!(b.client().find(Locator::Css(".leave-unsaved")).await.is_err());
    // Asked again: letting the changes go goes back to the list.
    b.click_button_by_accessible_name("返回列表").await;
    b.click_button_by_accessible_name("放弃更改").await;
    b.wait_for("#new-mode", TIMEOUT).await;
    assert_eq!(b.eval("!!document.querySelector('.editor')").await, Value::Bool(false));
    b.close().await;
}
