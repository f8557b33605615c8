//! The sync end to end, against a real CouchDB-protocol server (pouchdb-server, `couch.rs`) that
//! each test starts and prepares as `manyi couch setup` does: a kiosk offline keeps its
//! responses and sends them when the network returns; a server killed in the middle of a sync
//! loses nothing and gets nothing twice; a second device writes its own database; the analyst
//! loads the company database and sees the figures core computes from the pushed records; a
//! questionnaire published from the editor arrives on a kiosk; and the credentials stay out of
//! the customer's reach, the page, local storage and the exports.

use crate::couch::{self, db_url, prepared_server, records, Server, USERS};
use crate::customer::{answer_all, enter_pin, lock, set_up, stored, PIN};
use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;
use manyi_core::response::Response;
use manyi_core::sync::SyncRecord;
use std::collections::BTreeSet;
use std::time::Duration;

/// A sync with its retries may take a few seconds on a busy machine.
const SYNC: Duration = Duration::from_secs(45);

fn user(name: &str) -> (&'static str, &'static str) {
    USERS.iter().find(|u| u.0 == name).map(|u| (u.0, u.1)).unwrap()
}

/// Opens the staff screen (PIN) and waits for the sync section.
async fn open_staff(b: &Browser) {
    b.goto("#/staff").await;
    enter_pin(b, PIN).await;
    b.wait_for(".staff-sync .sync-waiting", TIMEOUT).await;
}

/// Sets this device's server on the staff screen.
async fn set_sync(b: &Browser, server: &Server, name: &str) {
    let (u, pw) = user(name);
    let db = if name == "ana" { "manyi-company".to_owned() } else { format!("manyi-device-{u}") };
    b.fill("#sync-url", &db_url(server, &db)).await;
    b.fill("#sync-user", u).await;
    b.fill("#sync-password", pw).await;
    b.click_button_by_accessible_name("保存同步设置").await;
    b.wait_for_text(".staff-sync .ok", "同步设置已保存", TIMEOUT).await;
}

