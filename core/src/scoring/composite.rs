//! A respondent's composite: the weighted mean of his answered items on 0–100, with the weights of
//! N/A and missing items redistributed, and red-line items that score the whole response 0.

use crate::error::{Error, Result};
use crate::questionnaire::item::{DimensionId, Item, ItemId, ItemKind};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use serde::{Deserialize, Serialize};

/// How the weights of unanswered (N/A or missing) items are redistributed. The literature does
/// both; DOMAIN.md §3 names `Global` for the satisfaction index and, for checklists (§2.3 and the
/// evaluation issue), renormalisation within the section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Renormalisation {
    /// The products dimension weight × item weight are renormalised to sum to 1 over the items
    /// answered (default). A dimension with fewer answered items weighs less.
    #[default]
    Global,
    /// Item weights are renormalised within each dimension, then dimension weights over the
    /// dimensions with any answered item. A dimension keeps its weight while it has an answer.
    WithinDimension,
}

/// One dimension of a weight tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionWeight {
    /// The dimension.
    pub id: DimensionId,
    /// Its weight, normalised over the dimensions (sum 1).
    pub weight: f64,
}

/// One scored item of a weight tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemWeight {
    /// The item.
    pub id: ItemId,
    /// Index of its dimension in [`WeightTree::dimensions`].
    pub dimension: usize,
    /// Its weight within the dimension, normalised (sum 1 within each dimension).
    pub weight: f64,
}

/// Weights as a tree: dimension weights × item weights within the dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightTree {
    /// The dimensions, in questionnaire order.
    pub dimensions: Vec<DimensionWeight>,
    /// The scored items, in questionnaire order.
    pub items: Vec<ItemWeight>,
}

fn normalised(values: &[f64], what: &str) -> Result<Vec<f64>> {
    if values.iter().any(|w| !(w.is_finite() && *w >= 0.0)) {
        return Err(Error::InvalidArgument {
            what: what.into(),
            reason: "weights must be numbers ≥ 0".into(),
        });
    }
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        return Err(Error::InvalidArgument { what: what.into(), reason: "the weights are all 0".into() });
    }
    Ok(values.iter().map(|w| w / total).collect())
}

impl WeightTree {
    /// The weights stated in the questionnaire (dimension weights, item weights within them).
    pub fn stated(q: &Questionnaire) -> Result<Self> {
        Self::build(q, |d| d.weight, |i| i.weight)
    }

    /// Equal weights at each level: every dimension the same, every item the same within its dimension.
    pub fn equal(q: &Questionnaire) -> Result<Self> {
        Self::build(q, |_| 1.0, |_| 1.0)
    }

    fn build(
        q: &Questionnaire,
        dim_weight: impl Fn(&crate::questionnaire::Dimension) -> f64,
        item_weight: impl Fn(&Item) -> f64,
    ) -> Result<Self> {
        let dims: Vec<f64> = q.dimensions.iter().map(dim_weight).collect();
        let dim_norm = if dims.is_empty() { Vec::new() } else { normalised(&dims, "dimension weights")? };
        let dimensions = q
            .dimensions
            .iter()
            .zip(dim_norm)
            .map(|(d, weight)| DimensionWeight { id: d.id.clone(), weight })
            .collect();
        let mut items = Vec::new();
        for (k, d) in q.dimensions.iter().enumerate() {
            let members: Vec<&Item> = q
                .items
                .iter()
                .filter(|i| i.dimension.as_ref() == Some(&d.id) && crate::questionnaire::carries_weight(i))
                .collect();
            let raw: Vec<f64> = members.iter().map(|i| item_weight(i)).collect();
            let within = normalised(&raw, &format!("item weights of dimension `{}`", d.id))?;
            items.extend(members.iter().zip(within).map(|(i, weight)| ItemWeight {
                id: i.id.clone(),
                dimension: k,
                weight,
            }));
        }
        // Keep questionnaire order of items.
        items.sort_by_key(|w| q.items.iter().position(|i| i.id == w.id));
        Ok(WeightTree { dimensions, items })
    }

    /// A flat tree: one dimension `all` holding the items with the given weights (normalised).
    pub fn flat(items: &[ItemId], weights: &[f64]) -> Result<Self> {
        if items.len() != weights.len() {
            return Err(Error::InvalidArgument {
                what: "weights".into(),
                reason: format!("{} weights for {} items", weights.len(), items.len()),
            });
        }
        let w = normalised(weights, "item weights")?;
        Ok(WeightTree {
            dimensions: vec![DimensionWeight { id: DimensionId::new("all"), weight: 1.0 }],
            items: items
                .iter()
                .zip(w)
                .map(|(id, weight)| ItemWeight { id: id.clone(), dimension: 0, weight })
                .collect(),
        })
    }

