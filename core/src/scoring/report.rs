//! The satisfaction report of one questionnaire: each response's composite and dimension scores,
//! and the index overall and per dimension by group. The app and the CLI both show this.

use super::composite::{Renormalisation, ScoredResponse, WeightTree};
use super::group::GroupBy;
use super::index::{by_group, GroupIndex, IndexOptions};
use crate::error::Result;
use crate::questionnaire::item::{DimensionId, ItemId};
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::response::{Response, ResponseId, Status};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Where the weights of a report come from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightSource {
    /// The weights stated in the questionnaire (default).
    #[default]
    Stated,
    /// Equal at each level of the tree.
    Equal,
    /// Dimension weights given in dimension order (e.g. from AHP); items as stated within them.
    Dimensions(Vec<f64>),
    /// Overall item weights in the order of the scored items (e.g. derived from data).
    Items(Vec<f64>),
}

impl WeightSource {
    /// The weight tree for `q`.
    pub fn tree(&self, q: &Questionnaire) -> Result<WeightTree> {
        match self {
            WeightSource::Stated => WeightTree::stated(q),
            WeightSource::Equal => WeightTree::equal(q),
            WeightSource::Dimensions(w) => WeightTree::stated(q)?.with_dimension_weights(w),
            WeightSource::Items(w) => WeightTree::stated(q)?.with_item_weights(w),
        }
    }
}

/// Options of a report.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ReportOptions {
    /// Where the weights come from.
    pub weights: WeightSource,
    /// How N/A and missing items are handled; `None` takes the questionnaire's rule.
    pub renormalise: Option<Renormalisation>,
    /// Whether break-offs are scored with the complete responses (default: complete only).
    pub include_break_offs: bool,
    /// Confidence level and small-sample threshold.
    pub index: IndexOptions,
    /// The grouping of the index tables (default: one group, `all`).
    pub group_by: Option<GroupBy>,
}

/// One response as scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseScore {
    /// The response.
    pub id: ResponseId,
    /// Its group key.
    pub group: String,
    /// Its composite (0 when a red line was hit; `None` when no scored item is answered).
    pub composite: Option<f64>,
    /// Its score per dimension, in dimension order.
    pub dimensions: Vec<Option<f64>>,
    /// The red-line items it hit.
    pub red_lines: Vec<ItemId>,
}

/// The index tables of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionIndex {
    /// The dimension.
    pub dimension: DimensionId,
    /// Its title.
    pub title: Text,
    /// Its index per group.
    pub groups: Vec<GroupIndex>,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The questionnaire scored.
    pub questionnaire: QuestionnaireRef,
    /// How the index tables are grouped.
    pub group_by: GroupBy,
    /// The weights used (exported with the scores).
    pub weights: WeightTree,
    /// Where they came from.
    pub weight_source: WeightSource,
    /// The N/A rule used.
    pub renormalise: Renormalisation,
    /// Every scored response.
    pub responses: Vec<ResponseScore>,
    /// The index of the composites per group.
    pub overall: Vec<GroupIndex>,
    /// The index of each dimension per group.
    pub dimensions: Vec<DimensionIndex>,
    /// Responses left out: drafts, break-offs (unless included), other questionnaires or versions.
    pub left_out: usize,
}

impl Report {
    /// Scores `responses` to `q`.
    pub fn compute(q: &Questionnaire, responses: &[Response], options: &ReportOptions) -> Result<Report> {
        let tree = options.weights.tree(q)?;
        let rule = options.renormalise.unwrap_or(q.scoring.renormalise);
        let group_by = options.group_by.unwrap_or(GroupBy::All);
        let reference = q.reference();
        let counted = |r: &&Response| {
            r.questionnaire == reference
                && (r.status == Status::Complete
                    || (options.include_break_offs && r.status == Status::BreakOff))
        };
        let scored: Vec<ResponseScore> = responses
            .iter()
            .filter(counted)
            .map(|r| {
                let s = ScoredResponse::new(q, &tree, r);
                ResponseScore {
                    id: r.id,
                    group: group_by.key(r),
                    composite: s.composite(&tree, rule),
                    dimensions: (0..tree.dimensions.len())
                        .map(|k| tree.dimension_score(k, &s.scores))
                        .collect(),
                    red_lines: s.red_lines,
                }
            })
            .collect();
        let overall =
            by_group(scored.iter().filter_map(|s| Some((s.group.clone(), s.composite?))), &options.index);
        let dimensions = tree
            .dimensions
            .iter()
            .enumerate()
            .map(|(k, d)| DimensionIndex {
                dimension: d.id.clone(),
                title: q.dimension(d.id.as_str()).map(|d| d.title.clone()).unwrap_or_default(),
                groups: by_group(
                    scored.iter().filter_map(|s| Some((s.group.clone(), s.dimensions[k]?))),
                    &options.index,
                ),
            })
            .collect();
        Ok(Report {
            questionnaire: reference,
            group_by,
            weights: tree,
            weight_source: options.weights.clone(),
            renormalise: rule,
            left_out: responses.len() - scored.len(),
            responses: scored,
            overall,
            dimensions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::builtin::Builtin;
    use crate::response::answer::Answer;
    use crate::response::tags::TagKey;
    use crate::response::Channel;
    use chrono::DateTime;

    fn response(q: &Questionnaire, n: u128, hall: &str, rating: i32, status: Status) -> Response {
        let at = DateTime::parse_from_rfc3339("2026-11-02T09:00:00+08:00").unwrap();
        let mut r = Response::start(uuid::Uuid::from_u128(n), q, Channel::Hall, Default::default(), at);
        TagKey::Hall.set(&mut r.tags, hall).unwrap();
        for id in [
            "guide",
            "wait",
            "queue_fair",
            "courtesy",
            "speed",
            "right_first_time",
            "explained",
            "environment",
        ] {
            r.answer(q, id, Answer::Rating(rating)).unwrap();
        }
        r.status = status;
        if status != Status::Draft {
            r.submitted_at = Some(at);
        }
        r
    }

    #[test]
    fn report_by_hall_leaves_out_drafts_and_break_offs() {
        let q = Builtin::Hall.questionnaire();
        let rs = vec![
            response(&q, 1, "east", 5, Status::Complete), // 100
            response(&q, 2, "east", 3, Status::Complete), // 50
            response(&q, 3, "west", 4, Status::Complete), // 75
            response(&q, 4, "west", 1, Status::BreakOff),
            response(&q, 5, "west", 1, Status::Draft),
        ];
        let opts = ReportOptions { group_by: Some(GroupBy::Tag(TagKey::Hall)), ..Default::default() };
        let rep = Report::compute(&q, &rs, &opts).unwrap();
        assert_eq!(rep.left_out, 2);
        let rows: Vec<(&str, usize, Option<f64>)> =
            rep.overall.iter().map(|g| (g.group.as_str(), g.summary.n, g.summary.index)).collect();
        assert_eq!(rows, [("east", 2, Some(75.0)), ("west", 1, Some(75.0))]);
        // Self-service has no answers: no rows at all.
        assert!(rep.dimensions[2].groups.is_empty());
        let with = ReportOptions { include_break_offs: true, ..opts };
        let rep = Report::compute(&q, &rs, &with).unwrap();
        assert_eq!(rep.overall[1].summary.n, 2);
        assert_eq!(rep.overall[1].summary.index, Some(37.5)); // (75 + 0) / 2
    }
}
