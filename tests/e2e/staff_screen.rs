//! The staff screen as staff meet it: it counts and exports the kiosk's own responses (not the
//! Kano study's, the call desk's or an evaluator's the device also holds); the PIN pad's pause
//! counts down and its 返回 fits a 1280 × 800 tablet; and once the PIN is entered, every area
//! behind it is one link away, the same links on every page.

use crate::customer::*;
use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;
use serde_json::Value;

/// Copies the one stored response three times as responses the kiosk did not collect: the call
/// desk's interview (channel callback), an evaluator's visit (an interviewer tag) and a Kano
/// study's (questionnaire `kano`), each under a new id.
const ADD_OTHERS: &str = "const done = arguments[arguments.length - 1];\
    const open = indexedDB.open('manyi');\
    open.onsuccess = () => {\
      const db = open.result;\
      const tx = db.transaction('responses', 'readwrite');\
      const store = tx.objectStore('responses');\
      const all = store.getAll();\
      all.onsuccess = () => {\
        const kiosk = all.result[0];\
        const copy = (change) => {\
          const r = JSON.parse(JSON.stringify(kiosk));\
          r.id = crypto.randomUUID();\
          r.response.id = r.id;\
          change(r);\
          store.put(r);\
        };\
        copy(r => { r.response.channel = 'callback'; });\
        copy(r => { r.response.tags.interviewer = 'E01'; });\
        copy(r => { r.questionnaire = 'kano'; r.response.questionnaire.id = 'kano'; });\
      };\
      tx.oncomplete = () => { db.close(); done('ok'); };\
      tx.onerror = () => { db.close(); done('could not write'); };\
    };\
    open.onerror = () => done('could not open the database');";

#[tokio::test]
async fn staff_count_and_export_the_kiosks_own_responses_only() {
    let browser = Browser::open().await;
    set_up(&browser, &[("thanks", "2")]).await;
    answer_all(&browser, "缴费", "满意", "满意", None).await;
    attract(&browser).await;
    assert_eq!(browser.execute_async(ADD_OTHERS, vec![]).await, "ok");
    wait_for_store(&browser, "four responses", |rs| rs.len() == 4).await;
    browser.click_button_by_accessible_name("工作人员").await;
    enter_pin(&browser, PIN).await;
    for (count, n) in [("stored", "1"), ("complete", "1"), ("unexported", "1")] {
        browser.wait_for_text(&format!(".count-{count} td"), n, TIMEOUT).await;
    }
    browser.click_button_by_accessible_name("导出 JSON").await;
    browser.wait_for_text(".staff-data .ok", "已导出 1 份问卷", TIMEOUT).await;
    browser.close().await;
}

/// The PIN pad's 返回 and OK: their bottom edges, the viewport's height and how far the page is
/// scrolled.
const PAD_PLACES: &str =
    "const bottom = (css) => document.querySelector(css).getBoundingClientRect().bottom;\
    return [bottom('.pin-pad > button.secondary'), bottom('.pin-pad button[type=submit]'),\
      window.innerHeight, window.scrollY];";

async fn assert_pad_fits(browser: &Browser, when: &str) {
    let places = browser.client().execute(PAD_PLACES, vec![]).await.unwrap();
    let n = |i: usize| places[i].as_f64().unwrap_or(f64::NAN);
    let (cancel, ok, height, scrolled) = (n(0), n(1), n(2), n(3));
    assert_eq!(height, 800.0, "{when}: the viewport");
    assert_eq!(scrolled, 0.0, "{when}: not scrolled");
    assert!(ok <= height && cancel <= height, "{when}: OK ends at {ok} px, 返回 at {cancel} px of {height}");
}

/// The seconds the pad's pause message says.
async fn pause_left(browser: &Browser) -> Option<u32> {
    let text = browser.client().find(Locator::Css(".pin-pad .error")).await.ok()?.text().await.ok()?;
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    text.starts_with("错误次数过多").then(|| digits.parse().ok()).flatten()
}

