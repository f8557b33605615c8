//! The agent's keys driven through the workspace's state, natively: a whole interview, a
//! no-answer, an appointment outside calling hours.

use super::*;
use crate::callback::appointment::appointment_time;
use chrono::DateTime;
use manyi_core::callback::OutcomeKind;
use manyi_core::callback::{AfterAttempt, CaseStatus};
use manyi_core::questionnaire::item::ChoiceCode;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::disposition::Disposition;

fn at(hms: &str) -> DateTime<FixedOffset> {
    // 2026-11-02 is a Monday.
    DateTime::parse_from_rfc3339(&format!("2026-11-02T{hms}+08:00")).unwrap()
}

fn desk() -> Rc<Desk> {
    let mut list = CallList::default();
    let csv = "工单号,客户名称,联系电话,工单类型,受理日期\nGD1,张三,13812345678,故障报修,2026-10-30\n";
    list.import(csv.as_bytes(), "l.csv").unwrap();
    loaded(list, Library::default())
}

fn loaded(list: CallList, library: Library) -> Rc<Desk> {
    let settings = Settings { agent: "A07".into(), show_phone_numbers: false };
    let d = Rc::new(Desk::new(settings, at("10:00:00")));
    let (library, at) = (Rc::new(library), at("10:00:00"));
    let d = d.reduce(DeskAction::Loaded { cases: list.cases, problems: vec![], call: None, library, at });
    d.reduce(DeskAction::NextCase)
}

fn press(d: Rc<Desk>, keys: &[&str]) -> Rc<Desk> {
    // Keys pressed at the desk's time (the clock does not move).
    keys.iter().enumerate().fold(d, |d, (i, k)| {
        let at = d.now;
        d.reduce(DeskAction::Key { press: KeyPress::key(k), at, id: Uuid::from_u128(100 + i as u128) })
    })
}

#[test]
fn a_whole_interview_by_keys() {
    let d = press(desk(), &["Enter"]);
    assert_eq!(d.key_screen(), Some(KeyScreen::Dialling));
    // Begin, resolved = yes, then 4, 5, a 3 corrected to 2 after going back, overall 4.
    let d = press(
        d,
        &["Enter", "y", "Enter", "4", "Enter", "5", "Enter", "3", "Enter", "Backspace", "2", "Enter", "4"],
    );
    let r = d.call.as_ref().unwrap().call.response().unwrap().clone();
    assert_eq!(r.answers.len(), 4, "the 4 for overall is only chosen, not confirmed");
    assert_eq!(d.call.as_ref().unwrap().keyed.answer, Some(Answer::Rating(4)));
    let d = press(d, &["Enter"]);
    assert!(matches!(d.key_screen(), Some(KeyScreen::Question(k)) if k.in_field()));
    let d = d.reduce(DeskAction::Key {
        press: KeyPress::in_field("Enter", " 抢修很快 "),
        at: at("10:02:00"),
        id: Uuid::from_u128(1),
    });
    assert_eq!(d.key_screen(), Some(KeyScreen::Submitted));
    let d = d.reduce(DeskAction::Key {
        press: KeyPress::key("Enter"),
        at: at("10:02:30"),
        id: Uuid::from_u128(2),
    });
    let save = d.saving.clone().unwrap();
    let f = &save.finished;
    assert_eq!(f.after, AfterAttempt::Closed { disposition: Disposition::Complete, cap_reached: false });
    let r = f.response.as_ref().unwrap();
    let get = |item: &str| r.answers.get(item).cloned();
    assert_eq!(
        (get("informed"), get("overall"), get("comment")),
        (Some(Answer::Rating(2)), Some(Answer::Rating(4)), Some(Answer::Text("抢修很快".into())))
    );
    assert_eq!(f.case.attempts[0].duration_seconds, 150, "10:00:00 to 10:02:30");
    // Nothing changes in the list until the page has stored it.
    assert_eq!(d.list.cases[0].status(), CaseStatus::Open);
    assert_eq!(d.key_screen(), None, "keys wait while the call is stored");
    let d = d.reduce(DeskAction::CallSaved);
    assert_eq!(d.list.cases[0].final_disposition, Some(Disposition::Complete));
    assert!(d.call.is_none() && d.saving.is_none());
    assert!(d.problems.problems.is_empty(), "informed 2 but overall 4 and resolved: no problem");
}

