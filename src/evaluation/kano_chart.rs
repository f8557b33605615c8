//! The Better vs |Worse| scatter as SVG. Every coordinate comes from core's chart (`Scatter`):
//! this only draws the axes, ticks, cross-hairs, quadrant labels and the numbered points.

use manyi_core::chart::scatter::Scatter;
use manyi_core::text::fixed;
use manyi_core::Lang;
use yew::prelude::*;

/// Properties of [`KanoChart`].
#[derive(Properties, PartialEq, Clone)]
pub struct KanoChartProps {
    /// The chart, placed by core.
    pub chart: Scatter,
    /// What the chart shows, for screen readers.
    pub title: AttrValue,
    /// The language of the labels.
    pub lang: Lang,
}

fn n(x: f64) -> String {
    format!("{x}")
}

/// The chart.
#[function_component(KanoChart)]
pub fn kano_chart(props: &KanoChartProps) -> Html {
    let (c, lang) = (&props.chart, props.lang);
    let f = &c.frame;
    let (left, right) = (f.left, f.width - f.right);
    let (top, bottom) = (f.top, f.height - f.bottom);
    let x_ticks = c.x_axis.ticks.iter().map(|(v, px)| {
        html! {
            <g class="tick">
                <line x1={n(*px)} x2={n(*px)} y1={n(bottom)} y2={n(bottom + 6.0)} />
                <text x={n(*px)} y={n(bottom + 22.0)} text-anchor="middle">{ fixed(*v, 2) }</text>
            </g>
        }
    });
    let y_ticks = c.y_axis.ticks.iter().map(|(v, py)| {
        html! {
            <g class="tick">
                <line x1={n(left - 6.0)} x2={n(left)} y1={n(*py)} y2={n(*py)} />
                <text x={n(left - 10.0)} y={n(*py + 5.0)} text-anchor="end">{ fixed(*v, 2) }</text>
            </g>
        }
    });
    let quadrants = c.quadrants.iter().map(|q| {
        html! { <text class="quadrant-label" x={n(q.px)} y={n(q.py)} text-anchor={q.anchor}>{ q.text.get(lang) }</text> }
    });
    let points = c.points.iter().map(|p| {
        html! {
            <g class={classes!("point", format!("class-{}", p.class))} data-feature={p.label.clone()}>
                <circle cx={n(p.px)} cy={n(p.py)} r="7" data-better={n(p.y)} data-worse={n(p.x)} />
                <text class="point-label" x={n(p.label_at.px)} y={n(p.label_at.py)} text-anchor={p.label_at.anchor}>{ &p.label }</text>
            </g>
        }
    });
    let (cx, cy) = (c.crosshair.2, c.crosshair.3);
    html! {
        <svg class="kano-chart" viewBox={format!("0 0 {} {}", f.width, f.height)} role="img" aria-label={props.title.clone()}>
            <rect class="plot" x={n(left)} y={n(top)} width={n(right - left)} height={n(bottom - top)} />
            <line class="crosshair" x1={n(cx)} x2={n(cx)} y1={n(top)} y2={n(bottom)} />
            <line class="crosshair" x1={n(left)} x2={n(right)} y1={n(cy)} y2={n(cy)} />
            { for quadrants }
            <g class="axis">{ for x_ticks }{ for y_ticks }</g>
            <text class="axis-label" x={n((left + right) / 2.0)} y={n(f.height - 8.0)} text-anchor="middle">{ c.x_axis.label.get(lang) }</text>
            <text class="axis-label" x="16" y={n((top + bottom) / 2.0)} text-anchor="middle"
                transform={format!("rotate(-90 16 {})", (top + bottom) / 2.0)}>{ c.y_axis.label.get(lang) }</text>
            { for points }
        </svg>
    }
}
