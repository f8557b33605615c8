//! Derived importance: each item's standardised regression coefficient or correlation with
//! `overall` over the complete cases ([`CompleteCases`], the accumulator), and the
//! importance–performance pairs of IPA.

use super::regression::{Deficiency, Regression};
use super::{DriversTally, PenaltyRewardOptions, Ratings};
use crate::error::{Error, Figure, Part, Result, Shortage};
use crate::scoring::scale::Scale;
use serde::{Deserialize, Serialize};

/// Each item's association with `overall`, over the respondents who answered `overall` and every item
/// (listwise deletion, so every item is judged on the same people).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Association {
    /// One value per item, in item order; may be negative.
    pub values: Vec<f64>,
    /// Respondents used.
    pub n: usize,
}

/// The respondents who answered `overall` and every item (listwise deletion), added one at a time:
/// the cross products of their answers ([`Regression`]) and whether each column varies (with its
/// first value, for the message when it does not). What derived importance and the weights derived
/// from data read.
///
/// ```
/// use manyi_core::scoring::drivers::CompleteCases;
///
/// // One item: its standardised coefficient is its correlation with overall, 6/√60 for
/// // x = 1 … 5 and y = 2, 4, 5, 4, 5 (Sxy = 6, Sxx = 10, Syy = 6).
/// let mut cases = CompleteCases::new(1);
/// for (x, y) in [(1.0, 2.0), (2.0, 4.0), (3.0, 5.0), (4.0, 4.0), (5.0, 5.0)] {
///     cases.add(&[x], y);
/// }
/// let names = ["wait".to_owned()];
/// let r = cases.correlations(&names)?;
/// assert!((r.values[0] - 6.0 / 60f64.sqrt()).abs() < 1e-12);
/// assert!((cases.standardised(&names)?.values[0] - r.values[0]).abs() < 1e-12);
/// # Ok::<(), manyi_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CompleteCases {
    regression: Regression,
    first: Vec<f64>,
    varies: Vec<bool>,
    y_first: f64,
    y_varies: bool,
}

impl CompleteCases {
    /// None yet, for `items` items.
    pub fn new(items: usize) -> CompleteCases {
        CompleteCases {
            regression: Regression::new(items),
            first: Vec::new(),
            varies: vec![false; items],
            y_first: 0.0,
            y_varies: false,
        }
    }

    /// Respondents added.
    pub fn n(&self) -> usize {
        self.regression.n()
    }

    /// Adds a respondent's answers `x` to the items and `y` to overall.
    pub fn add(&mut self, x: &[f64], y: f64) {
        if self.n() == 0 {
            self.first = x.to_vec();
            self.y_first = y;
        } else {
            for ((varies, first), v) in self.varies.iter_mut().zip(&self.first).zip(x) {
                *varies |= v != first;
            }
            self.y_varies |= y != self.y_first;
        }
        self.regression.add(x, y);
    }

    /// Adds the respondents `other` was given.
    pub fn merge(&mut self, other: &CompleteCases) {
        if other.n() == 0 {
            return;
        }
        if self.n() == 0 {
            *self = other.clone();
            return;
        }
        for (j, varies) in self.varies.iter_mut().enumerate() {
            *varies |= other.varies[j] || other.first[j] != self.first[j];
        }
        self.y_varies |= other.y_varies || other.y_first != self.y_first;
        self.regression.merge(&other.regression);
    }

    fn check(&self, what: Figure, names: &[String]) -> Result<usize> {
        let n = self.n();
        if n < 2 || !self.y_varies {
            return Err(overall_constant(what, n));
        }
        match self.varies.iter().position(|v| !v) {
            Some(j) => Err(item_constant(what, &names[j], n, self.first[j])),
            None => Ok(n),
        }
    }

    /// Standardised regression coefficients: the OLS slopes of `overall` on all the items (with an
    /// intercept), each times sd(x_j) / sd(overall) (sample standard deviations of the same
    /// respondents). `names` are the items', for the errors.
    ///
    /// Errors with `InsufficientData` when n ≤ k + 1, `overall` or an item does not vary, or an item
    /// is a linear combination of the others (named; see [`Regression`]'s rank rule).
    pub fn standardised(&self, names: &[String]) -> Result<Association> {
        let n = self.check(STANDARDISED, names)?;
        let fit = self.regression.fit().map_err(|d| fit_error(STANDARDISED, names, d))?;
        let df = (n - 1) as f64;
        let sd_y = (self.regression.centred_square_y() / df).sqrt();
        let values = fit
            .slopes
            .iter()
            .enumerate()
            .map(|(j, b)| b * (self.regression.centred_square(j) / df).sqrt() / sd_y)
            .collect();
        Ok(Association { values, n })
    }

