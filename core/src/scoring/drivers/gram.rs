//! Ordinary least squares from sufficient statistics: the cross products of an intercept, the
//! predictors and `y`, accumulated one observation at a time in O(p²) memory, then solved by
//! Cholesky. It gives what [`super::ols::fit`] gives (slopes, t-test p-values, R²) and names the
//! same deficiencies, without holding the observations: a dataset of a million responses is
//! regressed in one pass over its columns.

use super::ols::{Deficiency, Fit};
use crate::scoring::stats::t_two_sided_p;

/// A predictor whose part not explained by the intercept and the earlier predictors has a squared
/// length below this fraction of its own squared length is taken as a linear combination of them.
///
/// QR on the observations ([`super::ols`]) tests the unexplained length against 1e-9 of the
/// column's length; the cross products square it, and Cholesky's rounding on them is of the order
/// of 1e-15 of the squared length, so the test here is on the squared ratio at 1e-10 (a length
/// ratio of 1e-5). Exactly collinear designs — the ones the errors describe — are named alike.
const COLLINEAR: f64 = 1e-10;

/// The cross products Σ vvᵀ of v = (1, x₁ … x_k), Σ v·y and Σ y² over the observations added.
#[derive(Debug, Clone)]
pub(crate) struct Gram {
    /// Coefficients: the intercept and k predictors.
    p: usize,
    /// Lower triangle of Σ vvᵀ, row-major p × p (the upper part is unused).
    xx: Vec<f64>,
    /// Σ v·y.
    xy: Vec<f64>,
    /// Σ y².
    yy: f64,
}

impl Gram {
    /// Empty statistics for `predictors` predictors and an intercept.
    pub fn new(predictors: usize) -> Self {
        let p = predictors + 1;
        Gram { p, xx: vec![0.0; p * p], xy: vec![0.0; p], yy: 0.0 }
    }

    /// Observations added.
    pub fn n(&self) -> usize {
        self.xx[0] as usize
    }

    /// Adds an observation with predictors `x` (without the intercept) and response `y`.
    pub fn add(&mut self, x: &[f64], y: f64) {
        debug_assert_eq!(x.len() + 1, self.p);
        let p = self.p;
        let v = |a: usize| if a == 0 { 1.0 } else { x[a - 1] };
        for a in 0..p {
            let va = v(a);
            let row = &mut self.xx[a * p..a * p + a + 1];
            for (b, cell) in row.iter_mut().enumerate() {
                *cell += va * v(b);
            }
            self.xy[a] += va * y;
        }
        self.yy += y * y;
    }

    /// Adds an observation whose predictors are 1 at the (0-based, increasing) indices `ones`
    /// and 0 elsewhere — a row of dummies — with response `y`.
    pub fn add_dummies(&mut self, ones: &[usize], y: f64) {
        let p = self.p;
        self.xx[0] += 1.0;
        self.xy[0] += y;
        for (i, &a) in ones.iter().enumerate() {
            let row = (a + 1) * p;
            self.xx[row] += 1.0;
            for &b in &ones[..=i] {
                self.xx[row + b + 1] += 1.0;
            }
            self.xy[a + 1] += y;
        }
        self.yy += y * y;
    }

    /// Σ v_a v_b (symmetric; index 0 is the intercept).
    pub fn cross(&self, a: usize, b: usize) -> f64 {
        let (a, b) = if a >= b { (a, b) } else { (b, a) };
        self.xx[a * self.p + b]
    }

    /// The sum of squared deviations from the mean of predictor `j` (0-based), `n` Var·(n − 1).
    pub fn centred_square(&self, j: usize) -> f64 {
        let n = self.xx[0];
        let s = self.cross(j + 1, 0);
        (self.cross(j + 1, j + 1) - s * s / n).max(0.0)
    }

    /// The sum of squared deviations of `y` from its mean.
    pub fn centred_square_y(&self) -> f64 {
        let n = self.xx[0];
        (self.yy - self.xy[0] * self.xy[0] / n).max(0.0)
    }

    /// The sum of cross deviations of predictor `j` and `y`.
    pub fn centred_cross_y(&self, j: usize) -> f64 {
        self.xy[j + 1] - self.cross(j + 1, 0) * self.xy[0] / self.xx[0]
    }

