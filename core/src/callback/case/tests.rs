//! Recording calls: re-queueing within calling hours, the attempt cap, appointments, final outcomes.
//! 2026-11-02 is a Monday (see scheduling's tests); default hours 09–12 and 14–20, Monday–Saturday.

use super::*;
use crate::callback::queue::{CallList, CaseFilter};
use crate::callback::scheduling::RetryDelays;
use crate::testing::at;

fn one_case() -> (CallList, CaseKey) {
    let mut list = CallList::default();
    let csv = "ticket_id,customer_name,phone,ticket_type,ticket_date,due_date\nGD1,张三,13812345678,repair,2026-10-30,2026-11-06\n";
    list.import(csv.as_bytes(), "l.csv").unwrap();
    (list, CaseKey::Ticket(TicketId::new("GD1")))
}

fn rules(no_answer_minutes: u32, max_attempts: u32) -> SchedulingRules {
    SchedulingRules {
        delays: RetryDelays { no_answer_minutes, ..RetryDelays::default() },
        max_attempts,
        ..SchedulingRules::default()
    }
}

fn call(start: &str, seconds: u32, outcome: Outcome) -> Attempt {
    Attempt::new("A07", at(start), seconds, outcome)
}

#[test]
fn no_answer_is_requeued_after_its_delay() {
    let (mut list, key) = one_case();
    let r = rules(30, 5);
    // Ends 10:00:40; + 30 min = 10:30:40, inside the morning window.
    let after = list.record(&key, call("2026-11-02T10:00:00+08:00", 40, Outcome::NoAnswer), &r).unwrap();
    assert_eq!(after, AfterAttempt::Retry { at: at("2026-11-02T10:30:40+08:00") });
    let all = CaseFilter::default();
    assert!(list.next_case(at("2026-11-02T10:30:39+08:00"), &all).is_none());
    assert_eq!(list.next_case(at("2026-11-02T10:30:40+08:00"), &all).unwrap().key, key);
}

#[test]
fn no_answer_at_ten_to_eight_lands_at_the_next_mornings_opening() {
    let (mut list, key) = one_case();
    let r = rules(30, 5);
    // Ends 19:50:40; + 30 min = 20:20:40, after the 20:00 close → Tuesday 09:00.
    let after = list.record(&key, call("2026-11-02T19:50:00+08:00", 40, Outcome::NoAnswer), &r).unwrap();
    assert_eq!(after, AfterAttempt::Retry { at: at("2026-11-03T09:00:00+08:00") });
    let all = CaseFilter::default();
    assert!(list.next_case(at("2026-11-02T20:30:00+08:00"), &all).is_none());
    assert!(list.next_case(at("2026-11-03T08:59:59+08:00"), &all).is_none());
    assert!(list.next_case(at("2026-11-03T09:00:00+08:00"), &all).is_some());
    assert_eq!(list.case(&key).unwrap().status(), CaseStatus::Open);
}

#[test]
fn the_cap_closes_with_the_last_no_contact_code() {
    let (mut list, key) = one_case();
    let r = rules(30, 3);
    list.record(&key, call("2026-11-02T09:00:00+08:00", 30, Outcome::NoAnswer), &r).unwrap();
    list.record(&key, call("2026-11-02T10:00:00+08:00", 5, Outcome::Busy), &r).unwrap();
    let third = list.record(&key, call("2026-11-02T11:00:00+08:00", 30, Outcome::NoAnswer), &r).unwrap();
    // Third call of 3, none final: closes as 3.13 no answer (the latest of equally informative).
    assert_eq!(third, AfterAttempt::Closed { disposition: Disposition::NoAnswer, cap_reached: true });
    let case = list.case(&key).unwrap();
    assert_eq!((case.status(), case.final_disposition.unwrap().code()), (CaseStatus::Closed, "3.13"));
    assert_eq!(case.closed_at(), Some(at("2026-11-02T11:00:30+08:00")));
    assert!(list.next_case(at("2026-11-03T10:00:00+08:00"), &CaseFilter::default()).is_none());
    let more = list.record(&key, call("2026-11-03T10:00:00+08:00", 30, Outcome::Complete), &r).unwrap_err();
    assert!(more.to_string().contains("closed with code 3.13"), "{more}");
}

