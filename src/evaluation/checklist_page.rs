//! `#/evaluation`: the evaluator's checklist. Picks the checklist (the one chosen last, else the
//! built-in one), resumes an unfinished visit found on the device, and writes the visit and its
//! stopwatches whenever they change, so a reload or a dead battery loses nothing.

use super::section::{ChecklistProps, SectionScreen};
use super::setup::{ChecklistChoice, SetupForm};
use super::state::{EvalAction, EvalState};
use super::summary::{DoneScreen, SummaryScreen};
use super::texts::T;
use crate::app::{AppContext, StoreStatus};
use crate::authoring::library::use_library;
use crate::platform::location::Route;
use crate::platform::{clock, new_id, prefs};
use crate::state::{Action, Notice};
use manyi_core::evaluation::checklist::{Checklist, ChecklistAction, ChecklistScreen, VisitSetup};
use manyi_core::questionnaire::library::Library;
use manyi_core::questionnaire::Mode;
use manyi_core::response::Response;
use manyi_core::Lang;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The preference naming the checklist to run.
pub const CHOSEN_CHECKLIST: &str = "manyi.evaluation.checklist";
const EVALUATOR: &str = "manyi.evaluation.evaluator";
const HALL: &str = "manyi.evaluation.hall";

fn checklists(lib: &Library) -> Vec<ChecklistChoice> {
    lib.latest_versions()
        .into_iter()
        .filter(|q| q.mode == Mode::Checklist)
        .map(|q| ChecklistChoice { id: q.id.to_string(), label: format!("{} · v{}", q.title.zh, q.version) })
        .collect()
}

fn chosen(lib: &Library) -> Checklist {
    let wanted = prefs::load_text(CHOSEN_CHECKLIST).unwrap_or_else(|| "evaluation".into());
    let q = lib
        .latest(&wanted)
        .filter(|q| q.mode == Mode::Checklist)
        .or_else(|| lib.latest("evaluation"))
        .expect("the built-in checklist is always there");
    Checklist::new(q.clone())
}

/// The newest unfinished visit to any checklist on the device.
async fn newest_draft(lib: &Library, store: &crate::storage::Store) -> Option<Response> {
    let mut drafts = Vec::new();
    for q in lib.latest_versions().into_iter().filter(|q| q.mode == Mode::Checklist) {
        drafts.extend(
            store.drafts(&q.id).await.ok()?.into_iter().filter(|d| lib.get(&d.questionnaire).is_some()),
        );
    }
    drafts.into_iter().max_by_key(|d| d.started_at)
}

fn setup_form(c: &Checklist, lib: &Library, lang: Lang, state: &UseReducerHandle<EvalState>) -> Html {
    let drafting = c.draft.as_ref().is_some_and(|r| r.status == manyi_core::response::Status::Draft);
    let (evaluator, hall) = c.last.clone().unwrap_or_else(|| {
        (prefs::load_text(EVALUATOR).unwrap_or_default(), prefs::load_text(HALL).unwrap_or_default())
    });
    let initial = match c.draft.as_ref().filter(|_| drafting) {
        Some(r) => VisitSetup {
            evaluator: r.tags.interviewer.as_ref().map(ToString::to_string).unwrap_or_default(),
            hall: r.tags.hall.as_ref().map(ToString::to_string).unwrap_or_default(),
            visited_at: r.started_at,
        },
        None => VisitSetup { evaluator, hall, visited_at: clock::now() },
    };
    let on_choose = {
        let (state, lib) = (state.clone(), Rc::new(lib.clone()));
        Callback::from(move |id: String| {
            prefs::save_text(CHOSEN_CHECKLIST, &id);
            state.dispatch(EvalAction::Load(Box::new(chosen(&lib))))
        })
    };
    let on_submit = {
        let state = state.clone();
        Callback::from(move |setup: VisitSetup| {
            prefs::save_text(EVALUATOR, setup.evaluator.trim());
            prefs::save_text(HALL, setup.hall.trim());
            let now = clock::now();
            let action = if drafting {
                ChecklistAction::ChangeSetup { setup, now }
            } else {
                ChecklistAction::Start { id: new_id(), setup, now }
            };
            state.dispatch(EvalAction::Act(action))
        })
    };
    html! {
        <SetupForm key={format!("{}-{drafting}", c.questionnaire.reference())} choices={checklists(lib)}
            chosen={c.questionnaire.id.to_string()} {initial} {drafting} problem={c.problem.clone()} {lang}
            {on_choose} {on_submit} />
    }
}

