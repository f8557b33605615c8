//! The kiosk's storage in a real IndexedDB: settings, follow-ups, export marks, deleting only
//! exported responses, an idle session's draft closed as a break-off or discarded, a failed write
//! that leaves the last committed version; each test in a database of its own.

use chrono::DateTime;
use manyi::kiosk::startup::apply_closing;
use manyi::storage::Store;
use manyi_core::kiosk::{
    follow_up, FollowUp, IdlePolicy, KioskSettings, LowScoreRule, OpeningHours, Partial, PinHash,
};
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::answer::Answer;
use manyi_core::response::{Channel, Response, Status};
use wasm_bindgen_test::wasm_bindgen_test;

async fn fresh_store() -> (Store, String) {
    let name = format!("manyi-kiosk-test-{}", uuid::Uuid::new_v4());
    (Store::open_named(&name).await.expect("open a fresh database"), name)
}

async fn remove(store: Store, name: &str) {
    store.close();
    Store::delete_named(name).await.expect("delete the test database");
}

fn at(time: &str) -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-23T{time}+08:00")).unwrap()
}

fn complete(q: &Questionnaire, n: u128, overall: i32, phone: Option<&str>) -> Response {
    let mut r =
        Response::start(uuid::Uuid::from_u128(n), q, Channel::Hall, Default::default(), at("09:00:00"));
    r.answer(q, "business", Answer::Choice("payment".into())).unwrap();
    r.answer(q, "customer_class", Answer::Choice("residential".into())).unwrap();
    for item in q.items.iter().filter(|i| q.rating_scale(i).is_some()) {
        r.answer(q, item.id.as_str(), Answer::Rating(4)).unwrap();
    }
    r.answer(q, "overall", Answer::Rating(overall)).unwrap();
    if let Some(phone) = phone {
        r.answer(q, "callback_consent", Answer::Yes).unwrap();
        r.answer(q, "phone", Answer::Text(phone.into())).unwrap();
    }
    r.submit(q, at("09:01:00")).unwrap();
    r
}

#[wasm_bindgen_test]
async fn settings_are_kept_and_read_back() {
    let (store, name) = fresh_store().await;
    assert_eq!(store.settings().await.unwrap(), None, "first start");
    let settings = KioskSettings {
        hall: Some("城东营业厅".into()),
        hours: OpeningHours::usual(),
        pin: Some(PinHash::new("2468", "2468", [9; 16]).unwrap()),
        ..KioskSettings::default()
    };
    store.save_settings(&settings).await.unwrap();
    store.close();
    let again = Store::open_named(&name).await.unwrap();
    assert_eq!(again.settings().await.unwrap(), Some(settings));
    remove(again, &name).await;
}

#[wasm_bindgen_test]
async fn only_exported_responses_are_deleted() {
    let (store, name) = fresh_store().await;
    let q = Builtin::Hall.questionnaire();
    let low = complete(&q, 1, 1, Some("13912345678"));
    let fine = complete(&q, 2, 5, None);
    let mut draft =
        Response::start(uuid::Uuid::from_u128(3), &q, Channel::Hall, Default::default(), at("10:00:00"));
    draft.answer(&q, "business", Answer::Choice("repair".into())).unwrap();
    for r in [&low, &fine, &draft] {
        store.put_response(r, follow_up(r, 2)).await.unwrap();
    }
    let records = store.records().await.unwrap();
    let of = |id| records.iter().find(|r| r.id == id).unwrap();
    assert_eq!(of(low.id).follow_up, Some(FollowUp::Queued));
    assert_eq!(of(fine.id).follow_up, None);
    // Marking skips drafts; deleting takes only what was marked.
    assert_eq!(store.mark_exported(&[low.id, draft.id], at("12:00:00")).await.unwrap(), 1);
    assert_eq!(store.delete_exported().await.unwrap(), 1);
    let left: Vec<_> = store.records().await.unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(left.len(), 2);
    assert!(left.contains(&fine.id) && left.contains(&draft.id));
    // A draft may be discarded; a closed response never is through that door.
    store.discard_draft(fine.id).await.unwrap();
    store.discard_draft(draft.id).await.unwrap();
    let left = store.records().await.unwrap();
    assert_eq!((left.len(), left[0].status), (1, Status::Complete));
    remove(store, &name).await;
}

fn low_draft(q: &Questionnaire, n: u128) -> Response {
    let mut r =
        Response::start(uuid::Uuid::from_u128(n), q, Channel::Hall, Default::default(), at("11:00:00"));
    r.answer(q, "business", Answer::Choice("complaint".into())).unwrap();
    r
}

#[wasm_bindgen_test]
async fn an_idle_session_closes_its_draft_as_a_break_off_or_deletes_it() {
    let (store, name) = fresh_store().await;
    let q = Builtin::Hall.questionnaire();
    // Saved after each answer: one record, always the newest version.
    let mut kept = low_draft(&q, 10);
    store.put_response(&kept, follow_up(&kept, 2)).await.unwrap();
    kept.answer(&q, "overall", Answer::Rating(1)).unwrap();
    kept.answer(&q, "callback_consent", Answer::Yes).unwrap();
    kept.answer(&q, "phone", Answer::Text("13912345678".into())).unwrap();
    store.put_response(&kept, follow_up(&kept, 2)).await.unwrap();
    let drafts = store.draft_records(&q.id).await.unwrap();
    assert_eq!((drafts.len(), drafts[0].follow_up), (1, None), "a draft is never queued");

    // The hall questionnaire's own rule: `overall` ≤ 2 on its 1–5 scale.
    let rule = LowScoreRule::of(&q, 2);
    let keep = IdlePolicy::default();
    apply_closing(&store, &keep.close(&kept, at("11:05:00")), rule.as_ref()).await.unwrap();
    let records = store.records().await.unwrap();
    assert_eq!(records.len(), 1, "the break-off replaces its draft");
    assert_eq!(records[0].status, Status::BreakOff);
    assert_eq!(records[0].response.answers.get("overall"), Some(&Answer::Rating(1)));
    assert_eq!(records[0].follow_up, Some(FollowUp::Queued), "a low score with consent is queued");

    let discard = IdlePolicy { partial: Partial::Discard, ..IdlePolicy::default() };
    let gone = low_draft(&q, 11);
    store.put(&gone).await.unwrap();
    apply_closing(&store, &discard.close(&gone, at("11:06:00")), rule.as_ref()).await.unwrap();
    assert_eq!(store.get(gone.id).await.unwrap(), None, "discarded");
    assert_eq!(store.records().await.unwrap().len(), 1, "the break-off is still there");
    remove(store, &name).await;
}

#[wasm_bindgen_test]
async fn a_write_that_fails_is_reported_and_leaves_the_last_committed_version() {
    let (store, name) = fresh_store().await;
    let q = Builtin::Hall.questionnaire();
    let first = low_draft(&q, 20);
    store.put(&first).await.unwrap();
    let mut second = first.clone();
    second.answer(&q, "customer_class", Answer::Choice("business".into())).unwrap();
    // The connection is gone (as when another tab deletes or upgrades the database).
    store.close();
    let error = store.put_response(&second, None).await.expect_err("a closed database refuses the write");
    assert_eq!(error.action, "save the response");
    let again = Store::open_named(&name).await.unwrap();
    assert_eq!(again.list().await.unwrap(), vec![first], "the earlier version, whole");
    remove(again, &name).await;
}
