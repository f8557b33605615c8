//! The call desk as an agent meets a kiosk customer's call-back and the end of a call: what the
//! customer said at the kiosk and a script fit for it, a refusal asked before it closes the case,
//! one key to the next case, an appointment typed as digits, and the rates per list keeping the
//! kiosk's requests apart from an imported list.

use crate::harness::{Browser, TIMEOUT};
use chrono::{DateTime, Datelike, Duration, FixedOffset, Weekday};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::response::answer::Answer;
use manyi_core::response::{Channel, Response};
use serde_json::Value;
use std::path::PathBuf;

/// Two tickets: GD401 (due first) and GD402.
const TWO_CASES: &str = "工单号,客户名称,联系电话,工单类型,受理日期,回访期限\nGD401,周一,13812345601,故障报修,2026-10-30,2026-11-01\nGD402,吴二,13812345602,缴费,2026-10-30,2026-11-02\n";

fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("manyi-e2e-desk-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("write a call list");
    path
}

async fn open_desk(browser: &Browser) {
    browser.goto("#/callback").await;
    browser.wait_for_text(".callback h1", "电话回访", TIMEOUT).await;
    browser.wait_for(".cb-toolbar", TIMEOUT).await;
}

async fn import(browser: &Browser, path: &std::path::Path) {
    browser.click_button_by_accessible_name("导入导出").await;
    let input = browser.wait_for("#cb-import", TIMEOUT).await;
    input.send_keys(path.to_str().unwrap()).await.expect("pick the file");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    browser.wait_for_text(".cb-import-file", &name, TIMEOUT).await;
    browser.click_button_by_accessible_name("回访队列").await;
}

async fn keys(browser: &Browser, keys: &[char]) {
    let mut actions = KeyActions::new("keyboard".into());
    for &value in keys {
        actions = actions.then(KeyAction::Down { value }).then(KeyAction::Up { value });
    }
    browser.client().perform_actions(actions).await.expect("press keys");
}

async fn text(browser: &Browser, css: &str) -> String {
    browser.wait_for(css, TIMEOUT).await.text().await.expect("text").trim().to_owned()
}

async fn stored(browser: &Browser, name: &str) -> Vec<Value> {
    let script = "const [store, done] = arguments;
        const open = indexedDB.open('manyi');
        open.onsuccess = () => {
            const all = open.result.transaction(store, 'readonly').objectStore(store).getAll();
            all.onsuccess = () => { open.result.close(); done(JSON.stringify(all.result)); };
        };";
    let json = browser.client().execute_async(script, vec![name.into()]).await.expect("read IndexedDB");
    serde_json::from_str(json.as_str().expect("JSON text")).expect("records")
}

/// A hall customer at 城东营业厅, 2 November 2026 09:00: a complaint, the wait and the speed rated 1,
/// courtesy 2, overall 1, a comment, and a call back asked for. Stored as the kiosk stores it.
async fn kiosk_customer(browser: &Browser) -> Response {
    let q = Builtin::Hall.questionnaire();
    let now = DateTime::parse_from_rfc3339("2026-11-02T09:00:00+08:00").unwrap();
    let mut r = Response::start(uuid::Uuid::from_u128(0x91e5), &q, Channel::Hall, Default::default(), now);
    manyi_core::response::tags::TagKey::Hall.set(&mut r.tags, "城东营业厅").unwrap();
    r.answer(&q, "business", Answer::Choice("complaint".into())).unwrap();
    r.answer(&q, "customer_class", Answer::Choice("residential".into())).unwrap();
    for item in q.items.iter().filter(|i| q.rating_scale(i).is_some()) {
        let rating = match item.id.as_str() {
            "wait" | "speed" | "overall" => 1,
            "courtesy" => 2,
            _ => 4,
        };
        let answer = if item.kind.offers_not_applicable() && item.id.as_str().starts_with("kiosk") {
            Answer::NotApplicable
        } else {
            Answer::Rating(rating)
        };
        r.answer(&q, item.id.as_str(), answer).unwrap();
    }
    r.answer(&q, "comment", Answer::Text("排队太久，窗口只开了一个".into())).unwrap();
    r.answer(&q, "callback_consent", Answer::Yes).unwrap();
    r.answer(&q, "phone", Answer::Text("13512345678".into())).unwrap();
    r.submit(&q, now + Duration::seconds(50)).unwrap();
    let record = serde_json::json!({
        "id": r.id, "questionnaire": "hall", "status": "complete", "saved_at": now, "response": r
    });
    let script = "const [record, done] = arguments;
        const open = indexedDB.open('manyi');
        open.onsuccess = () => {
            const tx = open.result.transaction('responses', 'readwrite');
            tx.objectStore('responses').put(JSON.parse(record));
            tx.oncomplete = () => { open.result.close(); done(true); };
        };";
    browser.client().execute_async(script, vec![record.to_string().into()]).await.expect("store it");
    browser.click_button_by_accessible_name("检查营业厅回访请求").await;
    browser.wait_for(".cb-queue .badge.recovery", TIMEOUT).await;
    r
}

