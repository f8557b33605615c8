//! AAPOR classes and rates against values computed by hand.

use super::*;
use crate::callback::attempt::Attempt;
use crate::callback::outcome::Outcome;
use crate::callback::scheduling::SchedulingRules;
use crate::callback::CaseKey;
use crate::testing::at;

fn class(code: &str) -> RateClass {
    RateClass::of_code(code).unwrap()
}

#[test]
fn every_disposition_has_its_aapor_class() {
    let classes: Vec<(&str, &str)> =
        Disposition::ALL.iter().map(|d| (d.code(), d.rate_class().code())).collect();
    assert_eq!(
        classes,
        [
            ("1.1", "I"),
            ("1.2", "P"),
            ("2.11", "R"),
            ("2.12", "R"),
            ("2.20", "NC"),
            ("2.21", "NC"),
            ("2.221", "NC"),
            ("2.222", "NC"),
            ("3.12", "U"),
            ("3.13", "U"),
            ("3.16", "U"),
            ("4.10", "NE"),
            ("4.32", "NE"),
        ]
    );
    assert_eq!(class("2.32"), RateClass::O);
    assert_eq!(class(" 3.21 "), RateClass::U);
    for bad in ["2.0", "1.3", "5.1", "abc", "1.", "1.1a", "", "11"] {
        assert!(RateClass::of_code(bad).is_err(), "{bad}");
    }
}

#[test]
fn rates_of_a_small_list_by_hand() {
    // 4 complete, 1 partial, refusal + break-off, 2 non-contacts, 1 other, 2 unknown, 1 not eligible.
    let codes =
        ["1.1", "1.1", "1.1", "1.1", "1.2", "2.11", "2.12", "2.221", "2.21", "2.32", "3.13", "3.12", "4.10"];
    let g = rates_by_group(codes.iter().map(|c| ("all", class(c))));
    assert_eq!(g.len(), 1);
    let r = g[0].rates;
    assert_eq!(r.counts, RateCounts { cases: 13, i: 4, p: 1, r: 2, nc: 2, o: 1, u: 2, ne: 1 });
    // RR1 = 4 / ((4+1) + (2+2+1) + 2) = 4/12
    assert_eq!(r.rr1, Some(4.0 / 12.0));
    // COOP1 = 4 / ((4+1) + 2 + 1) = 4/8
    assert_eq!(r.coop1, Some(0.5));
    // REF1 = 2 / 12
    assert_eq!(r.ref1, Some(2.0 / 12.0));
    // CON1 = ((4+1) + 2 + 1) / ((4+1) + 2 + 1 + 2 + 2) = 8/12
    assert_eq!(r.con1, Some(8.0 / 12.0));
}

#[test]
fn zero_denominators_give_no_rate() {
    let only_ne = RateCounts { cases: 2, ne: 2, ..RateCounts::default() }.rates();
    assert_eq!((only_ne.rr1, only_ne.coop1, only_ne.ref1, only_ne.con1), (None, None, None, None));
    // One unknown: RR1 = 0/1, COOP1 has denominator 0, REF1 = 0/1, CON1 = 0/(0+1).
    let only_u = RateCounts { cases: 1, u: 1, ..RateCounts::default() }.rates();
    assert_eq!((only_u.rr1, only_u.coop1, only_u.ref1, only_u.con1), (Some(0.0), None, Some(0.0), Some(0.0)));
}

