//! A device restarted with no network to the site: each area's page comes from its service
//! worker's cache and starts the sync worker from a cache too (not only once the browser says it
//! is online), so what waits on the device reaches the company server as soon as the server can
//! be reached. The site's own server is stopped for good; the CouchDB-protocol server is down
//! while records are stored and up again before the page is opened.

use crate::couch::{db_url, prepared_server, records, Server, USERS};
use crate::customer::{answer_all, attract, enter_pin, set_up, PIN};
use crate::harness::{self, Browser, TIMEOUT};
use manyi_core::sync::SyncRecord;
use std::time::Duration;

/// A sync with its retries may take a few seconds on a busy machine.
const SYNC: Duration = Duration::from_secs(45);

/// The hall responses on the device database of `hall1`.
fn on_server(server: &Server) -> usize {
    records(server, "manyi-device-hall1").iter().filter(|(r, _)| matches!(r, SyncRecord::Response(_))).count()
}

async fn wait_on_server(server: &Server, n: usize, place: &str) {
    let deadline = std::time::Instant::now() + SYNC;
    while on_server(server) != n {
        assert!(
            std::time::Instant::now() < deadline,
            "{place}: {} responses on the server, not {n}",
            on_server(server)
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn controlled(b: &Browser, place: &str) {
    let script = "return navigator.serviceWorker.controller !== null;";
    b.wait_until(script, &format!("a service worker controls {place}"), 3 * TIMEOUT).await;
}

/// Leaves the site: no page of it runs (nor its sync worker).
async fn leave(b: &Browser) {
    b.client().goto("about:blank").await.expect("about:blank");
}

#[tokio::test]
async fn after_a_restart_without_the_site_every_area_syncs_from_its_kept_files() {
    let mut couch = prepared_server();
    let site = std::env::temp_dir().join(format!("manyi-e2e-sync-restart-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    harness::copy_dir(&harness::dist(), &site);
    let mut web = static_server::Server::bind("127.0.0.1:0", &site).unwrap().spawn_stoppable();
    let b = Browser::open_at(web.addr()).await;

    // Online: the kiosk, its staff screen (sync set up), the desk and the field app, each once.
    set_up(&b, &[]).await;
    controlled(&b, "the kiosk").await;
    b.goto("#/staff").await;
    enter_pin(&b, PIN).await;
    let (user, password, _) = USERS.iter().find(|u| u.0 == "hall1").unwrap();
    b.fill("#sync-url", &db_url(&couch, &format!("manyi-device-{user}"))).await;
    b.fill("#sync-user", user).await;
    b.fill("#sync-password", password).await;
    b.click_button_by_accessible_name("保存同步设置").await;
    b.wait_for_text(".staff-sync .ok", "同步设置已保存", TIMEOUT).await;
    controlled(&b, "the staff screen").await;
    for (area, shown) in [("desk/", ".results"), ("field/", ".evaluation")] {
        b.goto(&format!("{area}#/{}", if area == "desk/" { "results" } else { "evaluation" })).await;
        b.wait_for(shown, TIMEOUT).await;
        controlled(&b, area).await;
    }
    b.goto("").await;
    attract(&b).await;

    // The site goes away for good. Each round: the company server is down while a customer
    // answers; the page is left; the server comes back; an area's page is opened from its cache
    // and its sync worker sends the waiting response, with no `online` event.
    web.stop();
    for (n, area) in [(1, ""), (2, "field/#/evaluation"), (3, "desk/#/results")] {
        couch.kill();
        if n > 1 {
            b.goto("").await;
        }
        answer_all(&b, "缴费", "满意", "满意", None).await;
        leave(&b).await;
        couch.restart();
        assert_eq!(on_server(&couch), n - 1);
        b.goto(area).await;
        wait_on_server(&couch, n, if area.is_empty() { "the kiosk" } else { area }).await;
    }
    b.close().await;
    let _ = std::fs::remove_dir_all(&site);
}
