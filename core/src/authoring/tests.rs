//! The editor's edits, natively: a questionnaire built edit by edit validates, round-trips through
//! JSON and scores by hand; renames carry every reference along.

use super::edit::{apply, parse_number, Edit, KindChoice, Move, Side};
use super::template::new_questionnaire;
use crate::evaluation::score_visit;
use crate::questionnaire::condition::Condition;
use crate::questionnaire::item::{ChoiceCode, DimensionId, ItemId, ItemKind, LinearCurve, ScaleId};
use crate::questionnaire::{Mode, Questionnaire, QuestionnaireId};
use crate::response::answer::Answer;
use crate::response::{Channel, Response};
use crate::testing::at;
use crate::text::Lang::{En, Zh};

fn edit(q: &mut Questionnaire, edits: Vec<Edit>) {
    for e in edits {
        let shown = format!("{e:?}");
        apply(q, e).unwrap_or_else(|err| panic!("{shown}: {:?}", err.0));
    }
}

/// A small checklist: two sections 2:1, a check with N/A, a timed item with a curve, a red line.
fn checklist() -> Questionnaire {
    let mut q = new_questionnaire(QuestionnaireId::new("spot_check"), Mode::Checklist);
    edit(
        &mut q,
        vec![
            Edit::SetTitle(Zh, "抽查".into()),
            Edit::SetTitle(En, "Spot check".into()),
            Edit::SetDimensionTitle(0, Zh, "服务".into()),
            Edit::SetDimensionWeight(0, 2.0),
            Edit::SetItemText(0, Zh, "主动招呼".into()),
            Edit::AddItem(KindChoice::YesNo),
            Edit::SetItemText(1, Zh, "唱收唱付".into()),
            Edit::SetItemDimension(1, Some(DimensionId::new("section_1"))),
            Edit::AddDimension,
            Edit::SetDimensionTitle(1, Zh, "效率".into()),
            Edit::AddItem(KindChoice::Number),
            Edit::SetItemId(2, "wait".into()),
            Edit::SetItemText(2, Zh, "等候时间".into()),
            Edit::SetItemDimension(2, Some(DimensionId::new("section_2"))),
            Edit::SetCurve(2, Some(LinearCurve { full: 10.0, zero: 30.0 })),
            Edit::AddItem(KindChoice::YesNo),
            Edit::SetItemId(3, "quarrel".into()),
            Edit::SetItemText(3, Zh, "与客户争吵".into()),
            Edit::SetNotApplicable(3, false),
            Edit::SetRedLine(3, true),
            Edit::SetRequired(3, true),
        ],
    );
    q
}

#[test]
fn a_checklist_built_by_edits_is_valid_round_trips_and_scores_by_hand() {
    let q = checklist();
    assert_eq!(q.explain(), []);
    let again = Questionnaire::from_json(&q.to_json(), "spot_check.json").unwrap();
    assert_eq!(again, q);
    let mut r = Response::start(
        uuid::Uuid::from_u128(1),
        &q,
        Channel::Evaluation,
        Default::default(),
        at("2026-11-20T10:00:00+08:00"),
    );
    r.answer(&q, "item_1", Answer::Yes).unwrap();
    r.answer(&q, "item_2", Answer::NotApplicable).unwrap();
    r.answer(&q, "wait", Answer::Number(15.0)).unwrap();
    r.answer(&q, "quarrel", Answer::No).unwrap();
    // Service: item_2 N/A, so 100. Efficiency: 15 min on 10 → 30 is a quarter down, 75.
    // Total (2·100 + 1·75)/3 = 91.66…
    let s = score_visit(&q, &r).unwrap();
    assert_eq!(s.sections.iter().map(|s| s.1).collect::<Vec<_>>(), [Some(100.0), Some(75.0)]);
    assert!((s.total.unwrap() - 275.0 / 3.0).abs() < 1e-12);
    r.answer(&q, "quarrel", Answer::Yes).unwrap();
    assert_eq!(score_visit(&q, &r).unwrap().total, Some(0.0));
}

#[test]
fn renaming_an_item_renames_its_references() {
    let mut q = new_questionnaire(QuestionnaireId::new("callback_b"), Mode::Interviewer);
    edit(
        &mut q,
        vec![
            Edit::SetTitle(Zh, "回访".into()),
            Edit::SetItemText(0, Zh, "总体满意度".into()),
            Edit::SetOverall(Some(ItemId::new("item_1"))),
            Edit::AddItem(KindChoice::Text),
            Edit::SetItemText(1, Zh, "不满意的原因".into()),
            Edit::SetShowIf(
                1,
                Some(Condition::Not {
                    not: Box::new(Condition::AtLeast { item: ItemId::new("item_1"), value: 3.0 }),
                }),
            ),
            Edit::SetItemId(0, "overall".into()),
        ],
    );
    assert_eq!(q.scoring.overall, Some(ItemId::new("overall")));
    let Some(Condition::Not { not }) = &q.items[1].show_if else { panic!() };
    assert_eq!(**not, Condition::AtLeast { item: ItemId::new("overall"), value: 3.0 });
    assert_eq!(q.explain(), []);
    // Moving the condition's item after it breaks a rule the editor shows.
    apply(&mut q, Edit::MoveItem(0, Move::Down)).unwrap();
    let problems = q.explain();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].item.as_deref(), Some("item_2"));
    assert_eq!(problems[0].text.zh, "显示条件引用了 `overall`，但它不在本题之前");
    // Removing the overall item clears it.
    apply(&mut q, Edit::RemoveItem(1)).unwrap();
    assert_eq!(q.scoring.overall, None);
}

