//! Penalty–reward contrast analysis and derived importance: what drives `overall`.
//!
//! Respondents are added one at a time to accumulators — [`DriversTally`] for the drivers table
//! (its [`Regression`] of `overall` on the band dummies, [`CompleteCases`] for derived importance,
//! each item's sum for performance) — by a dataset's pass over its columns or from [`Ratings`]:
//! the answers to `overall` and to each item on plain numbers, one position per respondent,
//! `None` where the respondent did not answer (or answered N/A).
//!
//! ```
//! use manyi_core::scoring::drivers::{penalty_reward, PenaltyRewardOptions, QualityCategory, Ratings};
//!
//! // `wait` on 1–5; respondents who waited badly (1–2) are 1.5 points less satisfied than the middle.
//! let names = vec!["wait".to_owned()];
//! let wait = [1.0, 2.0, 1.0, 2.0, 3.0, 4.0, 3.0, 4.0, 5.0, 5.0, 5.0, 5.0].map(Some).to_vec();
//! let overall = [2.0, 3.0, 1.0, 2.0, 3.0, 4.0, 3.0, 4.0, 4.0, 5.0, 4.0, 5.0].map(Some).to_vec();
//! let items = vec![wait];
//! let ratings = Ratings::new(&names, &overall, &items)?;
//! let result = penalty_reward(&ratings, &PenaltyRewardOptions::default())?;
//! assert!((result.items[0].penalty - 1.5).abs() < 1e-12);
//! assert_eq!(result.items[0].category, QualityCategory::Basic);
//! # Ok::<(), manyi_core::Error>(())
//! ```

mod bands;
mod importance;
mod penalty_reward;
mod regression;
mod tally;

pub use bands::{Band, Bands};
pub use importance::{
    correlations, importance_performance, standardised_coefficients, Association, CompleteCases, Importance,
    ItemImportance,
};
pub use penalty_reward::{
    penalty_reward, ItemPenaltyReward, Missing, PenaltyReward, PenaltyRewardOptions, QualityCategory,
};
pub use regression::{Deficiency, Fit, Regression};
pub use tally::{DriverRow, DriversTally};

use crate::error::{Error, Result};

/// Ratings of `overall` and of the items, on plain numbers: `overall[r]` and `items[j][r]` are respondent
/// `r`'s answers, `None` when missing. Built by [`Ratings::new`], which checks the shape.
#[derive(Debug, Clone, Copy)]
pub struct Ratings<'a> {
    item_names: &'a [String],
    overall: &'a [Option<f64>],
    items: &'a [Vec<Option<f64>>],
}

impl<'a> Ratings<'a> {
    /// Checks that there is at least one item, one name per item, all names distinct, one answer per
    /// respondent in every item, and every present answer finite.
    pub fn new(
        item_names: &'a [String],
        overall: &'a [Option<f64>],
        items: &'a [Vec<Option<f64>>],
    ) -> Result<Self> {
        let bad = |what: String, reason: String| Err(Error::InvalidArgument { what, reason });
        if items.is_empty() {
            return bad("items".into(), "no item given; name at least one item to relate to overall".into());
        }
        if item_names.len() != items.len() {
            return bad(
                "item names".into(),
                format!("{} names for {} items; give one name per item", item_names.len(), items.len()),
            );
        }
        for (j, name) in item_names.iter().enumerate() {
            if item_names[..j].contains(name) {
                return bad(
                    format!("item `{name}`"),
                    "the name is given twice; item names must differ".into(),
                );
            }
        }
        for (name, answers) in item_names.iter().zip(items) {
            if answers.len() != overall.len() {
                return bad(
                    format!("item `{name}`"),
                    format!(
                        "{} answers but {} answers to overall; give one entry per respondent (None if missing)",
                        answers.len(),
                        overall.len()
                    ),
                );
            }
        }
        let columns = std::iter::once(("overall", overall))
            .chain(item_names.iter().zip(items).map(|(name, answers)| (name.as_str(), answers.as_slice())));
        for (name, answers) in columns {
            if let Some(r) = answers.iter().position(|a| a.is_some_and(|v| !v.is_finite())) {
                return bad(
                    format!("`{name}`, respondent {}", r + 1),
                    "the answer is not a finite number; leave it missing instead".into(),
                );
            }
        }
        Ok(Ratings { item_names, overall, items })
    }

    /// The item names, in item order.
    pub fn item_names(&self) -> &'a [String] {
        self.item_names
    }

    /// The answers to `overall`, one per respondent.
    pub fn overall(&self) -> &'a [Option<f64>] {
        self.overall
    }

    /// The answers to each item: `items()[j][r]`.
    pub fn items(&self) -> &'a [Vec<Option<f64>>] {
        self.items
    }

    /// The number of respondents (answered or not).
    pub fn respondents(&self) -> usize {
        self.overall.len()
    }
}

/// Respondent `r`'s (0-based) answer `v` to item `name` lies off `scale`.
fn off_scale(name: &str, r: usize, v: f64, scale: crate::scoring::scale::Scale) -> Error {
    Error::InvalidArgument {
        what: format!("item `{name}`, respondent {}", r + 1),
        reason: format!(
            "the answer {v} is outside the scale {}–{}; fix the answer or the scale",
            scale.min, scale.max
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn checks_shape_and_values() {
        let overall = vec![Some(4.0), None, Some(2.0)];
        let items = vec![vec![Some(5.0), Some(3.0), None], vec![Some(4.0), Some(4.0), Some(1.0)]];
        let n = names(&["wait", "staff"]);
        let r = Ratings::new(&n, &overall, &items).unwrap();
        assert_eq!(r.respondents(), 3);

        assert!(Ratings::new(&names(&["wait"]), &overall, &items).is_err());
        assert!(Ratings::new(&names(&["wait", "wait"]), &overall, &items).is_err());
        assert!(Ratings::new(&[], &overall, &[]).is_err());
        let short = vec![vec![Some(5.0)], vec![Some(4.0), Some(4.0), Some(1.0)]];
        assert!(Ratings::new(&n, &overall, &short).is_err());
        let nan = vec![vec![Some(5.0), Some(f64::NAN), None], items[1].clone()];
        let err = Ratings::new(&n, &overall, &nan).unwrap_err().to_string();
        assert!(err.contains("`wait`, respondent 2"), "{err}");
    }

    #[test]
    fn answers_off_the_scale_are_named() {
        let overall = vec![Some(4.0), Some(3.0)];
        let items = vec![vec![Some(5.0), Some(7.0)]];
        let n = names(&["wait"]);
        let ratings = Ratings::new(&n, &overall, &items).unwrap();
        let err = importance_performance(&ratings, crate::scoring::scale::Scale::ONE_TO_FIVE)
            .unwrap_err()
            .to_string();
        assert!(err.contains("item `wait`, respondent 2") && err.contains("outside the scale 1–5"), "{err}");
    }
}
