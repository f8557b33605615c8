//! The analyst's settings bar: the questionnaire version scored (versions are kept apart), the
//! grouping of the dashboard, the trend's period and the filters.

use super::settings::{group_label, grouping_label, Period, GROUPINGS};
use super::state::{WorkAction, Workspace};
use super::texts::T;
use manyi_core::scoring::group::GroupBy;
use manyi_core::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn select(id: &str, label: String, options: Vec<(String, String, bool)>, onchange: Callback<String>) -> Html {
    let onchange =
        Callback::from(move |e: Event| onchange.emit(e.target_unchecked_into::<HtmlSelectElement>().value()));
    html! {
        <label class="an-control">
            <span>{ label }</span>
            <select id={id.to_owned()} {onchange}>
                { for options.into_iter().map(|(value, text, selected)| html! { <option {value} {selected}>{ text }</option> }) }
            </select>
        </label>
    }
}

/// The settings bar.
pub fn controls(
    w: &UseReducerHandle<Workspace>,
    filter_values: &[(GroupBy, Vec<String>)],
    lang: Lang,
) -> Html {
    let chosen = w.chosen_version().map(|v| v.reference.clone());
    let versions = w
        .versions
        .iter()
        .map(|v| {
            let title = v.questionnaire.title.get(lang).to_owned();
            let text = format!("{title} ({}) · {} {}", v.reference, v.responses, T::ResponsesCount.get(lang));
            (v.reference.to_string(), text, Some(&v.reference) == chosen.as_ref())
        })
        .collect();
    let on_version = {
        let (d, refs) = (w.dispatcher(), w.versions.iter().map(|v| v.reference.clone()).collect::<Vec<_>>());
        Callback::from(move |s: String| {
            if let Some(r) = refs.iter().find(|r| r.to_string() == s) {
                d.dispatch(WorkAction::Questionnaire(r.clone()));
            }
        })
    };
    let grouping = w.settings.grouping();
    let groups =
        GROUPINGS.iter().map(|g| (g.name().to_owned(), grouping_label(*g, lang), *g == grouping)).collect();
    let on_group = {
        let d = w.dispatcher();
        Callback::from(move |s: String| {
            if let Ok(g) = s.parse::<GroupBy>() {
                d.dispatch(WorkAction::GroupBy(g));
            }
        })
    };
    let period = w.settings.period;
    let periods = vec![
        ("month".to_owned(), T::Month.get(lang).to_owned(), period == Period::Month),
        ("week".to_owned(), T::Week.get(lang).to_owned(), period == Period::Week),
    ];
    let on_period = {
        let d = w.dispatcher();
        Callback::from(move |s: String| {
            d.dispatch(WorkAction::Period(if s == "week" { Period::Week } else { Period::Month }))
        })
    };
    let filters = filter_values.iter().map(|(by, values)| {
        let current = w.settings.filters.get(by.name()).map(|(_, v)| v.clone());
        let mut options = vec![(String::new(), T::AllValues.get(lang).to_owned(), current.is_none())];
        options.extend(
            values
                .iter()
                .map(|v| (v.clone(), group_label(*by, v, lang), current.as_deref() == Some(v.as_str()))),
        );
        let (d, by) = (w.dispatcher(), *by);
        let on =
            Callback::from(move |s: String| d.dispatch(WorkAction::Filter(by, (!s.is_empty()).then_some(s))));
        select(&format!("an-filter-{}", by.name()), grouping_label(by, lang), options, on)
    });
    html! {
        <section class="an-controls" aria-labelledby="an-controls-title">
            <h2 id="an-controls-title">{ T::Settings.get(lang) }</h2>
            <div class="an-control-row">
                { select("an-questionnaire", T::Questionnaire.get(lang).to_owned(), versions, on_version) }
                { select("an-group-by", T::GroupBy.get(lang).to_owned(), groups, on_group) }
                { select("an-period", T::Period.get(lang).to_owned(), periods, on_period) }
            </div>
            <fieldset class="an-filters">
                <legend>{ T::Filters.get(lang) }</legend>
                <div class="an-control-row">{ for filters }</div>
            </fieldset>
        </section>
    }
}
