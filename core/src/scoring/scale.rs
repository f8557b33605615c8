//! Rescaling of an answer on a scale [min, max] to 0–100.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// A closed numeric scale [min, max] with min < max, e.g. 1–5 or 0–10.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    /// The lowest point.
    pub min: f64,
    /// The highest point.
    pub max: f64,
}

impl Scale {
    /// A scale; `min` must be below `max`.
    pub fn new(min: f64, max: f64) -> Result<Self> {
        if !(min.is_finite() && max.is_finite() && min < max) {
            return Err(Error::InvalidArgument {
                what: format!("scale {min}..{max}"),
                reason: "the lowest point must be below the highest, e.g. 1..5".into(),
            });
        }
        Ok(Scale { min, max })
    }

    /// The 1–5 scale of the satisfaction items.
    pub const ONE_TO_FIVE: Scale = Scale { min: 1.0, max: 5.0 };

    /// (x − min) / (max − min) × 100.
    pub fn to_percent(&self, x: f64) -> f64 {
        (x - self.min) / (self.max - self.min) * 100.0
    }

    /// Whether `x` lies on the scale (inclusive).
    pub fn contains(&self, x: f64) -> bool {
        x >= self.min && x <= self.max
    }

    /// The midpoint, e.g. 3 on 1–5.
    pub fn midpoint(&self) -> f64 {
        (self.min + self.max) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rescales_by_hand() {
        let s = Scale::ONE_TO_FIVE;
        assert_eq!(s.to_percent(1.0), 0.0);
        assert_eq!(s.to_percent(4.0), 75.0);
        assert_eq!(s.to_percent(5.0), 100.0);
        assert_eq!(Scale::new(0.0, 10.0).unwrap().to_percent(7.0), 70.0);
    }

    #[test]
    fn rejects_reversed_or_empty_scale() {
        assert!(Scale::new(5.0, 1.0).is_err());
        assert!(Scale::new(3.0, 3.0).is_err());
        assert!(Scale::new(f64::NAN, 3.0).is_err());
    }
}
