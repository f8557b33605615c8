//! Several evaluators' visits of one hall side by side: section scores, and the items on which
//! their answers differ.

use super::{score_visit, VisitScore};
use crate::error::Result;
use crate::questionnaire::item::{DimensionId, ItemId, ItemKind};
use crate::questionnaire::Questionnaire;
use crate::response::{Response, ResponseId};
use crate::scoring::composite::item_score;
use crate::text::Text;
use serde::Serialize;

/// One visit in the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VisitColumn {
    /// The response.
    pub id: ResponseId,
    /// The evaluator (interviewer tag), if recorded.
    pub evaluator: Option<String>,
    /// When the visit started, as RFC 3339 text.
    pub started_at: String,
    /// Its score.
    pub score: VisitScore,
}

/// A section's score in each visit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionRow {
    /// The section.
    pub section: DimensionId,
    /// Its title.
    pub title: Text,
    /// Its score per visit, in visit order.
    pub scores: Vec<Option<f64>>,
    /// Highest minus lowest of the scores present (0 with fewer than two).
    pub spread: f64,
}

/// An item the evaluators answered differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// The item.
    pub item: ItemId,
    /// Its text.
    pub text: Text,
    /// Each visit's answer as a table cell (`yes`, `no`, `NA`, a number, empty when unanswered).
    pub answers: Vec<String>,
    /// Each visit's note on the item (empty when none).
    pub notes: Vec<String>,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The visits, in the order given.
    pub visits: Vec<VisitColumn>,
    /// Every section.
    pub sections: Vec<SectionRow>,
    /// The items on which the visits differ, in questionnaire order.
    pub disagreements: Vec<Disagreement>,
}

/// Compares `visits` to checklist `q`. Yes/no/N/A items differ when the answers differ; a number
/// item (minutes waited) differs when its 0–100 scores differ by more than `number_tolerance`
/// points — two stopwatches never agree to the second.
pub fn compare_visits(q: &Questionnaire, visits: &[&Response], number_tolerance: f64) -> Result<Comparison> {
    let columns: Vec<VisitColumn> = visits
        .iter()
        .map(|v| {
            Ok(VisitColumn {
                id: v.id,
                evaluator: v.tags.interviewer.as_ref().map(ToString::to_string),
                started_at: v.started_at.to_rfc3339(),
                score: score_visit(q, v)?,
            })
        })
        .collect::<Result<_>>()?;
    let sections = q
        .dimensions
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let scores: Vec<Option<f64>> =
                columns.iter().map(|c| c.score.sections.get(k).and_then(|s| s.1)).collect();
            let present: Vec<f64> = scores.iter().flatten().copied().collect();
            let spread = if present.len() < 2 {
                0.0
            } else {
                present.iter().copied().fold(f64::MIN, f64::max)
                    - present.iter().copied().fold(f64::MAX, f64::min)
            };
            SectionRow { section: d.id.clone(), title: d.title.clone(), scores, spread }
        })
        .collect();
    let mut disagreements = Vec::new();
    for item in &q.items {
        let answers: Vec<Option<&crate::response::answer::Answer>> =
            visits.iter().map(|v| v.answer_of(&item.id)).collect();
        let differs = match item.kind {
            ItemKind::Number { .. } => {
                let present: Vec<f64> = answers.iter().filter_map(|a| item_score(q, item, *a)).collect();
                let (lo, hi) =
                    present.iter().fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(*x), hi.max(*x)));
                let some_unanswered = !present.is_empty() && present.len() < answers.len();
                some_unanswered || hi - lo > number_tolerance
            }
            _ => answers.windows(2).any(|w| w[0] != w[1]),
        };
        if differs && visits.len() > 1 {
            disagreements.push(Disagreement {
                item: item.id.clone(),
                text: item.text.clone(),
                answers: answers.iter().map(|a| a.map(|a| a.cell()).unwrap_or_default()).collect(),
                notes: visits.iter().map(|v| v.notes.get(&item.id).cloned().unwrap_or_default()).collect(),
            });
        }
    }
    Ok(Comparison { visits: columns, sections, disagreements })
}
