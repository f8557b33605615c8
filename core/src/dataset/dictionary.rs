//! Interned text: each distinct tag value (hall, counter, …) or period key (month, week) is
//! stored once per dataset, and the rows hold its index.

use chrono::{DateTime, Datelike, FixedOffset};
use std::collections::HashMap;

/// Distinct values in the order first seen; rows refer to them by index.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    values: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl Dictionary {
    /// The index of `value`, adding it if it is new.
    pub(crate) fn intern(&mut self, value: &str) -> u32 {
        if let Some(&i) = self.index.get(value) {
            return i;
        }
        let i = u32::try_from(self.values.len()).expect("fewer than 2³² distinct values");
        self.values.push(value.into());
        self.index.insert(value.into(), i);
        i
    }

    /// The index of `value`, if it was seen.
    pub fn find(&self, value: &str) -> Option<u32> {
        self.index.get(value).copied()
    }

    /// The value at `index`.
    pub fn get(&self, index: u32) -> &str {
        &self.values[index as usize]
    }

    /// How many distinct values.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Every value, in the order first seen.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.values.iter().map(|v| &**v)
    }
}

/// The month and ISO-week keys of responses (`2026-11`, `2026-W45`, as
/// [`crate::scoring::group::GroupBy`] writes them), interned; each distinct calendar month or
/// week is formatted once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Periods {
    pub months: Dictionary,
    pub weeks: Dictionary,
    month_of: HashMap<(i32, u32), u32>,
    week_of: HashMap<(i32, u32), u32>,
}

impl Periods {
    /// The month and week indexes of a response given at `when` (its local date).
    pub fn of(&mut self, when: &DateTime<FixedOffset>) -> (u32, u32) {
        let date = when.naive_local().date();
        let month = match self.month_of.get(&(date.year(), date.month())) {
            Some(&m) => m,
            None => {
                // Spelt out: chrono's `%Y-%m` would bring its strftime parser into every wasm that
                // scores (the field app scores each visit through a dataset).
                let m = self.months.intern(&format!("{:04}-{:02}", date.year(), date.month()));
                self.month_of.insert((date.year(), date.month()), m);
                m
            }
        };
        let iso = date.iso_week();
        let week = match self.week_of.get(&(iso.year(), iso.week())) {
            Some(&w) => w,
            None => {
                let w = self.weeks.intern(&format!("{:04}-W{:02}", iso.year(), iso.week()));
                self.week_of.insert((iso.year(), iso.week()), w);
                w
            }
        };
        (month, week)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_once() {
        let mut d = Dictionary::default();
        assert_eq!((d.intern("城东"), d.intern("城西"), d.intern("城东")), (0, 1, 0));
        assert_eq!((d.get(1), d.find("城东"), d.find("x"), d.len()), ("城西", Some(0), None, 2));
        assert_eq!(d.iter().collect::<Vec<_>>(), ["城东", "城西"]);
    }

    #[test]
    fn local_month_and_iso_week() {
        let mut p = Periods::default();
        // 23:30 on 30 November at +08:00 is December in UTC; the local month counts (as GroupBy).
        let t = DateTime::parse_from_rfc3339("2026-11-30T23:30:00+08:00").unwrap();
        let (m, w) = p.of(&t);
        assert_eq!((p.months.get(m), p.weeks.get(w)), ("2026-11", "2026-W49"));
        // 1 January 2027 is a Friday: ISO week 53 of 2026.
        let t = DateTime::parse_from_rfc3339("2027-01-01T10:00:00+08:00").unwrap();
        let (m, w) = p.of(&t);
        assert_eq!((p.months.get(m), p.weeks.get(w)), ("2027-01", "2026-W53"));
        assert_eq!(p.of(&t), (m, w));
    }
}
