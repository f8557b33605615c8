//! An evaluator's visit through the checklist machine: setup, sections, N/A, stopwatches, a red
//! line flagged at once, notes, a refused submission, and the scores by hand.

use super::*;
use crate::questionnaire::builtin::Builtin;
use crate::testing::at;

const T0: i64 = 1_795_000_000_000;

fn setup(evaluator: &str, hall: &str) -> VisitSetup {
    VisitSetup { evaluator: evaluator.into(), hall: hall.into(), visited_at: at("2026-11-20T10:00:00+08:00") }
}

fn now() -> DateTime<FixedOffset> {
    at("2026-11-20T11:00:00+08:00")
}

fn answer(c: &mut Checklist, item: &str, answer: Answer) -> bool {
    c.apply(ChecklistAction::Answer { item: ItemId::new(item), answer })
}

fn watch(c: &mut Checklist, item: &str, action: WatchAction, ms: i64) -> bool {
    c.apply(ChecklistAction::Watch { item: ItemId::new(item), action, now_ms: T0 + ms })
}

#[test]
fn the_builtin_checklist_has_a_page_per_section_and_one_of_red_lines() {
    let c = Checklist::new(Builtin::Evaluation.questionnaire());
    let titles: Vec<&str> = c.sections.iter().map(|s| s.title.zh.as_str()).collect();
    assert_eq!(titles, ["环境与设施", "仪容仪表", "服务行为", "业务能力", "服务效率", "红线项目"]);
    assert_eq!(c.sections[4].items, [ItemId::new("wait_minutes"), ItemId::new("handling_minutes")]);
    assert_eq!(c.sections[5].kind, SectionKind::RedLines);
}

#[test]
fn setup_needs_evaluator_hall_and_a_time_not_in_the_future() {
    let mut c = Checklist::new(Builtin::Evaluation.questionnaire());
    let id = Uuid::from_u128(1);
    assert!(c.apply(ChecklistAction::Start { id, setup: setup(" ", "城东"), now: now() }));
    assert_eq!((c.problem.clone(), c.screen), (Some(ChecklistProblem::NoEvaluator), ChecklistScreen::Setup));
    c.apply(ChecklistAction::Start { id, setup: setup("E1", ""), now: now() });
    assert_eq!(c.problem, Some(ChecklistProblem::NoHall));
    let early = at("2026-11-20T09:00:00+08:00");
    c.apply(ChecklistAction::Start { id, setup: setup("E1", "城东"), now: early });
    assert_eq!(c.problem, Some(ChecklistProblem::VisitInFuture));
    assert!(c.apply(ChecklistAction::Start { id, setup: setup("E1", "城东"), now: now() }));
    assert_eq!((c.problem.clone(), c.screen), (None, ChecklistScreen::Section(0)));
    let r = c.draft.as_ref().unwrap();
    assert_eq!((r.channel, r.started_at), (Channel::Evaluation, at("2026-11-20T10:00:00+08:00")));
    assert_eq!(
        (r.tags.interviewer.as_ref().unwrap().as_str(), r.tags.hall.as_ref().unwrap().as_str()),
        ("E1", "城东")
    );
}

