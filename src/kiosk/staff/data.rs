//! The staff's data section: counts of the kiosk's stored, exported and unexported responses and low scores,
//! storage used and whether it is persistent, export (JSON, CSV, Excel), "mark as exported", and
//! deletion of exported responses only, after a confirmation.

use crate::app::{AppContext, StoreStatus};
use crate::exports::{self, File};
use crate::i18n::Ui;
use crate::kiosk::texts::K;
use crate::platform::{clock, device, files};
use crate::storage::Record;
use chrono::{DateTime, FixedOffset};
use manyi_core::kiosk::summary::to_export;
use manyi_core::kiosk::{kiosk_own, LowScoreRule, StaffSummary};
use manyi_core::questionnaire::library::Library;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::tags::TagValue;
use manyi_core::response::{Response, ResponseId};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// A format the staff screen exports to.
type Make =
    fn(&Questionnaire, &[&Response], Option<&TagValue>, DateTime<FixedOffset>) -> Result<File, String>;

/// What the browser says about its storage.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Device {
    estimate: Option<(f64, f64)>,
    persisted: Option<bool>,
}

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_048_576.0)
}

fn count_row(label: K, n: usize, lang: manyi_core::Lang, class: &'static str) -> Html {
    html! { <tr class={class}><th scope="row">{ label.get(lang) }</th><td class="number">{ n }</td></tr> }
}

