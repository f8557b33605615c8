//! Importing the responses table of an export (`responses.csv`) into datasets: each row, read by
//! the table reader of [`crate::io::responses::read_responses_csv`], goes into the scratch record
//! a JSON response is read into, and is checked, hashed, coded, merged and staged by the same
//! code as the responses of a JSON export.

use super::import::{check, Collection, FileImport, Progress};
use super::read::{RefIn, Scratch, TagsIn, Text};
use crate::error::Result;
use crate::io::merge::MergeReport;
use crate::io::responses::{expected_rows, TableReader};
use crate::io::text::decode_borrowed;
use crate::questionnaire::Questionnaire;
use std::borrow::Cow;

impl Collection {
    /// Reads a responses table (the `responses.csv` of an export, as Manyi wrote it or as Excel
    /// or WPS saved it again; see [`crate::io::responses::read_responses_csv`] for what it holds,
    /// what does not come back and how errors read) and merges its responses as [`Collection::import`]
    /// merges a JSON export's: by UUID, an equal copy counted as a duplicate (the same file twice
    /// adds nothing), a differing one reported as a conflict; progress every
    /// [`super::PROGRESS_EVERY`] rows and at the end; on error nothing changes.
    ///
    /// Each row answers the questionnaire its `questionnaire_id` and `questionnaire_version`
    /// name, the first found of: the collection's `known` questionnaires, those of the JSON
    /// exports imported before, the built-ins.
    ///
    /// A row that carries all of its response (its phone number, if any, written in full)
    /// is a duplicate of the JSON copy of that response. Exports mask phone numbers by default
    /// (`138****5678`); such a row is kept with the masked text, counted in
    /// [`MergeReport::masked_phones`], and differs from its JSON copy: whichever of the two is
    /// read second is reported as a conflict (the one further along, else the first, is kept).
    pub fn import_csv(
        &mut self,
        bytes: &[u8],
        source: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<MergeReport> {
        let (text, _) = decode_borrowed(bytes);
        let mut questionnaires = self.known.clone();
        questionnaires.extend(self.questionnaires.values().cloned());
        questionnaires.extend(self.builtins.iter().cloned());
        let expected = expected_rows(text.as_bytes());
        self.import_with(bytes, source, expected, progress, |file| {
            read_table(&text, source, questionnaires, file)
        })
    }

    /// Reads a Manyi JSON export ([`Collection::import`]) or a responses table
    /// ([`Collection::import_csv`]), told apart by their content: after an optional UTF-8 BOM
    /// and white space, a JSON export begins with `{`.
    pub fn import_file(
        &mut self,
        bytes: &[u8],
        source: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<MergeReport> {
        if is_json(bytes) {
            self.import(bytes, source, progress)
        } else {
            self.import_csv(bytes, source, progress)
        }
    }
}

/// Whether the file is JSON: `{` first after a BOM and white space.
fn is_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Reads the rows of the table in `text` into `file`.
fn read_table(
    text: &str,
    source: &str,
    questionnaires: Vec<Questionnaire>,
    file: &mut FileImport,
) -> Result<()> {
    let mut table = TableReader::new(text, source, questionnaires)?;
    let mut slots = Vec::new();
    while let Some(mut row) = table.next_row()? {
        let q = row.questionnaire;
        // The schema is made from the reader's copy of the questionnaire: item indexes agree.
        let schema = file.schema_of(q);
        slots.clear();
        slots.resize(schema.len(), None);
        for (i, answer) in row.answers.drain(..) {
            slots[i] = Some(answer);
        }
        let free = row.tags.map(|t| t.map(|t| Text(Cow::Borrowed(t))));
        let mut s = Scratch {
            id: Some(row.id),
            questionnaire: Some(RefIn { id: Text(Cow::Borrowed(q.id.as_str())), version: q.version }),
            channel: Some(row.channel),
            status: Some(row.status),
            tags: TagsIn { free, business_type: row.business_type, customer_class: row.customer_class },
            started_at: Some(row.started_at),
            submitted_at: row.submitted_at,
            notes: row.notes.iter().map(|&(i, n)| (q.items[i].id.clone(), n.to_owned())).collect(),
            disposition: row.disposition,
            schema: Some(schema.clone()),
            slots: std::mem::take(&mut slots),
            foreign: Vec::new(),
            pending: Default::default(),
        };
        check(&schema, &s).map_err(|(item, reason)| row.invalid(item, reason))?;
        file.report.masked_phones += row.masked_phones;
        file.stage(&schema, &mut s);
        slots = s.slots;
    }
    Ok(())
}
