//! The analyst workspace as an analyst reads it: weights that belong to a questionnaire and fall
//! back visibly where they cannot apply, inconsistent AHP judgements asked about before they are
//! used, charts whose points are named by their items' texts with no label over another, 推导
//! for derived importance, no "-0.00", no "(none)", and every interval on the 0–100 scale.

use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;
use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};
use serde_json::Value;
use std::path::PathBuf;

fn files(name: &str) -> (String, String) {
    let dir = std::env::temp_dir().join(format!("manyi-e2e-analyst-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let write = |file: &str, kind: SampleKind, count: usize| {
        let bundle = sample_bundle(kind, &SampleOptions { count, seed: 7, ..SampleOptions::default() });
        let path: PathBuf = dir.join(file);
        std::fs::write(&path, bundle.to_json()).unwrap();
        path.display().to_string()
    };
    (write("hall.json", SampleKind::Hall, 300), write("kano.json", SampleKind::Kano, 60))
}

async fn open_with(b: &Browser, paths: &[String]) {
    b.goto("#/analysis").await;
    b.wait_for_text(".analysis h1", "分析工作区", TIMEOUT).await;
    let input = b.wait_for("#an-files:not([disabled])", TIMEOUT).await;
    input.send_keys(&paths.join("\n")).await.expect("pick the files");
    b.wait_for_text(".an-held", "360", TIMEOUT).await;
    b.wait_for("#an-files:not([disabled])", TIMEOUT).await;
    b.wait_for(".an-weights-used", TIMEOUT).await;
}

async fn choose(b: &Browser, css: &str, value: &str) {
    b.wait_for(css, TIMEOUT).await.select_by_value(value).await.unwrap();
}

async fn weights_radio(b: &Browser, value: &str) {
    b.click(&format!("input[name='an-weights'][value='{value}']")).await;
}

/// The first dimension weight of the weights used, as shown.
async fn first_dimension_weight(b: &Browser) -> String {
    b.wait_for(".an-weights-used tbody tr td:nth-child(2)", TIMEOUT).await.text().await.unwrap()
}

/// Polls until the first dimension weight used is `want`.
async fn weight_becomes(b: &Browser, want: &str) {
    b.until(&format!("the first dimension's weight never became {want}"), || async {
        let e = b.client().find(Locator::Css(".an-weights-used tbody tr td:nth-child(2)")).await.ok()?;
        (e.text().await.ok()?.trim() == want).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "current_thread")]
async fn weights_belong_to_a_questionnaire_and_fall_back_visibly() {
    let (hall, kano) = files("weights");
    let b = Browser::open().await;
    open_with(&b, &[hall, kano]).await;
    weights_radio(&b, "ahp").await;
    choose(&b, "#ahp-0-1", "3").await;
    // The Kano study has its own weights: the hall's AHP is not carried over to it.
    choose(&b, "#an-questionnaire", "kano v1").await;
    b.wait_for("input[name='an-weights'][value='stated']:checked", TIMEOUT).await;
    b.wait_for(".an-kano", TIMEOUT).await;
    assert_eq!(b.eval("!!document.querySelector('.analysis .error')").await, Value::Bool(false));
    // AHP chosen for it: it has too few dimensions, so the stated weights are used, and it says so.
    weights_radio(&b, "ahp").await;
    let said = b.wait_for(".an-weights-fallback", TIMEOUT).await.text().await.unwrap();
    assert!(said.contains("维度") && said.contains("问卷设定权重"), "{said}");
    b.wait_for(".an-kano", TIMEOUT).await;
    assert_eq!(b.eval("!!document.querySelector('.analysis .error')").await, Value::Bool(false));
    // Back to the hall: its AHP judgements are still there.
    choose(&b, "#an-questionnaire", "hall v1").await;
    b.wait_for("input[name='an-weights'][value='ahp']:checked", TIMEOUT).await;
    let kept = b.wait_for("#ahp-0-1", TIMEOUT).await.prop("value").await.unwrap();
    assert_eq!(kept.as_deref(), Some("3"));
    b.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn inconsistent_ahp_weights_are_asked_about_before_they_apply() {
    let (hall, kano) = files("ahp");
    let b = Browser::open().await;
    open_with(&b, &[hall, kano]).await;
    weights_radio(&b, "ahp").await;
    // Stated weights of the hall questionnaire: four dimensions of 1, 0.250 each.
    weight_becomes(&b, "0.250").await;
    // a > b (9), b > c (9), but c > a (9): inconsistent.
    choose(&b, "#ahp-0-1", "9").await;
    choose(&b, "#ahp-1-2", "9").await;
    choose(&b, "#ahp-0-2", "-9").await;
    let ask = b.wait_for(".an-ahp-ask", TIMEOUT).await.text().await.unwrap();
    assert!(ask.contains("不一致") && ask.contains("CR"), "{ask}");
    // Not applied meanwhile: the stated weights are used, and the page says so.
    assert_eq!(first_dimension_weight(&b).await, "0.250");
    b.click_button_by_accessible_name("仍使用这些权重").await;
    b.until("the inconsistent weights were not applied", || async {
        let w = b.client().find(Locator::Css(".an-weights-used tbody tr td:nth-child(2)")).await.ok()?;
        (w.text().await.ok()?.trim() != "0.250").then_some(())
    })
    .await;
    b.wait_for(".an-ahp-accepted", TIMEOUT).await;
    // A judgement changed: asked again.
    choose(&b, "#ahp-0-2", "-8").await;
    b.wait_for(".an-ahp-ask", TIMEOUT).await;
    weight_becomes(&b, "0.250").await;
    b.close().await;
}

/// Whether any two of the chart's texts (point labels and quadrant names) overlap on screen.
const OVERLAPS: &str =
    "const texts = Array.from(document.querySelectorAll(arguments[0] + ' svg text.point-label, '
        + arguments[0] + ' svg text.quadrant-label'));
    const boxes = texts.map(t => t.getBoundingClientRect());
    const pairs = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
            pairs.push([texts[i].textContent, texts[j].textContent]);
    }
    return [texts.length, pairs];";

