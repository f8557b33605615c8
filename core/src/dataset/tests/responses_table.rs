//! The responses table imported into datasets: the same responses, figures and merge reports as
//! the JSON export it was written from; errors placed in the table; nothing changed on error.

use super::*;
use crate::dataset::{Filter, PROGRESS_EVERY};
use crate::io::merge::Resolution;
use crate::io::responses::ResponsesOptions;
use crate::response::answer::Answer;
use crate::scoring::analysis::AnalysisOptions;

/// The `responses.csv` of the dataset's export (written in parts of 64 rows), phone numbers in
/// full or masked.
fn table(ds: &Dataset, show_phone_numbers: bool) -> Vec<u8> {
    let index = ds.index(&Default::default(), &[], &Filter::default()).unwrap();
    ds.responses_csv(&index, ResponsesOptions { show_phone_numbers }, 64).flatten().collect()
}

/// Every response of the collection, dataset by dataset, in row order.
fn rows(c: &Collection) -> Vec<Response> {
    c.datasets().iter().flat_map(|d| (0..d.len()).map(|row| d.response(row))).collect()
}

fn counts(r: &crate::io::merge::MergeReport) -> (usize, usize, usize, usize) {
    (r.added, r.duplicates, r.conflicts.len(), r.masked_phones)
}

#[test]
fn a_table_imports_as_the_export_it_came_from_and_beside_it_adds_nothing() {
    for (kind, b) in [
        (SampleKind::Hall, Builtin::Hall),
        (SampleKind::Kano, Builtin::Kano),
        (SampleKind::Callback, Builtin::Callback),
    ] {
        let rs = responses(kind, 400, 21);
        let json = file(&[], &rs);
        let from_json = imported(&json);
        let csv = table(dataset(&from_json, b), true);
        let mut from_csv = Collection::new(Vec::new());
        let report = from_csv.import_csv(&csv, "responses.csv", &mut |_| {}).unwrap();
        assert_eq!(counts(&report), (400, 0, 0, 0), "{kind:?}");
        assert_eq!(rows(&from_csv), rs, "{kind:?}");
        let options = AnalysisOptions::default();
        assert_eq!(
            dataset(&from_csv, b).analyse(&options, &Filter::default()).unwrap(),
            dataset(&from_json, b).analyse(&options, &Filter::default()).unwrap(),
            "{kind:?}"
        );
        // The same table again, the table after its JSON, the JSON after its table: duplicates.
        let again = from_csv.import_file(&csv, "again.csv", &mut |_| {}).unwrap();
        assert_eq!(counts(&again), (0, 400, 0, 0), "{kind:?}");
        let mut both = imported(&json);
        assert_eq!(counts(&both.import_file(&csv, "responses.csv", &mut |_| {}).unwrap()), (0, 400, 0, 0));
        let json_after = from_csv.import_file(&json, "data.json", &mut |_| {}).unwrap();
        assert_eq!(counts(&json_after), (0, 400, 0, 0), "{kind:?}");
    }
}

#[test]
fn evaluation_visits_with_numbers_notes_and_red_lines_come_back_whole() {
    let rs = super::scores::visits(&Builtin::Evaluation.questionnaire());
    let json = file(&[], &rs);
    let csv = table(dataset(&imported(&json), Builtin::Evaluation), false);
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(
        text.contains(",'=visit 4: floor wet,") && text.contains(",quarrel\r\n"),
        "notes neutralised, red lines"
    );
    let mut c = Collection::new(Vec::new());
    assert_eq!(counts(&c.import_csv(&csv, "visits.csv", &mut |_| {}).unwrap()), (90, 0, 0, 0));
    assert_eq!(rows(&c), rs);
    assert_eq!(counts(&c.import_file(&json, "visits.json", &mut |_| {}).unwrap()), (0, 90, 0, 0));
}

#[test]
fn masked_phone_numbers_are_kept_masked_counted_and_make_the_copies_differ() {
    let rs = responses(SampleKind::Hall, 300, 22);
    let phones = rs.iter().filter(|r| r.answers.contains_key("phone")).count();
    assert!(phones > 0);
    let json = file(&[], &rs);
    let csv = table(dataset(&imported(&json), Builtin::Hall), false);

    let mut alone = Collection::new(Vec::new());
    assert_eq!(counts(&alone.import_csv(&csv, "masked.csv", &mut |_| {}).unwrap()), (300, 0, 0, phones));
    let masked: Vec<Response> = rows(&alone);
    for (m, r) in masked.iter().zip(&rs) {
        match (m.answers.get("phone"), r.answers.get("phone")) {
            (Some(Answer::Text(m)), Some(Answer::Text(full))) => {
                assert!(m.contains("****") && m[..3] == full[..3] && m[7..] == full[7..], "{m} {full}")
            }
            (None, None) => assert_eq!(m, r),
            other => panic!("{other:?}"),
        }
    }

    // Beside the JSON: the copies with a phone number conflict; the first read is kept.
    let mut c = imported(&json);
    let report = c.import_file(&csv, "masked.csv", &mut |_| {}).unwrap();
    assert_eq!(counts(&report), (0, 300 - phones, phones, phones));
    assert!(report
        .conflicts
        .iter()
        .all(|c| c.resolution == Resolution::KeptFirst && c.source == "masked.csv"));
    assert_eq!(rows(&c), rs);
    let report = alone.import_file(&json, "data.json", &mut |_| {}).unwrap();
    assert_eq!(counts(&report), (0, 300 - phones, phones, 0));
    assert_eq!(rows(&alone), masked);
}

