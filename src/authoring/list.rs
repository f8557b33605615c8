//! Every questionnaire on the device (newest version of each; built-ins marked), with a new one
//! of any mode, import from a JSON file or from a SurveyJS survey (converted by core into a new
//! draft, with what was skipped, renamed or changed listed), and per questionnaire: edit, export,
//! run.

use super::editor_page::{export, run};
use super::header_editor::{mode_of, mode_options};
use super::library::Loaded;
use super::state::{EditorAction, EditorState};
use super::texts::A;
use crate::app::StoreStatus;
use crate::platform::files;
use manyi_core::authoring::template::new_questionnaire;
use manyi_core::questionnaire::library::{ImportPlan, Library};
use manyi_core::questionnaire::surveyjs::from_surveyjs;
use manyi_core::{Lang, Text};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Properties of [`QuestionnaireList`].
#[derive(Properties, PartialEq, Clone)]
pub struct ListProps {
    /// The questionnaires.
    pub library: Rc<Library>,
    /// The interface language.
    pub lang: Lang,
    /// The editor's state.
    pub state: UseReducerHandle<EditorState>,
    /// The library's handle, to add an import.
    pub loaded: UseStateHandle<Loaded>,
    /// The store.
    pub store: StoreStatus,
}

fn import(p: &ListProps) -> Callback<Event> {
    let (lib, state, loaded, store) =
        (Rc::clone(&p.library), p.state.clone(), p.loaded.clone(), p.store.clone());
    Callback::from(move |e: Event| {
        let (lib, state, loaded, store) = (Rc::clone(&lib), state.clone(), loaded.clone(), store.clone());
        spawn_local(async move {
            let said = match files::picked_text(&e).await {
                None => return,
                Some(Err(e)) => Err(Text::new(e.clone(), e)),
                Some(Ok((name, text))) => match lib.plan_import(&text, &name) {
                    Ok(ImportPlan::AlreadyThere(r)) => Ok(Text::new(
                        format!("{}：{r}", A::AlreadyThere.get(Lang::Zh)),
                        format!("{}: {r}", A::AlreadyThere.get(Lang::En)),
                    )),
                    Ok(ImportPlan::Add(q)) => match &store {
                        StoreStatus::Ready(s) => match s.put_questionnaire(&q).await {
                            Ok(()) => {
                                let r = q.reference();
                                let mut next = (*lib).clone();
                                next.insert(*q);
                                loaded.set(Loaded::Ready(Rc::new(next)));
                                Ok(Text::new(
                                    format!("{} {r}", A::ImportedQuestionnaire.get(Lang::Zh)),
                                    format!("{} {r}", A::ImportedQuestionnaire.get(Lang::En)),
                                ))
                            }
                            Err(e) => Err(Text::new(e.to_string(), e.to_string())),
                        },
                        _ => Err(Text::new("本机存储不可用", "The device's storage is unavailable")),
                    },
                    Err(refusal) => {
                        let details = |lang: Lang| {
                            refusal
                                .problems
                                .iter()
                                .map(|p| {
                                    format!("\n{}：{}", p.item.clone().unwrap_or_default(), p.text.get(lang))
                                })
                                .collect::<String>()
                        };
                        Err(Text::new(
                            refusal.text.zh.clone() + &details(Lang::Zh),
                            refusal.text.en.clone() + &details(Lang::En),
                        ))
                    }
                },
            };
            match said {
                Ok(t) => state.dispatch(EditorAction::Tell(false, t)),
                Err(t) => state.dispatch(EditorAction::Tell(true, t)),
            }
        });
    })
}

