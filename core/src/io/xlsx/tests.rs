//! The workbook read back with calamine: sheets, headers, a response row, an index cell computed
//! by hand, text that looks like a formula stored as a string, exactly, the weights sheet, and determinism.

use super::*;
use crate::dataset::{Dataset, Filter, SheetRows};
use crate::io::responses::{ResponsesOptions, META_COLUMNS};
use crate::questionnaire::builtin::Builtin;
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::tags::TagKey;
use crate::response::{Channel, Response};
use crate::sample::{sample, SampleKind, SampleOptions};
use crate::scoring::analysis::AnalysisOptions;
use crate::scoring::group::GroupBy;
use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use std::io::Cursor;

const ITEMS: [&str; 8] =
    ["guide", "wait", "queue_fair", "courtesy", "speed", "right_first_time", "explained", "environment"];

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// A complete hall response: every non-kiosk item `rating`, the kiosk items `kiosk`.
fn response(
    q: &Questionnaire,
    n: u128,
    hall: &str,
    rating: i32,
    kiosk: Answer,
    comment: Option<&str>,
) -> Response {
    let start = at("2026-03-02T09:15:00+08:00");
    let mut r = Response::start(uuid::Uuid::from_u128(n), q, Channel::Hall, Default::default(), start);
    TagKey::Hall.set(&mut r.tags, hall).unwrap();
    r.answer(q, "business", Answer::Choice("payment".into())).unwrap();
    r.answer(q, "customer_class", Answer::Choice("residential".into())).unwrap();
    for id in ITEMS {
        r.answer(q, id, Answer::Rating(rating)).unwrap();
    }
    r.answer(q, "kiosk_ease", kiosk.clone()).unwrap();
    r.answer(q, "kiosk_fit", kiosk).unwrap();
    r.answer(q, "overall", Answer::Rating(rating)).unwrap();
    if let Some(c) = comment {
        r.answer(q, "comment", Answer::Text(c.into())).unwrap();
    }
    r.submit(q, at("2026-03-02T09:16:05+08:00")).unwrap();
    r
}

fn export_of(q: &Questionnaire, rs: &[Response], by: GroupBy) -> Export {
    let mut options = AnalysisOptions::default();
    options.report.group_by = Some(by);
    let ds = Dataset::from_responses(q, rs);
    let analysis = ds.analyse(&options, &Filter::default()).unwrap();
    ds.export(&analysis, at("2026-11-22T20:30:00+08:00"), ResponsesOptions::default(), SheetRows::All)
}

fn read(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap()
}

