//! The queue: filters, the next case, every case in queue order with its ticket, and the case
//! open beside it.

use super::case_panel::CasePanel;
use super::effects;
use super::state::{Desk, DeskAction};
use super::texts::T;
use crate::app::StoreStatus;
use chrono::DateTime;
use manyi_core::callback::export::Privacy;
use manyi_core::callback::view::{queue_rows, CaseRow};
use manyi_core::callback::{CaseFilter, CaseStatus};
use manyi_core::response::tags::BusinessType;
use manyi_core::Lang;
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// An RFC 3339 time as shown: `2026-11-02 14:00`.
pub fn shown_time(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map_or_else(|_| rfc3339.to_owned(), |t| t.format("%Y-%m-%d %H:%M").to_string())
}

/// Properties of the workspace's panels.
#[derive(Properties, PartialEq, Clone)]
pub struct PanelProps {
    /// The workspace.
    pub desk: UseReducerHandle<Desk>,
    /// The language.
    pub lang: Lang,
    /// The store.
    pub store: StoreStatus,
}

fn filters(desk: &UseReducerHandle<Desk>, lang: Lang) -> Html {
    let filter = desk.filter.clone();
    let on_type = {
        let (d, f) = (desk.dispatcher(), filter.clone());
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            let ticket_types = code.parse::<BusinessType>().map(|t| vec![t]).unwrap_or_default();
            d.dispatch(DeskAction::Filter(CaseFilter { ticket_types, ..f.clone() }))
        })
    };
    let on_status = {
        let (d, f) = (desk.dispatcher(), filter.clone());
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            let status = CaseStatus::ALL.iter().copied().find(|s| s.code() == code);
            d.dispatch(DeskAction::Filter(CaseFilter { status, ..f.clone() }))
        })
    };
    let chosen_type = filter.ticket_types.first().copied();
    let types = BusinessType::ALL.iter().map(|t| {
        html! { <option value={t.code()} selected={chosen_type == Some(*t)}>{ t.label().get(lang).to_owned() }</option> }
    });
    let statuses = CaseStatus::ALL.iter().map(|s| {
        html! { <option value={s.code()} selected={filter.status == Some(*s)}>{ s.label().get(lang).to_owned() }</option> }
    });
    html! {
        <div class="cb-filters">
            <label>
                <span>{ T::FilterType.get(lang) }</span>
                <select id="cb-filter-type" onchange={on_type}>
                    <option value="" selected={chosen_type.is_none()}>{ T::All.get(lang) }</option>
                    { for types }
                </select>
            </label>
            <label>
                <span>{ T::FilterStatus.get(lang) }</span>
                <select id="cb-filter-status" onchange={on_status}>
                    <option value="" selected={filter.status.is_none()}>{ T::All.get(lang) }</option>
                    { for statuses }
                </select>
            </label>
        </div>
    }
}

fn row(r: &CaseRow, selected: bool, lang: Lang, d: &UseReducerDispatcher<Desk>) -> Html {
    let key = r.key.clone();
    let d = d.clone();
    let onclick = Callback::from(move |_| d.dispatch(DeskAction::Select(Some(key.clone()))));
    let class = classes!(
        "cb-row",
        selected.then_some("selected"),
        r.service_recovery.then_some("recovery"),
        (!r.callable && r.status == CaseStatus::Open).then_some("waiting"),
        r.overdue.then_some("overdue"),
    );
    let name = format!("{} {}", r.label.get(lang), r.customer.get(lang));
    let priority = r
        .service_recovery
        .then(|| html! { <span class="badge recovery">{ r.priority.get(lang).to_owned() }</span> });
    let overdue = r.overdue.then(|| html! { <span class="badge overdue">{ T::Overdue.get(lang) }</span> });
    html! {
        <tr {class} key={r.title.clone()} data-case={r.title.clone()} aria-current={selected.then_some("true")}
            data-next-call-at={r.next_call_at.clone()}>
            <td><button type="button" class="cb-open" aria-label={name} {onclick}>{ r.label.get(lang).to_owned() }</button>{ for priority }</td>
            <td>{ r.customer.get(lang).to_owned() }</td>
            <td class="phone">{ &r.phone }</td>
            <td>{ r.ticket_type.get(lang).to_owned() }</td>
            <td>{ &r.ticket_date }</td>
            <td>{ &r.due }{ for overdue }</td>
            <td class="cb-status">{ r.status_label.get(lang).to_owned() }</td>
            <td class="number">{ r.attempts }</td>
            <td class="cb-last">{ r.last_outcome.as_ref().map(|t| t.get(lang).to_owned()).unwrap_or_default() }</td>
            <td class="cb-next">{ r.next_call_at.as_deref().map(shown_time).unwrap_or_default() }</td>
        </tr>
    }
}

/// The queue tab.
#[function_component(QueuePanel)]
pub fn queue_panel(props: &PanelProps) -> Html {
    let (desk, lang) = (&props.desk, props.lang);
    let privacy = Privacy { show_phone_numbers: desk.settings.show_phone_numbers };
    let rows = queue_rows(&desk.list, desk.now, &desk.filter, &desk.rules, privacy);
    let d = desk.dispatcher();
    let next = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(DeskAction::NextCase))
    };
    let refresh = {
        let (d, store, list, library) =
            (d.clone(), props.store.clone(), desk.list.clone(), desk.library.clone());
        Callback::from(move |_| {
            if let StoreStatus::Ready(s) = store.clone() {
                spawn_local(effects::refresh_kiosk(s, list.clone(), library.clone(), d.clone()));
            }
        })
    };
    let table = if desk.list.cases.is_empty() {
        html! { <p class="empty">{ T::EmptyQueue.get(lang) }</p> }
    } else {
        let header = [
            T::Ticket,
            T::Customer,
            T::Phone,
            T::FilterType,
            T::TicketDate,
            T::Due,
            T::Status,
            T::Attempts,
            T::LastOutcome,
            T::NextCall,
        ];
        html! {
            <div class="cb-table-scroll"><table class="cb-queue">
                <caption class="visually-hidden">{ T::Queue.get(lang) }</caption>
                <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{ h.get(lang) }</th> }) }</tr></thead>
                <tbody>{ for rows.iter().map(|r| row(r, desk.selected.as_ref() == Some(&r.key), lang, &d)) }</tbody>
            </table></div>
        }
    };
    let case = desk.selected.as_ref().and_then(|k| desk.case(k)).cloned();
    html! {
        <div class="cb-queue-layout">
            <div class="cb-queue-main">
                <div class="cb-toolbar">
                    <button type="button" class="primary" onclick={next}>{ T::NextCase.get(lang) }</button>
                    { filters(desk, lang) }
                    <button type="button" class="secondary" onclick={refresh}>{ T::RefreshKiosk.get(lang) }</button>
                </div>
                { table }
            </div>
            { for case.map(|case| html! {
                <CasePanel {case} now={desk.now} rules={desk.rules.clone()} {privacy} {lang}
                    on_close={d.to_callback().reform(|()| DeskAction::Select(None))}
                    on_call={d.to_callback().reform(|()| DeskAction::Key {
                        press: super::keys::KeyPress::key("Enter"),
                        at: crate::platform::clock::now(),
                        id: crate::platform::new_id(),
                    })} />
            }) }
        </div>
    }
}
