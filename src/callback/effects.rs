//! What the workspace does with the store, each a future the page spawns: read the records (and
//! add the kiosk's call-back requests), import a call list, store a finished call or the call in
//! progress, store a problem record, export. Each stores first and then tells the state.

use super::files;
use super::state::{DeskAction, ImportReport, Message, SaveCall};
use super::texts::T;
use crate::app::StoreStatus;
use crate::platform::clock;
use crate::storage::{StorageError, Store};
use manyi_core::callback::export::Privacy;
use manyi_core::callback::problem::Problem;
use manyi_core::callback::recovery::LOW_SCORE_THRESHOLD;
use manyi_core::callback::{Call, CallList, CallSlot, Case};
use manyi_core::io::text::TextEncoding;
use manyi_core::kiosk::LowScoreRule;
use manyi_core::questionnaire::builtin::Builtin;
use manyi_core::questionnaire::library::Library;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::Response;
use manyi_core::Text;
use std::rc::Rc;
use yew::UseReducerDispatcher;

type Dispatch = UseReducerDispatcher<super::state::Desk>;

fn error(what: T, detail: impl std::fmt::Display) -> DeskAction {
    let t = what.text();
    DeskAction::Notify(Message {
        error: true,
        text: Text::new(format!("{}（{detail}）", t.zh), format!("{} ({detail})", t.en)),
    })
}

/// The kiosk responses' service-recovery cases that `list` does not have yet, stored. A low
/// score is what the kiosk's staff set (`overall` ≤ their threshold, 2 by default), so the queue
/// takes exactly the responses the kiosk counted as queued for a call-back.
async fn new_recovery_cases(
    store: &Store,
    list: &CallList,
    responses: &[Response],
    library: &Library,
) -> Result<Vec<Case>, StorageError> {
    let threshold = store.settings().await?.map_or(LOW_SCORE_THRESHOLD, |s| s.low_score_threshold);
    let mut with = list.clone();
    let before = with.cases.len();
    // Each response by the low-score rule of the questionnaire version it answered, which also
    // names the items the customer rated low.
    with.add_recovery_cases(responses, |r| LowScoreRule::of(library.get(r)?, threshold), |r| library.get(r));
    let added = with.cases.split_off(before);
    if !added.is_empty() {
        store.add_callback_cases(before as u64, &added, clock::now()).await?;
    }
    Ok(added)
}

/// Reads the cases, problems and the call in progress; adds the kiosk's call-back requests.
pub async fn load(store: Store, d: Dispatch) {
    let read = async {
        let cases = store.callback_cases().await?;
        let problems = store.problems().await?;
        let responses = store.list().await?;
        let slot = store.call_slot().await?;
        let library = Library::new(store.questionnaires().await?);
        let mut list = CallList { cases };
        let added = new_recovery_cases(&store, &list, &responses, &library).await?;
        list.cases.extend(added);
        Ok::<_, StorageError>((list, problems, responses, slot, library))
    };
    match read.await {
        Ok((list, problems, responses, slot, library)) => {
            let now = clock::now();
            let call = slot.and_then(|s| resume(&s, &list, &responses, &library, now)).map(Box::new);
            let library = Rc::new(library);
            d.dispatch(DeskAction::Loaded { cases: list.cases, problems, call, library, at: now });
        }
        Err(e) => d.dispatch(DeskAction::LoadFailed(e.to_string())),
    }
}