#[test]
fn a_no_answer_is_requeued_and_a_low_score_opens_a_problem() {
    let d = press(desk(), &["Enter", "a"]);
    let f = d.saving.clone().unwrap();
    // Ends 10:00:00 + 120 min = 12:00, the end of the morning window (excluded) → 14:00.
    assert_eq!(f.finished.after, AfterAttempt::Retry { at: at("14:00:00") });
    let d = d.reduce(DeskAction::CallSaved);
    assert_eq!(d.list.cases[0].next_call_at, Some(at("14:00:00")));
    assert!(d.message.as_ref().is_some_and(|m| !m.error && m.text.zh.ends_with("无人接听")));
    // Not callable before 14:00.
    let d = d.reduce(DeskAction::NextCase);
    assert!(d.message.as_ref().unwrap().error);
    let d = d.reduce(DeskAction::Tick(at("14:00:00"))).reduce(DeskAction::NextCase);
    let d =
        press(d, &["Enter", "Enter", "n", "Enter", "2", "Enter", "2", "Enter", "1", "Enter", "1", "Enter"]);
    let d = d.reduce(DeskAction::Key {
        press: KeyPress::in_field("Enter", ""),
        at: at("14:03:00"),
        id: Uuid::nil(),
    });
    let d = d.reduce(DeskAction::Key {
        press: KeyPress::key("Enter"),
        at: at("14:03:10"),
        id: Uuid::from_u128(77),
    });
    let d = d.reduce(DeskAction::CallSaved);
    let p = &d.problems.problems[0];
    assert_eq!((p.id.0, p.found_by.as_str(), p.is_open()), (Uuid::from_u128(77), "A07", true));
}

#[test]
fn escape_offers_only_the_outcomes_the_call_allows() {
    let d = press(desk(), &["Enter", "Enter", "y", "Enter"]);
    // Answers given: no-answer is not an outcome any more; Esc opens the list, X is a break-off.
    let d = press(d, &["a"]);
    assert!(d.saving.is_none());
    let d = press(d, &["Escape"]);
    assert_eq!(d.key_screen(), Some(KeyScreen::Outcomes));
    let d = press(d, &["Escape", "Escape", "x", "Enter"]);
    let f = &d.saving.as_ref().unwrap().finished;
    assert_eq!(f.response.as_ref().map(|r| r.status), Some(Status::BreakOff));
    assert_eq!(f.case.final_disposition, Some(Disposition::BreakOff));
}

#[test]
fn appointments_within_calling_hours_only() {
    let d = press(desk(), &["Enter", "s"]);
    assert_eq!(d.key_screen(), Some(KeyScreen::Appointment));
    let typed = |d: Rc<Desk>, text: &str| {
        d.reduce(DeskAction::Key {
            press: KeyPress::in_field("Enter", text),
            at: at("10:01:00"),
            id: Uuid::nil(),
        })
    };
    let d = typed(d, "2026-11-02T12:30");
    let error = d.call.as_ref().unwrap().appointment_error.clone().unwrap();
    assert_eq!(error.zh, "不在回访时段内，最近可预约时间：2026-11-02 14:00");
    let d = typed(d, "2026-11-02T09:30");
    assert_eq!(d.call.as_ref().unwrap().appointment_error, Some(T::AppointmentPast.text()));
    let d = typed(d, "2026-11-03T15:00");
    let f = &d.saving.as_ref().unwrap().finished;
    assert_eq!(
        f.after,
        AfterAttempt::Appointment { at: DateTime::parse_from_rfc3339("2026-11-03T15:00:00+08:00").unwrap() }
    );
}

#[test]
fn a_call_needs_the_agents_id_and_escape_cancels_it_unrecorded() {
    let d = desk().reduce(DeskAction::Settings(Settings::default()));
    let d = press(d, &["Enter"]);
    assert!(d.call.is_none());
    assert_eq!(d.message.as_ref().unwrap().text, T::NeedAgent.text());
    let d = d.reduce(DeskAction::Settings(Settings { agent: "A07".into(), show_phone_numbers: false }));
    let d = press(d, &["Enter", "Escape"]);
    assert!(d.call.is_none() && d.saving.is_none());
    assert!(d.list.cases[0].attempts.is_empty());
}

