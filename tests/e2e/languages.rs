//! Errors in the screen's language: what core finds wrong is said in zh-CN or English, its place
//! (file, line, column) once, and said again in the other language when the person switches.

use crate::analysis::{folder, open_workspace, pick, sample, wait_text, write};
use crate::harness::{Browser, TIMEOUT};

#[tokio::test(flavor = "current_thread")]
async fn the_analysts_broken_file_is_said_in_chinese_then_english_its_place_once() {
    let dir = folder("languages");
    let text = String::from_utf8(sample(30, 4).to_json()).unwrap();
    // A quote too many in a response: the file is not JSON from there on.
    let bad = write(&dir, "tablet-bad.json", text.replacen("\"rating\":", "\"rating\":\"", 1).as_bytes());

    let browser = Browser::open().await;
    open_workspace(&browser).await;
    browser.wait_for(".an-empty", TIMEOUT).await;
    pick(&browser, &[bad]).await;
    let css = "tr[data-file='tablet-bad.json'] .an-file-error";
    let zh = wait_text(&browser, css, |t| !t.is_empty()).await;
    assert!(zh.starts_with("tablet-bad.json，第 "), "{zh}");
    assert!(zh.contains("列：不是 Manyi 导出的文件："), "{zh}");
    // The place once: one line, one column, none of the parser's own " at line L column C".
    assert_eq!((zh.matches('行').count(), zh.matches('列').count()), (1, 1), "{zh}");
    assert!(!zh.contains("line") && !zh.contains("column"), "{zh}");
    assert!(zh.contains("请选用 Manyi 导出的原文件"), "what to do: {zh}");

    browser.click(".language-switch").await;
    let en = wait_text(&browser, css, |t| t.starts_with("tablet-bad.json, line ")).await;
    assert!(en.contains(", column ") && en.contains(": not a Manyi export: "), "{en}");
    assert_eq!((en.matches("line").count(), en.matches("column").count()), (1, 1), "{en}");
    assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{en}");
    // The same place in both: the numbers of the Chinese text are the English text's.
    let numbers = |t: &str| -> Vec<u64> {
        t.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).take(2).collect()
    };
    assert_eq!(numbers(&zh), numbers(&en));
    browser.close().await;
}
