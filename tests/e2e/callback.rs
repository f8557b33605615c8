//! The callback workspace as an agent meets it at a desk PC: importing call lists (good, bad and
//! duplicate rows, a GB18030 file, a re-import), an interview keyed in without the mouse and
//! found stored, a no-answer re-queued at its next call time, a low score's problem record, and
//! a kiosk customer's call-back request at the head of the queue.

use crate::harness::{Browser, TIMEOUT};
use chrono::{DateTime, Duration};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use manyi_core::callback::SchedulingRules;
use serde_json::Value;
use std::path::PathBuf;
use std::time::Instant;

const GB18030_LIST: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/core/tests/fixtures/callback/call_list_gb18030.csv");

/// Good rows GD201, GD202 and GD205; line 4 a bad phone number, line 5 GD201 again, line 6 an
/// unknown ticket type.
const UTF8_LIST: &str = "\u{feff}工单号,客户名称,联系电话,工单类型,受理日期,营业厅,客户类别,回访期限
GD201,张三,13812345678,故障报修,2026-10-30,城东营业厅,居民,2026-12-30
GD202,李四,13900000002,投诉,2026-10-31,城西营业厅,一般工商业,2026-12-31
GD203,王五,12345,缴费,2026-10-31,,,
GD201,张三,13812345678,故障报修,2026-10-30,,,
GD204,赵六,13700000004,电费退费,2026-10-31,,,
GD205,钱七,13600000005,咨询,2026-11-01,,,
";

/// One case.
const ONE_CASE: &str = "工单号,客户名称,联系电话,工单类型,受理日期,营业厅\nGD301,周九,13812345678,故障报修,2026-10-30,城南营业厅\n";

fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("manyi-e2e-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("write a call list");
    path
}

async fn open_workspace(browser: &Browser) {
    browser.goto("#/callback").await;
    browser.wait_for_text(".callback h1", "电话回访", TIMEOUT).await;
    // The records are read once the queue (or its empty note) shows.
    browser.wait_for(".cb-toolbar", TIMEOUT).await;
}

async fn import(browser: &Browser, path: &str) {
    browser.click_button_by_accessible_name("导入导出").await;
    let input = browser.wait_for("#cb-import", TIMEOUT).await;
    input.send_keys(path).await.expect("pick the file");
    let name = std::path::Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
    browser.wait_for_text(".cb-import-file", &name, TIMEOUT).await;
}

async fn set_agent(browser: &Browser, agent: &str) {
    let field = browser.wait_for("#cb-agent", TIMEOUT).await;
    field.send_keys(agent).await.expect("type the agent id");
}

/// Presses keys on whatever has the focus, as the agent's keyboard does.
async fn keys(browser: &Browser, keys: &[char]) {
    let mut actions = KeyActions::new("keyboard".into());
    for &value in keys {
        actions = actions.then(KeyAction::Down { value }).then(KeyAction::Up { value });
    }
    browser.client().perform_actions(actions).await.expect("press keys");
}

/// Polls until the focused element matches `css`.
async fn wait_for_focus(browser: &Browser, css: &str) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let focused = browser
            .client()
            .execute(
                "return document.activeElement && document.activeElement.matches(arguments[0]);",
                vec![css.into()],
            )
            .await
            .expect("read the focus");
        if focused == Value::Bool(true) {
            return;
        }
        assert!(Instant::now() < deadline, "`{css}` never got the focus");
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
}

/// Opens the next case with the one click the agent makes, and waits until it has the focus.
async fn open_next_case(browser: &Browser, ticket: &str) {
    browser.click_button_by_accessible_name("下一个任务").await;
    browser.wait_for(&format!(".cb-case[data-case='{ticket}']"), TIMEOUT).await;
    wait_for_focus(browser, ".cb-case").await;
}

/// From the open case to the comment screen by keys only: start the call, begin the interview,
/// then resolved and the four ratings.
async fn interview_by_keys(browser: &Browser, resolved: char, ratings: [char; 4]) {
    let enter: char = Key::Enter.into();
    keys(browser, &[enter]).await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
    let mut typed = vec![enter, resolved, enter];
    for r in ratings {
        typed.extend([r, enter]);
    }
    keys(browser, &typed).await;
    wait_for_focus(browser, "#cb-comment").await;
}

