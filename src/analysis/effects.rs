//! What the workspace does outside its state, each a future the page spawns: re-read the kept
//! files when it opens, import the files the analyst picked (a file at a time, yielding to the
//! browser between files so the page stays responsive and the progress bar moves), compute the
//! results, and the downloads. Each changes the engine or the store first, then tells the state.

use super::engine::{MergedEngine, ScoringEngine};
use super::results;
use super::state::{FileOutcome, Keeping, Results, Stage, WorkAction, Workspace};
use crate::app::StoreStatus;
use crate::platform::clock;
use crate::platform::files;
use crate::storage::analysis::KeptFile;
use crate::storage::Store;
use manyi_core::io::merge::MergeReport;
use std::cell::RefCell;
use std::rc::Rc;
use yew::UseReducerDispatcher;

type Dispatch = UseReducerDispatcher<Workspace>;
/// The engine, shared by the page's effects (never by the state).
pub type Engine = Rc<RefCell<MergedEngine>>;

/// Milliseconds since the page loaded.
fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Lets the browser render and handle input before the next piece of work.
async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

fn summary(engine: &Engine, d: &Dispatch, keeping: Option<Keeping>) {
    let mut e = engine.borrow_mut();
    e.settle();
    let (held, versions) = (e.len(), e.versions());
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
                    yield_to_browser().await;
                    let result =
                        engine.borrow_mut().import(&file.bytes, &file.name).map_err(|e| e.to_string());
                    d.dispatch(WorkAction::FileDone(FileOutcome { name: file.name, result }));
                }
                Keeping::Durable
            }
        },
    };
    summary(&engine, &d, Some(keeping));
}

/// The name and bytes of a picked file.
async fn read(file: web_sys::File) -> Result<(String, Vec<u8>), String> {
    let buffer =
        wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    Ok((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Whether a file changed the data and so must be kept.
fn changed(r: &MergeReport) -> bool {
    r.added > 0 || !r.conflicts.is_empty()
}

/// Imports the picked files one after another; each is checked whole before it is merged, so a
/// malformed one changes nothing. Files that changed the data are kept in the store.
pub async fn import(files: Vec<web_sys::File>, store: Option<Store>, engine: Engine, d: Dispatch) {
    let started = now_ms();
    d.dispatch(WorkAction::ImportStarted { total: files.len() });
    let batch = clock::now().timestamp_millis();
    for (n, file) in files.into_iter().enumerate() {
        yield_to_browser().await;
        let name = file.name();
        let result = match read(file).await {
            Err(e) => Err(format!("{name}: {e}")),
            Ok((name, bytes)) => {
                yield_to_browser().await;
                let result = engine.borrow_mut().import(&bytes, &name).map_err(|e| e.to_string());
                if let (Ok(report), Some(store)) = (&result, &store) {
                    if changed(report) {
                        let kept = KeptFile { id: format!("{batch:015}-{n:05}"), name: name.clone(), bytes };
                        if let Err(e) = store.keep_analysis_file(&kept, &clock::now().to_rfc3339()).await {
                            d.dispatch(WorkAction::Message(Some(e.to_string())));
                        }
                    }
                }
                result
            }
        };
        d.dispatch(WorkAction::FileDone(FileOutcome { name, result }));
    }
    engine.borrow_mut().settle();
    d.dispatch(WorkAction::Took(Stage::Import, now_ms() - started));
    summary(&engine, &d, None);
}

/// Computes the results of the current data and settings.
pub async fn compute(engine: Engine, w: Rc<Workspace>, d: Dispatch) {
    let Some(version) = w.chosen_version().cloned() else {
        d.dispatch(WorkAction::Computed(Err(String::new())));
        return;
    };
    d.dispatch(WorkAction::Computing);
    yield_to_browser().await;
    let started = now_ms();
    let result = match &version.questionnaire {
        None => Err(format!("{}: questionnaire not in the files", version.reference)),
        Some(q) => results::compute(&*engine.borrow(), q, &w.settings),
    };
    d.dispatch(WorkAction::Took(Stage::Compute, now_ms() - started));
    d.dispatch(WorkAction::Computed(result.map(Rc::new)));
}

/// Removes everything imported, from the store and from memory.
pub async fn clear(store: Option<Store>, engine: Engine, d: Dispatch) {
    if let Some(store) = store {
        if let Err(e) = store.clear_analysis_files().await {
            d.dispatch(WorkAction::Message(Some(e.to_string())));
            return;
        }
    }
    *engine.borrow_mut() = MergedEngine::default();
    d.dispatch(WorkAction::Cleared);
}

/// A download the analyst asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Download {
    /// The workbook of `manyi export`.
    Xlsx,
    /// One table as CSV with a BOM.
    Csv(String),
    /// Every table as one JSON document.
    Json,
    /// The merged responses as a Manyi JSON bundle.
    Bundle,
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Makes and offers a download of the current results.
pub fn download(what: &Download, engine: &Engine, w: &Workspace, r: &Results) -> Result<(), String> {
    let at = clock::now();
    let filter = w.settings.filter();
    let q = &r.questionnaire;
    let e = engine.borrow();
    let stem = format!("manyi-{}-v{}-{}", q.id, q.version, at.format("%Y%m%d-%H%M"));
    let export = || e.export(q, &filter, &r.analysis, at);
    let made: Result<(String, &str, Vec<u8>), String> = match what {
        Download::Xlsx => {
            export().to_xlsx().map(|b| (format!("{stem}.xlsx"), XLSX, b)).map_err(|e| e.to_string())
        }
        Download::Csv(table) => export()
            .csv_files()
            .into_iter()
            .find(|(name, _)| *name == format!("{table}.csv"))
            .map(|(name, b)| (format!("{stem}-{name}"), "text/csv;charset=utf-8", b))
            .ok_or_else(|| format!("no table {table}")),
        Download::Json => {
            let ex = export();
            let mut object = serde_json::Map::new();
            object.insert("about".into(), ex.about.to_json_value());
            for (name, table) in &ex.tables {
                object.insert((*name).into(), table.to_json_value());
            }
            serde_json::to_vec_pretty(&object)
                .map(|b| (format!("{stem}.json"), "application/json", b))
                .map_err(|e| e.to_string())
        }
        Download::Bundle => {
            Ok((format!("{stem}-responses.json"), "application/json", e.bundle(q, &filter, at)))
        }
    };
    made.and_then(|(name, mime, bytes)| files::download(&name, mime, &bytes))
}