#[test]
fn a_comment_typed_before_escape_is_kept_and_the_appointment_is_proposed() {
    let d = press(
        desk(),
        &["Enter", "Enter", "y", "Enter", "3", "Enter", "3", "Enter", "3", "Enter", "3", "Enter"],
    );
    assert!(matches!(d.key_screen(), Some(KeyScreen::Question(k)) if k.in_field()));
    let esc = KeyPress::in_field("Escape", "电话总打不通");
    let now = d.now;
    let d = d.reduce(DeskAction::Key { press: esc, at: now, id: Uuid::nil() });
    assert_eq!(d.key_screen(), Some(KeyScreen::Outcomes));
    let r = d.call.as_ref().unwrap().call.response().unwrap();
    assert_eq!(r.answers.get("comment"), Some(&Answer::Text("电话总打不通".into())));
    let d = press(d, &["p", "Enter"]);
    let f = &d.saving.as_ref().unwrap().finished;
    assert_eq!(
        f.response.as_ref().unwrap().answers.get("comment"),
        Some(&Answer::Text("电话总打不通".into()))
    );
    assert_eq!(f.case.final_disposition, Some(Disposition::Partial));

    // S at 10:00 proposes 11:00 (the next opening an hour on); at 11:30 it would be 14:00.
    let d = press(desk(), &["Enter", "s"]);
    assert_eq!(d.call.as_ref().unwrap().appointment_text, "2026-11-02 11:00");
    let d = press(desk().reduce(DeskAction::Tick(at("11:30:00"))), &["Enter", "s"]);
    assert_eq!(d.call.as_ref().unwrap().appointment_text, "2026-11-02 14:00");
}

#[test]
fn an_outcome_that_closes_the_case_is_asked_first_and_n_opens_the_next_case() {
    let mut list = CallList::default();
    let csv = "工单号,客户名称,联系电话,工单类型,受理日期,回访期限\nGD1,张三,13812345678,故障报修,2026-10-30,2026-11-01\nGD2,李四,13812345679,缴费,2026-10-30,2026-11-02\n";
    list.import(csv.as_bytes(), "l.csv").unwrap();
    let d = loaded(list, Library::default());
    // R (refusal, which closes the case) asks; Esc goes back to the call, nothing recorded.
    let d = press(d, &["Enter", "r"]);
    assert_eq!(d.key_screen(), Some(KeyScreen::Confirm(OutcomeKind::Refusal)));
    assert!(d.saving.is_none());
    let d = press(d, &["Escape"]);
    assert_eq!((d.key_screen(), d.saving.is_none()), (Some(KeyScreen::Dialling), true));
    // R then Enter records it.
    let d = press(d, &["r", "Enter"]);
    assert_eq!(d.saving.as_ref().unwrap().finished.case.final_disposition, Some(Disposition::Refusal));
    let d = d.reduce(DeskAction::CallSaved);
    assert_eq!(d.selected.as_ref().map(ToString::to_string).as_deref(), Some("GD1"));
    // N: the next case, without the mouse.
    let d = press(d, &["n"]);
    assert_eq!(d.selected.as_ref().map(ToString::to_string).as_deref(), Some("GD2"));
    // A temporary outcome (B, busy) is recorded at once: the case stays open.
    let d = press(d, &["Enter", "b"]);
    assert_eq!(d.saving.as_ref().unwrap().finished.case.final_disposition, None);
}

#[test]
fn appointment_times_as_agents_type_them() {
    let now = at("10:00:00");
    let t = |s: &str| appointment_time(s, now).map(|t| t.to_rfc3339());
    let want = Some("2026-12-04T15:00:00+08:00".to_owned());
    for typed in [
        "202612041500",
        "2026-12-04 15:00",
        "2026-12-04T15:00",
        "2026/12/4 15:00",
        "2026.12.04 1500",
        "12-04 15:00",
        "12041500",
        " 2026年12月4日 15:00 ",
    ] {
        assert_eq!(t(typed), want, "{typed}");
    }
    // A time alone is today; a month and day already past this year is next year's.
    assert_eq!(t("16:30"), Some("2026-11-02T16:30:00+08:00".to_owned()));
    assert_eq!(t("01-15 09:00"), Some("2027-01-15T09:00:00+08:00".to_owned()));
    for wrong in ["", "61204-02-02T15:00", "2026-13-04 15:00", "2026-12-04 25:00", "明天"] {
        assert_eq!(t(wrong), None, "{wrong}");
    }
}

