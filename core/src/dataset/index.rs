//! The satisfaction index from the columns, by any number of groupings in one pass: each
//! scored row's composite and dimension scores under a weight tree and N/A rule, added to a
//! [`Moments`] per group and column, and the index overall and per dimension with n, SE,
//! Student-t interval and small-sample flag made of them — with no per-response record.

use super::filter::{Filter, Selection};
use super::group::{groups, Grouper};
use super::scorer::{ItemValues, RowScorer};
use super::Dataset;
use crate::error::{Error, Result};
use crate::response::ResponseId;
use crate::scoring::composite::{Renormalisation, WeightTree};
use crate::scoring::drivers::{Association, CompleteCases};
use crate::scoring::group::GroupBy;
use crate::scoring::moments::Moments;
use crate::scoring::report::{DimensionIndex, Index, IndexTable, ReportOptions, ResponseScore, WeightSource};
use crate::scoring::weights::{DerivedMethod, WeightMethod, Weights};

impl Dataset {
    /// The index by each of `groupings` (none: `options.group_by`, else one group `all`), of the
    /// responses that pass `filter`, weighted and counted as `options` say.
    pub fn index(&self, options: &ReportOptions, groupings: &[GroupBy], filter: &Filter) -> Result<Index> {
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
        Ok(Index {
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

    /// Each scored response's score under `index` (grouped by its table `table`), in row order.
    /// One record per response: for exports of modest size, such as `manyi score`'s JSON, and
    /// the kiosk's list of its responses.
    pub fn response_scores(&self, index: &Index, table: usize) -> Vec<ResponseScore> {
        let selection = Selection::new(self, &index.filter, index.include_break_offs);
        let grouper = Grouper::new(self, index.tables[table].group_by);
        let mut scorer = RowScorer::new(self, &index.weights, index.renormalise);
        (0..self.len())
            .filter(|&row| selection.scored(row))
            .map(|row| self.score_of(&mut scorer, row, grouper.key(grouper.slot(row)).to_owned()))
            .collect()
    }

    /// Every row's score under `weights` and `rule`, whatever its status (a draft being answered
    /// too), in row order, each in the group `all`: e.g. the live score of an evaluation visit.
    pub fn scores(&self, weights: &WeightTree, rule: Renormalisation) -> Vec<ResponseScore> {
        let mut scorer = RowScorer::new(self, weights, rule);
        (0..self.len()).map(|row| self.score_of(&mut scorer, row, "all".to_owned())).collect()
    }

    fn score_of(&self, scorer: &mut RowScorer, row: usize, group: String) -> ResponseScore {
        let red_line = scorer.read(row);
        ResponseScore {
            id: ResponseId(uuid::Uuid::from_u128(self.rows.meta.id[row])),
            group,
            composite: scorer.composite(red_line),
            dimensions: (0..scorer.dimensions()).map(|k| scorer.dimension(k)).collect(),
            red_lines: scorer.red_lines(row),
        }
    }

    /// The weight tree from `source`; derived weights read the scored rows.
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
    ) -> Result<Association> {
        let q = self.questionnaire();
        let Some(overall) = q.scoring.overall.as_ref().and_then(|id| self.schema.index(id.as_str())) else {
            return Err(Error::InvalidArgument {
                what: "derived weights".into(),
                reason: format!("questionnaire `{}` names no overall item to derive weights from", q.id),
            });
        };
        if names.is_empty() {
            return Err(Error::InvalidArgument {
                what: "derived weights".into(),
                reason: format!("questionnaire `{}` has nothing to weight", q.id),
            });
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
