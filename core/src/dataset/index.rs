//! The satisfaction index from the columns, by any number of groupings in one pass: the figures
//! of [`crate::scoring::report::Report`] — each response's composite under a weight tree and
//! N/A rule, the index overall and per dimension with n, SE, Student-t interval and small-sample
//! flag — without a per-response record.

use super::drivers::CompleteCases;
use super::filter::{Filter, Selection};
use super::group::{groups, Grouper, Moments};
use super::scorer::{ItemValues, RowScorer};
use super::Dataset;
use crate::error::{Error, Result};
use crate::questionnaire::QuestionnaireRef;
use crate::scoring::composite::{Renormalisation, WeightTree};
use crate::scoring::drivers::Ratings;
use crate::scoring::group::GroupBy;
use crate::scoring::index::GroupIndex;
use crate::scoring::report::{DimensionIndex, ReportOptions, ResponseScore, WeightSource};
use crate::scoring::weights::{DerivedMethod, WeightMethod, Weights};
use serde::Serialize;

/// The index tables of one grouping.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexTable {
    /// The grouping.
    pub group_by: GroupBy,
    /// The index of the composites per group.
    pub overall: Vec<GroupIndex>,
    /// The index of each dimension per group.
    pub dimensions: Vec<DimensionIndex>,
}

/// The index of a dataset: what [`crate::scoring::report::Report`] holds but the per-response
/// scores, for several groupings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatasetIndex {
    /// The questionnaire scored.
    pub questionnaire: QuestionnaireRef,
    /// The weights used.
    pub weights: WeightTree,
    /// Where they came from.
    pub weight_source: WeightSource,
    /// The details of a weight method (AHP's consistency, warnings about clamped items).
    pub weight_details: Option<Weights>,
    /// The N/A rule used.
    pub renormalise: Renormalisation,
    /// Whether break-offs were scored.
    pub include_break_offs: bool,
    /// The filter applied.
    pub filter: Filter,
    /// Responses scored (with or without a composite).
    pub scored: usize,
    /// Responses that pass the filter but are not scored: drafts, and break-offs unless included.
    pub left_out: usize,
    /// One per grouping, in the order asked.
    pub tables: Vec<IndexTable>,
}

