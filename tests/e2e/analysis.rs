//! The analyst workspace as an analyst meets it: export files of several devices merged (overlaps
//! counted once, the same file twice adding nothing, a malformed file refused with its line and
//! column and changing nothing, all still there after a reload); the dashboard showing the same
//! figures as `manyi export` computes from the same files; the workbook downloaded with its
//! sheets, values and text that looks like a formula kept as written; an inconsistent AHP matrix marked as such; the
//! responses CSV of an export merged with the JSON of the same responses.

use crate::harness::{Browser, TIMEOUT};
use calamine::{open_workbook, Data, Reader, Xlsx};
use fantoccini::Locator;
use manyi_core::dataset::{Collection, Dataset, Filter, SheetRows};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::responses::ResponsesOptions;
use manyi_core::response::tags::TagKey;
use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};
use manyi_core::scoring::analysis::{Analysis, AnalysisOptions};
use manyi_core::scoring::group::GroupBy;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A folder of its own for a test's files.
pub(crate) fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("manyi-e2e-analysis-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a folder");
    dir
}

pub(crate) fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a file");
    path.display().to_string()
}

/// `manyi sample --questionnaire hall --count N --seed S`.
pub(crate) fn sample(count: usize, seed: u64) -> Bundle {
    sample_bundle(SampleKind::Hall, &SampleOptions { count, seed, ..SampleOptions::default() })
}

