//! How many respondents put an attribute in each Kano category.

use serde::{Deserialize, Serialize};

use super::KanoCategory;

/// Counts of the six categories for one attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct KanoCounts {
    /// Attractive.
    pub a: u64,
    /// One-dimensional.
    pub o: u64,
    /// Must-be.
    pub m: u64,
    /// Indifferent.
    pub i: u64,
    /// Reverse.
    pub r: u64,
    /// Questionable.
    pub q: u64,
}

impl KanoCounts {
    /// Counts `times` more respondents in `category`.
    pub fn add_times(&mut self, category: KanoCategory, times: u64) {
        *self.slot(category) += times;
    }

    /// The count of `category`.
    pub fn get(&self, category: KanoCategory) -> u64 {
        match category {
            KanoCategory::A => self.a,
            KanoCategory::O => self.o,
            KanoCategory::M => self.m,
            KanoCategory::I => self.i,
            KanoCategory::R => self.r,
            KanoCategory::Q => self.q,
        }
    }

    /// The number of answers, Q and R included.
    pub fn n(&self) -> u64 {
        self.a + self.o + self.m + self.i + self.r + self.q
    }

    /// The largest of `candidates`; among equal counts the one listed first wins.
    pub(crate) fn largest_of(&self, candidates: &[KanoCategory]) -> KanoCategory {
        let mut best = candidates[0];
        for &c in &candidates[1..] {
            if self.get(c) > self.get(best) {
                best = c;
            }
        }
        best
    }

    /// The two largest of M, O, A, I, R (Q left out), larger first, equal counts ranked
    /// M, O, A, I, R. Used by the category strength, Fong's test and the `moai` rule.
    pub(crate) fn top_two(&self) -> (KanoCategory, KanoCategory) {
        const RANKED: [KanoCategory; 5] =
            [KanoCategory::M, KanoCategory::O, KanoCategory::A, KanoCategory::I, KanoCategory::R];
        let first = self.largest_of(&RANKED);
        let rest: Vec<KanoCategory> = RANKED.into_iter().filter(|&c| c != first).collect();
        (first, self.largest_of(&rest))
    }

    /// Category strength: (first − second)/N with first and second the two largest counts
    /// of M, O, A, I, R (Q left out) and N all answers, Q included; 0 when there are none.
    pub(crate) fn category_strength(&self) -> f64 {
        let n = self.n();
        if n == 0 {
            return 0.0;
        }
        let (first, second) = self.top_two();
        (self.get(first) - self.get(second)) as f64 / n as f64
    }

    fn slot(&mut self, category: KanoCategory) -> &mut u64 {
        match category {
            KanoCategory::A => &mut self.a,
            KanoCategory::O => &mut self.o,
            KanoCategory::M => &mut self.m,
            KanoCategory::I => &mut self.i,
            KanoCategory::R => &mut self.r,
            KanoCategory::Q => &mut self.q,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::kano::{EvaluationTable, KanoAnswer::*, KanoTally};

    #[test]
    fn counts_pairs_through_the_table() {
        // (1,5) O; (2,5) M; (1,3) A; (3,3) I; (5,1) R; (1,1) Q; (4,5) M
        let pairs = [
            (Like, Dislike),
            (Expect, Dislike),
            (Like, Neutral),
            (Neutral, Neutral),
            (Dislike, Like),
            (Like, Like),
            (LiveWith, Dislike),
        ];
        let mut tally = KanoTally::default();
        pairs.into_iter().for_each(|(f, d)| tally.add(f, d));
        let c = tally.counts(EvaluationTable::Standard);
        assert_eq!(c, KanoCounts { a: 1, o: 1, m: 2, i: 1, r: 1, q: 1 });
        assert_eq!(c.n(), 7);
    }

    #[test]
    fn top_two_breaks_ties_m_o_a_i_r_and_ignores_q() {
        let c = KanoCounts { a: 5, o: 5, m: 5, i: 5, r: 5, q: 9 };
        assert_eq!(c.top_two(), (KanoCategory::M, KanoCategory::O));
        let c = KanoCounts { a: 7, o: 2, m: 2, i: 7, r: 2, q: 0 };
        assert_eq!(c.top_two(), (KanoCategory::A, KanoCategory::I));
        let c = KanoCounts { r: 3, ..KanoCounts::default() };
        assert_eq!(c.top_two(), (KanoCategory::R, KanoCategory::M));
    }
}
