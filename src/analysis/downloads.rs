//! The files the analyst downloads, made in the worker from a dataset and its latest analysis,
//! handed over in parts so that no file of a million responses is ever whole in the worker's
//! memory: the worker turns the parts into a `Blob`, which the browser keeps outside it.
//!
//! - the workbook of `manyi export` (XLSX) and the same tables as one JSON document: a workbook
//!   is built in memory, so their responses table holds the first [`SHEET_LIMIT`] responses
//!   that pass the filter, and the workbook's about table says so when there are more;
//! - each table as CSV with a BOM; `responses.csv` holds every response that passes the filter,
//!   [`PART_ROWS`] rows at a time;
//! - the responses that pass the filter as a Manyi JSON bundle (re-importable), rebuilt one at
//!   a time from the columns.

use super::failure::Failure;
use super::protocol::Download;
use chrono::{DateTime, FixedOffset};
use manyi_core::dataset::{Dataset, SheetRows};
use manyi_core::io::bundle::Bundle;
use manyi_core::io::export::Export;
use manyi_core::io::responses::ResponsesOptions;
use manyi_core::scoring::analysis::Analysis;

/// The most responses the workbook's responses sheet (and the JSON's responses table) holds.
pub const SHEET_LIMIT: usize = 100_000;

/// Rows in each part of `responses.csv` and of the bundle.
pub const PART_ROWS: usize = 10_000;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv;charset=utf-8";
const JSON: &str = "application/json";

/// Makes `what` of `ds` as scored in `analysis`, exported at `at`: gives its bytes to `part`,
/// in order, and returns its name and media type.
pub fn make(
    ds: &Dataset,
    analysis: &Analysis,
    what: &Download,
    at: DateTime<FixedOffset>,
    part: &mut dyn FnMut(Vec<u8>),
) -> Result<(String, &'static str), Failure> {
    let q = ds.questionnaire();
    let stem = format!("manyi-{}-v{}-{}", q.id, q.version, at.format("%Y%m%d-%H%M"));
    let export = |rows| ds.export(analysis, at, ResponsesOptions::default(), rows);
    match what {
        Download::Xlsx => {
            part(export(SheetRows::First(SHEET_LIMIT)).to_xlsx()?);
            Ok((format!("{stem}.xlsx"), XLSX))
        }
        Download::Json => {
            part(json(&export(SheetRows::First(SHEET_LIMIT)))?);
            Ok((format!("{stem}.json"), JSON))
        }
        Download::Csv(table) if table == "responses" => {
            ds.responses_csv(&analysis.index, ResponsesOptions::default(), PART_ROWS).for_each(part);
            Ok((format!("{stem}-responses.csv"), CSV))
        }
        Download::Csv(table) => {
            let ex = export(SheetRows::First(0));
            let t = ex.table(table).ok_or_else(|| Failure::NoTable(table.clone()))?;
            part(t.to_csv(true));
            Ok((format!("{stem}-{table}.csv"), CSV))
        }
        Download::Bundle => {
            bundle(ds, analysis, at, part)?;
            Ok((format!("{stem}-responses.json"), JSON))
        }
    }
}

/// Every table of `ex` and its about table as one JSON object.
fn json(ex: &Export) -> Result<Vec<u8>, Failure> {
    let mut object = serde_json::Map::new();
    object.insert("about".into(), ex.about.to_json_value());
    for (name, table) in &ex.tables {
        object.insert((*name).into(), table.to_json_value());
    }
    serde_json::to_vec_pretty(&object).map_err(|e| Failure::NotMade(e.to_string()))
}

