//! Datasets: the responses to one questionnaire version in compact columns, imported from Manyi
//! JSON bundles as a stream, merged by UUID, and scored in one pass per figure set, so that a
//! browser tab (a web worker) imports, merges and scores a million responses in bounded memory.
//!
//! Every figure of a questionnaire's responses is computed here, for one response or a million:
//! responses held in memory (a kiosk's, a call desk's, an evaluation visit) become a dataset by
//! [`Dataset::from_responses`], and each pass feeds the accumulators of [`crate::scoring`].
//! The tests compare the figures with the independent references of `core/tests/reference`.
//!
//! # Use
//!
//! ```
//! use manyi_core::dataset::{Collection, Filter};
//! use manyi_core::scoring::analysis::AnalysisOptions;
//! use manyi_core::response::tags::TagKey;
//! use manyi_core::sample::{sample_bundle, SampleKind, SampleOptions};
//! use manyi_core::scoring::group::GroupBy;
//!
//! let file = sample_bundle(SampleKind::Hall, &SampleOptions { count: 300, ..Default::default() }).to_json();
//! let mut data = Collection::new(Vec::new());
//! let mut shown = 0;
//! let report = data.import(&file, "device01.json", &mut |p| shown = p.read)?;
//! assert_eq!((report.added, shown), (300, 300));
//! let hall = &data.datasets()[0];
//! let index = hall.index(&Default::default(), &[GroupBy::Tag(TagKey::Hall), GroupBy::Month], &Filter::default())?;
//! assert_eq!(index.tables.len(), 2);
//! let all = hall.analyse(&AnalysisOptions::default(), &Filter::default())?;
//! assert!(all.drivers.is_ok());
//! # Ok::<(), manyi_core::Error>(())
//! ```
//!
//! # Design
//!
//! - **Columns.** Per response: the UUID (`u128`), a content hash (`u64`), status, channel and
//!   call outcome (a byte each), hall, counter, staff, device and interviewer as `u32` indexes into
//!   per-dataset [`Dictionary`]s, business type and customer class (a byte each), started and
//!   submitted times (seconds, nanoseconds, UTC offset: 16 bytes each, so they are exported as
//!   given), and the month and ISO-week keys as indexes into their dictionaries. Every item of the
//!   questionnaire has a byte column: 0 missing, 255 N/A, 1–253 a scale point, yes/no, option
//!   or Kano pair. About 100 bytes a hall response, plus 4 bytes × 2 for the UUID index.
//! - **Nothing is dropped.** Answers without a one-byte code (free text, phone numbers, numbers,
//!   several choices, a point beyond 253 steps) and notes go into a sparse side table, so every
//!   response can be rebuilt exactly ([`Dataset::response`]): exports need no second read of
//!   the files, and a merged set can be written back as a bundle. For a hall response with a
//!   comment that is some 60 bytes more.
//! - **Export of large sets.** The responses sheet is built a row at a time from the columns:
//!   [`Dataset::responses_csv`] yields the CSV in chunks of rows (constant memory, for a download
//!   assembled from blobs), and [`Dataset::export`] builds the tables of the workbook with the
//!   responses sheet limited by [`SheetRows`] (a workbook is built in memory, and a sheet holds at
//!   most 1,048,575 rows): the whole set for the command line, the first N in a browser.
//! - **Import.** [`Collection::import`] reads a file in one pass with serde visitors over
//!   serde_json: the head is checked as [`crate::io::bundle::Bundle::from_json`] checks it, and
//!   each response is read into a reusable scratch record, checked against its questionnaire with
//!   the same rules (and messages) as [`crate::response::Response::validate`], hashed, coded and
//!   staged. Only when the whole file has been read are its rows committed; a malformed file
//!   changes nothing (at most it leaves unused entries in a tag dictionary, which no figure shows).
//!   Progress is reported every [`PROGRESS_EVERY`] responses, with an estimate of the file's total.
//!   [`Collection::import_csv`] reads the responses table of an export (`responses.csv`) row by
//!   row into the same scratch record, checked, hashed and staged by the same code;
//!   [`Collection::import_file`] takes either, told apart by their first character.
//!   [`Dataset::from_responses`] puts responses in memory through the same hashing, coding and
//!   merging.
//! - **Merge.** By UUID across files and datasets: an equal copy (equal hash) is a duplicate; a
//!   differing copy is a conflict: a copy further along (draft → break-off → complete) replaces
//!   the first, else the first is kept.
//! - **Versions.** Each questionnaire version has its own dataset: a new version may change
//!   scales, options or conditions, and codes are per item of one version. Versions are not mapped
//!   onto each other; an analyst compares them side by side. A file may carry a different copy of
//!   a version already imported: its responses are checked against the file's copy, as before,
//!   and coded under the dataset's copy (the first), with answers that do not fit it kept aside.
//! - **Scoring** reads the columns once per figure set with no per-response allocation, adding
//!   each row to the accumulators of [`crate::scoring`]: the index by any number of groupings at
//!   once ([`Dataset::index`]: a [`crate::scoring::moments::Moments`] per group and column), the
//!   Kano table ([`Dataset::kano`]: a [`crate::scoring::kano::KanoTally`] per pair), and
//!   penalty–reward with derived importance ([`Dataset::drivers`]: a
//!   [`crate::scoring::drivers::DriversTally`], cross-product sums in O(k²) memory solved by
//!   Cholesky); data-derived weights from [`crate::scoring::drivers::CompleteCases`]. All of it
//!   at once: [`Dataset::analyse`]. [`Filter`] selects rows by tag values, channel, status and
//!   date.

