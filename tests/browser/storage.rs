//! The IndexedDB store, each test in a database of its own that it deletes afterwards.

use chrono::DateTime;
use manyi::storage::Store;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireId};
use manyi_core::response::answer::Answer;
use manyi_core::response::{Channel, Response, Status};
use wasm_bindgen_test::wasm_bindgen_test;

/// A store in a database no other test uses.
async fn fresh_store() -> (Store, String) {
    let name = format!("manyi-test-{}", uuid::Uuid::new_v4());
    (Store::open_named(&name).await.expect("open a fresh database"), name)
}

async fn remove(store: Store, name: &str) {
    store.close();
    Store::delete_named(name).await.expect("delete the test database");
}

fn at(time: &str) -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-22T{time}+08:00")).unwrap()
}

fn draft(q: &Questionnaire, n: u128, started: &str) -> Response {
    let mut r = Response::start(uuid::Uuid::from_u128(n), q, Channel::Hall, Default::default(), at(started));
    r.answer(q, "business", Answer::Choice("payment".into())).unwrap();
    r
}

fn answer_all(q: &Questionnaire, r: &mut Response) {
    r.answer(q, "customer_class", Answer::Choice("residential".into())).unwrap();
    for item in q.items.iter().filter(|i| q.rating_scale(i).is_some()) {
        r.answer(q, item.id.as_str(), Answer::Rating(4)).unwrap();
    }
    r.answer(q, "comment", Answer::Text("营业员很耐心 = + @".into())).unwrap();
}

#[wasm_bindgen_test]
async fn put_get_and_list_round_trip() {
    let (store, name) = fresh_store().await;
    let q = Builtin::Hall.questionnaire();
    let mut r = draft(&q, 1, "09:00:00");
    answer_all(&q, &mut r);
    r.submit(&q, at("09:01:30")).unwrap();
    store.put(&r).await.unwrap();
    assert_eq!(store.get(r.id).await.unwrap().as_ref(), Some(&r));
    assert_eq!(store.list().await.unwrap(), vec![r.clone()]);
    let unknown = manyi_core::response::ResponseId(uuid::Uuid::from_u128(99));
    assert_eq!(store.get(unknown).await.unwrap(), None);
    // Closed and opened again, the database still holds it (and the schema is not re-created).
    store.close();
    let again = Store::open_named(&name).await.unwrap();
    assert_eq!(again.list().await.unwrap(), vec![r]);
    remove(again, &name).await;
}

#[wasm_bindgen_test]
async fn a_draft_saved_after_each_answer_then_completed_is_one_record() {
    let (store, name) = fresh_store().await;
    let q = Builtin::Hall.questionnaire();
    let mut r = draft(&q, 2, "10:00:00");
    store.put(&r).await.unwrap();
    r.answer(&q, "customer_class", Answer::Choice("business".into())).unwrap();
    store.put(&r).await.unwrap();
    assert_eq!(store.drafts(&q.id).await.unwrap(), vec![r.clone()]);
    answer_all(&q, &mut r);
    store.put(&r).await.unwrap();
    r.submit(&q, at("10:02:00")).unwrap();
    store.put(&r).await.unwrap();
    let stored = store.list().await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].status, Status::Complete);
    assert_eq!(stored[0], r);
    assert!(store.drafts(&q.id).await.unwrap().is_empty(), "the completed response is no draft");
    remove(store, &name).await;
}

#[wasm_bindgen_test]
async fn drafts_are_found_by_status_and_questionnaire_oldest_first() {
    let (store, name) = fresh_store().await;
    let q = Builtin::Hall.questionnaire();
    let newer = draft(&q, 3, "11:30:00");
    let older = draft(&q, 4, "11:00:00");
    let mut done = draft(&q, 5, "10:00:00");
    answer_all(&q, &mut done);
    done.submit(&q, at("10:05:00")).unwrap();
    let mut broken = draft(&q, 6, "09:00:00");
    broken.break_off(at("09:10:00")).unwrap();
    for r in [&newer, &older, &done, &broken] {
        store.put(r).await.unwrap();
    }
    assert_eq!(store.drafts(&q.id).await.unwrap(), vec![older, newer]);
    assert!(store.drafts(&QuestionnaireId::new("callback")).await.unwrap().is_empty());
    assert_eq!(store.list().await.unwrap().len(), 4);
    remove(store, &name).await;
}