#[test]
fn a_bad_table_changes_nothing_and_names_line_and_column() {
    let rs = responses(SampleKind::Hall, 50, 23);
    let mut c = imported(&file(&[], &rs));
    let before = rows(&c);
    // Thirty new responses, then a rating off the scale.
    let new =
        table(dataset(&imported(&file(&[], &responses(SampleKind::Hall, 30, 24))), Builtin::Hall), true);
    let mut text = String::from_utf8(new).unwrap();
    assert_eq!(text.lines().count(), 31, "one line a row");
    text.push_str("00000000-0000-0000-0000-0000000000fe,hall,1,hall,break_off,,,,,,,,2026-03-01T10:00:00+08:00,2026-03-01T10:00:09+08:00,,4,9\r\n");
    let e = c.import_csv(text.as_bytes(), "bad.csv", &mut |_| {}).unwrap_err().to_string();
    assert_eq!(
        e,
        "bad.csv, line 32, column 17 (`wait`): response 00000000-0000-0000-0000-0000000000fe, item `wait`: 9 is off the scale 1–5"
    );
    assert_eq!(rows(&c), before);
    // Responses to a questionnaire not imported yet, then a Kano answer that is no code.
    let kano =
        table(dataset(&imported(&file(&[], &responses(SampleKind::Kano, 5, 24))), Builtin::Kano), true);
    let mut kano = String::from_utf8(kano).unwrap();
    kano.push_str(
        "00000000-0000-0000-0000-0000000000fd,kano,1,hall,draft,,,,,,,,2026-03-01T10:00:00+08:00,,,6,1\r\n",
    );
    let e = c.import_csv(kano.as_bytes(), "kano.csv", &mut |_| {}).unwrap_err().to_string();
    assert!(
        e.starts_with(
            "kano.csv, line 7, column 16 (`online_application_functional`): `6` is not a Kano answer"
        ),
        "{e}"
    );
    assert_eq!(c.datasets().len(), 1);
    assert_eq!(rows(&c), before);
    // Without the bad row, the same file imports.
    let good = text.lines().take(31).collect::<Vec<_>>().join("\n");
    assert_eq!(counts(&c.import_csv(good.as_bytes(), "good.csv", &mut |_| {}).unwrap()), (30, 0, 0, 0));
}

#[test]
fn progress_is_reported_every_so_many_rows() {
    let n = PROGRESS_EVERY + 5;
    let c = imported(&file(&[], &responses(SampleKind::Kano, n, 25)));
    let csv = table(dataset(&c, Builtin::Kano), true);
    let mut seen = Vec::new();
    Collection::new(Vec::new()).import_csv(&csv, "k.csv", &mut |p| seen.push((p.read, p.expected))).unwrap();
    assert_eq!(seen, [(PROGRESS_EVERY, n), (n, n)]);
}

#[test]
fn import_file_tells_a_json_export_from_a_table() {
    let rs = responses(SampleKind::Callback, 20, 26);
    let padded = [b"\xEF\xBB\xBF \r\n\t".as_slice(), &file(&[], &rs)].concat();
    let mut c = Collection::new(Vec::new());
    assert_eq!(c.import_file(&padded, "a.json", &mut |_| {}).unwrap().added, 20);
    let e = c.import_file(b"dimension,group\r\noverall,all\r\n", "index.csv", &mut |_| {}).unwrap_err();
    assert!(e.to_string().contains("this is not a Manyi responses table (responses.csv)"), "{e}");
    let csv = table(&c.datasets()[0], true);
    assert_eq!(counts(&c.import_file(&csv, "a.csv", &mut |_| {}).unwrap()), (0, 20, 0, 0));
    let e = c.import_file(b"\n  {\"format\": \"manyi\"", "cut.json", &mut |_| {}).unwrap_err().to_string();
    assert!(e.starts_with("cut.json, line 2, column ") && e.contains("not a Manyi export"), "{e}");
    assert!(!e.contains(" at line "), "the place is said once: {e}");
    assert_eq!(c.len(), 20);
}

#[test]
fn a_table_finds_its_questionnaire_among_the_known_and_the_exports_read_before() {
    let mut q = Builtin::Callback.questionnaire();
    q.version = 2;
    let mut rs = responses(SampleKind::Callback, 10, 27);
    rs.iter_mut().for_each(|r| r.questionnaire = q.reference());
    let json = file(&[q.clone()], &rs);
    let csv = table(&imported(&json).datasets()[0], true);
    let mut c = Collection::new(Vec::new());
    let e = c.import_csv(&csv, "v2.csv", &mut |_| {}).unwrap_err().to_string();
    assert!(
        e.starts_with(
            "v2.csv, line 2, column 2 (`questionnaire_id`): questionnaire `callback` version 2 is neither built in nor known here"
        ),
        "{e}"
    );
    assert!(c.is_empty());
    c.import(&json, "v2.json", &mut |_| {}).unwrap();
    assert_eq!(counts(&c.import_csv(&csv, "v2.csv", &mut |_| {}).unwrap()), (0, 10, 0, 0));
    let mut known = Collection::new(vec![q]);
    assert_eq!(counts(&known.import_csv(&csv, "v2.csv", &mut |_| {}).unwrap()), (10, 0, 0, 0));
    assert_eq!(rows(&known), rs);
}
