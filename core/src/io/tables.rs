//! The score tables, with the column names the CLI documents and the exports share.

use super::table::{Cell, Table};
use crate::scoring::composite::WeightTree;
use crate::scoring::drivers::DriverRow;
use crate::scoring::index::GroupIndex;
use crate::scoring::kano::KanoResult;
use crate::scoring::nps::NpsResult;
use crate::scoring::report::DimensionIndex;

/// Columns of an index table.
pub const INDEX_COLUMNS: [&str; 7] = ["group", "n", "index", "se", "ci_low", "ci_high", "small_sample"];

fn index_cells(g: &GroupIndex) -> Vec<Cell> {
    let s = &g.summary;
    vec![
        g.group.as_str().into(),
        s.n.into(),
        s.index.into(),
        s.se.into(),
        s.ci_low.into(),
        s.ci_high.into(),
        s.small_sample.into(),
    ]
}

/// `group,n,index,se,ci_low,ci_high,small_sample`, one row per group.
pub fn index_table(groups: &[GroupIndex]) -> Table {
    let mut t = Table::new(INDEX_COLUMNS);
    for g in groups {
        t.push(index_cells(g));
    }
    t
}

/// The index overall and per dimension: `dimension` (`overall` for the composites' groups, then
/// each dimension's id for its groups) followed by the index columns.
pub fn index_table_of(overall: &[GroupIndex], dimensions: &[DimensionIndex]) -> Table {
    let mut t = Table::new(std::iter::once("dimension").chain(INDEX_COLUMNS));
    let rows = std::iter::once(("overall", overall))
        .chain(dimensions.iter().map(|d| (d.dimension.as_str(), d.groups.as_slice())));
    for (dimension, groups) in rows {
        for g in groups {
            t.push(std::iter::once(Cell::from(dimension)).chain(index_cells(g)).collect());
        }
    }
    t
}

/// The weights used: `dimension,dimension_weight,item,item_weight,weight` (weight = product).
pub fn weights_table(tree: &WeightTree) -> Table {
    let mut t = Table::new(["dimension", "dimension_weight", "item", "item_weight", "weight"]);
    for (item, product) in tree.items.iter().zip(tree.item_products()) {
        let d = &tree.dimensions[item.dimension];
        t.push(vec![
            d.id.as_str().into(),
            d.weight.into(),
            item.id.as_str().into(),
            item.weight.into(),
            product.into(),
        ]);
    }
    t
}

/// Columns of the Kano table.
pub const KANO_COLUMNS: [&str; 19] = [
    "attribute",
    "n",
    "A",
    "O",
    "M",
    "I",
    "R",
    "Q",
    "category",
    "mixed",
    "better",
    "worse",
    "total_strength",
    "category_strength",
    "fong_difference",
    "fong_critical",
    "fong_significant",
    "functional_mean",
    "dysfunctional_mean",
];

/// One row per attribute.
pub fn kano_table(results: &[(String, KanoResult)]) -> Table {
    let mut t = Table::new(KANO_COLUMNS);
    for (attribute, r) in results {
        let c = &r.counts;
        t.push(vec![
            attribute.as_str().into(),
            r.n.into(),
            c.a.into(),
            c.o.into(),
            c.m.into(),
            c.i.into(),
            c.r.into(),
            c.q.into(),
            r.category.to_string().into(),
            r.mixed.map_or(Cell::Empty, |(a, b)| format!("{a}/{b}").into()),
            r.better.into(),
            r.worse.into(),
            r.total_strength.into(),
            r.category_strength.into(),
            r.fong_difference.into(),
            r.fong_critical.into(),
            r.fong_significant.into(),
            r.functional_mean.into(),
            r.dysfunctional_mean.into(),
        ]);
    }
    t
}

/// `n,promoters,passives,detractors,nps,ci_low,ci_high`, one row.
pub fn nps_table(r: &NpsResult) -> Table {
    let mut t = Table::new(["n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high"]);
    t.push(vec![
        r.n.into(),
        r.promoters.into(),
        r.passives.into(),
        r.detractors.into(),
        r.nps.into(),
        r.ci_low.into(),
        r.ci_high.into(),
    ]);
    t
}

/// `item,penalty,penalty_p,reward,reward_p,impact_asymmetry,category,importance,performance,quadrant`.
pub fn drivers_table(rows: &[DriverRow]) -> Table {
    let mut t = Table::new([
        "item",
        "penalty",
        "penalty_p",
        "reward",
        "reward_p",
        "impact_asymmetry",
        "category",
        "importance",
        "performance",
        "quadrant",
    ]);
    for r in rows {
        t.push(vec![
            r.item.as_str().into(),
            r.penalty.into(),
            r.penalty_p.into(),
            r.reward.into(),
            r.reward_p.into(),
            r.impact_asymmetry.into(),
            code(&r.category).into(),
            r.importance.into(),
            r.performance.into(),
            code(&r.quadrant).into(),
        ]);
    }
    t
}

/// The serde code of a unit enum value (its snake_case name).
pub(crate) fn code(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::kano::{analyse_counts, KanoCounts, KanoOptions};

    #[test]
    fn kano_row_of_the_public_check() {
        let r = analyse_counts(KanoCounts { a: 41, o: 20, m: 6, i: 30, r: 2, q: 1 }, &KanoOptions::default())
            .unwrap();
        let t = kano_table(&[("x".to_owned(), r)]);
        let csv = String::from_utf8(t.to_csv(false)).unwrap();
        let row = csv.lines().nth(1).unwrap();
        assert!(row.starts_with("x,100,41,20,6,30,2,1,A,A/I,"), "{row}");
        assert!(csv.lines().next().unwrap().ends_with("fong_significant,functional_mean,dysfunctional_mean"));
        let f: Vec<&str> = row.split(',').collect();
        // Better 61/97, Worse −26/97, total strength 67/100, category strength (41 − 30)/100,
        // Fong 41 − 30 = 11 against 1.65·√(71·129/200) = 11.165881.
        let num = |i: usize| f[i].parse::<f64>().unwrap();
        assert!((num(10) - 61.0 / 97.0).abs() < 1e-15 && (num(11) + 26.0 / 97.0).abs() < 1e-15);
        assert!((num(12) - 0.67).abs() < 1e-15 && (num(13) - 0.11).abs() < 1e-15);
        assert_eq!((f[14], f[16], f[17], f[18]), ("11", "false", "", ""));
        assert!((num(15) - 11.165881).abs() < 1e-6);
    }
}
