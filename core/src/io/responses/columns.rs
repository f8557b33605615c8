//! The columns of a responses table read back, for one questionnaire: which item (or note) each
//! column holds, as [`super::ResponsesLayout`] named them.

use super::{META_COLUMNS, SCORE_COLUMNS};
use crate::error::{Error, Position, Result};
use crate::questionnaire::item::ItemKind;
use crate::questionnaire::Questionnaire;
use crate::response::tags::TagKey;

/// Where an item's answer is in the table.
#[derive(Debug, Clone, Copy)]
pub(super) enum Source {
    /// Its own column.
    Own(usize),
    /// The two columns of a Kano pair (either may be missing from the file).
    Pair(Option<usize>, Option<usize>),
    /// The column of the tag the item sets.
    Tag(TagKey),
}

/// The columns of the table for one questionnaire.
#[derive(Debug, Clone)]
pub(super) struct ColumnMap {
    /// The items that have a column, in questionnaire order.
    pub items: Vec<(usize, Source)>,
    /// The note column of items, by item index.
    pub notes: Vec<(usize, usize)>,
    /// The (first) column of each item, for errors.
    pub column_of: Vec<Option<usize>>,
}

impl ColumnMap {
    /// The layout of `headers` for `q`; every column must be metadata, a score, an item's or a
    /// note's.
    pub fn new(q: &Questionnaire, headers: &[String], source: &str) -> Result<ColumnMap> {
        let find = |name: &str| headers.iter().position(|h| h == name);
        let mut used: Vec<bool> = headers
            .iter()
            .map(|h| {
                h.is_empty() || META_COLUMNS.contains(&h.as_str()) || SCORE_COLUMNS.contains(&h.as_str())
            })
            .collect();
        let mut layout =
            ColumnMap { items: Vec::new(), notes: Vec::new(), column_of: vec![None; q.items.len()] };
        for (i, item) in q.items.iter().enumerate() {
            let id = item.id.as_str();
            let source = match (&item.kind, item.tag) {
                (_, Some(key)) => find(key.code()).map(|_| Source::Tag(key)),
                (ItemKind::KanoPair { .. }, None) => {
                    let (f, d) = (find(&format!("{id}_functional")), find(&format!("{id}_dysfunctional")));
                    f.or(d).map(|_| Source::Pair(f, d))
                }
                _ => find(id).map(Source::Own),
            };
            let Some(source) = source else { continue };
            let columns = match source {
                Source::Own(j) => vec![j],
                Source::Pair(f, d) => f.into_iter().chain(d).collect(),
                Source::Tag(key) => find(key.code()).into_iter().collect(),
            };
            columns.iter().for_each(|&j| used[j] = true);
            layout.column_of[i] = columns.first().copied();
            layout.items.push((i, source));
        }
        for (i, item) in q.items.iter().enumerate() {
            if let Some(j) = find(&format!("{}_note", item.id)).filter(|&j| !used[j]) {
                used[j] = true;
                layout.notes.push((i, j));
                layout.column_of[i] = layout.column_of[i].or(Some(j));
            }
        }
        let unknown: Vec<usize> = (0..headers.len()).filter(|&j| !used[j]).collect();
        if let Some(&first) = unknown.first() {
            let names: Vec<String> = unknown.iter().map(|&j| format!("`{}`", headers[j])).collect();
            return Err(Error::Input {
                position: Position::at(1, first as u64 + 1).in_file(source).with_field(&headers[first]),
                reason: format!(
                    "{} {} of the responses table of {} v{} (its metadata, items, <item>_note, \
                     composite, red_lines); remove {}, or give the questionnaire the table was \
                     exported with",
                    names.join(", "),
                    if names.len() == 1 { "is not a column" } else { "are not columns" },
                    q.id,
                    q.version,
                    if names.len() == 1 { "it" } else { "them" },
                ),
            });
        }
        Ok(layout)
    }
}
