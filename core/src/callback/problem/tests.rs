//! Problem records from dissatisfied callback answers, their ages and closing.

use super::*;
use crate::callback::case::TicketId;
use crate::questionnaire::builtin::Builtin;
use crate::response::answer::Answer;
use crate::response::tags::TagKey;
use crate::response::Channel;
use crate::testing::at;

fn interview(n: u128, resolved: bool, overall: i32, comment: &str) -> Response {
    let q = Builtin::Callback.questionnaire();
    let mut r = Response::start(
        Uuid::from_u128(n),
        &q,
        Channel::Callback,
        Default::default(),
        at("2026-11-02T10:00:00+08:00"),
    );
    TagKey::Interviewer.set(&mut r.tags, "A07").unwrap();
    TagKey::Hall.set(&mut r.tags, "城东营业厅").unwrap();
    r.answer(&q, "resolved", if resolved { Answer::Yes } else { Answer::No }).unwrap();
    for item in ["timeliness", "attitude", "informed"] {
        r.answer(&q, item, Answer::Rating(3)).unwrap();
    }
    r.answer(&q, "overall", Answer::Rating(overall)).unwrap();
    if !comment.is_empty() {
        r.answer(&q, "comment", Answer::Text(comment.into())).unwrap();
    }
    r.submit(&q, at("2026-11-02T10:04:00+08:00")).unwrap();
    r
}

fn callback() -> crate::questionnaire::Questionnaire {
    Builtin::Callback.questionnaire()
}

impl Problem {
    /// The record of an interview of the built-in callback questionnaire.
    fn from_response_of(
        r: &Response,
        id: Uuid,
        case: Option<CaseKey>,
        by: &str,
        at: DateTime<FixedOffset>,
    ) -> Option<Problem> {
        Problem::from_response(r, &callback(), id, case, by, at)
    }
}

fn case() -> Option<CaseKey> {
    Some(CaseKey::Ticket(TicketId::new("GD1")))
}

#[test]
fn a_low_score_opens_a_problem_record() {
    let r = interview(1, true, 2, "抢修太慢");
    let found = at("2026-11-02T10:04:00+08:00");
    let p = Problem::from_response_of(&r, Uuid::from_u128(100), case(), "A07", found).unwrap();
    assert_eq!(p.what, "总体满意度 2 分 (overall 2); 客户意见 (comment): 抢修太慢");
    assert_eq!((p.severity, p.found_by.as_str(), p.found_at), (Severity::General, "A07", found));
    assert_eq!(p.responsible_unit.as_deref(), Some("城东营业厅"));
    assert_eq!((p.response, p.case.clone()), (Some(r.id), case()));
    assert!(p.is_open());
}

#[test]
fn unresolved_or_very_low_is_serious_and_satisfied_opens_nothing() {
    let found = at("2026-11-02T10:04:00+08:00");
    let unresolved = interview(2, false, 4, "");
    let p = Problem::from_response_of(&unresolved, Uuid::from_u128(101), case(), "A07", found).unwrap();
    assert_eq!((p.what.as_str(), p.severity), ("问题未办结 (not resolved)", Severity::General));
    let both = interview(3, false, 2, "");
    assert_eq!(
        Problem::from_response_of(&both, Uuid::from_u128(102), case(), "A07", found).unwrap().severity,
        Severity::Serious
    );
    let one = interview(4, true, 1, "");
    assert_eq!(
        Problem::from_response_of(&one, Uuid::from_u128(103), case(), "A07", found).unwrap().severity,
        Severity::Serious
    );
    // overall 3 and resolved: satisfied enough.
    assert!(Problem::from_response_of(
        &interview(5, true, 3, "还行"),
        Uuid::from_u128(104),
        case(),
        "A07",
        found
    )
    .is_none());
}

