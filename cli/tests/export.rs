//! `manyi sample` and `manyi export` on real files: a sample piped into an export, overlapping
//! files merged, the workbook and CSV files read back, and a malformed file that stops
//! everything before anything is written.

use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
mod support;

use manyi_core::io::table::unneutralise;
use std::path::Path;
use support::{manyi_with_stdin as manyi, Run};

fn ok(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let r = manyi(args, stdin);
    assert_eq!(r.code, 0, "manyi {args:?}: {}", r.stderr);
    r
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

const AT: &str = "2026-11-22T20:30:00+08:00";

#[test]
fn sample_is_deterministic_and_piped_into_an_export_gives_the_workbook() {
    let a = ok(&["sample", "--questionnaire", "hall", "--count", "400", "--seed", "8"], None).bytes;
    let b = ok(&["sample", "--questionnaire", "hall", "--count", "400", "--seed", "8"], None).bytes;
    assert_eq!(a, b, "same seed, same bytes");
    let v: serde_json::Value = serde_json::from_slice(&a).unwrap();
    assert_eq!(v["responses"].as_array().unwrap().len(), 400);

    let dir = tempfile::tempdir().unwrap();
    let xlsx = path(dir.path(), "out.xlsx");
    let r =
        ok(&["export", "--responses", "-", "--xlsx", &xlsx, "--by", "month", "--exported-at", AT], Some(&a));
    assert!(r.stderr.contains("<stdin>: 400 added, 0 duplicates, 0 conflicts"), "{}", r.stderr);
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), ["responses", "index", "drivers", "weights", "dictionary", "formulas"]);
    let responses = wb.worksheet_range("responses").unwrap();
    assert_eq!(responses.height(), 401);
    // The first response of the sample file (by start time) is in the workbook with its id.
    let ids: Vec<String> = responses.rows().skip(1).map(|r| r[0].to_string()).collect();
    let first = v["responses"][0]["id"].as_str().unwrap();
    assert!(ids.iter().any(|i| i == first));
    let index = wb.worksheet_range("index").unwrap();
    // Six months, overall first.
    let months: Vec<String> = index
        .rows()
        .skip(1)
        .filter(|r| r[0] == Data::String("overall".into()))
        .map(|r| r[1].to_string())
        .collect();
    assert_eq!(months, ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    let n: f64 = index.rows().skip(1).take(6).map(|r| r[2].as_f64().unwrap()).sum();
    let complete = v["responses"].as_array().unwrap().iter().filter(|r| r["status"] == "complete").count();
    assert_eq!(n as usize, complete, "every complete response is scored once");
}

