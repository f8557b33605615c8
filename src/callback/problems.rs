//! The closed loop: problem records found in calls, the open ones first with their age, and the
//! form that fills in what was decided and enters the result that closes a record.

use super::effects;
use super::queue::PanelProps;
use super::state::{DeskAction, Message};
use super::texts::T;
use crate::platform::clock;
use chrono::NaiveDate;
use manyi_core::callback::problem::{Problem, ProblemUpdate, Severity};
use manyi_core::callback::rows::{problem_rows, ProblemRow};
use manyi_core::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::platform::spawn_local;
use yew::prelude::*;

fn table(rows: &[&ProblemRow], open: bool, lang: Lang, on_edit: &Callback<String>) -> Html {
    let title = if open { T::OpenProblems } else { T::ClosedProblems };
    let mut head =
        vec![T::FoundAt, T::FoundBy, T::Case, T::What, T::Unit, T::Severity, T::Remedy, T::Deadline];
    head.extend(if open { vec![T::Age] } else { vec![T::Result, T::AssessedBy] });
    let body = rows.iter().map(|r| {
        let id = r.id.clone();
        let on_edit = on_edit.clone();
        let edit = open.then(|| {
            let label = format!("{} {}", T::EditProblem.get(lang), r.found);
            html! { <button type="button" class="secondary" aria-label={label} onclick={move |_| on_edit.emit(id.clone())}>{ T::EditProblem.get(lang) }</button> }
        });
        html! {
            <tr key={r.id.clone()} data-problem={r.id.clone()} class={classes!(r.overdue.then_some("overdue"))}>
                <td>{ &r.found }</td>
                <td>{ &r.found_by }</td>
                <td>{ &r.case }</td>
                <td class="cb-what">{ &r.what }</td>
                <td>{ &r.responsible_unit }</td>
                <td>{ r.severity.get(lang).to_owned() }</td>
                <td>{ &r.remedy }</td>
                <td>{ &r.deadline }</td>
                if open {
                    <td class="number cb-age">{ r.age_days.map(|a| a.to_string()).unwrap_or_default() }</td>
                } else {
                    <><td>{ &r.result }</td><td>{ &r.assessed_by }</td></>
                }
                <td>{ for edit }</td>
            </tr>
        }
    });
    html! {
        <table class={classes!("cb-problems", if open { "open" } else { "closed" })}>
            <caption>{ format!("{} ({})", title.get(lang), rows.len()) }</caption>
            <thead><tr>
                { for head.iter().map(|h| html! { <th scope="col">{ h.get(lang) }</th> }) }
                <th scope="col"><span class="visually-hidden">{ T::EditProblem.get(lang) }</span></th>
            </tr></thead>
            <tbody>{ for body }</tbody>
        </table>
    }
}

/// Properties of [`ProblemForm`].
#[derive(Properties, PartialEq, Clone)]
struct ProblemFormProps {
    problem: Problem,
    lang: Lang,
    on_save: Callback<Problem>,
    on_error: Callback<T>,
    on_cancel: Callback<()>,
}

fn text_of(r: &NodeRef) -> Option<String> {
    let v = r
        .cast::<HtmlInputElement>()
        .map(|i| i.value())
        .or_else(|| r.cast::<HtmlTextAreaElement>().map(|t| t.value()))
        .or_else(|| r.cast::<HtmlSelectElement>().map(|s| s.value()))?;
    Some(v.trim().to_owned()).filter(|v| !v.is_empty())
}