#[tokio::test]
async fn a_kiosk_call_back_shows_what_the_customer_said_and_a_script_for_it() {
    let browser = Browser::open().await;
    open_desk(&browser).await;
    let r = kiosk_customer(&browser).await;
    let row = format!(".cb-row[data-case='kiosk-{}']", r.id);
    // Not an id and a placeholder name: where and when the customer was, by the kiosk.
    let title = text(&browser, &format!("{row} .cb-open")).await;
    assert_eq!(title, "营业厅评价 11-02 09:00");
    assert_eq!(text(&browser, &format!("{row} td:nth-child(2)")).await, "未留姓名");

    browser.wait_for("#cb-agent", TIMEOUT).await.send_keys("A07").await.unwrap();
    browser.wait_for(&format!("{row} .cb-open"), TIMEOUT).await.click().await.unwrap();
    let said = text(&browser, ".cb-kiosk-visit").await;
    for part in [
        "城东营业厅",
        "2026-11-02 09:00",
        "投诉",
        "取号后的等候时间可以接受 1 分",
        "办理速度快 1 分",
        "服务用语规范、态度热情 2 分",
        "排队太久，窗口只开了一个",
    ] {
        assert!(said.contains(part), "{part:?} not in {said:?}");
    }

    // The call's script is one for a kiosk call-back: no account number to verify, the visit
    // named, what was rated low and the comment read back.
    let enter: char = Key::Enter.into();
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
    let script = text(&browser, ".cb-script-lines").await;
    assert!(!script.contains("户号") && !script.contains("kiosk-"), "{script}");
    assert!(script.contains("11月2日") && script.contains("城东营业厅"), "{script}");
    assert!(script.contains("取号后的等候时间可以接受") && script.contains("排队太久"), "{script}");
    assert!(text(&browser, ".cb-call .cb-kiosk-visit").await.contains("办理速度快 1 分"));
    browser.close().await;
}

#[tokio::test]
async fn a_refusal_is_asked_before_it_closes_the_case_and_n_opens_the_next_case() {
    let browser = Browser::open().await;
    open_desk(&browser).await;
    let list = temp_file("two.csv", TWO_CASES);
    import(&browser, &list).await;
    browser.wait_for("#cb-agent", TIMEOUT).await.send_keys("A07").await.unwrap();
    browser.click_button_by_accessible_name("下一个任务").await;
    browser.wait_for(".cb-case[data-case='GD401']", TIMEOUT).await;
    let enter: char = Key::Enter.into();
    let escape: char = Key::Escape.into();
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;

    // R asks first: nothing is recorded until Enter confirms; Esc goes back to the call.
    keys(&browser, &['r']).await;
    let ask = text(&browser, ".cb-confirm-outcome").await;
    assert!(ask.contains("拒访") && ask.contains("结案"), "{ask}");
    assert!(stored(&browser, "callback_cases")
        .await
        .iter()
        .all(|c| c["case"]["attempts"] == Value::Array(vec![])));
    keys(&browser, &[escape]).await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
    keys(&browser, &['r']).await;
    browser.wait_for(".cb-confirm-outcome", TIMEOUT).await;
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-message p", "已记录：拒访", TIMEOUT).await;
    browser.wait_for_text(".cb-row[data-case='GD401'] .cb-status", "2.11 拒访", TIMEOUT).await;

    // One key to the next case.
    keys(&browser, &['n']).await;
    browser.wait_for(".cb-case[data-case='GD402']", TIMEOUT).await;
    browser.close().await;
    let _ = std::fs::remove_file(list);
}

