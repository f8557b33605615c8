//! The case open in the queue: its ticket, its calls so far and the button (or Enter) that
//! starts the next call. Focused when opened, so the agent's next key is its.

use super::texts::T;
use chrono::{DateTime, FixedOffset};
use manyi_core::callback::export::Privacy;
use manyi_core::callback::rows::history;
use manyi_core::callback::view::case_row;
use manyi_core::callback::{Case, CaseStatus, SchedulingRules};
use manyi_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`CasePanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct CasePanelProps {
    /// The case.
    pub case: Case,
    /// Now, for what may be called.
    pub now: DateTime<FixedOffset>,
    /// The scheduling rules (calls left).
    pub rules: Rc<SchedulingRules>,
    /// Whether phone numbers are shown.
    pub privacy: Privacy,
    /// The language.
    pub lang: Lang,
    /// Close the case.
    pub on_close: Callback<()>,
    /// Start a call.
    pub on_call: Callback<()>,
}

/// What a kiosk customer told the hall (for a kiosk request): where and when, the business, the
/// items rated low and the comment, as the agent reads them before and during the call.
pub fn kiosk_visit(case: &Case, lang: Lang) -> Html {
    let Some(v) = &case.kiosk else { return Html::default() };
    let tag = |t: &Option<manyi_core::response::tags::TagValue>| {
        t.as_ref().map(ToString::to_string).unwrap_or_default()
    };
    let business = case.ticket_type.map(|b| b.label().get(lang).to_owned()).unwrap_or_default();
    let overall = case.kiosk_overall.map(|x| x.to_string()).unwrap_or_default();
    html! {
        <section class="cb-kiosk-visit" aria-labelledby="cb-kiosk-visit-title">
            <h3 id="cb-kiosk-visit-title">{ T::KioskVisit.get(lang) }</h3>
            <dl class="cb-facts">
                { fact(T::VisitedAt, &v.when(), lang) }
                { fact(T::Hall, &tag(&case.hall), lang) }
                { fact(T::Counter, &tag(&v.counter), lang) }
                { fact(T::StaffId, &tag(&v.staff), lang) }
                { fact(T::Business, &business, lang) }
                { fact(T::KioskOverall, &overall, lang) }
            </dl>
            if !v.low.is_empty() {
                <h4>{ T::LowItems.get(lang) }</h4>
                <ul class="cb-low-items">{ for v.low.iter().map(|l| html! { <li>{ l.shown().get(lang).to_owned() }</li> }) }</ul>
            }
            if let Some(c) = &v.comment {
                <h4>{ T::Comment.get(lang) }</h4>
                <blockquote class="cb-kiosk-comment">{ c.clone() }</blockquote>
            }
        </section>
    }
}

/// A `<dt>`/`<dd>` pair, left out when the value is empty.
pub fn fact(label: T, value: &str, lang: Lang) -> Html {
    if value.is_empty() {
        return Html::default();
    }
    html! { <><dt>{ label.get(lang) }</dt><dd>{ value.to_owned() }</dd></> }
}

fn history_table(case: &Case, lang: Lang) -> Html {
    let rows = history(case);
    if rows.is_empty() {
        return html! { <p class="empty">{ T::NoAttempts.get(lang) }</p> };
    }
    let head = [T::Number, T::Agent, T::Started, T::Duration, T::Outcome, T::Code, T::Appointment];
    html! {
        <div class="cb-table-scroll"><table class="cb-history">
            <caption>{ T::History.get(lang) }</caption>
            <thead><tr>{ for head.iter().map(|h| html! { <th scope="col">{ h.get(lang) }</th> }) }</tr></thead>
            <tbody>
                { for rows.iter().map(|a| html! {
                    <tr data-started-at={a.started_at.clone()}>
                        <td class="number">{ a.number }</td>
                        <td>{ &a.interviewer }</td>
                        <td>{ &a.started }</td>
                        <td class="number">{ &a.duration }</td>
                        <td class="cb-outcome">{ a.outcome.get(lang).to_owned() }</td>
                        <td>{ &a.code }</td>
                        <td>{ a.appointment.clone().unwrap_or_default() }</td>
                    </tr>
                }) }
            </tbody>
        </table></div>
    }
}

/// The open case.
#[function_component(CasePanel)]
pub fn case_panel(props: &CasePanelProps) -> Html {
    let (case, lang) = (&props.case, props.lang);
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with(case.key.clone(), move |_| {
            if let Some(el) = panel.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let row = case_row(case, props.now, &props.rules, props.privacy);
    let kiosk = case.kiosk_overall.map(|x| x.to_string()).unwrap_or_default();
    let next = row.next_call_at.as_deref().map(super::queue::shown_time).unwrap_or_default();
    let close = props.on_close.reform(|_: MouseEvent| ());
    let call = (case.status() == CaseStatus::Open).then(|| {
        let onclick = props.on_call.reform(|_: MouseEvent| ());
        html! { <button type="button" class="primary cb-start-call" {onclick}>{ T::StartCall.get(lang) }</button> }
    });
    html! {
        <aside class={classes!("cb-case", row.service_recovery.then_some("recovery"))} ref={panel} tabindex="-1"
            aria-labelledby="cb-case-title" data-case={row.title.clone()}>
            <header class="cb-case-head">
                <h2 id="cb-case-title">{ format!("{} · {}", row.label.get(lang), row.customer.get(lang)) }</h2>
                <button type="button" class="secondary" onclick={close}>{ T::CloseCase.get(lang) }</button>
            </header>
            <dl class="cb-facts">
                { fact(T::Status, row.status_label.get(lang), lang) }
                { fact(T::Priority, row.priority.get(lang), lang) }
                { fact(T::Phone, &row.phone, lang) }
                { fact(T::FilterType, row.ticket_type.get(lang), lang) }
                { fact(T::TicketDate, &row.ticket_date, lang) }
                { fact(T::Due, &row.due, lang) }
                { fact(T::Hall, &case.hall.as_ref().map(ToString::to_string).unwrap_or_default(), lang) }
                { fact(T::CustomerClass, case.customer_class.map(|c| c.label().get(lang).to_owned()).unwrap_or_default().as_str(), lang) }
                { fact(T::KioskOverall, &kiosk, lang) }
                { fact(T::NextCall, &next, lang) }
                { fact(T::AttemptsLeft, &row.attempts_left.to_string(), lang) }
            </dl>
            { kiosk_visit(case, lang) }
            { for call }
            if case.status() == CaseStatus::Closed || !case.attempts.is_empty() {
                <p class="cb-legend">{ T::NextCaseKey.get(lang) }</p>
            }
            { history_table(case, lang) }
        </aside>
    }
}
