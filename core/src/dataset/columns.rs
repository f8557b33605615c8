//! The columns of a dataset: one vector per field with one entry per response, the item codes
//! (one byte per item and response), and a sparse side table for the answers that have no code.

use crate::questionnaire::item::ItemId;
use crate::response::answer::Answer;
use crate::response::disposition::Disposition;
#[cfg(doc)]
use crate::response::tags::TagKey;
use crate::response::tags::{BusinessType, CustomerClass, FREE_TAGS};
use crate::response::{Channel, Status};
use chrono::{DateTime, FixedOffset, TimeZone};
use std::collections::BTreeMap;

/// A tag column's entry for a response without that tag.
pub(crate) const NONE: u32 = u32::MAX;

/// A timestamp with the device's UTC offset in 16 bytes: seconds and nanoseconds of the instant
/// since the Unix epoch, and the offset in seconds. [`Stamp::NONE`] stands for no timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub secs: i64,
    pub nanos: u32,
    pub offset: i32,
}

impl Stamp {
    /// No timestamp (e.g. a draft's submission time).
    pub const NONE: Stamp = Stamp { secs: 0, nanos: u32::MAX, offset: 0 };

    /// The stamp of `t`, or [`Stamp::NONE`].
    pub fn of(t: Option<&DateTime<FixedOffset>>) -> Stamp {
        match t {
            Some(t) => Stamp {
                secs: t.timestamp(),
                nanos: t.timestamp_subsec_nanos(),
                offset: t.offset().local_minus_utc(),
            },
            None => Stamp::NONE,
        }
    }

    /// The timestamp back, with its offset.
    pub fn get(self) -> Option<DateTime<FixedOffset>> {
        if self.nanos == u32::MAX {
            return None;
        }
        FixedOffset::east_opt(self.offset)?.timestamp_opt(self.secs, self.nanos).single()
    }

    /// Days since 1970-01-01 of the local date (in the stamp's own offset).
    pub fn local_day(self) -> i64 {
        (self.secs + i64::from(self.offset)).div_euclid(86_400)
    }
}

