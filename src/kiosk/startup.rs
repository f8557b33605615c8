//! At start-up, once the store is open and the settings read: what becomes of the drafts left by
//! a reload or crash — the newest resumes if it was touched within the idle time, every other one
//! is closed as the idle policy says, so that a later customer never sees it.

use super::state::{KioskAction, KioskState};
use crate::platform::clock;
use crate::state::{Action, Notice};
use crate::storage::{StorageError, Store};
use manyi_core::kiosk::{follow_up, Closing, KioskSettings};
use manyi_core::session::survey::SurveyAction;
use yew::UseReducerHandle;

/// Stores what `closing` says: the break-off with its follow-up, or the draft deleted.
pub async fn apply_closing(store: &Store, closing: &Closing, threshold: i32) -> Result<(), StorageError> {
    match closing {
        Closing::Keep(r) => store.put_response(r, follow_up(r, threshold)).await,
        Closing::Discard(id) => store.discard_draft(*id).await,
    }
}

async fn settle_drafts(
    store: &Store,
    state: &UseReducerHandle<KioskState>,
    settings: &KioskSettings,
) -> Result<(), StorageError> {
    let now = clock::now();
    let (policy, threshold) = (settings.idle, settings.low_score_threshold);
    let mut drafts = store.draft_records(&settings.questionnaire).await?;
    let newest = drafts.pop();
    for old in drafts {
        apply_closing(store, &policy.close(&old.response, now), threshold).await?;
    }
    if let Some(draft) = newest {
        match policy.on_reload(&draft.response, draft.saved_at, now) {
            None => {
                // The idle time of a resumed survey starts now.
                crate::platform::timer::record_activity();
                let draft = Box::new(draft.response);
                state.dispatch(KioskAction::Survey(SurveyAction::Resume { draft, at: now }));
            }
            Some(closing) => apply_closing(store, &closing, threshold).await?,
        }
    }
    Ok(())
}

/// Settles the drafts of the questionnaire `settings` name; a failure is shown.
pub async fn settle(store: &Store, state: &UseReducerHandle<KioskState>, settings: &KioskSettings) {
    if let Err(e) = settle_drafts(store, state, settings).await {
        state.dispatch(KioskAction::App(Action::Notify(Notice::StorageUnavailable(e.to_string()))));
    }
}