/// Every record of the store `name` of the app's database.
async fn stored(browser: &Browser, name: &str) -> Vec<Value> {
    let script = "const [store, done] = arguments;
        const open = indexedDB.open('manyi');
        open.onerror = () => done('[]');
        open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction(store, 'readonly').objectStore(store).getAll();
            all.onsuccess = () => { db.close(); done(JSON.stringify(all.result)); };
        };";
    let json = browser.client().execute_async(script, vec![name.into()]).await.expect("read IndexedDB");
    serde_json::from_str(json.as_str().expect("JSON text")).expect("records")
}

async fn text(browser: &Browser, css: &str) -> String {
    let element = browser.wait_for(css, TIMEOUT).await;
    element.text().await.expect("text").trim().to_owned()
}

#[tokio::test]
async fn call_lists_are_imported_with_bad_and_duplicate_rows_reported() {
    let browser = Browser::open().await;
    open_workspace(&browser).await;
    let utf8 = temp_file("list-utf8.csv", UTF8_LIST);
    import(&browser, utf8.to_str().unwrap()).await;
    browser.wait_for_text(".cb-import-encoding", "UTF-8", TIMEOUT).await;
    browser.wait_for_text(".cb-import-added", "3", TIMEOUT).await;
    browser.wait_for_text(".cb-import-rejected", "3", TIMEOUT).await;
    let rejected = |line: u32| format!(".cb-rejected tr[data-line='{line}'] .cb-row-problem");
    assert_eq!(text(&browser, &rejected(4)).await, "电话号码无效");
    assert_eq!(text(&browser, &rejected(5)).await, "工单号重复");
    assert_eq!(text(&browser, &rejected(6)).await, "工单类型无效");
    // Why, in the desk's language (core's phone rule: a number beginning with 1 is a mobile).
    let reason = |line: u32| format!(".cb-rejected tr[data-line='{line}'] .cb-row-reason");
    assert_eq!(text(&browser, &reason(4)).await, "“12345”不能用于回访：手机号码是 11 位，现在是 5 位");

    // The GB18030 file of an older ticket system: GD101 and GD102 kept; line 4 an unknown
    // ticket type, line 5 GD101 again.
    import(&browser, GB18030_LIST).await;
    browser.wait_for_text(".cb-import-encoding", "GB18030", TIMEOUT).await;
    browser.wait_for_text(".cb-import-added", "2", TIMEOUT).await;
    assert_eq!(text(&browser, &rejected(4)).await, "工单类型无效");
    assert_eq!(text(&browser, &rejected(5)).await, "工单号重复");
    assert_eq!(text(&browser, &reason(5)).await, "工单 GD101 已在第 2 行，保留第一行");

    // Imported again: nothing added, both tickets already listed.
    import(&browser, GB18030_LIST).await;
    browser.wait_for_text(".cb-import-added", "0", TIMEOUT).await;
    browser.wait_for_text(".cb-import-listed", "2", TIMEOUT).await;

    browser.click_button_by_accessible_name("回访队列").await;
    browser.wait_for(".cb-queue", TIMEOUT).await;
    let rows = browser.client().find_all(Locator::Css(".cb-queue tbody tr")).await.unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(stored(&browser, "callback_cases").await.len(), 5);
    // The queue by due date: GD101 (due 4 Nov) first; cases without a due date last.
    assert_eq!(text(&browser, ".cb-queue tbody tr:nth-child(1) .cb-open").await, "GD101");
    // Phones masked in the list unless the staff setting allows them.
    assert_eq!(text(&browser, ".cb-row[data-case='GD201'] .phone").await, "138****5678");
    browser.click_button_by_accessible_name("导入导出").await;
    browser.wait_for("#cb-show-phones", TIMEOUT).await.click().await.unwrap();
    browser.click_button_by_accessible_name("回访队列").await;
    browser.wait_for_text(".cb-row[data-case='GD201'] .phone", "13812345678", TIMEOUT).await;
    // A filter by ticket type.
    let select = browser.wait_for("#cb-filter-type", TIMEOUT).await;
    select.select_by_value("complaint").await.unwrap();
    browser.wait_for_text(".cb-queue tbody tr:only-child .cb-open", "GD202", TIMEOUT).await;
    browser.close().await;
    let _ = std::fs::remove_file(utf8);
}

