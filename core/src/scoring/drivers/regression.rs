//! Ordinary least squares with an intercept from sufficient statistics: the cross products of an
//! intercept, the predictors and `y`, accumulated one observation at a time in O(p²) memory
//! (a response, or a row of a dataset's columns), merged across parts, and solved by Cholesky.
//! The one regression of core: penalty–reward, derived importance and derived weights use it.

use crate::scoring::stats::t_two_sided_p;

/// The rank rule's tolerance, on squared lengths (see [`Regression`]).
const COLLINEAR: f64 = 1e-10;

/// An OLS fit of `y` on an intercept and the predictors.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// One slope per predictor, in column order (the intercept is left out).
    pub slopes: Vec<f64>,
    /// Two-sided p-value of each slope (t test, n − k − 1 degrees of freedom).
    pub p_values: Vec<f64>,
    /// Coefficient of determination.
    pub r_squared: f64,
}

/// Why the regression cannot be fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deficiency {
    /// n ≤ k + 1: no degree of freedom is left for the residual variance.
    TooFew {
        /// Observations.
        n: usize,
        /// Coefficients, the intercept included.
        coefficients: usize,
    },
    /// This predictor (0-based) is a linear combination of the intercept and the predictors
    /// before it, by the rank rule of [`Regression`].
    Collinear(usize),
}

/// The cross products Σ vvᵀ of v = (1, x₁ … x_k), Σ v·y and Σ y² over the observations added:
/// everything an OLS fit of `y` on an intercept and the k predictors needs.
///
/// **Rank rule.** Predictors are taken in order. Predictor j is a linear combination of the
/// intercept and the predictors before it when the squared length of its part they do not
/// explain — the j-th pivot of the Cholesky factorisation of Σ vvᵀ — is at most 10⁻¹⁰ of its
/// own squared length Σ x_j²; the fit then fails naming the first such predictor
/// ([`Deficiency::Collinear`]). Why 10⁻¹⁰: for integer answers (scale points, band dummies)
/// the sums are exact, and the rounding of the factorisation is of the order of 10⁻¹⁶ Σ x_j²,
/// so a pivot above the threshold is at least a million times its own rounding error. A
/// constant predictor is always a combination of the intercept.
///
/// **Numerics.** Normal equations square the condition number of the design; for answers on
/// a scale and their band dummies it is small (tens to thousands), so slopes and p-values are
/// good to about 10⁻¹⁰ relative — the tests compare them with statsmodels' QR at 10⁻⁹ and
/// 10⁻⁷.
///
/// ```
/// use manyi_core::scoring::drivers::Regression;
///
/// // y = 2, 4, 5, 4, 5 on x = 1 … 5: slope 0.6 and R² 0.6 (Sxy = 6, Sxx = 10, RSS 2.4, TSS 6).
/// let (mut a, mut b) = (Regression::new(1), Regression::new(1));
/// for (x, y) in [(1.0, 2.0), (2.0, 4.0)] {
///     a.add(&[x], y);
/// }
/// for (x, y) in [(3.0, 5.0), (4.0, 4.0), (5.0, 5.0)] {
///     b.add(&[x], y);
/// }
/// a.merge(&b);
/// let fit = a.fit().unwrap();
/// assert!((fit.slopes[0] - 0.6).abs() < 1e-12 && (fit.r_squared - 0.6).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Regression {
    /// Coefficients: the intercept and k predictors.
    p: usize,
    /// Lower triangle of Σ vvᵀ, row-major p × p (the upper part is unused).
    xx: Vec<f64>,
    /// Σ v·y.
    xy: Vec<f64>,
    /// Σ y².
    yy: f64,
}

impl Regression {
    /// Empty statistics for `predictors` predictors and an intercept.
    pub fn new(predictors: usize) -> Self {
        let p = predictors + 1;
        Regression { p, xx: vec![0.0; p * p], xy: vec![0.0; p], yy: 0.0 }
    }

