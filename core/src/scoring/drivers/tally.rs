//! The accumulator of the drivers: every respondent's answers to the items and to `overall`,
//! added one at a time (from [`Ratings`], or a row of a dataset's columns), from which
//! penalty–reward, derived importance, performance and the IPA quadrants are read.

use super::importance::nobody_answered;
use super::penalty_reward::{self as pr, check_dummy, check_options, item_result};
use super::regression::Regression;
use super::{
    off_scale, CompleteCases, Importance, ItemImportance, Missing, PenaltyReward, PenaltyRewardOptions,
    QualityCategory, Ratings,
};
use crate::error::Result;
use crate::scoring::ipa::{ipa, Crosshair, Quadrant};
use serde::{Deserialize, Serialize};

/// One item's row of the drivers table (`manyi drivers`, the workbook's `drivers` sheet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriverRow {
    /// The item.
    pub item: String,
    /// |β_low|.
    pub penalty: f64,
    /// p-value of β_low.
    pub penalty_p: f64,
    /// β_high.
    pub reward: f64,
    /// p-value of β_high.
    pub reward_p: f64,
    /// Impact asymmetry.
    pub impact_asymmetry: Option<f64>,
    /// Basic, performance, excitement or indifferent.
    pub category: QualityCategory,
    /// Derived importance (standardised regression coefficient).
    pub importance: f64,
    /// Mean answer rescaled to 0–100.
    pub performance: f64,
    /// Quadrant by the data-centred cross-hairs.
    pub quadrant: Quadrant,
}

/// Respondents' answers to k items (on the options' scale) and to `overall` (on any scale: its
/// answers are only explained, never rescaled), added one at a time and merged across parts:
///
/// - the cross products of the band dummies and `overall` for penalty–reward (every respondent
///   who answered `overall`: with [`Missing::AsMiddle`] a missing item has both dummies 0, with
///   [`Missing::Listwise`] only those who answered every item);
/// - the complete cases ([`CompleteCases`]) for derived importance;
/// - each item's sum and count of answers for its performance (every answer, whether or not
///   `overall` was answered), and its first answer off the scale, for the error.
///
/// ```
/// use manyi_core::scoring::drivers::{DriversTally, PenaltyRewardOptions, QualityCategory};
///
/// // `wait` on 1–5, overall on 0–10: those who waited badly (1–2) are 3 points less satisfied.
/// let mut tally = DriversTally::new(1, &PenaltyRewardOptions::default());
/// for (wait, overall) in [(1, 4), (2, 6), (1, 2), (2, 4), (3, 6), (4, 8), (3, 6), (4, 8), (5, 8), (5, 10), (5, 8), (5, 10)] {
///     tally.add(&[Some(f64::from(wait))], Some(f64::from(overall)));
/// }
/// let pr = tally.penalty_reward(&["wait".to_owned()])?;
/// assert!((pr.items[0].penalty - 3.0).abs() < 1e-12);
/// assert_eq!(pr.items[0].category, QualityCategory::Basic);
/// # Ok::<(), manyi_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DriversTally {
    options: PenaltyRewardOptions,
    /// Band dummies (low, high of item 0, then of item 1, …) against overall.
    dummies: Regression,
    y_first: Option<f64>,
    y_varies: bool,
    cases: CompleteCases,
    sums: Vec<f64>,
    answered: Vec<usize>,
    /// Per item, the first answer off the scale: the respondent (0-based, in the order added) and
    /// the answer.
    off: Vec<Option<(usize, f64)>>,
    respondents: usize,
    x: Vec<f64>,
    ones: Vec<usize>,
}

impl DriversTally {
    /// No respondents yet, for `items` items analysed with `options`.
    pub fn new(items: usize, options: &PenaltyRewardOptions) -> DriversTally {
        DriversTally {
            options: *options,
            dummies: Regression::new(2 * items),
            y_first: None,
            y_varies: false,
            cases: CompleteCases::new(items),
            sums: vec![0.0; items],
            answered: vec![0; items],
            off: vec![None; items],
            respondents: 0,
            x: vec![0.0; items],
            ones: Vec::with_capacity(items),
        }
    }

