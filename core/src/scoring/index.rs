//! The satisfaction index of a group: the mean of its respondents' composites, its standard error
//! s/√n, the Student-t confidence interval (kept on the 0–100 scale), and a small-sample flag —
//! made from a group's [`Moments`].

use super::moments::Moments;
use super::stats::t_quantile;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Options of the index.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IndexOptions {
    /// Confidence level of the interval (default 0.95).
    pub confidence: f64,
    /// Groups with fewer respondents are flagged as small samples (default 30).
    pub small_sample_below: usize,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions { confidence: 0.95, small_sample_below: 30 }
    }
}

/// The index of one group. With n = 0 there is no index; with n = 1 no SE or interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IndexSummary {
    /// Respondents with a composite.
    pub n: usize,
    /// Mean composite, 0–100.
    pub index: Option<f64>,
    /// Standard error s/√n.
    pub se: Option<f64>,
    /// Lower end of the Student-t interval, at least 0 ([`interval`]).
    pub ci_low: Option<f64>,
    /// Upper end of the Student-t interval, at most 100 ([`interval`]).
    pub ci_high: Option<f64>,
    /// n below the small-sample threshold.
    pub small_sample: bool,
}

/// The index of a group from its size, mean and sample standard deviation (`None` for fewer than
/// two values), as [`Moments::summary`] gives them.
pub fn summary_of(n: usize, index: Option<f64>, sd: Option<f64>, options: &IndexOptions) -> IndexSummary {
    let se = sd.map(|s| s / (n as f64).sqrt());
    let half = se.map(|se| se * t_quantile(0.5 + options.confidence / 2.0, (n - 1) as f64));
    IndexSummary {
        n,
        index,
        se,
        ci_low: index.zip(half).map(|(m, h)| interval(m, h).0),
        ci_high: index.zip(half).map(|(m, h)| interval(m, h).1),
        small_sample: n < options.small_sample_below,
    }
}

/// The interval `mean ± half`, kept on the index's scale 0–100: an end beyond the scale is put at
/// 0 or 100. An index cannot lie outside the scale, so the interval cut this way holds the true
/// index whenever the Student-t interval does: the same 95 % coverage, and no end a reader knows to
/// be impossible (a small group near 100 would otherwise show e.g. [31.1, 118.9]).
pub fn interval(mean: f64, half: f64) -> (f64, f64) {
    ((mean - half).max(0.0), (mean + half).min(100.0))
}

/// The index of one group, named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupIndex {
    /// The group's key, e.g. a hall, a month (`2026-11`), or `all`.
    pub group: String,
    /// Its index.
    #[serde(flatten)]
    pub summary: IndexSummary,
}

/// The index per group of (group, composite) pairs, groups in key order.
pub fn by_group(rows: impl IntoIterator<Item = (String, f64)>, options: &IndexOptions) -> Vec<GroupIndex> {
    let mut groups: BTreeMap<String, Moments> = BTreeMap::new();
    for (g, v) in rows {
        groups.entry(g).or_default().add(v);
    }
    groups.into_iter().map(|(group, m)| GroupIndex { group, summary: m.summary(options) }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summarise(values: &[f64], options: &IndexOptions) -> IndexSummary {
        let mut m = Moments::default();
        values.iter().for_each(|v| m.add(*v));
        m.summary(options)
    }

    #[test]
    fn index_se_and_interval_by_hand() {
        // 50, 75, 100, 75: mean 75; deviations −25, 0, 25, 0 → s² = 1250/3, s = 20.4124…;
        // SE = s/2 = 10.2062…; t(0.975, 3) = 3.182446 (tables) → half-width 32.4806…
        let s = summarise(&[50.0, 75.0, 100.0, 75.0], &IndexOptions::default());
        assert_eq!(s.n, 4);
        assert_eq!(s.index, Some(75.0));
        let se = (1250.0f64 / 3.0).sqrt() / 2.0;
        assert!((s.se.unwrap() - se).abs() < 1e-12);
        assert!((s.ci_low.unwrap() - (75.0 - 3.182446 * se)).abs() < 1e-4);
        // 75 + 32.48 = 107.48 lies beyond the scale: the upper end is 100.
        assert_eq!(s.ci_high, Some(100.0));
        assert!(s.small_sample);
    }

    #[test]
    fn the_interval_stays_on_the_0_to_100_scale() {
        // 100, 100, 100, 60: mean 90; deviations 10, 10, 10, −30 → s² = 1200/3 = 400, s = 20;
        // SE = 20/2 = 10; t(0.975, 3) = 3.182446 → 90 ± 31.82446 = [58.17554, 121.82446]: an
        // index above 100 is impossible, so the upper end is 100.
        let s = summarise(&[100.0, 100.0, 100.0, 60.0], &IndexOptions::default());
        assert_eq!((s.index, s.se), (Some(90.0), Some(10.0)));
        assert!((s.ci_low.unwrap() - (90.0 - 31.82446)).abs() < 1e-4);
        assert_eq!(s.ci_high, Some(100.0));
        // 0, 0, 40: mean 13.33…, s = 23.094…, SE = 13.333…; t(0.975, 2) = 4.302653 → the lower
        // end 13.33 − 57.37 is below 0, so it is 0.
        let s = summarise(&[0.0, 0.0, 40.0], &IndexOptions::default());
        assert_eq!(s.ci_low, Some(0.0));
        assert!((s.ci_high.unwrap() - (40.0 / 3.0 + 4.302653 * 40.0 / 3.0)).abs() < 1e-4);
    }

    #[test]
    fn one_respondent_and_none() {
        let one = summarise(&[80.0], &IndexOptions::default());
        assert_eq!((one.n, one.index, one.se, one.ci_low), (1, Some(80.0), None, None));
        let none = summarise(&[], &IndexOptions::default());
        assert_eq!((none.n, none.index, none.small_sample), (0, None, true));
    }

    #[test]
    fn small_sample_threshold() {
        let opts = IndexOptions { small_sample_below: 3, ..IndexOptions::default() };
        assert!(summarise(&[1.0, 2.0], &opts).small_sample);
        assert!(!summarise(&[1.0, 2.0, 3.0], &opts).small_sample);
    }

    #[test]
    fn groups_in_key_order() {
        let rows = [("b", 10.0), ("a", 20.0), ("b", 30.0)].map(|(g, v)| (g.to_owned(), v));
        let g = by_group(rows, &IndexOptions::default());
        assert_eq!(
            g.iter().map(|g| (g.group.as_str(), g.summary.n)).collect::<Vec<_>>(),
            [("a", 1), ("b", 2)]
        );
        assert_eq!(g[1].summary.index, Some(20.0));
    }
}
