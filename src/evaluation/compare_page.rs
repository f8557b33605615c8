//! `#/evaluation/compare`: the submitted visits of a hall side by side (section scores with their
//! spread, and the items where the evaluators' answers differ, with their notes); visits from
//! other evaluators' phones come in as their JSON exports, and go out the same way.

use super::texts::T;
use super::view::{score_text, score_value, time_text, CompareView};
use crate::app::{AppContext, StoreStatus};
use crate::authoring::library::use_library;
use crate::platform::location::Route;
use crate::platform::{clock, files};
use manyi_core::evaluation::compare::compare_visits;
use manyi_core::evaluation::visits::visit_groups;
use manyi_core::io::bundle::Bundle;
use manyi_core::io::merge::import_into;
use manyi_core::questionnaire::library::Library;
use manyi_core::questionnaire::{Mode, Questionnaire};
use manyi_core::response::{Response, ResponseId};
use manyi_core::Lang;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Two stopwatches never agree to the second: timed items differ only beyond this many points.
const NUMBER_TOLERANCE: f64 = 10.0;

fn is_checklist(lib: &Library) -> impl Fn(&manyi_core::questionnaire::QuestionnaireRef) -> bool + '_ {
    move |r| lib.get(r).is_some_and(|q| q.mode == Mode::Checklist)
}

fn comparison_table(view: &CompareView, lang: Lang) -> Html {
    let heads = view.visits.iter().map(|v| {
        html! {
            <th scope="col" class="number">
                <span class="visit-evaluator">{ &v.evaluator }</span><br />
                <span class="note">{ &v.when }</span>
            </th>
        }
    });
    let totals = view.visits.iter().map(|v| {
        html! {
            <td class={classes!("number", "visit-score", v.red_line.then_some("flagged"))} data-value={score_value(v.total)}>
                { score_text(v.total) }
                if v.red_line { <span class="badge alert">{ T::RedLine.get(lang) }</span> }
            </td>
        }
    });
    let sections = view.sections.iter().map(|s| {
        let cells = s.scores.iter().map(|x| html! { <td class="number" data-value={score_value(*x)}>{ score_text(*x) }</td> });
        html! {
            <tr class="section-row">
                <th scope="row">{ &s.title }</th>{ for cells }
                <td class="number spread" data-value={s.spread.to_string()}>{ format!("{:.1}", s.spread) }</td>
            </tr>
        }
    });
    html! {
        <table class="compare-table">
            <thead><tr><th scope="col">{ T::Section.get(lang) }</th>{ for heads }<th scope="col" class="number">{ T::Spread.get(lang) }</th></tr></thead>
            <tbody>
                <tr class="total-row"><th scope="row">{ T::Total.get(lang) }</th>{ for totals }<td /></tr>
                { for sections }
            </tbody>
        </table>
    }
}