impl Dataset {
    /// The index by each of `groupings` (none: `options.group_by`, else one group `all`), of the
    /// responses that pass `filter`, weighted and counted as `options` say.
    pub fn index(
        &self,
        options: &ReportOptions,
        groupings: &[GroupBy],
        filter: &Filter,
    ) -> Result<DatasetIndex> {
        let q = self.questionnaire();
        let rule = options.renormalise.unwrap_or(q.scoring.renormalise);
        let selection = Selection::new(self, filter, options.include_break_offs);
        let (tree, weight_details) = self.weight_tree(&options.weights, &selection)?;
        let default = [options.group_by.unwrap_or(GroupBy::All)];
        let groupings = if groupings.is_empty() { &default[..] } else { groupings };
        let groupers: Vec<Grouper> = groupings.iter().map(|g| Grouper::new(self, *g)).collect();
        let width = 1 + tree.dimensions.len();
        let mut moments: Vec<Vec<Moments>> =
            groupers.iter().map(|g| vec![Moments::default(); g.slots() * width]).collect();
        let mut scorer = RowScorer::new(self, &tree, rule);
        let mut values: Vec<Option<f64>> = vec![None; width];
        let (mut scored, mut left_out) = (0, 0);
        for row in 0..self.len() {
            if !selection.shown(row) {
                continue;
            }
            if !selection.scored(row) {
                left_out += 1;
                continue;
            }
            scored += 1;
            let red_line = scorer.read(row);
            values[0] = scorer.composite(red_line);
            for (k, v) in values[1..].iter_mut().enumerate() {
                *v = scorer.dimension(k);
            }
            for (grouper, m) in groupers.iter().zip(&mut moments) {
                let at = grouper.slot(row) * width;
                for (k, v) in values.iter().enumerate() {
                    if let Some(v) = v {
                        m[at + k].add(*v);
                    }
                }
            }
        }
        let tables = groupers
            .iter()
            .zip(&moments)
            .zip(groupings)
            .map(|((grouper, m), group_by)| {
                let column = |k: usize| m.iter().skip(k).step_by(width).copied();
                IndexTable {
                    group_by: *group_by,
                    overall: groups(grouper, column(0), &options.index),
                    dimensions: tree
                        .dimensions
                        .iter()
                        .enumerate()
                        .map(|(k, d)| DimensionIndex {
                            dimension: d.id.clone(),
                            title: q.dimension(d.id.as_str()).map(|d| d.title.clone()).unwrap_or_default(),
                            groups: groups(grouper, column(k + 1), &options.index),
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(DatasetIndex {
            questionnaire: self.reference(),
            weights: tree,
            weight_source: options.weights.clone(),
            weight_details,
            renormalise: rule,
            include_break_offs: options.include_break_offs,
            filter: filter.clone(),
            scored,
            left_out,
            tables,
        })
    }

    /// Each scored response's score under `index` (as [`crate::scoring::report::Report`]'s
    /// `responses`), grouped by its table `table`. One record per response: for exports of
    /// modest size, such as `manyi score`'s JSON.
    pub fn response_scores(&self, index: &DatasetIndex, table: usize) -> Vec<ResponseScore> {
        let selection = Selection::new(self, &index.filter, index.include_break_offs);
        let grouper = Grouper::new(self, index.tables[table].group_by);
        let mut scorer = RowScorer::new(self, &index.weights, index.renormalise);
        (0..self.len())
            .filter(|&row| selection.scored(row))
            .map(|row| {
                let red_line = scorer.read(row);
                ResponseScore {
                    id: crate::response::ResponseId(uuid::Uuid::from_u128(self.rows.meta.id[row])),
                    group: grouper.key(grouper.slot(row)).to_owned(),
                    composite: scorer.composite(red_line),
                    dimensions: (0..index.weights.dimensions.len()).map(|k| scorer.dimension(k)).collect(),
                    red_lines: scorer.red_lines(row),
                }
            })
            .collect()
    }

    /// The weight tree from `source`, as [`crate::scoring::report::Report`] makes it; derived
    /// weights read the scored rows.
    fn weight_tree(
        &self,
        source: &WeightSource,
        selection: &Selection,
    ) -> Result<(WeightTree, Option<Weights>)> {
        let q = self.questionnaire();
        let stated = WeightTree::stated(q)?;
        let (method, dimensions) = match source {
            WeightSource::Stated => return Ok((stated, None)),
            WeightSource::Equal => return Ok((WeightTree::equal(q)?, None)),
            WeightSource::Dimensions(m) => (m, true),
            WeightSource::Items(m) => (m, false),
        };
        let names: Vec<String> = if dimensions {
            stated.dimensions.iter().map(|d| d.id.to_string()).collect()
        } else {
            stated.items.iter().map(|i| i.id.to_string()).collect()
        };
        let weights = match method {
            WeightMethod::Derived(derived) => {
                let association =
                    self.derived_association(&stated, dimensions, &names, *derived, selection)?;
                Weights::from_association(&names, &association, *derived)?
            }
            other => Weights::from_method(other, names.len(), None)?,
        };
        let tree = if dimensions {
            stated.with_dimension_weights(&weights.values)?
        } else {
            stated.with_item_weights(&weights.values)?
        };
        Ok((tree, Some(weights)))
    }

    /// The association of the stated tree's dimension (or item) scores with the rescaled overall
    /// answer, over the scored rows that have all of them.
    fn derived_association(
        &self,
        stated: &WeightTree,
        dimensions: bool,
        names: &[String],
        method: DerivedMethod,
        selection: &Selection,
    ) -> Result<crate::scoring::drivers::Association> {
        let q = self.questionnaire();
        let Some(overall) = q.scoring.overall.as_ref().and_then(|id| self.schema.index(id.as_str())) else {
            return Err(Error::InvalidArgument {
                what: "derived weights".into(),
                reason: format!("questionnaire `{}` names no overall item to derive weights from", q.id),
            });
        };
        if names.is_empty() {
            Ratings::new(names, &[], &[])?;
        }
        let overall = ItemValues::scores(self, overall);
        let mut scorer = RowScorer::new(self, stated, Renormalisation::Global);
        let mut cases = CompleteCases::new(names.len());
        let mut x = vec![0.0; names.len()];
        for row in (0..self.len()).filter(|&r| selection.scored(r)) {
            let Some(y) = overall.get(self, row) else { continue };
            scorer.read(row);
            let complete = (0..names.len()).all(|j| {
                let v = if dimensions { scorer.dimension(j) } else { scorer.scores[j] };
                v.map(|v| x[j] = v).is_some()
            });
            if complete {
                cases.add(&x, y);
            }
        }
        match method {
            DerivedMethod::StandardisedRegression => cases.standardised(names),
            DerivedMethod::Correlation => cases.correlations(names),
        }
    }
}