/// The evaluation screens.
#[function_component(EvaluationPage)]
pub fn evaluation_page() -> Html {
    let ctx = use_context::<AppContext>().expect("rendered inside App");
    let lang = ctx.lang();
    let library = use_library();
    let state = use_reducer(EvalState::default);
    {
        // Once the library is known: an unfinished visit if there is one, else the chosen checklist.
        let state = state.clone();
        let lib = library.library().cloned();
        use_effect_with((lib, ctx.store.clone()), move |(lib, store)| {
            if let (Some(lib), true) = (lib.clone(), state.checklist.is_none()) {
                let store = store.clone();
                spawn_local(async move {
                    let draft = match &store {
                        StoreStatus::Ready(store) => {
                            newest_draft(&lib, store).await.map(|d| (store.clone(), d))
                        }
                        _ => None,
                    };
                    match draft {
                        Some((store, draft)) => {
                            let q = lib.get(&draft.questionnaire).expect("filtered").clone();
                            let stopwatches = store.stopwatches(draft.id).await.unwrap_or_default();
                            state.dispatch(EvalAction::Load(Box::new(Checklist::new(q))));
                            state.dispatch(EvalAction::Act(ChecklistAction::Resume {
                                draft: Box::new(draft),
                                stopwatches,
                            }));
                        }
                        None => state.dispatch(EvalAction::Load(Box::new(chosen(&lib)))),
                    }
                });
            }
        });
    }
    {
        // Every change of the visit or its stopwatches is written at once.
        let app = ctx.state.clone();
        let visit =
            state.checklist.as_ref().and_then(|c| c.draft.clone().map(|d| (d, c.stopwatches.clone())));
        use_effect_with((visit, ctx.store.clone()), move |(visit, store)| {
            if let (Some((r, watches)), StoreStatus::Ready(store)) = (visit.clone(), store.clone()) {
                spawn_local(async move {
                    let mut result = store.put(&r).await;
                    if result.is_ok() && !watches.is_empty() {
                        result = store.put_stopwatches(r.id, &watches).await;
                    }
                    if let Err(e) = result {
                        app.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())));
                    }
                });
            }
        });
    }
    let (Some(lib), Some(c)) = (library.library(), state.checklist.as_ref()) else {
        return html! { <section class="evaluation"><p>{ T::Loading.get(lang) }</p></section> };
    };
    let on_action = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(EvalAction::Act(a)))
    };
    let props = ChecklistProps { checklist: c.clone(), lang, on_action: on_action.clone() };
    let body = match c.screen {
        ChecklistScreen::Setup => setup_form(c, lib, lang, &state),
        ChecklistScreen::Section(index) => {
            html! { <SectionScreen {index} checklist={c.clone()} {lang} {on_action} /> }
        }
        ChecklistScreen::Summary => html! { <SummaryScreen ..props /> },
        ChecklistScreen::Done => html! { <DoneScreen ..props /> },
    };
    let q = &c.questionnaire;
    html! {
        <section class="evaluation">
            <header class="area-head">
                <h1>{ T::Evaluation.get(lang) }</h1>
                <p class="area-sub">{ format!("{} · {} {}", q.title.get(lang), T::Version.get(lang), q.version) }</p>
                <nav class="area-links">
                    <a href={Route::Compare.href()}>{ T::CompareVisits.get(lang) }</a>
                    <a href={Route::Kano.href()}>{ T::KanoStudy.get(lang) }</a>
                    <a href={Route::Editor.href()}>{ crate::authoring::texts::A::Editor.get(lang) }</a>
                </nav>
            </header>
            { body }
        </section>
    }
}