    /// The statistics of these observations and `other`'s together.
    pub fn merge(&mut self, other: &Regression) {
        debug_assert_eq!(self.p, other.p);
        self.xx.iter_mut().zip(&other.xx).for_each(|(a, b)| *a += b);
        self.xy.iter_mut().zip(&other.xy).for_each(|(a, b)| *a += b);
        self.yy += other.yy;
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

    /// Fits `y = b0 + Σ b_j x_j`: the slopes, their t-test p-values and R², or why not (too few
    /// observations, or a predictor that is a combination of the others by the rank rule).
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
    use super::*;

    // Three groups coded by two dummies (group C the reference): the slopes are the groups' mean
    // differences. C: y = 1, 3 (mean 2); A: 4, 6 (mean 5); B: 7, 9, 8 (mean 8): b_A = 3, b_B = 6.
    // RSS = 2 + 2 + 2 = 6 on 7 − 3 = 4 df, σ² = 1.5; se_A = √(1.5 (1/2 + 1/2)), t_A = √6;
    // se_B = √(1.5 (1/3 + 1/2)) = √1.25, t_B² = 28.8. Student's t with 4 df:
    // P(|T| < t) = x (1 + (1 − x²)/2), x = t/√(4 + t²): x_A = √0.6 → p_A = 0.0704840;
    // x_B = √(28.8/32.8) = 0.937043 → p_B = 0.0058207. TSS = 256 − 38²/7, R² = 1 − 6/TSS = 0.8793103.
    #[test]
    fn group_means_by_hand_from_dummies_or_dense_rows() {
        let data = [
            (None, 1.0),
            (None, 3.0),
            (Some(0), 4.0),
            (Some(0), 6.0),
            (Some(1), 7.0),
            (Some(1), 9.0),
            (Some(1), 8.0),
        ];
        let (mut sparse, mut dense) = (Regression::new(2), Regression::new(2));
        for (group, y) in data {
            let ones: Vec<usize> = group.into_iter().collect();
            sparse.add_dummies(&ones, y);
            dense.add(&[f64::from(u8::from(group == Some(0))), f64::from(u8::from(group == Some(1)))], y);
        }
        assert_eq!(sparse, dense, "the same sums");
        let f = sparse.fit().unwrap();
        assert!((f.slopes[0] - 3.0).abs() < 1e-12 && (f.slopes[1] - 6.0).abs() < 1e-12, "{f:?}");
        assert!((f.p_values[0] - 0.0704840).abs() < 1e-7, "{}", f.p_values[0]);
        assert!((f.p_values[1] - 0.0058207).abs() < 1e-7, "{}", f.p_values[1]);
        assert!((f.r_squared - 0.8793103).abs() < 1e-7);
    }

    // Simple regression by hand: x = 1..5, y = 2, 4, 5, 4, 5. x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6,
    // b = 0.6; RSS = 2.4, TSS = 6, R² = 0.6; se(b) = √(2.4/3/10), t = √4.5 on 3 df, whose
    // closed form p = 1 − (2/π)(u/(1 + u²) + atan u), u = t/√3 = √1.5, gives 0.124027.
    #[test]
    fn simple_regression_by_hand_in_parts() {
        let data = [(1.0, 2.0), (2.0, 4.0), (3.0, 5.0), (4.0, 4.0), (5.0, 5.0)];
        let mut whole = Regression::new(1);
        data.iter().for_each(|(x, y)| whole.add(&[*x], *y));
        let (mut head, mut tail) = (Regression::new(1), Regression::new(1));
        data[..2].iter().for_each(|(x, y)| head.add(&[*x], *y));
        data[2..].iter().for_each(|(x, y)| tail.add(&[*x], *y));
        head.merge(&tail);
        assert_eq!(head, whole);
        let f = whole.fit().unwrap();
        assert!((f.slopes[0] - 0.6).abs() < 1e-12 && (f.r_squared - 0.6).abs() < 1e-12);
        assert!((f.p_values[0] - 0.124027).abs() < 1e-6);
        assert_eq!(whole.n(), 5);
        assert!(
            (whole.centred_square(0) - 10.0).abs() < 1e-12 && (whole.centred_cross_y(0) - 6.0).abs() < 1e-12
        );
        assert!((whole.centred_square_y() - 6.0).abs() < 1e-12);
    }

    #[test]
    fn the_rank_rule_names_the_first_combination_and_too_few_rows() {
        // Dummies a and b = 1 − a: b is the intercept minus a.
        let mut d = Regression::new(2);
        for (i, a) in [1, 0, 1, 0, 1, 1].into_iter().enumerate() {
            d.add_dummies(if a == 1 { &[0] } else { &[1] }, i as f64);
        }
        assert_eq!(d.fit().unwrap_err(), Deficiency::Collinear(1));
        // A constant predictor is the intercept again.
        let mut constant = Regression::new(1);
        for y in [1.0, 2.0, 3.0] {
            constant.add(&[7.0], y);
        }
        assert_eq!(constant.fit().unwrap_err(), Deficiency::Collinear(0));
        let mut few = Regression::new(2);
        few.add_dummies(&[0], 1.0);
        assert_eq!(few.fit().unwrap_err(), Deficiency::TooFew { n: 1, coefficients: 3 });
    }
}
