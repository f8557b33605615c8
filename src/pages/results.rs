//! The results screen (`#/results`): the index from core's report and the stored responses.

use crate::app::{AppContext, StoreStatus};
use crate::components::{IndexTable, ResponseTable};
use crate::i18n::Ui;
use crate::platform::location::Route;
use crate::view::results::ResultsView;
use manyi_core::response::Response;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What the store gave.
#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Waiting,
    Responses(Vec<Response>),
    Failed(String),
}

/// The results.
#[function_component(ResultsPage)]
pub fn results_page() -> Html {
    let ctx = use_context::<AppContext>().expect("ResultsPage is rendered inside App");
    let loaded = use_state(|| Loaded::Waiting);
    let lang = ctx.lang();
    {
        let loaded = loaded.clone();
        use_effect_with(ctx.store.clone(), move |store| match store.clone() {
            StoreStatus::Ready(store) => spawn_local(async move {
                loaded.set(match store.list().await {
                    Ok(rs) => Loaded::Responses(rs),
                    Err(e) => Loaded::Failed(e.to_string()),
                })
            }),
            StoreStatus::Failed => loaded.set(Loaded::Failed(Ui::StorageUnavailable.get(lang).into())),
            StoreStatus::Opening => {}
        });
    }
    let body = match &*loaded {
        Loaded::Waiting => html! { <p>{ Ui::Loading.get(lang) }</p> },
        Loaded::Failed(reason) => html! { <p class="error" role="alert">{ reason }</p> },
        Loaded::Responses(rs) => match ResultsView::new(&ctx.state.survey.questionnaire, rs, lang) {
            Err(e) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
            Ok(view) => html! {
                <>
                    <IndexTable rows={view.index} {lang} />
                    <p class="note">{ Ui::SmallSampleNote.get(lang) }</p>
                    <h2>{ Ui::StoredResponses.get(lang) }</h2>
                    <p class="note">{ format!("{}: {}", Ui::LeftOut.get(lang), view.left_out) }</p>
                    <ResponseTable rows={view.responses} {lang} />
                </>
            },
        },
    };
    html! {
        <section class="results">
            <h1>{ format!("{} · {}", ctx.state.survey.questionnaire.title.get(lang), Ui::ResultsTitle.get(lang)) }</h1>
            { body }
            <p>
                <a class="link-button" href={Route::Survey.href()}>{ Ui::ToSurvey.get(lang) }</a>
                { " " }
                <a class="link-button" href={Route::Analysis.href()}>{ Ui::AnalysisNav.get(lang) }</a>
            </p>
        </section>
    }
}
