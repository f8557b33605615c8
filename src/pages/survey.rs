//! The kiosk survey: start, the questions, thanks. Saves the draft whenever it changes.

use super::question::QuestionScreen;
use super::start::StartScreen;
use super::thanks::ThanksScreen;
use crate::app::{AppContext, StoreStatus};
use crate::platform::{clock, new_id};
use crate::state::{Action, Notice};
use manyi_core::session::survey::{Screen, SurveyAction};
use yew::platform::spawn_local;
use yew::prelude::*;

/// The survey screens.
#[function_component(SurveyPage)]
pub fn survey_page() -> Html {
    let ctx = use_context::<AppContext>().expect("SurveyPage is rendered inside App");
    {
        // After every answer and on submission the draft changes: write it. Writes are queued in
        // order by IndexedDB (one read-write transaction after the other on the same store).
        let state = ctx.state.clone();
        use_effect_with((ctx.state.survey.draft.clone(), ctx.store.clone()), move |(draft, store)| {
            if let (Some(r), StoreStatus::Ready(store)) = (draft.clone(), store.clone()) {
                spawn_local(async move {
                    if let Err(e) = store.put(&r).await {
                        state.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())));
                    }
                });
            }
        });
    }
    let lang = ctx.lang();
    let survey = &ctx.state.survey;
    match survey.screen {
        Screen::Start => {
            let state = ctx.state.clone();
            let on_start = Callback::from(move |_| {
                state.dispatch(Action::Survey(SurveyAction::Start { id: new_id(), at: clock::now() }))
            });
            let q = &survey.questionnaire;
            html! {
                <StartScreen title={q.title.get(lang).to_owned()}
                    intro={q.intro.as_ref().map(|t| t.get(lang).to_owned())}
                    {lang} ready={ctx.store != StoreStatus::Opening} {on_start} />
            }
        }
        Screen::Page(page) => html! { <QuestionScreen key={page} {page} /> },
        Screen::Thanks => {
            let state = ctx.state.clone();
            let on_done = Callback::from(move |_| state.dispatch(Action::Survey(SurveyAction::Reset)));
            html! { <ThanksScreen {lang} {on_done} /> }
        }
    }
}
