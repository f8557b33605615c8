//! The callback records in IndexedDB (migration v3): cases in list order, a finished call stored
//! in one go (case, response, problem), the call in progress, problem records — each test in a
//! database of its own that it deletes afterwards.

use chrono::{DateTime, FixedOffset};
use manyi::storage::Store;
use manyi_core::callback::{Call, CallList, Outcome, SchedulingRules};
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::item::ItemId;
use manyi_core::response::answer::Answer;
use manyi_core::response::Status;
use manyi_core::session::survey::SurveyAction;
use uuid::Uuid;
use wasm_bindgen_test::wasm_bindgen_test;

async fn fresh_store() -> (Store, String) {
    let name = format!("manyi-test-{}", Uuid::new_v4());
    (Store::open_named(&name).await.expect("open a fresh database"), name)
}

async fn remove(store: Store, name: &str) {
    store.close();
    Store::delete_named(name).await.expect("delete the test database");
}

fn at(time: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-02T{time}+08:00")).unwrap()
}

fn list() -> CallList {
    let mut l = CallList::default();
    let csv = "工单号,客户名称,联系电话,工单类型,受理日期\nGD3,王五,13812345678,投诉,2026-10-30\nGD1,张三,13900000001,故障报修,2026-10-31\n";
    l.import(csv.as_bytes(), "l.csv").unwrap();
    l
}

/// A call on the first case, its interview answered with `overall`, submitted.
fn interviewed(l: &CallList, overall: i32) -> Call {
    let case = &l.cases[0];
    let mut call = Call::start(case, "A07", at("10:00:00")).unwrap();
    call.begin_interview(Builtin::Callback.questionnaire(), case, Uuid::from_u128(1), at("10:00:10"));
    let plan = call.interview.as_ref().unwrap().plan.clone();
    let answers =
        [("resolved", Answer::Yes), ("timeliness", Answer::Rating(4)), ("attitude", Answer::Rating(4))];
    let more = [("informed", Answer::Rating(4)), ("overall", Answer::Rating(overall))];
    for (item, answer) in answers.into_iter().chain(more) {
        let page = plan.page_of(item).unwrap();
        assert!(call.apply(SurveyAction::Answer {
            page,
            item: ItemId::new(item),
            answer,
            at: at("10:01:00")
        }));
    }
    call
}

#[wasm_bindgen_test]
async fn cases_come_back_in_the_order_they_were_added() {
    let (store, name) = fresh_store().await;
    let l = list();
    store.add_callback_cases(0, &l.cases, at("09:00:00")).await.unwrap();
    let mut more = CallList::default();
    more.import(
        "ticket_id,customer_name,phone,ticket_type,ticket_date\nGD0,赵六,13700000000,payment,2026-11-01\n"
            .as_bytes(),
        "m.csv",
    )
    .unwrap();
    store.add_callback_cases(2, &more.cases, at("09:05:00")).await.unwrap();
    let back = store.callback_cases().await.unwrap();
    let keys: Vec<String> = back.iter().map(|c| c.key.to_string()).collect();
    // List order (GD3, GD1, GD0), not key order.
    assert_eq!(keys, ["GD3", "GD1", "GD0"]);
    assert_eq!(back[..2], l.cases[..]);
    remove(store, &name).await;
}

#[wasm_bindgen_test]
async fn a_finished_call_stores_its_case_response_and_problem_together() {
    let (store, name) = fresh_store().await;
    let l = list();
    store.add_callback_cases(0, &l.cases, at("09:00:00")).await.unwrap();
    let mut call = interviewed(&l, 1);
    // While the call lasts, its slot and draft are kept.
    let draft = call.response().cloned().unwrap();
    store.save_call_in_progress(&call.slot(), Some(&draft), at("10:01:00")).await.unwrap();
    assert_eq!(store.call_slot().await.unwrap(), Some(call.slot()));
    assert_eq!(store.get(draft.id).await.unwrap().map(|r| r.status), Some(Status::Draft));

    let page = call.interview.as_ref().unwrap().plan.page_of("comment").unwrap();
    assert!(call.apply(SurveyAction::Submit { page, at: at("10:02:00") }));
    let finished = call
        .finish(
            &l.cases[0],
            Outcome::Complete,
            at("10:02:20"),
            &SchedulingRules::default(),
            Uuid::from_u128(9),
        )
        .unwrap();
    store.save_finished_call(0, &finished, at("10:02:20")).await.unwrap();

    let cases = store.callback_cases().await.unwrap();
    assert_eq!(cases[0], finished.case);
    assert_eq!(cases[0].attempts[0].response, Some(draft.id));
    let stored = store.get(draft.id).await.unwrap().unwrap();
    assert_eq!(stored.status, Status::Complete);
    assert_eq!(Some(&stored), finished.response.as_ref());
    let problems = store.problems().await.unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(Some(&problems[0]), finished.problem.as_ref());
    assert_eq!(store.call_slot().await.unwrap(), None, "the call is over");
    remove(store, &name).await;
}

#[wasm_bindgen_test]
async fn problem_records_are_updated_and_closed() {
    let (store, name) = fresh_store().await;
    let l = list();
    let mut call = interviewed(&l, 2);
    let page = call.interview.as_ref().unwrap().plan.page_of("comment").unwrap();
    call.apply(SurveyAction::Submit { page, at: at("10:02:00") });
    let finished = call
        .finish(
            &l.cases[0],
            Outcome::Complete,
            at("10:02:20"),
            &SchedulingRules::default(),
            Uuid::from_u128(9),
        )
        .unwrap();
    store.save_finished_call(0, &finished, at("10:02:20")).await.unwrap();
    let mut p = finished.problem.unwrap();
    p.close("已致电道歉并说明原因", "B01", at("16:00:00")).unwrap();
    store.put_problem(&p, at("16:00:00")).await.unwrap();
    let back = store.problems().await.unwrap();
    assert_eq!(back, vec![p]);
    assert!(!back[0].is_open());
    // Cancelling a call empties its slot.
    store.save_call_in_progress(&call.slot(), None, at("16:05:00")).await.unwrap();
    store.clear_call_slot().await.unwrap();
    assert_eq!(store.call_slot().await.unwrap(), None);
    remove(store, &name).await;
}
