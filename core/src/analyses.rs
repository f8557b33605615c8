//! The analyses of tidy files, as `manyi` runs them: from rows read by [`crate::io::tidy`] to the
//! result rows of the scoring modules. Kept here so the command line only parses and prints.

use crate::error::{Error, Result};
use crate::io::tidy::{KanoPairs, RatingRow};
use crate::questionnaire::item::{ItemId, ItemKind};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::Response;
use crate::scoring::composite::Renormalisation;
use crate::scoring::composite::WeightTree;
use crate::scoring::drivers::{
    importance_performance, penalty_reward, PenaltyRewardOptions, QualityCategory, Ratings,
};
use crate::scoring::group::NO_VALUE;
use crate::scoring::index::{by_group, GroupIndex, IndexOptions};
use crate::scoring::ipa::{ipa, Crosshair, Quadrant};
use crate::scoring::kano::{analyse_counts, analyse_pairs, KanoCounts, KanoOptions, KanoResult};
use crate::scoring::scale::Scale;
use serde::Serialize;

/// The weighted index of tidy rating rows: each row's composite is the weighted mean of its
/// answered items rescaled to 0–100 (weights renormalised over the answered items); rows with no
/// answered item drop out. Grouped by the rows' group value (`all` when there is none).
pub fn index_of_ratings(
    rows: &[RatingRow],
    items: &[String],
    scale: Scale,
    weights: &[f64],
    options: &IndexOptions,
) -> Result<Vec<GroupIndex>> {
    let ids: Vec<ItemId> = items.iter().map(|i| ItemId::new(i.as_str())).collect();
    let tree = WeightTree::flat(&ids, weights)?;
    let composites = rows.iter().filter_map(|row| {
        let scores: Vec<Option<f64>> = row.values.iter().map(|v| v.map(|x| scale.to_percent(x))).collect();
        let group = match row.group.as_deref() {
            None => "all".to_owned(),
            Some("") => NO_VALUE.to_owned(),
            Some(g) => g.to_owned(),
        };
        Some((group, tree.composite(&scores, Renormalisation::Global)?))
    });
    Ok(by_group(composites, options))
}

/// The Kano figures of each attribute's answer pairs, in input order. An attribute whose rows
/// are all blank is an error naming it.
pub fn kano_of_pairs(pairs: &KanoPairs, options: &KanoOptions) -> Result<Vec<(String, KanoResult)>> {
    pairs
        .iter()
        .map(|(attribute, p)| {
            Ok((attribute.clone(), analyse_pairs(p, options).map_err(|e| named(attribute, e))?))
        })
        .collect()
}

/// The Kano figures of each attribute's counts, in input order.
pub fn kano_of_counts(
    counts: &[(String, KanoCounts)],
    options: &KanoOptions,
) -> Result<Vec<(String, KanoResult)>> {
    counts
        .iter()
        .map(|(attribute, c)| {
            Ok((attribute.clone(), analyse_counts(*c, options).map_err(|e| named(attribute, e))?))
        })
        .collect()
}

fn named(attribute: &str, e: Error) -> Error {
    match e {
        Error::InsufficientData { what, reason } => {
            Error::InsufficientData { what: format!("{what} of attribute `{attribute}`"), reason }
        }
        other => other,
    }
}

/// One item's row of `manyi drivers`.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DriverRow {
    /// The item.
    pub item: String,
    /// |β_low|.
    pub penalty: f64,
    /// p-value of β_low.
    pub penalty_p: f64,
    /// β_high.
    pub reward: f64,
    /// p-value of β_high.
    pub reward_p: f64,
    /// Impact asymmetry.
    pub impact_asymmetry: Option<f64>,
    /// Basic, performance, excitement or indifferent.
    pub category: QualityCategory,
    /// Derived importance (standardised regression coefficient).
    pub importance: f64,
    /// Mean answer rescaled to 0–100.
    pub performance: f64,
    /// Quadrant by the data-centred cross-hairs.
    pub quadrant: Quadrant,
}

/// Penalty–reward analysis, derived importance, performance and the IPA quadrant of each item.
/// `values[j][r]` is respondent `r`'s answer to item `j`.
pub fn drivers(
    items: &[String],
    overall: &[Option<f64>],
    values: &[Vec<Option<f64>>],
    options: &PenaltyRewardOptions,
) -> Result<Vec<DriverRow>> {
    let ratings = Ratings::new(items, overall, values)?;
    let pr = penalty_reward(&ratings, options)?;
    let imp = importance_performance(&ratings, options.scale)?;
    let points: Vec<(f64, f64)> = imp.items.iter().map(|i| (i.importance, i.performance)).collect();
    let quadrants = ipa(&points, Crosshair::DataMeans)?.quadrants;
    Ok(pr
        .items
        .into_iter()
        .zip(imp.items)
        .zip(quadrants)
        .map(|((p, i), quadrant)| DriverRow {
            item: p.item,
            penalty: p.penalty,
            penalty_p: p.penalty_p,
            reward: p.reward,
            reward_p: p.reward_p,
            impact_asymmetry: p.impact_asymmetry,
            category: p.category,
            importance: i.importance,
            performance: i.performance,
            quadrant,
        })
        .collect())
}

