//! `#/editor`: staff make and change questionnaires of every kind. The list of questionnaires
//! (new, import, edit, export, run); the editor with the problems core finds listed as they
//! arise; saving by core's version rule (an answered or built-in version is never changed: the
//! edit becomes the next version); export and import as JSON files.

use super::header_editor::{BasicsEditor, DimensionsEditor, ScalesEditor};
use super::import_notes::ImportNotes;
use super::item_editor::ItemEditor;
use super::library::{use_library, Loaded};
use super::list::QuestionnaireList;
use super::state::{EditorAction, EditorScreen, EditorState};
use super::texts::A;
use crate::app::{AppContext, StoreStatus};
use crate::evaluation::runner::Runner;
use crate::evaluation::TrialChecklist;
use crate::platform::files;
use crate::platform::location::Route;
use manyi_core::authoring::{Edit, KindChoice};
use manyi_core::questionnaire::library::{Library, SavePlan};
use manyi_core::questionnaire::{Mode, Questionnaire};
use manyi_core::{Lang, Text};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Offers a questionnaire as a JSON file.
pub fn export(q: &Questionnaire) {
    let _ =
        files::download(&format!("{}-v{}.json", q.id, q.version), "application/json", q.to_json().as_bytes());
}

/// Tries a saved questionnaire out (试填) here, in memory: nothing is stored, so a trial run
/// never counts as a response or a visit.
pub fn run(q: &Questionnaire, state: &UseReducerHandle<EditorState>) {
    state.dispatch(EditorAction::Run(Rc::new(q.clone())));
}

fn save(ctx: &AppContext, library: &UseStateHandle<Loaded>, state: &UseReducerHandle<EditorState>) {
    let (Some(draft), Some(lib)) = (state.draft.clone(), library.library().cloned()) else { return };
    let StoreStatus::Ready(store) = ctx.store.clone() else {
        return state.dispatch(EditorAction::Tell(
            true,
            Text::new("本机存储不可用", "The device's storage is unavailable"),
        ));
    };
    let (state, library) = (state.clone(), library.clone());
    spawn_local(async move {
        let answered = store.answered().await.unwrap_or_default();
        // A version on the server (published or pulled from it) never changes either.
        let published = crate::sync::engine::published(&store).await.unwrap_or_default();
        match lib.plan_save(draft, &|r| answered.contains(r) || published.contains(r)) {
            Ok(SavePlan::Unchanged) => state.dispatch(EditorAction::Tell(
                false,
                Text::new(A::Unchanged.get(Lang::Zh), A::Unchanged.get(Lang::En)),
            )),
            Ok(SavePlan::Write { questionnaire, from, .. }) => {
                if let Err(e) = store.put_questionnaire(&questionnaire).await {
                    return state.dispatch(EditorAction::Tell(true, Text::new(e.to_string(), e.to_string())));
                }
                let mut lib: Library = (*lib).clone();
                lib.insert((*questionnaire).clone());
                library.set(Loaded::Ready(Rc::new(lib)));
                let r = questionnaire.reference();
                let said = match from {
                    Some(old) => Text::new(
                        format!("v{old} {}：{r}", A::SavedAsNew.get(Lang::Zh)),
                        format!("v{old}: {}: {r}", A::SavedAsNew.get(Lang::En)),
                    ),
                    None => Text::new(
                        format!("{} {r}", A::Saved.get(Lang::Zh)),
                        format!("{} {r}", A::Saved.get(Lang::En)),
                    ),
                };
                state.dispatch(EditorAction::Saved(questionnaire, said));
            }
            Err(refusal) => state.dispatch(EditorAction::Tell(true, refusal.text)),
        }
    });
}

/// 发布到服务器: the saved version into the configuration database.
fn publish(ctx: &AppContext, q: Questionnaire, state: &UseReducerHandle<EditorState>) {
    let StoreStatus::Ready(store) = ctx.store.clone() else { return };
    let state = state.clone();
    spawn_local(async move {
        use crate::sync::publish::Published;
        let both = |t: A, r: String| {
            Text::new(format!("{} {r}", t.get(Lang::Zh)), format!("{} {r}", t.get(Lang::En)))
        };
        let said = match crate::sync::publish::publish(&store, &q).await {
            Ok(Published::Sent) => (false, both(A::Published, q.reference().to_string())),
            Ok(Published::AlreadyThere) => (false, both(A::AlreadyPublished, q.reference().to_string())),
            Err(e) => {
                let words = crate::sync::texts::SyncText::of_failure(&e);
                let zh =
                    format!("{}：{}（{}）", A::PublishFailed.get(Lang::Zh), words.get(Lang::Zh), e.detail());
                let en =
                    format!("{}: {} ({})", A::PublishFailed.get(Lang::En), words.get(Lang::En), e.detail());
                (true, Text::new(zh, en))
            }
        };
        state.dispatch(EditorAction::Tell(said.0, said.1));
    });
}

