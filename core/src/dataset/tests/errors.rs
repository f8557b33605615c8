//! A malformed file: the dataset's import says what `Bundle::from_json` says — the same rule,
//! file, line and column — and imports nothing.

use super::*;
use crate::questionnaire::item::ItemId;
use crate::response::answer::Answer;
use crate::response::Status;

fn assert_same_error(bytes: &[u8], what: &str) {
    let want = Bundle::from_json(bytes, "bad.json", &[]).expect_err(what).to_string();
    let mut c = Collection::new(Vec::new());
    let got = c.import(bytes, "bad.json", &mut |_| {}).expect_err(what).to_string();
    assert_eq!(got, want, "{what}");
    assert!(c.is_empty() && c.datasets().is_empty(), "{what}");
}

fn sample_text() -> (Vec<Response>, String) {
    let rs = responses(SampleKind::Hall, 30, 4);
    let text = String::from_utf8(file(&[Builtin::Hall.questionnaire()], &rs)).unwrap();
    (rs, text)
}

/// `text` with the `nth` occurrence of `from` replaced.
fn replace_nth(text: &str, from: &str, to: &str, nth: usize) -> String {
    let at = text.match_indices(from).nth(nth).expect("occurs").0;
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

#[test]
fn text_that_is_not_a_bundle() {
    let (_, text) = sample_text();
    let cases = [
        ("type", replace_nth(&text, "{\"rating\":", "{\"rating\":\"x\",\"y\":", 40)),
        ("syntax", replace_nth(&text, "{\"rating\":", "{\"rating\":x", 7)),
        ("status", replace_nth(&text, "\"status\":\"complete\"", "\"status\":\"finished\"", 3)),
        ("missing", replace_nth(&text, "\"channel\":\"hall\",", "", 5)),
        ("unknown", replace_nth(&text, "\"channel\":\"hall\"", "\"channel\":\"hall\",\"colour\":\"red\"", 2)),
        ("twice", replace_nth(&text, "\"channel\":\"hall\"", "\"channel\":\"hall\",\"channel\":\"hall\"", 2)),
        ("tags", replace_nth(&text, "\"tags\":{", "\"tags\":{\"room\":\"1\",", 1)),
        ("comma", replace_nth(&text, "},\n    {", "}\n    {", 9)),
        ("trailing", format!("{text}x")),
        ("format", text.replacen("\"format\": \"manyi\"", "\"format\": \"other\"", 1)),
        ("version", text.replacen("\"format_version\": 1", "\"format_version\": 2", 1)),
        ("bom", format!("\u{feff}{}", replace_nth(&text, "\"status\":\"complete\"", "\"status\":1", 0))),
        ("empty", String::new()),
    ];
    for (what, bad) in cases {
        assert_same_error(bad.as_bytes(), what);
    }
}

#[test]
fn responses_that_break_a_rule() {
    let (rs, _) = sample_text();
    let hall = Builtin::Hall.questionnaire();
    let complete =
        rs.iter().position(|r| r.status == Status::Complete && r.answers.contains_key("wait")).unwrap();
    type Edit<'a> = (&'a str, &'a dyn Fn(&mut Response));
    let edits: [Edit; 7] = [
        ("off the scale", &|r| {
            r.answers.insert("wait".into(), Answer::Rating(6));
        }),
        ("unknown item", &|r| {
            r.answers.insert("guidance".into(), Answer::Rating(3));
        }),
        ("wrong kind", &|r| {
            r.answers.insert("wait".into(), Answer::Yes);
        }),
        ("required", &|r| {
            r.answers.remove(&ItemId::new("wait"));
        }),
        ("hidden", &|r| {
            r.answers.insert("callback_consent".into(), Answer::No);
            r.answers.insert("phone".into(), Answer::Text("13800000000".into()));
        }),
        ("note", &|r| {
            r.notes.insert("nowhere".into(), "?".into());
        }),
        ("times", &|r| r.submitted_at = Some(r.started_at - chrono::Duration::seconds(1))),
    ];
    for (what, edit) in edits {
        let mut bad = rs.clone();
        edit(&mut bad[complete]);
        assert_same_error(&file(std::slice::from_ref(&hall), &bad), what);
    }
    let mut unknown = rs.clone();
    unknown[4].questionnaire.version = 9;
    assert_same_error(&file(&[], &unknown), "unknown questionnaire");
    let mut broken = hall.clone();
    broken.items[3].id = broken.items[2].id.clone();
    assert_same_error(&file(&[broken], &rs), "invalid questionnaire");
}

#[test]
fn errors_after_the_head_are_placed_in_the_file() {
    let (rs, _) = sample_text();
    // Questionnaires after the responses: the responses are read after the head, and their
    // errors are still placed by line and column of the file.
    let late = questionnaires_last(&String::from_utf8(file(&[Builtin::Hall.questionnaire()], &rs)).unwrap());
    assert!(Bundle::from_json(late.as_bytes(), "late.json", &[]).is_ok());
    assert_same_error(
        replace_nth(&late, "{\"rating\":", "{\"rating\":\"x\",\"y\":", 12).as_bytes(),
        "late type",
    );
    let mut bad = rs.clone();
    bad[6].answers.insert("wait".into(), Answer::Rating(0));
    let late = questionnaires_last(&String::from_utf8(file(&[Builtin::Hall.questionnaire()], &bad)).unwrap());
    assert_same_error(late.as_bytes(), "late rule");
}

#[test]
fn an_array_is_not_a_bundle() {
    let e = Collection::new(Vec::new()).import(b"[]", "bad.json", &mut |_| {}).unwrap_err().to_string();
    assert!(e.starts_with("bad.json, line 1, column 2: not a Manyi export: invalid type: sequence"), "{e}");
    assert!(!e.contains(" at line "), "the place is said once: {e}");
}