    /// Pearson correlations of each item with `overall`.
    ///
    /// Errors with `InsufficientData` when `overall` or an item does not vary.
    pub fn correlations(&self, names: &[String]) -> Result<Association> {
        let n = self.check(CORRELATIONS, names)?;
        let g = &self.regression;
        let syy = g.centred_square_y();
        let values =
            (0..names.len()).map(|j| g.centred_cross_y(j) / (g.centred_square(j) * syy).sqrt()).collect();
        Ok(Association { values, n })
    }

    /// The complete cases among `ratings`.
    fn of(ratings: &Ratings) -> CompleteCases {
        let mut cases = CompleteCases::new(ratings.items().len());
        let mut x = vec![0.0; ratings.items().len()];
        for (r, y) in ratings.overall().iter().enumerate() {
            let Some(y) = y else { continue };
            let complete =
                ratings.items().iter().zip(&mut x).all(|(answers, v)| answers[r].map(|a| *v = a).is_some());
            if complete {
                cases.add(&x, *y);
            }
        }
        cases
    }
}

/// Fewer than two complete respondents, or `overall` the same for all of them.
fn overall_constant(figure: Figure, n: usize) -> Error {
    Error::InsufficientData { figure, part: Part::Whole, shortage: Shortage::OverallConstant { n } }
}

/// Every one of the `n` complete respondents gave `value` to item `name`.
fn item_constant(figure: Figure, name: &str, n: usize, value: f64) -> Error {
    let part = Part::Item(name.to_owned());
    Error::InsufficientData { figure, part, shortage: Shortage::ItemConstant { n, value } }
}

/// Why the regression of `overall` on the items cannot be fitted.
fn fit_error(figure: Figure, names: &[String], d: Deficiency) -> Error {
    match d {
        Deficiency::TooFew { n, coefficients } => Error::InsufficientData {
            figure,
            part: Part::Whole,
            shortage: Shortage::TooFew { n, coefficients },
        },
        Deficiency::Collinear(j) => Error::InsufficientData {
            figure,
            part: Part::Item(names[j].clone()),
            shortage: Shortage::Collinear,
        },
    }
}

/// Nobody answered item `name`, so it has no performance.
pub(super) fn nobody_answered(name: &str) -> Error {
    Error::InsufficientData {
        figure: Figure::Performance,
        part: Part::Item(name.to_owned()),
        shortage: Shortage::NobodyAnswered,
    }
}

/// What the standardised coefficients are called in errors.
const STANDARDISED: Figure = Figure::StandardisedCoefficients;
/// What the correlations are called in errors.
const CORRELATIONS: Figure = Figure::Correlations;

/// Standardised regression coefficients of `ratings`' complete cases (see
/// [`CompleteCases::standardised`]).
pub fn standardised_coefficients(ratings: &Ratings) -> Result<Association> {
    CompleteCases::of(ratings).standardised(ratings.item_names())
}

/// Pearson correlations of each item with `overall` over `ratings`' complete cases (see
/// [`CompleteCases::correlations`]).
pub fn correlations(ratings: &Ratings) -> Result<Association> {
    CompleteCases::of(ratings).correlations(ratings.item_names())
}

/// Importance and performance of one item, for importance–performance analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemImportance {
    /// The item's name.
    pub item: String,
    /// Derived importance: the standardised regression coefficient (not clamped; may be negative).
    pub importance: f64,
    /// Performance: the mean of the item's answers rescaled to 0–100 on the item scale.
    pub performance: f64,
    /// Respondents who answered the item (the base of `performance`).
    pub answered: usize,
}

/// The result of [`importance_performance`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Importance {
    /// One entry per item, in item order.
    pub items: Vec<ItemImportance>,
    /// Respondents in the regression behind `importance` (complete cases).
    pub n: usize,
}

