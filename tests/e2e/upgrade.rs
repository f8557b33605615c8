//! A device running the single build from before the areas were split (one page, one wasm, one
//! service worker caching it under `manyi-<build>`, IndexedDB `manyi` with every store) is
//! served the split build: the kiosk's service worker takes over the old one's registration, the
//! page reloads into the new kiosk between customers, the old cache goes, and every record is
//! still there for every area.
//!
//! The single build is either the real one (`MANYI_SINGLE_BUILD=<its dist/>`, e.g. built from
//! commit a9c7d74; the test then fills every store through its screens) or, by default, a
//! stand-in in `fixtures/single-build/`: that build's own index.html, boot.js and sw.js, with
//! the wasm replaced by `manyi.js`, which makes the database as that build left it: its version
//! and schema (stores, keys, indexes) and its records, recorded from the real build by this test
//! with `MANYI_RECORD_SINGLE_BUILD=1` into `records.json`.

use crate::customer::*;
use crate::harness::{self, Browser, TIMEOUT};
use fantoccini::actions::InputSource;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/fixtures/single-build");

/// Every store of the database: its version, and per store its key path, indexes and records
/// (key and value; a Blob as `{"$blob": text, "$type": type}`).
const DUMP: &str = "const done = arguments[0];
    const req = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    const plain = async (v) => {
      if (v instanceof Blob) return { $blob: await v.text(), $type: v.type };
      if (Array.isArray(v)) return Promise.all(v.map(plain));
      if (v !== null && typeof v === 'object') {
        const out = {};
        for (const [k, x] of Object.entries(v)) out[k] = await plain(x);
        return out;
      }
      return v;
    };
    const open = indexedDB.open('manyi');
    open.onerror = () => done(null);
    open.onsuccess = async () => {
      const db = open.result;
      const out = { version: db.version, stores: {} };
      for (const name of db.objectStoreNames) {
        const store = db.transaction(name).objectStore(name);
        const indexes = [...store.indexNames].map(i => {
          const x = store.index(i);
          return [i, x.keyPath, x.unique, x.multiEntry];
        });
        const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
        const records = [];
        for (let i = 0; i < keys.length; i++) records.push({ key: keys[i], value: await plain(values[i]) });
        out.stores[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, records };
      }
      db.close();
      done(JSON.stringify(out));
    };";

async fn dump(browser: &Browser) -> Value {
    let text = browser.execute_async(DUMP, vec![]).await;
    serde_json::from_str(text.as_str().expect("the database")).expect("JSON")
}

fn records<'d>(dump: &'d Value, store: &str) -> &'d Vec<Value> {
    dump["stores"][store]["records"].as_array().unwrap_or_else(|| panic!("no store {store}"))
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("manyi-e2e-upgrade-{}-{name}", std::process::id()))
}

/// The site of the single build: the real one, or the stand-in with its service worker stamped
/// as that build's `cargo xtask dist` did (a hash of the files and their list).
fn single_build(site: &Path) -> bool {
    if let Some(real) = std::env::var_os("MANYI_SINGLE_BUILD") {
        harness::copy_dir(Path::new(&real), site);
        return true;
    }
    harness::copy_dir(Path::new(FIXTURE), site);
    let mut files: Vec<String> = std::fs::read_dir(site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "sw.js")
        .collect();
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        for byte in std::fs::read(site.join(file)).unwrap() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
    }
    let mut shell = vec!["\"./\"".to_owned()];
    shell.extend(files.iter().map(|f| format!("\"./{f}\"")));
    let sw = std::fs::read_to_string(site.join("sw.js")).unwrap();
    let sw = sw
        .replace("__MANYI_BUILD__", &format!("{hash:016x}"))
        .replace("\"__MANYI_SHELL__\"", &shell.join(", "));
    std::fs::write(site.join("sw.js"), sw).unwrap();
    false
}