mod codes;
mod columns;
mod dictionary;
mod drivers;
mod export;
mod filter;
mod fx;
mod group;
mod hash;
mod id_index;
mod import;
mod index;
mod kano;
mod of_responses;
mod read;
mod responses_table;
mod scorer;
mod scratch;
mod staging;
#[cfg(test)]
mod tests;

pub use dictionary::Dictionary;
pub use export::{ResponsesCsv, SheetRows};
pub use filter::{Filter, TagFilter};
pub use import::{Collection, Progress, PROGRESS_EVERY};

use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::response::tags::{TagKey, FREE_TAGS};
use crate::response::Status;
use codes::Schema;
use columns::Rows;
use dictionary::Periods;
use id_index::IdIndex;
use std::sync::Arc;

/// The responses to one questionnaire version, in columns. Made by [`Collection::import`].
#[derive(Debug, Clone)]
pub struct Dataset {
    schema: Arc<Schema>,
    rows: Rows,
    index: IdIndex,
    /// The values of each free tag, in the order of [`TagKey::FREE`].
    tags: [Dictionary; FREE_TAGS],
    periods: Periods,
}

impl Dataset {
    fn new(schema: Arc<Schema>) -> Dataset {
        let rows = Rows::new(schema.len());
        Dataset {
            schema,
            rows,
            index: IdIndex::default(),
            tags: Default::default(),
            periods: Periods::default(),
        }
    }

    /// The questionnaire its responses answer (the copy the dataset was made with).
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.schema.q
    }

    /// Its id and version.
    pub fn reference(&self) -> QuestionnaireRef {
        self.schema.q.reference()
    }

    /// How many responses.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.rows.len() == 0
    }

    /// How many responses have each status (draft, complete, break-off, as in [`Status::ALL`]).
    pub fn status_counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for s in &self.rows.meta.status {
            counts[Status::ALL.iter().position(|a| a == s).expect("a status")] += 1;
        }
        counts
    }

    /// The values seen of a free tag (hall, counter, staff, device, interviewer), in the order
    /// first seen, for a filter to offer; `None` for business type and customer class, which are
    /// coded ([`crate::response::tags::BusinessType::ALL`]).
    pub fn tag_values(&self, key: TagKey) -> Option<&Dictionary> {
        key.free_index().map(|k| &self.tags[k])
    }

    /// Approximate memory held, in bytes: columns, codes, UUID index, side table.
    pub fn memory_bytes(&self) -> usize {
        let side: usize =
            self.rows.side.values().map(|s| 64 + s.answers.len() * 48 + s.notes.len() * 64).sum();
        self.rows.column_bytes() + self.index.bytes() + side
    }

    /// Puts the rows in the order they were started (then by UUID): the order of the responses
    /// sheet of `manyi export`.
    pub fn sort_by_start(&mut self) {
        let m = &self.rows.meta;
        let mut order: Vec<u32> = (0..self.len() as u32).collect();
        order.sort_by_key(|&r| {
            let s = m.started[r as usize];
            (s.secs, s.nanos, m.id[r as usize])
        });
        self.rows.permute(&order);
        self.index = IdIndex::of(&self.rows.meta.id);
    }

    /// Appends row `from` of `rows` (moved out of it).
    fn append_from(&mut self, rows: &mut Rows, from: usize, codes: &mut Vec<u8>) {
        self.rows.push_from(rows, from, codes);
        let row = self.rows.len() as u32 - 1;
        self.index.insert(row, &self.rows.meta.id);
    }

    /// Appends all of `rows` (moved out of it).
    fn append_all(&mut self, rows: &mut Rows) {
        let base = self.rows.len() as u32;
        self.rows.append(rows);
        for row in base..self.rows.len() as u32 {
            self.index.insert(row, &self.rows.meta.id);
        }
    }

    /// Removes these rows.
    fn remove_rows(&mut self, rows: &[u32]) {
        let mut keep = vec![true; self.len()];
        for r in rows {
            keep[*r as usize] = false;
        }
        self.rows.retain(&keep);
        self.index = IdIndex::of(&self.rows.meta.id);
    }
}
