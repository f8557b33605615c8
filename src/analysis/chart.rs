//! An SVG drawing of a scatter chart placed by core (`manyi_core::chart`): axes with ticks and
//! labels, the cross-hairs, the four quadrant labels and the numbered points with their labels
//! where core placed them (a line to a label put away from a crowded point), and below it the
//! key: each number with what it stands for. Nothing is computed here but the text of the
//! numbers.

use manyi_core::chart::labels::needs_leader;
use manyi_core::chart::scatter::Scatter;
use manyi_core::text::fixed;
use manyi_core::Lang;
use yew::prelude::*;

/// Props of [`ScatterChart`].
#[derive(Properties, PartialEq)]
pub struct ScatterProps {
    /// The chart as core placed it.
    pub chart: Scatter,
    /// Its title (also the SVG's accessible name).
    pub title: AttrValue,
    /// A class for the chart's container (`kano-chart`, `ipa-chart`).
    pub class: AttrValue,
    /// The interface language.
    pub lang: Lang,
    /// What each point's label (its number) stands for, in the points' order: an item's text.
    pub legend: Vec<String>,
}

/// A tick's value: whole numbers on an axis spanning 10 or more (0–100), else two decimals.
fn tick(v: f64, span: f64) -> String {
    if span >= 10.0 {
        fixed(v, 0)
    } else {
        fixed(v, 2)
    }
}

/// The chart.
#[function_component(ScatterChart)]
pub fn scatter_chart(p: &ScatterProps) -> Html {
    let c = &p.chart;
    let f = c.frame;
    let (x0, x1) = (f.left, f.width - f.right);
    let (y0, y1) = (f.top, f.height - f.bottom);
    let (cx, cy) = (c.crosshair.2, c.crosshair.3);
    html! {
        <figure class={classes!("chart", p.class.to_string())}>
            <svg viewBox={format!("0 0 {} {}", f.width, f.height)} role="img" aria-label={p.title.clone()}
                xmlns="http://www.w3.org/2000/svg">
                <title>{ p.title.clone() }</title>
                <rect class="plot" x={x0.to_string()} y={y0.to_string()} width={(x1 - x0).to_string()} height={(y1 - y0).to_string()} />
                { for c.x_axis.ticks.iter().map(|(v, px)| html! {
                    <g class="tick">
                        <line x1={px.to_string()} x2={px.to_string()} y1={y1.to_string()} y2={(y1 + 5.0).to_string()} />
                        <text x={px.to_string()} y={(y1 + 18.0).to_string()} text-anchor="middle">{ tick(*v, c.x_axis.max - c.x_axis.min) }</text>
                    </g>
                }) }
                { for c.y_axis.ticks.iter().map(|(v, py)| html! {
                    <g class="tick">
                        <line x1={(x0 - 5.0).to_string()} x2={x0.to_string()} y1={py.to_string()} y2={py.to_string()} />
                        <text x={(x0 - 8.0).to_string()} y={(py + 4.0).to_string()} text-anchor="end">{ tick(*v, c.y_axis.max - c.y_axis.min) }</text>
                    </g>
                }) }
                <text class="axis-label x-label" x={((x0 + x1) / 2.0).to_string()} y={(f.height - 12.0).to_string()}
                    text-anchor="middle">{ c.x_axis.label.get(p.lang).to_owned() }</text>
                <text class="axis-label y-label" x="14" y={((y0 + y1) / 2.0).to_string()} text-anchor="middle"
                    transform={format!("rotate(-90 14 {})", (y0 + y1) / 2.0)}>{ c.y_axis.label.get(p.lang).to_owned() }</text>
                <line class="crosshair" x1={cx.to_string()} x2={cx.to_string()} y1={y0.to_string()} y2={y1.to_string()} />
                <line class="crosshair" x1={x0.to_string()} x2={x1.to_string()} y1={cy.to_string()} y2={cy.to_string()} />
                { for c.quadrants.iter().map(|q| html! {
                    <text class="quadrant-label" x={q.px.to_string()} y={q.py.to_string()} text-anchor={q.anchor}>
                        { q.text.get(p.lang).to_owned() }
                    </text>
                }) }
                { for c.points.iter().enumerate().map(|(k, pt)| {
                    let at = pt.label_at;
                    let leader = needs_leader(pt.px, pt.py, at, f.font_size).then(|| html! {
                        <line class="leader" x1={pt.px.to_string()} y1={pt.py.to_string()}
                            x2={at.px.to_string()} y2={(at.py - 0.3 * f.font_size).to_string()} />
                    });
                    html! {
                        <g class={classes!("point", format!("point-{}", pt.class.replace('/', "-")))} data-label={pt.label.clone()}>
                            { for leader }
                            <circle cx={pt.px.to_string()} cy={pt.py.to_string()} r="5" />
                            <text class="point-label" x={at.px.to_string()} y={at.py.to_string()} text-anchor={at.anchor}>{ &pt.label }</text>
                            if let Some(what) = p.legend.get(k) { <title>{ format!("{} {what}", pt.label) }</title> }
                        </g>
                    }
                }) }
            </svg>
            <figcaption>{ p.title.clone() }</figcaption>
            if !p.legend.is_empty() {
                <ol class={classes!("chart-key", format!("{}-key", p.class.trim_end_matches("-chart")))}>
                    { for c.points.iter().zip(&p.legend).map(|(pt, what)| html! {
                        <li value={pt.label.clone()}><span class="key-number">{ &pt.label }</span>{ what.clone() }</li>
                    }) }
                </ol>
            }
        </figure>
    }
}