/// A Tuesday four to five weeks from today at 15:00 (within calling hours), and its digits as an
/// agent types them without separators: `YYYYMMDDHHMM`.
fn appointment_ahead() -> (DateTime<FixedOffset>, String) {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let now = DateTime::from_timestamp(seconds as i64, 0)
        .unwrap()
        .with_timezone(&FixedOffset::east_opt(8 * 3600).unwrap());
    let mut day = now.date_naive() + Duration::days(28);
    while day.weekday() != Weekday::Tue {
        day = day.succ_opt().unwrap();
    }
    let at = day.and_hms_opt(15, 0, 0).unwrap().and_local_timezone(*now.offset()).unwrap();
    (at, at.format("%Y%m%d%H%M").to_string())
}

#[tokio::test]
async fn an_appointment_typed_as_digits_is_read_as_its_date_and_time() {
    let browser = Browser::open().await;
    open_desk(&browser).await;
    let list = temp_file("appointment.csv", TWO_CASES);
    import(&browser, &list).await;
    browser.wait_for("#cb-agent", TIMEOUT).await.send_keys("A07").await.unwrap();
    browser.click_button_by_accessible_name("下一个任务").await;
    browser.wait_for(".cb-case[data-case='GD401']", TIMEOUT).await;
    let enter: char = Key::Enter.into();
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
    keys(&browser, &['s']).await;
    let field = browser.wait_for("#cb-appointment", TIMEOUT).await;
    let (at, digits) = appointment_ahead();
    field.clear().await.unwrap();
    field.send_keys(&digits).await.unwrap();
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-message p", "已记录：预约回访", TIMEOUT).await;
    let row = browser.wait_for(".cb-row[data-case='GD401']", TIMEOUT).await;
    let next = row.attr("data-next-call-at").await.unwrap().expect("an appointment");
    // The desk's own offset (the browser's time zone) applies: the wall-clock time typed.
    let read = DateTime::parse_from_rfc3339(&next).unwrap();
    assert_eq!(read.naive_local(), at.naive_local(), "{digits} was read as {next}");
    browser.close().await;
    let _ = std::fs::remove_file(list);
}

#[tokio::test]
async fn the_rates_per_list_keep_the_kiosks_requests_apart_from_an_imported_list() {
    let browser = Browser::open().await;
    open_desk(&browser).await;
    let list = temp_file("rates.csv", TWO_CASES);
    import(&browser, &list).await;
    let r = kiosk_customer(&browser).await;
    browser.wait_for("#cb-agent", TIMEOUT).await.send_keys("A07").await.unwrap();
    let enter: char = Key::Enter.into();
    // The kiosk's request first (service recovery), then GD401: both refuse.
    for case in [format!("kiosk-{}", r.id), "GD401".to_owned()] {
        browser.click_button_by_accessible_name("下一个任务").await;
        browser.wait_for(&format!(".cb-case[data-case='{case}']"), TIMEOUT).await;
        keys(&browser, &[enter]).await;
        browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
        keys(&browser, &['r']).await;
        browser.wait_for(".cb-confirm-outcome", TIMEOUT).await;
        keys(&browser, &[enter]).await;
        browser.wait_for_text(&format!(".cb-row[data-case='{case}'] .cb-status"), "2.11 拒访", TIMEOUT).await;
    }
    browser.click_button_by_accessible_name("回访统计").await;
    let group = |g: &str| format!("#cb-rates-list tbody tr[data-group='{g}']");
    browser.wait_for_text(&format!("{} th", group("kiosk")), "营业厅回访请求", TIMEOUT).await;
    let name = list.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(text(&browser, &format!("{} th", group(&name))).await, name);
    assert_eq!(text(&browser, &format!("{} td:nth-child(2)", group("kiosk"))).await, "1");
    assert_eq!(text(&browser, &format!("{} td:nth-child(2)", group(&name))).await, "1");
    assert_eq!(browser.client().find_all(Locator::Css("#cb-rates-list tbody tr")).await.unwrap().len(), 3);
    browser.close().await;
    let _ = std::fs::remove_file(list);
}
