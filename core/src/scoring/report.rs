//! The satisfaction index of one questionnaire version's responses: its options (where the
//! weights come from, the N/A rule, break-offs, the grouping) and its one result type,
//! [`Index`] — the weights used and the index overall and per dimension by each grouping asked,
//! computed in one pass by [`crate::dataset::Dataset::index`] (for responses in memory through
//! [`crate::dataset::Dataset::from_responses`]). Each response's own scores are read apart,
//! by [`crate::dataset::Dataset::response_scores`].

use super::composite::{Renormalisation, WeightTree};
use super::group::GroupBy;
use super::index::{GroupIndex, IndexOptions};
use super::weights::{WeightMethod, Weights};
use crate::dataset::Filter;
use crate::questionnaire::item::{DimensionId, ItemId};
use crate::questionnaire::QuestionnaireRef;
use crate::response::ResponseId;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// Where the weights of the index come from. The analyst picks; the weights used are exported
/// with the scores.
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

/// Options of the index.
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
    /// The grouping of the index when none is asked (default: one group, `all`).
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

/// The index tables of one grouping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexTable {
    /// The grouping.
    pub group_by: GroupBy,
    /// The index of the composites per group, in key order.
    pub overall: Vec<GroupIndex>,
    /// The index of each dimension per group, in dimension order.
    pub dimensions: Vec<DimensionIndex>,
}

/// The satisfaction index of a questionnaire version's responses: the weights used and, per
/// grouping asked, the index overall and per dimension by group (n, mean, SE, Student-t
/// interval, small-sample flag). Serialisable, so that a web worker can hand it to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// The questionnaire scored.
    pub questionnaire: QuestionnaireRef,
    /// The weights used (exported with the scores).
    pub weights: WeightTree,
    /// Where they came from.
    pub weight_source: WeightSource,
    /// The details of a weight method: AHP's λmax, CI and CR, warnings about clamped items.
    pub weight_details: Option<Weights>,
    /// The N/A rule used.
    pub renormalise: Renormalisation,
    /// Whether break-offs were scored.
    pub include_break_offs: bool,
    /// The filter applied.
    pub filter: Filter,
    /// Responses scored (with or without a composite).
    pub scored: usize,
    /// Responses left out: drafts, and break-offs unless included, among those that pass the
    /// filter (a caller with other questionnaires' responses adds those).
    pub left_out: usize,
    /// One per grouping, in the order asked.
    pub tables: Vec<IndexTable>,
}
