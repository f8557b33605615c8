//! Benchmark of the analyst workspace in headless Chromium, run by hand (ignored by default):
//!
//!     cargo run --release -p manyi-cli --example bench      # writes the 10 files (1,000,000 responses)
//!     cargo xtask dist                                       # the shipped, optimised build
//!     cargo test -p manyi --test e2e bench_ -- --ignored --nocapture
//!
//! It picks the 10 files of `MANYI_BENCH_DIR` (default: the temp dir's `manyi-bench`, where the
//! native benchmark writes them) at once and prints the wall time of importing and merging them
//! (read, parse, check, merge by UUID, keep the files in IndexedDB), then of the scoring passes the
//! page runs: the hall questionnaire's index grouped by hall (overall and per dimension, with
//! intervals), its trend by month and penalty–reward with importance–performance; again grouped
//! by business type; and the Kano study's table. Times are measured from outside, by polling the
//! page, so they include rendering. The work runs in the analysis web worker; the benchmark also
//! prints how many frames the page drew meanwhile and the longest time between two (a page whose
//! thread is busy draws none), the time the downloads of the hall results take (the workbook and
//! `responses.csv`; skipped with `MANYI_BENCH_DOWNLOADS=0`), and the memory: the renderer's
//! resident memory (the page and its worker run in it; VmRSS and its peak VmHWM from `/proc`)
//! after the import, the passes and the downloads, and, when the page shows it, the worker's
//! wasm memory (a wasm memory only grows: its size is the most the worker's heap ever needed).

use crate::harness::{Browser, ProcessMemory};
use fantoccini::Locator;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const LONG: Duration = Duration::from_secs(1800);

async fn until(browser: &Browser, css: &str) -> Duration {
    let start = Instant::now();
    loop {
        if browser.client().find(Locator::Css(css)).await.is_ok() {
            return start.elapsed();
        }
        assert!(start.elapsed() < LONG, "`{css}` never matched");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The milliseconds the page measured, in the `data-ms` of `css`.
async fn measured(browser: &Browser, css: &str) -> f64 {
    until(browser, css).await;
    let element = browser.client().find(Locator::Css(css)).await.unwrap();
    element.attr("data-ms").await.unwrap().and_then(|ms| ms.parse::<f64>().ok()).expect("data-ms") / 1000.0
}

const MB: f64 = 1e6;

/// The renderer that uses most memory (the page's, with its worker), and every process together.
fn memory(browser: &Browser) -> (Option<ProcessMemory>, u64) {
    let processes = browser.processes();
    let total = processes.iter().map(|p| p.rss).sum();
    let renderer = processes.into_iter().filter(|p| p.kind == "renderer").max_by_key(|p| p.peak);
    (renderer, total)
}

/// Keeps the latest size of the worker's wasm memory broadcast on the channel
/// `manyi-bench-memory`, for builds whose page does not show it (BENCHMARKS.md has the
/// `worker.js` that broadcasts it).
const MEMORY_LISTENER: &str = "(() => {
    window.manyiWorkerMemory = 0;
    new BroadcastChannel('manyi-bench-memory').onmessage = (e) => { window.manyiWorkerMemory = e.data; };
    return true;
})()";

/// Prints the memory after `stage`.
async fn print_memory(browser: &Browser, stage: &str) {
    let each: Vec<String> = browser
        .processes()
        .iter()
        .map(|p| format!("{} {:.0}/{:.0}", p.kind, p.rss as f64 / MB, p.peak as f64 / MB))
        .collect();
    println!("bench: processes (resident/peak MB): {}", each.join(", "));
    let (renderer, total) = memory(browser);
    let (rss, peak) = renderer.map_or((0, 0), |r| (r.rss, r.peak));
    println!(
        "bench: memory after {stage}: renderer {:.0} MB resident, peak {:.0} MB; all browser processes {:.0} MB",
        rss as f64 / MB,
        peak as f64 / MB,
        total as f64 / MB
    );
    let shown = match browser.client().find(Locator::Css(".an-worker-memory")).await {
        Ok(element) => element.attr("data-bytes").await.ok().flatten().and_then(|b| b.parse::<f64>().ok()),
        Err(_) => None,
    };
    let broadcast = browser.eval("window.manyiWorkerMemory").await.as_f64().filter(|b| *b > 0.0);
    if let Some(bytes) = shown.or(broadcast) {
        println!("bench: the worker's wasm memory after {stage}: {:.0} MB", bytes / MB);
    }
}

