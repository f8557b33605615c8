//! A file's responses wait here until the whole file has been read: merged by UUID against the
//! datasets and against each other as [`crate::io::merge::Merged::add`] merges (an equal copy is
//! a duplicate; a differing one is a conflict, and a copy further along replaces the first), then
//! committed together. A file that fails is dropped with its staging, changing nothing.

use super::columns::{Meta, Rows, Side};
use super::id_index::IdIndex;
use super::Dataset;
use crate::io::merge::{progress, Resolution};

/// What becomes of a staged row at commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fate {
    /// A response not seen before: appended.
    New,
    /// A copy further along than row `row` of dataset `dataset`, which it replaces.
    Replace { dataset: usize, row: u32 },
    /// Replaced in turn by a later copy in another dataset (a response moved to another
    /// questionnaire); dropped.
    Dead,
}

/// The staged rows of one dataset.
#[derive(Debug, Clone)]
struct Area {
    rows: Rows,
    index: IdIndex,
    fate: Vec<Fate>,
}

/// What merging did with one response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// New: staged.
    Added,
    /// An equal copy is already there.
    Duplicate,
    /// A differing copy is already there.
    Conflict(Resolution),
}

/// The staged rows of one file, by dataset.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stage {
    areas: Vec<Option<Area>>,
}

impl Stage {
    /// Merges a response to dataset `d`: the current copy of its UUID is the live staged one if
    /// there is one, else the committed one.
    pub fn place(&mut self, datasets: &[Dataset], d: usize, meta: Meta, codes: &[u8], side: Side) -> Outcome {
        let id = meta.id;
        let staged = self.areas.iter().enumerate().find_map(|(sd, area)| {
            let area = area.as_ref()?;
            let row = area.index.find(id, &area.rows.meta.id)? as usize;
            (area.fate[row] != Fate::Dead).then_some((sd, row))
        });
        if let Some((sd, row)) = staged {
            let area = self.areas[sd].as_mut().expect("found in it");
            let old = area.rows.meta.get(row);
            if old.hash == meta.hash {
                return Outcome::Duplicate;
            }
            if progress(meta.status) <= progress(old.status) {
                return Outcome::Conflict(Resolution::KeptFirst);
            }
            if sd == d {
                area.rows.set(row, meta, codes, side);
            } else {
                let fate = std::mem::replace(&mut area.fate[row], Fate::Dead);
                self.stage(datasets, d, fate, meta, codes, side);
            }
            return Outcome::Conflict(Resolution::Replaced);
        }
        for (cd, ds) in datasets.iter().enumerate() {
            if let Some(row) = ds.index.find(id, &ds.rows.meta.id) {
                let old = ds.rows.meta.get(row as usize);
                if old.hash == meta.hash {
                    return Outcome::Duplicate;
                }
                if progress(meta.status) <= progress(old.status) {
                    return Outcome::Conflict(Resolution::KeptFirst);
                }
                self.stage(datasets, d, Fate::Replace { dataset: cd, row }, meta, codes, side);
                return Outcome::Conflict(Resolution::Replaced);
            }
        }
        self.stage(datasets, d, Fate::New, meta, codes, side);
        Outcome::Added
    }

    fn stage(&mut self, datasets: &[Dataset], d: usize, fate: Fate, meta: Meta, codes: &[u8], side: Side) {
        if self.areas.len() <= d {
            self.areas.resize_with(d + 1, || None);
        }
        let area = self.areas[d].get_or_insert_with(|| Area {
            rows: Rows::new(datasets[d].schema.len()),
            index: IdIndex::default(),
            fate: Vec::new(),
        });
        // A response that left this dataset for another and came back: revive its row.
        if let Some(row) = area.index.find(meta.id, &area.rows.meta.id) {
            area.rows.set(row as usize, meta, codes, side);
            area.fate[row as usize] = fate;
            return;
        }
        area.rows.push(meta, codes, side);
        area.fate.push(fate);
        area.index.insert(area.rows.len() as u32 - 1, &area.rows.meta.id);
    }

    /// Applies the staged rows: new ones appended, replacements written over the rows they
    /// replace (or appended, and the replaced row removed, when the response changed dataset).
    pub fn commit(self, datasets: &mut [Dataset]) {
        let mut removed: Vec<Vec<u32>> = vec![Vec::new(); datasets.len()];
        let mut codes = Vec::new();
        for (d, area) in self.areas.into_iter().enumerate() {
            let Some(mut area) = area else { continue };
            if area.fate.iter().all(|f| *f == Fate::New) {
                // The usual file: new responses only, appended column by column.
                datasets[d].append_all(&mut area.rows);
                continue;
            }
            for (row, fate) in area.fate.iter().enumerate() {
                match *fate {
                    Fate::Dead => {}
                    Fate::New => datasets[d].append_from(&mut area.rows, row, &mut codes),
                    Fate::Replace { dataset, row: old } if dataset == d => {
                        datasets[d].rows.set_from(old as usize, &mut area.rows, row, &mut codes)
                    }
                    Fate::Replace { dataset, row: old } => {
                        datasets[d].append_from(&mut area.rows, row, &mut codes);
                        removed[dataset].push(old);
                    }
                }
            }
        }
        for (d, rows) in removed.iter().enumerate().filter(|(_, r)| !r.is_empty()) {
            datasets[d].remove_rows(rows);
        }
    }
}
