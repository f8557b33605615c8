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
use manyi_core::questionnaire::library::Library;
use manyi_core::questionnaire::{Questionnaire, QuestionnaireRef};
use manyi_core::response::Response;
use manyi_core::Lang;
use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
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
    q: &Rc<Questionnaire>,
    rs: &[Response],
    message: &UseStateHandle<Option<(bool, String)>>,
) -> Callback<MouseEvent> {
    let (q, rs, message, lang) = (q.clone(), rs.to_vec(), message.clone(), ctx.lang());
    let device = ctx.state.settings.as_ref().and_then(|s| s.device.clone());
    Callback::from(move |_| {
        let chosen: Vec<&Response> = to_export(rs.iter().map(|r| (r, false)), true)
            .into_iter()
            .filter(|r| r.questionnaire == q.reference())
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

/// The questionnaire version shown: the kiosk's active one, or any other version of the
/// device's library that responses answered.
fn version_choice(
    library: &Library,
    answered: &BTreeSet<QuestionnaireRef>,
    shown: &Questionnaire,
    picked: &UseStateHandle<Option<QuestionnaireRef>>,
    lang: Lang,
) -> Html {
    let mut refs: Vec<QuestionnaireRef> =
        answered.iter().filter(|r| library.get(r).is_some()).cloned().collect();
    if !refs.contains(&shown.reference()) {
        refs.insert(0, shown.reference());
    }
    let onchange = {
        let (picked, refs) = (picked.clone(), refs.clone());
        Callback::from(move |e: Event| {
            let i = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.selected_index());
            picked.set(i.and_then(|i| refs.get(usize::try_from(i).ok()?).cloned()));
        })
    };
    let option = |r: &QuestionnaireRef| {
        let title = library.get(r).map_or("", |q| q.title.get(lang));
        html! { <option selected={*r == shown.reference()}>{ format!("{title} ({r})") }</option> }
    };
    html! {
        <p class="field">
            <label for="results-version">{ D::ResultsVersion.get(lang) }</label>
            <select id="results-version" {onchange}>{ for refs.iter().map(option) }</select>
        </p>
    }
}

/// The results.
#[function_component(ResultsPage)]
pub fn results_page() -> Html {
    let ctx = use_context::<AppContext>().expect("ResultsPage is rendered inside DeskApp");
    let loaded = use_state(|| Loaded::Waiting);
    let message = use_state(|| None::<(bool, String)>);
    let lang = ctx.lang();
    // The device's library: the results of a version are scored with that version.
    let stored = use_state(|| Rc::new(Vec::<Questionnaire>::new()));
    let library = use_memo(Rc::clone(&*stored), |stored| Library::new(stored.to_vec()));
    let picked = use_state(|| None::<QuestionnaireRef>);
    {
        let (loaded, stored) = (loaded.clone(), stored.clone());
        use_effect_with(ctx.store.clone(), move |store| match store.clone() {
            StoreStatus::Ready(store) => spawn_local(async move {
                if let Ok(library) = store.questionnaires().await {
                    stored.set(Rc::new(library));
                }
                loaded.set(match store.list().await {
                    Ok(rs) => Loaded::Responses(rs),
                    Err(e) => Loaded::Failed(e.to_string()),
                })
            }),
            StoreStatus::Failed => loaded.set(Loaded::Failed(Ui::StorageUnavailable.get(lang).into())),
            StoreStatus::Opening => {}
        });
    }
    // The kiosk's active questionnaire version, or another version some response answered.
    let active = ctx.state.active_questionnaire(&stored);
    let shown = (*picked).as_ref().and_then(|r| library.get(r)).cloned().unwrap_or(active);
    let questionnaire = Rc::new(shown);
    let answered: BTreeSet<QuestionnaireRef> = match &*loaded {
        Loaded::Responses(rs) => rs.iter().map(|r| r.questionnaire.clone()).collect(),
        _ => BTreeSet::new(),
    };
    let choice = version_choice(&library, &answered, &questionnaire, &picked, lang);
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
            { choice }
            { body }
            <p>
                <a class="link-button" href={Route::Survey.href()}>{ Ui::ToSurvey.get(lang) }</a>
                { " " }
                <a class="link-button" href={Route::Analysis.href()}>{ Ui::AnalysisNav.get(lang) }</a>
            </p>
        </section>
    }
}