fn problems(q: &Questionnaire, lang: Lang) -> Html {
    let found = q.explain();
    if found.is_empty() {
        return html! { <p class="no-problems">{ A::NoProblems.get(lang) }</p> };
    }
    let rows = found.iter().map(|p| {
        html! { <li>if let Some(i) = &p.item { <code>{ i }</code>{ "：" } }{ p.text.get(lang) }</li> }
    });
    html! {
        <section class="problems" role="status">
            <h3>{ format!("{} ({})", A::Problems.get(lang), found.len()) }</h3>
            <ul>{ for rows }</ul>
        </section>
    }
}

/// Asked when 返回列表 is pressed with unsaved changes: let them go, or keep editing.
fn leave_unsaved(state: &UseReducerHandle<EditorState>, lang: Lang) -> Html {
    let (stay, discard) = (state.clone(), state.clone());
    html! {
        <div class="leave-unsaved" role="alertdialog" aria-labelledby="leave-unsaved-title">
            <p id="leave-unsaved-title">{ A::LeaveUnsaved.get(lang) }</p>
            <button type="button" class="primary" onclick={move |_| stay.dispatch(EditorAction::StayEditing)}>{ A::KeepEditing.get(lang) }</button>
            <button type="button" class="danger" onclick={move |_| discard.dispatch(EditorAction::Discard)}>{ A::Discard.get(lang) }</button>
        </div>
    }
}

