//! The field app's records reach the company server through the device's sync: an evaluation
//! visit and a Kano-study response, stored on the phone, arrive in the device's database. Before
//! that, a wrong password: the server's 401 is the staff screen's last error, in plain words in
//! Chinese and, after the language switch, in English.

use crate::couch::{db_url, prepared_server, records, USERS};
use crate::customer::{enter_pin, set_up, PIN};
use crate::evaluation::start_visit;
use crate::harness::{Browser, TIMEOUT};
use crate::kano::respondent;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::sync::SyncRecord;
use std::time::Duration;

/// A sync with its retries may take a few seconds on a busy machine.
const SYNC: Duration = Duration::from_secs(45);

/// The staff screen's words for a 401 (src/sync/texts.rs: `Unauthorized`).
const UNAUTHORIZED: (&str, &str) = (
    "服务器不接受用户名或密码，请核对本设备的同步账号。",
    "The server does not accept the user name or password: check this device's sync account.",
);

async fn save_sync(b: &Browser, url: &str, user: &str, password: &str) {
    b.fill("#sync-url", url).await;
    b.fill("#sync-user", user).await;
    b.fill("#sync-password", password).await;
    b.click_button_by_accessible_name("保存同步设置").await;
    b.wait_for_text(".staff-sync .ok", "同步设置已保存", TIMEOUT).await;
}

async fn last_error(b: &Browser, text: &str) {
    // Its plain words first; a detail for the technician (time, HTTP status) may follow.
    let script = format!(
        "const e = document.querySelector('.sync-last-error'); \
         return e !== null && e.firstChild !== null && e.firstChild.textContent === {text:?};"
    );
    b.wait_until(&script, &format!("the last error reads {text:?}"), SYNC).await;
}

/// The detail for the technician after the plain words: a label in the screen's language, the
/// HTTP status and the server's own words, no English sentence of ours ("the server refused …").
async fn detail_reads(b: &Browser, label: &str) {
    let want = format!("{label}HTTP 401");
    let script = format!(
        "const d = document.querySelector('.sync-last-error .sync-error-detail'); \
         return d !== null && d.textContent.includes({want:?}) && !d.textContent.includes('refused');"
    );
    b.wait_until(&script, &format!("the detail reads {want:?}"), SYNC).await;
}

/// Submits the visit: each item the summary sends back to (`.is-missing`) gets 10 (a measure)
/// or 否 (a red line).
async fn submit_visit(b: &Browser) {
    for _ in 0..16 {
        b.click_button_by_accessible_name("汇总").await;
        b.click_button_by_accessible_name("提交测评").await;
        let done = "return document.querySelector('.done-title') !== null \
            || document.querySelector('.is-missing') !== null;";
        b.wait_until(done, "the visit is submitted or an item is missing", TIMEOUT).await;
        if b.eval("document.querySelector('.done-title')?.textContent").await.as_str() == Some("测评已提交")
        {
            return;
        }
        if b.eval("document.querySelector('.is-missing input') !== null").await == serde_json::json!(true) {
            b.fill(".is-missing input", "10").await;
        } else {
            b.click(".is-missing .check.no").await;
        }
    }
    panic!("the visit was not submitted");
}

#[tokio::test]
async fn visits_and_kano_responses_reach_the_server_and_a_wrong_password_is_said_in_both_languages() {
    let server = prepared_server();
    let b = Browser::open().await;
    set_up(&b, &[]).await;
    b.goto("#/staff").await;
    enter_pin(&b, PIN).await;
    b.wait_for(".staff-sync .sync-waiting", TIMEOUT).await;
    let (user, password, _) = USERS[0];
    let url = db_url(&server, &format!("manyi-device-{user}"));

    // A wrong password: the server says 401, the screen says so in plain words.
    save_sync(&b, &url, user, "not-the-password").await;
    b.wait_for("#sync-now:not([disabled])", SYNC).await;
    b.click_button_by_accessible_name("立即同步").await;
    last_error(&b, UNAUTHORIZED.0).await;
    detail_reads(&b, "技术细节：").await;
    b.click_button_by_accessible_name("English").await;
    last_error(&b, UNAUTHORIZED.1).await;
    detail_reads(&b, "technical detail: ").await;
    b.click_button_by_accessible_name("中文").await;
    last_error(&b, UNAUTHORIZED.0).await;

    // The right one: the sync succeeds and the error is gone.
    save_sync(&b, &url, user, password).await;
    b.wait_for("#sync-now:not([disabled])", SYNC).await;
    b.click_button_by_accessible_name("立即同步").await;
    last_error(&b, "无").await;

    // In the field app: one evaluation visit, one Kano-study respondent.
    start_visit(&b, "E1").await;
    submit_visit(&b).await;
    b.goto("field/#/kano").await;
    respondent(&b, &[(1, 3), (2, 5), (1, 2)]).await;

    // Both arrive by themselves (each save nudges the sync), each once.
    let wanted = [Builtin::Evaluation.questionnaire().reference(), Builtin::Kano.questionnaire().reference()];
    let deadline = std::time::Instant::now() + SYNC;
    loop {
        let on_server: Vec<_> = records(&server, &format!("manyi-device-{user}"))
            .into_iter()
            .filter_map(|(r, leaves)| match r {
                SyncRecord::Response(r) => Some((r.questionnaire, leaves)),
                _ => None,
            })
            .collect();
        let found: Vec<usize> =
            wanted.iter().map(|q| on_server.iter().filter(|(r, _)| r == q).count()).collect();
        if found == [1, 1] {
            assert!(on_server.iter().all(|(_, leaves)| *leaves == 1), "no conflict");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "on the server: {on_server:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    b.close().await;
}