/// Polls until the text of `css` satisfies `ok`, and returns it.
pub(crate) async fn wait_text(browser: &Browser, css: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + TIMEOUT;
    let mut last = String::new();
    loop {
        if let Ok(element) = browser.client().find(Locator::Css(css)).await {
            if let Ok(text) = element.text().await {
                last = text.trim().to_owned();
                if ok(&last) {
                    return last;
                }
            }
        }
        assert!(Instant::now() < deadline, "`{css}` never showed what was expected; last {last:?}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

pub(crate) async fn open_workspace(browser: &Browser) {
    browser.goto("#/analysis").await;
    browser.wait_for_text(".analysis h1", "分析工作区", TIMEOUT).await;

    // The kept files were re-read once the keeping note says where data is kept.
    wait_text(browser, ".an-keeping", |t| t.contains("IndexedDB")).await;
}

/// Picks `paths` in the file input at once, as the analyst does in the file dialog.
pub(crate) async fn pick(browser: &Browser, paths: &[String]) {
    let input = browser.wait_for("#an-files:not([disabled])", TIMEOUT).await;
    input.send_keys(&paths.join("\n")).await.expect("pick the files");
}

pub(crate) async fn held(browser: &Browser, expected: usize) {
    browser.wait_for_text(".an-held", &expected.to_string(), TIMEOUT).await;

    // The import is over when the picker is enabled again.
    browser.wait_for("#an-files:not([disabled])", TIMEOUT).await;
}

pub(crate) async fn cell(browser: &Browser, css: &str) -> String {
    let element = browser.wait_for(css, TIMEOUT).await;
    element.text().await.expect("read a cell").trim().to_owned()
}

#[tokio::test(flavor = "current_thread")]
async fn overlapping_files_merge_once_and_a_malformed_file_changes_nothing() {
    let dir = folder("merge");
    let all = sample(120, 21);
    let mut a = all.clone();
    a.responses.truncate(80); // 0..80
    let mut b = all.clone();
    b.responses.drain(..50); // 50..120: 30 in both
    let a = write(&dir, "tablet-a.json", &a.to_json());
    let b = write(&dir, "tablet-b.json", &b.to_json());
    let text = String::from_utf8(all.to_json()).unwrap();
    // A quote too many in the 3rd response: line 3 of the responses' lines.
    let bad = text.replacen("\"rating\":", "\"rating\":\"", 1);
    let bad = write(&dir, "tablet-bad.json", bad.as_bytes());

    let browser = Browser::open().await;
    open_workspace(&browser).await;
    browser.wait_for(".an-empty", TIMEOUT).await;
    pick(&browser, &[a.clone(), b]).await;
    held(&browser, 120).await;
    assert_eq!(cell(&browser, "tr[data-file='tablet-a.json'] .an-added").await, "80");
    assert_eq!(cell(&browser, "tr[data-file='tablet-b.json'] .an-added").await, "40");
    assert_eq!(cell(&browser, "tr[data-file='tablet-b.json'] .an-duplicates").await, "30");

    // The same file again adds nothing.
    pick(&browser, std::slice::from_ref(&a)).await;
    wait_text(&browser, "tr[data-file='tablet-a.json'] .an-duplicates", |t| t == "80").await;
    held(&browser, 120).await;
    assert_eq!(cell(&browser, "tr[data-file='tablet-a.json'] .an-added").await, "0");

    // A malformed file is refused whole, with its name, line and column.
    pick(&browser, &[bad]).await;
    let error =
        wait_text(&browser, "tr[data-file='tablet-bad.json'] .an-file-error", |t| !t.is_empty()).await;
    assert!(error.starts_with("tablet-bad.json，第 "), "{error}");
    assert!(error.contains("列"), "{error}");
    held(&browser, 120).await;

    // The merged data is kept on the device.
    browser.reload().await;
    open_workspace(&browser).await;
    held(&browser, 120).await;
    browser.close().await;
}

/// What `manyi export --responses FILE --by GROUP` computes from `files`.
pub(crate) fn cli_analysis(files: &[&[u8]], by: GroupBy) -> Analysis {
    let mut collection = Collection::new(Vec::new());
    for (n, bytes) in files.iter().enumerate() {
        collection.import(bytes, &format!("{n}.json"), &mut |_| {}).unwrap();
    }
    let ds = collection.to_score(None).unwrap();
    ds.sort_by_start();
    let mut options = AnalysisOptions::default();
    options.report.group_by = Some(by);
    ds.analyse(&options, &Filter::default()).unwrap()
}

pub(crate) async fn dashboard_equals(browser: &Browser, a: &Analysis) {
    for g in &a.index.tables[0].overall {
        let row = format!(".an-index tr[data-group='{}']", g.group);
        let s = &g.summary;
        let index = s.index.map_or("—".to_owned(), |x| format!("{x:.1}"));
        wait_text(browser, &format!("{row} .idx-overall"), |t| t == index).await;
        assert_eq!(cell(browser, &format!("{row} .idx-n")).await, s.n.to_string(), "{}", g.group);
        let ci = match (s.ci_low, s.ci_high) {
            (Some(low), Some(high)) => format!("[{low:.1}, {high:.1}]"),
            _ => "—".to_owned(),
        };
        assert_eq!(cell(browser, &format!("{row} .idx-ci")).await, ci, "{}", g.group);
    }
    let rows = browser.client().find_all(Locator::Css(".an-index tbody tr")).await.unwrap();
    assert_eq!(rows.len(), a.index.tables[0].overall.len());
}

async fn select(browser: &Browser, css: &str, value: &str) {
    let element = browser.wait_for(css, TIMEOUT).await;
    element.select_by_value(value).await.unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
}

/// Polls `dir` until a finished file ending in `suffix` is there.
async fn downloaded(dir: &Path, suffix: &str) -> PathBuf {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let found = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().ends_with(suffix));
        if let Some(path) = found {
            return path;
        }
        assert!(Instant::now() < deadline, "no {suffix} downloaded into {}", dir.display());
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_dashboard_shows_the_clis_figures_and_the_workbook_downloads() {
    let dir = folder("dashboard");
    let mut one = sample(300, 7);
    // A hall name a spreadsheet would run as a formula.
    TagKey::Hall.set(&mut one.responses[0].tags, "=SUM(A1)").unwrap();
    let two = sample(200, 8);
    let (one, two) = (one.to_json(), two.to_json());
    let paths = [write(&dir, "one.json", &one), write(&dir, "two.json", &two)];

    let browser = Browser::open().await;
    open_workspace(&browser).await;
    pick(&browser, &paths).await;
    held(&browser, 500).await;

    let by_hall = cli_analysis(&[&one, &two], GroupBy::Tag(TagKey::Hall));
    dashboard_equals(&browser, &by_hall).await;
    select(&browser, "#an-group-by", "customer_class").await;
    dashboard_equals(&browser, &cli_analysis(&[&one, &two], GroupBy::Tag(TagKey::CustomerClass))).await;
    select(&browser, "#an-group-by", "hall").await;
    dashboard_equals(&browser, &by_hall).await;

    // The workbook of `manyi export`.
    browser.click_button_by_accessible_name("下载 Excel（XLSX）").await;
    let path = downloaded(&browser.download_dir(), ".xlsx").await;
    let mut book: Xlsx<_> = open_workbook(&path).expect("open the workbook");
    assert_eq!(book.sheet_names(), ["responses", "index", "drivers", "weights", "dictionary", "formulas"]);
    let index = book.worksheet_range("index").unwrap();
    // The first hall by name is the one that looks like a formula (`=SUM(A1)`): take the next.
    let first = &by_hall.index.tables[0].overall[1];
    let row = index
        .rows()
        .find(|r| r[0] == Data::String("overall".into()) && r[1] == Data::String(first.group.clone()))
        .expect("the first hall's overall row");
    assert_eq!(row[3], Data::Float(first.summary.index.unwrap()));
    let responses = book.worksheet_range("responses").unwrap();
    let hall =
        responses.rows().next().unwrap().iter().position(|c| *c == Data::String("hall".into())).unwrap();
    assert!(
        responses.rows().any(|r| r[hall] == Data::String("=SUM(A1)".into())),
        "text that looks like a formula is a string cell, exactly as written"
    );
    let weights = book.worksheet_range("weights").unwrap();
    assert_eq!(weights.rows().nth(1).unwrap()[5], Data::String("stated".into()));

    // AHP: a circular set of judgements is marked inconsistent.
    let ahp = browser.wait_for("input[name='an-weights'][value='ahp']", TIMEOUT).await;
    ahp.click().await.expect("choose AHP");
    select(&browser, "#ahp-0-1", "9").await;
    select(&browser, "#ahp-1-2", "9").await;
    select(&browser, "#ahp-0-2", "-9").await;
    wait_text(&browser, ".an-ahp-figures", |t| t.contains("不一致")).await;
    // The weights used travel with the export: the table says AHP.
    wait_text(&browser, ".an-weights-used caption", |t| !t.is_empty()).await;
    browser.close().await;
}

/// Counts animation frames from now on and keeps the longest time between two of them, and
/// when it ended (milliseconds from now): a page whose thread is busy draws no frame. Also lists
/// the page's long tasks (50 ms or more), which are what keeps it from drawing.
pub const FRAME_MONITOR: &str = "(() => {
    const start = performance.now();
    const m = { frames: 0, longest: 0, longestEnd: 0, last: start };
    window.manyiFrames = m;
    const tick = (t) => {
        m.frames += 1;
        if (t - m.last > m.longest) {
            m.longest = t - m.last;
            m.longestEnd = t - start;
        }
        m.last = t;
        requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    // The page's own tasks of 50 ms or more: [start, duration] in ms from now.
    m.long = [];
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) m.long.push([e.startTime - start, e.duration]);
    }).observe({ type: 'longtask' });
    return true;
})()";

