//! Analytic hierarchy process: weights from a pairwise-comparison matrix (eigenvector or geometric mean), λmax, CI and CR.
//!
//! ```
//! use manyi_core::scoring::ahp::{AhpMethod, PairwiseMatrix};
//!
//! let m = PairwiseMatrix::new(vec![
//!     vec![1.0, 2.0, 4.0],
//!     vec![1.0 / 2.0, 1.0, 3.0],
//!     vec![1.0 / 4.0, 1.0 / 3.0, 1.0],
//! ])?;
//! let r = m.analyse(AhpMethod::Eigenvector)?;
//! assert!((r.weights[0] - 0.558425).abs() < 1e-6);
//! assert!(r.consistent);
//! # Ok::<(), manyi_core::Error>(())
//! ```

mod matrix;

pub use matrix::{parse_judgement, PairwiseMatrix, RECIPROCAL_TOLERANCE};

use crate::error::{Error, Figure, Part, Result, Shortage};
use serde::{Deserialize, Serialize};

/// The largest matrix accepted: Saaty's random index is used here for n ≤ 10 only.
///
/// Published extensions for n = 11–15 disagree between sources (e.g. 1.51, 1.48, 1.56, 1.57, 1.59 against
/// 1.52, 1.54, 1.56, 1.58, 1.59), and Saaty advises about 7 ± 2 criteria a level anyway; a larger set of
/// criteria should be grouped into a hierarchy.
pub const MAX_CRITERIA: usize = 10;

/// The consistency ratio above which a matrix is inconsistent (Saaty's 10 % rule).
pub const CR_THRESHOLD: f64 = 0.10;

/// Saaty's random index RI for a matrix of `n` criteria: 0 for n = 1, 2; 0.58 … 1.49 for n = 3 … 10;
/// `None` above [`MAX_CRITERIA`].
pub fn random_index(n: usize) -> Option<f64> {
    const RI: [f64; 11] = [0.0, 0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
    RI.get(n).copied().filter(|_| n >= 1)
}

/// How the weights are read from the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AhpMethod {
    /// Saaty's principal right eigenvector, found by power iteration until no weight moves by more
    /// than 1e-12, normalised to sum 1; λmax is the matching eigenvalue.
    #[default]
    Eigenvector,
    /// Row geometric means normalised to sum 1 (Crawford and Williams' logarithmic least squares).
    /// λmax is then estimated as the mean of (Aw)_i / w_i, which equals the eigenvalue when the matrix is
    /// consistent and is never below n.
    GeometricMean,
}

/// The weights and consistency figures of one matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AhpResult {
    /// One weight per criterion, in row order, summing to 1.
    pub weights: Vec<f64>,
    /// The principal eigenvalue (or its geometric-mean estimate, see [`AhpMethod`]).
    pub lambda_max: f64,
    /// Consistency index (λmax − n)/(n − 1); 0 for n ≤ 2, and never below 0 (rounding can put λmax a hair
    /// under n for a consistent matrix).
    pub ci: f64,
    /// Consistency ratio CI / RI; 0 when RI is 0 (n ≤ 2).
    pub cr: f64,
    /// Saaty's random index for this n.
    pub random_index: f64,
    /// CR ≤ 0.10 ([`CR_THRESHOLD`]). An inconsistent matrix must be shown as such.
    pub consistent: bool,
    /// The method used.
    pub method: AhpMethod,
}

