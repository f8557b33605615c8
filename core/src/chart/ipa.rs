//! The importance–performance grid: importance (x) against performance (y), cross-hairs at the
//! data means or the scale midpoint, the four quadrants labelled.

use super::labels::place_labels;
use super::scatter::{corner_labels, ticks, Axis, Frame, Point, Scatter};
use crate::error::Result;
use crate::scoring::ipa::{ipa, Crosshair, Quadrant};
use crate::text::Text;

/// The grid of `(label, importance, performance)` points; performance on 0–100; the importance
/// axis spans the points (with some room) and always includes 0.
pub fn ipa_scatter(points: &[(String, f64, f64)], crosshair: Crosshair, frame: Frame) -> Result<Scatter> {
    let pairs: Vec<(f64, f64)> = points.iter().map(|(_, i, p)| (*i, *p)).collect();
    let result = ipa(&pairs, crosshair)?;
    let lo = pairs.iter().map(|p| p.0).fold(0.0f64, f64::min);
    let hi = pairs.iter().map(|p| p.0).fold(result.importance_crosshair, f64::max);
    let pad = ((hi - lo) * 0.1).max(0.01);
    let (xmin, xmax) = (if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad);
    let (ymin, ymax) = (0.0, 100.0);
    let code = |q: Quadrant| match q {
        Quadrant::ConcentrateHere => "concentrate_here",
        Quadrant::KeepUpTheGoodWork => "keep_up_the_good_work",
        Quadrant::LowPriority => "low_priority",
        Quadrant::PossibleOverkill => "possible_overkill",
    };
    let mut chart = Scatter {
        frame,
        x_axis: Axis {
            label: Text::new("重要性（推导）", "importance (derived)"),
            min: xmin,
            max: xmax,
            ticks: ticks(xmin, xmax, 4, |v| frame.px(v, xmin, xmax)),
        },
        y_axis: Axis {
            label: Text::new("表现（0–100）", "performance (0–100)"),
            min: ymin,
            max: ymax,
            ticks: ticks(ymin, ymax, 4, |v| frame.py(v, ymin, ymax)),
        },
        crosshair: (
            result.importance_crosshair,
            result.performance_crosshair,
            frame.px(result.importance_crosshair, xmin, xmax),
            frame.py(result.performance_crosshair, ymin, ymax),
        ),
        quadrants: corner_labels(
            &frame,
            [
                Quadrant::PossibleOverkill.label(),
                Quadrant::KeepUpTheGoodWork.label(),
                Quadrant::ConcentrateHere.label(),
                Quadrant::LowPriority.label(),
            ],
        ),
        points: points
            .iter()
            .zip(&result.quadrants)
            .map(|((label, i, p), q)| {
                let pixels = (frame.px(*i, xmin, xmax), frame.py(*p, ymin, ymax));
                Point::new(label.clone(), (*i, *p), pixels, code(*q).to_owned())
            })
            .collect(),
    };
    place_labels(&mut chart);
    Ok(chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_by_hand() {
        let pts = vec![("wait".to_owned(), 0.4, 60.0), ("speed".to_owned(), 0.2, 80.0)];
        let s = ipa_scatter(&pts, Crosshair::DataMeans, Frame::default()).unwrap();
        // Means 0.3 and 70; x from 0 to 0.4 + 10 % of the range 0–0.4 = 0.44.
        assert!((s.crosshair.0 - 0.3).abs() < 1e-15 && s.crosshair.1 == 70.0);
        assert!((s.x_axis.max - 0.44).abs() < 1e-12);
        assert_eq!(s.points[0].class, "concentrate_here");
        assert_eq!(s.points[1].class, "possible_overkill");
        assert!((s.points[0].px - (64.0 + 0.4 / 0.44 * 552.0)).abs() < 1e-9);
        assert!((s.points[1].py - (24.0 + 0.2 * 400.0)).abs() < 1e-9);
    }
}
