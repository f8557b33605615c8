//! One sync of the device: core's push machine over the change log (`storage::sync`), then the
//! pull of the configuration database's questionnaires into the device's library, then pruning.
//! The machines decide; this file only moves records between the store and `fetch`. A batch's
//! records are marked synced only once the server has confirmed them (core's
//! `PushStep::Confirmed`, after `_revs_diff` checked they are stored and the checkpoint is
//! written).

use super::fetch;
use super::settings::{keys, LastError, Problem, SyncSettings, SyncStatus};
use crate::platform::clock;
use crate::storage::{StorageError, Store};
use manyi_core::questionnaire::QuestionnaireRef;
use manyi_core::sync::{
    Pull, PullOptions, PullStep, Push, PushOptions, PushReport, PushStep, Seq, SyncError, SyncRecord,
};

/// Records per push batch (pouchdb's replicator sends 100).
pub const BATCH: usize = 100;

/// Why a sync stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The server, or the way to it.
    Sync(SyncError),
    /// The device's own storage.
    Storage(StorageError),
}

impl From<SyncError> for Failure {
    fn from(e: SyncError) -> Self {
        Failure::Sync(e)
    }
}

impl From<StorageError> for Failure {
    fn from(e: StorageError) -> Self {
        Failure::Storage(e)
    }
}

impl Failure {
    /// Its kind.
    pub fn problem(&self) -> Problem {
        match self {
            Failure::Sync(e) => Problem::of(e),
            Failure::Storage(_) => Problem::Storage,
        }
    }

    /// The technical detail (never credentials: core's errors and the adapter's carry none):
    /// the status and the server's or the network's own words, without an English sentence
    /// around them (the screen says the kind in its language).
    pub fn detail(&self) -> String {
        match self {
            Failure::Sync(e) => e.technical(),
            Failure::Storage(e) => e.to_string(),
        }
    }

    /// As the status keeps it.
    pub fn to_last_error(&self) -> LastError {
        LastError { at: clock::now(), problem: self.problem(), detail: self.detail() }
    }
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// The push's report.
    pub push: PushReport,
    /// Questionnaire versions added to the library.
    pub questionnaires: usize,
    /// Synced responses deleted by the pruning setting.
    pub pruned: usize,
}

/// The settings, if sync is set up.
pub async fn settings(store: &Store) -> Result<Option<SyncSettings>, StorageError> {
    // `forget` leaves null behind.
    Ok(store.sync_state::<Option<SyncSettings>>(keys::SETTINGS).await?.flatten())
}

/// Saves new settings. A new database or user is a new server as far as the device knows:
/// its pushes get a new source (a new checkpoint there) and every record is logged again.
pub async fn configure(store: &Store, new: &SyncSettings) -> Result<(), StorageError> {
    let old = settings(store).await?;
    let same_server = old.as_ref().is_some_and(|o| o.url == new.url && o.user == new.user);
    store.put_sync_state(keys::SETTINGS, new).await?;
    if !same_server {
        let source = crate::platform::new_id().to_string();
        store.put_sync_state(keys::SOURCE, &source).await?;
        store.sync_log_everything().await?;
        store.put_sync_state(keys::STATUS, &SyncStatus::default()).await?;
    }
    Ok(())
}

/// Forgets the server: settings and credentials; the log stays (nothing is lost).
pub async fn forget(store: &Store) -> Result<(), StorageError> {
    store.put_sync_state(keys::SETTINGS, &serde_json::Value::Null).await?;
    store.put_sync_state(keys::STATUS, &SyncStatus::default()).await
}

/// The status shown on the staff screen.
pub async fn status(store: &Store) -> Result<SyncStatus, StorageError> {
    Ok(store.sync_state(keys::STATUS).await?.unwrap_or_default())
}