#[tokio::test]
async fn an_interview_keyed_in_without_the_mouse_is_stored_with_its_call() {
    let browser = Browser::open().await;
    open_workspace(&browser).await;
    let list = temp_file("one-case.csv", ONE_CASE);
    import(&browser, list.to_str().unwrap()).await;
    browser.click_button_by_accessible_name("回访队列").await;
    set_agent(&browser, "A07").await;
    open_next_case(&browser, "GD301").await;

    // No clicks from here: Enter, Enter, Y Enter, 4 Enter, 5 Enter, 3 Enter, 4 Enter.
    interview_by_keys(&browser, 'y', ['4', '5', '3', '4']).await;
    // The script panel has the ticket's facts beside the questions, and the call is timed.
    assert!(text(&browser, ".cb-script-lines")
        .await
        .contains("您于2026-10-30办理了故障报修业务（工单号GD301）"));
    browser.wait_for(".call-timer-value", TIMEOUT).await;
    let enter: char = Key::Enter.into();
    let mut comment: Vec<char> = "电工很耐心".chars().collect();
    comment.push(enter);
    keys(&browser, &comment).await;
    browser.wait_for(".cb-done", TIMEOUT).await;
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-message p", "已记录：完成", TIMEOUT).await;
    browser.wait_for_text(".cb-history .cb-outcome", "完成", TIMEOUT).await;

    // Stored: the case closed with 1.1 and its call, the complete response the call names.
    let cases = stored(&browser, "callback_cases").await;
    let case = &cases[0]["case"];
    assert_eq!(case["final_disposition"], "1.1");
    let attempt = &case["attempts"][0];
    assert_eq!(
        (&attempt["interviewer"], &attempt["outcome"]),
        (&Value::from("A07"), &Value::from("complete"))
    );
    let responses = stored(&browser, "responses").await;
    assert_eq!(responses.len(), 1);
    let r = &responses[0]["response"];
    assert_eq!(r["id"], attempt["response"]);
    assert_eq!(
        (&r["status"], &r["channel"], &r["disposition"]),
        (&Value::from("complete"), &Value::from("callback"), &Value::from("1.1"))
    );
    assert_eq!(r["tags"]["interviewer"], "A07");
    let answers = &r["answers"];
    // Answers as core writes them: "yes", {"rating": 3}, {"text": …}.
    assert_eq!(answers["resolved"], "yes");
    assert_eq!(
        (&answers["informed"], &answers["overall"]),
        (&serde_json::json!({"rating": 3}), &serde_json::json!({"rating": 4}))
    );
    assert_eq!(answers["comment"], serde_json::json!({"text": "电工很耐心"}));
    assert!(stored(&browser, "callback_calls").await.is_empty(), "no call in progress");

    // After a reload the case is still closed, and the rates count it.
    browser.reload().await;
    browser.wait_for_text(".cb-row[data-case='GD301'] .cb-status", "1.1 完成", TIMEOUT).await;
    browser.click_button_by_accessible_name("回访统计").await;
    browser.wait_for_text("#cb-rates-list tbody tr:nth-child(1) td:nth-child(10)", "100.0%", TIMEOUT).await;
    browser.wait_for_text("#cb-rates-agent tbody tr[data-group='A07'] th", "A07", TIMEOUT).await;
    browser.close().await;
    let _ = std::fs::remove_file(list);
}

#[tokio::test]
async fn a_no_answer_is_requeued_at_its_next_call_time_within_calling_hours() {
    let browser = Browser::open().await;
    open_workspace(&browser).await;
    let list = temp_file("no-answer.csv", ONE_CASE);
    import(&browser, list.to_str().unwrap()).await;
    browser.click_button_by_accessible_name("回访队列").await;
    set_agent(&browser, "A08").await;
    open_next_case(&browser, "GD301").await;
    let enter: char = Key::Enter.into();
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
    keys(&browser, &['a']).await;
    browser.wait_for_text(".cb-message p", "已记录：无人接听", TIMEOUT).await;
    browser.wait_for_text(".cb-row[data-case='GD301'] .cb-last", "无人接听", TIMEOUT).await;

    // The next call time shown is the call's end + 120 min, moved into calling hours.
    let history = browser.wait_for(".cb-history tbody tr", TIMEOUT).await;
    let started =
        DateTime::parse_from_rfc3339(&history.attr("data-started-at").await.unwrap().unwrap()).unwrap();
    let duration = text(&browser, ".cb-history tbody tr td:nth-child(4)").await;
    let (m, s) = duration.split_once(':').unwrap();
    let ended = started + Duration::seconds(m.parse::<i64>().unwrap() * 60 + s.parse::<i64>().unwrap());
    let rules = SchedulingRules::default();
    let expected = rules.retry_at(ended, rules.delays.no_answer_minutes).unwrap();
    let row = browser.wait_for(".cb-row[data-case='GD301']", TIMEOUT).await;
    let next = DateTime::parse_from_rfc3339(&row.attr("data-next-call-at").await.unwrap().unwrap()).unwrap();
    assert_eq!(next, expected);
    assert!(rules.calling_hours.contains(next), "{next} is within calling hours");
    assert_eq!(
        text(&browser, ".cb-row[data-case='GD301'] .cb-next").await,
        next.format("%Y-%m-%d %H:%M").to_string()
    );
    // Not callable before then: the queue has nothing to call now.
    browser.click_button_by_accessible_name("下一个任务").await;
    browser.wait_for_text(".cb-message p", "现在没有可拨打的任务。", TIMEOUT).await;
    let cases = stored(&browser, "callback_cases").await;
    assert_eq!(cases[0]["case"]["attempts"][0]["outcome"], "no_answer");
    assert_eq!(cases[0]["status"], "open");
    browser.close().await;
    let _ = std::fs::remove_file(list);
}

