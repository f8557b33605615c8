//! Export tables: stable columns, masked phones, every attempt's agent, time, duration and outcome.

use super::*;
use crate::callback::attempt::Attempt;
use crate::callback::outcome::Outcome;
use crate::callback::rates::{rates_by_group, RateClass};
use crate::callback::scheduling::SchedulingRules;
use crate::testing::at;

fn list() -> CallList {
    let mut l = CallList::default();
    let csv = "ticket_id,customer_name,phone,ticket_type,ticket_date,hall\nGD1,=张三,13812345678,repair,2026-10-30,城东营业厅\n";
    l.import(csv.as_bytes(), "l.csv").unwrap();
    let key = l.cases[0].key.clone();
    let rules = SchedulingRules::default();
    l.record(&key, Attempt::new("A07", at("2026-11-02T10:00:00+08:00"), 25, Outcome::NoAnswer), &rules)
        .unwrap();
    let done = Attempt::new("A08", at("2026-11-02T14:00:00+08:00"), 185, Outcome::Complete)
        .with_response(crate::response::ResponseId(uuid::Uuid::from_u128(7)));
    l.record(&key, done, &rules).unwrap();
    l
}

#[test]
fn cases_table_masks_phones_unless_allowed() {
    let l = list();
    let csv = String::from_utf8(cases_table(&l, Privacy::default()).to_csv(false)).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "case,source,customer,phone,ticket_type,ticket_date,hall,customer_class,due_date,priority,kiosk_overall,status,attempts,next_call_at,final_code,closed_at");
    // The name that looks like a formula is neutralised; closed at 14:00 + 185 s = 14:03:05.
    assert_eq!(lines[1], "GD1,ticket,'=张三,138****5678,repair,2026-10-30,城东营业厅,,,normal,,closed,2,,1.1,2026-11-02T14:03:05+08:00");
    let shown = cases_table(&l, Privacy { show_phone_numbers: true });
    assert_eq!(shown.rows[0][3], Cell::Text("13812345678".into()));
}

#[test]
fn attempts_table_has_every_call() {
    let t = attempts_table(&list());
    assert_eq!(t.columns, ATTEMPT_COLUMNS);
    let csv = String::from_utf8(t.to_csv(false)).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[1], "GD1,1,A07,2026-11-02T10:00:00+08:00,2026-11-02T10:00:25+08:00,25,no_answer,3.13,,");
    assert_eq!(
        lines[2],
        "GD1,2,A08,2026-11-02T14:00:00+08:00,2026-11-02T14:03:05+08:00,185,complete,1.1,,00000000-0000-0000-0000-000000000007"
    );
}

#[test]
fn rates_table_leaves_zero_denominators_empty() {
    let g = rates_by_group([("A07", RateClass::I), ("A07", RateClass::NC), ("A08", RateClass::NE)]);
    let csv = String::from_utf8(rates_table(&g).to_csv(false)).unwrap();
    // A07: RR1 = 1/2, COOP1 = 1/1, REF1 = 0/2, CON1 = 1/2. A08: only not eligible, no rate.
    assert_eq!(
        csv,
        "group,cases,I,P,R,NC,O,U,NE,RR1,COOP1,REF1,CON1\r\nA07,2,1,0,0,1,0,0,0,0.5,1,0,0.5\r\nA08,1,0,0,0,0,0,0,1,,,,\r\n"
    );
    let json = rates_table(&g).to_json_value();
    assert!(json[1]["RR1"].is_null());
}

#[test]
fn problems_table_has_status_and_age_of_open_records() {
    use crate::callback::problem::{Problem, ProblemId, Severity};
    let p = Problem {
        id: ProblemId(uuid::Uuid::from_u128(1)),
        response: None,
        case: None,
        found_at: at("2026-11-01T10:00:00+08:00"),
        found_by: "A07".into(),
        what: "总体满意度 1 分 (overall 1)".into(),
        responsible_unit: None,
        severity: Severity::Serious,
        remedy: None,
        deadline: None,
        result: None,
        assessed_by: None,
        closed_at: None,
    };
    let log = ProblemLog { problems: vec![p] };
    let t = problems_table(&log, at("2026-11-03T09:00:00+08:00"));
    assert_eq!(t.columns, PROBLEM_COLUMNS);
    let csv = String::from_utf8(t.to_csv(false)).unwrap();
    // Found 1 Nov, now 3 Nov: 2 days.
    assert!(csv.ends_with(",serious,,,,,,open,2,false\r\n"), "{csv}");
}
