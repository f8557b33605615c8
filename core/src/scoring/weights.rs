//! Where weights come from: equal, stated, AHP or derived from data.
//!
//! Every way ends in [`Weights`]: values summing to 1, the method that produced them (so it can be
//! exported with the scores) and any warnings to show beside them.

use crate::error::{Error, Figure, Part, Result, Shortage};
use crate::scoring::ahp::{AhpMethod, AhpResult, PairwiseMatrix};
use crate::scoring::drivers::{correlations, standardised_coefficients, Association, Ratings};
use serde::{Deserialize, Serialize};

/// Which association with `overall` derived weights are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DerivedMethod {
    /// Standardised OLS coefficients of `overall` on all items together (β_j · sd(x_j) / sd(y)).
    #[default]
    StandardisedRegression,
    /// Pearson correlation of each item with `overall`, one item at a time.
    Correlation,
}

/// How the weights were (or are to be) obtained. Serialised with the weights, e.g.
/// `{"kind":"stated","input":[2,1,1]}` or `{"kind":"derived","input":"correlation"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "input", rename_all = "snake_case")]
pub enum WeightMethod {
    /// Every item the same weight.
    Equal,
    /// Weights entered directly (any non-negative numbers; they are normalised).
    Stated(Vec<f64>),
    /// AHP from a pairwise-comparison matrix.
    Ahp {
        /// The judgements.
        matrix: PairwiseMatrix,
        /// Eigenvector or geometric mean.
        method: AhpMethod,
    },
    /// Derived from the data: the items' association with `overall`.
    Derived(DerivedMethod),
}

/// Weights ready for use: one per item, non-negative, summing to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    /// One weight per item, in item order, summing to 1.
    pub values: Vec<f64>,
    /// How they were obtained.
    pub method: WeightMethod,
    /// λmax, CI and CR when the method is AHP. An inconsistent matrix (CR > 0.10) still yields weights, with a
    /// warning, and must be shown as inconsistent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ahp: Option<AhpResult>,
    /// Respondents used when the weights are derived from data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<usize>,
    /// Things the analyst must see beside the weights (clamped items, an inconsistent matrix).
    pub warnings: Vec<String>,
}

impl Weights {
    fn plain(values: Vec<f64>, method: WeightMethod) -> Weights {
        Weights { values, method, ahp: None, n: None, warnings: Vec::new() }
    }

    /// Equal weights 1/n for `items` items (at least one).
    pub fn equal(items: usize) -> Result<Weights> {
        if items == 0 {
            return Err(Error::InvalidArgument {
                what: "equal weights".into(),
                reason: "there are no items to weight; give at least one".into(),
            });
        }
        Ok(Weights::plain(vec![1.0 / items as f64; items], WeightMethod::Equal))
    }

    /// Stated weights, normalised to sum 1. Each must be finite and ≥ 0, and not all 0; errors name the
    /// 1-based position.
    pub fn stated(values: Vec<f64>) -> Result<Weights> {
        if values.is_empty() {
            return Err(Error::InvalidArgument {
                what: "stated weights".into(),
                reason: "no weight given; give one per item".into(),
            });
        }
        if let Some(i) = values.iter().position(|w| !w.is_finite() || *w < 0.0) {
            return Err(Error::InvalidArgument {
                what: format!("stated weight {} (`{}`)", i + 1, values[i]),
                reason: "a weight must be a number ≥ 0".into(),
            });
        }
        let total: f64 = values.iter().sum();
        if total == 0.0 {
            return Err(Error::InvalidArgument {
                what: "stated weights".into(),
                reason: "every weight is 0; give at least one item a positive weight".into(),
            });
        }
        let normalised = values.iter().map(|w| w / total).collect();
        Ok(Weights::plain(normalised, WeightMethod::Stated(values)))
    }

    /// AHP weights from `matrix` by `method`, with a warning when CR > 0.10.
    pub fn ahp(matrix: PairwiseMatrix, method: AhpMethod) -> Result<Weights> {
        let result = matrix.analyse(method)?;
        let mut weights = Weights::plain(result.weights.clone(), WeightMethod::Ahp { matrix, method });
        if !result.consistent {
            weights.warnings.push(format!(
                "the pairwise-comparison matrix is inconsistent: CR = {:.4} > 0.10; revise the judgements",
                result.cr
            ));
        }
        weights.ahp = Some(result);
        Ok(weights)
    }