fn resume(
    slot: &CallSlot,
    list: &CallList,
    responses: &[Response],
    library: &Library,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Option<Call> {
    let case = list.case(&slot.case).filter(|c| c.final_disposition.is_none())?;
    let draft = slot.response.and_then(|id| responses.iter().find(|r| r.id == id).cloned());
    let script = library.get(&case.script_or_builtin())?.clone();
    Some(Call::resume(slot, script, case, draft, now))
}

/// Looks for new kiosk call-back requests (low scores with consent) and adds them.
pub async fn refresh_kiosk(store: Store, list: Rc<CallList>, library: Rc<Library>, d: Dispatch) {
    let result = async {
        let responses = store.list().await?;
        new_recovery_cases(&store, &list, &responses, &library).await
    };
    match result.await {
        Ok(cases) => d.dispatch(DeskAction::CasesAdded { cases, import: None }),
        Err(e) => d.dispatch(error(T::SaveFailed, e)),
    }
}

/// Imports a call-list file: its good rows that are not cases yet become cases (stored in one
/// transaction), bad rows are reported.
pub async fn import(
    store: StoreStatus,
    list: Rc<CallList>,
    file: web_sys::File,
    script: Option<QuestionnaireRef>,
    d: Dispatch,
) {
    let StoreStatus::Ready(store) = store else { return d.dispatch(error(T::SaveFailed, "IndexedDB")) };
    let (name, bytes) = match files::read(file).await {
        Ok(f) => f,
        Err(e) => return d.dispatch(error(T::ImportFailed, e)),
    };
    let mut with = (*list).clone();
    let before = with.cases.len();
    let encoding = match manyi_core::io::text::decode(&bytes).1 {
        TextEncoding::Utf8 => "UTF-8",
        TextEncoding::Gb18030 => "GB18030",
    };
    let summary = match with.import_with_script(&bytes, &name, script) {
        Ok(s) => s,
        Err(e) => return d.dispatch(error(T::ImportFailed, e)),
    };
    let added = with.cases.split_off(before);
    if let Err(e) = store.add_callback_cases(before as u64, &added, clock::now()).await {
        return d.dispatch(error(T::SaveFailed, e));
    }
    let report = ImportReport {
        file: name,
        encoding,
        added: added.len(),
        already_listed: summary.already_listed.len(),
        rejected: summary.rejected,
    };
    d.dispatch(DeskAction::CasesAdded { cases: added, import: Some(report) });
}

/// Stores a finished call: the case, the response and the problem in one transaction.
pub async fn save_call(store: StoreStatus, save: Rc<SaveCall>, d: Dispatch) {
    let StoreStatus::Ready(store) = store else {
        return d.dispatch(DeskAction::SaveFailed("IndexedDB".into()));
    };
    match store.save_finished_call(save.order, &save.finished, save.at).await {
        Ok(()) => d.dispatch(DeskAction::CallSaved),
        Err(e) => d.dispatch(DeskAction::SaveFailed(e.to_string())),
    }
}

/// Stores the call in progress with its draft, or empties the slot when there is none.
pub async fn keep_call_in_progress(store: StoreStatus, progress: Option<(CallSlot, Option<Response>)>) {
    let StoreStatus::Ready(store) = store else { return };
    // A failure here loses only the resumption after a reload; the call itself is stored at its end.
    let _ = match progress {
        Some((slot, draft)) => store.save_call_in_progress(&slot, draft.as_ref(), clock::now()).await,
        None => store.clear_call_slot().await,
    };
}

/// Stores a problem record after an update or its closing.
pub async fn save_problem(store: StoreStatus, problem: Problem, d: Dispatch) {
    let StoreStatus::Ready(store) = store else { return d.dispatch(error(T::SaveFailed, "IndexedDB")) };
    match store.put_problem(&problem, clock::now()).await {
        Ok(()) => d.dispatch(DeskAction::ProblemSaved(problem)),
        Err(e) => d.dispatch(error(T::SaveFailed, e)),
    }
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// One JSON document.
    Json,
    /// One workbook.
    Xlsx,
    /// One table as CSV (UTF-8 with BOM).
    Csv(&'static str),
}

/// Exports the workspace (with the interviews read from the store).
pub async fn export(
    store: StoreStatus,
    list: Rc<CallList>,
    problems: Rc<manyi_core::callback::ProblemLog>,
    library: Rc<Library>,
    privacy: Privacy,
    kind: ExportKind,
    d: Dispatch,
) {
    use manyi_core::callback::files::{callback_export, to_json};
    let StoreStatus::Ready(store) = store else { return d.dispatch(error(T::ExportFailed, "IndexedDB")) };
    let responses = match store.list().await {
        Ok(r) => r,
        Err(e) => return d.dispatch(error(T::ExportFailed, e)),
    };
    let now = clock::now();
    // The built-in callback interview first, then every other script of the cases on the device.
    let mut refs: Vec<QuestionnaireRef> = list.cases.iter().map(|c| c.script_or_builtin()).collect();
    refs.sort();
    refs.dedup();
    let builtin = Builtin::Callback.questionnaire();
    let mut scripts: Vec<&Questionnaire> = vec![&builtin];
    scripts.extend(refs.iter().filter(|r| **r != builtin.reference()).filter_map(|r| library.get(r)));
    let e = callback_export(&list, &problems, &scripts, &responses, privacy, now);
    let stamp = now.format("%Y%m%d-%H%M");
    let (name, mime, bytes) = match kind {
        ExportKind::Json => {
            (format!("manyi-callback-{stamp}.json"), "application/json", to_json(&e, &responses, &scripts))
        }
        ExportKind::Xlsx => match e.to_xlsx() {
            Ok(b) => (
                format!("manyi-callback-{stamp}.xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                b,
            ),
            Err(err) => return d.dispatch(error(T::ExportFailed, err)),
        },
        ExportKind::Csv(table) => match e.table(table) {
            Some(t) => {
                (format!("manyi-callback-{table}-{stamp}.csv"), "text/csv;charset=utf-8", t.to_csv(true))
            }
            None => return,
        },
    };
    if let Err(err) = files::download(&name, mime, &bytes) {
        d.dispatch(error(T::ExportFailed, err));
    }
}