/// Defines the per-response fields: a row struct and a struct of one vector per field.
macro_rules! meta_columns {
    ($($(#[$doc:meta])* $name:ident: $ty:ty,)*) => {
        /// One response's fields other than its answers.
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub(crate) struct Meta {
            $($(#[$doc])* pub $name: $ty,)*
        }

        /// The fields of every response, one vector each.
        #[derive(Debug, Clone, Default)]
        pub(crate) struct MetaColumns {
            $($(#[$doc])* pub $name: Vec<$ty>,)*
        }

        impl MetaColumns {
            pub fn push(&mut self, m: Meta) {
                $(self.$name.push(m.$name);)*
            }

            pub fn get(&self, i: usize) -> Meta {
                Meta { $($name: self.$name[i],)* }
            }

            pub fn set(&mut self, i: usize, m: Meta) {
                $(self.$name[i] = m.$name;)*
            }

            fn append(&mut self, other: &mut MetaColumns) {
                $(self.$name.append(&mut other.$name);)*
            }

            fn retain(&mut self, keep: &[bool]) {
                $(retain(&mut self.$name, keep);)*
            }

            fn permute(&mut self, order: &[u32]) {
                $(self.$name = order.iter().map(|&i| self.$name[i as usize]).collect();)*
            }
        }
    };
}

meta_columns! {
    /// The UUID.
    id: u128,
    /// The content hash (see `hash.rs`): equal copies have equal hashes.
    hash: u64,
    /// How far it got.
    status: Status,
    /// How it was collected.
    channel: Channel,
    /// Each free tag (in the order of [`TagKey::FREE`]) as an index into the dataset's dictionary
    /// of that tag, or [`NONE`].
    free: [u32; FREE_TAGS],
    /// Business type.
    business_type: Option<BusinessType>,
    /// Customer class.
    customer_class: Option<CustomerClass>,
    /// Call outcome.
    disposition: Option<Disposition>,
    /// When it was started.
    started: Stamp,
    /// When it was submitted or closed ([`Stamp::NONE`] for a draft).
    submitted: Stamp,
    /// The calendar month of submission (else start), local time, as an index into the months.
    month: u32,
    /// The ISO week likewise, as an index into the weeks.
    week: u32,
}

fn retain<T: Copy>(v: &mut Vec<T>, keep: &[bool]) {
    let mut k = keep.iter();
    v.retain(|_| *k.next().expect("one flag per row"));
}

/// What a response holds beyond its codes: answers without a one-byte code (text, numbers,
/// several choices, out-of-range points), answers to items its dataset's questionnaire does not
/// have (from a file's differing copy of it), and notes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Side {
    /// Answers by item index of the dataset's questionnaire, in item order.
    pub answers: Vec<(usize, Answer)>,
    /// Answers to items the questionnaire does not have.
    pub foreign: Vec<(ItemId, Answer)>,
    /// Notes per item.
    pub notes: BTreeMap<ItemId, String>,
}

impl Side {
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.foreign.is_empty() && self.notes.is_empty()
    }

    /// The side answer to item `index`, if there is one.
    pub fn answer(&self, index: usize) -> Option<&Answer> {
        self.answers.iter().find(|(i, _)| *i == index).map(|(_, a)| a)
    }
}

/// The rows of a dataset (or of a file being staged): fields, codes and side table.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rows {
    pub meta: MetaColumns,
    /// `codes[item][row]`, see `codes.rs`.
    pub codes: Vec<Vec<u8>>,
    /// Side entries by row.
    pub side: BTreeMap<u32, Side>,
}

impl Rows {
    /// No rows, for a questionnaire of `items` items.
    pub fn new(items: usize) -> Rows {
        Rows { meta: MetaColumns::default(), codes: vec![Vec::new(); items], side: BTreeMap::new() }
    }

    pub fn len(&self) -> usize {
        self.meta.id.len()
    }

    /// Appends a row.
    pub fn push(&mut self, meta: Meta, codes: &[u8], side: Side) {
        let row = self.len() as u32;
        self.meta.push(meta);
        for (column, code) in self.codes.iter_mut().zip(codes) {
            column.push(*code);
        }
        if !side.is_empty() {
            self.side.insert(row, side);
        }
    }

    /// Replaces row `row`.
    pub fn set(&mut self, row: usize, meta: Meta, codes: &[u8], side: Side) {
        self.meta.set(row, meta);
        for (column, code) in self.codes.iter_mut().zip(codes) {
            column[row] = *code;
        }
        if side.is_empty() {
            self.side.remove(&(row as u32));
        } else {
            self.side.insert(row as u32, side);
        }
    }

    /// Row `row`'s codes into `out`.
    pub fn codes_of(&self, row: usize, out: &mut Vec<u8>) {
        out.clear();
        out.extend(self.codes.iter().map(|c| c[row]));
    }

    /// Moves row `from` of `other` to the end of these rows.
    pub fn push_from(&mut self, other: &mut Rows, from: usize, codes: &mut Vec<u8>) {
        other.codes_of(from, codes);
        let side = other.side.remove(&(from as u32)).unwrap_or_default();
        self.push(other.meta.get(from), codes, side);
    }

    /// Replaces row `row` with row `from` of `other` (moved out of it).
    pub fn set_from(&mut self, row: usize, other: &mut Rows, from: usize, codes: &mut Vec<u8>) {
        other.codes_of(from, codes);
        let side = other.side.remove(&(from as u32)).unwrap_or_default();
        self.set(row, other.meta.get(from), codes, side);
    }

    /// Moves all rows of `other` to the end of these rows.
    pub fn append(&mut self, other: &mut Rows) {
        let base = self.len() as u32;
        self.meta.append(&mut other.meta);
        for (column, more) in self.codes.iter_mut().zip(&mut other.codes) {
            column.append(more);
        }
        self.side.extend(std::mem::take(&mut other.side).into_iter().map(|(row, s)| (base + row, s)));
    }

    /// Keeps the rows whose flag is set, in order.
    pub fn retain(&mut self, keep: &[bool]) {
        self.meta.retain(keep);
        for column in &mut self.codes {
            retain(column, keep);
        }
        let mut new_row = vec![u32::MAX; keep.len()];
        let mut next = 0;
        for (row, k) in keep.iter().enumerate() {
            if *k {
                new_row[row] = next;
                next += 1;
            }
        }
        self.side = std::mem::take(&mut self.side)
            .into_iter()
            .filter(|(row, _)| keep[*row as usize])
            .map(|(row, s)| (new_row[row as usize], s))
            .collect();
    }

    /// Reorders the rows: row `i` becomes the old row `order[i]`.
    pub fn permute(&mut self, order: &[u32]) {
        self.meta.permute(order);
        for column in &mut self.codes {
            *column = order.iter().map(|&i| column[i as usize]).collect();
        }
        let mut old = std::mem::take(&mut self.side);
        for (new, &from) in order.iter().enumerate() {
            if let Some(s) = old.remove(&from) {
                self.side.insert(new as u32, s);
            }
        }
    }

    /// Approximate heap bytes of the columns and codes (the side table is not counted).
    pub fn column_bytes(&self) -> usize {
        let per_row = std::mem::size_of::<Meta>() + self.codes.len();
        per_row * self.meta.id.capacity().max(self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: u128) -> Meta {
        Meta {
            id,
            hash: id as u64 * 7,
            status: Status::Complete,
            channel: Channel::Hall,
            free: std::array::from_fn(|k| if k == 1 { 0 } else { NONE }),
            business_type: None,
            customer_class: Some(CustomerClass::Residential),
            disposition: None,
            started: Stamp::NONE,
            submitted: Stamp::NONE,
            month: 0,
            week: 0,
        }
    }

    #[test]
    fn push_set_retain_and_permute_keep_rows_together() {
        let mut rows = Rows::new(2);
        let note = |t: &str| Side { notes: [(ItemId::new("a"), t.to_owned())].into(), ..Side::default() };
        rows.push(meta(1), &[1, 2], note("one"));
        rows.push(meta(2), &[3, 4], Side::default());
        rows.push(meta(3), &[5, 6], note("three"));
        rows.set(1, meta(20), &[7, 8], note("twenty"));
        assert_eq!(rows.codes, [vec![1, 7, 5], vec![2, 8, 6]]);
        rows.permute(&[2, 0, 1]);
        assert_eq!(rows.meta.id, [3, 1, 20]);
        assert_eq!(rows.side[&0].notes[&ItemId::new("a")], "three");
        rows.retain(&[false, true, true]);
        assert_eq!((rows.meta.id.clone(), rows.codes[0].clone()), (vec![1, 20], vec![1, 7]));
        assert_eq!(rows.side[&1].notes[&ItemId::new("a")], "twenty");
        assert_eq!(rows.meta.get(0).hash, 7);
    }

    #[test]
    fn stamps_round_trip_with_their_offset() {
        let t = DateTime::parse_from_rfc3339("2026-11-30T23:30:00.25+08:00").unwrap();
        let s = Stamp::of(Some(&t));
        assert_eq!(s.get(), Some(t));
        assert_eq!(s.get().unwrap().to_rfc3339(), t.to_rfc3339());
        // 23:30 local on 30 November: the local day, not the UTC one.
        let nov30 = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        assert_eq!(s.local_day(), (nov30 - epoch).num_days());
        assert_eq!(Stamp::of(None).get(), None);
    }
}
