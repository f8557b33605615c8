use super::*;
use manyi_core::evaluation::checklist::{ChecklistAction, VisitSetup};
use manyi_core::evaluation::compare::compare_visits;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::item::ItemId;
use manyi_core::response::answer::Answer;

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn scores_and_times_as_text() {
    assert_eq!(score_text(Some(82.916666)), "82.9");
    assert_eq!(score_text(None), "—");
    assert_eq!(score_value(Some(0.5)), "0.5");
    let at = t("2026-11-20T10:05:00+08:00");
    assert_eq!(time_field(at), "2026-11-20T10:05");
    assert_eq!(parse_time_field("2026-11-20T10:05", *at.offset()), Some(at));
    assert_eq!(parse_time_field("yesterday", *at.offset()), None);
    assert_eq!(time_text(&at), "2026-11-20 10:05");
}

fn visit(evaluator: &str, tidy: Answer) -> Checklist {
    let mut c = Checklist::new(Builtin::Evaluation.questionnaire());
    let setup = VisitSetup {
        evaluator: evaluator.into(),
        hall: "城东".into(),
        visited_at: t("2026-11-20T10:00:00+08:00"),
    };
    c.apply(ChecklistAction::Start {
        id: uuid::Uuid::from_u128(1),
        setup,
        now: t("2026-11-20T11:00:00+08:00"),
    });
    for id in ["uniform", "posture"] {
        c.apply(ChecklistAction::Answer { item: ItemId::new(id), answer: Answer::Yes });
    }
    c.apply(ChecklistAction::Answer { item: ItemId::new("tidy"), answer: tidy });
    c
}

#[test]
fn summary_rows_show_weights_scores_and_progress() {
    let c = visit("E1", Answer::No);
    let rows = section_rows(&c, Lang::Zh);
    assert_eq!(rows.len(), 6);
    assert_eq!((rows[1].title.as_str(), rows[1].weight.as_str()), ("仪容仪表", "15%"));
    // Appearance: 2 of 3 yes.
    assert!((rows[1].score.unwrap() - 200.0 / 3.0).abs() < 1e-12);
    assert_eq!((rows[1].answered, rows[1].shown), (3, 3));
    assert_eq!((rows[0].score, rows[0].answered, rows[0].shown), (None, 0, 5));
    assert_eq!((rows[5].title.as_str(), rows[5].weight.as_str()), ("红线项目", ""));
}

#[test]
fn the_comparison_in_people_s_words() {
    let (a, mut b) = (visit("E1", Answer::No), visit("E2", Answer::NotApplicable));
    let q = Builtin::Evaluation.questionnaire();
    let mut rb = b.draft.take().unwrap();
    rb.notes.insert(ItemId::new("tidy"), "未见工作人员".into());
    let c = compare_visits(&q, &[a.draft.as_ref().unwrap(), &rb], 10.0).unwrap();
    let v = CompareView::new(&c, Lang::Zh);
    assert_eq!(v.visits.iter().map(|h| h.evaluator.as_str()).collect::<Vec<_>>(), ["E1", "E2"]);
    assert_eq!(v.visits[0].when, "2026-11-20 10:00");
    // Appearance: 2/3 against 2/2.
    assert!((v.sections[1].spread - 100.0 / 3.0).abs() < 1e-12);
    assert_eq!(v.items.len(), 1);
    assert_eq!(
        (v.items[0].text.as_str(), v.items[0].answers.clone()),
        ("仪容整洁、精神饱满", vec!["否".to_owned(), "不适用".to_owned()])
    );
    assert_eq!(v.items[0].notes, ["", "未见工作人员"]);
}