fn disagreements(view: &CompareView, lang: Lang) -> Html {
    if view.items.is_empty() {
        return html! { <p class="note">{ T::NoDisagreements.get(lang) }</p> };
    }
    let rows = view.items.iter().map(|d| {
        let cells = d.answers.iter().zip(&d.notes).map(|(a, n)| {
            html! { <td><span class="answer">{ a }</span> if !n.is_empty() { <span class="visit-note">{ n }</span> }</td> }
        });
        html! { <tr data-item={d.id.clone()}><th scope="row">{ &d.text }</th>{ for cells }</tr> }
    });
    let heads = view.visits.iter().map(|v| html! { <th scope="col">{ &v.evaluator }</th> });
    html! {
        <table class="disagreement-table">
            <thead><tr><th scope="col">{ T::Item.get(lang) }</th>{ for heads }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// The comparison screen.
#[function_component(ComparePage)]
pub fn compare_page() -> Html {
    let ctx = use_context::<AppContext>().expect("rendered inside App");
    let lang = ctx.lang();
    let library = use_library();
    let responses = use_state(|| None::<Rc<Vec<Response>>>);
    let reload = use_state(|| 0u32);
    let group = use_state(|| 0usize);
    let left_out = use_state(BTreeSet::<ResponseId>::new);
    let message = use_state(|| None::<String>);
    {
        let responses = responses.clone();
        use_effect_with((ctx.store.clone(), *reload), move |(store, _)| {
            if let StoreStatus::Ready(store) = store.clone() {
                spawn_local(
                    async move { responses.set(Some(Rc::new(store.list().await.unwrap_or_default()))) },
                );
            }
        });
    }
    let (Some(lib), Some(all)) = (library.library().cloned(), (*responses).clone()) else {
        return html! { <section class="compare"><p>{ T::Loading.get(lang) }</p></section> };
    };
    let groups = visit_groups(&all, is_checklist(&lib));
    let export = {
        let (lib, all) = (Rc::clone(&lib), Rc::clone(&all));
        Callback::from(move |_| {
            let mine: Vec<Response> =
                all.iter().filter(|r| is_checklist(&lib)(&r.questionnaire)).cloned().collect();
            let refs: BTreeSet<_> = mine.iter().map(|r| r.questionnaire.clone()).collect();
            let qs: Vec<Questionnaire> = refs.iter().filter_map(|r| lib.get(r).cloned()).collect();
            let bytes = Bundle::new(qs, mine, Some(clock::now()), None).to_json();
            let name = format!("manyi-visits-{}.json", crate::view::clock_text::stamp(&clock::now()));
            let _ = files::download(&name, "application/json", &bytes);
        })
    };
    let import = {
        let (lib, all, message, reload, library) =
            (Rc::clone(&lib), Rc::clone(&all), message.clone(), reload.clone(), library.clone());
        let store = ctx.store.clone();
        Callback::from(move |e: Event| {
            let (lib, all, message, reload, library, store) = (
                Rc::clone(&lib),
                Rc::clone(&all),
                message.clone(),
                reload.clone(),
                library.clone(),
                store.clone(),
            );
            spawn_local(async move {
                let Some(picked) = files::picked_text(&e).await else { return };
                let StoreStatus::Ready(store) = store else { return };
                let outcome = async {
                    let (name, text) = picked?;
                    let known: Vec<Questionnaire> = lib.all().cloned().collect();
                    let bundle =
                        Bundle::from_json(text.as_bytes(), &name, &known).map_err(|e| e.to_string())?;
                    let import = import_into(&known, &all, bundle, &name);
                    for q in &import.questionnaires {
                        store.put_questionnaire(q).await.map_err(|e| e.to_string())?;
                    }
                    for r in &import.responses {
                        store.put(r).await.map_err(|e| e.to_string())?;
                    }
                    let mut lib = (*lib).clone();
                    import.questionnaires.iter().for_each(|q| lib.insert(q.clone()));
                    Ok::<_, String>((import.report, lib))
                };
                match outcome.await {
                    Ok((report, lib)) => {
                        message.set(Some(format!(
                            "{} {}: +{} ({} =)",
                            T::Imported.get(lang),
                            report.added + report.conflicts.len(),
                            report.added,
                            report.duplicates
                        )));
                        library.set(crate::authoring::library::Loaded::Ready(Rc::new(lib)));
                        reload.set(*reload + 1);
                    }
                    Err(e) => message.set(Some(e)),
                }
            });
        })
    };
    let body = match groups.get(*group).or(groups.first()) {
        None => html! { <p class="note">{ T::NoVisits.get(lang) }</p> },
        Some(g) => {
            let q = lib.get(&g.questionnaire).expect("grouped by known checklists");
            let chosen: Vec<&Response> =
                g.visits.iter().copied().filter(|r| !left_out.contains(&r.id)).collect();
            let picker = g.visits.iter().map(|r| {
                let (left_out, id) = (left_out.clone(), r.id);
                let included = !left_out.contains(&id);
                let onchange = Callback::from(move |_| {
                    let mut set = (*left_out).clone();
                    if !set.remove(&id) {
                        set.insert(id);
                    }
                    left_out.set(set);
                });
                let evaluator = r.tags.interviewer.as_ref().map(ToString::to_string).unwrap_or_default();
                html! {
                    <li><label><input type="checkbox" checked={included} {onchange} />
                        { format!(" {evaluator} · {}", time_text(&r.started_at)) }</label></li>
                }
            });
            let table = match compare_visits(q, &chosen, NUMBER_TOLERANCE) {
                Ok(c) => {
                    let view = CompareView::new(&c, lang);
                    html! {
                        <>
                            <div class="table-scroll">{ comparison_table(&view, lang) }</div>
                            <h3>{ T::Disagreements.get(lang) }</h3>
                            <div class="table-scroll">{ disagreements(&view, lang) }</div>
                        </>
                    }
                }
                Err(e) => html! { <p class="error">{ e.to_string() }</p> },
            };
            html! { <><ul class="visit-picker">{ for picker }</ul>{ table }</> }
        }
    };
    let shown_group = if *group < groups.len() { *group } else { 0 };
    let hall_buttons = groups.iter().enumerate().map(|(k, g)| {
        let (group, left_out) = (group.clone(), left_out.clone());
        let onclick = Callback::from(move |_| {
            group.set(k);
            left_out.set(BTreeSet::new());
        });
        let current = k == shown_group;
        // The checklist by its title; its version only when the hall has visits of another one.
        let title = lib.get(&g.questionnaire).map_or_else(|| g.questionnaire.to_string(), |q| q.title.get(lang).to_owned());
        let versions_apart = groups.iter().any(|o| {
            o.hall == g.hall && o.questionnaire.id == g.questionnaire.id && o.questionnaire.version != g.questionnaire.version
        });
        let title = if versions_apart { format!("{title} v{}", g.questionnaire.version) } else { title };
        let label = format!("{} · {title} · {}", if g.hall.is_empty() { "—" } else { &g.hall }, g.visits.len());
        html! { <button type="button" class={classes!("tab", current.then_some("current"))} {onclick}>{ label }</button> }
    });
    html! {
        <section class="compare">
            <header class="area-head">
                <h1>{ T::CompareTitle.get(lang) }</h1>
                <nav class="area-links"><a href={Route::Evaluation.href()}>{ T::Evaluation.get(lang) }</a></nav>
            </header>
            <nav class="section-tabs hall-tabs">{ for hall_buttons }</nav>
            { body }
            <div class="file-actions">
                <button type="button" class="secondary" onclick={export}>{ T::ExportVisits.get(lang) }</button>
                <label class="link-button secondary file-pick">{ T::ImportVisits.get(lang) }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={import} /></label>
            </div>
            if let Some(m) = &*message { <p class="note import-message" role="status">{ m }</p> }
        </section>
    }
}