#[tokio::test]
async fn a_low_score_opens_a_problem_record_that_stays_open_until_its_result() {
    let browser = Browser::open().await;
    open_workspace(&browser).await;
    let list = temp_file("low-score.csv", ONE_CASE);
    import(&browser, list.to_str().unwrap()).await;
    browser.click_button_by_accessible_name("回访队列").await;
    set_agent(&browser, "A09").await;
    open_next_case(&browser, "GD301").await;
    interview_by_keys(&browser, 'n', ['2', '2', '1', '1']).await;
    let enter: char = Key::Enter.into();
    keys(&browser, &[enter]).await;
    browser.wait_for(".cb-done", TIMEOUT).await;
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-message p", "已记录：完成", TIMEOUT).await;

    browser.click_button_by_accessible_name("问题闭环").await;
    let open = ".cb-problems.open tbody tr";
    assert_eq!(text(&browser, ".cb-problems.open caption").await, "未闭环问题 (1)");
    let what = text(&browser, &format!("{open} .cb-what")).await;
    assert!(what.contains("总体满意度 1 分") && what.contains("问题未办结"), "{what}");
    assert_eq!(text(&browser, &format!("{open} td:nth-child(2)")).await, "A09");
    assert_eq!(text(&browser, &format!("{open} td:nth-child(3)")).await, "GD301");
    assert_eq!(text(&browser, &format!("{open} td:nth-child(6)")).await, "较重");
    assert_eq!(text(&browser, &format!("{open} .cb-age")).await, "0");
    assert_eq!(stored(&browser, "callback_problems").await[0]["status"], "open");

    // The supervisor names the unit and a remedy: still open. Then the result closes it.
    browser.wait_for(&format!("{open} button"), TIMEOUT).await.click().await.unwrap();
    // The unit starts as the ticket's hall; the supervisor names the unit responsible.
    let unit = browser.wait_for("#cb-p-unit", TIMEOUT).await;
    assert_eq!(unit.prop("value").await.unwrap().as_deref(), Some("城南营业厅"));
    unit.clear().await.unwrap();
    unit.send_keys("城南供电所").await.unwrap();
    browser.click_button_by_accessible_name("保存").await;
    browser.wait_for_text(&format!("{open} td:nth-child(5)"), "城南供电所", TIMEOUT).await;
    browser.wait_for(&format!("{open} button"), TIMEOUT).await.click().await.unwrap();
    browser.wait_for("#cb-p-result", TIMEOUT).await.send_keys("已上门修复并致歉").await.unwrap();
    browser.wait_for("#cb-p-assessed", TIMEOUT).await.send_keys("B01").await.unwrap();
    browser.click_button_by_accessible_name("录入结果并闭环").await;
    browser.wait_for_text(".cb-problems.closed caption", "已闭环问题 (1)", TIMEOUT).await;
    assert!(browser.client().find(Locator::Css(".cb-problems.open")).await.is_ok());
    assert_eq!(text(&browser, ".cb-problems.open caption").await, "未闭环问题 (0)");
    assert_eq!(stored(&browser, "callback_problems").await[0]["status"], "closed");
    browser.close().await;
    let _ = std::fs::remove_file(list);
}