/// The Kano figures of each Kano pair of `q` answered in `responses` (items nobody answered are
/// left out), in questionnaire order.
pub fn kano_of_responses(
    q: &Questionnaire,
    responses: &[&Response],
    options: &KanoOptions,
) -> Result<Vec<(String, KanoResult)>> {
    let mut out = Vec::new();
    for item in q.items.iter().filter(|i| matches!(i.kind, ItemKind::KanoPair { .. })) {
        let pairs: Vec<_> = responses
            .iter()
            .filter_map(|r| match r.answer_of(&item.id) {
                Some(Answer::Kano(k)) => Some((k.functional, k.dysfunctional)),
                _ => None,
            })
            .collect();
        if !pairs.is_empty() {
            out.push((item.id.to_string(), analyse_pairs(&pairs, options)?));
        }
    }
    Ok(out)
}

/// The drivers of `overall` among the rating items of `q`'s dimensions that share the overall
/// item's scale, from `responses` (N/A and missing answers count as missing).
pub fn drivers_of_responses(
    q: &Questionnaire,
    responses: &[&Response],
    options: &PenaltyRewardOptions,
) -> Result<Vec<DriverRow>> {
    let overall_item = q.scoring.overall.as_ref().and_then(|id| q.item(id.as_str())).ok_or_else(|| {
        Error::InvalidArgument {
            what: format!("questionnaire `{}`", q.id),
            reason: "it names no overall item (scoring.overall), so there is nothing to explain".into(),
        }
    })?;
    let scale = q.rating_scale(overall_item).map(|s| s.scale());
    let items: Vec<&crate::questionnaire::item::Item> = q
        .items
        .iter()
        .filter(|i| i.dimension.is_some() && matches!(i.kind, ItemKind::Rating { .. }))
        .filter(|i| q.rating_scale(i).map(|s| s.scale()) == scale)
        .collect();
    let value = |r: &Response, id: &ItemId| match r.answer_of(id) {
        Some(Answer::Rating(x)) => Some(f64::from(*x)),
        _ => None,
    };
    let names: Vec<String> = items.iter().map(|i| i.id.to_string()).collect();
    let overall: Vec<Option<f64>> = responses.iter().map(|r| value(r, &overall_item.id)).collect();
    let values: Vec<Vec<Option<f64>>> =
        items.iter().map(|i| responses.iter().map(|r| value(r, &i.id)).collect()).collect();
    drivers(&names, &overall, &values, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(group: Option<&str>, values: &[Option<f64>]) -> RatingRow {
        RatingRow { line: 0, group: group.map(str::to_owned), values: values.to_vec() }
    }

    #[test]
    fn index_of_tidy_ratings_by_hand() {
        let items = ["a".to_owned(), "b".to_owned()];
        let rows = [
            row(Some("east"), &[Some(5.0), Some(3.0)]), // (100 + 50)/2 = 75 with equal weights
            row(Some("east"), &[Some(4.0), None]),      // 75
            row(Some("west"), &[None, None]),           // no composite
            row(Some(""), &[Some(1.0), Some(1.0)]),     // 0
        ];
        let g = index_of_ratings(&rows, &items, Scale::ONE_TO_FIVE, &[1.0, 1.0], &IndexOptions::default())
            .unwrap();
        let got: Vec<(&str, usize, Option<f64>)> =
            g.iter().map(|g| (g.group.as_str(), g.summary.n, g.summary.index)).collect();
        assert_eq!(got, [("(none)", 1, Some(0.0)), ("east", 2, Some(75.0))]);
        // Weights 3:1 → (3·100 + 50)/4 = 87.5 for the first row.
        let g =
            index_of_ratings(&rows[..1], &items, Scale::ONE_TO_FIVE, &[3.0, 1.0], &IndexOptions::default())
                .unwrap();
        assert_eq!(g[0].summary.index, Some(87.5));
    }

    #[test]
    fn blank_attribute_is_named() {
        let pairs: KanoPairs = vec![("e_invoice".to_owned(), vec![])];
        let e = kano_of_pairs(&pairs, &KanoOptions::default()).unwrap_err().to_string();
        assert!(e.contains("attribute `e_invoice`"), "{e}");
    }
}
