//! The picture analysts expect of a Kano study: Better against |Worse|, one point per feature,
//! split at 0.5 into attractive, one-dimensional, must-be and indifferent quadrants.

use super::labels::place_labels;
use super::scatter::{corner_labels, ticks, Axis, Frame, Point, Scatter};
use crate::scoring::kano::KanoResult;
use crate::text::Text;

/// Better (y) against |Worse| (x) for each attribute, both on 0–1, cross-hairs at `split`
/// (0.5 by convention; pass the means of the points to centre on the data).
pub fn kano_scatter(results: &[(String, KanoResult)], split: (f64, f64), frame: Frame) -> Scatter {
    let (min, max) = (0.0, 1.0);
    let point = |(label, r): &(String, KanoResult)| {
        let (x, y) = (r.worse.abs(), r.better);
        Point::new(
            label.clone(),
            (x, y),
            (frame.px(x, min, max), frame.py(y, min, max)),
            r.category.to_string(),
        )
    };
    let mut chart = Scatter {
        frame,
        x_axis: Axis {
            label: Text::new("不满意影响 |Worse|", "dissatisfaction |Worse|"),
            min,
            max,
            ticks: ticks(min, max, 4, |v| frame.px(v, min, max)),
        },
        y_axis: Axis {
            label: Text::new("满意影响 Better", "satisfaction Better"),
            min,
            max,
            ticks: ticks(min, max, 4, |v| frame.py(v, min, max)),
        },
        crosshair: (split.0, split.1, frame.px(split.0, min, max), frame.py(split.1, min, max)),
        quadrants: corner_labels(
            &frame,
            [
                Text::new("激励 A", "attractive A"),
                Text::new("绩效 O", "one-dimensional O"),
                Text::new("基本 M", "must-be M"),
                Text::new("无差异 I", "indifferent I"),
            ],
        ),
        points: results.iter().map(point).collect(),
    };
    place_labels(&mut chart);
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::kano::{analyse_counts, KanoCounts, KanoOptions};

    #[test]
    fn places_the_public_checks() {
        let r1 =
            analyse_counts(KanoCounts { a: 30, o: 42, m: 18, i: 10, r: 0, q: 0 }, &KanoOptions::default())
                .unwrap();
        let chart = kano_scatter(&[("x".into(), r1)], (0.5, 0.5), Frame::default());
        let p = &chart.points[0];
        // Better 0.72, |Worse| 0.60: px = 64 + 0.6·552, py = 24 + (1 − 0.72)·400.
        assert!((p.px - (64.0 + 0.6 * 552.0)).abs() < 1e-9 && (p.py - (24.0 + 0.28 * 400.0)).abs() < 1e-9);
        assert_eq!(p.class, "O");
        assert_eq!(chart.crosshair, (0.5, 0.5, 64.0 + 276.0, 24.0 + 200.0));
        assert_eq!(chart.quadrants[0].text.en, "attractive A");
        assert_eq!(chart.x_axis.ticks[2], (0.5, 340.0));
    }
}
