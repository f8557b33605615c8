//! The accumulator of the index: count, mean and spread of a group's values, fed one value at a
//! time (a response, or a row of a dataset's columns) and merged with another group's.

use super::index::{summary_of, IndexOptions, IndexSummary};

/// Running count, sum, mean and sum of squared deviations of values: what the index of a group
/// (its mean, SE and interval) is made of.
///
/// Numerics: the index is the sum over n, the values added in the order given, exactly as a
/// plain sum; the spread is Welford's running sum of squared deviations (each value's deviation
/// from the running mean, so no cancellation between Σx² and (Σx)²/n), and two accumulators
/// merge by Chan et al.'s update. On 0–100 scores the SD is then good to about n·2⁻⁵² of itself.
///
/// ```
/// use manyi_core::scoring::index::IndexOptions;
/// use manyi_core::scoring::moments::Moments;
///
/// // 50, 75, 100, 75: mean 75, s² = (625 + 0 + 625 + 0)/3, SE = s/2.
/// let (mut a, mut b) = (Moments::default(), Moments::default());
/// a.add(50.0);
/// a.add(75.0);
/// b.add(100.0);
/// b.add(75.0);
/// a.merge(&b);
/// let s = a.summary(&IndexOptions::default());
/// assert_eq!((s.n, s.index), (4, Some(75.0)));
/// assert!((s.se.unwrap() - (1250.0f64 / 3.0).sqrt() / 2.0).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moments {
    n: usize,
    sum: f64,
    mean: f64,
    m2: f64,
}

impl Moments {
    /// Adds one value.
    #[inline]
    pub fn add(&mut self, x: f64) {
        self.n += 1;
        self.sum += x;
        let d = x - self.mean;
        self.mean += d / self.n as f64;
        self.m2 += d * (x - self.mean);
    }

    /// Adds the values `other` was given, as if they had been added here after these.
    pub fn merge(&mut self, other: &Moments) {
        if other.n == 0 {
            return;
        }
        let n = self.n + other.n;
        let d = other.mean - self.mean;
        self.m2 += other.m2 + d * d * (self.n as f64) * (other.n as f64) / n as f64;
        self.mean += d * other.n as f64 / n as f64;
        self.sum += other.sum;
        self.n = n;
    }

    /// Values added.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Their mean (the sum over n); `None` for none.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / self.n as f64)
    }

    /// Their sample standard deviation (divisor n − 1); `None` for fewer than two.
    pub fn sd(&self) -> Option<f64> {
        (self.n > 1).then(|| (self.m2 / (self.n - 1) as f64).sqrt())
    }

    /// The index of the group: n, mean, SE s/√n, Student-t interval, small-sample flag.
    pub fn summary(&self, options: &IndexOptions) -> IndexSummary {
        summary_of(self.n, self.mean(), self.sd(), options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32,
    // s = √(32/7).
    #[test]
    fn mean_and_sd_by_hand_in_any_split() {
        let values = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        for split in 0..=values.len() {
            let (mut head, mut tail) = (Moments::default(), Moments::default());
            values[..split].iter().for_each(|v| head.add(*v));
            values[split..].iter().for_each(|v| tail.add(*v));
            head.merge(&tail);
            assert_eq!((head.n(), head.mean()), (8, Some(5.0)), "split at {split}");
            assert!((head.sd().unwrap() - (32.0f64 / 7.0).sqrt()).abs() < 1e-12, "split at {split}");
        }
        let mut one = Moments::default();
        one.add(3.0);
        assert_eq!((one.mean(), one.sd()), (Some(3.0), None));
        assert_eq!(Moments::default().mean(), None);
    }

    // Values near 1e9 with a spread of 1: Σx² − (Σx)²/n would lose every digit of the spread in
    // f64; the running deviations keep it. 1e9 + {0, 1, 2}: s = 1.
    #[test]
    fn no_cancellation_far_from_zero() {
        let mut m = Moments::default();
        for x in [1e9, 1e9 + 1.0, 1e9 + 2.0] {
            m.add(x);
        }
        assert!((m.sd().unwrap() - 1.0).abs() < 1e-9);
    }
}