/// Polls the download folder until a finished file whose name ends in `suffix` is there, and
/// returns its size.
async fn downloaded(browser: &Browser, suffix: &str) -> u64 {
    let start = Instant::now();
    loop {
        let found = std::fs::read_dir(browser.download_dir())
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().ends_with(suffix));
        if let Some(size) = found.and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()) {
            return size;
        }
        assert!(start.elapsed() < LONG, "no file ending in {suffix} was downloaded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn select(browser: &Browser, css: &str, value: &str) {
    let element = browser.client().find(Locator::Css(css)).await.expect(css);
    element.select_by_value(value).await.expect(value);
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "a benchmark: run by hand with --ignored (see the file's header)"]
async fn bench_import_and_scoring_in_chromium() {
    let dir = std::env::var_os("MANYI_BENCH_DIR")
        .map_or_else(|| std::env::temp_dir().join("manyi-bench"), PathBuf::from);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}; run the native benchmark first", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("rust_results.json"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    let bytes: u64 = files.iter().map(|f| std::fs::metadata(f).map_or(0, |m| m.len())).sum();
    println!("bench: {} files, {:.0} MB, from {}", files.len(), bytes as f64 / 1e6, dir.display());

    let browser = Browser::open().await;
    browser.goto("#/analysis").await;
    until(&browser, ".an-keeping").await;
    until(&browser, "#an-files:not([disabled])").await;
    let input = browser.client().find(Locator::Css("#an-files")).await.unwrap();
    browser.eval(crate::analysis::FRAME_MONITOR).await;
    browser.eval(MEMORY_LISTENER).await;
    let start = Instant::now();
    input.send_keys(&files.join("\n")).await.unwrap();
    until(&browser, "#an-progress-bar").await;
    until(&browser, "#an-files:not([disabled])").await;
    println!("bench: the import ended {:.1} s after the pick", start.elapsed().as_secs_f64());
    // The worker starts the first pass at once: the peak so far is the import's.
    print_memory(&browser, "the import").await;
    until(&browser, ".an-dashboard[data-group-by='hall'] ~ .an-quality").await;
    let everything = start.elapsed().as_secs_f64();
    let held = browser.client().find(Locator::Css(".an-held")).await.unwrap().text().await.unwrap();
    let import = measured(&browser, ".an-import-took").await;
    println!("bench: import + merge + keep in IndexedDB: {import:.1} s, {held} responses merged");
    print_memory(&browser, "the first pass").await;
    let pass = measured(&browser, ".an-compute-took").await;
    println!("bench: scoring pass (hall: index by hall + trend by month + penalty–reward/IPA): {pass:.1} s");
    println!("bench: from picking the files to the dashboard shown: {everything:.1} s");
    let frames = browser.eval("window.manyiFrames").await;
    println!(
        "bench: meanwhile the page drew {} frames, the longest gap between two {:.0} ms (ending {:.1} s after the pick)",
        frames["frames"],
        frames["longest"].as_f64().unwrap_or(f64::NAN),
        frames["longestEnd"].as_f64().unwrap_or(f64::NAN) / 1000.0
    );
    let long: Vec<(f64, f64)> = frames["long"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| Some((t[0].as_f64()?, t[1].as_f64()?)))
        .collect();
    let (at, most) = long.iter().copied().fold((0.0, 0.0), |a, t| if t.1 > a.1 { t } else { a });
    println!(
        "bench: the page's long tasks (≥ 50 ms): {}, {:.1} s in all, the longest {most:.0} ms at {:.1} s",
        long.len(),
        long.iter().map(|t| t.1).sum::<f64>() / 1000.0,
        at / 1000.0
    );

    // The downloads of the hall results (skipped with MANYI_BENCH_DOWNLOADS=0).
    if std::env::var_os("MANYI_BENCH_DOWNLOADS").is_none_or(|v| v != "0") {
        let downloads = [
            ("#an-export-xlsx", ".xlsx", "the workbook (XLSX)"),
            ("#an-export-csv-responses", "-responses.csv", "responses.csv"),
        ];
        for (button, suffix, what) in downloads {
            let start = Instant::now();
            browser.click(button).await;
            let size = downloaded(&browser, suffix).await;
            println!(
                "bench: download of {what}: {:.1} s, {:.0} MB",
                start.elapsed().as_secs_f64(),
                size as f64 / MB
            );
            print_memory(&browser, &format!("the download of {what}")).await;
        }
    }

    select(&browser, "#an-group-by", "business_type").await;
    until(&browser, ".an-dashboard[data-group-by='business_type']").await;
    let pass = measured(&browser, ".an-compute-took").await;
    println!("bench: scoring pass again, by business type: {pass:.1} s");

    select(&browser, "#an-questionnaire", "kano v1").await;
    until(&browser, ".an-dashboard[data-questionnaire='kano v1'] ~ .an-quality .an-kano").await;
    let pass = measured(&browser, ".an-compute-took").await;
    println!("bench: Kano study pass (index + Kano table): {pass:.1} s");
    print_memory(&browser, "the three passes").await;
    browser.close().await;
}
