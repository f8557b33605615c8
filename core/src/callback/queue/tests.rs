//! Queue order and filters.

use super::*;
use crate::callback::outcome::Outcome;
use crate::testing::at;

const LIST: &str = "ticket_id,customer_name,phone,ticket_type,ticket_date,due_date
T1,甲,13800000001,repair,2026-10-28,
T2,乙,13800000002,complaint,2026-10-30,2026-11-04
T3,丙,13800000003,repair,2026-10-29,2026-11-03
T4,丁,13800000004,payment,2026-10-27,2026-11-04
";

fn keys(cases: &[&Case]) -> Vec<String> {
    cases.iter().map(|c| c.key.to_string()).collect()
}

#[test]
fn order_is_due_date_then_ticket_date_with_undated_last() {
    let mut list = CallList::default();
    list.import(LIST.as_bytes(), "l.csv").unwrap();
    let now = at("2026-11-02T10:00:00+08:00");
    // T3 due 3 Nov; T4 and T2 both due 4 Nov, T4's ticket (27 Oct) older; T1 has no due date.
    assert_eq!(keys(&list.cases_in_order(now, &CaseFilter::default())), ["T3", "T4", "T2", "T1"]);
    assert_eq!(list.next_case(now, &CaseFilter::default()).unwrap().key.to_string(), "T3");
}

#[test]
fn filters_by_ticket_type_and_status() {
    let mut list = CallList::default();
    list.import(LIST.as_bytes(), "l.csv").unwrap();
    let now = at("2026-11-02T10:00:00+08:00");
    let repairs = CaseFilter { ticket_types: vec![BusinessType::Repair], status: None };
    assert_eq!(keys(&list.cases_in_order(now, &repairs)), ["T3", "T1"]);
    let key = list.cases_in_order(now, &repairs)[0].key.clone();
    list.record(&key, Attempt::new("A07", now, 120, Outcome::Complete), &SchedulingRules::default()).unwrap();
    assert_eq!(list.next_case(now, &repairs).unwrap().key.to_string(), "T1");
    let closed = CaseFilter { ticket_types: vec![], status: Some(CaseStatus::Closed) };
    assert_eq!(keys(&list.cases_in_order(now, &closed)), ["T3"]);
    assert!(list.next_case(now, &closed).is_none()); // a closed case is never next
    let open_payments =
        CaseFilter { ticket_types: vec![BusinessType::Payment], status: Some(CaseStatus::Open) };
    assert_eq!(keys(&list.cases_in_order(now, &open_payments)), ["T4"]);
}

#[test]
fn the_list_round_trips_as_json() {
    let mut list = CallList::default();
    list.import(LIST.as_bytes(), "l.csv").unwrap();
    let key = list.cases[0].key.clone();
    let appt = Outcome::Appointment { at: at("2026-11-03T15:00:00+08:00") };
    list.record(
        &key,
        Attempt::new("A07", at("2026-11-02T10:00:00+08:00"), 60, appt),
        &SchedulingRules::default(),
    )
    .unwrap();
    let json = serde_json::to_string(&list).unwrap();
    assert!(json.contains(r#""key":{"source":"ticket","id":"T1"}"#), "{json}");
    assert_eq!(serde_json::from_str::<CallList>(&json).unwrap(), list);
}

#[test]
fn a_list_imported_with_a_script_keeps_it_and_a_reimport_changes_no_case() {
    let script =
        QuestionnaireRef { id: crate::questionnaire::QuestionnaireId::new("repair_call"), version: 2 };
    let mut list = CallList::default();
    list.import(&LIST.as_bytes()[..LIST.find("\nT2").unwrap() + 1], "first.csv").unwrap();
    let summary = list.import_with_script(LIST.as_bytes(), "l.csv", Some(script.clone())).unwrap();
    assert_eq!(summary.already_listed.len(), 1);
    // T1 came first, without a script: the built-in callback interview; the rest ask `repair_call` v2.
    assert_eq!(list.cases[0].script, None);
    assert_eq!(list.cases[0].script_or_builtin().to_string(), "callback v1");
    assert!(list.cases[1..].iter().all(|c| c.script.as_ref() == Some(&script)));
    assert_eq!(list.cases.len(), 1 + summary.added.len());
    let json = serde_json::to_string(&list).unwrap();
    assert!(json.contains(r#""script":{"id":"repair_call","version":2}"#), "{json}");
    assert!(!json[..json.find("T2").unwrap()].contains("script"), "no script, no field: {json}");
    assert_eq!(serde_json::from_str::<CallList>(&json).unwrap(), list);
}