#[test]
fn list_rates_per_agent_and_per_day() {
    let mut list = CallList::default();
    let csv = "ticket_id,customer_name,phone,ticket_type,ticket_date\nT1,甲,13800000001,repair,2026-10-28\nT2,乙,13800000002,repair,2026-10-28\nT3,丙,13800000003,repair,2026-10-28\nT4,丁,13800000004,repair,2026-10-28\n";
    list.import(csv.as_bytes(), "l.csv").unwrap();
    let rules = SchedulingRules::default();
    let mut call = |t: &str, agent: &str, start: &str, o: Outcome| {
        let key = CaseKey::Ticket(crate::callback::TicketId::new(t));
        list.record(&key, Attempt::new(agent, at(start), 60, o), &rules).unwrap();
    };
    call("T1", "A07", "2026-11-02T10:00:00+08:00", Outcome::Complete);
    call("T2", "A08", "2026-11-02T10:00:00+08:00", Outcome::Refusal);
    call("T3", "A08", "2026-11-02T10:10:00+08:00", Outcome::NoAnswer);
    call("T3", "A07", "2026-11-03T10:00:00+08:00", Outcome::WrongNumber);
    call("T4", "A07", "2026-11-03T11:00:00+08:00", Outcome::Busy); // still open: left out

    let all = list.rates(RatesBy::List);
    // Closed: T1 I, T2 R, T3 NE. RR1 = 1/(1+1) = 0.5.
    assert_eq!((all[0].group.as_str(), all[0].rates.counts.cases, all[0].rates.rr1), ("all", 3, Some(0.5)));

    // By the agent of the closing call: A07 closed T1 (I) and T3 (NE); A08 closed T2 (R).
    let agents = list.rates(RatesBy::Agent);
    let a07 = agents[0].rates;
    assert_eq!(
        (agents[0].group.as_str(), a07.counts.cases, a07.rr1, a07.ref1),
        ("A07", 2, Some(1.0), Some(0.0))
    );
    let a08 = agents[1].rates;
    // A08: RR1 = 0/1, COOP1 = 0/1, REF1 = 1/1, CON1 = 1/1.
    assert_eq!((a08.rr1, a08.coop1, a08.ref1, a08.con1), (Some(0.0), Some(0.0), Some(1.0), Some(1.0)));

    // By day: 2 Nov has T1 (I) and T2 (R): RR1 = COOP1 = REF1 = 1/2, CON1 = 2/2; 3 Nov has T3 (NE) only.
    let days = list.rates(RatesBy::Day);
    let names: Vec<&str> = days.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(names, ["2026-11-02", "2026-11-03"]);
    let d1 = days[0].rates;
    assert_eq!((d1.rr1, d1.coop1, d1.ref1, d1.con1), (Some(0.5), Some(0.5), Some(0.5), Some(1.0)));
    assert_eq!((days[1].rates.counts.ne, days[1].rates.rr1), (1, None));
}

#[test]
fn per_list_the_kiosks_requests_and_each_imported_file_are_apart() {
    let mut list = CallList::default();
    list.import(
        "ticket_id,customer_name,phone,ticket_type,ticket_date\nT1,甲,13800000001,repair,2026-10-28\n"
            .as_bytes(),
        "十月.csv",
    )
    .unwrap();
    list.import("ticket_id,customer_name,phone,ticket_type,ticket_date\nT2,乙,13800000002,repair,2026-10-28\nT3,丙,13800000003,repair,2026-10-28\n".as_bytes(), "十一月.csv").unwrap();
    let mut kiosk = list.cases[0].clone();
    kiosk.key = CaseKey::Kiosk(crate::response::ResponseId(uuid::Uuid::from_u128(1)));
    kiosk.list = None;
    list.cases.push(kiosk.clone());
    let rules = SchedulingRules::default();
    let mut call = |key: CaseKey, o: Outcome| {
        list.record(&key, Attempt::new("A07", at("2026-11-02T10:00:00+08:00"), 60, o), &rules).unwrap();
    };
    let ticket = |t: &str| CaseKey::Ticket(crate::callback::TicketId::new(t));
    call(ticket("T1"), Outcome::Complete);
    call(ticket("T2"), Outcome::Refusal);
    call(ticket("T3"), Outcome::Complete);
    call(kiosk.key.clone(), Outcome::Refusal);
    let groups = list.rates(RatesBy::List);
    let names: Vec<&str> = groups.iter().map(|g| g.group.as_str()).collect();
    // The whole first, then the kiosk's requests and each file.
    assert_eq!(names, ["all", KIOSK_LIST, "十一月.csv", "十月.csv"]);
    let rr1: Vec<Option<f64>> = groups.iter().map(|g| g.rates.rr1).collect();
    // all: I 2 of 4 → 0.5; kiosk: R → 0; 十一月: I and R → 0.5; 十月: I → 1.
    assert_eq!(rr1, [Some(0.5), Some(0.0), Some(0.5), Some(1.0)]);
}