/// Derived importance and performance per item. Importance uses the complete cases (see
/// [`CompleteCases::standardised`]); performance uses every answer to the item, so an item is not
/// judged only on the people who answered everything.
///
/// Errors: an answer off `scale` → `InvalidArgument`; an item nobody answered, or the errors of
/// [`CompleteCases::standardised`] → `InsufficientData`.
pub fn importance_performance(ratings: &Ratings, scale: Scale) -> Result<Importance> {
    let options = PenaltyRewardOptions { scale, ..PenaltyRewardOptions::default() };
    DriversTally::of(ratings, &options).importance(ratings.item_names())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().map(|x| Some(*x)).collect()
    }

    // One item: the standardised coefficient is the correlation. x = 1..5, y = 2, 4, 5, 4, 5:
    // Sxx = 10, Syy = 6, Sxy = 6, r = 6/√60 = 0.774597. Two items x1 = 1, 2, 3, 4, 5 and x2 = 2, 1, 4, 3, 5
    // with y = x1 + x2 exactly: slopes 1, 1; sd(x1) = sd(x2) = √2.5, sd(y) = √(Syy/4) with y = 3, 3, 7, 7, 10,
    // ȳ = 6, Syy = 9 + 9 + 1 + 1 + 16 = 36, sd = 3: β*_j = √2.5 / 3 = 0.527046.
    #[test]
    fn by_hand() {
        let names = vec!["a".to_owned()];
        let overall = some(&[2.0, 4.0, 5.0, 4.0, 5.0]);
        let items = vec![some(&[1.0, 2.0, 3.0, 4.0, 5.0])];
        let r = Ratings::new(&names, &overall, &items).unwrap();
        let want = 6.0 / 60f64.sqrt();
        assert!((correlations(&r).unwrap().values[0] - want).abs() < 1e-12);
        assert!((standardised_coefficients(&r).unwrap().values[0] - want).abs() < 1e-12);

        let names = vec!["a".to_owned(), "b".to_owned()];
        let overall = some(&[3.0, 3.0, 7.0, 7.0, 10.0]);
        let items = vec![some(&[1.0, 2.0, 3.0, 4.0, 5.0]), some(&[2.0, 1.0, 4.0, 3.0, 5.0])];
        let r = Ratings::new(&names, &overall, &items).unwrap();
        let s = standardised_coefficients(&r).unwrap();
        assert_eq!(s.n, 5);
        for v in s.values {
            assert!((v - 2.5f64.sqrt() / 3.0).abs() < 1e-12, "{v}");
        }
    }

    // Performance on 1–5 from every answer: a = 1, 2, 3, 4, 5 and a missing answer → mean 3 → 50;
    // b = 2, 1, 4, 3, 5 → 3 → 50, answered 5 each; the regression uses the 5 complete respondents.
    #[test]
    fn performance_uses_every_answer() {
        let names = vec!["a".to_owned(), "b".to_owned()];
        let mut overall = some(&[3.0, 3.0, 7.0, 7.0, 10.0]);
        overall.push(Some(1.0));
        let mut a = some(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        a.push(None);
        let mut b = some(&[2.0, 1.0, 4.0, 3.0, 5.0]);
        b.push(Some(1.0));
        let items = vec![a, b];
        let r = Ratings::new(&names, &overall, &items).unwrap();
        let ipa = importance_performance(&r, Scale::ONE_TO_FIVE).unwrap();
        assert_eq!(ipa.n, 5);
        assert_eq!((ipa.items[0].performance, ipa.items[0].answered), (50.0, 5));
        // b: 2 + 1 + 4 + 3 + 5 + 1 = 16 over 6 answers = 2.666667 → (2.666667 − 1)/4 × 100 = 41.666667.
        assert!((ipa.items[1].performance - 250.0 / 6.0).abs() < 1e-12);
        assert_eq!(ipa.items[1].answered, 6);
    }

    #[test]
    fn items_that_do_not_vary_or_duplicate_are_named() {
        let names = vec!["a".to_owned(), "b".to_owned()];
        let overall = some(&[1.0, 2.0, 3.0, 4.0, 5.0]);
        let flat = vec![some(&[1.0, 2.0, 3.0, 4.0, 5.0]), some(&[3.0; 5])];
        let e = correlations(&Ratings::new(&names, &overall, &flat).unwrap()).unwrap_err().to_string();
        assert!(e.contains("item `b`") && e.contains("does not vary"), "{e}");
        let twice = vec![some(&[1.0, 2.0, 3.0, 4.0, 5.0]), some(&[2.0, 4.0, 6.0, 8.0, 10.0])];
        let e = standardised_coefficients(&Ratings::new(&names, &overall, &twice).unwrap())
            .unwrap_err()
            .to_string();
        assert!(e.contains("item `b`") && e.contains("linear combination"), "{e}");
    }
}