    /// Weights derived from data: the items' association with `overall` by `method`, over the respondents
    /// who answered `overall` and every item (listwise deletion). A negative association is clamped to 0
    /// with a warning naming the item; the rest are normalised to sum 1. All 0 after clamping →
    /// `InsufficientData`.
    pub fn derived(ratings: &Ratings, method: DerivedMethod) -> Result<Weights> {
        let association = match method {
            DerivedMethod::StandardisedRegression => standardised_coefficients(ratings)?,
            DerivedMethod::Correlation => correlations(ratings)?,
        };
        Weights::from_association(ratings.item_names(), &association, method)
    }

    /// Weights from the items' association with `overall` (one value per name), found by `method`:
    /// negative values clamped to 0 with a warning, the rest normalised (see [`Weights::derived`]).
    pub fn from_association(
        names: &[String],
        association: &Association,
        method: DerivedMethod,
    ) -> Result<Weights> {
        let kind = match method {
            DerivedMethod::StandardisedRegression => "standardised regression coefficient",
            DerivedMethod::Correlation => "correlation with overall",
        };
        let mut warnings = Vec::new();
        let clamped: Vec<f64> = names
            .iter()
            .zip(&association.values)
            .map(|(name, &v)| {
                if v < 0.0 {
                    warnings
                        .push(format!("item `{name}`: {kind} {v:.4} is negative; its weight is set to 0"));
                    0.0
                } else {
                    v
                }
            })
            .collect();
        let total: f64 = clamped.iter().sum();
        if total <= 0.0 {
            return Err(Error::InsufficientData {
                figure: Figure::DerivedWeights,
                part: Part::Whole,
                shortage: Shortage::NoPositive { n: association.n },
            });
        }
        Ok(Weights {
            values: clamped.iter().map(|v| v / total).collect(),
            method: WeightMethod::Derived(method),
            ahp: None,
            n: Some(association.n),
            warnings,
        })
    }

