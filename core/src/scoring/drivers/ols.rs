//! Ordinary least squares with an intercept, by Householder QR, with t-test p-values.

use crate::scoring::stats::t_two_sided_p;
use nalgebra::{DMatrix, DVector};

/// A column whose part not explained by the intercept and the earlier columns is below this fraction of its
/// own length is taken as a linear combination of them.
const COLLINEAR: f64 = 1e-9;

/// An OLS fit of `y` on an intercept and the predictor columns.
#[derive(Debug, Clone)]
pub(crate) struct Fit {
    /// One slope per predictor, in column order (the intercept is left out).
    pub slopes: Vec<f64>,
    /// Two-sided p-value of each slope (t test, n − k − 1 degrees of freedom).
    pub p_values: Vec<f64>,
    /// Coefficient of determination.
    pub r_squared: f64,
}

/// Why the design matrix cannot be fitted.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Deficiency {
    /// n ≤ k + 1: no degree of freedom is left for the residual variance.
    TooFew { n: usize, coefficients: usize },
    /// This predictor (0-based) is a linear combination of the intercept and the predictors before it.
    Collinear(usize),
}

/// Fits `y = b0 + Σ b_j x_j`. `predictors[j][i]` is x_j of observation i.
pub(crate) fn fit(predictors: &[Vec<f64>], y: &[f64]) -> Result<Fit, Deficiency> {
    let n = y.len();
    let p = predictors.len() + 1;
    if n <= p {
        return Err(Deficiency::TooFew { n, coefficients: p });
    }
    let x = DMatrix::from_fn(n, p, |i, j| if j == 0 { 1.0 } else { predictors[j - 1][i] });
    let norms: Vec<f64> = x.column_iter().map(|c| c.norm()).collect();
    let qr = x.clone().qr();
    let r = qr.r();
    // Without pivoting, R's j-th diagonal is the length of column j after removing its projection on the
    // columns before it; (near) zero means column j adds nothing.
    if let Some(j) = (1..p).find(|&j| r[(j, j)].abs() <= COLLINEAR * norms[j]) {
        return Err(Deficiency::Collinear(j - 1));
    }
    let mut qty = DVector::from_column_slice(y);
    qr.q_tr_mul(&mut qty);
    let beta = r
        .solve_upper_triangular(&qty.rows(0, p).into_owned())
        .expect("R has a non-zero diagonal, checked above");
    let yv = DVector::from_column_slice(y);
    let residuals = &yv - &x * &beta;
    let rss = residuals.norm_squared();
    let y_mean = yv.mean();
    let tss: f64 = y.iter().map(|v| (v - y_mean) * (v - y_mean)).sum();
    let df = (n - p) as f64;
    let sigma2 = rss / df;
    // Var(b) = σ² (XᵀX)⁻¹ = σ² R⁻¹ R⁻ᵀ, so se_j = σ ‖row j of R⁻¹‖.
    let r_inv = r.solve_upper_triangular(&DMatrix::identity(p, p)).expect("non-zero diagonal");
    let p_values = (1..p)
        .map(|j| {
            let se = (sigma2 * r_inv.row(j).norm_squared()).sqrt();
            t_two_sided_p(beta[j] / se, df)
        })
        .collect();
    Ok(Fit { slopes: beta.iter().skip(1).copied().collect(), p_values, r_squared: 1.0 - rss / tss })
}

#[cfg(test)]
mod tests {
    use super::*;

    // x = 1, 2, 3, 4, 5; y = 2, 4, 5, 4, 5. By hand: x̄ = 3, ȳ = 4, Sxx = 10, Sxy = (−2)(−2) + (−1)(0) + 0 +
    // (1)(0) + (2)(1) = 6, b = 0.6, a = 4 − 1.8 = 2.2. Fitted 2.8 3.4 4.0 4.6 5.2; residuals −0.8 0.6 1.0 −0.6
    // −0.2; RSS = 0.64 + 0.36 + 1 + 0.36 + 0.04 = 2.4; TSS = 4 + 0 + 1 + 0 + 1 = 6; R² = 0.6.
    // se(b) = √(2.4 / 3 / 10) = 0.282843; t = 0.6 / 0.282843 = √4.5 = 2.121320 on 3 df. Student's t with 3 df
    // has a closed form: p = 1 − (2/π)(u/(1 + u²) + atan u) with u = t/√3 = √1.5 = 1.224745:
    // u/(1 + u²) = 1.224745 / 2.5 = 0.489898, atan u = 0.886077, p = 1 − 0.636620 × 1.375975 = 0.124027.
    #[test]
    fn simple_regression_by_hand() {
        let f = fit(&[vec![1.0, 2.0, 3.0, 4.0, 5.0]], &[2.0, 4.0, 5.0, 4.0, 5.0]).unwrap();
        assert!((f.slopes[0] - 0.6).abs() < 1e-12);
        assert!((f.r_squared - 0.6).abs() < 1e-12);
        assert!((f.p_values[0] - 0.124027).abs() < 1e-6, "{}", f.p_values[0]);
    }

    #[test]
    fn names_the_collinear_column_and_too_few_rows() {
        let a = vec![1.0, 0.0, 1.0, 0.0, 1.0, 1.0];
        let b = vec![0.0, 1.0, 0.0, 1.0, 0.0, 0.0]; // b = 1 − a
        let y = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        assert_eq!(fit(&[a.clone(), b], &y).unwrap_err(), Deficiency::Collinear(1));
        assert_eq!(fit(&[vec![0.0; 6]], &y).unwrap_err(), Deficiency::Collinear(0));
        assert_eq!(
            fit(&[a.clone(), a.clone()], &y[..3].to_vec()[..]).unwrap_err(),
            Deficiency::TooFew { n: 3, coefficients: 3 }
        );
    }
}
