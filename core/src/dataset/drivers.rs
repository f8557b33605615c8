//! Penalty–reward analysis, derived importance and performance from the columns, in one pass:
//! the regression of `overall` on the band dummies is read from the cross products of the
//! dummies (O(k²) memory), the standardised coefficients from those of the complete cases'
//! points. The figures, rules and messages are those of [`crate::analyses::drivers_of_responses`].

use super::filter::{Filter, Selection};
use super::scorer::ItemValues;
use super::Dataset;
use crate::analyses::DriverRow;
use crate::error::{Error, Result};
use crate::questionnaire::item::ItemKind;
use crate::scoring::drivers::gram::Gram;
use crate::scoring::drivers::importance::{
    fit_error, item_constant, nobody_answered, overall_constant, CORRELATIONS, STANDARDISED,
};
use crate::scoring::drivers::penalty_reward::{self as pr, check_dummy, check_options, item_result};
use crate::scoring::drivers::{off_scale, Association, Missing, PenaltyRewardOptions, Ratings};
use crate::scoring::ipa::{ipa, Crosshair};

/// The respondents who answered `overall` and every item: cross products, and whether each
/// column varies (with its first value, for the message when it does not).
#[derive(Debug, Clone)]
pub(crate) struct CompleteCases {
    gram: Gram,
    first: Vec<f64>,
    varies: Vec<bool>,
    y_first: f64,
    y_varies: bool,
}

impl CompleteCases {
    pub fn new(items: usize) -> CompleteCases {
        CompleteCases {
            gram: Gram::new(items),
            first: Vec::new(),
            varies: vec![false; items],
            y_first: 0.0,
            y_varies: false,
        }
    }

    /// Adds a respondent's item values `x` and `overall` `y`.
    pub fn add(&mut self, x: &[f64], y: f64) {
        if self.gram.n() == 0 {
            self.first = x.to_vec();
            self.y_first = y;
        } else {
            for ((varies, first), v) in self.varies.iter_mut().zip(&self.first).zip(x) {
                *varies |= v != first;
            }
            self.y_varies |= y != self.y_first;
        }
        self.gram.add(x, y);
    }

    fn check(&self, what: &str, names: &[String]) -> Result<usize> {
        let n = self.gram.n();
        if n < 2 || !self.y_varies {
            return Err(overall_constant(what, n));
        }
        match self.varies.iter().position(|v| !v) {
            Some(j) => Err(item_constant(what, &names[j], n, self.first[j])),
            None => Ok(n),
        }
    }

    /// Standardised regression coefficients, as [`crate::scoring::drivers::standardised_coefficients`].
    pub fn standardised(&self, names: &[String]) -> Result<Association> {
        let n = self.check(STANDARDISED, names)?;
        let fit = self.gram.fit().map_err(|d| fit_error(STANDARDISED, names, d))?;
        let df = (n - 1) as f64;
        let sd_y = (self.gram.centred_square_y() / df).sqrt();
        let values = fit
            .slopes
            .iter()
            .enumerate()
            .map(|(j, b)| b * (self.gram.centred_square(j) / df).sqrt() / sd_y)
            .collect();
        Ok(Association { values, n })
    }

    /// Correlations with overall, as [`crate::scoring::drivers::correlations`].
    pub fn correlations(&self, names: &[String]) -> Result<Association> {
        let n = self.check(CORRELATIONS, names)?;
        let syy = self.gram.centred_square_y();
        let values = (0..names.len())
            .map(|j| self.gram.centred_cross_y(j) / (self.gram.centred_square(j) * syy).sqrt())
            .collect();
        Ok(Association { values, n })
    }
}

