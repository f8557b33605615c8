//! The results screen (`desk/#/results`): the index from core's report and the stored responses
//! of the kiosk's active questionnaire, and the analysts' Excel workbook of them (every closed
//! response; the kiosk's staff screen exports JSON and CSV and sends here for the workbook).

use super::texts::D;
use crate::app::{AppContext, StoreStatus};
use crate::components::{IndexTable, ResponseTable};
use crate::exports;
use crate::i18n::Ui;
use crate::platform::location::Route;
use crate::platform::{clock, files};
use crate::view::results::ResultsView;
use manyi_core::kiosk::summary::to_export;
use manyi_core::questionnaire::Questionnaire;
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

/// Offers the workbook of the closed responses to `q` among `rs`, and says how it went.
fn workbook(
    ctx: &AppContext,
    q: &std::rc::Rc<Questionnaire>,
    rs: &[Response],
    message: &UseStateHandle<Option<(bool, String)>>,
) -> Callback<MouseEvent> {
    let (q, rs, message, lang) = (q.clone(), rs.to_vec(), message.clone(), ctx.lang());
    let device = ctx.state.settings.as_ref().and_then(|s| s.device.clone());
    Callback::from(move |_| {
        let chosen: Vec<&Response> = to_export(rs.iter().map(|r| (r, false)), true)
            .into_iter()
            .filter(|r| r.questionnaire.id == q.id)
            .collect();
        if chosen.is_empty() {
            return message.set(Some((false, D::NothingToExport.get(lang).into())));
        }
        let made = exports::xlsx(&q, &chosen, device.as_ref(), clock::now())
            .and_then(|f| files::download(&f.name, f.mime, &f.bytes));
        message.set(Some(match made {
            Ok(()) => (true, D::ExportedN.n(lang, chosen.len())),
            Err(e) => (false, e),
        }));
    })
}

/// The results.
#[function_component(ResultsPage)]
pub fn results_page() -> Html {
    let ctx = use_context::<AppContext>().expect("ResultsPage is rendered inside DeskApp");
    let questionnaire = use_memo(ctx.state.settings.clone(), |_| ctx.state.active_questionnaire());
    let loaded = use_state(|| Loaded::Waiting);
    let message = use_state(|| None::<(bool, String)>);
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
        Loaded::Responses(rs) => match ResultsView::new(&questionnaire, rs, lang) {
            Err(e) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
            Ok(view) => html! {
                <>
                    <p class="exports">
                        <button type="button" onclick={workbook(&ctx, &questionnaire, rs, &message)}>{ D::ExportXlsx.get(lang) }</button>
                    </p>
                    { for (*message).clone().map(|(ok, text)| html! {
                        <p class={if ok { "ok" } else { "error" }} role={if ok { "status" } else { "alert" }}>{ text }</p>
                    }) }
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
            <h1>{ format!("{} · {}", questionnaire.title.get(lang), Ui::ResultsTitle.get(lang)) }</h1>
            { body }
            <p>
                <a class="link-button" href={Route::Survey.href()}>{ Ui::ToSurvey.get(lang) }</a>
                { " " }
                <a class="link-button" href={Route::Analysis.href()}>{ Ui::AnalysisNav.get(lang) }</a>
            </p>
        </section>
    }
}
