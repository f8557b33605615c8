//! Reading numbers from the codes: per item, a table from code to value — the 0–100 score of
//! [`item_score`] or the raw point of a rating — built once per pass, and a row's composite and
//! dimension scores under a weight tree ([`WeightTree::composite`]).

use super::codes::SIDE;
use super::Dataset;
use crate::questionnaire::item::{ItemId, ItemKind};
use crate::response::answer::Answer;
use crate::scoring::composite::{item_score, Renormalisation, WeightTree};

/// What an item's values are.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// The 0–100 score.
    Score,
    /// The point of a rating answer (N/A and other answers are no value).
    Point,
}

/// The values of one item's codes.
#[derive(Debug, Clone)]
pub(crate) struct ItemValues {
    item: usize,
    kind: Kind,
    /// By code; NaN for no value.
    table: [f64; 256],
}

impl ItemValues {
    fn new(ds: &Dataset, item: usize, kind: Kind) -> ItemValues {
        let mut table = [f64::NAN; 256];
        for (code, value) in table.iter_mut().enumerate() {
            if let Some(a) = ds.schema.codings[item].decode(code as u8) {
                *value = value_of(ds, item, kind, &a).unwrap_or(f64::NAN);
            }
        }
        ItemValues { item, kind, table }
    }

    /// The 0–100 scores of item `item` of the dataset's questionnaire.
    pub fn scores(ds: &Dataset, item: usize) -> ItemValues {
        ItemValues::new(ds, item, Kind::Score)
    }

    /// The points of rating item `item`.
    pub fn points(ds: &Dataset, item: usize) -> ItemValues {
        ItemValues::new(ds, item, Kind::Point)
    }

    /// The value of row `row`.
    #[inline]
    pub fn get(&self, ds: &Dataset, row: usize) -> Option<f64> {
        match ds.rows.codes[self.item][row] {
            SIDE => {
                let answer = ds.rows.side.get(&(row as u32))?.answer(self.item)?;
                value_of(ds, self.item, self.kind, answer)
            }
            code => {
                let v = self.table[code as usize];
                (!v.is_nan()).then_some(v)
            }
        }
    }
}

fn value_of(ds: &Dataset, item: usize, kind: Kind, a: &Answer) -> Option<f64> {
    let q = &ds.schema.q;
    match (kind, a) {
        (Kind::Score, a) => item_score(q, &q.items[item], Some(a)),
        (Kind::Point, Answer::Rating(x)) => Some(f64::from(*x)),
        (Kind::Point, _) => None,
    }
}

/// A row's item scores, composite and dimension scores under a weight tree.
pub(crate) struct RowScorer<'a> {
    ds: &'a Dataset,
    tree: &'a WeightTree,
    rule: Renormalisation,
    /// Per item of the tree: its values, or `None` if the questionnaire has no such item.
    items: Vec<Option<ItemValues>>,
    /// The red-line items, by index.
    red_lines: Vec<usize>,
    /// The scores of the row read last, aligned with the tree's items.
    pub scores: Vec<Option<f64>>,
}

impl<'a> RowScorer<'a> {
    pub fn new(ds: &'a Dataset, tree: &'a WeightTree, rule: Renormalisation) -> RowScorer<'a> {
        let q = &ds.schema.q;
        let items = tree
            .items
            .iter()
            .map(|w| ds.schema.index(w.id.as_str()).map(|i| ItemValues::scores(ds, i)))
            .collect();
        let red_lines = (0..q.items.len())
            .filter(|&i| matches!(q.items[i].kind, ItemKind::YesNo { red_line: true, .. }))
            .collect();
        RowScorer { ds, tree, rule, items, red_lines, scores: vec![None; tree.items.len()] }
    }

    /// Reads row `row`'s item scores; returns whether it hit a red line.
    #[inline]
    pub fn read(&mut self, row: usize) -> bool {
        for (score, values) in self.scores.iter_mut().zip(&self.items) {
            *score = values.as_ref().and_then(|v| v.get(self.ds, row));
        }
        self.red_lines.iter().any(|&i| self.is_yes(i, row))
    }

    fn is_yes(&self, item: usize, row: usize) -> bool {
        match self.ds.rows.codes[item][row] {
            SIDE => self.ds.rows.side.get(&(row as u32)).and_then(|s| s.answer(item)) == Some(&Answer::Yes),
            code => self.ds.schema.codings[item].decode(code) == Some(Answer::Yes),
        }
    }

    /// The composite of the row read: 0 when it hit a red line.
    #[inline]
    pub fn composite(&self, red_line: bool) -> Option<f64> {
        if red_line {
            Some(0.0)
        } else {
            self.tree.composite(&self.scores, self.rule)
        }
    }

    /// How many dimensions the tree has.
    pub fn dimensions(&self) -> usize {
        self.tree.dimensions.len()
    }

    /// The score of dimension `k` of the row read.
    #[inline]
    pub fn dimension(&self, k: usize) -> Option<f64> {
        self.tree.dimension_score(k, &self.scores)
    }

    /// The red-line items row `row` hit, in questionnaire order.
    pub fn red_lines(&self, row: usize) -> Vec<ItemId> {
        let q = &self.ds.schema.q;
        self.red_lines.iter().filter(|&&i| self.is_yes(i, row)).map(|&i| q.items[i].id.clone()).collect()
    }
}