#[tokio::test(flavor = "current_thread")]
async fn the_page_stays_responsive_while_a_large_sample_is_imported_and_scored() {
    const COUNT: usize = 60_000;
    const LONG: Duration = Duration::from_secs(240);
    let dir = folder("large");
    let large = write(&dir, "large.json", &sample(COUNT, 8).to_json());

    let browser = Browser::open().await;
    open_workspace(&browser).await;
    assert_eq!(browser.eval(FRAME_MONITOR).await, serde_json::Value::Bool(true));
    pick(&browser, &[large]).await;

    // While the worker reads the sample (scoring it takes a tenth of that), a click on the
    // language switch is handled at once.
    browser.wait_for(".an-progress", LONG).await;
    let clicked = Instant::now();
    browser.click(".language-switch").await;
    browser.wait_for_text(".analysis h1", "Analyst workspace", Duration::from_secs(3)).await;
    let handled = clicked.elapsed();
    let still_busy = browser.client().find(Locator::Css(".an-progress")).await.is_ok();
    println!("responsive: the click was handled in {handled:?}; still importing then: {still_busy}");

    let done = "return document.querySelector('.an-scored') !== null
        && document.querySelector('.an-computing') === null";
    browser.wait_until(done, "the sample scored", LONG).await;
    let frames = browser.eval("window.manyiFrames").await;
    let longest = frames["longest"].as_f64().expect("the longest gap");
    println!("responsive: {} frames, the longest gap {longest:.0} ms", frames["frames"]);
    // A scoring pass of 60,000 responses on the page's thread kept it from drawing for seconds.
    assert!(longest < 1500.0, "the page stopped drawing for {longest:.0} ms");
    browser.close().await;
}

/// Records, from now on, every state of the import's progress bar in which the worker had read
/// part of a file: `window.manyiProgress.within` holds the first (file k of n, responses read of
/// expected, the label and the bar's value), `states` how many were seen.
const PROGRESS_MONITOR: &str = "(() => {
    const m = { within: null, states: 0 };
    window.manyiProgress = m;
    const look = () => {
        const p = document.querySelector('.an-progress');
        if (!p) return;
        const read = Number(p.dataset.read), expected = Number(p.dataset.expected);
        if (read > 0 && read < expected) {
            m.states += 1;
            if (m.within === null) {
                m.within = {
                    file: Number(p.dataset.file), files: Number(p.dataset.files), read, expected,
                    label: p.querySelector('label').textContent,
                    value: Number(p.querySelector('progress').value),
                };
            }
        }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    return true;
})()";

