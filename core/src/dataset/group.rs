//! Groups in a pass: each row's group under a grouping (a slot read from a column), and the index
//! tables made of each group's [`Moments`], keyed as [`GroupBy`] says.

use super::Dataset;
use crate::response::tags::{BusinessType, CustomerClass, TagKey, FREE_TAGS};
use crate::response::Channel;
use crate::scoring::group::{GroupBy, NO_VALUE};
use crate::scoring::index::{GroupIndex, IndexOptions};
use crate::scoring::moments::Moments;
use std::collections::BTreeMap;

/// Where a row's group is read from.
enum Column<'d> {
    One,
    /// A free tag's column: the tag's position in each row's free tags.
    Free(&'d [[u32; FREE_TAGS]], usize),
    Business(&'d [Option<BusinessType>]),
    Class(&'d [Option<CustomerClass>]),
    Channel(&'d [Channel]),
    Period(&'d [u32]),
}

/// The groups of one grouping.
pub(crate) struct Grouper<'d> {
    column: Column<'d>,
    /// The key of each slot; the last slot of a tag is "no value".
    keys: Vec<String>,
}

impl<'d> Grouper<'d> {
    pub fn new(ds: &'d Dataset, by: GroupBy) -> Grouper<'d> {
        let m = &ds.rows.meta;
        let with_none = |values: &mut dyn Iterator<Item = &str>| -> Vec<String> {
            values.map(str::to_owned).chain([NO_VALUE.to_owned()]).collect()
        };
        let (column, keys) = match by {
            GroupBy::All => (Column::One, vec!["all".to_owned()]),
            GroupBy::Questionnaire => (Column::One, vec![ds.reference().to_string()]),
            GroupBy::Tag(TagKey::BusinessType) => (
                Column::Business(&m.business_type),
                with_none(&mut BusinessType::ALL.iter().map(|b| b.code())),
            ),
            GroupBy::Tag(TagKey::CustomerClass) => (
                Column::Class(&m.customer_class),
                with_none(&mut CustomerClass::ALL.iter().map(|c| c.code())),
            ),
            GroupBy::Tag(tag) => {
                let k = tag.free_index().expect("a free tag");
                (Column::Free(&m.free, k), with_none(&mut ds.tags[k].iter()))
            }
            GroupBy::Channel => {
                (Column::Channel(&m.channel), Channel::ALL.iter().map(|c| c.code().to_owned()).collect())
            }
            GroupBy::Month => {
                (Column::Period(&m.month), ds.periods.months.iter().map(str::to_owned).collect())
            }
            GroupBy::Week => (Column::Period(&m.week), ds.periods.weeks.iter().map(str::to_owned).collect()),
        };
        Grouper { column, keys }
    }

    /// How many slots.
    pub fn slots(&self) -> usize {
        self.keys.len()
    }

    /// The slot of row `row`. (A coded enum's `as usize` is its position in `ALL`.)
    #[inline]
    pub fn slot(&self, row: usize) -> usize {
        let none = self.keys.len() - 1;
        match &self.column {
            Column::One => 0,
            Column::Free(c, k) => match c[row][*k] {
                super::columns::NONE => none,
                i => i as usize,
            },
            Column::Business(c) => c[row].map_or(none, |b| b as usize),
            Column::Class(c) => c[row].map_or(none, |b| b as usize),
            Column::Channel(c) => c[row] as usize,
            Column::Period(c) => c[row] as usize,
        }
    }

    /// The key of a slot.
    pub fn key(&self, slot: usize) -> &str {
        &self.keys[slot]
    }
}

impl Dataset {
    /// The keys of the groups of `by` that hold at least one row (whatever its status), sorted:
    /// the values a filter on `by` can offer, written as [`GroupBy`] says (`(none)`
    /// for rows without the tag).
    pub fn values(&self, by: GroupBy) -> Vec<String> {
        let grouper = Grouper::new(self, by);
        let mut seen = vec![false; grouper.slots()];
        for row in 0..self.len() {
            seen[grouper.slot(row)] = true;
        }
        let mut keys: Vec<String> =
            (0..seen.len()).filter(|&slot| seen[slot]).map(|slot| grouper.key(slot).to_owned()).collect();
        keys.sort();
        keys.dedup();
        keys
    }
}

/// The index per group of `moments[slot]`: groups with values only, in key order, groups of the
/// same key (a hall named `(none)` and responses without a hall) together.
pub(crate) fn groups(
    grouper: &Grouper,
    moments: impl Iterator<Item = Moments>,
    options: &IndexOptions,
) -> Vec<GroupIndex> {
    let mut by_key: BTreeMap<&str, Moments> = BTreeMap::new();
    for (slot, m) in moments.enumerate().filter(|(_, m)| m.n() > 0) {
        by_key.entry(grouper.key(slot)).or_default().merge(&m);
    }
    by_key
        .into_iter()
        .map(|(key, m)| GroupIndex { group: key.to_owned(), summary: m.summary(options) })
        .collect()
}
