//! The editor's 发布到服务器: a questionnaire version into the configuration database, with the
//! same push machine as the device's records (only this one document). Each version is its own
//! push source, so its checkpoint says whether it was published. A published version never
//! changes: the device then keeps it as it is (a change makes the next version).

use super::engine::{self, Failure};
use super::settings::keys;
use crate::storage::Store;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::sync::{Document, Push, PushOptions, PushStep, SourceDoc, SyncError, SyncRecord};

/// What publishing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// The version is on the server now.
    Sent,
    /// The server already had it.
    AlreadyThere,
}

/// Why a version cannot be published before anything is sent.
fn not_set_up(reason: &str) -> Failure {
    Failure::Sync(SyncError::Invalid { what: "发布 publish".into(), reason: reason.into() })
}

/// Publishes `q` to the configuration database beside the device's (staff screen 同步).
pub async fn publish(store: &Store, q: &Questionnaire) -> Result<Published, Failure> {
    let settings = engine::settings(store)
        .await?
        .ok_or_else(|| not_set_up("sync is not set up on this device (staff screen, 同步)"))?;
    let config = settings
        .url
        .config()
        .ok_or_else(|| not_set_up("the device's database is not named {prefix}-device-{name}"))?;
    let document = Document::immutable(SyncRecord::Questionnaire(q.clone()))?;
    let source = format!("publish/{}/{}", document.id, document.revision());
    let credentials = settings.credentials();
    let mut push = Push::new(PushOptions { source, batch_size: 1 });
    let mut doc = Some(SourceDoc { seq: 1, document });
    let mut step = push.start()?;
    let report = loop {
        step = match step {
            PushStep::Send(request) => {
                push.receive(super::fetch::send(config.as_str(), &credentials, &request).await?)?
            }
            PushStep::Supply { after, .. } => {
                push.supply(if after == 0 { doc.take().into_iter().collect() } else { Vec::new() })?
            }
            PushStep::Confirmed(_) => push.proceed()?,
            PushStep::Done(report) => break report,
        };
    };
    if let Some(c) = report.conflicts.first() {
        return Err(Failure::Sync(SyncError::DocumentsRefused {
            count: 1,
            id: c.id.clone(),
            error: "conflict".into(),
            reason: "this version is published with other content; save the change as a new version".into(),
        }));
    }
    let mut published = engine::published(store).await?;
    if !published.contains(&q.reference()) {
        published.push(q.reference());
        store.put_sync_state(keys::PUBLISHED, &published).await?;
    }
    Ok(if report.sent > 0 { Published::Sent } else { Published::AlreadyThere })
}
