//! The two tables of the results screen, from the rows of `view::results`.

use crate::i18n::Ui;
use crate::view::results::{IndexRow, ResponseRow};
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`IndexTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct IndexTableProps {
    /// Overall first, then each dimension.
    pub rows: Vec<IndexRow>,
    /// The language of the headers.
    pub lang: Lang,
}

/// The index overall and per dimension: n, index, 95 % interval, small-sample flag.
#[function_component(IndexTable)]
pub fn index_table(props: &IndexTableProps) -> Html {
    let lang = props.lang;
    let rows = props.rows.iter().map(|r| {
        let flag = r.small_sample.then(|| html! { <span class="flag">{ Ui::SmallSample.get(lang) }</span> });
        html! {
            <tr>
                <th scope="row">{ &r.label }</th>
                <td class="number">{ r.n }</td>
                <td class="number index-value">{ &r.index }</td>
                <td class="number">{ &r.interval }</td>
                <td>{ for flag }</td>
            </tr>
        }
    });
    html! {
        <table class="index-table">
            <thead>
                <tr>
                    <th scope="col">{ Ui::Indicator.get(lang) }</th>
                    <th scope="col" class="number">{ Ui::Respondents.get(lang) }</th>
                    <th scope="col" class="number">{ Ui::Index.get(lang) }</th>
                    <th scope="col" class="number">{ Ui::Interval.get(lang) }</th>
                    <th scope="col"><span class="visually-hidden">{ Ui::SmallSample.get(lang) }</span></th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// Properties of [`ResponseTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct ResponseTableProps {
    /// Newest first.
    pub rows: Vec<ResponseRow>,
    /// The language of the headers.
    pub lang: Lang,
}

/// The stored responses.
#[function_component(ResponseTable)]
pub fn response_table(props: &ResponseTableProps) -> Html {
    let lang = props.lang;
    if props.rows.is_empty() {
        return html! { <p class="empty">{ Ui::NoResponses.get(lang) }</p> };
    }
    let rows = props.rows.iter().map(|r| {
        html! {
            <tr key={r.id.clone()} data-response-id={r.id.clone()}>
                <td>{ &r.when }</td>
                <td>{ &r.status }</td>
                <td>{ &r.business }</td>
                <td>{ &r.customer_class }</td>
                <td>{ &r.overall }</td>
                <td class="number">{ &r.composite }</td>
            </tr>
        }
    });
    html! {
        <table class="response-table">
            <thead>
                <tr>
                    <th scope="col">{ Ui::When.get(lang) }</th>
                    <th scope="col">{ Ui::Status.get(lang) }</th>
                    <th scope="col">{ Ui::Business.get(lang) }</th>
                    <th scope="col">{ Ui::CustomerClass.get(lang) }</th>
                    <th scope="col">{ Ui::OverallRating.get(lang) }</th>
                    <th scope="col" class="number">{ Ui::Composite.get(lang) }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