    /// Weights for `items` items by `method`: the single entry point for a stored choice. `ratings` is
    /// needed only by [`WeightMethod::Derived`]; a stated list or an AHP matrix must have one entry (row) per
    /// item.
    pub fn from_method(method: &WeightMethod, items: usize, ratings: Option<&Ratings>) -> Result<Weights> {
        let count_mismatch = |what: &str, given: usize| Error::InvalidArgument {
            what: what.to_owned(),
            reason: format!("{given} given for {items} items; give one per item"),
        };
        match method {
            WeightMethod::Equal => Weights::equal(items),
            WeightMethod::Stated(values) if values.len() != items => {
                Err(count_mismatch("stated weights", values.len()))
            }
            WeightMethod::Stated(values) => Weights::stated(values.clone()),
            WeightMethod::Ahp { matrix, .. } if matrix.size() != items => {
                Err(count_mismatch("pairwise-comparison matrix rows", matrix.size()))
            }
            WeightMethod::Ahp { matrix, method } => Weights::ahp(matrix.clone(), *method),
            WeightMethod::Derived(derived) => match ratings {
                Some(r) if r.items().len() != items => Err(count_mismatch("rated items", r.items().len())),
                Some(r) => Weights::derived(r, *derived),
                None => Err(Error::InvalidArgument {
                    what: "derived weights".into(),
                    reason: "no ratings given; derived weights need the answers to overall and the items"
                        .into(),
                }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_and_stated_by_hand() {
        assert_eq!(Weights::equal(4).unwrap().values, vec![0.25; 4]);
        assert!(Weights::equal(0).is_err());
        // 2, 1, 1 → 2/4, 1/4, 1/4.
        let w = Weights::stated(vec![2.0, 1.0, 1.0]).unwrap();
        assert_eq!(w.values, vec![0.5, 0.25, 0.25]);
        assert_eq!(w.method, WeightMethod::Stated(vec![2.0, 1.0, 1.0]));
        assert!(w.warnings.is_empty());
        assert_eq!(Weights::stated(vec![0.0, 3.0]).unwrap().values, vec![0.0, 1.0]);
    }

    #[test]
    fn stated_errors_name_the_position() {
        let e = Weights::stated(vec![1.0, -1.0]).unwrap_err().to_string();
        assert!(e.contains("stated weight 2"), "{e}");
        assert!(Weights::stated(vec![1.0, f64::INFINITY]).unwrap_err().to_string().contains("weight 2"));
        assert!(Weights::stated(vec![0.0, 0.0]).unwrap_err().to_string().contains("every weight is 0"));
        assert!(Weights::stated(vec![]).is_err());
    }

    // The cyclic matrix (CR = 6.13, see ahp) still gives weights, with a warning.
    #[test]
    fn ahp_weights_carry_consistency() {
        let m = PairwiseMatrix::new(vec![
            vec![1.0, 9.0, 1.0 / 9.0],
            vec![1.0 / 9.0, 1.0, 9.0],
            vec![9.0, 1.0 / 9.0, 1.0],
        ])
        .unwrap();
        let w = Weights::ahp(m, AhpMethod::Eigenvector).unwrap();
        assert!(!w.ahp.as_ref().unwrap().consistent);
        assert!(w.warnings[0].contains("inconsistent: CR = 6.1303"), "{}", w.warnings[0]);
        let consistent = PairwiseMatrix::new(vec![vec![1.0, 3.0], vec![1.0 / 3.0, 1.0]]).unwrap();
        let w = Weights::ahp(consistent, AhpMethod::GeometricMean).unwrap();
        assert!(w.warnings.is_empty());
        assert!((w.values[0] - 0.75).abs() < 1e-12);
    }

    // overall = 2, 4, 5, 4, 5; item a = 1..5 (r = 6/√60 = 0.774597 > 0); item b = 5..1 (r = −0.774597):
    // b is clamped with a warning and a gets all the weight.
    #[test]
    fn negative_correlations_are_clamped_with_a_warning() {
        let names = vec!["a".to_owned(), "b".to_owned()];
        let overall: Vec<Option<f64>> = [2.0, 4.0, 5.0, 4.0, 5.0].into_iter().map(Some).collect();
        let a: Vec<Option<f64>> = [1.0, 2.0, 3.0, 4.0, 5.0].into_iter().map(Some).collect();
        let b: Vec<Option<f64>> = a.iter().rev().copied().collect();
        let items = vec![a, b];
        let r = Ratings::new(&names, &overall, &items).unwrap();
        let w = Weights::derived(&r, DerivedMethod::Correlation).unwrap();
        assert_eq!(w.values, vec![1.0, 0.0]);
        assert_eq!(
            w.warnings,
            vec!["item `b`: correlation with overall -0.7746 is negative; its weight is set to 0"]
        );
        assert_eq!(w.n, Some(5));
        // Both negative → nothing left.
        let reversed = vec![items[1].clone()];
        let r = Ratings::new(&names[1..], &overall, &reversed).unwrap();
        let e = Weights::derived(&r, DerivedMethod::Correlation).unwrap_err();
        assert!(matches!(e, Error::InsufficientData { .. }), "{e}");
    }

    #[test]
    fn from_method_checks_counts_and_serialises() {
        assert_eq!(Weights::from_method(&WeightMethod::Equal, 2, None).unwrap().values, vec![0.5, 0.5]);
        assert!(Weights::from_method(&WeightMethod::Stated(vec![1.0]), 2, None).is_err());
        assert!(Weights::from_method(&WeightMethod::Derived(DerivedMethod::Correlation), 2, None).is_err());
        let m = PairwiseMatrix::new(vec![vec![1.0, 3.0], vec![1.0 / 3.0, 1.0]]).unwrap();
        let method = WeightMethod::Ahp { matrix: m, method: AhpMethod::Eigenvector };
        assert!(Weights::from_method(&method, 3, None).is_err());
        let w = Weights::from_method(&method, 2, None).unwrap();
        let json = serde_json::to_string(&w.method).unwrap();
        assert!(json.starts_with(r#"{"kind":"ahp","input":{"matrix":[[1.0,3.0],"#), "{json}");
        assert_eq!(serde_json::from_str::<WeightMethod>(&json).unwrap(), method);
        let derived =
            serde_json::to_string(&WeightMethod::Derived(DerivedMethod::StandardisedRegression)).unwrap();
        assert_eq!(derived, r#"{"kind":"derived","input":"standardised_regression"}"#);
        assert_eq!(serde_json::to_string(&WeightMethod::Equal).unwrap(), r#"{"kind":"equal"}"#);
    }
}
