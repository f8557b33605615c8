//! `manyi score` and `manyi export` on the responses.csv of an export: the same figures as from
//! the JSON it came from, duplicates beside it (conflicts where phone numbers were masked), and
//! a table saved in GB18030 with a bad cell named by file, line and column.

mod support;

use std::path::Path;
use support::{manyi, Run};

fn ok(args: &[&str]) -> Run {
    let r = manyi(args);
    assert_eq!(r.code, 0, "manyi {args:?}: {}", r.stderr);
    r
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// A sample of `kind` written as JSON, the responses.csv of its export, and the sample read.
fn sample_and_table(dir: &Path, kind: &str) -> (String, String, serde_json::Value) {
    let json = path(dir, &format!("{kind}.json"));
    ok(&["sample", "--questionnaire", kind, "--count", "300", "--seed", "5", "-o", &json]);
    let out = path(dir, &format!("{kind}-csv"));
    ok(&["export", "--responses", &json, "--csv", &out, "--exported-at", "2026-11-22T20:30:00+08:00"]);
    let value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    (json, path(Path::new(&out), "responses.csv"), value)
}

/// How many responses of a sample left a phone number.
fn with_phone(sample: &serde_json::Value) -> usize {
    sample["responses"].as_array().unwrap().iter().filter(|r| r["answers"].get("phone").is_some()).count()
}

#[test]
fn score_of_the_table_equals_score_of_its_json() {
    let dir = tempfile::tempdir().unwrap();
    let (json, table, sample) = sample_and_table(dir.path(), "hall");
    let phones = with_phone(&sample);
    assert!(phones > 0);
    let from_json = ok(&["score", "--responses", &json, "--by", "hall"]);
    let from_table = ok(&["score", "--responses", &table, "--by", "hall"]);
    let said = format!("responses.csv: {phones} phone numbers were masked in the file");
    assert!(from_table.stderr.contains(&said), "{}", from_table.stderr);
    // The table is in the order the responses were started, the JSON in the order drawn: the sums
    // run in another order, so figures agree to rounding; groups, sizes and flags exactly.
    let (a, b) =
        (from_table.stdout.lines().collect::<Vec<_>>(), from_json.stdout.lines().collect::<Vec<_>>());
    assert_eq!(a.len(), b.len());
    assert!(a.len() > 10, "{}", from_table.stdout);
    for (x, y) in a.iter().zip(&b) {
        for (u, v) in x.split(',').zip(y.split(',')) {
            match (u.parse::<f64>(), v.parse::<f64>()) {
                (Ok(u), Ok(v)) => assert!((u - v).abs() <= 1e-9 * v.abs().max(1.0), "{x}\n{y}"),
                _ => assert_eq!(u, v),
            }
        }
    }
}

#[test]
fn export_merges_a_table_with_its_json() {
    let dir = tempfile::tempdir().unwrap();
    let (json, table, _) = sample_and_table(dir.path(), "kano");
    let out = path(dir.path(), "merged");
    let r = ok(&["export", "--responses", &json, "--responses", &table, "--csv", &out]);
    assert!(r.stderr.contains("responses.csv: 0 added, 300 duplicates, 0 conflicts"), "{}", r.stderr);
    assert!(r.stderr.contains("300 responses to kano v1"), "{}", r.stderr);
    // The table alone exports the same responses table again.
    let again = path(dir.path(), "again");
    ok(&["export", "--responses", &table, "--csv", &again, "--exported-at", "2026-11-22T20:30:00+08:00"]);
    let first = std::fs::read(&table).unwrap();
    assert_eq!(std::fs::read(Path::new(&again).join("responses.csv")).unwrap(), first);

    let (json, table, sample) = sample_and_table(dir.path(), "hall");
    let phones = with_phone(&sample);
    let r = ok(&["export", "--responses", &json, "--responses", &table, "--csv", &out]);
    let said = format!("responses.csv: 0 added, {} duplicates, {phones} conflicts", 300 - phones);
    assert!(r.stderr.contains(&said), "{}", r.stderr);
}

#[test]
fn a_table_saved_in_gb18030_is_read_and_its_bad_cell_named() {
    let dir = tempfile::tempdir().unwrap();
    let header = "response_id,questionnaire_id,questionnaire_version,channel,status,hall,counter,staff,device,interviewer,business_type,customer_class,started_at,submitted_at,disposition,guide,wait,comment\r\n";
    let row = |id: u32, wait: &str| {
        let mut bytes =
            format!("00000000-0000-0000-0000-00000000000{id},hall,1,hall,break_off,").into_bytes();
        bytes.extend_from_slice(b"\xB3\xC7\xB6\xAB"); // 城东 in GBK
        bytes.extend_from_slice(
            format!(",,,,,,,2026-11-02T09:00:00+08:00,2026-11-02T09:01:00+08:00,,5,{wait},").as_bytes(),
        );
        bytes.extend_from_slice(b"\xCC\xAB\xC2\xFD\r\n"); // 太慢
        bytes
    };
    let good = [header.as_bytes(), &row(1, "2"), &row(2, "4.0")].concat();
    let file = path(dir.path(), "wps.csv");
    std::fs::write(&file, &good).unwrap();
    let out = path(dir.path(), "out");
    let r = ok(&["export", "--responses", &file, "--csv", &out, "--include-break-offs"]);
    assert!(r.stderr.contains("wps.csv: 2 added"), "{}", r.stderr);
    let written = std::fs::read_to_string(Path::new(&out).join("responses.csv")).unwrap();
    assert!(written.contains(",城东,") && written.contains(",太慢,"), "{written}");

    let bad_bytes = [header.as_bytes(), &row(1, "2"), &row(2, "x")].concat();
    std::fs::write(&file, bad_bytes).unwrap();
    let r = manyi(&["score", "--responses", &file]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("wps.csv, line 3, column 17 (`wait`): `x` is not a point of the scale"),
        "{}",
        r.stderr
    );
}

#[test]
fn another_table_is_not_taken_for_responses() {
    let dir = tempfile::tempdir().unwrap();
    let index = path(dir.path(), "index.csv");
    std::fs::write(&index, "\u{feff}dimension,group,n,index\r\noverall,all,3,70\r\n").unwrap();
    let r = manyi(&["score", "--responses", &index]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("index.csv, line 1: no column `response_id`: this is not a Manyi responses table"),
        "{}",
        r.stderr
    );
}
