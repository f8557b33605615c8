//! The areas as pages of their own: the old single build's addresses lead to their area, one PIN
//! opens every area behind it, each area's service worker keeps only its own files (the kiosk's
//! first visit downloads nothing of the others), and a new build downloads only what changed.

use crate::customer::*;
use crate::harness::{self, Browser, TIMEOUT};
use fantoccini::Locator;
use serde_json::Value;
use std::time::Duration;

/// Every address of the single build, the page it now lives on, and what that page shows (no PIN
/// set yet: the staff screen asks for one, the others are open).
const OLD_ADDRESSES: [(&str, &str, &str); 9] = [
    ("#/staff", "/staff/", "#new-pin"),
    ("#/results", "/desk/", ".results"),
    ("#/callback", "/desk/", ".callback h1"),
    ("#/editor", "/desk/", "#new-mode"),
    ("#/analysis", "/desk/", ".analysis"),
    ("#/kano/analysis", "/desk/", ".kano-analysis"),
    ("#/evaluation", "/field/", ".evaluation"),
    ("#/evaluation/compare", "/field/", ".compare"),
    ("#/kano", "/field/", ".kano"),
];

async fn wait_for_page(browser: &Browser, path: &str, hash: &str) {
    let script = format!("return location.pathname === {path:?} && location.hash === {hash:?};");
    browser.wait_until(&script, &format!("the address {path}{hash}"), TIMEOUT).await;
}

#[tokio::test]
async fn the_old_addresses_lead_to_their_area() {
    let browser = Browser::open().await;
    browser.wait_for("#new-pin", TIMEOUT).await;
    for (hash, path, shown) in OLD_ADDRESSES {
        // Typed or bookmarked on the kiosk's page (from another area's page, a new document).
        browser.goto(hash).await;
        wait_for_page(&browser, path, hash).await;
        browser.wait_for(shown, TIMEOUT).await;
    }
    // Within the kiosk's page, a link to an old address (a change of the hash only) goes too.
    browser.goto("").await;
    browser.wait_for("#new-pin", TIMEOUT).await;
    browser.client().execute("location.hash = '#/callback';", vec![]).await.unwrap();
    wait_for_page(&browser, "/desk/", "#/callback").await;
    browser.wait_for(".callback h1", TIMEOUT).await;
    browser.close().await;
}

#[tokio::test]
async fn one_pin_opens_the_staff_screen_the_desk_and_the_field_app_until_they_lock() {
    let browser = Browser::open().await;
    set_up(&browser, &[]).await;
    // Kiosk → staff screen: the PIN once.
    browser.click_button_by_accessible_name("工作人员").await;
    wait_for_page(&browser, "/staff/", "#/staff").await;
    enter_pin(&browser, PIN).await;
    browser.wait_for_text(".staff h1", "工作人员设置", TIMEOUT).await;
    // → the call desk, → the field app, → the staff screen: pages of their own, no PIN again.
    browser.click(".staff .area-nav a[href$='#/callback']").await;
    wait_for_page(&browser, "/desk/", "#/callback").await;
    browser.wait_for_text(".callback h1", "电话回访", TIMEOUT).await;
    browser.click(".topnav a[href$='#/evaluation']").await;
    wait_for_page(&browser, "/field/", "#/evaluation").await;
    browser.wait_for(".evaluation", TIMEOUT).await;
    assert!(browser.client().find(Locator::Css("#staff-pin")).await.is_err(), "no PIN asked");
    browser.goto("staff/").await;
    browser.wait_for_text(".staff h1", "工作人员设置", TIMEOUT).await;
    // Locked, every area asks again.
    lock(&browser).await;
    for address in ["desk/#/callback", "field/#/kano", "staff/"] {
        browser.goto(address).await;
        browser.wait_for_text(".staff-gate h1", "工作人员登录", TIMEOUT).await;
    }
    browser.close().await;
}

/// The paths (from the site's root) of what the cache `name` holds.
async fn cached(browser: &Browser, name: &str) -> Vec<String> {
    let script = "const [name, done] = arguments;
        caches.open(name).then(c => c.keys()).then(ks => done(ks.map(r => new URL(r.url).pathname)));";
    let value = browser.execute_async(script, vec![name.into()]).await;
    let mut paths: Vec<String> =
        value.as_array().expect("a list").iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect();
    paths.sort();
    paths
}

async fn cache_names(browser: &Browser) -> Vec<String> {
    let value = browser.execute_async("const done = arguments[0]; caches.keys().then(done);", vec![]).await;
    let mut names: Vec<String> = serde_json::from_value(value).expect("cache names");
    names.sort();
    names
}

async fn controlled_by(browser: &Browser, worker: &str) {
    let script = format!(
        "const c = navigator.serviceWorker.controller; return c !== null && new URL(c.scriptURL).pathname === {worker:?};"
    );
    browser.wait_until(&script, &format!("{worker} controls the page"), 3 * TIMEOUT).await;
}

