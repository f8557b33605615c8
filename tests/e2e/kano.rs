//! The Kano study: three respondents answer the ten pairs (one self-completed, two keyed in by an
//! interviewer); the analysis table shows the counts, classes, Better and Worse computed by hand,
//! and the chart places each feature's circle at the Frame's pixels of (|Worse|, Better).

use crate::harness::{Browser, TIMEOUT};
use fantoccini::Locator;
use std::time::{Duration, Instant};

/// The features' names as the screen shows them (item text), in order.
const FEATURES: [&str; 10] = [
    "网上申请用电、无需到厅",
    "计划停电前短信通知",
    "专属客户经理",
    "电子发票",
    "营业厅延时服务",
    "预约上门服务",
    "个性化账单",
    "上门节能用电建议",
    "抢修进度实时查询",
    "24小时自助缴费",
];

async fn question(b: &Browser) -> Option<String> {
    b.client().find(Locator::Css(".question")).await.ok()?.text().await.ok()
}

/// On the screen of feature `k`, chooses answer `f` (1–5) to the functional question and `d` to
/// the dysfunctional one, tapping again until the screen moves on (a tap within 400 ms of a screen
/// appearing is taken for the rest of a double tap and ignored).
async fn pair(b: &Browser, k: usize, f: usize, d: usize) {
    b.wait_for_text(".question", FEATURES[k], TIMEOUT).await;
    b.click(&format!(".kano-half:nth-child(1) .kano-answer:nth-child({f})")).await;
    let deadline = Instant::now() + TIMEOUT;
    loop {
        b.click(&format!(".kano-half:nth-child(2) .kano-answer:nth-child({d})")).await;
        let moved = Instant::now() + Duration::from_millis(1500);
        while Instant::now() < moved {
            if question(b).await.as_deref() != Some(FEATURES[k]) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert!(Instant::now() < deadline, "feature {k} never moved on");
    }
}

/// One respondent: the pairs of the first features as given, every other feature neutral /
/// neutral.
pub(crate) async fn respondent(b: &Browser, first: &[(usize, usize)]) {
    b.click_button_by_accessible_name("开始").await;
    for k in 0..10 {
        let (f, d) = first.get(k).copied().unwrap_or((3, 3));
        pair(b, k, f, d).await;
    }
    b.wait_for_text(".thanks h1", "感谢您的评价！", TIMEOUT).await;
    b.click_button_by_accessible_name("下一位受访者").await;
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

#[tokio::test]
async fn the_chart_places_each_feature_at_its_computed_coordinates() {
    let b = Browser::open().await;
    b.goto("#/kano").await;
    // 1 like · 2 expect · 3 neutral · 4 live with · 5 dislike.
    // Feature 1: (1,3) A, (1,5) O, (2,5) M. Feature 2: (2,5) M, (2,5) M, (3,3) I.
    // Feature 3: (1,2) A, (1,3) A, (1,5) O. Feature 5: (2,2) and (4,4), I by the standard
    // table and Q by Pouliot's, and (1,5) O.
    respondent(&b, &[(1, 3), (2, 5), (1, 2), (3, 3), (2, 2)]).await;
    // The second self-completed too (the setup is kept) …
    respondent(&b, &[(1, 5), (2, 5), (1, 3), (3, 3), (4, 4)]).await;
    // … and the third keyed in by an interviewer.
    b.click(".run-setup .radio:nth-child(3) input").await;
    b.fill("#run-interviewer", "I-07").await;
    respondent(&b, &[(2, 5), (3, 3), (1, 5), (3, 3), (1, 5)]).await;

    b.goto("#/kano/analysis").await;
    b.wait_for_text(".kano-analysis .note", "受访人数: 3", TIMEOUT).await;
    let row = |k: usize, col: usize| format!(".kano-table tr[data-feature=\"{k}\"] td:nth-child({col})");
    // Columns: # · (feature) · n · A O M I R Q · class · Better · Worse.
    for (k, counts, class, better, worse) in [
        (1, ["1", "1", "1", "0"], "M/O", "0.667", "-0.667"),
        (2, ["0", "0", "2", "1"], "M/I", "0.000", "-0.667"),
        (3, ["2", "1", "0", "0"], "A/O", "1.000", "-0.333"),
        (4, ["0", "0", "0", "3"], "I", "0.000", "0.000"),
        (5, ["0", "1", "0", "2"], "I/O", "0.333", "-0.333"),
    ] {
        b.wait_for_text(&row(k, 3), "3", TIMEOUT).await;
        for (i, c) in counts.iter().enumerate() {
            b.wait_for_text(&row(k, 4 + i), c, TIMEOUT).await;
        }
        b.wait_for_text(&row(k, 10), class, TIMEOUT).await;
        b.wait_for_text(&row(k, 11), better, TIMEOUT).await;
        b.wait_for_text(&row(k, 12), worse, TIMEOUT).await;
    }
    // Better = (A + O)/(A + O + M + I), |Worse| = (O + M)/(A + O + M + I), from the counts above;
    // core's default Frame (640 × 480, margins 64 left, 24 right, 24 top, 56 bottom) puts x on
    // 64 + |Worse|·552 and y on 24 + (1 − Better)·400.
    let expected = [(1, 2.0 / 3.0, 2.0 / 3.0), (2, 0.0, 2.0 / 3.0), (3, 1.0, 1.0 / 3.0), (4, 0.0, 0.0)];
    let circles = b.client().find_all(Locator::Css(".kano-chart circle")).await.unwrap();
    assert_eq!(circles.len(), 10, "one circle per feature");
    for (k, better, worse) in expected {
        let css = format!(".kano-chart g[data-feature=\"{k}\"] circle");
        let (cx, cy) = (num(&b.attribute(&css, "cx").await), num(&b.attribute(&css, "cy").await));
        let (px, py) = (64.0 + worse * 552.0, 24.0 + (1.0 - better) * 400.0);
        assert!(
            (cx - px).abs() < 1e-9 && (cy - py).abs() < 1e-9,
            "feature {k}: ({cx}, {cy}) is not ({px}, {py})"
        );
    }
    // The four quadrants are labelled.
    let labels = b.client().find_all(Locator::Css(".kano-chart .quadrant-label")).await.unwrap();
    let mut texts = Vec::new();
    for l in labels {
        texts.push(l.text().await.unwrap());
    }
    assert_eq!(texts, ["激励 A", "绩效 O", "基本 M", "无差异 I"]);
    // The Kano table is exported as CSV (with a BOM, so Excel reads the Chinese).
    b.click_button_by_accessible_name("导出 CSV").await;
    let name = b
        .until("no CSV was downloaded", || async {
            let dir = std::fs::read_dir(b.download_dir()).ok()?;
            dir.filter_map(|e| e.ok()?.file_name().into_string().ok()).find(|n| n.ends_with(".csv"))
        })
        .await;
    let csv = String::from_utf8(b.downloaded(&name).await).unwrap();
    assert!(csv.starts_with("\u{feff}attribute,n,A,O,M,I,R,Q,category,mixed,better,worse"), "{csv}");
    assert!(csv.lines().nth(1).unwrap().starts_with("online_application,3,1,1,1,0,0,0,M,M/O,"), "{csv}");

    // Pouliot's table: feature 5's (2,2) and (4,4) are Q, out of Better's and Worse's
    // denominator A + O + M + I = 1: Better 1/1, Worse −1/1. Features 1–4 have no such pair.
    let select = b.wait_for("#kano-table", TIMEOUT).await;
    select.select_by_value("pouliot").await.expect("choose Pouliot's table");
    let five = ["3", "0", "1", "0", "0", "0", "2"];
    for (i, c) in five.iter().enumerate() {
        b.wait_for_text(&row(5, 3 + i), c, TIMEOUT).await;
    }
    b.wait_for_text(&row(5, 11), "1.000", TIMEOUT).await;
    b.wait_for_text(&row(5, 12), "-1.000", TIMEOUT).await;
    b.wait_for_text(&row(1, 11), "0.667", TIMEOUT).await;
    b.close().await;
}
