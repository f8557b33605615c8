//! `#/kano` runs the Kano study (self-completed or by an interviewer); `#/kano/analysis` shows its
//! results: the table (counts, class with Fong's mixed classes, Better, Worse), the Better vs
//! |Worse| chart, and the exports (JSON, CSV, Excel). The evaluation table is the standard one
//! or Pouliot's, as `manyi kano --table` offers.

use super::kano_chart::KanoChart;
use super::runner::Runner;
use super::texts::T;
use super::view::kano_rows;
use crate::app::{AppContext, StoreStatus};
use crate::authoring::library::use_library;
use crate::platform::location::Route;
use crate::platform::{clock, files};
use manyi_core::chart::scatter::Frame;
use manyi_core::evaluation::kano_study::{bundle, workbook, KanoStudy};
use manyi_core::response::Response;
use manyi_core::scoring::kano::{EvaluationTable, KanoOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The id of the Kano questionnaire.
const KANO: &str = "kano";

/// The study.
#[function_component(KanoPage)]
pub fn kano_page() -> Html {
    let ctx = use_context::<AppContext>().expect("rendered inside App");
    let lang = ctx.lang();
    let library = use_library();
    let q = library.library().and_then(|l| l.latest(KANO).cloned());
    html! {
        <section class="kano">
            <header class="area-head">
                <h1>{ T::KanoStudy.get(lang) }</h1>
                <nav class="area-links">
                    <a href={Route::KanoAnalysis.href()}>{ T::ToAnalysis.get(lang) }</a>
                    <a href={Route::Evaluation.href()}>{ T::Evaluation.get(lang) }</a>
                </nav>
            </header>
            if let Some(q) = q {
                <Runner key={q.reference().to_string()} questionnaire={Rc::new(q.clone())} />
            } else {
                <p>{ T::Loading.get(lang) }</p>
            }
        </section>
    }
}

/// The evaluation table: standard, or Pouliot's ((2, 2) and (4, 4) questionable).
fn table_choice(table: &UseStateHandle<EvaluationTable>, lang: manyi_core::Lang) -> Html {
    let onchange = {
        let table = table.clone();
        Callback::from(move |e: Event| {
            let chosen = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok());
            if let Some(t) = chosen.and_then(|s| s.value().parse().ok()) {
                table.set(t);
            }
        })
    };
    let option = |value: &'static str, text: T, t: EvaluationTable| {
        html! { <option {value} selected={**table == t}>{ text.get(lang) }</option> }
    };
    html! {
        <p class="field">
            <label for="kano-table">{ T::EvaluationTable.get(lang) }</label>
            <select id="kano-table" {onchange}>
                { option("standard", T::StandardTable, EvaluationTable::Standard) }
                { option("pouliot", T::PouliotTable, EvaluationTable::Pouliot) }
            </select>
        </p>
    }
}

fn stamp() -> String {
    crate::view::clock_text::stamp(&clock::now())
}