/// Syncs once, if set up (`None` if not), and records the outcome in the status.
pub async fn sync_once(store: &Store) -> Result<Option<Outcome>, Failure> {
    let Some(settings) = settings(store).await? else { return Ok(None) };
    let result = run(store, &settings).await;
    let mut status = status(store).await?;
    match &result {
        Ok(outcome) => {
            status.last_success = Some(clock::now());
            status.last_error = None;
            status.last_sent = outcome.push.sent;
            status.last_questionnaires = outcome.questionnaires;
        }
        Err(e) => status.last_error = Some(e.to_last_error()),
    }
    store.put_sync_state(keys::STATUS, &status).await?;
    result.map(Some)
}

async fn run(store: &Store, settings: &SyncSettings) -> Result<Outcome, Failure> {
    let source: String = match store.sync_state(keys::SOURCE).await? {
        Some(s) => s,
        None => {
            let s = crate::platform::new_id().to_string();
            store.put_sync_state(keys::SOURCE, &s).await?;
            store.sync_log_everything().await?;
            s
        }
    };
    let push = push(store, settings, &super::settings::source_name(&settings.user, &source)).await?;
    let questionnaires = match settings.url.config() {
        Some(config) => pull_questionnaires(store, settings, config.as_str()).await?,
        None => 0,
    };
    let pruned = match settings.prune_before(clock::now()) {
        Some(before) => store.sync_prune(before).await?,
        None => 0,
    };
    Ok(Outcome { push, questionnaires, pruned })
}

/// Pushes the change log after the server's checkpoint, batch by batch.
async fn push(store: &Store, settings: &SyncSettings, source: &str) -> Result<PushReport, Failure> {
    let (url, credentials) = (settings.url.as_str(), settings.credentials());
    let mut push = Push::new(PushOptions { source: source.to_owned(), batch_size: BATCH });
    let mut step = push.start()?;
    loop {
        step = match step {
            PushStep::Send(request) => push.receive(fetch::send(url, &credentials, &request).await?)?,
            PushStep::Supply { after, limit } => {
                // Entries up to the server's checkpoint are on the server (an answer lost when
                // the checkpoint was written leaves them here): they no longer wait.
                store.sync_confirm(after, &[], clock::now()).await?;
                push.supply(store.sync_batch(after, limit).await?)?
            }
            PushStep::Confirmed(batch) => {
                let confirmed: Vec<_> =
                    batch.confirmed().map(|(id, rev)| (id.to_owned(), rev.clone())).collect();
                store.sync_confirm(batch.through, &confirmed, clock::now()).await?;
                push.proceed()?
            }
            PushStep::Done(report) => return Ok(report),
        };
    }
}

/// Pulls the questionnaire versions published since the last pull into the library; a version
/// the device already holds is left as it is. Returns how many were added.
pub async fn pull_questionnaires(
    store: &Store,
    settings: &SyncSettings,
    config: &str,
) -> Result<usize, Failure> {
    let credentials = settings.credentials();
    let since: Option<Seq> = store.sync_state(keys::CONFIG_SEQ).await?;
    let mut pull = Pull::new(PullOptions { since, page_size: 200 });
    let mut step = pull.start()?;
    let mut added = 0;
    loop {
        step = match step {
            PullStep::Send(request) => pull.receive(fetch::send(config, &credentials, &request).await?)?,
            PullStep::Page(page) => {
                let held: Vec<QuestionnaireRef> =
                    store.questionnaires().await?.iter().map(|q| q.reference()).collect();
                let mut published = published(store).await?;
                for pulled in page.records {
                    let SyncRecord::Questionnaire(q) = pulled.record else { continue };
                    let r = q.reference();
                    if !held.contains(&r) {
                        store.put_questionnaire(&q).await?;
                        added += 1;
                    }
                    if !published.contains(&r) {
                        published.push(r);
                    }
                }
                store.put_sync_state(keys::PUBLISHED, &published).await?;
                store.put_sync_state(keys::CONFIG_SEQ, &page.last_seq).await?;
                pull.proceed()?
            }
            PullStep::Done(_) => return Ok(added),
        };
    }
}

/// The questionnaire versions known to be on the configuration database: they never change.
pub async fn published(store: &Store) -> Result<Vec<QuestionnaireRef>, StorageError> {
    Ok(store.sync_state(keys::PUBLISHED).await?.unwrap_or_default())
}
