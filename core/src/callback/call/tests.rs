//! A call from its start to its outcome: the interview keyed in, the attempt with its duration
//! and response, the response closed with the call's code, and the problem a low score opens.
//! 2026-11-02 is a Monday (see scheduling's tests); default hours 09–12 and 14–20.

use super::*;
use crate::callback::problem::Severity;
use crate::callback::queue::CallList;
use crate::callback::TicketId;
use crate::questionnaire::builtin::Builtin;
use crate::questionnaire::item::ItemId;
use crate::response::answer::Answer;
use crate::response::disposition::Disposition;
use crate::response::tags::BusinessType;
use crate::testing::at;

fn case() -> Case {
    let mut list = CallList::default();
    let csv = "工单号,客户名称,联系电话,工单类型,受理日期,营业厅\nGD7,王五,13812345678,故障报修,2026-10-30,城东营业厅\n";
    list.import(csv.as_bytes(), "l.csv").unwrap();
    list.cases.remove(0)
}

fn t(hms: &str) -> DateTime<FixedOffset> {
    at(&format!("2026-11-02T{hms}+08:00"))
}

/// Keys in the callback interview: each answer on its own screen, confirmed at once.
fn key_in(call: &mut Call, answers: &[(&str, Answer)]) {
    for (item, answer) in answers {
        let page = call.interview.as_ref().unwrap().plan.page_of(item).unwrap();
        let action = SurveyAction::Answer {
            page,
            item: ItemId::new(*item),
            answer: answer.clone(),
            at: t("10:01:00"),
        };
        assert!(call.apply(action), "{item}");
    }
}

fn interviewed(overall: i32, resolved: Answer) -> (Case, Call) {
    let case = case();
    let mut call = Call::start(&case, " A07 ", t("10:00:00")).unwrap();
    assert!(call.begin_interview(
        Builtin::Callback.questionnaire(),
        &case,
        Uuid::from_u128(1),
        t("10:00:20")
    ));
    key_in(
        &mut call,
        &[
            ("resolved", resolved),
            ("timeliness", Answer::Rating(4)),
            ("attitude", Answer::Rating(5)),
            ("informed", Answer::Rating(3)),
            ("overall", Answer::Rating(overall)),
        ],
    );
    (case, call)
}

fn submit(call: &mut Call) {
    let page = call.interview.as_ref().unwrap().plan.page_of("comment").unwrap();
    assert!(call.apply(SurveyAction::Submit { page, at: t("10:02:00") }));
}

#[test]
fn a_completed_interview_closes_the_case_with_its_response() {
    let (case, mut call) = interviewed(4, Answer::Yes);
    assert_eq!(call.allowed_outcomes(), UNFINISHED_INTERVIEW_OUTCOMES);
    submit(&mut call);
    assert_eq!(call.allowed_outcomes(), [OutcomeKind::Complete]);
    let rules = SchedulingRules::default();
    let done = call.finish(&case, Outcome::Complete, t("10:02:35"), &rules, Uuid::from_u128(9)).unwrap();
    assert_eq!(done.after, AfterAttempt::Closed { disposition: Disposition::Complete, cap_reached: false });
    let r = done.response.unwrap();
    assert_eq!(
        (r.status, r.disposition, r.channel),
        (Status::Complete, Some(Disposition::Complete), Channel::Callback)
    );
    // The interview carries the ticket's facts and the agent (trimmed).
    assert_eq!(r.tags.interviewer.as_ref().map(TagValue::as_str), Some("A07"));
    assert_eq!(
        (r.tags.business_type, r.tags.hall.as_ref().map(TagValue::as_str)),
        (Some(BusinessType::Repair), Some("城东营业厅"))
    );
    // 10:00:00 to 10:02:35 is 155 s.
    let attempt = done.case.attempts.last().unwrap();
    assert_eq!(
        (attempt.duration_seconds, attempt.response, attempt.interviewer.as_str()),
        (155, Some(r.id), "A07")
    );
    assert_eq!(done.case.final_disposition, Some(Disposition::Complete));
    assert!(done.problem.is_none(), "overall 4, resolved: satisfied");
    // The caller's case is untouched until the caller stores the result.
    assert!(case.attempts.is_empty());
}

#[test]
fn a_low_score_opens_a_problem_found_by_the_agent() {
    let (case, mut call) = interviewed(2, Answer::No);
    submit(&mut call);
    let done = call
        .finish(&case, Outcome::Complete, t("10:03:00"), &SchedulingRules::default(), Uuid::from_u128(9))
        .unwrap();
    let p = done.problem.unwrap();
    assert_eq!(p.response, done.response.map(|r| r.id));
    assert_eq!(p.case, Some(CaseKey::Ticket(TicketId::new("GD7"))));
    assert_eq!((p.found_by.as_str(), p.found_at), ("A07", t("10:03:00")));
    // Overall 2 with the ticket unresolved: serious (problem.rs).
    assert_eq!(p.severity, Severity::Serious);
    assert!(p.what.contains("总体满意度 2 分") && p.what.contains("问题未办结"), "{}", p.what);
    assert!(p.is_open());
}

