//! The satisfaction report of one questionnaire: each response's composite and dimension scores,
//! and the index overall and per dimension by group. The app and the CLI both show this.

use super::composite::{item_score, Renormalisation, ScoredResponse, WeightTree};
use super::drivers::Ratings;
use super::group::GroupBy;
use super::index::{by_group, GroupIndex, IndexOptions};
use super::weights::{WeightMethod, Weights};
use crate::error::{Error, Result};
use crate::questionnaire::item::{DimensionId, ItemId};
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::response::{Response, ResponseId, Status};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Where the weights of a report come from. The analyst picks; the weights used are exported with
/// the scores.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightSource {
    /// The weights stated in the questionnaire (default).
    #[default]
    Stated,
    /// Equal at each level of the tree.
    Equal,
    /// Dimension weights by a method (stated list, AHP matrix over the dimensions, or derived from
    /// the dimension scores' association with `overall`); items as stated within each dimension.
    Dimensions(WeightMethod),
    /// Item weights by a method over all scored items (stated list, AHP, or derived from the item
    /// scores' association with `overall`); a dimension weighs the sum of its items.
    Items(WeightMethod),
}

impl WeightSource {
    /// The weight tree for `q`; data-derived weights are computed from `scored` (the responses'
    /// item scores and `overall`). Returns the tree and, for a method, its details (AHP figures,
    /// warnings about clamped items).
    fn tree(
        &self,
        q: &Questionnaire,
        scored: &[(&Response, ScoredResponse)],
    ) -> Result<(WeightTree, Option<Weights>)> {
        let stated = WeightTree::stated(q)?;
        match self {
            WeightSource::Stated => Ok((stated, None)),
            WeightSource::Equal => Ok((WeightTree::equal(q)?, None)),
            WeightSource::Dimensions(method) => {
                let names: Vec<String> = stated.dimensions.iter().map(|d| d.id.to_string()).collect();
                let columns: Vec<Vec<Option<f64>>> = (0..names.len())
                    .map(|k| scored.iter().map(|(_, s)| stated.dimension_score(k, &s.scores)).collect())
                    .collect();
                let w = weights_by(method, q, scored, &names, &columns)?;
                Ok((stated.with_dimension_weights(&w.values)?, Some(w)))
            }
            WeightSource::Items(method) => {
                let names: Vec<String> = stated.items.iter().map(|i| i.id.to_string()).collect();
                let columns: Vec<Vec<Option<f64>>> =
                    (0..names.len()).map(|j| scored.iter().map(|(_, s)| s.scores[j]).collect()).collect();
                let w = weights_by(method, q, scored, &names, &columns)?;
                Ok((stated.with_item_weights(&w.values)?, Some(w)))
            }
        }
    }
}

