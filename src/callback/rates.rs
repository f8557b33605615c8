//! The outcome rates of the closed cases (AAPOR RR1, COOP1, REF1, CON1) per list, per agent and
//! per day, computed by core.

use super::texts::T;
use manyi_core::callback::rates::{ALL, IMPORTED_LIST, KIOSK_LIST};
use manyi_core::callback::rows::rate_rows;
use manyi_core::callback::{CallList, RatesBy};
use manyi_core::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`RatesPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct RatesPanelProps {
    /// The cases.
    pub list: Rc<CallList>,
    /// The language.
    pub lang: Lang,
}

/// A group as shown: the whole list, the kiosk's requests and imported cases of an unknown file
/// by name; files, agents and days as they are.
fn group_name(group: &str, lang: Lang) -> String {
    match group {
        ALL => T::All.get(lang).to_owned(),
        KIOSK_LIST => T::KioskList.get(lang).to_owned(),
        IMPORTED_LIST => T::ImportedList.get(lang).to_owned(),
        other => other.to_owned(),
    }
}

fn table(list: &CallList, by: RatesBy, title: T, id: &str, lang: Lang) -> Html {
    let rows = rate_rows(&list.rates(by));
    let head = ["I", "P", "R", "NC", "O", "U", "NE", "RR1", "COOP1", "REF1", "CON1"];
    html! {
        <table class="cb-rates" id={id.to_owned()}>
            <caption>{ title.get(lang) }</caption>
            <thead><tr>
                <th scope="col">{ T::Group.get(lang) }</th>
                <th scope="col" class="number">{ T::ClosedCases.get(lang) }</th>
                { for head.iter().map(|h| html! { <th scope="col" class="number">{ *h }</th> }) }
            </tr></thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr data-group={r.group.clone()}>
                        <th scope="row">{ group_name(&r.group, lang) }</th>
                        <td class="number">{ r.cases }</td>
                        { for r.counts.iter().map(|c| html! { <td class="number">{ c }</td> }) }
                        { for r.rates.iter().map(|x| html! { <td class="number rate">{ x }</td> }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The rates tab.
#[function_component(RatesPanel)]
pub fn rates_panel(props: &RatesPanelProps) -> Html {
    let lang = props.lang;
    if props.list.cases.iter().all(|c| c.final_disposition.is_none()) {
        return html! { <p class="empty">{ T::NoRates.get(lang) }</p> };
    }
    html! {
        <div class="cb-rates-panel">
            <p class="note">{ T::RatesNote.get(lang) }</p>
            { table(&props.list, RatesBy::List, T::RatesList, "cb-rates-list", lang) }
            { table(&props.list, RatesBy::Agent, T::RatesAgent, "cb-rates-agent", lang) }
            { table(&props.list, RatesBy::Day, T::RatesDay, "cb-rates-day", lang) }
        </div>
    }
}
