//! `manyi rates` on real files: AAPOR rates against values computed by hand, grouping, JSON, and
//! an unknown code reported with its file, line and column.

mod support;

use serde_json::Value;
use support::{manyi, write};

/// Eight closed cases and one open (C9, blank code: skipped).
const CASES: &str = "case,agent,final_code
C1,A07,1.1
C2,A07,1.1
C3,A07,2.11
C4,A07,2.221
C5,A08,1.2
C6,A08,3.13
C7,A08,4.32
C8,A08,2.12
C9,A08,
";

#[test]
fn rates_of_the_whole_list_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "cases.csv", CASES);
    let r = manyi(&["rates", &f, "--column", "final_code"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // I 2, P 1, R 2 (2.11, 2.12), NC 1, O 0, U 1, NE 1 of 8 cases.
    // RR1 = 2/((2+1)+(2+1+0)+1) = 2/7; COOP1 = 2/((2+1)+2+0) = 2/5;
    // REF1 = 2/7; CON1 = ((2+1)+2+0)/((2+1)+2+0+1+1) = 5/7.
    assert_eq!(
        r.stdout,
        "group,cases,I,P,R,NC,O,U,NE,RR1,COOP1,REF1,CON1\r\n\
         all,8,2,1,2,1,0,1,1,0.2857142857142857,0.4,0.2857142857142857,0.7142857142857143\r\n"
    );
}

#[test]
fn rates_by_agent_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "cases.csv", CASES);
    let r = manyi(&["--format", "json", "rates", &f, "--column", "final_code", "--by", "agent"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let close = |x: &Value, y: f64| (x.as_f64().unwrap() - y).abs() < 1e-12;
    // A07: I 2, R 1, NC 1 → RR1 = 2/4, COOP1 = 2/3, REF1 = 1/4, CON1 = 3/4.
    assert_eq!(
        (v[0]["group"].as_str(), v[0]["cases"].as_i64(), v[0]["NC"].as_i64()),
        (Some("A07"), Some(4), Some(1))
    );
    assert!(close(&v[0]["RR1"], 0.5) && close(&v[0]["COOP1"], 2.0 / 3.0));
    assert!(close(&v[0]["REF1"], 0.25) && close(&v[0]["CON1"], 0.75));
    // A08 (C9 open, left out): P 1, U 1, NE 1, R 1 → RR1 = 0/3, COOP1 = 0/2, REF1 = 1/3, CON1 = 2/3.
    assert_eq!(
        (v[1]["group"].as_str(), v[1]["cases"].as_i64(), v[1]["NE"].as_i64()),
        (Some("A08"), Some(4), Some(1))
    );
    assert!(close(&v[1]["RR1"], 0.0) && close(&v[1]["COOP1"], 0.0));
    assert!(close(&v[1]["REF1"], 1.0 / 3.0) && close(&v[1]["CON1"], 2.0 / 3.0));
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn zero_denominator_is_an_empty_cell() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "ne.csv", "case,code\nC1,4.10\nC2,4.32\n");
    let r = manyi(&["rates", &f, "--column", "code"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.ends_with("\r\nall,2,0,0,0,0,0,0,2,,,,\r\n"), "{}", r.stdout);
}

#[test]
fn unknown_code_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    // Excel-style file: BOM and CRLF; the bad code is on line 4, column 3.
    let f = write(
        dir.path(),
        "bad.csv",
        "\u{feff}case,agent,final_code\r\nC1,A07,1.1\r\nC2,A07,3.13\r\nC3,A08,2.5\r\n",
    );
    let r = manyi(&["rates", &f, "--column", "final_code"]);
    assert_ne!(r.code, 0);
    assert!(r.stdout.is_empty());
    let expected =
        format!("manyi: error: {f}, line 4, column 3 (`final_code`): `2.5` is not an AAPOR final code");
    assert!(r.stderr.starts_with(&expected), "{}", r.stderr);
    let missing = manyi(&["rates", &f, "--column", "code"]);
    assert_ne!(missing.code, 0);
    assert!(missing.stderr.contains("no column `code`"), "{}", missing.stderr);
}