/// Fills every store of the real single build through its screens: the kiosk's settings and PIN,
/// two responses (one low with a call-back request) and one left half-answered, the two complete
/// ones exported and marked (the third ends as a break-off when the idle time runs out); a call
/// list with a finished low-score interview (its problem record)
/// and a call in progress; a questionnaire imported into the editor; an evaluation visit with a
/// stopwatch running; the kiosk's export kept by the analyst workspace.
async fn fill(browser: &Browser) {
    set_up(browser, &[("hall", "城东营业厅"), ("device", "pad-1"), ("thanks", "2")]).await;
    answer_all(browser, "投诉", "不满意", "非常不满意", Some("13912345678")).await;
    attract(browser).await;
    answer_all(browser, "缴费", "满意", "满意", None).await;
    attract(browser).await;
    browser.click_button_by_accessible_name("工作人员").await;
    enter_pin(browser, PIN).await;
    browser.click_button_by_accessible_name("导出 JSON").await;
    browser.wait_for_text(".staff-data .ok", "已导出 2 份问卷", TIMEOUT).await;
    let export = browser.download_dir().read_dir().unwrap().next().unwrap().unwrap().path();
    browser.click_button_by_accessible_name("标记为已导出").await;
    browser.wait_for_text(".count-exported td", "2", TIMEOUT).await;

    // The desk: a call list, an interview with low scores (a problem record), a call begun.
    let list = temp("list.csv");
    std::fs::write(
        &list,
        "工单号,客户名称,联系电话,工单类型,受理日期,营业厅\nGD301,周九,13812345678,故障报修,2026-10-30,城南营业厅\nGD302,吴十,13812345679,投诉,2026-10-30,城南营业厅\n",
    )
    .unwrap();
    browser.goto("#/callback").await;
    browser.click_button_by_accessible_name("导入导出").await;
    browser.pick_file("#cb-import", &list).await;
    browser.wait_for_text(".cb-import-file", &list.file_name().unwrap().to_string_lossy(), TIMEOUT).await;
    browser.click_button_by_accessible_name("回访队列").await;
    browser.fill("#cb-agent", "A09").await;
    let keys = |keys: Vec<char>| async move {
        let mut actions = fantoccini::actions::KeyActions::new("keyboard".into());
        for value in keys {
            actions = actions
                .then(fantoccini::actions::KeyAction::Down { value })
                .then(fantoccini::actions::KeyAction::Up { value });
        }
        browser.client().perform_actions(actions).await.expect("press keys");
    };
    let enter: char = fantoccini::key::Key::Enter.into();
    browser.click_button_by_accessible_name("下一个任务").await;
    browser.wait_for(".cb-case", TIMEOUT).await;
    keys(vec![enter]).await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
    keys(vec![enter, 'n', enter, '2', enter, '2', enter, '1', enter, '1', enter]).await;
    browser.wait_for("#cb-comment", TIMEOUT).await;
    keys(vec![enter]).await;
    browser.wait_for(".cb-done", TIMEOUT).await;
    keys(vec![enter]).await;
    browser.wait_for_text(".cb-message p", "已记录：完成", TIMEOUT).await;
    browser.click_button_by_accessible_name("下一个任务").await;
    browser.wait_for(".cb-case", TIMEOUT).await;
    keys(vec![enter]).await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;

    // A questionnaire of the device's own.
    let mut q = manyi_core::questionnaire::builtin::Builtin::Hall.questionnaire();
    q.id = manyi_core::questionnaire::QuestionnaireId::new("hall_copy");
    let file = temp("hall_copy.json");
    std::fs::write(&file, q.to_json()).unwrap();
    browser.goto("#/editor").await;
    browser.pick_file("#import-questionnaire", &file).await;
    browser.wait_for_text(".editor-message", "已导入 hall_copy v1", TIMEOUT).await;

    // A visit under way with its stopwatch running.
    browser.goto("#/evaluation").await;
    browser.fill("#visit-evaluator", "E3").await;
    browser.fill("#visit-hall", "城东营业厅").await;
    browser.click_button_by_accessible_name("开始测评").await;
    browser.click_button_by_accessible_name("服务效率").await;
    browser.click("[data-item=\"wait_minutes\"] .watch-start").await;
    browser.wait_for("[data-item=\"wait_minutes\"] .timed.running", TIMEOUT).await;

    // The analyst workspace keeps the kiosk's export.
    browser.goto("#/analysis").await;
    browser.pick_file("#an-files:not([disabled])", &export).await;
    browser.wait_for_text(".an-held", "2", TIMEOUT).await;

    // Last, a customer leaves half-way.
    browser.goto("").await;
    start(browser).await;
    tap(browser, "您今天办理的业务", "咨询").await;
    tap(browser, "您是", "居民").await;
    wait_for_store(browser, "the draft", |rs| {
        rs.iter().any(|r| r["status"] == "draft" && r["questionnaire"] == "hall")
    })
    .await;
    for path in [list, file] {
        let _ = std::fs::remove_file(path);
    }
}

async fn cache_names(browser: &Browser) -> Vec<String> {
    let value = browser.execute_async("const done = arguments[0]; caches.keys().then(done);", vec![]).await;
    serde_json::from_value(value).expect("cache names")
}

