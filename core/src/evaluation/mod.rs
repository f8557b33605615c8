//! Third-party evaluation (第三方测评 / 暗访): the score of one visit and the comparison of several
//! visits of a hall. Sections are the questionnaire's dimensions; N/A items drop out and the
//! weights within their section are renormalised; a red line scores the visit 0.

pub mod checklist;
pub mod compare;
pub mod kano_study;
pub mod stopwatch;
pub mod visits;

use crate::error::Result;
use crate::questionnaire::item::{DimensionId, ItemId};
use crate::questionnaire::Questionnaire;
use crate::response::Response;
use crate::scoring::composite::{ScoredResponse, WeightTree};
use serde::Serialize;

/// The score of one visit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VisitScore {
    /// 0–100, or `None` when nothing scored was answered; 0 when a red line was hit.
    pub total: Option<f64>,
    /// Each section's score (the weighted mean of its answered items), in section order.
    pub sections: Vec<(DimensionId, Option<f64>)>,
    /// The red-line items hit.
    pub red_lines: Vec<ItemId>,
}

/// Scores a visit with the questionnaire's stated weights and N/A rule.
pub fn score_visit(q: &Questionnaire, visit: &Response) -> Result<VisitScore> {
    let tree = WeightTree::stated(q)?;
    let scored = ScoredResponse::new(q, &tree, visit);
    Ok(VisitScore {
        total: scored.composite(&tree, q.scoring.renormalise),
        sections: tree
            .dimensions
            .iter()
            .enumerate()
            .map(|(k, d)| (d.id.clone(), tree.dimension_score(k, &scored.scores)))
            .collect(),
        red_lines: scored.red_lines,
    })
}

#[cfg(test)]
mod tests;