/// A picked SurveyJS file becomes a new draft (an id not used on the device) with its notes.
fn import_surveyjs(p: &ListProps) -> Callback<Event> {
    let (lib, state) = (Rc::clone(&p.library), p.state.clone());
    Callback::from(move |e: Event| {
        let (lib, state) = (Rc::clone(&lib), state.clone());
        spawn_local(async move {
            match files::picked_text(&e).await {
                None => {}
                Some(Err(e)) => state.dispatch(EditorAction::Tell(true, Text::new(e.clone(), e))),
                Some(Ok((name, text))) => {
                    let stem = name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem);
                    match from_surveyjs(&text, &name, stem) {
                        Ok(mut conversion) => {
                            conversion.questionnaire.id = lib.unused_id(conversion.questionnaire.id.as_str());
                            let q = Box::new(conversion.questionnaire);
                            state.dispatch(EditorAction::OpenImported(q, conversion.notes));
                            state.dispatch(EditorAction::Tell(false, A::ImportedDraft.text()));
                        }
                        Err(e) => {
                            state.dispatch(EditorAction::Tell(true, Text::new(e.to_string(), e.to_string())))
                        }
                    }
                }
            }
        });
    })
}

/// The list.
#[function_component(QuestionnaireList)]
pub fn questionnaire_list(p: &ListProps) -> Html {
    let lang = p.lang;
    let mode = use_state(|| "self_completed".to_owned());
    let create = {
        let (lib, state, mode) = (Rc::clone(&p.library), p.state.clone(), mode.clone());
        Callback::from(move |_| {
            let q = new_questionnaire(lib.unused_id("questionnaire"), mode_of(&mode));
            state.dispatch(EditorAction::Open(Box::new(q), false))
        })
    };
    let on_mode = {
        let mode = mode.clone();
        Callback::from(move |e: Event| {
            mode.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())
        })
    };
    let modes = mode_options(lang).into_iter().map(|(code, label)| {
        html! { <option value={code.clone()} selected={code == *mode}>{ label }</option> }
    });
    let rows = p.library.latest_versions().into_iter().map(|q| {
        let builtin = p.library.is_builtin(&q.reference());
        let versions = p.library.versions(q.id.as_str()).len();
        let (state, q1) = (p.state.clone(), q.clone());
        let edit = Callback::from(move |_| state.dispatch(EditorAction::Open(Box::new(q1.clone()), true)));
        let q2 = q.clone();
        let exp = Callback::from(move |_| export(&q2));
        let (state, q3) = (p.state.clone(), q.clone());
        let go = Callback::from(move |_| run(&q3, &state));
        // Each row's buttons name the questionnaire they act on: 编辑 营业厅服务满意度 (hall v1).
        let named = |what: A| format!("{} {} ({})", what.get(lang), q.title.get(lang), q.reference());
        html! {
            <tr data-questionnaire={q.id.to_string()}>
                <th scope="row">{ q.title.get(lang) }<br /><code>{ q.reference().to_string() }</code>
                    if builtin { <span class="tag-chip">{ A::Builtin.get(lang) }</span> }
                    if versions > 1 { <span class="note">{ format!(" · {versions} {}", A::Versions.get(lang)) }</span> }
                </th>
                <td class="row-actions">
                    <button type="button" class="small" aria-label={named(A::EditOf)} onclick={edit}>{ A::Edit.get(lang) }</button>
                    <button type="button" class="small" aria-label={named(A::ExportOf)} onclick={exp}>{ A::Export.get(lang) }</button>
                    <button type="button" class="small" aria-label={named(A::RunOf)} onclick={go}>{ A::Run.get(lang) }</button>
                </td>
            </tr>
        }
    });
    html! {
        <section class="questionnaire-list">
            if let Some((problem, said)) = &p.state.message {
                <p class={classes!("editor-message", problem.then_some("error"))} role="status">{ said.get(lang) }</p>
            }
            <div class="new-questionnaire">
                <label for="new-mode">{ A::NewQuestionnaire.get(lang) }</label>
                <select id="new-mode" onchange={on_mode}>{ for modes }</select>
                <button type="button" class="primary" onclick={create}>{ A::Create.get(lang) }</button>
                <label class="link-button secondary file-pick">{ A::Import.get(lang) }
                    <input id="import-questionnaire" type="file" accept=".json,application/json" class="visually-hidden" onchange={import(p)} /></label>
                <label class="link-button secondary file-pick">{ A::ImportSurveyjs.get(lang) }
                    <input id="import-surveyjs" type="file" accept=".json,application/json" class="visually-hidden" onchange={import_surveyjs(p)} /></label>
            </div>
            <table class="questionnaires">
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
