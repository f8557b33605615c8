//! The low and high answer bands of penalty–reward analysis.

use crate::error::{Error, Result};
use crate::scoring::scale::Scale;
use serde::{Deserialize, Serialize};

/// A closed range of answers [low, high], both ends included, e.g. 1–2.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// The lowest answer in the band.
    pub low: f64,
    /// The highest answer in the band.
    pub high: f64,
}

impl Band {
    /// Whether `x` lies in the band (ends included).
    pub fn contains(&self, x: f64) -> bool {
        x >= self.low && x <= self.high
    }
}

/// The low band (dissatisfied answers) and the high band (delighted answers) of the dummies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bands {
    /// Answers that mark the item as performing badly; default 1–2 on 1–5.
    pub low: Band,
    /// Answers that mark the item as performing excellently; default 5–5 on 1–5.
    pub high: Band,
}

impl Default for Bands {
    /// Low 1–2 and high 5–5, for items on 1–5. On another scale set the bands explicitly: validation only
    /// checks that they lie on the scale, and 1–2 / 5–5 would mean little on 0–10.
    fn default() -> Self {
        Bands { low: Band { low: 1.0, high: 2.0 }, high: Band { low: 5.0, high: 5.0 } }
    }
}

impl Bands {
    /// Checks that each band is ordered and lies on `scale`, and that the low band lies wholly below the
    /// high band (so they cannot overlap).
    pub fn validate(&self, scale: Scale) -> Result<()> {
        for (name, band) in [("low band", self.low), ("high band", self.high)] {
            if !(band.low.is_finite() && band.high.is_finite() && band.low <= band.high) {
                return Err(Error::InvalidArgument {
                    what: format!("{name} {}–{}", band.low, band.high),
                    reason: "the band's lower end must not be above its upper end, e.g. 1–2".into(),
                });
            }
            if !(scale.contains(band.low) && scale.contains(band.high)) {
                return Err(Error::InvalidArgument {
                    what: format!("{name} {}–{}", band.low, band.high),
                    reason: format!("the band must lie on the scale {}–{}", scale.min, scale.max),
                });
            }
        }
        if self.low.high >= self.high.low {
            return Err(Error::InvalidArgument {
                what: format!(
                    "bands {}–{} and {}–{}",
                    self.low.low, self.low.high, self.high.low, self.high.high
                ),
                reason: "the low band must end below the start of the high band, e.g. 1–2 and 5–5".into(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bands(low: (f64, f64), high: (f64, f64)) -> Bands {
        Bands { low: Band { low: low.0, high: low.1 }, high: Band { low: high.0, high: high.1 } }
    }

    #[test]
    fn default_bands_fit_one_to_five() {
        assert_eq!(Bands::default(), bands((1.0, 2.0), (5.0, 5.0)));
        assert!(Bands::default().validate(Scale::ONE_TO_FIVE).is_ok());
        assert!(Bands::default().low.contains(2.0) && !Bands::default().low.contains(2.5));
        assert!(bands((1.0, 3.0), (6.0, 7.0)).validate(Scale::new(1.0, 7.0).unwrap()).is_ok());
    }

    #[test]
    fn rejects_reversed_off_scale_and_overlapping_bands() {
        let s = Scale::ONE_TO_FIVE;
        let reason = |b: Bands| b.validate(s).unwrap_err().to_string();
        assert!(reason(bands((2.0, 1.0), (5.0, 5.0))).contains("must not be above"));
        assert!(reason(bands((0.0, 2.0), (5.0, 5.0))).contains("on the scale 1–5"));
        assert!(reason(bands((1.0, 2.0), (5.0, 6.0))).contains("high band 5–6"));
        assert!(reason(bands((1.0, 3.0), (3.0, 5.0))).contains("must end below"));
        assert!(reason(bands((4.0, 5.0), (1.0, 2.0))).contains("must end below"));
        assert!(bands((f64::NAN, 2.0), (5.0, 5.0)).validate(s).is_err());
    }
}
