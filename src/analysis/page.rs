//! The analyst workspace page (`#/analysis`): import and merge, settings, dashboard, weights,
//! quality characteristics and export, composed from the area's sections.

use super::controls::controls;
use super::dashboard::dashboard;
use super::effects::{self, Engine};
use super::export::export;
use super::failure::Failure;
use super::import::ImportPanel;
use super::protocol::Download;
use super::quality::quality;
use super::server_panel::ServerPanel;
use super::state::{WorkAction, Workspace};
use super::texts::T;
use super::weights::weights;
use crate::app::{AppContext, StoreStatus};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

fn ready_store(status: &StoreStatus) -> Option<crate::storage::Store> {
    match status {
        StoreStatus::Ready(store) => Some(store.clone()),
        _ => None,
    }
}

/// The workspace.
#[function_component(AnalysisPage)]
pub fn analysis_page() -> Html {
    let ctx = use_context::<AppContext>().expect("AnalysisPage is rendered inside App");
    let lang = ctx.lang();
    let w = use_reducer(Workspace::default);
    // The merged data lives outside the state: it may hold a million responses.
    let engine: Engine = use_memo((), |_| Default::default());
    {
        // Leaving the page stops the worker and frees its memory.
        let engine = engine.clone();
        use_effect_with((), move |_| move || engine.terminate());
    }
    {
        let (engine, d) = (engine.clone(), w.dispatcher());
        use_effect_with(ctx.store.clone(), move |store| {
            let store = store.clone();
            spawn_local(effects::open(store, engine, d));
        });
    }
    {
        let (engine, w2) = (engine.clone(), w.clone());
        let ready = w.progress.is_none() && w.keeping != super::state::Keeping::Opening;
        use_effect_with((w.data_version, w.settings.clone(), ready), move |(_, _, ready)| {
            if *ready {
                spawn_local(effects::compute(engine, Rc::new((*w2).clone()), w2.dispatcher()));
            }
        });
    }
    let on_files = {
        let (engine, d, store) = (engine.clone(), w.dispatcher(), ready_store(&ctx.store));
        Callback::from(move |files| {
            spawn_local(effects::import(files, store.clone(), engine.clone(), d.clone()))
        })
    };
    let on_clear = {
        let (engine, d, store) = (engine.clone(), w.dispatcher(), ready_store(&ctx.store));
        Callback::from(move |confirmed: bool| {
            if confirmed {
                spawn_local(effects::clear(store.clone(), engine.clone(), d.clone()));
            } else {
                d.dispatch(WorkAction::AskClear);
            }
        })
    };
    let on_load = {
        let (engine, d, store) = (engine.clone(), w.dispatcher(), ready_store(&ctx.store));
        Callback::from(move |source| {
            spawn_local(super::server::load(source, store.clone(), engine.clone(), d.clone(), lang))
        })
    };
    let busy = w.progress.is_some() || w.keeping == super::state::Keeping::Opening;
    let on_cancel = {
        let d = w.dispatcher();
        Callback::from(move |_| d.dispatch(WorkAction::CancelClear))
    };
    let results = match &w.results {
        Some(Ok(r)) => Some(r.clone()),
        _ => None,
    };
    let on_download = {
        let (engine, d, results) = (engine.clone(), w.dispatcher(), results.clone());
        Callback::from(move |what: Download| {
            if results.is_some() {
                let (engine, d) = (engine.clone(), d.clone());
                spawn_local(async move {
                    let outcome = effects::download(what, engine, d.clone()).await;
                    d.dispatch(WorkAction::Message(outcome.err().map(crate::errors::Problem::from)));
                });
            }
        })
    };
    let q = w.chosen_version().map(|v| v.questionnaire.clone());
    let status = if w.computing {
        html! { <p class="note an-computing" role="status">{ T::Computing.get(lang) }</p> }
    } else {
        Html::default()
    };
    let failure = match &w.results {
        Some(Err(Failure::NoVersion)) => Html::default(),
        Some(Err(e)) => {
            html! { <p class="error" role="alert">{ format!("{}: {}", T::Failed.get(lang), e.say(lang)) }</p> }
        }
        _ => Html::default(),
    };
    let message = w.message.as_ref().map(|m| {
        let d = w.dispatcher();
        html! {
            <div class="notice" role="alert">
                <p>{ m.say(lang) }</p>
                <button type="button" class="secondary" onclick={move |_| d.dispatch(WorkAction::Message(None))}>{ T::Dismiss.get(lang) }</button>
            </div>
        }
    });
    let body = if w.held == 0 {
        html! { <p class="note an-empty">{ T::Empty.get(lang) }</p> }
    } else {
        html! {
            <>
                { controls(&w, results.as_ref().map_or(&[][..], |r| &r.filter_values[..]), lang) }
                { status }
                { failure }
                { for results.as_ref().map(|r| dashboard(r, w.compute_ms, lang)) }
                { weights(&w, results.as_deref(), q.as_ref(), lang) }
                { for results.as_ref().map(|r| quality(r, lang)) }
                { for results.as_ref().map(|r| export(r, &on_download, lang)) }
            </>
        }
    };
    html! {
        <section class="analysis">
            <h1>{ T::Title.get(lang) }</h1>
            { for message }
            <ImportPanel w={w.clone()} {on_files} {on_clear} {on_cancel} {lang} />
            <ServerPanel store={ready_store(&ctx.store)} {busy} {on_load} {lang} />
            { body }
        </section>
    }
}
