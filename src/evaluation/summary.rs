//! The visit's summary (who, where, when; section scores; red lines; what is still open; submit)
//! and the screen after submission.

use super::section::{score_bar, ChecklistProps};
use super::texts::T;
use super::view::{score_text, score_value, section_rows, time_text};
use crate::platform::clock;
use crate::platform::location::Route;
use manyi_core::evaluation::checklist::{ChecklistAction, ChecklistScreen};
use yew::prelude::*;

fn visit_facts(props: &ChecklistProps) -> Html {
    let lang = props.lang;
    let Some(r) = &props.checklist.draft else { return Html::default() };
    let tag = |t: &Option<manyi_core::response::tags::TagValue>| {
        t.as_ref().map(ToString::to_string).unwrap_or_default()
    };
    html! {
        <dl class="visit-facts">
            <dt>{ T::Evaluator.get(lang) }</dt><dd class="fact-evaluator">{ tag(&r.tags.interviewer) }</dd>
            <dt>{ T::Hall.get(lang) }</dt><dd class="fact-hall">{ tag(&r.tags.hall) }</dd>
            <dt>{ T::VisitTime.get(lang) }</dt><dd>{ time_text(&r.started_at) }</dd>
        </dl>
    }
}

fn sections_table(props: &ChecklistProps, link: bool) -> Html {
    let lang = props.lang;
    let rows = section_rows(&props.checklist, lang).into_iter().map(|row| {
        let title = if link {
            let on_action = props.on_action.clone();
            let index = row.index;
            let onclick = Callback::from(move |_| on_action.emit(ChecklistAction::Show(ChecklistScreen::Section(index))));
            html! { <button type="button" class="link" {onclick}>{ &row.title }</button> }
        } else {
            html! { &row.title }
        };
        html! {
            <tr data-section={row.index.to_string()}>
                <th scope="row">{ title }</th>
                <td class="number">{ &row.weight }</td>
                <td class="number">{ format!("{}/{}", row.answered, row.shown) }</td>
                <td class="number section-score" data-value={score_value(row.score)}>{ score_text(row.score) }</td>
            </tr>
        }
    });
    html! {
        <table class="summary-table">
            <thead><tr>
                <th scope="col">{ T::Section.get(lang) }</th>
                <th scope="col" class="number">{ T::Weight.get(lang) }</th>
                <th scope="col" class="number">{ "✓" }</th>
                <th scope="col" class="number">{ T::Score.get(lang) }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// Before submission.
#[function_component(SummaryScreen)]
pub fn summary_screen(props: &ChecklistProps) -> Html {
    let (c, lang) = (&props.checklist, props.lang);
    let open: Vec<Html> = c
        .open_items()
        .into_iter()
        .map(|item| {
            let on_action = props.on_action.clone();
            let section = c.section_of(&item.id);
            let onclick = Callback::from(move |_| {
                if let Some(s) = section {
                    on_action.emit(ChecklistAction::Show(ChecklistScreen::Section(s)))
                }
            });
            html! { <li><button type="button" class="link" {onclick}>{ item.text.get(lang) }</button></li> }
        })
        .collect();
    let on_action = props.on_action.clone();
    let change = Callback::from(move |_| on_action.emit(ChecklistAction::Show(ChecklistScreen::Setup)));
    let on_action = props.on_action.clone();
    let submit = Callback::from(move |_| on_action.emit(ChecklistAction::Submit { at: clock::now() }));
    html! {
        <section class="checklist-summary">
            <h2>{ T::Summary.get(lang) }</h2>
            { visit_facts(props) }
            <button type="button" class="secondary" onclick={change}>{ T::ChangeSetup.get(lang) }</button>
            { sections_table(props, true) }
            <h3>{ T::OpenItems.get(lang) }</h3>
            if open.is_empty() { <p class="note">{ T::NoneOpen.get(lang) }</p> } else { <ul class="open-items">{ for open }</ul> }
            <footer class="checklist-bar">
                { score_bar(c, lang) }
                <nav class="bar-nav"><button type="button" class="primary" onclick={submit}>{ T::SubmitVisit.get(lang) }</button></nav>
            </footer>
        </section>
    }
}

/// After submission.
#[function_component(DoneScreen)]
pub fn done_screen(props: &ChecklistProps) -> Html {
    let lang = props.lang;
    let on_action = props.on_action.clone();
    let again = Callback::from(move |_| on_action.emit(ChecklistAction::NewVisit));
    html! {
        <section class="checklist-done">
            <h2 class="done-title">{ T::Submitted.get(lang) }</h2>
            { visit_facts(props) }
            { score_bar(&props.checklist, lang) }
            { sections_table(props, false) }
            <nav class="bar-nav">
                <a class="link-button secondary" href={Route::Compare.href()}>{ T::CompareVisits.get(lang) }</a>
                <button type="button" class="primary" onclick={again}>{ T::NewVisit.get(lang) }</button>
            </nav>
        </section>
    }
}
