//! At start-up, once the store is open and the settings read: what becomes of the drafts left by
//! a reload or crash — the newest resumes if it was touched within the idle time, every other one
//! is closed as the idle policy says, so that a later customer never sees it.

use super::state::{KioskAction, KioskState};
use crate::platform::clock;
use crate::state::{Action, Notice};
use crate::storage::{StorageError, Store};
use manyi_core::kiosk::{Closing, KioskSettings, LowScoreRule};
use manyi_core::questionnaire::Questionnaire;
use manyi_core::session::survey::SurveyAction;
use std::rc::Rc;
use yew::UseReducerHandle;

/// Stores what `closing` says: the break-off with its follow-up by the questionnaire's low-score
/// `rule` (none: never followed up), or the draft deleted.
pub async fn apply_closing(
    store: &Store,
    closing: &Closing,
    rule: Option<&LowScoreRule>,
) -> Result<(), StorageError> {
    match closing {
        Closing::Keep(r) => store.put_response(r, rule.and_then(|rule| rule.follow_up(r))).await,
        Closing::Discard(id) => store.discard_draft(*id).await,
    }
}

/// Reads the device's library into the state (a failure is shown; the built-ins remain).
pub async fn library(store: &Store, state: &UseReducerHandle<KioskState>) -> Rc<Vec<Questionnaire>> {
    let library = match store.questionnaires().await {
        Ok(stored) => Rc::new(stored),
        Err(e) => {
            state.dispatch(KioskAction::App(Action::Notify(Notice::StorageUnavailable(e.to_string()))));
            Rc::default()
        }
    };
    state.dispatch(KioskAction::Library(Rc::clone(&library)));
    library
}

async fn settle_drafts(
    store: &Store,
    state: &UseReducerHandle<KioskState>,
    settings: &KioskSettings,
    library: &[Questionnaire],
) -> Result<(), StorageError> {
    let now = clock::now();
    let policy = settings.idle;
    // The drafts answer the questionnaire the settings name (its low-score rule, if it has one).
    let rule = crate::state::active_questionnaire(settings, library)
        .ok()
        .and_then(|q| LowScoreRule::of(&q, settings.low_score_threshold));
    let rule = rule.as_ref();
    let mut drafts = store.draft_records(&settings.questionnaire).await?;
    let newest = drafts.pop();
    for old in drafts {
        apply_closing(store, &policy.close(&old.response, now), rule).await?;
    }
    if let Some(draft) = newest {
        match policy.on_reload(&draft.response, draft.saved_at, now) {
            None => {
                // The idle time of a resumed survey starts now.
                crate::platform::timer::record_activity();
                let draft = Box::new(draft.response);
                state.dispatch(KioskAction::Survey(SurveyAction::Resume { draft, at: now }));
            }
            Some(closing) => apply_closing(store, &closing, rule).await?,
        }
    }
    Ok(())
}

/// Settles the drafts of the questionnaire `settings` name; a failure is shown.
pub async fn settle(
    store: &Store,
    state: &UseReducerHandle<KioskState>,
    settings: &KioskSettings,
    library: &[Questionnaire],
) {
    if let Err(e) = settle_drafts(store, state, settings, library).await {
        state.dispatch(KioskAction::App(Action::Notify(Notice::StorageUnavailable(e.to_string()))));
    }
}