#[tokio::test]
async fn a_device_on_the_single_build_keeps_every_record_when_the_split_build_takes_over() {
    let site = temp("site");
    let _ = std::fs::remove_dir_all(&site);
    let real = single_build(&site);
    let server = static_server::Server::bind("127.0.0.1:0", &site).unwrap().spawn_stoppable();
    let browser = Browser::open_at(server.addr()).await;
    browser.wait_for(".attract, .set-pin", TIMEOUT).await;
    if real {
        fill(&browser).await;
        // The half-answered survey ends as the single build's idle policy says (a break-off).
        browser.wait_for_text(".attract h1", "请评价本次服务", 10 * TIMEOUT).await;
    }
    browser
        .wait_until(
            "return navigator.serviceWorker.controller !== null",
            "the old worker controls the page",
            TIMEOUT,
        )
        .await;
    let before = dump(&browser).await;
    if real && std::env::var_os("MANYI_RECORD_SINGLE_BUILD").is_some() {
        let pretty = serde_json::to_string_pretty(&before).unwrap();
        std::fs::write(Path::new(FIXTURE).join("records.json"), pretty + "\n").unwrap();
    }
    let old_caches = cache_names(&browser).await;
    assert!(old_caches.len() == 1 && !old_caches[0].starts_with("manyi-kiosk-"), "{old_caches:?}");
    for store in ["responses", "kiosk", "callback_cases", "callback_problems", "callback_calls"] {
        assert!(!records(&before, store).is_empty(), "the single build left records in {store}");
    }
    for store in ["questionnaires", "stopwatches", "analysis_files"] {
        assert!(!records(&before, store).is_empty(), "the single build left records in {store}");
    }

    // The split build is deployed in its place.
    std::fs::remove_dir_all(&site).unwrap();
    harness::copy_dir(&harness::dist(), &site);
    browser.goto("").await;
    attract(&browser).await;
    let update = "navigator.serviceWorker.getRegistration().then(r => r.update());";
    browser.client().execute(update, vec![]).await.unwrap();
    // The new kiosk's worker takes over: the old page reloads into the new kiosk between
    // customers, and the single build's cache is gone.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let names = cache_names(&browser).await;
        let new_page = browser.eval("document.querySelector('script[src=\"boot.js\"]') !== null && !!document.querySelector('link[href=\"kiosk.js\"]')").await;
        if names.len() == 1 && names[0].starts_with("manyi-kiosk-") && new_page == Value::Bool(true) {
            break;
        }
        assert!(Instant::now() < deadline, "still on the single build: caches {names:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    attract(&browser).await;

    // Every record is there, as the single build left it (a hall survey it left half-answered,
    // if any, the kiosk settles as its policy says: kept as a break-off, not lost).
    let after = dump(&browser).await;
    // The same schema, or a later one: the new build's own migrations only add stores (v6: the
    // sync's); every store the single build had is compared below.
    let (was, now) = (before["version"].as_u64().unwrap(), after["version"].as_u64().unwrap());
    assert!(now >= was, "the schema went back from v{was} to v{now}");
    for (store, was) in before["stores"].as_object().unwrap() {
        let now = &after["stores"][store];
        assert_eq!(now["keyPath"], was["keyPath"], "{store}");
        assert_eq!(now["indexes"], was["indexes"], "{store}");
        for record in was["records"].as_array().unwrap() {
            let kept = now["records"].as_array().unwrap().iter().find(|r| r["key"] == record["key"]);
            let kept = kept.unwrap_or_else(|| panic!("{store}: {} is lost", record["key"]));
            let settled = store == "responses"
                && record["value"]["status"] == "draft"
                && record["value"]["questionnaire"] == "hall";
            if settled {
                assert_eq!(kept["value"]["status"], "break_off", "{store}: {}", record["key"]);
                assert_eq!(kept["value"]["response"]["answers"], record["value"]["response"]["answers"]);
            } else {
                assert_eq!(kept, record, "{store}: {} is unchanged", record["key"]);
            }
        }
    }

    // And each area reads them: the staff screen's counts, the call in progress, the editor's
    // list, the visit under way, the analyst's kept file.
    let hall: Vec<&Value> =
        records(&before, "responses").iter().filter(|r| r["value"]["questionnaire"] == "hall").collect();
    let exported = hall.iter().filter(|r| r["value"]["exported_at"].is_string()).count();
    browser.click_button_by_accessible_name("工作人员").await;
    enter_pin(&browser, PIN).await;
    browser.wait_for_text(".count-exported td", &exported.to_string(), TIMEOUT).await;
    // The call begun on the single build resumes.
    browser.goto("desk/#/callback").await;
    browser.wait_for_text(".cb-step h2", "正在通话", TIMEOUT).await;
    browser.goto("desk/#/editor").await;
    browser.wait_for("tr[data-questionnaire=\"hall_copy\"]", TIMEOUT).await;
    browser.goto("field/#/evaluation").await;
    browser.click_button_by_accessible_name("服务效率").await;
    browser.wait_for("[data-item=\"wait_minutes\"] .timed.running", TIMEOUT).await;
    browser.goto("desk/#/analysis").await;
    browser.wait_for_text(".an-held", "2", TIMEOUT).await;
    browser.close().await;
    drop(server);
    let _ = std::fs::remove_dir_all(&site);
}