    /// The respondents of `ratings`, in order.
    pub fn of(ratings: &Ratings, options: &PenaltyRewardOptions) -> DriversTally {
        let mut tally = DriversTally::new(ratings.items().len(), options);
        let mut answers = vec![None; ratings.items().len()];
        for (r, overall) in ratings.overall().iter().enumerate() {
            for (a, column) in answers.iter_mut().zip(ratings.items()) {
                *a = column[r];
            }
            tally.add(&answers, *overall);
        }
        tally
    }

    /// Adds a respondent: an answer (or none) per item, and to `overall`.
    pub fn add(&mut self, items: &[Option<f64>], overall: Option<f64>) {
        let respondent = self.respondents;
        self.respondents += 1;
        let scale = self.options.scale;
        let mut complete = true;
        for (j, answer) in items.iter().enumerate() {
            match *answer {
                Some(v) => {
                    self.x[j] = v;
                    self.sums[j] += v;
                    self.answered[j] += 1;
                    if self.off[j].is_none() && !scale.contains(v) {
                        self.off[j] = Some((respondent, v));
                    }
                }
                None => complete = false,
            }
        }
        let Some(y) = overall else { return };
        if complete || self.options.missing == Missing::AsMiddle {
            let bands = self.options.bands;
            self.ones.clear();
            for (j, answer) in items.iter().enumerate() {
                match answer {
                    Some(v) if bands.low.contains(*v) => self.ones.push(2 * j),
                    Some(v) if bands.high.contains(*v) => self.ones.push(2 * j + 1),
                    _ => {}
                }
            }
            self.dummies.add_dummies(&self.ones, y);
            self.y_varies |= self.y_first.is_some_and(|first| first != y);
            self.y_first.get_or_insert(y);
        }
        if complete {
            self.cases.add(&self.x, y);
        }
    }

    /// Adds the respondents `other` was given (with the same options), after these.
    pub fn merge(&mut self, other: &DriversTally) {
        self.dummies.merge(&other.dummies);
        self.y_varies |=
            other.y_varies || matches!((self.y_first, other.y_first), (Some(a), Some(b)) if a != b);
        self.y_first = self.y_first.or(other.y_first);
        self.cases.merge(&other.cases);
        for j in 0..self.sums.len() {
            self.sums[j] += other.sums[j];
            self.answered[j] += other.answered[j];
            if self.off[j].is_none() {
                self.off[j] = other.off[j].map(|(r, v)| (r + self.respondents, v));
            }
        }
        self.respondents += other.respondents;
    }

    /// The first answer off the scale, by item then respondent.
    fn check_scale(&self, names: &[String]) -> Result<()> {
        match self.off.iter().enumerate().find_map(|(j, o)| o.map(|o| (j, o))) {
            Some((j, (r, v))) => Err(off_scale(&names[j], r, v, self.options.scale)),
            None => Ok(()),
        }
    }

    /// Penalty–reward contrast analysis: one OLS regression of `overall` on an intercept and, for
    /// each item (named by `names`), a low-band dummy and a high-band dummy (the middle answers are
    /// the reference).
    ///
    /// Errors: bands off the scale or overlapping, α outside (0, 1), or an answer off the scale →
    /// `InvalidArgument`; n ≤ 2k + 1 for k items, `overall` constant, a dummy that never varies, or
    /// a dummy that is a combination of the others (e.g. every answer in one of the two bands, by
    /// [`Regression`]'s rank rule) → `InsufficientData` naming the item and band.
    pub fn penalty_reward(&self, names: &[String]) -> Result<PenaltyReward> {
        let PenaltyRewardOptions { bands, alpha, missing, .. } = self.options;
        check_options(&self.options)?;
        self.check_scale(names)?;
        let n = self.dummies.n();
        let k = 2 * names.len();
        if n <= k + 1 {
            return Err(pr::too_few(n, k));
        }
        if !self.y_varies {
            return Err(pr::nothing_to_explain(n, self.y_first.unwrap_or_default()));
        }
        let count = |c: usize| self.dummies.cross(c + 1, c + 1) as usize;
        for c in 0..k {
            check_dummy(names, &bands, c, count(c), n)?;
        }
        let fit = self.dummies.fit().map_err(|d| pr::fit_error(names, &bands, d))?;
        let items = names
            .iter()
            .enumerate()
            .map(|(j, name)| item_result(name, &fit, j, alpha, (count(2 * j), count(2 * j + 1))))
            .collect();
        Ok(PenaltyReward { items, bands, alpha, missing, n, r_squared: fit.r_squared })
    }

