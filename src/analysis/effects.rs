//! What the workspace does outside its state, each a future the page spawns: re-read the kept
//! files when it opens, import the files the analyst picked, compute the results, and the
//! downloads. The data and the scoring live in the analysis web worker (`client`, `protocol`):
//! the page sends it each file's bytes (transferred, not copied) and waits for its reply, showing
//! the worker's progress within the file meanwhile, so the page stays responsive while a million
//! responses are read or scored. Each effect changes the worker or the store first, then tells
//! the state.

use super::client::{Answer, Client};
use super::failure::Failure;
use super::protocol::{Download, Reply, Request};
use super::state::{FileOutcome, Keeping, Stage, WorkAction, Workspace};
use crate::app::StoreStatus;
use crate::errors::Problem;
use crate::platform::clock;
use crate::platform::files;
use crate::storage::analysis::KeptFile;
use crate::storage::Store;
use manyi_core::io::merge::MergeReport;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::UseReducerDispatcher;

type Dispatch = UseReducerDispatcher<Workspace>;
/// The worker holding the data, shared by the page's effects (never by the state).
pub type Engine = Rc<Client>;

/// Milliseconds since the page loaded.
pub(super) fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Lets the browser render and handle input before the next piece of work.
async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

fn unexpected(reply: &Reply) -> Failure {
    match reply {
        Reply::Failed(e) => e.clone(),
        other => Failure::Unexpected(format!("{other:?}")),
    }
}

/// Sends `request` to the worker and tells the state how much memory the worker holds.
async fn ask(engine: &Engine, d: &Dispatch, request: &Request) -> Result<Answer, String> {
    let answer = engine.request(request, None, None).await?;
    if let Some(bytes) = answer.memory {
        d.dispatch(WorkAction::WorkerMemory(bytes));
    }
    Ok(answer)
}

/// Merges one file in the worker, showing how far it has read.
pub(super) async fn import_one(
    engine: &Engine,
    d: &Dispatch,
    name: &str,
    bytes: js_sys::ArrayBuffer,
) -> Result<MergeReport, Problem> {
    let progress = {
        let d = d.clone();
        Box::new(move |p| d.dispatch(WorkAction::FileProgress(p)))
    };
    let request = Request::Import { name: name.to_owned() };
    match engine.request(&request, Some(bytes), Some(progress)).await?.reply {
        Reply::Imported(result) => result.map_err(Problem::Core),
        other => Err(unexpected(&other).into()),
    }
}

pub(super) async fn summary(engine: &Engine, d: &Dispatch, keeping: Option<Keeping>) {
    let (held, versions) = match ask(engine, d, &Request::Settle).await.map(|a| a.reply) {
        Ok(Reply::Settled { held, versions }) => (held, versions),
        Ok(other) => {
            d.dispatch(WorkAction::Message(Some(unexpected(&other).into())));
            (0, Vec::new())
        }
        Err(e) => {
            d.dispatch(WorkAction::Message(Some(Failure::Worker(e).into())));
            (0, Vec::new())
        }
    };
    match keeping {
        Some(keeping) => d.dispatch(WorkAction::Opened { keeping, held, versions }),
        None => d.dispatch(WorkAction::ImportFinished { held, versions }),
    }
}

/// Opens the workspace: re-imports the kept files in their order, or says the data is held in
/// memory only.
pub async fn open(store: StoreStatus, engine: Engine, d: Dispatch) {
    let keeping = match store {
        StoreStatus::Opening => return,
        StoreStatus::Failed => Keeping::MemoryOnly("IndexedDB".into()),
        StoreStatus::Ready(store) => match store.analysis_files().await {
            Err(e) => Keeping::MemoryOnly(e.to_string()),
            Ok(kept) => {
                let total = kept.len();
                if total > 0 {
                    d.dispatch(WorkAction::ImportStarted { total });
                }
                for file in kept {
                    let result = match file.bytes().await {
                        Ok(bytes) => import_one(&engine, &d, &file.name, bytes).await,
                        Err(e) => Err(format!("{}: {e}", file.name).into()),
                    };
                    d.dispatch(WorkAction::FileDone(FileOutcome { name: file.name, result }));
                }
                Keeping::Durable
            }
        },
    };
    summary(&engine, &d, Some(keeping)).await;
}

