//! Where each point's label is written so that no label covers another, a point or a quadrant's
//! name: for each point in turn, the first of eight places around it (right, left, above,
//! below, then the diagonals), then of the same eight farther out, that is inside the plot and
//! free; if none is, the place that covers least. Text sizes are estimated from the frame's font size (a wide, CJK, character
//! one em, others 0.62 em), generously, so that what is drawn stays within the box reckoned.

use super::scatter::{Frame, Scatter};
use serde::Serialize;

/// A point's radius as drawn, with the gap kept between a label and any point.
const POINT_RADIUS: f64 = 7.0;

/// Where a label is written: its anchor and which way the text runs from it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LabelAt {
    /// The anchor's x pixel.
    pub px: f64,
    /// The text's baseline.
    pub py: f64,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
}

/// A box on the chart: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Box2 {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Box2 {
    fn overlap(&self, o: &Box2) -> f64 {
        let w = self.right.min(o.right) - self.left.max(o.left);
        let h = self.bottom.min(o.bottom) - self.top.max(o.top);
        if w > 0.0 && h > 0.0 {
            w * h
        } else {
            0.0
        }
    }
}

/// The estimated width of `text` at `font_size`.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.62 }).sum::<f64>() * font_size
}

/// The box of a text of `width` at an anchor, in a font of `size`.
pub fn text_box(at: LabelAt, width: f64, size: f64) -> Box2 {
    let left = match at.anchor {
        "start" => at.px,
        "middle" => at.px - width / 2.0,
        _ => at.px - width,
    };
    Box2 { left, top: at.py - 0.9 * size, right: left + width, bottom: at.py + 0.3 * size }
}

/// The places tried around a point, nearest first: eight around it, then the same eight twice
/// and three times as far (a crowded point's label then gets a leader line, drawn by the app).
fn candidates(px: f64, py: f64, size: f64) -> Vec<LabelAt> {
    let at = |px, py, anchor| LabelAt { px, py, anchor };
    [1.0, 2.0, 3.0]
        .into_iter()
        .flat_map(|ring| {
            let gap = (POINT_RADIUS + 2.0) * ring;
            let d = gap * 0.8;
            [
                at(px + gap, py + 0.3 * size, "start"),
                at(px - gap, py + 0.3 * size, "end"),
                at(px, py - gap, "middle"),
                at(px, py + gap + 0.9 * size, "middle"),
                at(px + d, py - d, "start"),
                at(px - d, py - d, "end"),
                at(px + d, py + d + 0.6 * size, "start"),
                at(px - d, py + d + 0.6 * size, "end"),
            ]
        })
        .collect()
}

/// Whether a label was put away from its point, so that a line should join them.
pub fn needs_leader(px: f64, py: f64, at: LabelAt, size: f64) -> bool {
    let (dx, dy) = (at.px - px, at.py - 0.3 * size - py);
    (dx * dx + dy * dy).sqrt() > 1.6 * (POINT_RADIUS + 2.0) + size
}

/// The box of each quadrant's name (the wider of its two languages, so either fits).
fn quadrant_boxes(chart: &Scatter, size: f64) -> Vec<Box2> {
    chart
        .quadrants
        .iter()
        .map(|q| {
            let width = text_width(&q.text.zh, size).max(text_width(&q.text.en, size));
            text_box(LabelAt { px: q.px, py: q.py, anchor: q.anchor }, width, size)
        })
        .collect()
}

/// Places every point's label ([`super::scatter::Point::label_at`]) in the chart's font size.
pub fn place_labels(chart: &mut Scatter) {
    let f: Frame = chart.frame;
    let size = f.font_size;
    let plot = Box2 { left: f.left, top: f.top, right: f.width - f.right, bottom: f.height - f.bottom };
    let r = POINT_RADIUS;
    let dots: Vec<Box2> = chart
        .points
        .iter()
        .map(|p| Box2 { left: p.px - r, top: p.py - r, right: p.px + r, bottom: p.py + r })
        .collect();
    let mut taken = quadrant_boxes(chart, size);
    for (k, p) in chart.points.iter_mut().enumerate() {
        let width = text_width(&p.label, size) + 2.0;
        let cost = |b: &Box2| {
            let outside = (b.right - b.left) * (b.bottom - b.top) - b.overlap(&plot);
            let on_dots: f64 =
                dots.iter().enumerate().filter(|(j, _)| *j != k).map(|(_, d)| b.overlap(d)).sum();
            let on_labels: f64 = taken.iter().map(|t| b.overlap(t)).sum();
            outside * 20.0 + on_dots + on_labels * 10.0
        };
        let places = candidates(p.px, p.py, size);
        let best = places
            .iter()
            .map(|at| (*at, text_box(*at, width, size)))
            .min_by(|(_, a), (_, b)| cost(a).total_cmp(&cost(b)))
            .expect("places to try");
        // The first free place in order, else the one that covers least.
        let (at, b) = places
            .iter()
            .map(|at| (*at, text_box(*at, width, size)))
            .find(|(_, b)| cost(b) == 0.0)
            .unwrap_or(best);
        p.label_at = at;
        taken.push(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ipa::ipa_scatter;
    use crate::scoring::ipa::Crosshair;

    /// Every pair of the chart's texts (point labels, quadrant names) that overlap.
    fn overlaps(chart: &Scatter) -> Vec<(String, String)> {
        let size = chart.frame.font_size;
        let mut texts: Vec<(String, Box2)> = chart
            .points
            .iter()
            .map(|p| (p.label.clone(), text_box(p.label_at, text_width(&p.label, size), size)))
            .collect();
        for (q, b) in chart.quadrants.iter().zip(quadrant_boxes(chart, size)) {
            texts.push((q.text.en.clone(), b));
        }
        let mut found = Vec::new();
        for i in 0..texts.len() {
            for j in i + 1..texts.len() {
                if texts[i].1.overlap(&texts[j].1) > 0.0 {
                    found.push((texts[i].0.clone(), texts[j].0.clone()));
                }
            }
        }
        found
    }

    #[test]
    fn a_cluster_of_points_gets_labels_that_do_not_cover_each_other() {
        // Ten points, six of them within a few pixels of each other near the top left corner
        // (where "possible overkill" is written), as derived importances near 0 often are.
        let mut points: Vec<(String, f64, f64)> = (0..6)
            .map(|k| ((k + 1).to_string(), 0.01 + 0.004 * f64::from(k), 96.0 - 0.8 * f64::from(k)))
            .collect();
        points.extend(
            [("7", 0.3, 80.0), ("8", 0.31, 79.0), ("9", 0.2, 40.0), ("10", 0.21, 41.0)]
                .map(|(l, i, p)| (l.to_owned(), i, p)),
        );
        let chart = ipa_scatter(&points, Crosshair::DataMeans, Frame::default()).unwrap();
        assert_eq!(overlaps(&chart), Vec::<(String, String)>::new());
        // Each label is near its own point: at most the third ring (3 × 9) and its own width away.
        for p in &chart.points {
            let d = ((p.label_at.px - p.px).powi(2) + (p.label_at.py - p.py).powi(2)).sqrt();
            assert!(d < 3.0 * (POINT_RADIUS + 2.0) + 2.0 * 12.0, "{} is {d} away", p.label);
        }
    }

    #[test]
    fn widths_count_wide_characters_as_one_em() {
        assert_eq!(text_width("重点改进区", 12.0), 60.0);
        assert!((text_width("10", 10.0) - 12.4).abs() < 1e-12);
    }
}