    /// Derived importance (the standardised coefficients of the complete cases) and performance
    /// (each item's mean answer rescaled to 0–100, over every answer).
    ///
    /// Errors: an answer off the scale → `InvalidArgument`; an item nobody answered, or the errors
    /// of [`CompleteCases::standardised`] → `InsufficientData`.
    pub fn importance(&self, names: &[String]) -> Result<Importance> {
        self.check_scale(names)?;
        let mut performance = Vec::with_capacity(names.len());
        for (j, name) in names.iter().enumerate() {
            if self.answered[j] == 0 {
                return Err(nobody_answered(name));
            }
            performance.push(self.options.scale.to_percent(self.sums[j] / self.answered[j] as f64));
        }
        let association = self.cases.standardised(names)?;
        let items = names
            .iter()
            .zip(association.values)
            .enumerate()
            .map(|(j, (item, importance))| ItemImportance {
                item: item.clone(),
                importance,
                performance: performance[j],
                answered: self.answered[j],
            })
            .collect();
        Ok(Importance { items, n: association.n })
    }

    /// The drivers table: penalty–reward, importance, performance and the quadrant of each item
    /// by the data-centred cross-hairs, or the first error of [`DriversTally::penalty_reward`]
    /// and [`DriversTally::importance`].
    pub fn finish(&self, names: &[String]) -> Result<Vec<DriverRow>> {
        let pr = self.penalty_reward(names)?;
        let imp = self.importance(names)?;
        let points: Vec<(f64, f64)> = imp.items.iter().map(|i| (i.importance, i.performance)).collect();
        let quadrants = ipa(&points, Crosshair::DataMeans)?.quadrants;
        Ok(pr
            .items
            .into_iter()
            .zip(imp.items)
            .zip(quadrants)
            .map(|((p, i), quadrant)| DriverRow {
                item: p.item,
                penalty: p.penalty,
                penalty_p: p.penalty_p,
                reward: p.reward,
                reward_p: p.reward_p,
                impact_asymmetry: p.impact_asymmetry,
                category: p.category,
                importance: i.importance,
                performance: i.performance,
                quadrant,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Four respondents in two parts give the figures of all four at once, off-scale answers
    // named by their place among all of them.
    #[test]
    fn parts_merge_into_the_whole() {
        let rows: Vec<(Vec<Option<f64>>, Option<f64>)> = (0..40)
            .map(|r| {
                let a = (r % 5 + 1) as f64;
                let b = ((r * 3) % 5 + 1) as f64;
                let y = a + (r % 3) as f64;
                (vec![Some(a), (r % 7 != 0).then_some(b)], (r % 11 != 0).then_some(y))
            })
            .collect();
        let options = PenaltyRewardOptions { missing: Missing::AsMiddle, ..Default::default() };
        let names = ["a".to_owned(), "b".to_owned()];
        let mut whole = DriversTally::new(2, &options);
        rows.iter().for_each(|(x, y)| whole.add(x, *y));
        let (mut head, mut tail) = (DriversTally::new(2, &options), DriversTally::new(2, &options));
        rows[..13].iter().for_each(|(x, y)| head.add(x, *y));
        rows[13..].iter().for_each(|(x, y)| tail.add(x, *y));
        head.merge(&tail);
        assert_eq!(head.finish(&names).unwrap(), whole.finish(&names).unwrap());
        let mut off = DriversTally::new(2, &options);
        off.merge(&head);
        let mut bad = DriversTally::new(2, &options);
        bad.add(&[Some(3.0), Some(6.0)], Some(1.0));
        off.merge(&bad);
        let e = off.finish(&names).unwrap_err().to_string();
        assert!(e.contains("item `b`, respondent 41"), "{e}");
    }
}
