//! Where the weights come from, per questionnaire: the analyst's choice (equal, stated, AHP,
//! derived) with the AHP judgements, and the weights a questionnaire is actually scored with —
//! the choice, or the questionnaire's stated weights when the choice cannot apply to it (AHP
//! over fewer than two dimensions, derived weights without an overall item) or when AHP
//! judgements are inconsistent and the analyst has not said to use them anyway. Pure, tested
//! natively; the page says every fallback.

use manyi_core::questionnaire::Questionnaire;
use manyi_core::scoring::ahp::{AhpMethod, AhpResult, PairwiseMatrix};
use manyi_core::{Lang, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where the weights come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum WeightChoice {
    /// As stated in the questionnaire.
    #[default]
    Stated,
    /// Equal at each level.
    Equal,
    /// Dimension weights from the analyst's pairwise judgements.
    Ahp,
    /// Item weights from the items' association with `overall` (standardised regression).
    Derived,
}

impl WeightChoice {
    /// Every choice, in the order offered.
    pub const ALL: [WeightChoice; 4] =
        [WeightChoice::Equal, WeightChoice::Stated, WeightChoice::Ahp, WeightChoice::Derived];

    /// Its name on screen.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            WeightChoice::Equal => ("等权重", "Equal"),
            WeightChoice::Stated => ("问卷设定权重", "Stated"),
            WeightChoice::Ahp => ("层次分析法 AHP", "AHP"),
            WeightChoice::Derived => ("数据推导（回归）", "Derived (regression)"),
        };
        if lang == Lang::Zh {
            zh
        } else {
            en
        }
    }

    /// A stable code for the page's controls.
    pub fn code(self) -> &'static str {
        match self {
            WeightChoice::Equal => "equal",
            WeightChoice::Stated => "stated",
            WeightChoice::Ahp => "ahp",
            WeightChoice::Derived => "derived",
        }
    }
}

/// One pairwise judgement on Saaty's scale, as the analyst picks it: `k > 1` means the row
/// criterion is k times as important as the column one, `k < -1` the column |k| times the row,
/// 1 equal. Kept as an integer so that the editor's choices are exact.
pub type Judgement = i8;

/// The values offered for a judgement: 1/9 … 1/2, 1, 2 … 9.
pub const SAATY: [Judgement; 17] = [-9, -8, -7, -6, -5, -4, -3, -2, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/// A judgement's value in the matrix.
pub fn judgement_value(j: Judgement) -> f64 {
    if j < 0 {
        1.0 / f64::from(-j)
    } else {
        f64::from(j.max(1))
    }
}

/// A judgement as text: `3`, `1/3`.
pub fn judgement_text(j: Judgement) -> String {
    if j < 0 {
        format!("1/{}", -j)
    } else {
        j.max(1).to_string()
    }
}

/// The judgements of the upper triangle of an n × n matrix, row by row; missing pairs are equal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Judgements(pub BTreeMap<(usize, usize), Judgement>);

impl Judgements {
    /// The judgement of row `i` over column `j` (`i < j`).
    pub fn get(&self, i: usize, j: usize) -> Judgement {
        self.0.get(&(i, j)).copied().unwrap_or(1)
    }

    /// The reciprocal matrix of `n` criteria.
    pub fn matrix(&self, n: usize) -> Result<PairwiseMatrix> {
        let rows = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| match i.cmp(&j) {
                        std::cmp::Ordering::Equal => 1.0,
                        std::cmp::Ordering::Less => judgement_value(self.get(i, j)),
                        std::cmp::Ordering::Greater => 1.0 / judgement_value(self.get(j, i)),
                    })
                    .collect()
            })
            .collect();
        PairwiseMatrix::new(rows)
    }

    /// Core's AHP figures of the matrix (weights, λmax, CI, CR, consistency).
    pub fn analyse(&self, n: usize) -> Result<AhpResult> {
        self.matrix(n)?.analyse(AhpMethod::Eigenvector)
    }
}

/// Why a questionnaire is not scored with the weights chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fallback {
    /// AHP compares dimensions: the questionnaire has fewer than two.
    FewDimensions(usize),
    /// The AHP judgements are inconsistent (their CR), and the analyst has not said to use them.
    Inconsistent(f64),
    /// Derived weights explain the overall item: the questionnaire names none.
    NoOverall,
}