impl Dataset {
    /// Penalty–reward analysis, derived importance, performance and the IPA quadrant of each
    /// rating item of a dimension that shares the overall item's scale, over the scored
    /// responses (complete, and break-offs if included) that pass `filter`.
    pub fn drivers(
        &self,
        options: &PenaltyRewardOptions,
        include_break_offs: bool,
        filter: &Filter,
    ) -> Result<Vec<DriverRow>> {
        let q = self.questionnaire();
        let overall =
            q.scoring.overall.as_ref().and_then(|id| self.schema.index(id.as_str())).ok_or_else(|| {
                Error::InvalidArgument {
                    what: format!("questionnaire `{}`", q.id),
                    reason: "it names no overall item (scoring.overall), so there is nothing to explain"
                        .into(),
                }
            })?;
        let items: Vec<usize> = (0..q.items.len())
            .filter(|&i| i != overall && q.items[i].dimension.is_some())
            .filter(|&i| matches!(q.items[i].kind, ItemKind::Rating { .. }))
            .filter(|&i| q.rating_scale(&q.items[i]).map(|s| s.scale()) == Some(options.scale))
            .collect();
        let names: Vec<String> = items.iter().map(|&i| q.items[i].id.to_string()).collect();
        if items.is_empty() {
            Ratings::new(&names, &[], &[])?;
        }
        check_options(options)?;
        let PenaltyRewardOptions { scale, bands, alpha, missing } = *options;
        let k = items.len();
        let y_values = ItemValues::points(self, overall);
        let values: Vec<ItemValues> = items.iter().map(|&i| ItemValues::points(self, i)).collect();
        let selection = Selection::new(self, filter, include_break_offs);
        let mut regression = Gram::new(2 * k);
        let (mut y_first, mut y_varies) = (None, false);
        let mut cases = CompleteCases::new(k);
        let mut off: Vec<Option<(usize, f64)>> = vec![None; k];
        let (mut sums, mut answered) = (vec![0.0; k], vec![0usize; k]);
        let (mut x, mut present, mut ones) = (vec![0.0; k], vec![false; k], Vec::with_capacity(k));
        for (respondent, row) in (0..self.len()).filter(|&r| selection.scored(r)).enumerate() {
            for j in 0..k {
                let v = values[j].get(self, row);
                present[j] = v.is_some();
                if let Some(v) = v {
                    x[j] = v;
                    sums[j] += v;
                    answered[j] += 1;
                    if off[j].is_none() && !scale.contains(v) {
                        off[j] = Some((respondent, v));
                    }
                }
            }
            let Some(y) = y_values.get(self, row) else { continue };
            let complete = present.iter().all(|p| *p);
            if complete || missing == Missing::AsMiddle {
                ones.clear();
                for j in (0..k).filter(|&j| present[j]) {
                    if bands.low.contains(x[j]) {
                        ones.push(2 * j);
                    } else if bands.high.contains(x[j]) {
                        ones.push(2 * j + 1);
                    }
                }
                regression.add_dummies(&ones, y);
                y_varies |= y_first.is_some_and(|f| f != y);
                y_first.get_or_insert(y);
            }
            if complete {
                cases.add(&x, y);
            }
        }
        if let Some((j, (r, v))) = off.iter().enumerate().find_map(|(j, o)| o.map(|o| (j, o))) {
            return Err(off_scale(&names[j], r, v, scale));
        }
        let n = regression.n();
        if n <= 2 * k + 1 {
            return Err(pr::too_few(n, 2 * k));
        }
        if !y_varies {
            return Err(pr::nothing_to_explain(n, y_first.unwrap_or_default()));
        }
        let count = |c: usize| regression.cross(c + 1, c + 1) as usize;
        for c in 0..2 * k {
            check_dummy(&names, &bands, c, count(c), n)?;
        }
        let fit = regression.fit().map_err(|d| pr::fit_error(&names, &bands, d))?;
        let mut performance = Vec::with_capacity(k);
        for j in 0..k {
            if answered[j] == 0 {
                return Err(nobody_answered(&names[j]));
            }
            performance.push(scale.to_percent(sums[j] / answered[j] as f64));
        }
        let importance = cases.standardised(&names)?;
        let points: Vec<(f64, f64)> =
            importance.values.iter().copied().zip(performance.iter().copied()).collect();
        let quadrants = ipa(&points, Crosshair::DataMeans)?.quadrants;
        Ok((0..k)
            .map(|j| {
                let p = item_result(&names[j], &fit, j, alpha, (count(2 * j), count(2 * j + 1)));
                DriverRow {
                    item: p.item,
                    penalty: p.penalty,
                    penalty_p: p.penalty_p,
                    reward: p.reward,
                    reward_p: p.reward_p,
                    impact_asymmetry: p.impact_asymmetry,
                    category: p.category,
                    importance: importance.values[j],
                    performance: performance[j],
                    quadrant: quadrants[j],
                }
            })
            .collect())
    }
}
