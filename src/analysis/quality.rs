//! Quality characteristics: from Kano-study data the Kano table and the Better/|Worse| scatter;
//! from ordinary ratings the penalty–reward table (p-values, impact asymmetry, the bands used)
//! and the importance–performance chart. Figures and chart coordinates are core's.

use super::chart::ScatterChart;
use super::dashboard::three;
use super::state::Results;
use super::texts::T;
use manyi_core::chart::ipa::ipa_scatter;
use manyi_core::chart::kano::kano_scatter;
use manyi_core::chart::scatter::Frame;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::scoring::drivers::DriverRow;
use manyi_core::scoring::ipa::Crosshair;
use manyi_core::scoring::kano::KanoResult;
use manyi_core::Lang;
use yew::prelude::*;

/// An item's or feature's title, else its id.
fn title(q: &Questionnaire, id: &str, lang: Lang) -> String {
    q.item(id).map_or_else(|| id.to_owned(), |i| i.text.get(lang).to_owned())
}

fn kano(q: &Questionnaire, rows: &[(String, KanoResult)], lang: Lang) -> Html {
    if rows.is_empty() {
        return html! { <p class="note an-no-kano">{ T::NoKano.get(lang) }</p> };
    }
    // The points numbered, the features named in the key below the chart.
    let numbered: Vec<(String, KanoResult)> =
        rows.iter().enumerate().map(|(k, (_, r))| ((k + 1).to_string(), r.clone())).collect();
    // Its text is drawn at 17 px (`.kano-chart text`): the labels are kept apart at that size.
    let chart = kano_scatter(&numbered, (0.5, 0.5), Frame { font_size: 17.0, ..Frame::default() });
    let key: Vec<String> = rows.iter().map(|(id, _)| title(q, id, lang)).collect();
    html! {
        <>
            <table class="an-kano">
                <caption>{ T::KanoTitle.get(lang) }</caption>
                <thead><tr>
                    <th scope="col">{ T::Attribute.get(lang) }</th>
                    <th scope="col" class="number">{ "n" }</th>
                    { for ["A", "O", "M", "I", "R", "Q"].iter().map(|c| html! { <th scope="col" class="number">{ *c }</th> }) }
                    <th scope="col">{ T::Category.get(lang) }</th>
                    <th scope="col" class="number">{ "Better" }</th>
                    <th scope="col" class="number">{ "Worse" }</th>
                    <th scope="col">{ T::Significant.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|(id, r)| {
                        let c = &r.counts;
                        html! {
                            <tr data-attribute={id.clone()}>
                                <th scope="row" title={id.clone()}>{ title(q, id, lang) }</th>
                                <td class="number">{ r.n }</td>
                                { for [c.a, c.o, c.m, c.i, c.r, c.q].iter().map(|x| html! { <td class="number">{ *x }</td> }) }
                                <td class="kano-category">{ r.label() }</td>
                                <td class="number">{ three(Some(r.better)) }</td>
                                <td class="number">{ three(Some(r.worse)) }</td>
                                <td>{ if r.fong_significant { "✓" } else { "—" } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <ScatterChart chart={chart} title={T::KanoTitle.get(lang)} class="kano-chart" {lang} legend={key} />
        </>
    }
}

fn p_value(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".to_owned()
    } else {
        format!("{p:.3}")
    }
}

fn drivers(q: &Questionnaire, rows: &[DriverRow], lang: Lang) -> Html {
    // The points numbered, the items named in the key below the chart.
    let points: Vec<(String, f64, f64)> =
        rows.iter().enumerate().map(|(k, r)| ((k + 1).to_string(), r.importance, r.performance)).collect();
    let key: Vec<String> = rows.iter().map(|r| title(q, &r.item, lang)).collect();
    let chart = match ipa_scatter(&points, Crosshair::DataMeans, Frame::default()) {
        Ok(chart) => {
            html! { <ScatterChart {chart} title={T::IpaTitle.get(lang)} class="ipa-chart" {lang} legend={key} /> }
        }
        Err(e) => {
            html! { <p class="note">{ format!("{}: {}", T::NotComputed.get(lang), crate::errors::say(&e, lang)) }</p> }
        }
    };
    html! {
        <>
            <table class="an-drivers">
                <caption>{ T::DriversTitle.get(lang) }</caption>
                <thead><tr>
                    <th scope="col">{ T::Item.get(lang) }</th>
                    <th scope="col" class="number">{ T::Penalty.get(lang) }</th>
                    <th scope="col" class="number">{ T::PValue.get(lang) }</th>
                    <th scope="col" class="number">{ T::Reward.get(lang) }</th>
                    <th scope="col" class="number">{ T::PValue.get(lang) }</th>
                    <th scope="col" class="number">{ T::Asymmetry.get(lang) }</th>
                    <th scope="col">{ T::Category.get(lang) }</th>
                    <th scope="col" class="number">{ T::Importance.get(lang) }</th>
                    <th scope="col" class="number">{ T::Performance.get(lang) }</th>
                    <th scope="col">{ T::Quadrant.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr data-item={r.item.clone()}>
                            <th scope="row" title={r.item.clone()}>{ title(q, &r.item, lang) }</th>
                            <td class="number">{ three(Some(r.penalty)) }</td>
                            <td class="number">{ p_value(r.penalty_p) }</td>
                            <td class="number">{ three(Some(r.reward)) }</td>
                            <td class="number">{ p_value(r.reward_p) }</td>
                            <td class="number">{ three(r.impact_asymmetry) }</td>
                            <td class="driver-category">{ r.category.label().get(lang).to_owned() }</td>
                            <td class="number">{ three(Some(r.importance)) }</td>
                            <td class="number">{ format!("{:.1}", r.performance) }</td>
                            <td>{ r.quadrant.label().get(lang).to_owned() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="note">{ T::Bands.get(lang) }</p>
            { chart }
        </>
    }
}

/// The quality characteristics section.
pub fn quality(r: &Results, lang: Lang) -> Html {
    let q = &r.questionnaire;
    let drivers_part = match &r.analysis.drivers {
        Ok(rows) => drivers(q, rows, lang),
        // Said in the reader's language: penalty–reward explains the overall item.
        Err(_) if q.scoring.overall.is_none() => {
            html! { <p class="note an-no-drivers">{ format!("{}: {}", T::DriversTitle.get(lang), T::NoOverallForDrivers.get(lang)) }</p> }
        }
        Err(why) => {
            html! { <p class="note an-no-drivers">{ format!("{}: {}: {why}", T::DriversTitle.get(lang), T::NotComputed.get(lang)) }</p> }
        }
    };
    html! {
        <section class="an-quality" aria-labelledby="an-quality-title">
            <h2 id="an-quality-title">{ T::Quality.get(lang) }</h2>
            { kano(q, &r.analysis.kano, lang) }
            { drivers_part }
        </section>
    }
}