    /// Fits `y = b0 + Σ b_j x_j` as [`super::ols::fit`] does.
    pub fn fit(&self) -> Result<Fit, Deficiency> {
        let p = self.p;
        let n = self.n();
        if n <= p {
            return Err(Deficiency::TooFew { n, coefficients: p });
        }
        // Cholesky L Lᵀ = Σ vvᵀ, column by column; L's diagonal is |R|'s of QR on the observations.
        let mut l = vec![0.0; p * p];
        for j in 0..p {
            let g = self.cross(j, j);
            let d = g - (0..j).map(|m| l[j * p + m] * l[j * p + m]).sum::<f64>();
            if j > 0 && d <= COLLINEAR * g {
                return Err(Deficiency::Collinear(j - 1));
            }
            let ljj = d.sqrt();
            l[j * p + j] = ljj;
            for i in j + 1..p {
                let s = self.cross(i, j) - (0..j).map(|m| l[i * p + m] * l[j * p + m]).sum::<f64>();
                l[i * p + j] = s / ljj;
            }
        }
        // z = L⁻¹ Xᵀy; β = L⁻ᵀ z; the fitted sum of squares is zᵀz.
        let z = forward(&l, p, &self.xy);
        let mut beta = vec![0.0; p];
        for j in (0..p).rev() {
            let s = z[j] - (j + 1..p).map(|i| l[i * p + j] * beta[i]).sum::<f64>();
            beta[j] = s / l[j * p + j];
        }
        let rss = (self.yy - z.iter().map(|v| v * v).sum::<f64>()).max(0.0);
        let tss = self.centred_square_y();
        let df = (n - p) as f64;
        let sigma2 = rss / df;
        // (XᵀX)⁻¹ = L⁻ᵀ L⁻¹, so its j-th diagonal is the squared length of column j of L⁻¹.
        let p_values = (1..p)
            .map(|j| {
                let mut e = vec![0.0; p];
                e[j] = 1.0;
                let w = forward(&l, p, &e);
                let se = (sigma2 * w.iter().map(|v| v * v).sum::<f64>()).sqrt();
                t_two_sided_p(beta[j] / se, df)
            })
            .collect();
        Ok(Fit { slopes: beta[1..].to_vec(), p_values, r_squared: 1.0 - rss / tss })
    }
}

/// Solves L w = b for lower-triangular L (p × p, row-major).
fn forward(l: &[f64], p: usize, b: &[f64]) -> Vec<f64> {
    let mut w = vec![0.0; p];
    for i in 0..p {
        let s = b[i] - (0..i).map(|m| l[i * p + m] * w[m]).sum::<f64>();
        w[i] = s / l[i * p + i];
    }
    w
}

#[cfg(test)]
mod tests {
    use super::super::ols;
    use super::*;

    // The same data through QR on the observations and through the cross products.
    #[test]
    fn agrees_with_qr_on_the_observations() {
        let x1 = [1.0, 2.0, 3.0, 4.0, 5.0, 2.0, 4.0, 1.0];
        let x2 = [0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0];
        let y = [2.0, 4.0, 5.0, 4.0, 5.0, 3.0, 4.0, 2.5];
        let qr = ols::fit(&[x1.to_vec(), x2.to_vec()], &y).unwrap();
        let mut g = Gram::new(2);
        for i in 0..y.len() {
            g.add(&[x1[i], x2[i]], y[i]);
        }
        let f = g.fit().unwrap();
        for (a, b) in f.slopes.iter().zip(&qr.slopes).chain(f.p_values.iter().zip(&qr.p_values)) {
            assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{a} vs {b}");
        }
        assert!((f.r_squared - qr.r_squared).abs() < 1e-12);
    }

    // Simple regression by hand (as in ols): x = 1..5, y = 2, 4, 5, 4, 5 → b = 0.6, R² = 0.6.
    #[test]
    fn dummies_and_simple_regression_by_hand() {
        let mut g = Gram::new(1);
        for (x, y) in [(1.0, 2.0), (2.0, 4.0), (3.0, 5.0), (4.0, 4.0), (5.0, 5.0)] {
            g.add(&[x], y);
        }
        let f = g.fit().unwrap();
        assert!((f.slopes[0] - 0.6).abs() < 1e-12 && (f.r_squared - 0.6).abs() < 1e-12);
        assert!((f.p_values[0] - 0.124027).abs() < 1e-6);
        assert!((g.centred_square(0) - 10.0).abs() < 1e-12 && (g.centred_cross_y(0) - 6.0).abs() < 1e-12);

        // Dummies a and b = 1 − a: b is the intercept minus a.
        let a = [1, 0, 1, 0, 1, 1];
        let mut d = Gram::new(2);
        let mut dense = Gram::new(2);
        for (i, &ai) in a.iter().enumerate() {
            let ones: Vec<usize> = if ai == 1 { vec![0] } else { vec![1] };
            d.add_dummies(&ones, i as f64);
            dense.add(&[ai as f64, 1.0 - ai as f64], i as f64);
        }
        assert_eq!(d.xx, dense.xx);
        assert_eq!(d.fit().unwrap_err(), Deficiency::Collinear(1));
        let mut few = Gram::new(2);
        few.add_dummies(&[0], 1.0);
        assert_eq!(few.fit().unwrap_err(), Deficiency::TooFew { n: 1, coefficients: 3 });
        let mut zero = Gram::new(1);
        for y in [1.0, 2.0, 3.0] {
            zero.add_dummies(&[], y);
        }
        assert_eq!(zero.fit().unwrap_err(), Deficiency::Collinear(0));
    }
}
