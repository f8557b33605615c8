//! The mean of a few numbers and the distribution quantiles shared by the scoring modules (the
//! moments of many values are accumulated by [`super::moments::Moments`]).

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// Arithmetic mean; `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        None
    } else {
        Some(values.iter().sum::<f64>() / values.len() as f64)
    }
}

/// The `p` quantile of Student's t distribution with `df` degrees of freedom (`df` > 0).
pub fn t_quantile(p: f64, df: f64) -> f64 {
    StudentsT::new(0.0, 1.0, df).expect("df > 0").inverse_cdf(p)
}

/// Two-sided p-value of a t statistic with `df` degrees of freedom.
pub fn t_two_sided_p(t: f64, df: f64) -> f64 {
    let dist = StudentsT::new(0.0, 1.0, df).expect("df > 0");
    (2.0 * dist.sf(t.abs())).min(1.0)
}

/// The `p` quantile of the standard normal distribution.
pub fn z_quantile(p: f64) -> f64 {
    Normal::new(0.0, 1.0).expect("standard normal").inverse_cdf(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference quantiles from printed tables (e.g. NIST/SEMATECH e-Handbook, table of t critical values).
    #[test]
    fn t_quantiles_match_tables() {
        assert!((t_quantile(0.975, 1.0) - 12.706).abs() < 1e-3);
        assert!((t_quantile(0.975, 9.0) - 2.262).abs() < 1e-3);
        assert!((t_quantile(0.975, 29.0) - 2.045).abs() < 1e-3);
        assert!((z_quantile(0.975) - 1.959964).abs() < 1e-6);
    }

    #[test]
    fn two_sided_p_of_the_critical_value_is_alpha() {
        assert!((t_two_sided_p(2.262157, 9.0) - 0.05).abs() < 1e-5);
    }

    #[test]
    fn mean_by_hand() {
        assert_eq!(mean(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]), Some(5.0));
        assert_eq!(mean(&[]), None);
    }
}
