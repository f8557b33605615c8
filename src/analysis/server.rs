//! 从服务器载入: one or several CouchDB databases into the worker's data. Core's pull machine
//! reads each database's `_changes` from the checkpoint kept after the last load (only what
//! changed since); each page becomes a Manyi JSON bundle (`server_pages`) that the worker
//! imports and the store keeps, exactly like a picked file, so the figures are those of the same
//! data from files, and reopening the workspace re-imports it.

use super::effects::{changed, import_one, now_ms, summary, Engine};
use super::protocol::ImportProgress;
use super::server_pages::Bundler;
use super::state::{FileOutcome, Stage, WorkAction, Workspace};
use crate::platform::clock;
use crate::storage::analysis::KeptFile;
use crate::storage::Store;
use crate::sync::fetch;
use crate::sync::settings::DbUrl;
use manyi_core::io::merge::MergeReport;
use manyi_core::sync::{Credentials, Pull, PullOptions, PullStep, Seq};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use yew::UseReducerDispatcher;

/// The key of the analyst's server in the store's sync state.
pub const SOURCE_KEY: &str = "analysis_source";
/// The key of the checkpoints (`last_seq` by database URL) of the loads.
pub const SEQ_KEY: &str = "analysis_seq";

/// The databases the analyst loads and the credentials (kept on the device, never shown again).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerSource {
    /// The databases.
    pub urls: Vec<DbUrl>,
    /// The CouchDB user (an analyst).
    pub user: String,
    /// The password.
    pub password: String,
}

/// Never shows the password.
impl fmt::Debug for ServerSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerSource {{ urls: {:?}, user: {:?}, password: \"***\" }}", self.urls, self.user)
    }
}

fn add(total: &mut MergeReport, r: MergeReport) {
    total.added += r.added;
    total.duplicates += r.duplicates;
    total.conflicts.extend(r.conflicts);
    total.questionnaire_conflicts.extend(r.questionnaire_conflicts);
    total.masked_phones += r.masked_phones;
}

/// The database's document count from its info (`GET {db}`), as the progress's estimate.
fn doc_count(body: &[u8]) -> usize {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("doc_count")?.as_u64())
        .unwrap_or(0) as usize
}

/// Loads every database of `source` (a file row each in the outcomes), then settles the data.
pub async fn load(
    source: ServerSource,
    store: Option<Store>,
    engine: Engine,
    d: UseReducerDispatcher<Workspace>,
    lang: manyi_core::Lang,
) {
    let started = now_ms();
    d.dispatch(WorkAction::ImportStarted { total: source.urls.len() });
    let mut seqs: BTreeMap<String, Seq> = match &store {
        Some(s) => s.sync_state(SEQ_KEY).await.ok().flatten().unwrap_or_default(),
        None => BTreeMap::new(),
    };
    let credentials = Credentials { user: source.user.clone(), password: source.password.clone() };
    let mut bundler = Bundler::default();
    if let Some(s) = &store {
        for q in s.questionnaires().await.unwrap_or_default() {
            bundler.know(q);
        }
    }
    let batch = clock::now().timestamp_millis();
    let mut kept = 0;
    for url in &source.urls {
        let name = url.database().to_owned();
        let mut total = MergeReport::default();
        let mut pull = Pull::new(PullOptions { since: seqs.get(url.as_str()).cloned(), page_size: 500 });
        let (mut read, mut expected, mut page_no) = (0, 0, 0);
        let mut step = pull.start();
        let result = loop {
            step = match step {
                Err(e) => break Err(e.to_string()),
                Ok(PullStep::Send(request)) => {
                    match fetch::send(url.as_str(), &credentials, &request).await {
                        Err(e) => break Err(e.to_string()),
                        Ok(answer) => {
                            if request.path.is_empty() {
                                expected = doc_count(&answer.body);
                            }
                            pull.receive(answer)
                        }
                    }
                }
                Ok(PullStep::Page(page)) => {
                    page_no += 1;
                    read += page.records.len();
                    d.dispatch(WorkAction::FileProgress(ImportProgress {
                        read,
                        expected: expected.max(read),
                    }));
                    if let Some(bundle) = bundler.page(page.records) {
                        let bytes = bundle.to_json();
                        let part = format!("{name} · {page_no}");
                        let buffer = js_sys::Uint8Array::from(&bytes[..]).buffer();
                        match import_one(&engine, &d, &part, buffer).await {
                            Err(e) => break Err(e.say(lang)),
                            Ok(report) => {
                                if let (true, Some(s)) = (changed(&report), &store) {
                                    let blob = web_sys::Blob::new_with_u8_array_sequence(
                                        &js_sys::Array::of1(&js_sys::Uint8Array::from(&bytes[..])),
                                    );
                                    if let Ok(contents) = blob {
                                        let file = KeptFile {
                                            id: format!("{batch:015}-{kept:05}"),
                                            name: part,
                                            contents,
                                        };
                                        kept += 1;
                                        if let Err(e) =
                                            s.keep_analysis_file(&file, &clock::now().to_rfc3339()).await
                                        {
                                            d.dispatch(WorkAction::Message(Some(e.to_string().into())));
                                        }
                                    }
                                }
                                add(&mut total, report);
                            }
                        }
                    }
                    // This page is imported and kept: a later load starts after it.
                    seqs.insert(url.as_str().to_owned(), page.last_seq);
                    if let Some(s) = &store {
                        let _ = s.put_sync_state(SEQ_KEY, &seqs).await;
                    }
                    pull.proceed()
                }
                Ok(PullStep::Done(_)) => break Ok(total),
            };
        };
        let result = result.map_err(|e| crate::errors::Problem::from(format!("{name}: {e}")));
        d.dispatch(WorkAction::FileDone(FileOutcome { name, result }));
    }
    if bundler.waiting() > 0 {
        let text = super::texts::T::ServerWaiting.get(lang);
        d.dispatch(WorkAction::Message(Some(format!("{} {text}", bundler.waiting()).into())));
    }
    d.dispatch(WorkAction::Took(Stage::Import, now_ms() - started));
    summary(&engine, &d, None).await;
}

/// The analyst's saved server, if any.
pub async fn saved(store: &Store) -> Option<ServerSource> {
    store.sync_state(SOURCE_KEY).await.ok().flatten()
}

/// Saves the analyst's server.
pub async fn save(store: &Store, source: &ServerSource) {
    let _ = store.put_sync_state(SOURCE_KEY, source).await;
}

/// Forgets the load checkpoints (the data was cleared: the next load reads everything).
pub async fn forget_checkpoints(store: &Store) {
    let _ = store.put_sync_state(SEQ_KEY, &BTreeMap::<String, Seq>::new()).await;
}