#[test]
fn overlapping_files_merge_to_their_union_and_csv_matches_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    // The generator draws responses one after another, so the first 100 of a 150-response sample
    // are the 100 of the smaller one with the same seed.
    let small = path(dir.path(), "small.json");
    let large = path(dir.path(), "large.json");
    ok(&["sample", "--count", "100", "--seed", "21", "-o", &small], None);
    ok(&["sample", "--count", "150", "--seed", "21", "-o", &large], None);
    let csv = path(dir.path(), "csv");
    let xlsx = path(dir.path(), "out.xlsx");
    let r = ok(
        &[
            "export",
            "--responses",
            &small,
            "--responses",
            &large,
            "--csv",
            &csv,
            "--xlsx",
            &xlsx,
            "--exported-at",
            AT,
        ],
        None,
    );
    assert!(r.stderr.contains("large.json: 50 added, 100 duplicates, 0 conflicts"), "{}", r.stderr);
    assert!(r.stderr.contains("150 responses to hall v1"), "{}", r.stderr);
    let files: Vec<String> = {
        let mut v: Vec<String> =
            std::fs::read_dir(&csv).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        v.sort();
        v
    };
    assert_eq!(files, ["dictionary.csv", "drivers.csv", "index.csv", "responses.csv", "weights.csv"]);
    let responses = std::fs::read(Path::new(&csv).join("responses.csv")).unwrap();
    assert!(responses.starts_with(b"\xEF\xBB\xBF"), "BOM");
    let mut reader = csv::Reader::from_reader(&responses[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 150);
    // The workbook holds the same cells: ids, texts (exactly: the CSV's formula guard is not
    // needed in a string cell) and composites.
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range("responses").unwrap();
    let header = reader.headers().unwrap().clone();
    let in_csv = |name: &str| header.iter().position(|h| h == name).unwrap();
    let sheet_header: Vec<String> = sheet.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let in_sheet = |name: &str| sheet_header.iter().position(|h| h == name).unwrap();
    for (i, row) in rows.iter().enumerate() {
        let cells = &sheet.rows().nth(i + 1).unwrap();
        assert_eq!(cells[0].to_string(), row[0]);
        assert_eq!(cells[in_sheet("comment")].to_string(), unneutralise(&row[in_csv("comment")]));
        match (&cells[in_sheet("composite")], &row[in_csv("composite")]) {
            (Data::Empty, "") => {}
            (Data::Float(x), text) => assert_eq!(*x, text.parse::<f64>().unwrap()),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_malformed_file_names_file_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let good = path(dir.path(), "good.json");
    ok(&["sample", "--count", "20", "-o", &good], None);
    let text = std::fs::read_to_string(&good).unwrap();
    // Break the second response's first rating: `{"rating":x}`.
    let second = text.match_indices("\"rating\":").nth(12).unwrap().0;
    let broken = format!("{}\"rating\":x{}", &text[..second], &text[second + 10..]);
    let line = broken[..second].matches('\n').count() + 1;
    let bad = path(dir.path(), "bad.json");
    std::fs::write(&bad, broken).unwrap();
    let xlsx = path(dir.path(), "out.xlsx");
    let csv = path(dir.path(), "csv");
    let r =
        manyi(&["export", "--responses", &good, "--responses", &bad, "--xlsx", &xlsx, "--csv", &csv], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(&format!("bad.json, line {line}, column ")), "{}", r.stderr);
    assert!(!Path::new(&xlsx).exists() && !Path::new(&csv).exists(), "nothing written");
}

#[test]
fn export_needs_an_output_and_sample_a_known_questionnaire() {
    let r = manyi(&["export", "--responses", "x.json"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--xlsx OUT.xlsx and/or --csv DIR"), "{}", r.stderr);
    let r = manyi(&["sample", "--questionnaire", "evaluation"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("use hall, kano or callback"), "{}", r.stderr);
}

/// 12,000 responses: more than one part of 10,000 rows.
#[test]
fn csv_alone_is_written_in_parts_and_equals_the_csv_beside_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let sample = ok(&["sample", "--questionnaire", "hall", "--count", "12000", "--seed", "3"], None).bytes;
    let file = path(dir.path(), "hall.json");
    std::fs::write(&file, &sample).unwrap();
    let (alone, beside) = (path(dir.path(), "alone"), path(dir.path(), "beside"));
    let xlsx = path(dir.path(), "out.xlsx");
    ok(&["export", "--responses", &file, "--csv", &alone, "--exported-at", AT], None);
    ok(&["export", "--responses", &file, "--csv", &beside, "--xlsx", &xlsx, "--exported-at", AT], None);
    for name in ["dictionary.csv", "drivers.csv", "index.csv", "responses.csv", "weights.csv"] {
        let a = std::fs::read(Path::new(&alone).join(name)).unwrap();
        assert_eq!(a, std::fs::read(Path::new(&beside).join(name)).unwrap(), "{name}");
    }
    let responses = std::fs::read_to_string(Path::new(&alone).join("responses.csv")).unwrap();
    assert!(responses.starts_with('\u{feff}'), "one BOM, at the start");
    assert_eq!(responses.matches('\u{feff}').count(), 1);
    assert_eq!(responses.lines().count(), 12_001, "the header once, then every response");
}