impl PairwiseMatrix {
    /// Weights, λmax, CI and CR by `method`.
    ///
    /// Errors only if power iteration has not converged after 100 000 steps, which a positive matrix of at
    /// most 10 rows does not reach in practice (it converges geometrically by Perron's theorem).
    pub fn analyse(&self, method: AhpMethod) -> Result<AhpResult> {
        let n = self.size();
        let (weights, lambda_max) = match method {
            AhpMethod::Eigenvector => self.principal_eigenvector()?,
            AhpMethod::GeometricMean => {
                let w = self.geometric_mean_weights();
                let aw = self.times(&w);
                let lambda = aw.iter().zip(&w).map(|(a, w)| a / w).sum::<f64>() / n as f64;
                (w, lambda)
            }
        };
        let ci = if n <= 2 { 0.0 } else { ((lambda_max - n as f64) / (n - 1) as f64).max(0.0) };
        let random_index = random_index(n).expect("size checked when the matrix was built");
        let cr = if random_index > 0.0 { ci / random_index } else { 0.0 };
        Ok(AhpResult { weights, lambda_max, ci, cr, random_index, consistent: cr <= CR_THRESHOLD, method })
    }

    fn times(&self, w: &[f64]) -> Vec<f64> {
        self.rows().iter().map(|row| row.iter().zip(w).map(|(a, w)| a * w).sum()).collect()
    }

    fn principal_eigenvector(&self) -> Result<(Vec<f64>, f64)> {
        const TOLERANCE: f64 = 1e-12;
        const MAX_STEPS: usize = 100_000;
        let n = self.size();
        let mut w = vec![1.0 / n as f64; n];
        for _ in 0..MAX_STEPS {
            let aw = self.times(&w);
            // With w summing to 1, Aw = λw gives λ = Σ (Aw)_i.
            let lambda: f64 = aw.iter().sum();
            let next: Vec<f64> = aw.iter().map(|v| v / lambda).collect();
            let moved = next.iter().zip(&w).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
            w = next;
            if moved <= TOLERANCE {
                let lambda = self.times(&w).iter().sum();
                return Ok((w, lambda));
            }
        }
        Err(Error::InsufficientData {
            figure: Figure::AhpEigenvector,
            part: Part::Whole,
            shortage: Shortage::NotConverged { steps: MAX_STEPS },
        })
    }

