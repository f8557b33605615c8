//! The stores of migration 4: questionnaires by id and version (two versions side by side, one
//! replaced in place), a visit's stopwatches, and the responses of one questionnaire.

use manyi::storage::Store;
use manyi_core::evaluation::stopwatch::{Stopwatch, WatchAction};
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::item::ItemId;
use manyi_core::questionnaire::QuestionnaireRef;
use manyi_core::response::{Channel, Response};
use std::collections::BTreeMap;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn versions_stopwatches_and_responses_of_a_questionnaire() {
    let name = format!("manyi-test-{}", uuid::Uuid::new_v4());
    let store = Store::open_named(&name).await.unwrap();
    let mut v1 = Builtin::Evaluation.questionnaire();
    v1.id = "spot_check".into();
    let mut v2 = v1.clone();
    v2.version = 2;
    v2.title.zh = "抽查（第二版）".into();
    store.put_questionnaire(&v1).await.unwrap();
    store.put_questionnaire(&v2).await.unwrap();
    v1.title.en = "Spot check".into();
    store.put_questionnaire(&v1).await.unwrap();
    let mut stored = store.questionnaires().await.unwrap();
    stored.sort_by_key(|q| q.version);
    assert_eq!(stored, vec![v1.clone(), v2.clone()], "keyed by id and version: v1 replaced, v2 beside it");

    let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+08:00").unwrap();
    let visit = Response::start(uuid::Uuid::from_u128(5), &v2, Channel::Evaluation, Default::default(), at);
    let hall = Response::start(
        uuid::Uuid::from_u128(6),
        &Builtin::Hall.questionnaire(),
        Channel::Hall,
        Default::default(),
        at,
    );
    store.put(&visit).await.unwrap();
    store.put(&hall).await.unwrap();
    assert_eq!(store.responses_to(&"spot_check".into()).await.unwrap(), vec![visit.clone()]);
    let answered = store.answered().await.unwrap();
    assert!(answered.contains(&QuestionnaireRef { id: "spot_check".into(), version: 2 }));
    assert!(!answered.contains(&v1.reference()));

    assert_eq!(store.stopwatches(visit.id).await.unwrap(), BTreeMap::new());
    let mut w = Stopwatch::default();
    w.apply(WatchAction::Start, 1_000);
    let watches = BTreeMap::from([(ItemId::new("wait_minutes"), w)]);
    store.put_stopwatches(visit.id, &watches).await.unwrap();
    assert_eq!(store.stopwatches(visit.id).await.unwrap(), watches);

    store.close();
    Store::delete_named(&name).await.unwrap();
}

/// Every page hears of a questionnaire written to the library (its list can be read again).
#[wasm_bindgen_test]
async fn a_questionnaire_written_is_announced_to_the_watching_pages() {
    use std::cell::Cell;
    use std::rc::Rc;
    let name = format!("manyi-test-{}", uuid::Uuid::new_v4());
    let store = Store::open_named(&name).await.unwrap();
    let heard = Rc::new(Cell::new(0));
    let watch = {
        let heard = Rc::clone(&heard);
        manyi::storage::library_news::watch(move || heard.set(heard.get() + 1)).expect("a BroadcastChannel")
    };
    assert_eq!(heard.get(), 0, "nothing written yet");
    let mut q = Builtin::Evaluation.questionnaire();
    q.id = "spot_check".into();
    store.put_questionnaire(&q).await.unwrap();
    let once = crate::dom::poll(|| (heard.get() == 1).then_some(())).await;
    assert_eq!(once, Some(()), "the write was announced once, heard {} times", heard.get());
    drop(watch);
    store.close();
    Store::delete_named(&name).await.unwrap();
}