/// The responses that pass the analysis' filter as [`Bundle::to_json`] writes them (one
/// response a line), in parts.
fn bundle(
    ds: &Dataset,
    analysis: &Analysis,
    at: DateTime<FixedOffset>,
    part: &mut dyn FnMut(Vec<u8>),
) -> Result<(), Failure> {
    // The head of a bundle without responses, up to the responses' opening bracket.
    let mut out = Bundle::new(vec![ds.questionnaire().clone()], Vec::new(), Some(at), None).to_json();
    const EMPTY: &[u8] = b"[]\n}\n";
    if !out.ends_with(EMPTY) {
        return Err(Failure::NotMade("the bundle's layout is not the one expected".into()));
    }
    out.truncate(out.len() - EMPTY.len() + 1);
    let mut rows = 0;
    for row in ds.rows_passing(&analysis.index.filter) {
        out.extend_from_slice(if rows == 0 { b"\n    " } else { b",\n    " });
        serde_json::to_writer(&mut out, &ds.response(row)).map_err(|e| Failure::NotMade(e.to_string()))?;
        rows += 1;
        if rows % PART_ROWS == 0 {
            part(std::mem::take(&mut out));
        }
    }
    out.extend_from_slice(if rows == 0 { b"]\n}\n" } else { b"\n  ]\n}\n" });
    part(out);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::engine::Engine;
    use crate::analysis::results::compute;
    use crate::analysis::settings::Settings;
    use manyi_core::dataset::Filter;
    use manyi_core::io::table::Cell;
    use manyi_core::response::tags::TagKey;
    use manyi_core::response::Response;
    use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};
    use manyi_core::scoring::group::GroupBy;

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T10:00:00+08:00").unwrap()
    }

    /// The file `what` of 250 hall responses filtered by `settings`, whole, with its name, and
    /// how many parts it came in.
    fn made(
        rs: &[Response],
        settings: &Settings,
        what: Download,
    ) -> ((String, &'static str), Vec<u8>, usize, Analysis) {
        let mut e = Engine::default();
        let q = manyi_core::questionnaire::builtin::Builtin::Hall.questionnaire();
        let file = Bundle::new(vec![q.clone()], rs.to_vec(), None, None).to_json();
        e.import(&file, "hall.json", &mut |_| {}).unwrap();
        e.settle();
        let (_, analysis) = compute(&e, &q.reference(), settings).unwrap();
        let (mut bytes, mut parts) = (Vec::new(), 0);
        let name = make(e.dataset(&q.reference()).unwrap(), &analysis, &what, at(), &mut |p| {
            bytes.extend(p);
            parts += 1;
        })
        .unwrap();
        (name, bytes, parts, analysis)
    }

    fn sample(count: usize) -> Vec<Response> {
        let b = sample_bundle(SampleKind::Hall, &SampleOptions { count, seed: 9, ..Default::default() });
        let mut rs = b.responses;
        rs.sort_by_key(|r| (r.started_at, r.id));
        rs
    }

    #[test]
    fn the_bundle_is_the_filtered_responses_written_as_core_writes_a_bundle() {
        let rs = sample(250);
        let hall = GroupBy::Tag(TagKey::Hall);
        let name = TagKey::Hall.get(&rs[0].tags).unwrap();
        let mut settings = Settings::default();
        settings.filters.insert(hall.name().to_owned(), (hall, name.clone()));
        let ((file, mime), bytes, _, _) = made(&rs, &settings, Download::Bundle);
        assert_eq!((file.as_str(), mime), ("manyi-hall-v1-20261122-1000-responses.json", JSON));
        let kept: Vec<Response> =
            rs.iter().filter(|r| TagKey::Hall.get(&r.tags).as_ref() == Some(&name)).cloned().collect();
        assert!(kept.len() > 10 && kept.len() < 200, "{}", kept.len());
        let q = manyi_core::questionnaire::builtin::Builtin::Hall.questionnaire();
        let want = Bundle::new(vec![q.clone()], kept, Some(at()), None).to_json();
        assert_eq!(String::from_utf8(bytes).unwrap(), String::from_utf8(want).unwrap());
        // A filter nothing passes gives an empty bundle that reads back.
        settings.filters.insert(hall.name().to_owned(), (hall, "nowhere".into()));
        let (_, bytes, _, _) = made(&rs, &settings, Download::Bundle);
        let empty = Bundle::new(vec![q], Vec::new(), Some(at()), None).to_json();
        assert_eq!(bytes, empty);
    }

    #[test]
    fn responses_csv_comes_in_parts_and_equals_the_workbooks_table() {
        let rs = sample(PART_ROWS + 5);
        let settings = Settings::default();
        let ((file, _), csv, parts, analysis) = made(&rs, &settings, Download::Csv("responses".into()));
        assert_eq!(file, "manyi-hall-v1-20261122-1000-responses.csv");
        assert_eq!(parts, 2);
        // The responses sheet of core's export of the same responses, whole.
        let q = manyi_core::questionnaire::builtin::Builtin::Hall.questionnaire();
        let options = Settings::default().options(&q, Settings::default().grouping()).unwrap();
        let ds = Dataset::from_responses(&q, &rs);
        let whole = ds.analyse(&options, &Filter::default()).unwrap();
        let want = ds.export(&whole, at(), ResponsesOptions::default(), SheetRows::All);
        let want_csv = want.table("responses").unwrap().to_csv(true);
        assert_eq!(String::from_utf8(csv).unwrap(), String::from_utf8(want_csv).unwrap());
        assert_eq!(analysis.index.scored, whole.index.scored);
    }

    #[test]
    fn the_workbook_holds_the_first_responses_and_says_so() {
        let rs = sample(40);
        let (_, bytes, parts, _) = made(&rs, &Settings::default(), Download::Xlsx);
        assert!(bytes.starts_with(b"PK") && parts == 1);
        // The limit itself, on a small set: the about table of a cut sheet.
        let mut e = Engine::default();
        let q = manyi_core::questionnaire::builtin::Builtin::Hall.questionnaire();
        e.import(&Bundle::new(vec![q.clone()], rs, None, None).to_json(), "h.json", &mut |_| {}).unwrap();
        e.settle();
        let (_, analysis) = compute(&e, &q.reference(), &Settings::default()).unwrap();
        let ds = e.dataset(&q.reference()).unwrap();
        let ex = ds.export(&analysis, at(), ResponsesOptions::default(), SheetRows::First(10));
        let last = ex.about.rows.last().unwrap();
        assert_eq!((&last[0], &last[3]), (&Cell::from("responses_limit"), &Cell::Integer(10)));
        let (_, json, _, _) = made(&sample(40), &Settings::default(), Download::Json);
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert!(value["about"].is_array() || value["about"].is_object(), "{}", value["about"]);
        assert!(value.get("index").is_some() && value.get("responses").is_some());
        let (_, index, _, _) = made(&sample(40), &Settings::default(), Download::Csv("index".into()));
        assert!(index.starts_with("\u{feff}".as_bytes()));
    }
}
