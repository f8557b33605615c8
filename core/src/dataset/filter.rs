//! Which responses a figure reads: by tag values, channel, status and date, compiled once per
//! pass into tests on the columns.

use super::columns::{Stamp, NONE};
use super::Dataset;
use crate::response::tags::{BusinessType, CustomerClass, TagKey, FREE_TAGS};
use crate::response::{Channel, Status};
use crate::scoring::group::NO_VALUE;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Responses whose tag has one of these values: hall names, counter or staff ids as written, or
/// the codes of business types and customer classes; `(none)` stands for responses without
/// the tag (as in the index tables).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagFilter {
    /// The tag.
    pub tag: TagKey,
    /// The values let through.
    pub values: Vec<String>,
}

/// Which responses to read. Every condition must hold; an empty list lets everything through.
/// Scoring also leaves out drafts, and break-offs unless the options include them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Filter {
    /// Only these channels.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Only these statuses.
    #[serde(default)]
    pub statuses: Vec<Status>,
    /// Only responses that pass each tag filter.
    #[serde(default)]
    pub tags: Vec<TagFilter>,
    /// Only responses submitted (else started) on or after this day, in the device's local time.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Only responses submitted (else started) on or before this day, likewise.
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

impl Dataset {
    /// The rows that pass `filter`, whatever their status, in order: e.g. to rebuild them with
    /// [`Dataset::response`] and write them out as a bundle.
    pub fn rows_passing(&self, filter: &Filter) -> impl Iterator<Item = usize> + '_ {
        let selection = Selection::new(self, filter, false);
        (0..self.len()).filter(move |&row| selection.shown(row))
    }
}

/// A tag filter as a test per dictionary index (or code, by its position in `ALL`) of the column.
enum TagTest<'d> {
    Free { column: &'d [[u32; FREE_TAGS]], k: usize, allowed: Vec<bool>, none: bool },
    Business { column: &'d [Option<BusinessType>], allowed: Vec<bool>, none: bool },
    Class { column: &'d [Option<CustomerClass>], allowed: Vec<bool>, none: bool },
}

/// A filter compiled for one dataset.
pub(crate) struct Selection<'d> {
    ds: &'d Dataset,
    channels: [bool; 6],
    statuses: [bool; 3],
    tags: Vec<TagTest<'d>>,
    days: Option<(i64, i64)>,
    include_break_offs: bool,
}

/// For each value of a coded enum's `ALL`, whether it is chosen (everything when none is).
trait Chosen<T> {
    fn map_chosen(&self, chosen: &[T]) -> Vec<bool>;
}

impl<T: PartialEq> Chosen<T> for [T] {
    fn map_chosen(&self, chosen: &[T]) -> Vec<bool> {
        self.iter().map(|a| chosen.is_empty() || chosen.contains(a)).collect()
    }
}

fn day(date: NaiveDate) -> i64 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date")).num_days()
}

impl<'d> Selection<'d> {
    pub fn new(ds: &'d Dataset, filter: &Filter, include_break_offs: bool) -> Selection<'d> {
        let channels = Channel::ALL.map_chosen(&filter.channels).try_into().expect("six channels");
        let statuses = Status::ALL.map_chosen(&filter.statuses).try_into().expect("three statuses");
        let tags = filter.tags.iter().map(|f| TagTest::new(ds, f)).collect();
        let days = (filter.from.is_some() || filter.to.is_some())
            .then(|| (filter.from.map_or(i64::MIN, day), filter.to.map_or(i64::MAX, day)));
        Selection { ds, channels, statuses, tags, days, include_break_offs }
    }

    /// Whether `row` passes the filter.
    pub fn shown(&self, row: usize) -> bool {
        let m = &self.ds.rows.meta;
        self.statuses[m.status[row] as usize]
            && self.channels[m.channel[row] as usize]
            && self.tags.iter().all(|t| t.passes(row))
            && self.days.is_none_or(|(from, to)| {
                let when = if m.submitted[row] == Stamp::NONE { m.started[row] } else { m.submitted[row] };
                (from..=to).contains(&when.local_day())
            })
    }

    /// Whether a row is scored: it passes the filter and is complete (or a break-off, included).
    pub fn scored(&self, row: usize) -> bool {
        let status = self.ds.rows.meta.status[row];
        (status == Status::Complete || (self.include_break_offs && status == Status::BreakOff))
            && self.shown(row)
    }
}

impl<'d> TagTest<'d> {
    fn new(ds: &'d Dataset, f: &TagFilter) -> TagTest<'d> {
        let none = f.values.iter().any(|v| v == NO_VALUE);
        let allowed =
            |codes: &mut dyn Iterator<Item = &str>| codes.map(|c| f.values.iter().any(|v| v == c)).collect();
        let m = &ds.rows.meta;
        match (f.tag.free_index(), f.tag) {
            (Some(k), _) => {
                TagTest::Free { column: &m.free, k, allowed: allowed(&mut ds.tags[k].iter()), none }
            }
            (None, TagKey::BusinessType) => {
                let codes = &mut BusinessType::ALL.iter().map(|b| b.code());
                TagTest::Business { column: &m.business_type, allowed: allowed(codes), none }
            }
            (None, _) => {
                let codes = &mut CustomerClass::ALL.iter().map(|c| c.code());
                TagTest::Class { column: &m.customer_class, allowed: allowed(codes), none }
            }
        }
    }

    fn passes(&self, row: usize) -> bool {
        // A coded enum's `as usize` is its position in `ALL` (the order of its declaration).
        match self {
            TagTest::Free { column, k, allowed, none } => match column[row][*k] {
                NONE => *none,
                i => allowed[i as usize],
            },
            TagTest::Business { column, allowed, none } => column[row].map_or(*none, |b| allowed[b as usize]),
            TagTest::Class { column, allowed, none } => column[row].map_or(*none, |c| allowed[c as usize]),
        }
    }
}
