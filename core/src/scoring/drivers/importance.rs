//! Derived importance: each item's standardised regression coefficient or correlation with `overall`, and
//! the importance–performance pairs of IPA.

use super::ols::{self, Deficiency};
use super::Ratings;
use crate::error::{Error, Result};
use crate::scoring::scale::Scale;
use crate::scoring::stats::{mean, sample_sd};
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

/// The complete cases as `overall` and item columns, after checking that each of them varies.
fn complete_columns(ratings: &Ratings, what: &str) -> Result<(Vec<f64>, Vec<Vec<f64>>)> {
    let rows = ratings.complete_cases();
    let pick = |answers: &[Option<f64>]| -> Vec<f64> {
        rows.iter().map(|&r| answers[r].expect("complete case")).collect()
    };
    let y = pick(ratings.overall());
    let columns: Vec<Vec<f64>> = ratings.items().iter().map(|answers| pick(answers)).collect();
    let n = y.len();
    let constant = |v: &[f64]| v.iter().all(|x| *x == v[0]);
    if n < 2 || constant(&y) {
        return Err(overall_constant(what, n));
    }
    for (name, column) in ratings.item_names().iter().zip(&columns) {
        if constant(column) {
            return Err(item_constant(what, name, n, column[0]));
        }
    }
    Ok((y, columns))
}

// The rules of derived importance, shared with the dataset's version, which reads the same
// regression from sufficient statistics (`crate::dataset`).

/// Fewer than two complete respondents, or `overall` the same for all of them.
pub(crate) fn overall_constant(what: &str, n: usize) -> Error {
    Error::InsufficientData {
        what: what.to_owned(),
        reason: format!(
            "overall does not vary among the {n} respondents who answered it and every item; more \
             complete responses are needed"
        ),
    }
}

/// Every one of the `n` complete respondents gave `value` to item `name`.
pub(crate) fn item_constant(what: &str, name: &str, n: usize, value: f64) -> Error {
    Error::InsufficientData {
        what: format!("{what}, item `{name}`"),
        reason: format!(
            "every one of the {n} complete respondents gave {value}; an item that does not vary says nothing \
             about overall; leave it out"
        ),
    }
}

/// Why the regression of `overall` on the items cannot be fitted.
pub(crate) fn fit_error(what: &str, names: &[String], d: Deficiency) -> Error {
    match d {
        Deficiency::TooFew { n, coefficients } => Error::InsufficientData {
            what: what.to_owned(),
            reason: format!(
                "{n} complete respondents for {coefficients} coefficients (the items and an intercept); at \
                 least {} are needed",
                coefficients + 1
            ),
        },
        Deficiency::Collinear(j) => Error::InsufficientData {
            what: format!("{what}, item `{}`", names[j]),
            reason: "the item's answers are a linear combination of the other items'; leave it out".into(),
        },
    }
}

/// Nobody answered item `name`, so it has no performance.
pub(crate) fn nobody_answered(name: &str) -> Error {
    Error::InsufficientData {
        what: format!("performance of item `{name}`"),
        reason: "nobody answered the item".into(),
    }
}

/// What the standardised coefficients are called in errors.
pub(crate) const STANDARDISED: &str = "standardised regression coefficients";
/// What the correlations are called in errors.
pub(crate) const CORRELATIONS: &str = "correlations with overall";

/// Standardised regression coefficients: the OLS slopes of `overall` on all the items (with an intercept),
/// each times sd(x_j) / sd(overall) (sample standard deviations of the same respondents).
///
/// Errors with `InsufficientData` when n ≤ k + 1, `overall` or an item does not vary, or an item is a linear
/// combination of the others (named).
pub fn standardised_coefficients(ratings: &Ratings) -> Result<Association> {
    let (y, columns) = complete_columns(ratings, STANDARDISED)?;
    let fit = ols::fit(&columns, &y).map_err(|d| fit_error(STANDARDISED, ratings.item_names(), d))?;
    let sd_y = sample_sd(&y).expect("n ≥ 2");
    let values =
        fit.slopes.iter().zip(&columns).map(|(b, x)| b * sample_sd(x).expect("n ≥ 2") / sd_y).collect();
    Ok(Association { values, n: y.len() })
}

/// Pearson correlations of each item with `overall`.
///
/// Errors with `InsufficientData` when `overall` or an item does not vary among the complete respondents.
pub fn correlations(ratings: &Ratings) -> Result<Association> {
    let (y, columns) = complete_columns(ratings, CORRELATIONS)?;
    let y_mean = mean(&y).expect("n ≥ 2");
    let syy: f64 = y.iter().map(|v| (v - y_mean).powi(2)).sum();
    let values = columns
        .iter()
        .map(|x| {
            let x_mean = mean(x).expect("n ≥ 2");
            let sxx: f64 = x.iter().map(|v| (v - x_mean).powi(2)).sum();
            let sxy: f64 = x.iter().zip(&y).map(|(a, b)| (a - x_mean) * (b - y_mean)).sum();
            sxy / (sxx * syy).sqrt()
        })
        .collect();
    Ok(Association { values, n: y.len() })
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
/// [`standardised_coefficients`]); performance uses every answer to the item, so an item is not judged only
/// on the people who answered everything.
///
/// Errors: an answer off `scale` → `InvalidArgument`; an item nobody answered, or the errors of
/// [`standardised_coefficients`] → `InsufficientData`.
pub fn importance_performance(ratings: &Ratings, scale: Scale) -> Result<Importance> {
    ratings.check_scale(scale)?;
    let mut performance = Vec::with_capacity(ratings.items().len());
    for (name, answers) in ratings.item_names().iter().zip(ratings.items()) {
        let given: Vec<f64> = answers.iter().flatten().copied().collect();
        let Some(m) = mean(&given) else {
            return Err(nobody_answered(name));
        };
        performance.push((scale.to_percent(m), given.len()));
    }
    let association = standardised_coefficients(ratings)?;
    let items = ratings
        .item_names()
        .iter()
        .zip(association.values)
        .zip(performance)
        .map(|((item, importance), (performance, answered))| ItemImportance {
            item: item.clone(),
            importance,
            performance,
            answered,
        })
        .collect();
    Ok(Importance { items, n: association.n })
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