#[tokio::test(flavor = "current_thread")]
async fn the_progress_bar_shows_how_far_the_worker_has_read_a_file() {
    const COUNT: usize = 30_000;
    const LONG: Duration = Duration::from_secs(120);
    let dir = folder("progress");
    let big = write(&dir, "big.json", &sample(COUNT, 9).to_json());
    let small = write(&dir, "small.json", &sample(40, 10).to_json());

    let browser = Browser::open().await;
    open_workspace(&browser).await;
    assert_eq!(browser.eval(PROGRESS_MONITOR).await, serde_json::Value::Bool(true));
    pick(&browser, &[small, big]).await;
    // The worker reports every 10,000 responses while it reads the second file.
    let within = "return window.manyiProgress.within !== null";
    browser.wait_until(within, "progress within the large file", LONG).await;
    let seen = browser.eval("window.manyiProgress.within").await;
    assert_eq!((seen["file"].as_u64(), seen["files"].as_u64()), (Some(2), Some(2)), "{seen}");
    let (read, expected) = (seen["read"].as_u64().unwrap(), seen["expected"].as_u64().unwrap());
    assert!(read % 10_000 == 0 && expected == COUNT as u64, "{seen}");
    let label = seen["label"].as_str().unwrap();
    assert!(
        label.contains("文件 2 / 2") && label.contains(&format!("已读 {read} / 约 {expected} 份答卷")),
        "{label}"
    );
    // One file done and part of the second: the bar is between a half and the whole.
    let value = seen["value"].as_f64().unwrap();
    assert!(value > 0.5 && value < 1.0, "{seen}");

    browser.wait_for_text(".an-held", &(COUNT + 40).to_string(), LONG).await;
    browser.wait_for("#an-files:not([disabled])", TIMEOUT).await;
    assert!(browser.client().find(Locator::Css(".an-progress")).await.is_err(), "the bar goes");
    let memory = browser.attribute(".an-worker-memory", "data-bytes").await;
    assert!(memory.parse::<f64>().is_ok_and(|m| m > 1e6), "{memory}");
    browser.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_responses_csv_of_an_export_merges_with_its_json() {
    let dir = folder("csv");
    let bundle = sample(400, 31);
    // The export masks phone numbers: those responses differ from their JSON copies.
    let phones = bundle.responses.iter().filter(|r| r.answers.keys().any(|k| k.as_str() == "phone")).count();
    assert!(phones > 20, "enough differing copies to fold the list: {phones}");
    let q = manyi_core::questionnaire::builtin::Builtin::Hall.questionnaire();
    let ds = Dataset::from_responses(&q, &bundle.responses);
    let analysis = ds.analyse(&AnalysisOptions::default(), &Filter::default()).unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00+08:00").unwrap();
    let export = ds.export(&analysis, at, ResponsesOptions::default(), SheetRows::All);
    let csv = write(&dir, "responses.csv", &export.table("responses").unwrap().to_csv(true));
    let json = write(&dir, "tablet.json", &bundle.to_json());

    let browser = Browser::open().await;
    open_workspace(&browser).await;
    pick(&browser, &[csv]).await;
    held(&browser, 400).await;
    assert_eq!(cell(&browser, "tr[data-file='responses.csv'] .an-added").await, "400");
    let notes = cell(&browser, "tr[data-file='responses.csv'] .an-file-notes").await;
    assert!(notes.starts_with(&format!("{phones} ")), "{notes}");
    // The JSON of the same responses adds nothing; the copies whose phone the CSV masked are
    // conflicts, counted, the first 20 listed and the rest summed up.
    pick(&browser, &[json]).await;
    wait_text(&browser, "tr[data-file='tablet.json'] .an-added", |t| t == "0").await;
    held(&browser, 400).await;
    let row = "tr[data-file='tablet.json']";
    assert_eq!(cell(&browser, &format!("{row} .an-duplicates")).await, (400 - phones).to_string());
    let summary = browser.wait_for(&format!("{row} .an-conflict-details summary"), TIMEOUT).await;
    assert_eq!(summary.text().await.unwrap().trim(), phones.to_string());
    summary.click().await.unwrap();
    let listed = browser
        .client()
        .find_all(Locator::Css(&format!("{row} .an-conflict-list li:not(.an-conflict-more)")))
        .await
        .unwrap();
    assert_eq!(listed.len(), 20);
    let more = cell(&browser, &format!("{row} .an-conflict-more")).await;
    assert!(more.contains(&(phones - 20).to_string()), "{more}");
    browser.close().await;
}
