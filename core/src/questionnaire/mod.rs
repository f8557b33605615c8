//! Questionnaires: versioned data (JSON) with texts in zh-CN and English, dimensions with weights,
//! items of several kinds, and show-if conditions on earlier answers.

pub mod builtin;
pub mod condition;
pub mod item;
pub mod library;
pub mod surveyjs;
mod validate;

pub(crate) use validate::carries_weight;
pub use validate::Problem;

use crate::error::{Error, Result};
use crate::id::string_id;
use crate::response::answer::Answer;
use crate::scoring::composite::Renormalisation;
use crate::text::Text;
use item::{DimensionId, Item, ItemId, ItemKind, RatingScale, ScaleId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

string_id!(
    /// The stable id of a questionnaire, e.g. `hall`.
    QuestionnaireId
);

/// A questionnaire id and version: what a response was given to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    /// The questionnaire's id.
    pub id: QuestionnaireId,
    /// Its version.
    pub version: u32,
}

impl std::fmt::Display for QuestionnaireRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} v{}", self.id, self.version)
    }
}

/// Who fills the questionnaire in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The customer, e.g. on the hall tablet.
    SelfCompleted,
    /// An interviewer reads it and keys the answers in, e.g. a callback.
    Interviewer,
    /// An evaluator works through a checklist on a visit.
    Checklist,
}

/// A dimension (for a checklist: a section) with its stated weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Stable id.
    pub id: DimensionId,
    /// Its title.
    pub title: Text,
    /// Stated weight (≥ 0), normalised over the dimensions.
    #[serde(default = "default_weight")]
    pub weight: f64,
}

fn default_weight() -> f64 {
    1.0
}

/// How the questionnaire is scored.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringRules {
    /// How the weights of unanswered and N/A items are redistributed.
    #[serde(default)]
    pub renormalise: Renormalisation,
    /// The overall-satisfaction item that drivers and derived weights explain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<ItemId>,
}

/// A questionnaire. Load one with [`Questionnaire::from_json`], which validates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Stable id.
    pub id: QuestionnaireId,
    /// Version (≥ 1). A new version never changes how responses to an older one are read.
    pub version: u32,
    /// Who fills it in.
    pub mode: Mode,
    /// Its title.
    pub title: Text,
    /// An introduction shown (or read) first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// What an interviewer says before the questions (greeting, verification, …), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub script: Vec<Text>,
    /// The rating scales its items use, by name.
    #[serde(default)]
    pub scales: BTreeMap<ScaleId, RatingScale>,
    /// Dimensions (sections) with their weights.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// The items in the order they are asked.
    pub items: Vec<Item>,
    /// How it is scored.
    #[serde(default)]
    pub scoring: ScoringRules,
}

impl Questionnaire {
    /// Parses and validates a questionnaire from JSON; `source` names the file in error messages.
    pub fn from_json(json: &str, source: &str) -> Result<Self> {
        let q: Questionnaire = serde_json::from_str(json)
            .map_err(|e| Error::json_at(source, crate::error::JsonExpected::Questionnaire, &e))?;
        q.validate()?;
        Ok(q)
    }

    /// The questionnaire as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("questionnaires always serialise")
    }

    /// Its id and version.
    pub fn reference(&self) -> QuestionnaireRef {
        QuestionnaireRef { id: self.id.clone(), version: self.version }
    }

    /// Checks every rule and returns the first problem, naming the item.
    pub fn validate(&self) -> Result<()> {
        match self.problems().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Every rule the questionnaire breaks (empty when it is valid), for an editor to list.
    pub fn problems(&self) -> Vec<Error> {
        self.explain().iter().map(|p| p.to_error(self)).collect()
    }

    /// The same problems with the item at fault and what to do in both languages, for an
    /// editor's list.
    pub fn explain(&self) -> Vec<Problem> {
        validate::problems(self)
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id.as_str() == id)
    }

    /// The dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id.as_str() == id)
    }

    /// The rating scale of a rating item (0–10 for a recommend item).
    pub fn rating_scale(&self, item: &Item) -> Option<RatingScale> {
        match &item.kind {
            ItemKind::Rating { scale, .. } => self.scales.get(scale).cloned(),
            ItemKind::Recommend => Some(RatingScale { min: 0, max: 10, labels: Vec::new() }),
            _ => None,
        }
    }

    /// The points of a rating or recommend item's scale, lowest to highest, without copying the
    /// scale's labels: [`Questionnaire::rating_scale`] clones them, which costs dozens of
    /// allocations per answer when a million responses are scored or checked.
    pub fn rating_points(&self, item: &Item) -> Option<std::ops::RangeInclusive<i32>> {
        match &item.kind {
            ItemKind::Rating { scale, .. } => self.scales.get(scale).map(|s| s.points()),
            ItemKind::Recommend => Some(0..=10),
            _ => None,
        }
    }

    /// Whether `item` is shown, given the answers so far.
    pub fn is_shown<'a>(&self, item: &Item, answer_of: &impl Fn(&ItemId) -> Option<&'a Answer>) -> bool {
        item.show_if.as_ref().is_none_or(|c| c.holds(answer_of))
    }
}

#[cfg(test)]
mod tests;