/// The data section.
#[function_component(DataSection)]
pub fn data_section() -> Html {
    let ctx = use_context::<AppContext>().expect("DataSection is rendered inside StaffApp");
    let lang = ctx.lang();
    let records = use_state(|| None::<Result<Vec<Record>, String>>);
    // The device's library: each response is counted and exported with the version it answered.
    let stored = use_state(|| Rc::new(Vec::<Questionnaire>::new()));
    let library = use_memo(Rc::clone(&*stored), |stored| Library::new(stored.to_vec()));
    let questionnaire = ctx.state.active_questionnaire(&stored);
    let reload = use_state(|| 0u32);
    let device_info = use_state(Device::default);
    let all = use_state(|| false);
    let last_export = use_state(Vec::<ResponseId>::new);
    let message = use_state(|| None::<(bool, String)>);
    let confirming = use_state(|| false);
    {
        let (records, stored) = (records.clone(), stored.clone());
        use_effect_with((ctx.store.clone(), *reload), move |(store, _)| {
            if let StoreStatus::Ready(store) = store.clone() {
                spawn_local(async move {
                    if let Ok(library) = store.questionnaires().await {
                        stored.set(Rc::new(library));
                    }
                    records.set(Some(store.records().await.map_err(|e| e.to_string())))
                });
            }
        });
    }
    {
        let device_info = device_info.clone();
        use_effect_with(*reload, move |_| {
            spawn_local(async move {
                device_info
                    .set(Device { estimate: device::estimate().await, persisted: device::persisted().await })
            })
        });
    }
    let Some(settings) = ctx.state.settings.clone() else { return Html::default() };
    let rows = match &*records {
        None => return html! { <p>{ Ui::Loading.get(lang) }</p> },
        Some(Err(e)) => return html! { <p class="error" role="alert">{ e }</p> },
        Some(Ok(rows)) => rows.clone(),
    };
    // The kiosk's own responses only: the device may also hold a Kano study's, the call desk's
    // and an evaluator's, which are counted and exported where they were made.
    let rows: Vec<Record> = rows.into_iter().filter(|r| kiosk_own(&r.response, &questionnaire.id)).collect();
    let pairs = || rows.iter().map(|r| (&r.response, r.exported_at.is_some()));
    // Each response's low score by its own questionnaire version's rule.
    let threshold = settings.low_score_threshold;
    let summary = StaffSummary::count(pairs(), |r| LowScoreRule::of(library.get(r)?, threshold));

    let export = |make: Make, label: K| {
        let (rows, all, last_export, message) = (rows.clone(), *all, last_export.clone(), message.clone());
        let (device, library) = (settings.device.clone(), Rc::clone(&library));
        let onclick = Callback::from(move |_| {
            let chosen = to_export(rows.iter().map(|r| (&r.response, r.exported_at.is_some())), all);
            // The active questionnaire's responses (kiosk_own above), a file per version they answered.
            if chosen.is_empty() {
                return message.set(Some((false, K::NothingToExport.get(lang).into())));
            }
            let versions: BTreeSet<&QuestionnaireRef> = chosen.iter().map(|r| &r.questionnaire).collect();
            let at = clock::now();
            let done = versions.iter().try_for_each(|v| {
                let q = library.get(v).ok_or_else(|| format!("{v}: {}", K::NotOnDevice.get(lang)))?;
                let of_v: Vec<&Response> =
                    chosen.iter().copied().filter(|r| r.questionnaire == **v).collect();
                let mut f = make(q, &of_v, device.as_ref(), at)?;
                if versions.len() > 1 {
                    f.name = f.name.replacen("manyi-", &format!("manyi-{}-v{}-", v.id, v.version), 1);
                }
                files::download(&f.name, f.mime, &f.bytes)
            });
            match done {
                Ok(()) => {
                    last_export.set(chosen.iter().map(|r| r.id).collect());
                    message.set(Some((true, K::ExportedN.n(lang, chosen.len()))));
                }
                Err(e) => message.set(Some((false, e))),
            }
        });
        html! { <button type="button" {onclick}>{ label.get(lang) }</button> }
    };
    let mark = {
        let (store, last_export, message, reload) =
            (ctx.store.clone(), last_export.clone(), message.clone(), reload.clone());
        Callback::from(move |_| {
            let (ids, message, reload, last_export) =
                ((*last_export).clone(), message.clone(), reload.clone(), last_export.clone());
            let StoreStatus::Ready(store) = store.clone() else { return };
            spawn_local(async move {
                match store.mark_exported(&ids, clock::now()).await {
                    Ok(n) => {
                        message.set(Some((true, K::MarkedN.n(lang, n))));
                        last_export.set(Vec::new());
                    }
                    Err(e) => message.set(Some((false, e.to_string()))),
                }
                reload.set(*reload + 1);
            });
        })
    };
    let ask_delete = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let cancel_delete = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    let delete = {
        let (store, message, reload, confirming) =
            (ctx.store.clone(), message.clone(), reload.clone(), confirming.clone());
        Callback::from(move |_| {
            let (message, reload, confirming) = (message.clone(), reload.clone(), confirming.clone());
            let StoreStatus::Ready(store) = store.clone() else { return };
            spawn_local(async move {
                match store.delete_exported().await {
                    Ok(n) => message.set(Some((true, K::DeletedN.n(lang, n)))),
                    Err(e) => message.set(Some((false, e.to_string()))),
                }
                confirming.set(false);
                reload.set(*reload + 1);
            });
        })
    };
    let ask_persist = {
        let reload = reload.clone();
        Callback::from(move |_| {
            let reload = reload.clone();
            spawn_local(async move {
                let _ = device::persist().await;
                reload.set(*reload + 1);
            })
        })
    };
    let scope = |value: bool, label: K| {
        let checked = *all == value;
        let all = all.clone();
        let onchange = Callback::from(move |_: Event| all.set(value));
        html! { <label class="check"><input type="radio" name="export-scope" {checked} {onchange} />{ label.get(lang) }</label> }
    };
    let used = device_info.estimate.map_or_else(
        || K::Unknown.get(lang).to_owned(),
        |(usage, quota)| format!("{} / {}", megabytes(usage), megabytes(quota)),
    );
    let persisted = match device_info.persisted {
        Some(true) => K::Granted.get(lang),
        Some(false) => K::NotGranted.get(lang),
        None => K::Unknown.get(lang),
    };
    let message = (*message).clone().map(|(ok, text)| {
        html! { <p class={if ok { "ok" } else { "error" }} role={if ok { "status" } else { "alert" }}>{ text }</p> }
    });
    let confirm = (*confirming).then(|| {
        html! {
            <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete">
                <p id="confirm-delete">{ K::ConfirmDelete.n(lang, summary.exported) }</p>
                <button type="button" class="danger" onclick={delete}>{ K::ConfirmDeleteYes.get(lang) }</button>
                <button type="button" class="secondary" onclick={cancel_delete}>{ K::Cancel.get(lang) }</button>
            </div>
        }
    });
    html! {
        <div class="staff-data">
            <table class="counts">
                <tbody>
                    { count_row(K::Stored, summary.stored, lang, "count-stored") }
                    { count_row(K::Complete, summary.complete, lang, "count-complete") }
                    { count_row(K::BreakOff, summary.break_off, lang, "count-break-off") }
                    { count_row(K::Drafts, summary.drafts, lang, "count-drafts") }
                    { count_row(K::Exported, summary.exported, lang, "count-exported") }
                    { count_row(K::Unexported, summary.unexported, lang, "count-unexported") }
                    { count_row(K::Queued, summary.queued, lang, "count-queued") }
                    { count_row(K::Flagged, summary.flagged, lang, "count-flagged") }
                    <tr><th scope="row">{ K::StorageUsed.get(lang) }</th><td class="number storage-used">{ used }</td></tr>
                    <tr><th scope="row">{ K::Persistent.get(lang) }</th><td class="persisted">{ persisted }</td></tr>
                </tbody>
            </table>
            if device_info.persisted != Some(true) {
                <button type="button" onclick={ask_persist}>{ K::AskPersist.get(lang) }</button>
            }
            <h3>{ K::ExportTitle.get(lang) }</h3>
            <p class="scope">{ scope(false, K::OnlyUnexported) }{ scope(true, K::AllResponses) }</p>
            <p class="exports">
                { export(|q, rs, device, at| Ok(exports::json(q, rs, device, at)), K::ExportJson) }
                { export(|q, rs, device, at| Ok(exports::csv(q, rs, device, at)), K::ExportCsv) }
                { export(exports::xlsx, K::ExportXlsx) }
            </p>
            <p class="exports">
                <button type="button" disabled={last_export.is_empty()} onclick={mark}>{ K::MarkExported.get(lang) }</button>
                <button type="button" class="danger" disabled={summary.exported == 0 || *confirming} onclick={ask_delete}>
                    { K::DeleteExported.get(lang) }
                </button>
            </p>
            { for confirm }
            { for message }
        </div>
    }
}
