//! Importance–performance analysis: quadrants around data-centred or scale-centred cross-hairs.

use serde::{Deserialize, Serialize};

use super::stats::mean;
use crate::error::{Figure, Part, Shortage};
use crate::{Error, Result, Text};

/// The quadrant of an attribute in the importance–performance grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High importance, low performance: improve these first.
    ConcentrateHere,
    /// High importance, high performance.
    KeepUpTheGoodWork,
    /// Low importance, low performance.
    LowPriority,
    /// Low importance, high performance: resources may be better spent elsewhere.
    PossibleOverkill,
}

impl Quadrant {
    /// The quadrant for high/low importance and high/low performance.
    pub fn of(high_importance: bool, high_performance: bool) -> Quadrant {
        match (high_importance, high_performance) {
            (true, false) => Quadrant::ConcentrateHere,
            (true, true) => Quadrant::KeepUpTheGoodWork,
            (false, false) => Quadrant::LowPriority,
            (false, true) => Quadrant::PossibleOverkill,
        }
    }

    /// The quadrant's label, zh-CN and English.
    pub fn label(self) -> Text {
        match self {
            Quadrant::ConcentrateHere => Text::new("重点改进区", "concentrate here"),
            Quadrant::KeepUpTheGoodWork => Text::new("继续保持区", "keep up the good work"),
            Quadrant::LowPriority => Text::new("低优先区", "low priority"),
            Quadrant::PossibleOverkill => Text::new("过度投入区", "possible overkill"),
        }
    }
}

/// Where the cross-hairs that split the grid are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Crosshair {
    /// At the mean importance and the mean performance of the attributes analysed.
    #[default]
    DataMeans,
    /// At fixed values, e.g. the midpoint of the scale.
    Scale {
        /// Importance value of the vertical line.
        importance: f64,
        /// Performance value of the horizontal line.
        performance: f64,
    },
}

/// The cross-hair values used and each attribute's quadrant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IpaResult {
    /// Importance at which the grid is split.
    pub importance_crosshair: f64,
    /// Performance at which the grid is split.
    pub performance_crosshair: f64,
    /// One quadrant per input point, in input order.
    pub quadrants: Vec<Quadrant>,
}

/// Places each (importance, performance) point in a quadrant.
///
/// A point exactly on a cross-hair counts as high on that axis (value ≥ cross-hair).
///
/// ```
/// use manyi_core::scoring::ipa::{ipa, Crosshair, Quadrant};
/// let r = ipa(&[(0.4, 3.0), (0.1, 4.5)], Crosshair::Scale { importance: 0.25, performance: 3.0 })
///     .unwrap();
/// assert_eq!(r.quadrants, vec![Quadrant::KeepUpTheGoodWork, Quadrant::PossibleOverkill]);
/// ```
///
/// # Errors
/// [`Error::InsufficientData`] for no points; [`Error::InvalidArgument`] for a value or
/// cross-hair that is not a finite number.
pub fn ipa(points: &[(f64, f64)], crosshair: Crosshair) -> Result<IpaResult> {
    if points.is_empty() {
        return Err(Error::InsufficientData {
            figure: Figure::ImportancePerformance,
            part: Part::Whole,
            shortage: Shortage::NoPoints,
        });
    }
    if let Some((k, _)) = points.iter().enumerate().find(|(_, (i, p))| !i.is_finite() || !p.is_finite()) {
        return Err(Error::InvalidArgument {
            what: "importance–performance point".into(),
            reason: format!("point {} has a value that is not a finite number", k + 1),
        });
    }
    let (ci, cp) = match crosshair {
        Crosshair::DataMeans => {
            let importance: Vec<f64> = points.iter().map(|p| p.0).collect();
            let performance: Vec<f64> = points.iter().map(|p| p.1).collect();
            // Not empty, checked above.
            (mean(&importance).unwrap_or(0.0), mean(&performance).unwrap_or(0.0))
        }
        Crosshair::Scale { importance, performance } => {
            if !importance.is_finite() || !performance.is_finite() {
                return Err(Error::InvalidArgument {
                    what: "importance–performance cross-hair".into(),
                    reason: "the cross-hair values must be finite numbers, e.g. the scale midpoint".into(),
                });
            }
            (importance, performance)
        }
    };
    Ok(IpaResult {
        importance_crosshair: ci,
        performance_crosshair: cp,
        quadrants: points.iter().map(|&(i, p)| Quadrant::of(i >= ci, p >= cp)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Quadrant::*;

    #[test]
    fn data_means_split_the_grid() {
        // Importance mean (0.1 + 0.3 + 0.2 + 0.4)/4 = 0.25; performance (2 + 4 + 5 + 3)/4 = 3.5.
        let points = [(0.1, 2.0), (0.3, 4.0), (0.2, 5.0), (0.4, 3.0)];
        let r = ipa(&points, Crosshair::DataMeans).unwrap();
        assert!((r.importance_crosshair - 0.25).abs() < 1e-12);
        assert!((r.performance_crosshair - 3.5).abs() < 1e-12);
        assert_eq!(r.quadrants, vec![LowPriority, KeepUpTheGoodWork, PossibleOverkill, ConcentrateHere]);
    }

    #[test]
    fn on_the_line_counts_as_high() {
        let c = Crosshair::Scale { importance: 3.0, performance: 3.0 };
        let r = ipa(&[(3.0, 3.0), (3.0, 2.9), (2.9, 3.0)], c).unwrap();
        assert_eq!(r.quadrants, vec![KeepUpTheGoodWork, ConcentrateHere, PossibleOverkill]);
        assert_eq!((r.importance_crosshair, r.performance_crosshair), (3.0, 3.0));
        // A single point sits on both data-mean lines.
        let r = ipa(&[(0.7, 2.0)], Crosshair::DataMeans).unwrap();
        assert_eq!(r.quadrants, vec![KeepUpTheGoodWork]);
    }

    #[test]
    fn labels_and_serde() {
        assert_eq!(ConcentrateHere.label(), Text::new("重点改进区", "concentrate here"));
        assert_eq!(KeepUpTheGoodWork.label().zh, "继续保持区");
        assert_eq!(LowPriority.label().en, "low priority");
        assert_eq!(PossibleOverkill.label().zh, "过度投入区");
        assert_eq!(serde_json::to_string(&ConcentrateHere).unwrap(), "\"concentrate_here\"");
        let c = Crosshair::Scale { importance: 3.0, performance: 3.0 };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"kind":"scale","importance":3.0,"performance":3.0}"#);
        assert_eq!(serde_json::from_str::<Crosshair>(&json).unwrap(), c);
    }

    #[test]
    fn bad_input_is_rejected() {
        assert!(matches!(ipa(&[], Crosshair::DataMeans), Err(Error::InsufficientData { .. })));
        assert!(matches!(ipa(&[(f64::NAN, 1.0)], Crosshair::DataMeans), Err(Error::InvalidArgument { .. })));
        let c = Crosshair::Scale { importance: f64::INFINITY, performance: 3.0 };
        assert!(matches!(ipa(&[(1.0, 1.0)], c), Err(Error::InvalidArgument { .. })));
    }
}