fn column(range: &Range<Data>, name: &str) -> usize {
    (0..range.width())
        .find(|c| range.get((0, *c)) == Some(&Data::String(name.into())))
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn number(d: Option<&Data>) -> f64 {
    match d {
        Some(Data::Float(x)) => *x,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn sheets_headers_values_and_neutralised_text() {
    let q = Builtin::Hall.questionnaire();
    let rs = vec![
        // All 5 with the kiosk N/A: composite 100.
        response(&q, 1, "东厅", 5, Answer::NotApplicable, Some("=HYPERLINK(\"http://x\",\"点我\")")),
        // Eight items 3 (50) and both kiosk items 1 (0), every item answered, stated weights:
        // dimensions 1/4 each, so 3/4 · 50 + 1/4 · 0 = 37.5.
        response(&q, 2, "东厅", 3, Answer::Rating(1), None),
        // All 4 (75), kiosk N/A: 75.
        response(&q, 3, "西厅", 4, Answer::NotApplicable, Some("@SUM(A1)")),
    ];
    let bytes = export_of(&q, &rs, GroupBy::Tag(TagKey::Hall)).to_xlsx().unwrap();
    let mut wb = read(&bytes);
    // Three respondents: no drivers; the hall questionnaire has no Kano pairs.
    assert_eq!(wb.sheet_names(), ["responses", "index", "weights", "dictionary", "formulas"]);

    let resp = wb.worksheet_range("responses").unwrap();
    assert_eq!(resp.height(), 4);
    // The meta columns, each time followed by its UTC offset.
    let mut expected: Vec<String> = Vec::new();
    for c in META_COLUMNS {
        expected.push(c.to_owned());
        if c.ends_with("_at") {
            expected.push(format!("{c}_utc_offset"));
        }
    }
    let header: Vec<String> = (0..expected.len()).map(|c| resp.get((0, c)).unwrap().to_string()).collect();
    assert_eq!(header, expected);
    assert_eq!(resp.get((1, 0)), Some(&Data::String("00000000-0000-0000-0000-000000000001".into())));
    assert_eq!(resp.get((1, column(&resp, "hall"))), Some(&Data::String("东厅".into())));
    assert_eq!(resp.get((1, column(&resp, "business_type"))), Some(&Data::String("payment".into())));
    assert_eq!(number(resp.get((1, column(&resp, "wait")))), 5.0);
    assert_eq!(resp.get((1, column(&resp, "kiosk_ease"))), Some(&Data::String("NA".into())));
    assert_eq!(number(resp.get((1, column(&resp, "composite")))), 100.0);
    assert_eq!(number(resp.get((2, column(&resp, "composite")))), 37.5);
    // The formula is stored as a string, as written; no cell holds a formula.
    let comment = column(&resp, "comment");
    assert_eq!(resp.get((1, comment)), Some(&Data::String("=HYPERLINK(\"http://x\",\"点我\")".into())));
    assert_eq!(resp.get((3, comment)), Some(&Data::String("@SUM(A1)".into())));
    let formulas = wb.worksheet_formula("responses").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formula cells");

    let index = wb.worksheet_range("index").unwrap();
    let head: Vec<String> = (0..8).map(|c| index.get((0, c)).unwrap().to_string()).collect();
    assert_eq!(head, ["dimension", "group", "n", "index", "se", "ci_low", "ci_high", "small_sample"]);
    // overall, 东厅: (100 + 37.5)/2 = 68.75; s = 62.5/√2, SE = s/√2 = 31.25.
    assert_eq!(index.get((1, 0)), Some(&Data::String("overall".into())));
    assert_eq!(index.get((1, 1)), Some(&Data::String("东厅".into())));
    assert_eq!(number(index.get((1, 2))), 2.0);
    assert_eq!(number(index.get((1, 3))), 68.75);
    assert!((number(index.get((1, 4))) - 31.25).abs() < 1e-12);
    assert_eq!(index.get((1, 7)), Some(&Data::Bool(true)));

    let weights = wb.worksheet_range("weights").unwrap();
    assert_eq!(weights.height(), 11, "ten scored items");
    assert_eq!(weights.get((1, 2)), Some(&Data::String("guide".into())));
    // Four dimensions of weight 1 → 1/4; three guidance items → 1/3 each; product 1/12.
    assert!((number(weights.get((1, 1))) - 0.25).abs() < 1e-15);
    assert!((number(weights.get((1, 3))) - 1.0 / 3.0).abs() < 1e-15);
    assert!((number(weights.get((1, 4))) - 1.0 / 12.0).abs() < 1e-15);
    assert_eq!(weights.get((1, column(&weights, "source"))), Some(&Data::String("stated".into())));

    let dictionary = wb.worksheet_range("dictionary").unwrap();
    assert_eq!(dictionary.get((0, 2)), Some(&Data::String("label_zh".into())));
    let formulas = wb.worksheet_range("formulas").unwrap();
    assert_eq!(formulas.get((1, 3)), Some(&Data::String("2026-11-22T20:30:00+08:00".into())));
    let figures: Vec<String> = formulas.rows().map(|r| r[0].to_string()).collect();
    for figure in ["composite", "ci", "ahp", "fong", "penalty_reward", "quadrant"] {
        assert!(figures.iter().any(|f| f == figure), "{figure}");
    }
}

#[test]
fn same_export_same_bytes_and_the_creation_time_is_the_export_time() {
    let q = Builtin::Hall.questionnaire();
    let rs = sample(SampleKind::Hall, &SampleOptions { count: 300, ..SampleOptions::default() });
    let a = export_of(&q, &rs, GroupBy::Month).to_xlsx().unwrap();
    assert_eq!(a, export_of(&q, &rs, GroupBy::Month).to_xlsx().unwrap());
    let core = zip_entry(&a, "docProps/core.xml");
    // 20:30 at +08:00 is 12:30 UTC.
    assert!(
        core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-22T12:30:00Z</dcterms:created>"),
        "{core}"
    );
}

fn zip_entry(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn sample_data_fill_the_kano_and_drivers_sheets() {
    let q = Builtin::Hall.questionnaire();
    let rs = sample(SampleKind::Hall, &SampleOptions { count: 3000, ..SampleOptions::default() });
    let mut wb = read(&export_of(&q, &rs, GroupBy::All).to_xlsx().unwrap());
    assert_eq!(wb.sheet_names(), ["responses", "index", "drivers", "weights", "dictionary", "formulas"]);
    let drivers = wb.worksheet_range("drivers").unwrap();
    assert_eq!(drivers.get((0, 0)), Some(&Data::String("item".into())));
    assert_eq!(drivers.height(), 11);

    let k = Builtin::Kano.questionnaire();
    let ks = sample(SampleKind::Kano, &SampleOptions { count: 500, ..SampleOptions::default() });
    let mut wb = read(&export_of(&k, &ks, GroupBy::All).to_xlsx().unwrap());
    assert_eq!(wb.sheet_names(), ["responses", "index", "kano", "weights", "dictionary", "formulas"]);
    let kano = wb.worksheet_range("kano").unwrap();
    assert_eq!(kano.height(), 11);
    assert_eq!(number(kano.get((1, 1))), 500.0);
}

#[test]
fn too_many_rows_for_a_sheet_is_an_error_that_points_to_csv() {
    let q = Builtin::Hall.questionnaire();
    let mut e = export_of(&q, &[], GroupBy::All);
    e.tables[0].1.rows = vec![vec![]; MAX_ROWS + 1];
    let err = e.to_xlsx().unwrap_err();
    let typed = crate::Error::Export {
        part: crate::error::ExportPart::Sheet("responses".into()),
        fault: crate::error::ExportFault::TooManyRows { rows: MAX_ROWS + 1, most: MAX_ROWS },
    };
    assert_eq!(err, typed);
    let err = err.to_string();
    assert!(err.contains("sheet `responses`") && err.contains("CSV"), "{err}");
}

/// The serial Excel stores for a date-time cell read back (a date-formatted number).
fn serial(d: Option<&Data>) -> f64 {
    match d {
        Some(Data::DateTime(t)) => t.as_f64(),
        other => panic!("not a date-time cell: {other:?}"),
    }
}

#[test]
fn text_is_the_customers_words_exactly_and_times_are_excel_date_times() {
    let q = Builtin::Hall.questionnaire();
    let rs = vec![
        response(&q, 1, "东厅", 5, Answer::NotApplicable, Some("=1+1 排队太久")),
        response(&q, 2, "东厅", 3, Answer::Rating(1), Some("-没人管")),
    ];
    let mut wb = read(&export_of(&q, &rs, GroupBy::All).to_xlsx().unwrap());
    let resp = wb.worksheet_range("responses").unwrap();
    // A text cell of a workbook is never run as a formula: no apostrophe shows in front of the
    // customer's words (the CSV files keep theirs, see the next assertions).
    let comment = column(&resp, "comment");
    assert_eq!(resp.get((1, comment)), Some(&Data::String("=1+1 排队太久".into())));
    assert_eq!(resp.get((2, comment)), Some(&Data::String("-没人管".into())));
    let formulas = wb.worksheet_formula("responses").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formula cells");
    // 2026-03-02 is day 46083 after Excel's day 0 (1899-12-30): 09:15:00 local time is
    // 46083 + (9·3600 + 15·60)/86400 = 46083.385416…, 09:16:05 is 46083 + 33365/86400.
    let started = column(&resp, "started_at");
    assert!((serial(resp.get((1, started))) - (46083.0 + 33300.0 / 86400.0)).abs() < 1e-9);
    let submitted = column(&resp, "submitted_at");
    assert!((serial(resp.get((1, submitted))) - (46083.0 + 33365.0 / 86400.0)).abs() < 1e-9);
    // The device's offset in its own column, right after each time.
    assert_eq!(column(&resp, "started_at_utc_offset"), started + 1);
    assert_eq!(resp.get((1, started + 1)), Some(&Data::String("+08:00".into())));
    assert_eq!(resp.get((1, column(&resp, "submitted_at_utc_offset"))), Some(&Data::String("+08:00".into())));

    // The CSV of the same table keeps the guard and the ISO 8601 text.
    let export = export_of(&q, &rs, GroupBy::All);
    let csv = String::from_utf8(export.tables[0].1.to_csv(false)).unwrap();
    assert!(csv.contains("'=1+1 排队太久") && csv.contains("'-没人管"), "{csv}");
    assert!(csv.contains(",2026-03-02T09:15:00+08:00,2026-03-02T09:16:05+08:00,"), "{csv}");
}
