//! The drivers from the columns: each scored row's answers to the rating items and to `overall`
//! added to a [`DriversTally`], in one pass.

use super::filter::{Filter, Selection};
use super::scorer::ItemValues;
use super::Dataset;
use crate::error::{Error, Result};
use crate::questionnaire::item::ItemKind;
use crate::scoring::drivers::{DriverRow, DriversTally, PenaltyRewardOptions};

impl Dataset {
    /// Penalty–reward analysis, derived importance, performance and the IPA quadrant of each
    /// rating item of a dimension on the options' scale (the bands' scale), explaining the
    /// questionnaire's overall item on its own scale (e.g. 0–10 with items on 1–5), over the
    /// scored responses (complete, and break-offs if included) that pass `filter`.
    pub fn drivers(
        &self,
        options: &PenaltyRewardOptions,
        include_break_offs: bool,
        filter: &Filter,
    ) -> Result<Vec<DriverRow>> {
        let q = self.questionnaire();
        let overall =
            q.scoring.overall.as_ref().and_then(|id| self.schema.index(id.as_str())).ok_or_else(|| {
                Error::InvalidArgument {
                    what: format!("questionnaire `{}`", q.id),
                    reason: "it names no overall item (scoring.overall), so there is nothing to explain"
                        .into(),
                }
            })?;
        let items: Vec<usize> = (0..q.items.len())
            .filter(|&i| i != overall && q.items[i].dimension.is_some())
            .filter(|&i| matches!(q.items[i].kind, ItemKind::Rating { .. }))
            .filter(|&i| q.rating_scale(&q.items[i]).map(|s| s.scale()) == Some(options.scale))
            .collect();
        let names: Vec<String> = items.iter().map(|&i| q.items[i].id.to_string()).collect();
        if items.is_empty() {
            let scale = options.scale;
            return Err(Error::InvalidArgument {
                what: format!("questionnaire `{}`", q.id),
                reason: format!(
                    "no rating item of a dimension is on the scale {}–{} of the drivers' bands; set \
                     the bands and their scale to the items' scale",
                    scale.min, scale.max
                ),
            });
        }
        let y = ItemValues::points(self, overall);
        let values: Vec<ItemValues> = items.iter().map(|&i| ItemValues::points(self, i)).collect();
        let selection = Selection::new(self, filter, include_break_offs);
        let mut tally = DriversTally::new(items.len(), options);
        let mut answers = vec![None; items.len()];
        for row in (0..self.len()).filter(|&r| selection.scored(r)) {
            for (a, v) in answers.iter_mut().zip(&values) {
                *a = v.get(self, row);
            }
            tally.add(&answers, y.get(self, row));
        }
        tally.finish(&names)
    }
}