/// Weights for the criteria `names` by `method`; derived methods relate `columns` to the
/// rescaled `overall` answers of the scored responses.
fn weights_by(
    method: &WeightMethod,
    q: &Questionnaire,
    scored: &[(&Response, ScoredResponse)],
    names: &[String],
    columns: &[Vec<Option<f64>>],
) -> Result<Weights> {
    let overall: Vec<Option<f64>> = match q.scoring.overall.as_ref().and_then(|id| q.item(id.as_str())) {
        Some(item) => scored.iter().map(|(r, _)| item_score(q, item, r.answer_of(&item.id))).collect(),
        None if matches!(method, WeightMethod::Derived(_)) => {
            return Err(Error::InvalidArgument {
                what: "derived weights".into(),
                reason: format!("questionnaire `{}` names no overall item to derive weights from", q.id),
            })
        }
        None => Vec::new(),
    };
    let ratings = match method {
        WeightMethod::Derived(_) => Some(Ratings::new(names, &overall, columns)?),
        _ => None,
    };
    Weights::from_method(method, names.len(), ratings.as_ref())
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
    /// The details of a weight method: AHP's λmax, CI and CR, warnings about clamped items.
    pub weight_details: Option<Weights>,
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
        let rule = options.renormalise.unwrap_or(q.scoring.renormalise);
        let group_by = options.group_by.unwrap_or(GroupBy::All);
        let reference = q.reference();
        let counted: Vec<&Response> = responses
            .iter()
            .filter(|r| {
                r.questionnaire == reference
                    && (r.status == Status::Complete
                        || (options.include_break_offs && r.status == Status::BreakOff))
            })
            .collect();
        // Item scores do not depend on the weights, only on the items of the tree, which are the
        // same for every source; score once with the stated tree.
        let stated = WeightTree::stated(q)?;
        let raw: Vec<(&Response, ScoredResponse)> =
            counted.iter().map(|r| (*r, ScoredResponse::new(q, &stated, r))).collect();
        let (tree, weight_details) = options.weights.tree(q, &raw)?;
        let scored: Vec<ResponseScore> = raw
            .into_iter()
            .map(|(r, s)| ResponseScore {
                id: r.id,
                group: group_by.key(r),
                composite: s.composite(&tree, rule),
                dimensions: (0..tree.dimensions.len()).map(|k| tree.dimension_score(k, &s.scores)).collect(),
                red_lines: s.red_lines,
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
            weight_details,
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

    #[test]
    fn ahp_weights_on_the_dimensions() {
        use crate::scoring::ahp::{AhpMethod, PairwiseMatrix};
        let q = Builtin::Hall.questionnaire();
        // A consistent matrix a_ij = w_i / w_j for w = (0.4, 0.3, 0.2, 0.1): its principal
        // eigenvector is w itself and λmax = n, so CR = 0.
        let w = [0.4, 0.3, 0.2, 0.1];
        let rows = (0..4).map(|i| (0..4).map(|j| w[i] / w[j]).collect()).collect();
        let matrix = PairwiseMatrix::new(rows).unwrap();
        let opts = ReportOptions {
            weights: WeightSource::Dimensions(WeightMethod::Ahp { matrix, method: AhpMethod::Eigenvector }),
            ..Default::default()
        };
        let mut r = response(&q, 1, "east", 5, Status::Complete); // guidance, counter, environment 100
        r.status = Status::Draft;
        r.submitted_at = None;
        r.answer(&q, "guide", Answer::Rating(1)).unwrap(); // guidance now (0 + 100 + 100)/3
        r.answer(&q, "kiosk_ease", Answer::Rating(1)).unwrap(); // self-service 0
        r.answer(&q, "kiosk_fit", Answer::Rating(1)).unwrap();
        r.status = Status::Complete;
        r.submitted_at = Some(r.started_at);
        let rep = Report::compute(&q, &[r], &opts).unwrap();
        let dims: Vec<f64> = rep.weights.dimensions.iter().map(|d| d.weight).collect();
        for (a, b) in dims.iter().zip(w) {
            assert!((a - b).abs() < 1e-9, "{dims:?}");
        }
        let details = rep.weight_details.unwrap();
        assert!(details.ahp.unwrap().cr.abs() < 1e-9);
        // Global renormalisation, everything answered: 0.4·(200/3) + 0.3·100 + 0.2·0 + 0.1·100.
        let expect = 0.4 * 200.0 / 3.0 + 30.0 + 10.0;
        assert!((rep.overall[0].summary.index.unwrap() - expect).abs() < 1e-9);
    }

    #[test]
    fn derived_item_weights_clamp_negative_items_with_a_warning() {
        let q = Builtin::Callback.questionnaire();
        let at = DateTime::parse_from_rfc3339("2026-11-02T09:00:00+08:00").unwrap();
        // timeliness and attitude rise with overall; informed falls with it.
        let data = [
            (1, 1, 5, 1),
            (2, 2, 4, 2),
            (3, 3, 3, 3),
            (4, 4, 2, 4),
            (5, 5, 1, 5),
            (4, 5, 2, 5),
            (2, 1, 4, 2),
        ];
        let rs: Vec<Response> = data
            .iter()
            .enumerate()
            .map(|(n, (t, a, i, o))| {
                let mut r = Response::start(
                    uuid::Uuid::from_u128(n as u128),
                    &q,
                    Channel::Callback,
                    Default::default(),
                    at,
                );
                r.answer(&q, "resolved", Answer::Yes).unwrap();
                for (id, x) in [("timeliness", t), ("attitude", a), ("informed", i), ("overall", o)] {
                    r.answer(&q, id, Answer::Rating(*x)).unwrap();
                }
                r.submit(&q, at).unwrap();
                r
            })
            .collect();
        use crate::scoring::weights::DerivedMethod;
        let opts = ReportOptions {
            weights: WeightSource::Items(WeightMethod::Derived(DerivedMethod::Correlation)),
            ..Default::default()
        };
        let rep = Report::compute(&q, &rs, &opts).unwrap();
        let products = rep.weights.item_products();
        assert_eq!(products[2], 0.0, "informed is clamped");
        assert!((products.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        let details = rep.weight_details.unwrap();
        assert_eq!(details.n, Some(7));
        assert!(details.warnings[0].contains("item `informed`"), "{:?}", details.warnings);
    }
}
