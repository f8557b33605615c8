//! The workspace's export: one call list with a completed interview and a no-answer, written as
//! tables, JSON and a workbook read back with calamine.

use super::*;
use crate::callback::call::Call;
use crate::callback::scheduling::SchedulingRules;
use crate::callback::Outcome;
use crate::questionnaire::builtin::Builtin;
use crate::questionnaire::item::ItemId;
use crate::response::answer::Answer;
use crate::session::survey::SurveyAction;
use crate::testing::at;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

/// GD1 interviewed by A07 (overall 2: a problem), GD2 not answered by A08.
fn workspace() -> (CallList, ProblemLog, Vec<Response>) {
    let mut list = CallList::default();
    let csv = "ticket_id,customer_name,phone,ticket_type,ticket_date\nGD1,张三,13812345678,repair,2026-10-30\nGD2,李四,13900001111,payment,2026-10-31\n";
    list.import(csv.as_bytes(), "l.csv").unwrap();
    let q = Builtin::Callback.questionnaire();
    let rules = SchedulingRules::default();
    let gd1 = list.cases[0].clone();
    let mut call = Call::start(&gd1, "A07", at("2026-11-02T10:00:00+08:00")).unwrap();
    call.begin_interview(q, &gd1, uuid::Uuid::from_u128(1), at("2026-11-02T10:00:10+08:00"));
    let plan = call.interview.as_ref().unwrap().plan.clone();
    for (item, answer) in [
        ("resolved", Answer::Yes),
        ("timeliness", Answer::Rating(3)),
        ("attitude", Answer::Rating(3)),
        ("informed", Answer::Rating(2)),
        ("overall", Answer::Rating(2)),
    ] {
        let page = plan.page_of(item).unwrap();
        let at = at("2026-11-02T10:01:00+08:00");
        assert!(call.apply(SurveyAction::Answer { page, item: ItemId::new(item), answer, at }));
    }
    let page = plan.page_of("comment").unwrap();
    assert!(call.apply(SurveyAction::Submit { page, at: at("2026-11-02T10:01:30+08:00") }));
    let done = call
        .finish(&gd1, Outcome::Complete, at("2026-11-02T10:02:00+08:00"), &rules, uuid::Uuid::from_u128(2))
        .unwrap();
    list.cases[0] = done.case;
    let mut log = ProblemLog::default();
    log.problems.push(done.problem.unwrap());
    let interview = done.response.unwrap();
    let call = Call::start(&list.cases[1], "A08", at("2026-11-02T10:05:00+08:00")).unwrap();
    let done = call
        .finish(&list.cases[1], Outcome::NoAnswer, at("2026-11-02T10:05:30+08:00"), &rules, uuid::Uuid::nil())
        .unwrap();
    list.cases[1] = done.case;
    (list, log, vec![interview])
}

#[test]
fn every_table_of_the_workspace_in_order() {
    let (list, log, responses) = workspace();
    let q = Builtin::Callback.questionnaire();
    let now = at("2026-11-03T09:00:00+08:00");
    let e = callback_export(&list, &log, &[&q], &responses, Privacy::default(), now);
    let names: Vec<&str> = e.tables.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, TABLES);
    let cases = e.table("cases").unwrap();
    assert_eq!(cases.rows[0][3], Cell::from("138****5678"));
    assert_eq!(cases.rows[1][14], Cell::Empty, "GD2 is open: no final code");
    let attempts = e.table("attempts").unwrap();
    assert_eq!(attempts.rows.len(), 2);
    assert_eq!((&attempts.rows[1][6], &attempts.rows[1][7]), (&Cell::from("no_answer"), &Cell::from("3.13")));
    // Rates over the one closed case (GD1, 1.1): RR1 = COOP1 = CON1 = 1, REF1 = 0; per list, per
    // list (all, then the one file), per agent (A07 closed it) and per day.
    let rates = e.table("rates").unwrap();
    assert_eq!(rates.columns[..3], ["by", "group", "cases"]);
    let firsts: Vec<(&Cell, &Cell)> = rates.rows.iter().map(|r| (&r[0], &r[1])).collect();
    assert_eq!(
        firsts,
        [
            (&Cell::from("list"), &Cell::from("all")),
            (&Cell::from("list"), &Cell::from("l.csv")),
            (&Cell::from("agent"), &Cell::from("A07")),
            (&Cell::from("day"), &Cell::from("2026-11-02"))
        ]
    );
    assert_eq!(
        rates.rows[0][10..],
        [Cell::Number(1.0), Cell::Number(1.0), Cell::Number(0.0), Cell::Number(1.0)]
    );
    // The answers: one row, the callback's code and the agent.
    let answers = e.table("answers").unwrap();
    let col = |name: &str| answers.columns.iter().position(|c| c == name).unwrap();
    assert_eq!(answers.rows.len(), 1);
    assert_eq!(answers.rows[0][col("interviewer")], Cell::from("A07"));
    assert_eq!(answers.rows[0][col("disposition")], Cell::from("1.1"));
    assert_eq!(answers.rows[0][col("overall")], Cell::Integer(2));
    // The open problem, 1 day old on 3 Nov.
    let problems = e.table("problems").unwrap();
    assert_eq!((&problems.rows[0][13], &problems.rows[0][14]), (&Cell::from("open"), &Cell::Integer(1)));
}