/// The bytes of a picked file, read by the browser (off the page's thread).
async fn read(file: &web_sys::File) -> Result<js_sys::ArrayBuffer, String> {
    let buffer =
        wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok(buffer.unchecked_into())
}

/// Whether a file changed the data and so must be kept.
pub(super) fn changed(r: &MergeReport) -> bool {
    r.added > 0 || !r.conflicts.is_empty()
}

/// Imports the picked files one after another in the worker; each is checked whole before it
/// is merged, so a malformed one changes nothing. Files that changed the data are kept in the
/// store.
pub async fn import(files: Vec<web_sys::File>, store: Option<Store>, engine: Engine, d: Dispatch) {
    let started = now_ms();
    d.dispatch(WorkAction::ImportStarted { total: files.len() });
    let batch = clock::now().timestamp_millis();
    for (n, file) in files.into_iter().enumerate() {
        yield_to_browser().await;
        let name = file.name();
        let result = match read(&file).await {
            Err(e) => Err(format!("{name}: {e}").into()),
            Ok(bytes) => {
                let result = import_one(&engine, &d, &name, bytes).await;
                if let (Ok(report), Some(store)) = (&result, &store) {
                    if changed(report) {
                        // The picked file itself: IndexedDB keeps it without a copy by the page.
                        let kept = KeptFile {
                            id: format!("{batch:015}-{n:05}"),
                            name: name.clone(),
                            contents: file.clone().into(),
                        };
                        if let Err(e) = store.keep_analysis_file(&kept, &clock::now().to_rfc3339()).await {
                            d.dispatch(WorkAction::Message(Some(e.to_string().into())));
                        }
                    }
                }
                result
            }
        };
        d.dispatch(WorkAction::FileDone(FileOutcome { name, result }));
    }
    d.dispatch(WorkAction::Took(Stage::Import, now_ms() - started));
    summary(&engine, &d, None).await;
}

/// Computes the results of the current data and settings, in the worker.
pub async fn compute(engine: Engine, w: Rc<Workspace>, d: Dispatch) {
    let Some(version) = w.chosen_version().cloned() else {
        d.dispatch(WorkAction::Computed(Err(Failure::NoVersion)));
        return;
    };
    d.dispatch(WorkAction::Computing);
    let started = now_ms();
    let request = Request::Compute { version: version.reference, settings: w.settings.clone() };
    let result = match ask(&engine, &d, &request).await.map(|a| a.reply) {
        Ok(Reply::Computed(result)) => result,
        Ok(other) => Err(unexpected(&other)),
        Err(e) => Err(Failure::Worker(e)),
    };
    d.dispatch(WorkAction::Took(Stage::Compute, now_ms() - started));
    d.dispatch(WorkAction::Computed(result.map(|r| Rc::new(*r))));
}

/// Removes everything imported, from the store and from the worker.
pub async fn clear(store: Option<Store>, engine: Engine, d: Dispatch) {
    if let Some(store) = store {
        if let Err(e) = store.clear_analysis_files().await {
            d.dispatch(WorkAction::Message(Some(e.to_string().into())));
            return;
        }
        // The next load from a server reads everything again.
        super::server::forget_checkpoints(&store).await;
    }
    if let Err(e) = ask(&engine, &d, &Request::Clear).await {
        d.dispatch(WorkAction::Message(Some(Failure::Worker(e).into())));
        return;
    }
    d.dispatch(WorkAction::Cleared);
}

/// Has the worker make a download of the current results and offers it.
pub async fn download(what: Download, engine: Engine, d: Dispatch) -> Result<(), Failure> {
    let request = Request::Download { what, at: clock::now() };
    let answer = ask(&engine, &d, &request).await.map_err(Failure::Worker)?;
    match (answer.reply, answer.file) {
        (Reply::Made(Ok((name, _))), Some(file)) => {
            files::download_blob(&name, &file).map_err(Failure::NotMade)
        }
        (Reply::Made(Ok((name, _))), None) => Err(Failure::EmptyFile(name)),
        (Reply::Made(Err(e)), _) => Err(e),
        (other, _) => Err(unexpected(&other)),
    }
}