    /// The same tree with other dimension weights (e.g. from AHP), given in dimension order.
    pub fn with_dimension_weights(mut self, weights: &[f64]) -> Result<Self> {
        if weights.len() != self.dimensions.len() {
            return Err(Error::InvalidArgument {
                what: "dimension weights".into(),
                reason: format!("{} weights for {} dimensions", weights.len(), self.dimensions.len()),
            });
        }
        for (d, w) in self.dimensions.iter_mut().zip(normalised(weights, "dimension weights")?) {
            d.weight = w;
        }
        Ok(self)
    }

    /// The same items with overall item weights (e.g. derived from data), given in item order:
    /// each dimension's weight becomes the sum of its items' weights.
    pub fn with_item_weights(mut self, weights: &[f64]) -> Result<Self> {
        if weights.len() != self.items.len() {
            return Err(Error::InvalidArgument {
                what: "item weights".into(),
                reason: format!("{} weights for {} items", weights.len(), self.items.len()),
            });
        }
        let w = normalised(weights, "item weights")?;
        for (k, d) in self.dimensions.iter_mut().enumerate() {
            d.weight = self.items.iter().zip(&w).filter(|(i, _)| i.dimension == k).map(|(_, w)| w).sum();
        }
        for (k, d) in self.dimensions.iter().enumerate() {
            for (item, wi) in self.items.iter_mut().zip(&w) {
                if item.dimension == k {
                    item.weight = if d.weight > 0.0 { wi / d.weight } else { 0.0 };
                }
            }
        }
        Ok(self)
    }

    /// Each item's overall weight, dimension weight × item weight (sum 1), in item order.
    pub fn item_products(&self) -> Vec<f64> {
        self.items.iter().map(|i| self.dimensions[i.dimension].weight * i.weight).collect()
    }

    /// The composite of one respondent from his 0–100 item scores (aligned with `items`; `None`
    /// for N/A or missing). `None` when no weighted item is answered.
    pub fn composite(&self, scores: &[Option<f64>], rule: Renormalisation) -> Option<f64> {
        match rule {
            Renormalisation::Global => {
                // The products as in `item_products`, without allocating them once per respondent.
                let products = self.items.iter().map(|i| self.dimensions[i.dimension].weight * i.weight);
                weighted_mean(products.zip(scores.iter().copied()))
            }
            Renormalisation::WithinDimension => weighted_mean(
                self.dimensions.iter().enumerate().map(|(k, d)| (d.weight, self.dimension_score(k, scores))),
            ),
        }
    }

    /// The score of dimension `k` for one respondent: the weighted mean of its answered items.
    pub fn dimension_score(&self, k: usize, scores: &[Option<f64>]) -> Option<f64> {
        weighted_mean(
            self.items.iter().zip(scores).filter(|(i, _)| i.dimension == k).map(|(i, s)| (i.weight, *s)),
        )
    }
}

/// Σ w·x / Σ w over the present values; `None` when nothing with a positive weight is present.
fn weighted_mean(pairs: impl Iterator<Item = (f64, Option<f64>)>) -> Option<f64> {
    let (mut sum, mut total) = (0.0, 0.0);
    for (w, x) in pairs {
        if let Some(x) = x {
            sum += w * x;
            total += w;
        }
    }
    (total > 0.0).then(|| sum / total)
}

/// The 0–100 score of one answer to a scored item; `None` for N/A, no answer, or an unscored kind.
pub fn item_score(q: &Questionnaire, item: &Item, answer: Option<&Answer>) -> Option<f64> {
    match (&item.kind, answer?) {
        (ItemKind::Rating { .. } | ItemKind::Recommend, Answer::Rating(x)) => {
            let points = q.rating_points(item)?;
            let scale = crate::scoring::scale::Scale {
                min: f64::from(*points.start()),
                max: f64::from(*points.end()),
            };
            Some(scale.to_percent(f64::from(*x)))
        }
        (ItemKind::YesNo { red_line: false, .. }, Answer::Yes) => Some(100.0),
        (ItemKind::YesNo { red_line: false, .. }, Answer::No) => Some(0.0),
        (ItemKind::Number { curve: Some(c), .. }, Answer::Number(x)) => Some(c.score(*x)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