#[tokio::test(flavor = "current_thread")]
async fn charts_name_their_points_by_the_items_texts_with_no_label_over_another() {
    let (hall, kano) = files("charts");
    let b = Browser::open().await;
    open_with(&b, &[hall, kano]).await;
    weights_radio(&b, "derived").await;
    b.wait_for(".ipa-chart svg", TIMEOUT).await;
    let axis = b.wait_for(".ipa-chart .x-label", TIMEOUT).await.text().await.unwrap();
    assert!(axis.contains("推导") && !axis.contains("导出"), "{axis}");
    // The points are numbered; the key says which item each number is, by its text.
    let key = b.wait_for(".ipa-key", TIMEOUT).await.text().await.unwrap();
    assert!(
        key.contains("进厅后得到及时、准确的引导") && key.contains("营业厅整洁、舒适、设施齐全"),
        "{key}"
    );
    let labels = b.client().find_all(Locator::Css(".ipa-chart svg text.point-label")).await.unwrap();
    assert_eq!(labels.len(), 10);
    for l in labels {
        let t = l.text().await.unwrap();
        assert!(t.parse::<u32>().is_ok(), "a point labelled {t:?}, not by its number");
    }
    let found = b.client().execute(OVERLAPS, vec![".ipa-chart".into()]).await.unwrap();
    assert_eq!(found[1], Value::Array(vec![]), "labels over one another: {found}");
    // The weights used name items by their texts too.
    let used = b.wait_for(".an-weights-used tbody", TIMEOUT).await.text().await.unwrap();
    assert!(used.contains("取号后的等候时间可以接受") && !used.contains("queue_fair"), "{used}");

    // The Kano study's chart likewise.
    choose(&b, "#an-questionnaire", "kano v1").await;
    b.wait_for(".kano-chart svg text.point-label", TIMEOUT).await;
    let found = b.client().execute(OVERLAPS, vec![".kano-chart".into()]).await.unwrap();
    assert_eq!(found[1], Value::Array(vec![]), "labels over one another: {found}");
    b.wait_for(".kano-key", TIMEOUT).await;

    // Nowhere a negative zero or an untranslated "(none)"; every interval within 0–100.
    choose(&b, "#an-questionnaire", "hall v1").await;
    b.wait_for(".ipa-chart svg", TIMEOUT).await;
    let page = b.wait_for(".analysis", TIMEOUT).await.text().await.unwrap();
    assert!(!page.contains("-0.00") && !page.contains("−0.00"), "a negative zero is shown");
    let options = b
        .eval("Array.from(document.querySelectorAll('.analysis option')).map(o => o.textContent).join('|')")
        .await;
    assert!(!options.as_str().unwrap().contains("(none)"), "{options}");
    for interval in page.split('[').skip(1).filter_map(|s| s.split_once(']').map(|(i, _)| i)) {
        if let Some((low, high)) = interval.split_once(", ") {
            let (low, high): (f64, f64) = (low.parse().unwrap_or(0.0), high.parse().unwrap_or(0.0));
            assert!((0.0..=100.0).contains(&low) && (0.0..=100.0).contains(&high), "[{interval}]");
        }
    }
    b.close().await;
}