async fn waiting(b: &Browser, n: usize) {
    let deadline = std::time::Instant::now() + SYNC;
    loop {
        let shown = b.eval("document.querySelector('.sync-waiting')?.textContent").await;
        if shown.as_str() == Some(n.to_string().as_str()) {
            return;
        }
        if std::time::Instant::now() > deadline {
            let section = b.eval("document.querySelector('.staff-sync')?.outerHTML").await;
            panic!("{n} records waiting: not after {SYNC:?}; the sync section: {section}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The responses of a device database, each with how many leaf revisions it has.
fn responses(server: &Server, db: &str) -> Vec<(Response, usize)> {
    records(server, db)
        .into_iter()
        .filter_map(|(r, leaves)| match r {
            SyncRecord::Response(r) => Some((r, leaves)),
            _ => None,
        })
        .collect()
}

/// The UUIDs of the responses the browser's store holds.
async fn stored_ids(b: &Browser) -> BTreeSet<String> {
    stored(b).await.iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn offline_responses_arrive_once_the_network_returns_and_a_killed_server_loses_none() {
    let mut server = prepared_server();
    let b = Browser::open().await;
    set_up(&b, &[]).await;
    open_staff(&b).await;
    set_sync(&b, &server, "hall1").await;
    b.wait_until(
        "return document.querySelector('.sync-last-success').textContent !== '从未'",
        "a first sync (nothing to send) succeeds",
        SYNC,
    )
    .await;

    // Offline: three customers; their responses wait on the device. ChromeDriver's offline
    // emulation covers the page but not its workers (the sync worker runs in one): the server
    // goes away too, as it does for a device whose network is off.
    lock(&b).await;
    b.set_offline(true).await;
    server.kill();
    for overall in ["满意", "非常满意", "一般"] {
        answer_all(&b, "缴费", "满意", overall, None).await;
    }
    open_staff(&b).await;
    waiting(&b, 3).await;
    server.restart();
    assert!(responses(&server, "manyi-device-hall1").is_empty());

    // The network returns: they are sent by themselves (the page's `online` event wakes the
    // worker, whatever its back-off).
    b.set_offline(false).await;
    waiting(&b, 0).await;
    let on_server = responses(&server, "manyi-device-hall1");
    assert_eq!(on_server.len(), 3);
    assert_eq!(stored_ids(&b).await, on_server.iter().map(|(r, _)| r.id.to_string()).collect());

    // Two more while the server is down: the sync fails, says so, and keeps them.
    lock(&b).await;
    server.kill();
    for overall in ["满意", "不满意"] {
        answer_all(&b, "咨询", "满意", overall, None).await;
    }
    open_staff(&b).await;
    b.click_button_by_accessible_name("立即同步").await;
    b.wait_until(
        "return document.querySelector('.sync-last-error').textContent.startsWith('无法连接服务器')",
        "the last error says the server cannot be reached",
        SYNC,
    )
    .await;
    waiting(&b, 2).await;

    // Back up, and killed again as the sync starts; then up for good.
    server.restart();
    b.click_button_by_accessible_name("立即同步").await;
    server.restart();
    b.wait_for("#sync-now:not([disabled])", SYNC).await;
    b.click_button_by_accessible_name("立即同步").await;
    waiting(&b, 0).await;
    let on_server = responses(&server, "manyi-device-hall1");
    assert_eq!(on_server.len(), 5, "nothing lost");
    assert!(on_server.iter().all(|(_, leaves)| *leaves == 1), "nothing twice, no conflict");
    assert_eq!(stored_ids(&b).await, on_server.iter().map(|(r, _)| r.id.to_string()).collect());
    b.wait_for_text(".sync-last-error", "无", TIMEOUT).await;

    // The password is on no page, in no local storage, in no export.
    let (_, password) = user("hall1");
    let html = b.eval("document.documentElement.outerHTML").await.to_string();
    assert!(!html.contains(password), "the staff screen shows the password");
    let local = b.eval("JSON.stringify(Object.assign({}, localStorage))").await.to_string();
    assert!(!local.contains(password), "the password is in localStorage: {local}");
    b.click_button_by_accessible_name("导出 JSON").await;
    let exported = downloaded_any(&b, ".json").await;
    assert!(!String::from_utf8_lossy(&exported).contains(password));

    // The customer's side: the attract screen; the staff screen and the records behind the PIN.
    lock(&b).await;
    let html = b.eval("document.documentElement.outerHTML").await.to_string();
    assert!(!html.contains(password) && !html.contains("manyi-device-hall1"));
    b.goto("#/staff").await;
    b.wait_for("#staff-pin", TIMEOUT).await;
    assert!(b.client().find(Locator::Css(".staff-sync")).await.is_err());
    b.goto("#/results").await;
    b.wait_for("#staff-pin", TIMEOUT).await;

    // A device's account opens its own database and no other.
    assert_eq!(couch::status_as(&server, "manyi-device-hall1", user("hall1")), 200);
    let other = couch::status_as(&server, "manyi-device-hall2", user("hall1"));
    assert!(other == 401 || other == 403, "hall1 reads hall2's database: {other}");
    b.close().await;
}

/// Waits for a download whose name ends with `suffix` and returns its bytes.
async fn downloaded_any(b: &Browser, suffix: &str) -> Vec<u8> {
    let dir = b.download_dir();
    b.until("a download", || async {
        let entry = std::fs::read_dir(&dir).ok()?.filter_map(Result::ok).find(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.ends_with(suffix) && !name.ends_with(".crdownload")
        })?;
        std::fs::read(entry.path()).ok()
    })
    .await
}

/// The questionnaire versions in the browser's store, as `id vN`.
async fn library(b: &Browser) -> Vec<String> {
    let script = "const done = arguments[arguments.length - 1];\
        const open = indexedDB.open('manyi');\
        open.onsuccess = () => {\
          const db = open.result;\
          const all = db.transaction('questionnaires').objectStore('questionnaires').getAll();\
          all.onsuccess = () => { db.close(); done(all.result.map(r => r.id + ' v' + r.version)); };\
        };";
    let list = b.execute_async(script, vec![]).await;
    list.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

/// A kiosk of `hall` syncing as `name`, on the attract screen.
async fn kiosk(server: &Server, name: &str, hall: &str) -> Browser {
    let b = Browser::open().await;
    set_up(&b, &[("hall", hall)]).await;
    open_staff(&b).await;
    set_sync(&b, server, name).await;
    lock(&b).await;
    b
}

/// Polls until the company database holds `n` responses (CouchDB's replicator copies them).
async fn company_holds(b: &Browser, server: &Server, n: usize) {
    b.until(&format!("{n} responses in manyi-company"), || async {
        (responses(server, "manyi-company").len() == n).then_some(())
    })
    .await;
}

#[tokio::test]
async fn two_devices_reach_the_analyst_and_a_published_questionnaire_reaches_a_kiosk() {
    use crate::analysis::{cli_analysis, dashboard_equals, held, open_workspace, wait_text};
    let server = prepared_server();
    let one = kiosk(&server, "hall1", "城东营业厅").await;
    let two = kiosk(&server, "hall2", "城西营业厅").await;
    for (rating, overall) in [("满意", "满意"), ("非常满意", "非常满意"), ("一般", "不满意")]
    {
        answer_all(&one, "缴费", rating, overall, None).await;
    }
    for (rating, overall) in [("不满意", "一般"), ("满意", "非常满意")] {
        answer_all(&two, "咨询", rating, overall, None).await;
    }
    for b in [&one, &two] {
        open_staff(b).await;
        waiting(b, 0).await;
    }
    // Each device into its own database.
    let (a, b) = (responses(&server, "manyi-device-hall1"), responses(&server, "manyi-device-hall2"));
    assert_eq!((a.len(), b.len()), (3, 2));
    assert_eq!(stored_ids(&two).await, b.iter().map(|(r, _)| r.id.to_string()).collect());

    // The analyst loads the company database: core's figures of the pushed records.
    company_holds(&one, &server, 5).await;
    open_workspace(&one).await;
    let (ana, pw) = user("ana");
    one.fill("#an-server-urls", &db_url(&server, "manyi-company")).await;
    one.fill("#an-server-user", ana).await;
    one.fill("#an-server-password", pw).await;
    one.click("#an-server-load").await;
    held(&one, 5).await;
    let file = |list: &[(Response, usize)]| {
        let responses = list.iter().map(|(r, _)| r.clone()).collect();
        manyi_core::io::bundle::Bundle::new(Vec::new(), responses, None, None).to_json()
    };
    let expected = cli_analysis(
        &[&file(&a), &file(&b)],
        manyi_core::scoring::group::GroupBy::Tag(manyi_core::response::tags::TagKey::Hall),
    );
    dashboard_equals(&one, &expected).await;

    // Later, only what changed is read: one more response on the second kiosk.
    lock(&two).await;
    answer_all(&two, "缴费", "满意", "满意", None).await;
    open_staff(&two).await;
    waiting(&two, 0).await;
    company_holds(&one, &server, 6).await;
    one.click("#an-server-load").await;
    wait_text(&one, "tr[data-file='manyi-company'] .an-added", |t| t == "1").await;
    wait_text(&one, "tr[data-file='manyi-company'] .an-duplicates", |t| t == "0").await;
    held(&one, 6).await;

    // A questionnaire published from the editor's desk arrives in the second kiosk's library.
    let desk = Browser::open().await;
    set_up(&desk, &[]).await;
    open_staff(&desk).await;
    set_sync(&desk, &server, "desk1").await;
    desk.goto("#/editor").await;
    desk.wait_for("#new-mode", TIMEOUT).await;
    desk.click_button_by_accessible_name("新建").await;
    desk.fill("#q-id", "hall_plus").await;
    desk.fill("#q-title-zh", "营业厅补充调查").await;
    desk.fill("#q-title-en", "Hall follow-up").await;
    desk.click("[data-item=\"item_1\"] .item-toggle").await;
    desk.fill("#item-0-text-zh", "您对本次服务满意吗？").await;
    desk.fill("#item-0-text-en", "Were you satisfied?").await;
    desk.wait_for(".no-problems", TIMEOUT).await;
    desk.click_button_by_accessible_name("保存").await;
    desk.wait_for_text(".editor-message", "已保存 hall_plus v1", TIMEOUT).await;
    desk.click_button_by_accessible_name("发布到服务器").await;
    wait_text(&desk, ".editor-message", |t| t.starts_with("已发布到服务器")).await;
    assert!(records(&server, "manyi-config")
        .iter()
        .any(|(r, _)| matches!(r, SyncRecord::Questionnaire(q) if q.id.as_str() == "hall_plus")));
    assert!(!library(&two).await.contains(&"hall_plus v1".to_owned()));
    two.click_button_by_accessible_name("立即同步").await;
    two.until("hall_plus v1 in the kiosk's library", || async {
        library(&two).await.contains(&"hall_plus v1".to_owned()).then_some(())
    })
    .await;
    for b in [one, two, desk] {
        b.close().await;
    }
}