#[function_component(ProblemForm)]
fn problem_form(props: &ProblemFormProps) -> Html {
    let (p, lang) = (&props.problem, props.lang);
    let refs: [NodeRef; 7] = Default::default();
    let [what, unit, severity, remedy, deadline, result, assessed] = refs.clone();
    let update = {
        let [what, unit, severity, remedy, deadline, ..] = refs.clone();
        move |p: &Problem| {
            let mut p = p.clone();
            p.update(ProblemUpdate {
                what: text_of(&what),
                responsible_unit: text_of(&unit),
                severity: text_of(&severity).and_then(|s| s.parse().ok()),
                remedy: text_of(&remedy),
                deadline: text_of(&deadline).and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            });
            p
        }
    };
    let on_save = {
        let (p, on_save, update) = (p.clone(), props.on_save.clone(), update.clone());
        Callback::from(move |_| on_save.emit(update(&p)))
    };
    let on_close = {
        let (p, on_save, on_error) = (p.clone(), props.on_save.clone(), props.on_error.clone());
        let [.., result, assessed] = refs.clone();
        Callback::from(move |_| {
            let mut p = update(&p);
            let (r, a) = (text_of(&result).unwrap_or_default(), text_of(&assessed).unwrap_or_default());
            match p.close(&r, &a, clock::now()) {
                Ok(()) => on_save.emit(p),
                Err(_) => on_error.emit(T::NeedResult),
            }
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let severities = Severity::ALL.iter().map(|s| {
        html! { <option value={s.code()} selected={p.severity == *s}>{ s.label().get(lang).to_owned() }</option> }
    });
    let field = |id: &str, label: T, input: Html| {
        html! {
            <div class="cb-field"><label for={id.to_owned()}>{ label.get(lang) }</label>{ input }</div>
        }
    };
    html! {
        <form class="cb-problem-form" aria-labelledby="cb-problem-form-title" onsubmit={|e: SubmitEvent| e.prevent_default()}>
            <h2 id="cb-problem-form-title">{ format!("{} · {}", T::EditProblem.get(lang), p.found_at.format("%Y-%m-%d %H:%M")) }</h2>
            { field("cb-p-what", T::What, html! { <textarea id="cb-p-what" rows="2" ref={what} value={p.what.clone()} /> }) }
            { field("cb-p-unit", T::Unit, html! { <input id="cb-p-unit" type="text" ref={unit} value={p.responsible_unit.clone().unwrap_or_default()} /> }) }
            { field("cb-p-severity", T::Severity, html! { <select id="cb-p-severity" ref={severity}>{ for severities }</select> }) }
            { field("cb-p-remedy", T::Remedy, html! { <textarea id="cb-p-remedy" rows="2" ref={remedy} value={p.remedy.clone().unwrap_or_default()} /> }) }
            { field("cb-p-deadline", T::Deadline, html! { <input id="cb-p-deadline" type="date" ref={deadline} value={p.deadline.map(|d| d.to_string()).unwrap_or_default()} /> }) }
            <div class="cb-form-actions">
                <button type="button" class="primary" onclick={on_save}>{ T::Save.get(lang) }</button>
                <button type="button" class="secondary" onclick={cancel}>{ T::Cancel.get(lang) }</button>
            </div>
            { field("cb-p-result", T::Result, html! { <textarea id="cb-p-result" rows="2" ref={result} /> }) }
            { field("cb-p-assessed", T::AssessedBy, html! { <input id="cb-p-assessed" type="text" ref={assessed} /> }) }
            <div class="cb-form-actions">
                <button type="button" class="primary" onclick={on_close}>{ T::CloseProblem.get(lang) }</button>
            </div>
        </form>
    }
}

/// The problems tab.
#[function_component(ProblemsPanel)]
pub fn problems_panel(props: &PanelProps) -> Html {
    let (desk, lang) = (&props.desk, props.lang);
    let rows = problem_rows(&desk.problems, desk.now);
    let d = desk.dispatcher();
    let on_edit = {
        let (d, problems) = (d.clone(), desk.problems.clone());
        Callback::from(move |id: String| {
            let id = problems.problems.iter().find(|p| p.id.to_string() == id).map(|p| p.id);
            d.dispatch(DeskAction::EditProblem(id))
        })
    };
    if rows.is_empty() {
        return html! { <p class="empty">{ T::NoProblems.get(lang) }</p> };
    }
    let (open, closed): (Vec<&ProblemRow>, Vec<&ProblemRow>) = rows.iter().partition(|r| r.open);
    let editing = desk.editing.and_then(|id| desk.problems.problems.iter().find(|p| p.id == id)).cloned();
    let form = editing.map(|problem| {
        let on_save = {
            let (d, store) = (d.clone(), props.store.clone());
            Callback::from(move |p: Problem| spawn_local(effects::save_problem(store.clone(), p, d.clone())))
        };
        let on_error =
            d.to_callback().reform(|t: T| DeskAction::Notify(Message { error: true, text: t.text() }));
        let on_cancel = d.to_callback().reform(|()| DeskAction::EditProblem(None));
        let key = problem.id.to_string();
        html! { <ProblemForm {key} {problem} {lang} {on_save} {on_error} {on_cancel} /> }
    });
    html! {
        <div class="cb-problems-panel">
            { table(&open, true, lang, &on_edit) }
            { for form }
            if !closed.is_empty() { { table(&closed, false, lang, &on_edit) } }
        </div>
    }
}