/// An interviewer-read script made in the editor: a 0–10 overall, a multiple choice of 12
/// options, an optional rating on 1–5 and a number of minutes (0–600).
fn authored() -> Questionnaire {
    let options: Vec<String> = (1..=12)
        .map(|i| format!(r#"{{"code":"o{i}","label":{{"zh":"选项{i}","en":"Option {i}"}}}}"#))
        .collect();
    let json = format!(
        r#"{{"id":"repair_call","version":2,"mode":"interviewer","title":{{"zh":"抢修回访","en":"Repair call"}},
        "scales":{{"eleven":{{"min":0,"max":10}},"five":{{"min":1,"max":5}}}},
        "items":[
          {{"id":"score","text":{{"zh":"总体","en":"Overall"}},"required":true,"kind":{{"type":"rating","scale":"eleven"}}}},
          {{"id":"what","text":{{"zh":"哪些方面","en":"Which"}},"required":true,"kind":{{"type":"multiple_choice","options":[{}]}}}},
          {{"id":"extra","text":{{"zh":"附加","en":"Extra"}},"kind":{{"type":"rating","scale":"five"}}}},
          {{"id":"minutes","text":{{"zh":"等了多久","en":"Minutes"}},"required":true,"kind":{{"type":"number","min":0,"max":600}}}}],
        "scoring":{{"overall":"score"}}}}"#,
        options.join(",")
    );
    Questionnaire::from_json(&json, "repair_call").unwrap()
}

fn field(d: Rc<Desk>, text: &str) -> Rc<Desk> {
    let at = d.now;
    d.reduce(DeskAction::Key { press: KeyPress::in_field("Enter", text), at, id: Uuid::nil() })
}

#[test]
fn a_list_imported_with_an_authored_script_is_interviewed_with_it() {
    let script = authored();
    let mut list = CallList::default();
    let csv = "工单号,客户名称,联系电话,工单类型,受理日期\nGD2,李四,13812345678,故障报修,2026-10-30\n";
    list.import_with_script(csv.as_bytes(), "l.csv", Some(script.reference())).unwrap();
    let d = loaded(list, Library::new(vec![script]));
    // 1, 0 is ten on 0–10; Enter confirms and goes on.
    let d = press(d, &["Enter", "Enter", "1", "0", "Enter"]);
    // Options 12 and 3: a 1 waits for a second digit; Space takes a pending 1 alone.
    let d = press(d, &["1", "2", "3", "1", " ", "Enter"]);
    // The optional rating is skipped with Enter.
    let d = press(d, &["Enter"]);
    assert!(matches!(d.key_screen(), Some(KeyScreen::Question(k)) if k.in_field()));
    // A number off its range is said and kept off the response; a good one submits.
    let d = field(d, "900");
    assert!(d.message.as_ref().is_some_and(|m| m.error && m.text.zh.starts_with("这个答案不能记录")));
    let d = field(d, "十二");
    assert_eq!(d.message.as_ref().map(|m| m.text.zh.as_str()), Some("“十二”不是数字"));
    let d = field(d, "12.5");
    assert_eq!(d.key_screen(), Some(KeyScreen::Submitted));
    let r = d.call.as_ref().unwrap().call.response().unwrap().clone();
    assert_eq!(r.questionnaire.to_string(), "repair_call v2");
    let codes = |c: &[&str]| Answer::Choices(c.iter().map(|s| ChoiceCode::new(*s)).collect());
    assert_eq!(
        (r.answers.get("score"), r.answers.get("what"), r.answers.get("extra"), r.answers.get("minutes")),
        (Some(&Answer::Rating(10)), Some(&codes(&["o1", "o3", "o12"])), None, Some(&Answer::Number(12.5)))
    );
}

#[test]
fn a_case_whose_script_is_not_on_the_device_cannot_begin_its_interview() {
    let mut list = CallList::default();
    let csv = "工单号,客户名称,联系电话,工单类型,受理日期\nGD3,王五,13812345678,故障报修,2026-10-30\n";
    list.import_with_script(csv.as_bytes(), "l.csv", Some(authored().reference())).unwrap();
    let d = press(loaded(list, Library::default()), &["Enter", "Enter"]);
    assert!(d.call.as_ref().unwrap().call.interview.is_none());
    let m = d.message.as_ref().unwrap();
    assert!(m.error && m.text.zh.contains("repair_call v2"), "{:?}", m.text);
}