#[test]
fn options_rename_with_their_conditions() {
    let mut q = new_questionnaire(QuestionnaireId::new("q"), Mode::SelfCompleted);
    edit(
        &mut q,
        vec![
            Edit::SetTitle(Zh, "问卷".into()),
            Edit::SetItemKind(0, KindChoice::SingleChoice),
            Edit::SetItemText(0, Zh, "业务".into()),
            Edit::SetOptionLabel(0, 0, Zh, "缴费".into()),
            Edit::SetOptionLabel(0, 1, Zh, "报修".into()),
            Edit::AddOption(0),
            Edit::AddItem(KindChoice::Rating),
            Edit::SetItemText(1, Zh, "抢修及时".into()),
            Edit::SetShowIf(
                1,
                Some(Condition::Chosen {
                    item: ItemId::new("item_1"),
                    any_of: vec![ChoiceCode::new("option_2")],
                }),
            ),
            Edit::SetOptionCode(0, 1, "repair".into()),
            Edit::MoveOption(0, 2, Move::Up),
        ],
    );
    let Some(Condition::Chosen { any_of, .. }) = &q.items[1].show_if else { panic!() };
    assert_eq!(any_of, &[ChoiceCode::new("repair")]);
    let codes: Vec<&str> = q.items[0].kind.options().iter().map(|o| o.code.as_str()).collect();
    assert_eq!(codes, ["option_1", "option_3", "repair"]);
    // The rating took the satisfaction scale made for the first item.
    assert_eq!(q.scales.keys().map(ScaleId::as_str).collect::<Vec<_>>(), ["satisfaction"]);
    let problems = q.explain();
    assert_eq!(problems.len(), 0, "{problems:?}");
}

#[test]
fn dimensions_and_scales() {
    let mut q = checklist();
    edit(&mut q, vec![Edit::SetDimensionId(1, "efficiency".into())]);
    assert_eq!(q.item("wait").unwrap().dimension, Some(DimensionId::new("efficiency")));
    edit(&mut q, vec![Edit::MoveDimension(1, Move::Up), Edit::RemoveDimension(0)]);
    assert_eq!(q.item("wait").unwrap().dimension, None);
    // A number with a curve out of any section is fine; a dimension left empty is not.
    assert!(q.explain().is_empty());
    edit(&mut q, vec![Edit::AddDimension]);
    let p = q.explain();
    assert_eq!((p.len(), p[0].item.as_deref()), (1, Some("section_2")));
    assert!(p[0].text.en.contains("has no items"));

    let mut q = new_questionnaire(QuestionnaireId::new("q"), Mode::SelfCompleted);
    let used = apply(&mut q, Edit::RemoveScale(ScaleId::new("satisfaction"))).unwrap_err();
    assert!(used.0.en.contains("used by item_1"), "{:?}", used.0);
    edit(&mut q, vec![Edit::SetScaleRange(ScaleId::new("satisfaction"), 0, 5)]);
    let s = &q.scales["satisfaction"];
    assert_eq!((s.labels.len(), s.labels[0].zh.as_str(), s.labels[1].zh.as_str()), (6, "", "非常不满意"));
    edit(&mut q, vec![Edit::RenameScale(ScaleId::new("satisfaction"), "sat".into())]);
    assert!(matches!(&q.items[0].kind, ItemKind::Rating { scale, .. } if scale.as_str() == "sat"));
}

#[test]
fn kano_pairs_and_refused_edits() {
    let mut q = new_questionnaire(QuestionnaireId::new("k"), Mode::SelfCompleted);
    edit(
        &mut q,
        vec![
            Edit::SetItemKind(0, KindChoice::KanoPair),
            Edit::SetKanoQuestion(0, Side::Functional, Zh, "如果提供，您觉得如何？".into()),
        ],
    );
    let p = q.explain();
    assert!(p.iter().any(|p| p.text.zh.starts_with("Kano 题需要")), "{p:?}");
    let e = apply(&mut q, Edit::SetRedLine(0, true)).unwrap_err();
    assert_eq!(e.0.en, "this kind of item has no red-line setting");
    assert!(apply(&mut q, Edit::MoveItem(0, Move::Up)).is_err());
    assert!(apply(&mut q, Edit::SetItemText(5, Zh, "x".into())).is_err());
}

#[test]
fn numbers_as_people_type_them() {
    assert_eq!(parse_number(" 12.5 ").unwrap(), 12.5);
    assert_eq!(parse_number("１５").unwrap(), 15.0);
    assert_eq!(parse_number("2,5").unwrap(), 2.5);
    assert_eq!(parse_number("－3").unwrap(), -3.0);
    assert_eq!(parse_number("abc").unwrap_err().0.zh, "“abc”不是数字");
    assert!(parse_number("").is_err());
}
