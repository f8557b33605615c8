//! Third-party evaluation (第三方测评 / 暗访): the score of one visit and the comparison of several
//! visits of a hall. Sections are the questionnaire's dimensions; N/A items drop out and the
//! weights within their section are renormalised; a red line scores the visit 0.

pub mod checklist;
pub mod compare;
pub mod kano_study;
pub mod stopwatch;
pub mod visits;

use crate::dataset::Dataset;
use crate::error::{Error, Result};
use crate::questionnaire::item::{DimensionId, ItemId};
use crate::questionnaire::Questionnaire;
use crate::response::Response;
use crate::scoring::composite::WeightTree;
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

/// Scores a visit to `q` (finished or not) with the questionnaire's stated weights and N/A rule,
/// as every response is scored ([`Dataset::scores`]).
pub fn score_visit(q: &Questionnaire, visit: &Response) -> Result<VisitScore> {
    let tree = WeightTree::stated(q)?;
    let ds = Dataset::from_responses(q, [visit]);
    let Some(score) = ds.scores(&tree, q.scoring.renormalise).pop() else {
        return Err(Error::InvalidArgument {
            what: format!("visit {}", visit.id),
            reason: format!("it answers {}, not {}", visit.questionnaire, q.reference()),
        });
    };
    Ok(VisitScore {
        total: score.composite,
        sections: tree.dimensions.iter().map(|d| d.id.clone()).zip(score.dimensions).collect(),
        red_lines: score.red_lines,
    })
}

#[cfg(test)]
mod tests;
