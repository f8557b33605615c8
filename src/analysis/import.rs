//! The import panel: the file picker (many files at once), the progress bar (file k of n and the
//! responses read of the file under way), what each file gave
//! (added, duplicates, conflicts, or the error naming file, line and column), how many responses
//! are merged and where they are kept, and Clear with a confirmation.

use super::state::{FileOutcome, Keeping, Workspace};
use super::texts::T;
use manyi_core::io::merge::Resolution;
use manyi_core::Lang;
use yew::prelude::*;

fn outcome(o: &FileOutcome, lang: Lang) -> Html {
    match &o.result {
        Err(e) => html! {
            <tr class="is-error" data-file={o.name.clone()}>
                <th scope="row">{ &o.name }</th>
                <td colspan="3" class="an-file-error" role="alert">{ e.say(lang) }</td>
            </tr>
        },
        Ok(r) => {
            let notes: Vec<String> = r
                .questionnaire_conflicts
                .iter()
                .map(|q| format!("{q}: {}", T::QuestionnaireConflict.get(lang)))
                .chain(
                    (r.masked_phones > 0)
                        .then(|| format!("{} {}", r.masked_phones, T::MaskedPhones.get(lang))),
                )
                .collect();
            // A file re-saved from a spreadsheet may differ from its JSON copy in thousands of
            // responses: the first few are listed, folded, with how many more there are.
            let shown = r.conflicts.iter().take(CONFLICTS_LISTED).map(|c| {
                let what = match c.resolution {
                    Resolution::Replaced => T::Replaced,
                    Resolution::KeptFirst => T::KeptFirst,
                };
                html! { <li>{ format!("{}: {}", c.id, what.get(lang)) }</li> }
            });
            let more = r.conflicts.len().saturating_sub(CONFLICTS_LISTED);
            html! {
                <tr data-file={o.name.clone()}>
                    <th scope="row">{ &o.name }</th>
                    <td class="number an-added">{ r.added }</td>
                    <td class="number an-duplicates">{ r.duplicates }</td>
                    <td class="an-conflicts">
                        { for (r.conflicts.is_empty()).then(|| html! { { 0 } }) }
                        { for (!r.conflicts.is_empty()).then(|| html! {
                            <details class="an-conflict-details">
                                <summary>{ r.conflicts.len() }</summary>
                                <ul class="an-conflict-list">
                                    { for shown }
                                    { for (more > 0).then(|| html! {
                                        <li class="an-conflict-more">{ format!("{} {more} {}", T::AndMore.get(lang), T::MoreConflicts.get(lang)) }</li>
                                    }) }
                                </ul>
                            </details>
                        }) }
                        { for (!notes.is_empty()).then(|| html! {
                            <ul class="an-file-notes">{ for notes.iter().map(|d| html! { <li>{ d }</li> }) }</ul>
                        }) }
                    </td>
                </tr>
            }
        }
    }
}

/// How many differing copies a file's row lists.
const CONFLICTS_LISTED: usize = 20;

/// Props of [`ImportPanel`].
#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// The workspace.
    pub w: UseReducerHandle<Workspace>,
    /// Files picked.
    pub on_files: Callback<Vec<web_sys::File>>,
    /// Clear pressed (first to ask, then to confirm).
    pub on_clear: Callback<bool>,
    /// Clear cancelled.
    pub on_cancel: Callback<()>,
    /// The interface language.
    pub lang: Lang,
}

/// The panel.
#[function_component(ImportPanel)]
pub fn import_panel(p: &ImportProps) -> Html {
    let w = &p.w;
    let lang = p.lang;
    let onchange = {
        let on_files = p.on_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            // Picking the same files again must fire `change` again.
            input.set_value("");
            if !files.is_empty() {
                on_files.emit(files);
            }
        })
    };
    let busy = w.progress.is_some() || w.keeping == Keeping::Opening;
    let progress = w.progress.map(|pr| {
        // File k of n, and how far the worker has read into it (its count is an estimate until
        // the end).
        let file = (pr.done + 1).min(pr.total);
        let mut label = format!("{} {} {file} / {}", T::Importing.get(lang), T::File.get(lang), pr.total);
        if pr.file.expected > 0 {
            label += &format!(
                " · {} {} / {} {} {}",
                T::ReadOf.get(lang),
                pr.file.read,
                T::About.get(lang),
                pr.file.expected,
                T::ResponsesCount.get(lang)
            );
        }
        html! {
            <div class="an-progress" role="status" data-file={file.to_string()} data-files={pr.total.to_string()}
                data-read={pr.file.read.to_string()} data-expected={pr.file.expected.to_string()}>
                <label for="an-progress-bar">{ label }</label>
                <progress id="an-progress-bar" max="1" value={format!("{:.4}", pr.fraction())} />
            </div>
        }
    });
    let keeping = match &w.keeping {
        Keeping::Opening => T::Loading.get(lang).to_owned(),
        Keeping::Durable => T::Durable.get(lang).to_owned(),
        Keeping::MemoryOnly(why) => format!("{}（{why}）", T::MemoryOnly.get(lang)),
    };
    let clear = if w.confirm_clear {
        let (yes, no) = (p.on_clear.clone(), p.on_cancel.clone());
        html! {
            <>
                <button type="button" class="danger" onclick={move |_| yes.emit(true)}>{ T::ConfirmClear.get(lang) }</button>
                <button type="button" class="secondary" onclick={move |_| no.emit(())}>{ T::Cancel.get(lang) }</button>
            </>
        }
    } else {
        let ask = p.on_clear.clone();
        html! {
            <button type="button" class="secondary" disabled={busy || w.held == 0} onclick={move |_| ask.emit(false)}>
                { T::Clear.get(lang) }
            </button>
        }
    };
    html! {
        <section class="an-import" aria-labelledby="an-import-title">
            <h2 id="an-import-title">{ T::ImportTitle.get(lang) }</h2>
            <label class="an-pick">
                <span>{ T::PickFiles.get(lang) }</span>
                <input id="an-files" type="file" multiple=true accept=".json,.csv,application/json,text/csv" disabled={busy} {onchange} />
            </label>
            { for progress }
            { for (!w.outcomes.is_empty()).then(|| html! {
                <table class="an-outcomes">
                    <thead><tr>
                        <th scope="col">{ T::File.get(lang) }</th>
                        <th scope="col" class="number">{ T::Added.get(lang) }</th>
                        <th scope="col" class="number">{ T::Duplicates.get(lang) }</th>
                        <th scope="col">{ T::Conflicts.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for w.outcomes.iter().map(|o| outcome(o, lang)) }</tbody>
                </table>
            }) }
            <dl class="an-facts">
                <dt>{ T::Held.get(lang) }</dt><dd class="an-held">{ w.held }</dd>
                { for w.import_ms.map(|ms| html! {
                    <>
                        <dt>{ T::ImportTook.get(lang) }</dt>
                        <dd class="an-import-took" data-ms={format!("{ms:.0}")}>{ format!("{:.1} s", ms / 1000.0) }</dd>
                    </>
                }) }
                { for w.worker_memory.map(|bytes| html! {
                    <>
                        <dt>{ T::WorkerMemory.get(lang) }</dt>
                        <dd class="an-worker-memory" data-bytes={format!("{bytes:.0}")}>{ format!("{:.0} MB", bytes / 1e6) }</dd>
                    </>
                }) }
            </dl>
            <p class="note an-keeping">{ keeping }</p>
            <p class="an-clear">{ clear }</p>
        </section>
    }
}
