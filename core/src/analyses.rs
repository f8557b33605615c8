//! The analyses of tidy files, as `manyi` runs them: rows read by [`crate::io::tidy`] fed to the
//! accumulators of the scoring modules, one row at a time. Kept here so the command line only
//! parses and prints.

use crate::error::{Error, Part, Result};
use crate::io::tidy::{KanoPairs, RatingRow};
use crate::questionnaire::item::ItemId;
use crate::scoring::composite::Renormalisation;
use crate::scoring::composite::WeightTree;
use crate::scoring::drivers::{DriverRow, DriversTally, PenaltyRewardOptions, Ratings};
use crate::scoring::group::NO_VALUE;
use crate::scoring::index::{by_group, GroupIndex, IndexOptions};
use crate::scoring::kano::{analyse_counts, analyse_pairs, KanoCounts, KanoOptions, KanoResult};
use crate::scoring::scale::Scale;

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
        Error::InsufficientData { figure, shortage, .. } => {
            Error::InsufficientData { figure, part: Part::Attribute(attribute.to_owned()), shortage }
        }
        other => other,
    }
}

/// Penalty–reward analysis, derived importance, performance and the IPA quadrant of each item
/// (see [`DriversTally::finish`]). `values[j][r]` is respondent `r`'s answer to item `j`, on the
/// options' scale; `overall[r]` his answer to overall, on its own scale (it is not rescaled).
pub fn drivers(
    items: &[String],
    overall: &[Option<f64>],
    values: &[Vec<Option<f64>>],
    options: &PenaltyRewardOptions,
) -> Result<Vec<DriverRow>> {
    let ratings = Ratings::new(items, overall, values)?;
    DriversTally::of(&ratings, options).finish(items)
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
