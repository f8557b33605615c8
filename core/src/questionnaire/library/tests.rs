//! Versions: built-ins and answered versions are frozen, so saving an edit of one makes the next
//! version and responses to the old one are scored exactly as before.

use super::*;
use crate::evaluation::score_visit;
use crate::questionnaire::builtin::Builtin;
use crate::response::answer::Answer;
use crate::response::{Channel, Response};
use crate::testing::at;

fn never(_: &QuestionnaireRef) -> bool {
    false
}

fn written(plan: SavePlan) -> (Questionnaire, bool, Option<u32>) {
    match plan {
        SavePlan::Write { questionnaire, replaces, from } => (*questionnaire, replaces, from),
        SavePlan::Unchanged => panic!("nothing written"),
    }
}

#[test]
fn editing_a_builtin_makes_version_two_and_old_responses_read_as_before() {
    let mut lib = Library::default();
    let v1 = Builtin::Evaluation.questionnaire();
    // A visit to version 1: conduct 5 of 6 — only sing_receipt is "no" — and nothing else answered.
    let mut visit = Response::start(
        uuid::Uuid::from_u128(9),
        &v1,
        Channel::Evaluation,
        Default::default(),
        at("2026-11-20T10:00:00+08:00"),
    );
    for id in ["greets_first", "polite_language", "first_contact", "tell_once", "no_buck_passing"] {
        visit.answer(&v1, id, Answer::Yes).unwrap();
    }
    visit.answer(&v1, "sing_receipt", Answer::No).unwrap();
    let before = score_visit(lib.resolve(&visit.questionnaire).unwrap(), &visit).unwrap();
    assert!((before.total.unwrap() - 500.0 / 6.0).abs() < 1e-12);

    // Staff give sing_receipt weight 4 in the built-in: it is frozen, so this is version 2.
    let mut edited = v1.clone();
    edited.items.iter_mut().find(|i| i.id.as_str() == "sing_receipt").unwrap().weight = 4.0;
    let (v2, replaces, from) = written(lib.plan_save(edited, &never).unwrap());
    assert_eq!((v2.version, replaces, from), (2, false, Some(1)));
    lib.insert(v2.clone());
    assert_eq!(lib.latest("evaluation").unwrap().version, 2);
    assert_eq!(lib.versions("evaluation").len(), 2);

    // The old visit still reads with version 1: the same 83.33…, not (5 + 0)/9 · 100.
    let after = score_visit(lib.resolve(&visit.questionnaire).unwrap(), &visit).unwrap();
    assert_eq!(after, before);
    // The same answers given to version 2 score 5/9.
    let mut visit2 = visit.clone();
    visit2.questionnaire = v2.reference();
    let s = score_visit(lib.resolve(&visit2.questionnaire).unwrap(), &visit2).unwrap();
    assert!((s.total.unwrap() - 500.0 / 9.0).abs() < 1e-12);
}

#[test]
fn an_unanswered_version_is_replaced_an_answered_one_is_not() {
    let mut lib = Library::default();
    let mut q = crate::authoring::template::new_questionnaire(
        lib.unused_id("survey"),
        crate::questionnaire::Mode::SelfCompleted,
    );
    q.title = Text::new("问卷", "Survey");
    q.items[0].text = Text::new("满意吗", "Satisfied?");
    let (q1, replaces, _) = written(lib.plan_save(q.clone(), &never).unwrap());
    assert_eq!((q1.version, replaces), (1, false));
    lib.insert(q1.clone());
    assert_eq!(lib.plan_save(q1.clone(), &never).unwrap(), SavePlan::Unchanged);

    let mut changed = q1.clone();
    changed.items[0].required = false;
    let (same, replaces, _) = written(lib.plan_save(changed.clone(), &never).unwrap());
    assert_eq!((same.version, replaces), (1, true), "no response yet: version 1 is replaced");
    let answered = |r: &QuestionnaireRef| r.id.as_str() == "survey" && r.version == 1;
    let (next, replaces, from) = written(lib.plan_save(changed, &answered).unwrap());
    assert_eq!((next.version, replaces, from), (2, false, Some(1)));

    // A questionnaire breaking a rule is refused with every problem.
    let mut broken = q1;
    broken.title = Text::default();
    broken.items[0].weight = -1.0;
    let refusal = lib.plan_save(broken, &never).unwrap_err();
    assert_eq!(refusal.problems.len(), 2);
    assert_eq!(refusal.text.zh, "问卷 survey v1 有 2 处问题，请先改正");
    assert_eq!(lib.unused_id("survey").as_str(), "survey_2");
}

#[test]
fn imports_are_checked_against_what_is_here() {
    let mut lib = Library::default();
    let q = Builtin::Kano.questionnaire();
    assert_eq!(lib.plan_import(&q.to_json(), "kano.json").unwrap(), ImportPlan::AlreadyThere(q.reference()));
    let mut other = q.clone();
    other.title.en = "Another study".into();
    let refusal = lib.plan_import(&other.to_json(), "kano.json").unwrap_err();
    assert!(refusal.text.en.contains("set `version` to 2"), "{:?}", refusal.text);
    other.version = 2;
    let ImportPlan::Add(added) =
        lib.plan_import(&format!("\u{feff}{}", other.to_json()), "kano.json").unwrap()
    else {
        panic!("not added")
    };
    lib.insert(*added);
    assert_eq!(lib.latest("kano").unwrap().title.en, "Another study");
    let refusal = lib.plan_import("{\"id\": \"x\",\n \"version\": 1,", "bad.json").unwrap_err();
    assert!(refusal.text.zh.starts_with("bad.json 不是有效的问卷文件（第 2 行"), "{:?}", refusal.text);
    let mut invalid = q;
    invalid.id = "Kano Study".into();
    let refusal = lib.plan_import(&invalid.to_json(), "k.json").unwrap_err();
    assert_eq!(
        refusal.problems[0].text.en,
        "the questionnaire id must be lower-case letters, digits and `_`, starting with a letter"
    );
}

#[test]
fn stored_copies_of_builtins_are_ignored_and_lists_show_latest_versions() {
    let mut fake = Builtin::Hall.questionnaire();
    fake.title.zh = "改过的".into();
    let mut own = Builtin::Hall.questionnaire();
    own.id = "hall_b".into();
    let lib = Library::new(vec![own.clone(), fake]);
    assert_eq!(lib.get(&Builtin::Hall.questionnaire().reference()).unwrap().title.zh, "营业厅服务满意度");
    let ids: Vec<&str> = lib.latest_versions().iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["hall", "callback", "evaluation", "kano", "hall_b"]);
    assert!(lib.is_builtin(&Builtin::Kano.questionnaire().reference()));
    assert!(!lib.is_builtin(&own.reference()));
}