/// A new build in `site`: the stylesheet changed, so each service worker lists its new hash and
/// has a new version (what `cargo xtask dist` writes for such a change).
fn change_the_stylesheet(site: &std::path::Path) {
    let css = site.join("style.css");
    std::fs::write(&css, format!("{}\n/* build two */\n", std::fs::read_to_string(&css).unwrap())).unwrap();
    for worker in ["sw.js", "staff/sw.js", "desk/sw.js", "field/sw.js"] {
        let path = site.join(worker);
        let text = std::fs::read_to_string(&path).unwrap();
        let at = text.find("style.css\", \"").expect("the stylesheet in the list") + "style.css\", \"".len();
        let changed = format!("{}{}{}", &text[..at], "feedfacefeedface", &text[at + 16..]);
        let changed = changed.replacen("const BUILD = \"", "const BUILD = \"2", 1);
        std::fs::write(&path, changed).unwrap();
        // The copies the server would send compressed are of the old build: gone.
        for copy in [".gz", ".br"] {
            let _ = std::fs::remove_file(site.join(format!("{worker}{copy}")));
        }
    }
    for copy in [".gz", ".br"] {
        let _ = std::fs::remove_file(site.join(format!("style.css{copy}")));
    }
}

#[tokio::test]
async fn each_area_keeps_its_own_files_and_a_new_build_downloads_only_what_changed() {
    let site = std::env::temp_dir().join(format!("manyi-e2e-areas-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    harness::copy_dir(&harness::dist(), &site);
    let server = static_server::Server::bind("127.0.0.1:0", &site).unwrap().spawn_stoppable();
    let browser = Browser::open_at(server.addr()).await;
    browser.wait_for("#new-pin", TIMEOUT).await;
    controlled_by(&browser, "/sw.js").await;
    // The kiosk's first visit: nothing of the other areas.
    let served = server.served();
    assert!(served.contains(&"/kiosk_bg.wasm".to_owned()), "{served:?}");
    assert!(
        !served.iter().any(|p| ["/staff/", "/desk/", "/field/"].iter().any(|a| p.starts_with(a))),
        "{served:?}"
    );
    // Sent compressed, with the wasm's own type so that it compiles while it downloads.
    let wasm = "const done = arguments[0]; const e = performance.getEntriesByType('resource')
        .find(e => e.name.endsWith('/kiosk_bg.wasm')); done(e ? [e.encodedBodySize, e.decodedBodySize] : null);";
    let sizes = browser.execute_async(wasm, vec![]).await;
    let (sent, size) = (sizes[0].as_u64().unwrap_or(0), sizes[1].as_u64().unwrap_or(0));
    assert!(sent > 0 && sent * 2 < size, "kiosk_bg.wasm: {sent} bytes sent for {size}");
    let names = cache_names(&browser).await;
    assert!(names.len() == 1 && names[0].starts_with("manyi-kiosk-"), "{names:?}");
    let kiosk = names[0].clone();
    let files = cached(&browser, &kiosk).await;
    assert!(files.contains(&"/".to_owned()) && files.contains(&"/kiosk_bg.wasm".to_owned()), "{files:?}");
    assert!(!files.iter().any(|p| p.starts_with("/desk/") || p.ends_with(".png")), "{files:?}");

    // The desk: its own worker and cache, beside the kiosk's.
    browser.goto("desk/").await;
    browser.wait_for(".results", TIMEOUT).await;
    controlled_by(&browser, "/desk/sw.js").await;
    let names = cache_names(&browser).await;
    let desk = names.iter().find(|n| n.starts_with("manyi-desk-")).cloned().expect("the desk's cache");
    assert_eq!(names.len(), 2, "{names:?}");
    let files = cached(&browser, &desk).await;
    for file in
        ["/desk/", "/desk/desk_bg.wasm", "/desk/analysis_worker_bg.wasm", "/desk/worker.js", "/style.css"]
    {
        assert!(files.contains(&file.to_owned()), "{file} in {files:?}");
    }
    assert!(!files.contains(&"/kiosk_bg.wasm".to_owned()), "{files:?}");

    // A new build that changes the stylesheet only: each area downloads the stylesheet (and its
    // worker) again, nothing else.
    change_the_stylesheet(&site);
    server.served();
    browser.goto("").await;
    controlled_by(&browser, "/sw.js").await;
    let update = "navigator.serviceWorker.getRegistration().then(r => r.update());";
    browser.client().execute(update, vec![]).await.unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let renewed = format!("manyi-kiosk-2{}", kiosk.trim_start_matches("manyi-kiosk-"));
    loop {
        let names = cache_names(&browser).await;
        if names.contains(&renewed) && !names.contains(&kiosk) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the caches are {names:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let served = server.served();
    assert!(served.contains(&"/style.css".to_owned()), "{served:?}");
    assert!(served.iter().all(|p| p == "/style.css" || p == "/sw.js"), "only the changes: {served:?}");
    let css = "const [name, done] = arguments;
        caches.open(name).then(c => c.match('style.css')).then(r => r.text()).then(t => done(t.includes('build two')));";
    assert_eq!(browser.execute_async(css, vec![renewed.into()]).await, Value::Bool(true));
    browser.close().await;
    drop(server);
    let _ = std::fs::remove_dir_all(&site);
}