#[test]
fn json_document_and_workbook_hold_the_same_tables() {
    let (list, log, responses) = workspace();
    let q = Builtin::Callback.questionnaire();
    let e =
        callback_export(&list, &log, &[&q], &responses, Privacy::default(), at("2026-11-03T09:00:00+08:00"));
    let doc: Value = serde_json::from_slice(&to_json(&e, &responses, &[&q])).unwrap();
    assert_eq!(doc["format"], FORMAT);
    assert_eq!(doc["cases"][0]["phone"], "138****5678");
    assert_eq!(doc["attempts"][0]["interviewer"], "A07");
    assert_eq!(doc["rates"][0]["RR1"], 1.0);
    assert_eq!(doc["problems"][0]["severity"], "general");
    let back: Vec<Response> = serde_json::from_value(doc["responses"].clone()).unwrap();
    assert_eq!(back, responses);

    let bytes = e.to_xlsx().unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let mut sheets = wb.sheet_names();
    assert_eq!(sheets.pop().as_deref(), Some("formulas"));
    assert_eq!(sheets, TABLES);
    let cases = wb.worksheet_range("cases").unwrap();
    assert_eq!(cases.get((1, 3)), Some(&Data::String("138****5678".into())));
}

#[test]
fn interviews_of_two_scripts_are_rows_of_one_answers_table_each_by_its_own_version() {
    let (list, log, mut responses) = workspace();
    let builtin = Builtin::Callback.questionnaire();
    // A second script: the callback questionnaire as `repair_call` v2 with an item `extra`.
    let json = builtin.to_json().replacen("\"callback\"", "\"repair_call\"", 1).replacen(
        "\"version\": 1",
        "\"version\": 2",
        1,
    );
    let mut script = Questionnaire::from_json(&json, "repair_call").unwrap();
    let mut extra = script.item("timeliness").unwrap().clone();
    extra.id = ItemId::new("extra");
    extra.required = false;
    extra.dimension = None;
    script.items.insert(4, extra);
    script.validate().unwrap();
    let mut r = Response::start(
        uuid::Uuid::from_u128(9),
        &script,
        crate::response::Channel::Callback,
        Default::default(),
        at("2026-11-02T11:00:00+08:00"),
    );
    for (item, answer) in [
        ("resolved", Answer::Yes),
        ("timeliness", Answer::Rating(5)),
        ("attitude", Answer::Rating(5)),
        ("informed", Answer::Rating(5)),
        ("extra", Answer::Rating(4)),
        ("overall", Answer::Rating(5)),
    ] {
        r.answer(&script, item, answer).unwrap();
    }
    r.submit(&script, at("2026-11-02T11:02:00+08:00")).unwrap();
    responses.push(r);
    let scripts = [&builtin, &script];
    let e = callback_export(
        &list,
        &log,
        &scripts,
        &responses,
        Privacy::default(),
        at("2026-11-03T09:00:00+08:00"),
    );
    let answers = e.table("answers").unwrap();
    let col = |name: &str| answers.columns.iter().position(|c| c == name).unwrap();
    assert_eq!(answers.rows.len(), 2);
    // `extra` comes after the first script's columns; the first interview has no cell there.
    assert_eq!(col("extra"), answers.columns.len() - 1);
    assert_eq!(
        (&answers.rows[0][col("extra")], &answers.rows[1][col("extra")]),
        (&Cell::Empty, &Cell::Integer(4))
    );
    assert_eq!(answers.rows[1][col("questionnaire_id")], Cell::from("repair_call"));
    assert_eq!(answers.rows[1][col("questionnaire_version")], Cell::Integer(2));
    // Each composite with its own version: the second interview rated every weighted item 5 → 100.
    match &answers.rows[1][col("composite")] {
        Cell::Number(x) => assert!((x - 100.0).abs() < 1e-9, "{x}"),
        other => panic!("{other:?}"),
    }
    let dictionary = e.table("dictionary").unwrap();
    assert_eq!(
        dictionary.rows.iter().filter(|r| r[0] == Cell::from("overall") && r[1] == Cell::from("")).count(),
        1
    );
    assert!(dictionary.rows.iter().any(|r| r[0] == Cell::from("extra")));
    let about: Vec<&Cell> =
        e.about.rows.iter().filter(|r| r[0] == Cell::from("questionnaire")).map(|r| &r[3]).collect();
    assert_eq!(about, [&Cell::from("callback v1; repair_call v2")]);
    let doc: Value = serde_json::from_slice(&to_json(&e, &responses, &scripts)).unwrap();
    assert_eq!(doc["responses"].as_array().unwrap().len(), 2);
}