#[test]
fn the_cap_keeps_the_most_informative_code() {
    // Busy, then an answering machine with a message, then no answer: the machine showed the
    // number is live, so 2.221 rather than 3.13.
    let (mut list, key) = one_case();
    let r = rules(30, 3);
    list.record(&key, call("2026-11-02T09:00:00+08:00", 5, Outcome::Busy), &r).unwrap();
    list.record(&key, call("2026-11-02T10:00:00+08:00", 40, Outcome::MachineMessageLeft), &r).unwrap();
    let last = list.record(&key, call("2026-11-02T15:00:00+08:00", 30, Outcome::NoAnswer), &r).unwrap();
    assert_eq!(
        last,
        AfterAttempt::Closed { disposition: Disposition::MachineMessageLeft, cap_reached: true }
    );
    assert_eq!(list.case(&key).unwrap().final_disposition.unwrap().code(), "2.221");
}

#[test]
fn an_appointment_is_called_at_its_time_first() {
    let mut list = CallList::default();
    let csv = "ticket_id,customer_name,phone,ticket_type,ticket_date,due_date\nGD1,张三,13812345678,repair,2026-10-30,2026-11-06\nGD2,李四,13912345678,repair,2026-10-29,2026-11-03\n";
    list.import(csv.as_bytes(), "l.csv").unwrap();
    let gd1 = CaseKey::Ticket(TicketId::new("GD1"));
    let r = SchedulingRules::default();
    let appt = at("2026-11-03T15:00:00+08:00");
    let after = list
        .record(&gd1, call("2026-11-02T10:05:00+08:00", 60, Outcome::Appointment { at: appt }), &r)
        .unwrap();
    assert_eq!(after, AfterAttempt::Appointment { at: appt });
    let all = CaseFilter::default();
    // Before its time GD1 waits and GD2 (due 3 Nov) is next; at 15:00 GD1 goes first although
    // GD2 is due earlier.
    assert_eq!(list.next_case(at("2026-11-03T14:59:00+08:00"), &all).unwrap().key.to_string(), "GD2");
    assert_eq!(list.next_case(appt, &all).unwrap().key, gd1);
    assert_eq!(list.case(&gd1).unwrap().pending_appointment(), Some(appt));
    assert_eq!(list.case(&gd1).unwrap().attempts_left(&r), 4);
}

#[test]
fn an_appointment_outside_hours_or_in_the_past_is_refused() {
    let (mut list, key) = one_case();
    let r = SchedulingRules::default();
    let late = Outcome::Appointment { at: at("2026-11-02T21:00:00+08:00") };
    let e = list.record(&key, call("2026-11-02T10:00:00+08:00", 60, late), &r).unwrap_err().to_string();
    assert!(e.contains("outside calling hours; the next opening is 2026-11-03T09:00:00+08:00"), "{e}");
    let past = Outcome::Appointment { at: at("2026-11-02T09:30:00+08:00") };
    assert!(list.record(&key, call("2026-11-02T10:00:00+08:00", 60, past), &r).is_err());
    // Nothing was recorded.
    assert!(list.case(&key).unwrap().attempts.is_empty());
}

#[test]
fn final_outcomes_close_at_once_and_calls_stay_in_order() {
    let (mut list, key) = one_case();
    let r = SchedulingRules::default();
    list.record(&key, call("2026-11-02T10:00:00+08:00", 20, Outcome::Busy), &r).unwrap();
    let e = list.record(&key, call("2026-11-02T09:00:00+08:00", 20, Outcome::Busy), &r).unwrap_err();
    assert!(e.to_string().contains("time order"), "{e}");
    let after = list.record(&key, call("2026-11-02T10:20:00+08:00", 300, Outcome::WrongNumber), &r).unwrap();
    assert_eq!(after, AfterAttempt::Closed { disposition: Disposition::WrongNumber, cap_reached: false });
    let case = list.case(&key).unwrap();
    assert_eq!((case.attempts.len(), case.next_call_at), (2, None));
    let (mut fresh, k) = one_case();
    let nobody = Attempt::new(" ", at("2026-11-02T11:00:00+08:00"), 1, Outcome::Busy);
    assert!(fresh.record(&k, nobody, &r).unwrap_err().to_string().contains("no interviewer id"));
    let unknown = CaseKey::Ticket(TicketId::new("nope"));
    assert!(list.record(&unknown, call("2026-11-02T11:00:00+08:00", 1, Outcome::Busy), &r).is_err());
}
