//! An SVG drawing of a scatter chart placed by core (`manyi_core::chart`): axes with ticks and
//! labels, the cross-hairs, the four quadrant labels and the labelled points. Nothing is
//! computed here but the text of the numbers.

use manyi_core::chart::scatter::Scatter;
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
}

fn tick(v: f64) -> String {
    if v.abs() >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
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
                        <text x={px.to_string()} y={(y1 + 18.0).to_string()} text-anchor="middle">{ tick(*v) }</text>
                    </g>
                }) }
                { for c.y_axis.ticks.iter().map(|(v, py)| html! {
                    <g class="tick">
                        <line x1={(x0 - 5.0).to_string()} x2={x0.to_string()} y1={py.to_string()} y2={py.to_string()} />
                        <text x={(x0 - 8.0).to_string()} y={(py + 4.0).to_string()} text-anchor="end">{ tick(*v) }</text>
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
                { for c.points.iter().map(|pt| html! {
                    <g class={classes!("point", format!("point-{}", pt.class.replace('/', "-")))} data-label={pt.label.clone()}>
                        <circle cx={pt.px.to_string()} cy={pt.py.to_string()} r="5" />
                        <text x={(pt.px + 7.0).to_string()} y={(pt.py - 6.0).to_string()}>{ &pt.label }</text>
                    </g>
                }) }
            </svg>
            <figcaption>{ p.title.clone() }</figcaption>
        </figure>
    }
}