fn editor(
    ctx: &AppContext,
    library: &UseStateHandle<Loaded>,
    state: &UseReducerHandle<EditorState>,
    kind: &UseStateHandle<String>,
) -> Html {
    let lang = ctx.lang();
    let Some(q) = state.draft.clone() else { return Html::default() };
    let on_edit = {
        let state = state.clone();
        Callback::from(move |e: Edit| state.dispatch(EditorAction::Edit(e)))
    };
    let on_open = {
        let state = state.clone();
        Callback::from(move |k| state.dispatch(EditorAction::OpenItem(k)))
    };
    let dirty = state.dirty();
    let on_save = {
        let (ctx, library, state) = (ctx.clone(), library.clone(), state.clone());
        Callback::from(move |_| save(&ctx, &library, &state))
    };
    let on_export = {
        let q = q.clone();
        Callback::from(move |_| export(&q))
    };
    let on_run = {
        let (q, state) = (q.clone(), state.clone());
        Callback::from(move |_| run(&q, &state))
    };
    let on_close = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(EditorAction::Close))
    };
    let on_publish = {
        let (ctx, q, state) = (ctx.clone(), q.clone(), state.clone());
        Callback::from(move |_| publish(&ctx, q.clone(), &state))
    };
    let items = (0..q.items.len()).map(|at| {
        html! { <ItemEditor key={at} questionnaire={q.clone()} {at} open={state.open_item == Some(at)} {lang}
        on_edit={on_edit.clone()} on_open={on_open.clone()} /> }
    });
    let kinds = KindChoice::ALL.iter().map(|k| {
        html! { <option value={k.code()} selected={k.code() == **kind}>{ k.label().get(lang) }</option> }
    });
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            kind.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())
        })
    };
    let add = {
        let (kind, on_edit) = (kind.clone(), on_edit.clone());
        Callback::from(move |_| {
            let k = KindChoice::ALL.into_iter().find(|k| k.code() == *kind).unwrap_or(KindChoice::Rating);
            on_edit.emit(Edit::AddItem(k))
        })
    };
    let part = |title: A, body: Html, open: bool| html! { <details class="editor-part" {open}><summary>{ title.get(lang) }</summary>{ body }</details> };
    html! {
        <section class="editor">
            <header class="editor-head">
                <h2>{ if q.title.get(lang).is_empty() { "…" } else { q.title.get(lang) } }</h2>
                <span class="q-ref">{ q.reference().to_string() }</span>
                if dirty { <span class="badge unsaved">{ A::Unsaved.get(lang) }</span> }
                <div class="editor-actions">
                    <button type="button" class="primary" onclick={on_save}>{ A::Save.get(lang) }</button>
                    <button type="button" class="secondary" disabled={dirty} title={dirty.then(|| A::SaveFirst.get(lang))} onclick={on_export}>{ A::Export.get(lang) }</button>
                    <button type="button" class="secondary" disabled={dirty} title={dirty.then(|| A::SaveFirst.get(lang))} onclick={on_run}>{ A::Run.get(lang) }</button>
                    <button type="button" class="secondary" disabled={dirty} title={dirty.then(|| A::SaveFirst.get(lang))} onclick={on_publish}>{ A::Publish.get(lang) }</button>
                    <button type="button" class="secondary" onclick={on_close}>{ A::Close.get(lang) }</button>
                </div>
            </header>
            if state.leaving { { leave_unsaved(state, lang) } }
            if let Some((problem, said)) = &state.message {
                <p class={classes!("editor-message", problem.then_some("error"))} role="status">{ said.get(lang) }</p>
            }
            if let Some(notes) = &state.imported {
                <ImportNotes notes={notes.clone()} {lang} />
            }
            { problems(&q, lang) }
            { part(A::Basics, html! { <BasicsEditor questionnaire={q.clone()} {lang} on_edit={on_edit.clone()} /> }, true) }
            { part(A::Scales, html! { <ScalesEditor questionnaire={q.clone()} {lang} on_edit={on_edit.clone()} /> }, false) }
            { part(A::Dimensions, html! { <DimensionsEditor questionnaire={q.clone()} {lang} on_edit={on_edit.clone()} /> }, q.mode == Mode::Checklist) }
            <section class="editor-items">
                <h3>{ A::Items.get(lang) }</h3>
                <ol class="item-list">{ for items }</ol>
                <div class="add-item">
                    <label for="new-item-kind" class="visually-hidden">{ A::Kind.get(lang) }</label>
                    <select id="new-item-kind" onchange={on_kind}>{ for kinds }</select>
                    <button type="button" class="secondary" onclick={add}>{ A::AddItem.get(lang) }</button>
                </div>
            </section>
        </section>
    }
}

/// The editor screens.
#[function_component(EditorPage)]
pub fn editor_page() -> Html {
    let ctx = use_context::<AppContext>().expect("rendered inside App");
    let lang = ctx.lang();
    let library = use_library();
    let state = use_reducer(EditorState::default);
    let kind = use_state(|| KindChoice::Rating.code().to_owned());
    let Some(lib) = library.library().cloned() else {
        return html! { <section class="editor"><p>{ A::Editor.get(lang) }{ " …" }</p></section> };
    };
    let body = match &state.screen {
        EditorScreen::List => {
            html! { <QuestionnaireList library={lib} {lang} state={state.clone()} loaded={library.clone()} store={ctx.store.clone()} /> }
        }
        EditorScreen::Edit => editor(&ctx, &library, &state, &kind),
        EditorScreen::Run(q) => {
            let state = state.clone();
            let close = Callback::from(move |_| state.dispatch(EditorAction::Close));
            html! {
                <section class="editor-run">
                    <button type="button" class="secondary" onclick={close}>{ A::Close.get(lang) }</button>
                    if q.mode == Mode::Checklist {
                        <TrialChecklist key={q.reference().to_string()} questionnaire={Rc::clone(q)} {lang} />
                    } else {
                        <Runner key={q.reference().to_string()} questionnaire={Rc::clone(q)} trial=true />
                    }
                </section>
            }
        }
    };
    html! {
        <section class="authoring">
            <header class="area-head">
                <h1>{ A::Editor.get(lang) }</h1>
                <nav class="area-links">
                    <a href={Route::Evaluation.href()}>{ crate::evaluation::texts::T::Evaluation.get(lang) }</a>
                    <a href={Route::Kano.href()}>{ crate::evaluation::texts::T::KanoStudy.get(lang) }</a>
                </nav>
            </header>
            { body }
        </section>
    }
}
