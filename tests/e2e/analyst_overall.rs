//! The analyst workspace explains a questionnaire's overall item on that item's own scale
//! (issue 12): an overall asked on 0–10 beside an item on 1–5, as `manyi drivers
//! --overall-scale 0..10` does, with penalty and reward in points of the 0–10 scale.

use crate::harness::{Browser, TIMEOUT};
use manyi_core::io::bundle::Bundle;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::answer::Answer;
use manyi_core::response::{Channel, Response};

const STORE: &str = r#"{"id":"store_2027","version":1,"mode":"self_completed",
  "title":{"zh":"门店评价","en":"Store survey"},
  "scales":{"five":{"min":1,"max":5},"eleven":{"min":0,"max":10}},
  "dimensions":[{"id":"service","title":{"zh":"服务","en":"Service"}}],
  "items":[
    {"id":"speed","text":{"zh":"办理速度","en":"Speed"},"dimension":"service","required":true,"kind":{"type":"rating","scale":"five"}},
    {"id":"overall","text":{"zh":"总体打分（0–10）","en":"Overall (0–10)"},"required":true,"kind":{"type":"rating","scale":"eleven"}}],
  "scoring":{"overall":"overall"}}"#;

/// Six complete responses, (speed on 1–5, overall on 0–10), as a Manyi JSON export.
fn bundle_file() -> std::path::PathBuf {
    let q = Questionnaire::from_json(STORE, "store_2027.json").unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+08:00").unwrap();
    let pairs = [(1, 2), (2, 4), (3, 6), (4, 7), (5, 10), (5, 9)];
    let responses = (1..)
        .zip(pairs)
        .map(|(n, (speed, overall))| {
            let mut r = Response::start(uuid::Uuid::from_u128(n), &q, Channel::Hall, Default::default(), at);
            r.answer(&q, "speed", Answer::Rating(speed)).unwrap();
            r.answer(&q, "overall", Answer::Rating(overall)).unwrap();
            r.submit(&q, at).unwrap();
            r
        })
        .collect();
    let path = std::env::temp_dir().join(format!("manyi-e2e-{}-store_2027.json", std::process::id()));
    std::fs::write(&path, Bundle::new(vec![q], responses, Some(at), None).to_json()).unwrap();
    path
}

#[tokio::test]
async fn the_drivers_explain_an_overall_asked_on_0_to_10() {
    let file = bundle_file();
    let b = Browser::open().await;
    b.goto("#/analysis").await;
    let input = b.wait_for("#an-files:not([disabled])", TIMEOUT).await;
    input.send_keys(&file.display().to_string()).await.expect("pick the file");
    // The index: speed alone, (0 + 25 + 50 + 75 + 100 + 100)/6 = 58.33.
    b.wait_for_text(".an-index tbody tr .idx-overall", "58.3", TIMEOUT).await;
    // One item, so the regression on its two band dummies gives the bands' mean overall:
    // low (1–2): (2 + 4)/2 = 3; middle (3–4): (6 + 7)/2 = 6.5; high (5): (10 + 9)/2 = 9.5.
    // Penalty |3 − 6.5| = 3.5, reward 9.5 − 6.5 = 3, IA (3 − 3.5)/(3 + 3.5) = −0.0769.
    let cell = |n: usize| format!(".an-drivers tr[data-item='speed'] td:nth-child({n})");
    b.wait_for_text(&cell(2), "3.500", TIMEOUT).await;
    b.wait_for_text(&cell(4), "3.000", TIMEOUT).await;
    b.wait_for_text(&cell(6), "-0.077", TIMEOUT).await;
    b.close().await;
    let _ = std::fs::remove_file(file);
}
