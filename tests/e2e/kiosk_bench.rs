//! Benchmark of the kiosk's results page (`#/results`), run by hand (ignored by default):
//!
//!     cargo xtask dist
//!     cargo test -p manyi --test e2e bench_kiosk -- --ignored --nocapture
//!
//! For each size in `MANYI_BENCH_KIOSK` (default `1000,10000`), a fresh kiosk gets that many
//! sampled hall responses (drafts, break-offs and complete ones, as `manyi sample` makes them)
//! written into its IndexedDB store as the app writes them; then staff open the results page and
//! the benchmark prints the wall time from the PIN's OK to the index table and the responses'
//! table shown (reading the store, scoring by core, rendering), measured from outside by polling.

use crate::customer::{enter_pin, set_up, PIN};
use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;
use manyi_core::sample::{sample, SampleKind, SampleOptions};
use serde_json::json;
use std::time::{Duration, Instant};

const LONG: Duration = Duration::from_secs(600);

/// Writes the records (a JSON array in the first argument) into the `responses` store.
const WRITE_STORE: &str = "const done = arguments[arguments.length - 1];\
    const records = JSON.parse(arguments[0]);\
    const open = indexedDB.open('manyi');\
    open.onerror = () => done('could not open the database');\
    open.onsuccess = () => {\
      const db = open.result;\
      const tx = db.transaction('responses', 'readwrite');\
      const store = tx.objectStore('responses');\
      for (const r of records) store.put(r);\
      tx.oncomplete = () => { db.close(); done('ok'); };\
      tx.onerror = () => { db.close(); done('could not write'); };\
    };";

async fn seed(browser: &Browser, count: usize) -> usize {
    let responses = sample(SampleKind::Hall, &SampleOptions { count, seed: 17, ..SampleOptions::default() });
    for chunk in responses.chunks(1000) {
        let records: Vec<serde_json::Value> = chunk
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "questionnaire": r.questionnaire.id,
                    "status": r.status,
                    "saved_at": r.submitted_at.unwrap_or(r.started_at),
                    "response": r,
                })
            })
            .collect();
        let text = serde_json::to_string(&records).expect("records");
        let done = browser.execute_async(WRITE_STORE, vec![text.into()]).await;
        assert_eq!(done, json!("ok"));
    }
    responses.len()
}

#[tokio::test]
#[ignore = "a benchmark, run by hand"]
async fn bench_kiosk_results_page() {
    let sizes = std::env::var("MANYI_BENCH_KIOSK").unwrap_or_else(|_| "1000,10000".into());
    for size in sizes.split(',').map(|s| s.trim().parse::<usize>().expect("MANYI_BENCH_KIOSK: sizes")) {
        let browser = Browser::open().await;
        set_up(&browser, &[]).await;
        let stored = seed(&browser, size).await;
        browser.goto("#/results").await;
        enter_pin(&browser, PIN).await;
        let start = Instant::now();
        // The last response's row: the page shows everything at once, index and responses.
        let last = format!(".response-table tbody tr:nth-child({stored})");
        loop {
            if browser.client().find(Locator::Css(&last)).await.is_ok() {
                break;
            }
            assert!(start.elapsed() < LONG, "the results page never showed {stored} responses");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let took = start.elapsed().as_secs_f64();
        let n = browser.wait_for(".index-table tbody tr:nth-child(1) :nth-child(2)", TIMEOUT).await;
        println!(
            "bench: kiosk results page, {stored} stored responses ({} scored): shown {took:.2} s after the PIN",
            n.text().await.unwrap_or_default()
        );
        browser.close().await;
    }
}