#[tokio::test]
async fn a_kiosk_call_back_request_is_first_in_the_queue() {
    use manyi_core::questionnaire::builtin::Builtin;
    use manyi_core::response::answer::Answer;
    use manyi_core::response::{Channel, Response};
    let browser = Browser::open().await;
    open_workspace(&browser).await;
    let list = temp_file("with-kiosk.csv", UTF8_LIST);
    import(&browser, list.to_str().unwrap()).await;

    // A hall customer who rated overall 1 and asked to be called back, as the kiosk stores it.
    let q = Builtin::Hall.questionnaire();
    let now = DateTime::parse_from_rfc3339("2026-11-02T09:00:00+08:00").unwrap();
    let mut r = Response::start(uuid::Uuid::from_u128(42), &q, Channel::Hall, Default::default(), now);
    r.answer(&q, "business", Answer::Choice("complaint".into())).unwrap();
    r.answer(&q, "customer_class", Answer::Choice("residential".into())).unwrap();
    for item in q.items.iter().filter(|i| q.rating_scale(i).is_some()) {
        r.answer(&q, item.id.as_str(), Answer::Rating(1)).unwrap();
    }
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
    browser
        .client()
        .execute_async(script, vec![record.to_string().into()])
        .await
        .expect("store a kiosk response");

    browser.click_button_by_accessible_name("回访队列").await;
    browser.click_button_by_accessible_name("检查营业厅回访请求").await;
    let first = ".cb-queue tbody tr:nth-child(1)";
    browser.wait_for_text(&format!("{first} .badge.recovery"), "服务补救", TIMEOUT).await;
    // Named by the visit, not by its response id (which stays the row's key).
    assert_eq!(text(&browser, &format!("{first} .cb-open")).await, "营业厅评价 11-02 09:00");
    let key = browser.wait_for(first, TIMEOUT).await.attr("data-case").await.unwrap();
    assert_eq!(key, Some(format!("kiosk-{}", r.id)));
    assert_eq!(text(&browser, &format!("{first} .phone")).await, "135****5678");
    // Checking again adds nothing; after a reload it is still first.
    browser.click_button_by_accessible_name("检查营业厅回访请求").await;
    browser.reload().await;
    browser.wait_for_text(&format!("{first} .badge.recovery"), "服务补救", TIMEOUT).await;
    assert_eq!(browser.client().find_all(Locator::Css(".cb-queue tbody tr")).await.unwrap().len(), 4);
    // The English switch.
    browser.click_button_by_accessible_name("English").await;
    browser.wait_for_text(".callback h1", "Callback workspace", TIMEOUT).await;
    browser.wait_for_text(&format!("{first} .badge.recovery"), "Service recovery", TIMEOUT).await;
    browser.close().await;
    let _ = std::fs::remove_file(list);
}

#[tokio::test]
async fn a_call_in_progress_resumes_after_a_reload_with_its_answers() {
    let browser = Browser::open().await;
    open_workspace(&browser).await;
    let list = temp_file("resume.csv", ONE_CASE);
    import(&browser, list.to_str().unwrap()).await;
    browser.click_button_by_accessible_name("回访队列").await;
    set_agent(&browser, "A10").await;
    open_next_case(&browser, "GD301").await;
    let enter: char = Key::Enter.into();
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
    keys(&browser, &[enter, 'y', enter, '4', enter]).await;
    browser.wait_for_text("#cb-question-text", "工作人员服务态度", TIMEOUT).await;

    // Each answer is stored as it is given, with the call it belongs to.
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let drafts = stored(&browser, "responses").await;
        let answers = drafts.first().and_then(|r| r["response"]["answers"].as_object().map(|a| a.len()));
        if answers == Some(2) && stored(&browser, "callback_calls").await.len() == 1 {
            assert_eq!(drafts[0]["status"], "draft");
            break;
        }
        assert!(Instant::now() < deadline, "the answers were not stored: {drafts:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    browser.reload().await;
    browser.wait_for_text("#cb-question-text", "工作人员服务态度", TIMEOUT).await;
    browser.wait_for_text(".cb-progress", "问题 3 / 6", TIMEOUT).await;
    wait_for_focus(&browser, ".cb-step").await;
    keys(&browser, &['5', enter, '5', enter, '5', enter]).await;
    wait_for_focus(&browser, "#cb-comment").await;
    keys(&browser, &[enter]).await;
    browser.wait_for(".cb-done", TIMEOUT).await;
    keys(&browser, &[enter]).await;
    browser.wait_for_text(".cb-message p", "已记录：完成", TIMEOUT).await;
    // One response (the resumed draft, now complete) and one call.
    let responses = stored(&browser, "responses").await;
    assert_eq!(responses.len(), 1);
    let r = &responses[0]["response"];
    assert_eq!((&r["status"], r["answers"].as_object().unwrap().len()), (&Value::from("complete"), 5));
    let cases = stored(&browser, "callback_cases").await;
    assert_eq!(cases[0]["case"]["attempts"].as_array().unwrap().len(), 1);
    assert_eq!(cases[0]["case"]["attempts"][0]["response"], r["id"]);
    browser.close().await;
    let _ = std::fs::remove_file(list);
}