#[test]
fn a_visit_with_na_stopwatches_notes_and_a_red_line() {
    let mut c = Checklist::new(Builtin::Evaluation.questionnaire());
    c.apply(ChecklistAction::Start { id: Uuid::from_u128(1), setup: setup("E1", "城东"), now: now() });
    let checks = c.sections[..4].iter().flat_map(|s| s.items.clone()).collect::<Vec<_>>();
    for id in &checks {
        let a = match id.as_str() {
            "terminals" => Answer::NotApplicable,
            "sing_receipt" | "within_pledge" => Answer::No,
            _ => Answer::Yes,
        };
        assert!(answer(&mut c, id.as_str(), a));
    }
    assert!(c.apply(ChecklistAction::Note { item: ItemId::new("sing_receipt"), text: " 未唱收 ".into() }));
    assert_eq!(c.draft.as_ref().unwrap().notes[&ItemId::new("sing_receipt")], "未唱收");
    // Waiting: 25 min, stopped and gone on for 5 more; handling: 10 min 3 s.
    assert!(watch(&mut c, "wait_minutes", WatchAction::Start, 0));
    assert!(watch(&mut c, "wait_minutes", WatchAction::Stop, 25 * 60_000));
    watch(&mut c, "wait_minutes", WatchAction::Start, 26 * 60_000);
    watch(&mut c, "wait_minutes", WatchAction::Stop, 31 * 60_000);
    watch(&mut c, "handling_minutes", WatchAction::Start, 31 * 60_000);
    watch(&mut c, "handling_minutes", WatchAction::Stop, 41 * 60_000 + 3_000);
    let r = c.draft.as_ref().unwrap();
    assert_eq!(r.answer_of(&ItemId::new("wait_minutes")), Some(&Answer::Number(30.0)));
    assert_eq!(r.answer_of(&ItemId::new("handling_minutes")), Some(&Answer::Number(10.1)));
    // Items weigh the same within a section. Environment: terminals N/A drops out, the other four
    // share the section's weight, 4/4 yes = 100; appearance 3/3 = 100; conduct 5/6 = 83.33…;
    // competence 2/3 = 66.66…; efficiency: wait 30 min on the curve full to 20, zero from 40 is
    // 100·(40 − 30)/(40 − 20) = 50, handling 10.1 ≤ 15 is 100, mean 75.
    // Total .15·100 + .15·100 + .30·500/6 + .25·200/3 + .15·75 = 15 + 15 + 25 + 16.66… + 11.25
    // = 82.91666…
    let s = c.score().unwrap();
    let expect = 15.0 + 15.0 + 25.0 + 50.0 / 3.0 + 11.25;
    assert!((s.total.unwrap() - expect).abs() < 1e-12, "{s:?}");
    // The red lines are required: submitting now goes to them.
    c.apply(ChecklistAction::Show(ChecklistScreen::Summary));
    assert_eq!(
        c.open_items().iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["quarrel", "unapproved_fees", "three_designations"]
    );
    assert!(c.apply(ChecklistAction::Submit { at: now() }));
    assert_eq!(
        (c.screen, c.problem.clone()),
        (ChecklistScreen::Section(5), Some(ChecklistProblem::Missing(ItemId::new("quarrel"))))
    );
    answer(&mut c, "quarrel", Answer::No);
    answer(&mut c, "unapproved_fees", Answer::Yes);
    // Flagged at once: the visit scores 0, sections stay as observed.
    let s = c.score().unwrap();
    assert_eq!((s.total, s.red_lines.clone()), (Some(0.0), vec![ItemId::new("unapproved_fees")]));
    assert!((s.sections[2].1.unwrap() - 500.0 / 6.0).abs() < 1e-12);
    answer(&mut c, "three_designations", Answer::No);
    assert!(c.apply(ChecklistAction::Submit { at: now() }));
    assert_eq!(c.screen, ChecklistScreen::Done);
    assert_eq!(c.draft.as_ref().unwrap().status, Status::Complete);
    assert!(!answer(&mut c, "quarrel", Answer::Yes), "a submitted visit no longer changes");
    assert!(c.apply(ChecklistAction::NewVisit));
    assert_eq!(
        (c.screen, c.draft.is_none(), c.last.clone()),
        (ChecklistScreen::Setup, true, Some(("E1".into(), "城东".into())))
    );
}

#[test]
fn out_of_range_numbers_are_refused_and_a_draft_resumes_at_its_first_open_item() {
    let mut c = Checklist::new(Builtin::Evaluation.questionnaire());
    c.apply(ChecklistAction::Start { id: Uuid::from_u128(2), setup: setup("E2", "城东"), now: now() });
    assert!(
        c.apply(ChecklistAction::Answer { item: ItemId::new("wait_minutes"), answer: Answer::Number(-3.0) })
    );
    assert!(
        matches!(&c.problem, Some(ChecklistProblem::Refused(i, why)) if i.as_str() == "wait_minutes" && why.to_string().contains("outside 0–600"))
    );
    answer(&mut c, "wait_minutes", Answer::Number(12.0));
    assert_eq!(c.problem, None);
    for s in &c.sections.clone()[..2] {
        for id in &s.items {
            answer(&mut c, id.as_str(), Answer::Yes);
        }
    }
    watch(&mut c, "handling_minutes", WatchAction::Start, 0);
    let (draft, watches) = (c.draft.clone().unwrap(), c.stopwatches.clone());
    let mut again = Checklist::new(Builtin::Evaluation.questionnaire());
    assert!(again.apply(ChecklistAction::Resume { draft: Box::new(draft), stopwatches: watches }));
    assert_eq!(again.screen, ChecklistScreen::Section(2), "conduct is the first section with an open item");
    assert!(
        again.stopwatches[&ItemId::new("handling_minutes")].is_running(),
        "the stopwatch went on meanwhile"
    );
}
