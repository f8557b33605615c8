//! A scatter chart as numbers: axes, points and quadrant labels placed in SVG user units, so the
//! app only draws what core placed and a test can check every coordinate.

use super::labels::LabelAt;
use crate::text::Text;
use serde::Serialize;

/// The drawing area: the whole SVG viewBox and the margins around the plot.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Frame {
    /// Width of the viewBox.
    pub width: f64,
    /// Height of the viewBox.
    pub height: f64,
    /// Space left of the plot (for the y-axis labels).
    pub left: f64,
    /// Space right of the plot.
    pub right: f64,
    /// Space above the plot.
    pub top: f64,
    /// Space below the plot (for the x-axis labels).
    pub bottom: f64,
    /// The size of the labels' text, in the viewBox's units (to keep labels apart).
    pub font_size: f64,
}

impl Default for Frame {
    fn default() -> Self {
        Frame {
            width: 640.0,
            height: 480.0,
            left: 64.0,
            right: 24.0,
            top: 24.0,
            bottom: 56.0,
            font_size: 12.0,
        }
    }
}

impl Frame {
    /// The x pixel of data value `x` on an axis from `min` to `max`.
    pub fn px(&self, x: f64, min: f64, max: f64) -> f64 {
        self.left + (x - min) / (max - min) * (self.width - self.left - self.right)
    }

    /// The y pixel of data value `y` on an axis from `min` to `max` (SVG y grows downwards).
    pub fn py(&self, y: f64, min: f64, max: f64) -> f64 {
        self.top + (1.0 - (y - min) / (max - min)) * (self.height - self.top - self.bottom)
    }
}

/// An axis: its label, its range and its ticks (value and pixel).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis {
    /// What the axis shows.
    pub label: Text,
    /// The lowest value shown.
    pub min: f64,
    /// The highest value shown.
    pub max: f64,
    /// Tick values with their pixel positions along the axis.
    pub ticks: Vec<(f64, f64)>,
}

/// One point: its label, data values, pixel position and a class for its colour.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// What the point is (a feature, an item).
    pub label: String,
    /// The data value on the x axis.
    pub x: f64,
    /// The data value on the y axis.
    pub y: f64,
    /// Its x pixel.
    pub px: f64,
    /// Its y pixel.
    pub py: f64,
    /// A short class for its colour (e.g. the Kano category letter or the quadrant code).
    pub class: String,
    /// Where its label is written, clear of the other labels ([`super::labels::place_labels`]).
    pub label_at: LabelAt,
}

/// A quadrant's label and where it is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuadrantLabel {
    /// The text.
    pub text: Text,
    /// Its x pixel (the text's anchor).
    pub px: f64,
    /// Its y pixel.
    pub py: f64,
    /// `start` or `end`: which way the text runs from its anchor.
    pub anchor: &'static str,
}

/// A scatter chart with cross-hairs splitting it into four labelled quadrants.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scatter {
    /// The drawing area.
    pub frame: Frame,
    /// The horizontal axis.
    pub x_axis: Axis,
    /// The vertical axis.
    pub y_axis: Axis,
    /// The cross-hairs: data values and pixels `(x, y, px, py)`.
    pub crosshair: (f64, f64, f64, f64),
    /// The quadrant labels, clockwise from top left.
    pub quadrants: Vec<QuadrantLabel>,
    /// The points.
    pub points: Vec<Point>,
}

impl Point {
    /// A point at its pixels, its label to be placed.
    pub fn new(label: String, (x, y): (f64, f64), (px, py): (f64, f64), class: String) -> Point {
        let label_at = LabelAt { px: px + 9.0, py: py + 4.0, anchor: "start" };
        Point { label, x, y, px, py, class, label_at }
    }
}

/// Evenly spaced ticks from `min` to `max` in `steps` steps, with their pixels from `place`.
pub fn ticks(min: f64, max: f64, steps: usize, place: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
    (0..=steps)
        .map(|i| {
            let v = min + (max - min) * i as f64 / steps as f64;
            (v, place(v))
        })
        .collect()
}

/// The four quadrant labels written in the corners of the plot: top left, top right, bottom
/// right, bottom left.
pub fn corner_labels(frame: &Frame, texts: [Text; 4]) -> Vec<QuadrantLabel> {
    let pad = 8.0;
    let (l, r) = (frame.left + pad, frame.width - frame.right - pad);
    let (t, b) = (frame.top + 16.0, frame.height - frame.bottom - pad);
    let [tl, tr, br, bl] = texts;
    vec![
        QuadrantLabel { text: tl, px: l, py: t, anchor: "start" },
        QuadrantLabel { text: tr, px: r, py: t, anchor: "end" },
        QuadrantLabel { text: br, px: r, py: b, anchor: "end" },
        QuadrantLabel { text: bl, px: l, py: b, anchor: "start" },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_of_the_default_frame() {
        let f = Frame::default();
        // Plot 552 × 400 from (64, 24).
        assert_eq!(f.px(0.0, 0.0, 1.0), 64.0);
        assert_eq!(f.px(0.5, 0.0, 1.0), 64.0 + 276.0);
        assert_eq!(f.py(0.0, 0.0, 1.0), 424.0);
        assert_eq!(f.py(1.0, 0.0, 1.0), 24.0);
        assert_eq!(f.py(0.25, 0.0, 1.0), 24.0 + 300.0);
    }
}