#[test]
fn a_hang_up_mid_interview_is_a_break_off_with_the_answers_kept() {
    let case = case();
    let mut call = Call::start(&case, "A07", t("10:00:00")).unwrap();
    call.begin_interview(Builtin::Callback.questionnaire(), &case, Uuid::from_u128(1), t("10:00:20"));
    key_in(&mut call, &[("resolved", Answer::No)]);
    let rules = SchedulingRules::default();
    // Complete is not offered before the interview is submitted, nor a no-answer once answered.
    for wrong in [Outcome::Complete, Outcome::NoAnswer] {
        let e = call.finish(&case, wrong, t("10:01:00"), &rules, Uuid::nil()).unwrap_err().to_string();
        assert!(e.contains("may end with partial, break_off"), "{e}");
    }
    let done = call.finish(&case, Outcome::BreakOff, t("10:01:00"), &rules, Uuid::from_u128(3)).unwrap();
    let r = done.response.unwrap();
    assert_eq!((r.status, r.disposition), (Status::BreakOff, Some(Disposition::BreakOff)));
    assert_eq!(r.answers.len(), 1);
    assert_eq!(done.case.final_disposition, Some(Disposition::BreakOff));
    // "Not resolved" alone opens a record too.
    assert_eq!(done.problem.map(|p| p.severity), Some(Severity::General));
}

#[test]
fn no_answer_records_an_attempt_without_a_response_and_requeues() {
    let case = case();
    let mut call = Call::start(&case, "A07", t("10:00:00")).unwrap();
    assert_eq!(call.allowed_outcomes(), NO_INTERVIEW_OUTCOMES);
    // An interview begun but with nothing answered still allows every no-interview outcome.
    call.begin_interview(Builtin::Callback.questionnaire(), &case, Uuid::from_u128(1), t("10:00:05"));
    assert_eq!(call.allowed_outcomes(), NO_INTERVIEW_OUTCOMES);
    let done = call
        .finish(&case, Outcome::NoAnswer, t("10:00:30"), &SchedulingRules::default(), Uuid::nil())
        .unwrap();
    // Ends 10:00:30 + 120 min no-answer delay = 12:00:30, lunch → 14:00.
    assert_eq!(done.after, AfterAttempt::Retry { at: t("14:00:00") });
    assert_eq!(done.case.next_call_at, Some(t("14:00:00")));
    assert!(done.response.is_none() && done.problem.is_none());
    assert_eq!(done.case.attempts[0].response, None);
}

#[test]
fn an_appointment_outside_calling_hours_changes_nothing() {
    let case = case();
    let call = Call::start(&case, "A07", t("10:00:00")).unwrap();
    let rules = SchedulingRules::default();
    let lunch = Outcome::Appointment { at: t("12:30:00") };
    let e = call.finish(&case, lunch, t("10:00:40"), &rules, Uuid::nil()).unwrap_err().to_string();
    assert!(e.contains("outside calling hours; the next opening is 2026-11-02T14:00:00+08:00"), "{e}");
    let ok =
        call.finish(&case, Outcome::Appointment { at: t("15:00:00") }, t("10:00:40"), &rules, Uuid::nil());
    assert_eq!(ok.unwrap().after, AfterAttempt::Appointment { at: t("15:00:00") });
}

#[test]
fn a_call_needs_an_agent_and_an_open_case() {
    let mut case = case();
    let e = Call::start(&case, "  ", t("10:00:00")).unwrap_err().to_string();
    assert!(e.contains("agent's id"), "{e}");
    case.final_disposition = Some(Disposition::Refusal);
    assert!(Call::start(&case, "A07", t("10:00:00")).is_err());
}

#[test]
fn a_call_resumes_from_its_slot_with_the_stored_draft() {
    let (case, call) = interviewed(4, Answer::Yes);
    let slot = call.slot();
    let json = serde_json::to_string(&slot).unwrap();
    assert_eq!(serde_json::from_str::<CallSlot>(&json).unwrap(), slot);
    let draft = call.response().cloned();
    let resumed = Call::resume(&slot, Builtin::Callback.questionnaire(), &case, draft, t("10:05:00"));
    assert_eq!((resumed.started_at, resumed.response().map(|r| r.answers.len())), (t("10:00:00"), Some(5)));
    // The comment screen, the first with an unanswered item.
    let s = resumed.interview.as_ref().unwrap();
    assert_eq!(s.screen, crate::session::survey::Screen::Page(s.plan.page_of("comment").unwrap()));
    // A draft of another response is not taken.
    let other = Call::resume(
        &CallSlot { response: None, ..slot },
        Builtin::Callback.questionnaire(),
        &case,
        call.response().cloned(),
        t("10:05:00"),
    );
    assert!(other.interview.is_none());
}