/// The weights a questionnaire is scored with.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightPlan {
    /// What the analyst chose.
    pub chosen: WeightChoice,
    /// What is used.
    pub used: WeightChoice,
    /// Why they differ, if they do.
    pub fallback: Option<Fallback>,
    /// AHP judgements used although inconsistent (their CR), at the analyst's word.
    pub inconsistent_used: Option<f64>,
}

/// The analyst's weights for one questionnaire.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Weighting {
    /// Where the weights come from.
    pub choice: WeightChoice,
    /// The AHP judgements over the questionnaire's dimensions.
    pub judgements: Judgements,
    /// The analyst said to use these judgements although they are inconsistent (reset when a
    /// judgement changes).
    pub use_inconsistent: bool,
}

impl Weighting {
    /// The weights `q` is scored with: the choice, or its stated weights when the choice cannot
    /// apply or is not yet confirmed.
    pub fn plan(&self, q: &Questionnaire) -> WeightPlan {
        let plan = |used, fallback, inconsistent_used| WeightPlan {
            chosen: self.choice,
            used,
            fallback,
            inconsistent_used,
        };
        match self.choice {
            WeightChoice::Ahp if q.dimensions.len() < 2 => {
                plan(WeightChoice::Stated, Some(Fallback::FewDimensions(q.dimensions.len())), None)
            }
            WeightChoice::Ahp => match self.judgements.analyse(q.dimensions.len()) {
                Ok(a) if !a.consistent && !self.use_inconsistent => {
                    plan(WeightChoice::Stated, Some(Fallback::Inconsistent(a.cr)), None)
                }
                Ok(a) if !a.consistent => plan(WeightChoice::Ahp, None, Some(a.cr)),
                _ => plan(WeightChoice::Ahp, None, None),
            },
            WeightChoice::Derived if q.scoring.overall.is_none() => {
                plan(WeightChoice::Stated, Some(Fallback::NoOverall), None)
            }
            choice => plan(choice, None, None),
        }
    }
}

/// The analyst's weights for each questionnaire version seen (by its reference, `hall v1`), so
/// that the weights of one never apply to another.
pub type KeptWeightings = BTreeMap<String, Weighting>;

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::questionnaire::builtin::Builtin;

    #[test]
    fn a_choice_that_cannot_apply_falls_back_to_the_stated_weights_and_says_why() {
        let (hall, kano) = (Builtin::Hall.questionnaire(), Builtin::Kano.questionnaire());
        let ahp = Weighting { choice: WeightChoice::Ahp, ..Weighting::default() };
        // The hall has four dimensions: equal judgements are consistent, AHP is used.
        assert_eq!(ahp.plan(&hall).used, WeightChoice::Ahp);
        let p = ahp.plan(&kano);
        assert_eq!(
            (p.used, p.fallback),
            (WeightChoice::Stated, Some(Fallback::FewDimensions(kano.dimensions.len())))
        );
        let derived = Weighting { choice: WeightChoice::Derived, ..Weighting::default() };
        assert_eq!(derived.plan(&kano).fallback, Some(Fallback::NoOverall));
        assert_eq!(derived.plan(&hall).used, WeightChoice::Derived);
    }

    #[test]
    fn inconsistent_judgements_wait_for_the_analysts_word() {
        let hall = Builtin::Hall.questionnaire();
        // a > b (9), b > c (9), but c > a (9).
        let judgements = Judgements([((0, 1), 9), ((1, 2), 9), ((0, 2), -9)].into_iter().collect());
        let mut w = Weighting { choice: WeightChoice::Ahp, judgements, use_inconsistent: false };
        let p = w.plan(&hall);
        assert_eq!(p.used, WeightChoice::Stated);
        let Some(Fallback::Inconsistent(cr)) = p.fallback else { panic!("{p:?}") };
        assert!(cr > 0.10, "{cr}");
        w.use_inconsistent = true;
        let p = w.plan(&hall);
        assert_eq!((p.used, p.fallback, p.inconsistent_used), (WeightChoice::Ahp, None, Some(cr)));
    }
}