    fn geometric_mean_weights(&self) -> Vec<f64> {
        let n = self.size() as f64;
        // exp(mean ln a_ij) rather than a product, so long rows of large judgements cannot overflow.
        let g: Vec<f64> =
            self.rows().iter().map(|row| (row.iter().map(|a| a.ln()).sum::<f64>() / n).exp()).collect();
        let total: f64 = g.iter().sum();
        g.into_iter().map(|v| v / total).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(rows: &[&[f64]]) -> PairwiseMatrix {
        PairwiseMatrix::new(rows.iter().map(|r| r.to_vec()).collect()).unwrap()
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    // DOMAIN.md §3 public check: weights 0.558425, 0.319618, 0.121957, λmax 3.018295, CR 0.015771
    // (CI = 0.018295 / 2 = 0.0091474; CR = 0.0091474 / 0.58 = 0.015771).
    #[test]
    fn public_check() {
        let m = matrix(&[&[1.0, 2.0, 4.0], &[1.0 / 2.0, 1.0, 3.0], &[1.0 / 4.0, 1.0 / 3.0, 1.0]]);
        let r = m.analyse(AhpMethod::Eigenvector).unwrap();
        for (w, expected) in r.weights.iter().zip([0.558425, 0.319618, 0.121957]) {
            assert!(close(*w, expected, 5e-7), "{w} vs {expected}");
        }
        assert!(close(r.lambda_max, 3.018295, 5e-7));
        assert!(close(r.cr, 0.015771, 5e-7));
        assert_eq!(r.random_index, 0.58);
        assert!(r.consistent);
    }

    // Row geometric means by hand: ∛8 = 2, ∛1.5 = 1.144714, ∛(1/12) = 0.436790; sum 3.581504;
    // 2 / 3.581504 = 0.558425 (for n = 3 the geometric mean equals the eigenvector).
    #[test]
    fn geometric_mean_by_hand() {
        let m = matrix(&[&[1.0, 2.0, 4.0], &[1.0 / 2.0, 1.0, 3.0], &[1.0 / 4.0, 1.0 / 3.0, 1.0]]);
        let r = m.analyse(AhpMethod::GeometricMean).unwrap();
        assert!(close(r.weights[0], 2.0 / 3.581504, 1e-6));
        assert!(close(r.weights[2], 0.436790 / 3.581504, 1e-6));
        assert!(close(r.lambda_max, 3.018295, 5e-7));
    }

    // A cyclic matrix: 1 ≻ 2 ≻ 3 ≻ 1, each by 9. Every row sums to 1 + 9 + 1/9 = 10.111111 and the matrix is
    // circulant, so w = (1/3, 1/3, 1/3), λmax = 10.111111, CI = 7.111111 / 2 = 3.555556, CR = 3.555556 / 0.58
    // = 6.130268.
    #[test]
    fn cyclic_matrix_is_inconsistent() {
        let m = matrix(&[&[1.0, 9.0, 1.0 / 9.0], &[1.0 / 9.0, 1.0, 9.0], &[9.0, 1.0 / 9.0, 1.0]]);
        for method in [AhpMethod::Eigenvector, AhpMethod::GeometricMean] {
            let r = m.analyse(method).unwrap();
            assert!(r.weights.iter().all(|w| close(*w, 1.0 / 3.0, 1e-12)));
            assert!(close(r.lambda_max, 10.111111, 1e-6));
            assert!(close(r.ci, 3.555556, 1e-6));
            assert!(close(r.cr, 6.130268, 1e-6));
            assert!(!r.consistent);
        }
    }

    // a_ij = w_i / w_j for w = (0.4, 0.3, 0.2, 0.1) is perfectly consistent: λmax = n, CI = CR = 0.
    #[test]
    fn consistent_matrix_returns_its_weights() {
        let w = [0.4, 0.3, 0.2, 0.1];
        let rows: Vec<Vec<f64>> = w.iter().map(|a| w.iter().map(|b| a / b).collect()).collect();
        let m = PairwiseMatrix::new(rows).unwrap();
        for method in [AhpMethod::Eigenvector, AhpMethod::GeometricMean] {
            let r = m.analyse(method).unwrap();
            for (got, want) in r.weights.iter().zip(w) {
                assert!(close(*got, want, 1e-12));
            }
            assert!(close(r.lambda_max, 4.0, 1e-12));
            assert!(r.ci >= 0.0 && r.ci < 1e-12);
            assert_eq!(r.random_index, 0.90);
        }
    }

    // n = 1: w = (1), λmax = 1; n = 2: [[1, 3], [1/3, 1]] gives w = (3/4, 1/4), λmax = 2; RI = 0 so CR = 0.
    #[test]
    fn one_and_two_criteria_are_always_consistent() {
        let r = matrix(&[&[1.0]]).analyse(AhpMethod::Eigenvector).unwrap();
        assert_eq!(r.weights, vec![1.0]);
        assert!(close(r.lambda_max, 1.0, 1e-12));
        assert_eq!((r.ci, r.cr, r.random_index, r.consistent), (0.0, 0.0, 0.0, true));

        let m = matrix(&[&[1.0, 3.0], &[1.0 / 3.0, 1.0]]);
        for method in [AhpMethod::Eigenvector, AhpMethod::GeometricMean] {
            let r = m.analyse(method).unwrap();
            assert!(close(r.weights[0], 0.75, 1e-12) && close(r.weights[1], 0.25, 1e-12));
            assert!(close(r.lambda_max, 2.0, 1e-12));
            assert_eq!((r.ci, r.cr, r.random_index, r.consistent), (0.0, 0.0, 0.0, true));
        }
    }

    #[test]
    fn random_index_table() {
        assert_eq!(random_index(0), None);
        assert_eq!(random_index(2), Some(0.0));
        assert_eq!(random_index(3), Some(0.58));
        assert_eq!(random_index(10), Some(1.49));
        assert_eq!(random_index(11), None);
    }
}
