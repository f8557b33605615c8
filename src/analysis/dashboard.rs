//! The dashboard: the weighted index overall and per dimension for each group, with n, the 95 %
//! interval and the small-sample flag, and the trend by week or month. Every figure is core's
//! (`Index`); only formatted here.

use super::settings::group_label;
use super::state::Results;
use super::texts::T;
use manyi_core::scoring::group::GroupBy;
use manyi_core::scoring::index::{GroupIndex, IndexSummary};
use manyi_core::scoring::report::IndexTable;
use manyi_core::text::fixed;
use manyi_core::Lang;
use yew::prelude::*;

const NONE: &str = "—";

/// A number with one decimal, or "—".
pub fn one(x: Option<f64>) -> String {
    x.map_or_else(|| NONE.to_owned(), |x| fixed(x, 1))
}

/// A number with three decimals, or "—".
pub fn three(x: Option<f64>) -> String {
    x.map_or_else(|| NONE.to_owned(), |x| fixed(x, 3))
}

/// The 95 % interval as "[low, high]", or "—".
pub fn interval(s: &IndexSummary) -> String {
    match (s.ci_low, s.ci_high) {
        (Some(low), Some(high)) => format!("[{}, {}]", fixed(low, 1), fixed(high, 1)),
        _ => NONE.to_owned(),
    }
}

fn find<'a>(groups: &'a [GroupIndex], key: &str) -> Option<&'a IndexSummary> {
    groups.iter().find(|g| g.group == key).map(|g| &g.summary)
}

fn small_flag(s: &IndexSummary, lang: Lang) -> Html {
    if s.small_sample {
        html! { <span class="flag small-sample" title={T::SmallNote.get(lang)}>{ T::SmallSample.get(lang) }</span> }
    } else {
        Html::default()
    }
}

/// The index table of a grouping: a row per group, the composite then each dimension.
pub fn index_table(table: &IndexTable, by: GroupBy, lang: Lang) -> Html {
    let dims = &table.dimensions;
    html! {
        <table class="an-index">
            <thead><tr>
                <th scope="col">{ T::Group.get(lang) }</th>
                <th scope="col" class="number">{ T::N.get(lang) }</th>
                <th scope="col" class="number">{ format!("{} {}", T::Overall.get(lang), T::Index.get(lang)) }</th>
                <th scope="col">{ T::Interval.get(lang) }</th>
                <th scope="col">{ T::SmallSample.get(lang) }</th>
                { for dims.iter().map(|d| html! { <th scope="col" class="number">{ d.title.get(lang).to_owned() }</th> }) }
            </tr></thead>
            <tbody>
                { for table.overall.iter().map(|g| {
                    let s = &g.summary;
                    html! {
                        <tr data-group={g.group.clone()} class={classes!(s.small_sample.then_some("is-small"))}>
                            <th scope="row">{ group_label(by, &g.group, lang) }</th>
                            <td class="number idx-n">{ s.n }</td>
                            <td class="number idx-overall">{ one(s.index) }</td>
                            <td class="idx-ci">{ interval(s) }</td>
                            <td>{ small_flag(s, lang) }</td>
                            { for dims.iter().map(|d| {
                                let ds = find(&d.groups, &g.group);
                                let title = ds.map(|s| format!("n = {}, {}", s.n, interval(s))).unwrap_or_default();
                                html! {
                                    <td class="number idx-dim" data-dimension={d.dimension.to_string()} {title}>
                                        { one(ds.and_then(|s| s.index)) }
                                    </td>
                                }
                            }) }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

fn trend(table: &IndexTable, lang: Lang) -> Html {
    html! {
        <table class="an-trend">
            <caption>{ T::Trend.get(lang) }</caption>
            <thead><tr>
                <th scope="col">{ T::Period_.get(lang) }</th>
                <th scope="col" class="number">{ T::N.get(lang) }</th>
                <th scope="col" class="number">{ T::Index.get(lang) }</th>
                <th scope="col">{ T::Interval.get(lang) }</th>
                <th scope="col"></th>
            </tr></thead>
            <tbody>
                { for table.overall.iter().map(|g| html! {
                    <tr data-period={g.group.clone()}>
                        <th scope="row">{ &g.group }</th>
                        <td class="number">{ g.summary.n }</td>
                        <td class="number">{ one(g.summary.index) }</td>
                        <td>{ interval(&g.summary) }</td>
                        <td><meter min="0" max="100" value={g.summary.index.unwrap_or(0.0).to_string()} />{ small_flag(&g.summary, lang) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The dashboard of `r`, computed in `compute_ms` milliseconds.
pub fn dashboard(r: &Results, compute_ms: Option<f64>, lang: Lang) -> Html {
    let index = &r.analysis.index;
    html! {
        <section class="an-dashboard" aria-labelledby="an-dashboard-title" data-group-by={r.group_by.name()}
            data-questionnaire={index.questionnaire.to_string()}>
            <h2 id="an-dashboard-title">{ T::Dashboard.get(lang) }</h2>
            <dl class="an-facts">
                <dt>{ T::Scored.get(lang) }</dt><dd class="an-scored">{ r.scored }</dd>
                <dt>{ T::LeftOut.get(lang) }</dt><dd class="an-left-out">{ index.left_out }</dd>
                { for compute_ms.map(|ms| html! {
                    <>
                        <dt>{ T::ComputeTook.get(lang) }</dt>
                        <dd class="an-compute-took" data-ms={format!("{ms:.0}")}>{ format!("{:.1} s", ms / 1000.0) }</dd>
                    </>
                }) }
            </dl>
            { index_table(r.dashboard(), r.group_by, lang) }
            <p class="note">{ T::SmallNote.get(lang) }</p>
            { trend(r.trend(), lang) }
        </section>
    }
}
