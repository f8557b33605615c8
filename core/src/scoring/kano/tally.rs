//! The accumulator of the Kano table: how many respondents gave each of the 25 answer pairs of
//! an attribute, added one at a time and merged, then classified by an evaluation table.

use super::{analyse_counts, EvaluationTable, KanoAnswer, KanoCounts, KanoOptions, KanoResult};
use crate::Result;

/// How many respondents gave each (functional, dysfunctional) answer pair for one attribute.
/// The category counts, the class and every figure of [`KanoResult`] — the DuMouchel means
/// included (sums of whole scores, so exact) — are read from it by any evaluation table.
///
/// ```
/// use manyi_core::scoring::kano::{EvaluationTable, KanoAnswer::*, KanoOptions, KanoTally};
///
/// let mut tally = KanoTally::default();
/// tally.add(Like, Dislike); // O
/// tally.add(Expect, Expect); // I, or Q by the Pouliot table
/// let standard = tally.finish(&KanoOptions::default())?;
/// assert_eq!((standard.counts.o, standard.counts.i, standard.counts.q), (1, 1, 0));
/// let pouliot = tally.finish(&KanoOptions { table: EvaluationTable::Pouliot, ..Default::default() })?;
/// assert_eq!((pouliot.counts.i, pouliot.counts.q), (0, 1));
/// // DuMouchel: functional (4 + 2)/2, dysfunctional (4 − 1)/2.
/// assert_eq!((pouliot.functional_mean, pouliot.dysfunctional_mean), (Some(3.0), Some(1.5)));
/// # Ok::<(), manyi_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KanoTally {
    /// `pairs[5·(f − 1) + (d − 1)]` for functional answer f and dysfunctional answer d.
    pairs: [u64; 25],
}

impl KanoTally {
    /// Adds one respondent's answer pair.
    #[inline]
    pub fn add(&mut self, functional: KanoAnswer, dysfunctional: KanoAnswer) {
        self.pairs[cell(functional, dysfunctional)] += 1;
    }

    /// Adds the respondents `other` was given.
    pub fn merge(&mut self, other: &KanoTally) {
        self.pairs.iter_mut().zip(&other.pairs).for_each(|(a, b)| *a += b);
    }

    /// Respondents added.
    pub fn n(&self) -> u64 {
        self.pairs.iter().sum()
    }

    /// The category counts under `table`.
    pub fn counts(&self, table: EvaluationTable) -> KanoCounts {
        let mut counts = KanoCounts::default();
        for (f, d, times) in self.cells() {
            counts.add_times(table.classify(f, d), times);
        }
        counts
    }

    /// Every figure of the attribute under `options` (see [`analyse_counts`]), with the
    /// DuMouchel means over all pairs, Q and R included.
    ///
    /// # Errors
    /// [`crate::Error::InsufficientData`] when nothing was added; [`crate::Error::InvalidArgument`]
    /// for a `moai` threshold outside 0–1.
    pub fn finish(&self, options: &KanoOptions) -> Result<KanoResult> {
        let mut result = analyse_counts(self.counts(options.table), options)?;
        let n = self.n() as f64;
        let (mut functional, mut dysfunctional) = (0.0, 0.0);
        for (f, d, times) in self.cells() {
            functional += times as f64 * f.functional_score();
            dysfunctional += times as f64 * d.dysfunctional_score();
        }
        result.functional_mean = Some(functional / n);
        result.dysfunctional_mean = Some(dysfunctional / n);
        Ok(result)
    }

    /// The pairs given at least once, with how often.
    fn cells(&self) -> impl Iterator<Item = (KanoAnswer, KanoAnswer, u64)> + '_ {
        self.pairs
            .iter()
            .enumerate()
            .filter(|(_, times)| **times > 0)
            .map(|(c, times)| (KanoAnswer::ALL[c / 5], KanoAnswer::ALL[c % 5], *times))
    }
}

fn cell(functional: KanoAnswer, dysfunctional: KanoAnswer) -> usize {
    5 * usize::from(functional.code() - 1) + usize::from(dysfunctional.code() - 1)
}