#[tokio::test]
async fn the_pin_pad_fits_a_tablet_and_its_pause_counts_down() {
    let browser = Browser::open().await;
    browser.set_viewport(1280, 800).await;
    set_up(&browser, &[]).await;
    browser.click_button_by_accessible_name("工作人员").await;
    browser.wait_for(".pin-pad", TIMEOUT).await;
    assert_pad_fits(&browser, "the PIN pad").await;
    // Five wrong PINs: a pause of 60 s, said with the seconds left, which count down.
    for _ in 0..5 {
        enter_pin(&browser, "0000").await;
    }
    let first = browser.until("the pause said", || pause_left(&browser)).await;
    assert!((58..=60).contains(&first), "{first} s");
    assert_pad_fits(&browser, "the PIN pad with its pause").await;
    let later = browser
        .until("the pause counting down", || async {
            pause_left(&browser).await.filter(|&left| left < first)
        })
        .await;
    assert_eq!(later, first - 1, "one second later");
    // 返回 leads back to the survey.
    browser.click_button_by_accessible_name("返回").await;
    attract(&browser).await;
    browser.close().await;
}

/// Where the links of the page's area navigation lead (absolute addresses), if it shows one.
async fn area_links(browser: &Browser) -> Vec<String> {
    let links =
        browser.eval("[...document.querySelectorAll('.topnav a, .area-nav a')].map(a => a.href)").await;
    let Value::Array(links) = links else { return Vec::new() };
    let mut links: Vec<String> = links.iter().filter_map(|l| l.as_str().map(str::to_owned)).collect();
    links.sort();
    links
}

#[tokio::test]
async fn every_area_behind_the_pin_is_one_link_away_once_the_pin_is_entered() {
    let browser = Browser::open().await;
    set_up(&browser, &[]).await;
    // Locked: the desk asks for the PIN and shows no way elsewhere.
    browser.goto("desk/#/results").await;
    browser.wait_for_text(".staff-gate h1", "工作人员登录", TIMEOUT).await;
    assert!(area_links(&browser).await.is_empty(), "no links before the PIN");
    enter_pin(&browser, PIN).await;
    browser.wait_for(".results", TIMEOUT).await;
    let desk = area_links(&browser).await;
    let base = browser.eval("location.origin").await.as_str().unwrap().to_owned();
    let expected = [
        "/staff/#/staff",
        "/desk/#/results",
        "/desk/#/callback",
        "/desk/#/editor",
        "/desk/#/analysis",
        "/desk/#/kano/analysis",
        "/field/#/evaluation",
        "/field/#/kano",
    ];
    let mut expected: Vec<String> = expected.iter().map(|path| format!("{base}{path}")).collect();
    expected.sort();
    assert_eq!(desk, expected, "the desk's links");
    // The field app has the same links; from there, the staff screen.
    browser.click(".topnav a[href$='#/evaluation']").await;
    browser.wait_for(".evaluation", TIMEOUT).await;
    assert_eq!(area_links(&browser).await, expected, "the field app's links");
    browser.click(".topnav a[href$='#/staff']").await;
    browser.wait_for_text(".staff h1", "工作人员设置", TIMEOUT).await;
    assert_eq!(area_links(&browser).await, expected, "the staff screen's links");
    browser.close().await;
}

#[tokio::test]
async fn a_setting_out_of_range_is_said_under_its_own_field_in_the_screens_language() {
    let browser = Browser::open().await;
    set_pin(&browser).await;
    // The countdown may last 3 to 120 seconds (core's COUNTDOWN_RANGE).
    fill(&browser, "#setting-countdown", "500").await;
    browser.click_button_by_accessible_name("保存设置").await;
    browser.wait_for_text("#setting-countdown-fault", "须在 3 至 120 秒之间", TIMEOUT).await;
    let under_idle = browser.client().find(Locator::Css("#setting-idle-fault")).await;
    assert!(under_idle.is_err(), "nothing is said under the idle time");
    let invalid = browser.eval("document.querySelector('#setting-countdown').getAttribute('aria-invalid')");
    assert_eq!(invalid.await, Value::from("true"));

    browser.click(".language-switch").await;
    browser.click_button_by_accessible_name("Save settings").await;
    browser.wait_for_text("#setting-countdown-fault", "Must be between 3 and 120 seconds", TIMEOUT).await;
    // Corrected, the problem goes and the settings are saved.
    fill(&browser, "#setting-countdown", "20").await;
    browser.click_button_by_accessible_name("Save settings").await;
    browser.wait_for(".staff-settings .ok", TIMEOUT).await;
    assert!(browser.client().find(Locator::Css("#setting-countdown-fault")).await.is_err());
    browser.close().await;
}