#[test]
fn open_problems_with_their_age_until_a_result_is_entered() {
    let mut log = ProblemLog::default();
    let r1 = interview(1, true, 2, "");
    let r2 = interview(2, false, 3, "");
    assert!(log
        .open_for(&r1, &callback(), Uuid::from_u128(10), case(), "A07", at("2026-10-30T16:00:00+08:00"))
        .is_some());
    // The same response does not open a second record.
    assert!(log
        .open_for(&r1, &callback(), Uuid::from_u128(11), case(), "A07", at("2026-10-31T09:00:00+08:00"))
        .is_none());
    assert!(log
        .open_for(&r2, &callback(), Uuid::from_u128(12), None, "A08", at("2026-11-02T23:30:00+08:00"))
        .is_some());
    log.get_mut(ProblemId(Uuid::from_u128(10))).unwrap().update(ProblemUpdate {
        responsible_unit: Some("城东供电所".into()),
        remedy: Some("上门致歉并复查线路".into()),
        deadline: NaiveDate::from_ymd_opt(2026, 11, 4),
        ..ProblemUpdate::default()
    });

    // Now: 5 Nov 08:00 (+08:00). Found 30 Oct → 6 days (30 Oct → 5 Nov); found 2 Nov 23:30 → 3.
    let now = at("2026-11-05T08:00:00+08:00");
    let open = log.open_problems(now);
    let ages: Vec<(i64, bool)> = open.iter().map(|o| (o.age_days, o.overdue)).collect();
    assert_eq!(ages, [(6, true), (3, false)]); // the first is past its 4 Nov deadline
    assert_eq!(open[0].problem.responsible_unit.as_deref(), Some("城东供电所"));
    // Read in UTC the second was found on 2 Nov 15:30: still 3 days to 5 Nov 00:00 UTC.
    assert_eq!(log.problems[1].age_days(at("2026-11-05T00:00:00+00:00")), 3);

    let p = log.get_mut(ProblemId(Uuid::from_u128(10))).unwrap();
    assert!(p.close("  ", "S01", now).is_err());
    p.close("已复查，客户满意", "S01", now).unwrap();
    assert!(p.close("again", "S01", now).is_err());
    assert_eq!(p.assessed_by.as_ref().map(TagValue::as_str), Some("S01"));
    let open = log.open_problems(now);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].problem.id, ProblemId(Uuid::from_u128(12)));
}

#[test]
fn an_authored_script_is_judged_on_its_own_overall_scale_and_comment() {
    // The callback questionnaire with `overall` on 0–10 and the comment renamed `remarks`.
    let json =
        Builtin::Callback.questionnaire().to_json().replace("\"id\": \"comment\"", "\"id\": \"remarks\"");
    let mut q = crate::questionnaire::Questionnaire::from_json(&json, "script").unwrap();
    let eleven = crate::questionnaire::item::ScaleId::new("eleven");
    q.scales
        .insert(eleven.clone(), crate::questionnaire::item::RatingScale { min: 0, max: 10, labels: vec![] });
    let overall = q.items.iter_mut().find(|i| i.id.as_str() == "overall").unwrap();
    overall.kind = crate::questionnaire::item::ItemKind::Rating { scale: eleven, not_applicable: false };
    let mut r = Response::start(
        Uuid::from_u128(9),
        &q,
        Channel::Callback,
        Default::default(),
        at("2026-11-02T10:00:00+08:00"),
    );
    r.answer(&q, "resolved", Answer::Yes).unwrap();
    for item in ["timeliness", "attitude", "informed"] {
        r.answer(&q, item, Answer::Rating(3)).unwrap();
    }
    let found = at("2026-11-02T10:04:00+08:00");
    // 0–10: the bottom quarter is 0 + ⌊10/4⌋ = 2. 3 is not low; 2 is; 0 is the lowest point.
    let with = |overall: i32| {
        let mut r = r.clone();
        r.answer(&q, "overall", Answer::Rating(overall)).unwrap();
        r.answer(&q, "remarks", Answer::Text("等太久".into())).unwrap();
        r.submit(&q, found).unwrap();
        Problem::from_response(&r, &q, Uuid::from_u128(200), case(), "A07", found)
    };
    assert!(with(3).is_none());
    let p = with(2).unwrap();
    assert_eq!(p.what, "总体满意度 2 分，0–10 分制 (overall 2 on 0–10); 客户意见 (comment): 等太久");
    assert_eq!(p.severity, Severity::General);
    assert_eq!(with(0).unwrap().severity, Severity::Serious);
}