/// The analysis.
#[function_component(KanoAnalysisPage)]
pub fn kano_analysis_page() -> Html {
    let ctx = use_context::<AppContext>().expect("rendered inside App");
    let lang = ctx.lang();
    let library = use_library();
    let responses = use_state(|| None::<Rc<Vec<Response>>>);
    let version = use_state(|| None::<u32>);
    let table = use_state(|| EvaluationTable::Standard);
    {
        let responses = responses.clone();
        use_effect_with(ctx.store.clone(), move |store| {
            if let StoreStatus::Ready(store) = store.clone() {
                spawn_local(async move {
                    let rs = store.responses_to(&KANO.into()).await.unwrap_or_default();
                    responses.set(Some(Rc::new(rs)))
                });
            }
        });
    }
    let (Some(lib), Some(rs)) = (library.library(), (*responses).clone()) else {
        return html! { <section class="kano-analysis"><p>{ T::Loading.get(lang) }</p></section> };
    };
    let versions = lib.versions(KANO);
    let answered: Vec<u32> = versions
        .iter()
        .map(|q| q.version)
        .filter(|v| rs.iter().any(|r| r.questionnaire.version == *v))
        .collect();
    let shown = version.or(answered.last().copied()).or(versions.last().map(|q| q.version));
    let Some(q) = versions.into_iter().find(|q| Some(q.version) == shown).cloned() else {
        return html! { <section class="kano-analysis"><p>{ T::NoKanoYet.get(lang) }</p></section> };
    };
    let q = Rc::new(q);
    let options = KanoOptions { table: *table, ..KanoOptions::default() };
    let study = KanoStudy::with_options(&q, &rs, &options);
    let version_tabs = answered.iter().map(|&v| {
        let version = version.clone();
        let onclick = Callback::from(move |_| version.set(Some(v)));
        html! { <button type="button" class={classes!("tab", (Some(v) == shown).then_some("current"))} {onclick}>{ format!("v{v}") }</button> }
    });
    let export = |kind: &'static str| {
        let (q, rs, options) = (Rc::clone(&q), Rc::clone(&rs), options);
        Callback::from(move |_| {
            let name = format!("manyi-kano-v{}-{}", q.version, stamp());
            let _ = match kind {
                "json" => files::download(
                    &format!("{name}.json"),
                    "application/json",
                    &bundle(&q, &rs, clock::now()),
                ),
                "csv" => match KanoStudy::with_options(&q, &rs, &options) {
                    Ok(s) => files::download(&format!("{name}.csv"), "text/csv;charset=utf-8", &s.csv()),
                    Err(e) => Err(e.to_string()),
                },
                _ => match workbook(&q, &rs, clock::now(), &options) {
                    Ok(bytes) => files::download(
                        &format!("{name}.xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        &bytes,
                    ),
                    Err(e) => Err(e.to_string()),
                },
            };
        })
    };
    let body = match &study {
        Err(e) => html! { <p class="error">{ e.to_string() }</p> },
        Ok(s) if s.respondents == 0 => html! { <p class="note">{ T::NoKanoYet.get(lang) }</p> },
        Ok(s) => {
            let rows = kano_rows(s, lang).into_iter().map(|r| {
                let counts = r.counts.iter().map(|c| html! { <td class="number">{ c }</td> });
                html! {
                    <tr data-feature={r.number.to_string()}>
                        <td class="number">{ r.number }</td>
                        <th scope="row">{ &r.feature }</th>
                        <td class="number">{ r.n }</td>
                        { for counts }
                        <td class="kano-class" title={r.class_name.clone()}>{ &r.class }</td>
                        <td class="number better">{ &r.better }</td>
                        <td class="number worse">{ &r.worse }</td>
                    </tr>
                }
            });
            let title = T::ChartTitle.get(lang);
            html! {
                <>
                    <p class="note">{ format!("{}: {}", T::Respondents.get(lang), s.respondents) }</p>
                    <div class="table-scroll">
                        <table class="kano-table">
                            <thead><tr>
                                <th scope="col">{ "#" }</th><th scope="col">{ T::Feature.get(lang) }</th><th scope="col">{ "n" }</th>
                                <th scope="col">{ "A" }</th><th scope="col">{ "O" }</th><th scope="col">{ "M" }</th>
                                <th scope="col">{ "I" }</th><th scope="col">{ "R" }</th><th scope="col">{ "Q" }</th>
                                <th scope="col">{ T::Class.get(lang) }</th><th scope="col">{ T::Better.get(lang) }</th>
                                <th scope="col">{ T::Worse.get(lang) }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    <h2>{ title }</h2>
                    <KanoChart chart={s.chart(Frame { font_size: 17.0, ..Frame::default() })} title={title} {lang} />
                </>
            }
        }
    };
    html! {
        <section class="kano-analysis">
            <header class="area-head">
                <h1>{ T::KanoAnalysis.get(lang) }</h1>
                <p class="area-sub">{ format!("{} · {} {}", q.title.get(lang), T::Version.get(lang), q.version) }</p>
                <nav class="area-links"><a href={Route::Kano.href()}>{ T::ToStudy.get(lang) }</a></nav>
            </header>
            if answered.len() > 1 { <nav class="section-tabs">{ for version_tabs }</nav> }
            { table_choice(&table, lang) }
            { body }
            <div class="file-actions">
                <button type="button" class="secondary" onclick={export("json")}>{ T::ExportJson.get(lang) }</button>
                <button type="button" class="secondary" onclick={export("csv")}>{ T::ExportCsv.get(lang) }</button>
                <button type="button" class="secondary" onclick={export("xlsx")}>{ T::ExportXlsx.get(lang) }</button>
            </div>
        </section>
    }
}
