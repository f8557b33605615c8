//! A trial run (试填) of a checklist from the editor: core's checklist machine in memory only —
//! the visit starts at once, nothing is stored, so a trial never counts as a visit.

use super::section::{score_bar, ChecklistProps, SectionScreen};
use super::state::{EvalAction, EvalState};
use super::summary::SummaryScreen;
use super::texts::T;
use crate::platform::{clock, new_id};
use manyi_core::evaluation::checklist::{Checklist, ChecklistAction, ChecklistScreen, VisitSetup};
use manyi_core::questionnaire::Questionnaire;
use manyi_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`TrialChecklist`].
#[derive(Properties, PartialEq, Clone)]
pub struct TrialChecklistProps {
    /// The checklist tried.
    pub questionnaire: Rc<Questionnaire>,
    /// The language.
    pub lang: Lang,
}

fn start(lang: Lang) -> ChecklistAction {
    let who = T::TrialEvaluator.get(lang).to_owned();
    let now = clock::now();
    ChecklistAction::Start {
        id: new_id(),
        setup: VisitSetup { evaluator: who.clone(), hall: who, visited_at: now },
        now,
    }
}

/// The checklist, tried.
#[function_component(TrialChecklist)]
pub fn trial_checklist(props: &TrialChecklistProps) -> Html {
    let lang = props.lang;
    let state = {
        let q = (*props.questionnaire).clone();
        use_reducer(move || EvalState { checklist: Some(Checklist::new(q)) })
    };
    {
        let state = state.clone();
        use_effect_with((), move |_| state.dispatch(EvalAction::Act(start(lang))));
    }
    let Some(c) = state.checklist.clone() else { return Html::default() };
    let on_action = {
        let state = state.clone();
        Callback::from(move |a| state.dispatch(EvalAction::Act(a)))
    };
    let body = match c.screen {
        ChecklistScreen::Setup => html! { <p>{ T::Loading.get(lang) }</p> },
        ChecklistScreen::Section(index) => {
            html! { <SectionScreen {index} checklist={c.clone()} {lang} {on_action} /> }
        }
        ChecklistScreen::Summary => {
            html! { <SummaryScreen ..ChecklistProps { checklist: c.clone(), lang, on_action } /> }
        }
        ChecklistScreen::Done => {
            let state = state.clone();
            let again = Callback::from(move |_| {
                state.dispatch(EvalAction::Act(ChecklistAction::NewVisit));
                state.dispatch(EvalAction::Act(start(lang)));
            });
            html! {
                <section class="checklist-done">
                    <h2 class="done-title">{ T::TrialDone.get(lang) }</h2>
                    { score_bar(&c, lang) }
                    <button type="button" class="primary" onclick={again}>{ T::TryAgain.get(lang) }</button>
                </section>
            }
        }
    };
    html! {
        <section class="evaluation">
            <p class="trial-banner" role="note">{ T::TrialBanner.get(lang) }</p>
            { body }
        </section>
    }
}
