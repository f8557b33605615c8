//! Stable Manyi ids and choice codes from SurveyJS names and values.
//!
//! Manyi's ids and codes are lower-case ASCII letters, digits and `_`, starting with a letter
//! (`crate::id::is_machine_id`): they become the column names and cells of every export. A
//! SurveyJS name or value that already is one is kept; any other is derived the same way every
//! time: lower-cased, every run of other characters becomes one `_`, a leading digit gets the
//! prefix (`q` for ids, `v` for codes), a name with no ASCII letter or digit left becomes the
//! prefix and its position (`q3`, `v2`), and a clash gets `_2`, `_3` … in order.

use crate::id::is_machine_id;
use std::collections::HashSet;

/// The derived form of `raw` (before making it unique).
pub(super) fn derive(raw: &str, prefix: &str, position: usize) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in raw.trim().chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    if out.is_empty() {
        return format!("{prefix}{position}");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, prefix);
    }
    out
}

/// Ids given so far, so that every new one is unique.
#[derive(Debug, Default)]
pub(super) struct Taken(HashSet<String>);

impl Taken {
    /// Reserves `id` as it is (an id that must not be given again).
    pub(super) fn reserve(&mut self, id: &str) {
        self.0.insert(id.to_owned());
    }

    /// A unique id for `raw`: `raw` itself when it is a machine id not yet taken, otherwise the
    /// derived one. The second value says whether it differs from `raw`.
    pub(super) fn give(&mut self, raw: &str, prefix: &str, position: usize) -> (String, bool) {
        let base = if is_machine_id(raw) { raw.to_owned() } else { derive(raw, prefix, position) };
        let id = if self.0.contains(&base) {
            (2..).map(|n| format!("{base}_{n}")).find(|c| !self.0.contains(c)).expect("a free suffix")
        } else {
            base
        };
        self.0.insert(id.clone());
        let changed = id != raw;
        (id, changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids() {
        assert_eq!(derive("Q1", "q", 1), "q1");
        assert_eq!(derive("satisfaction-score", "q", 1), "satisfaction_score");
        assert_eq!(derive("  Item 1 ", "v", 1), "item_1");
        assert_eq!(derive("1", "v", 4), "v1");
        assert_eq!(derive("您的姓名", "q", 7), "q7");
        assert_eq!(derive("a__b", "q", 1), "a_b");
        assert_eq!(derive("_x", "q", 1), "x");
        let mut t = Taken::default();
        t.reserve("status");
        assert_eq!(t.give("nps", "q", 1), ("nps".to_owned(), false));
        assert_eq!(t.give("NPS", "q", 2), ("nps_2".to_owned(), true));
        assert_eq!(t.give("status", "q", 3), ("status_2".to_owned(), true));
    }
}
