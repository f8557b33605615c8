//! Reading the responses table back into responses: `responses.csv` as Manyi writes it (the
//! analysts' export, `manyi export --csv`, the kiosk's and the callback workspace's exports) or as
//! Excel or WPS save it again: UTF-8 with or without a BOM, or GB18030/GBK; CRLF or LF line ends;
//! any quoting; trailing empty fields dropped; blank rows.
//!
//! Each row finds its questionnaire by `questionnaire_id` and `questionnaire_version`, each column
//! its item by name, and each cell is decoded as [`super::ResponsesLayout::row`] wrote it.

use super::cells::{decode, whole, Cells};
use super::columns::{ColumnMap, Source};
use super::{META_COLUMNS, TAG_COLUMNS_AT};
use crate::error::{Error, Position, ResponseFault, Result};
use crate::io::table::unneutralise;
use crate::io::tidy::LineCounter;
use crate::questionnaire::item::{ChoiceCode, Item, ItemId, ItemKind, TextFormat};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::disposition::Disposition;
use crate::response::tags::{BusinessType, CustomerClass, TagKey, TagValue, Tags, FREE_TAGS, TAG_COUNT};
use crate::response::{Channel, Response, ResponseId, Status};
use chrono::{DateTime, FixedOffset};

/// The position of `started_at` in [`META_COLUMNS`]; `submitted_at` and `disposition` follow.
const STARTED_AT: usize = TAG_COLUMNS_AT + TAG_COUNT;

/// Reads a responses table — the `responses.csv` of a Manyi export (or the `answers.csv` of the
/// callback workspace), as written or as saved again by Excel or WPS — back into responses.
/// `source` names the file in errors. Each row answers the questionnaire its `questionnaire_id`
/// and `questionnaire_version` name, the first of `known`, then of the built-ins, that has them.
///
/// The header must have every column of [`META_COLUMNS`]; the other columns must be the items of
/// the questionnaire (`<id>_functional` and `<id>_dysfunctional` for a Kano pair; an item that
/// sets a tag is answered in the tag's column), notes (`<id>_note`), or `composite` and
/// `red_lines`, which are ignored (they are derived, and scored again). An item without a column
/// is unanswered. Each response is then checked as [`Response::validate`] checks it.
///
/// Errors name the file, the physical line on which the row starts, the column (1-based field
/// number) and its header, what is wrong and what to do; the first one stops the reading and
/// nothing is returned.
///
/// # What does not come back
///
/// - **Masked phone numbers.** Exports mask phone numbers by default (`138****5678`); the
///   digits are gone. The masked text is kept as the answer (it is what the file says, the
///   asterisks show it, and a text answer may hold it), so such a response differs from its
///   JSON copy, which has the full number.
/// - **Empty values.** Empty text answers, empty notes, empty tag values and a multiple choice
///   with no option chosen are written as empty cells, which read back as no answer, note or tag.
/// - **An apostrophe before a formula character.** Text beginning with `=`, `+`, `-`, `−`, `@`,
///   a tab or a carriage return is written with a leading `'` and read back without it, so text
///   that itself began with `'=` (or `'+` …) loses its apostrophe.
/// - **A tag without its item.** A tag set by an item (business type, customer class) is read as
///   that item's answer whenever the item offers the value and is shown; Manyi's screens set such
///   a tag only by answering the item.
///
/// Also accepted, as Excel and WPS write them: a blank row, missing trailing fields, a whole
/// number written as `4.0`, a call outcome turned into a number (`2.2` for 2.20, `4.1` for 4.10),
/// `NA` in any case, and 是 / 否 / 不适用 for yes / no / NA.
pub fn read_responses_csv(bytes: &[u8], source: &str, known: &[Questionnaire]) -> Result<Vec<Response>> {
    let (text, _) = crate::io::text::decode_borrowed(bytes);
    let mut questionnaires = known.to_vec();
    questionnaires.extend(crate::questionnaire::builtin::all());
    let mut table = TableReader::new(&text, source, questionnaires)?;
    let mut responses = Vec::new();
    while let Some(mut row) = table.next_row()? {
        let response = row.take_response();
        match response.validate(row.questionnaire) {
            Ok(()) => responses.push(response),
            Err(Error::InvalidResponse { item, fault, .. }) => return Err(row.invalid(item, fault)),
            Err(e) => return Err(e),
        }
    }
    Ok(responses)
}

const NOT_A_TABLE: &str = "this is not a Manyi responses table (responses.csv)";

/// The reading of a responses table, a row at a time.
pub(crate) struct TableReader<'t> {
    source: &'t str,
    csv: csv::Reader<&'t [u8]>,
    lines: LineCounter<'t>,
    headers: Vec<String>,
    /// The column of each of [`META_COLUMNS`].
    meta: [usize; META_COLUMNS.len()],
    /// The questionnaires a row may answer, the first of an id and version winning.
    questionnaires: Vec<Questionnaire>,
    /// Their layouts, made when a row first answers them.
    layouts: Vec<Option<ColumnMap>>,
    record: csv::StringRecord,
}

/// One row of the table, decoded (not yet checked against its questionnaire).
pub(crate) struct Row<'r> {
    pub line: u64,
    pub id: ResponseId,
    pub questionnaire: &'r Questionnaire,
    pub channel: Channel,
    pub status: Status,
    /// The free tags, in the order of [`TagKey::FREE`].
    pub tags: [Option<&'r str>; FREE_TAGS],
    pub business_type: Option<BusinessType>,
    pub customer_class: Option<CustomerClass>,
    pub started_at: DateTime<FixedOffset>,
    pub submitted_at: Option<DateTime<FixedOffset>>,
    pub disposition: Option<Disposition>,
    /// Answers by item index, in questionnaire order.
    pub answers: Vec<(usize, Answer)>,
    /// Notes by item index.
    pub notes: Vec<(usize, &'r str)>,
    /// Phone numbers that came masked.
    pub masked_phones: usize,
    layout: &'r ColumnMap,
    headers: &'r [String],
    source: &'r str,
    submitted_column: usize,
}

impl<'t> TableReader<'t> {
    /// Reads the header of `text` (decoded); rows answer one of `questionnaires`.
    pub fn new(text: &'t str, source: &'t str, questionnaires: Vec<Questionnaire>) -> Result<Self> {
        let mut csv =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut lines = LineCounter::new(text);
        let header_error =
            |reason: String| Error::Input { position: Position::at(1, 1).in_file(source), reason };
        if !csv.read_record(&mut record).map_err(|e| csv_error(e, source, &mut lines))? {
            return Err(header_error(format!("the file is empty: {NOT_A_TABLE}")));
        }
        let headers: Vec<String> = record.iter().map(|h| h.trim().to_owned()).collect();
        for (j, h) in headers.iter().enumerate() {
            if !h.is_empty() && headers[..j].contains(h) {
                return Err(Error::Input {
                    position: Position::at(1, j as u64 + 1).in_file(source).with_field(h),
                    reason: format!("the column `{h}` is there twice; keep one of them"),
                });
            }
        }
        let mut meta = [0; META_COLUMNS.len()];
        for (k, name) in META_COLUMNS.iter().enumerate() {
            meta[k] = headers.iter().position(|h| h == name).ok_or_else(|| Error::Input {
                position: Position { line: Some(1), ..Position::default() }.in_file(source),
                reason: format!(
                    "no column `{name}`: {NOT_A_TABLE}; pick the responses file of a Manyi export, \
                     whose header begins {}",
                    META_COLUMNS[..3].join(",")
                ),
            })?;
        }
        let layouts = vec![None; questionnaires.len()];
        Ok(TableReader { source, csv, lines, headers, meta, questionnaires, layouts, record })
    }

    /// The next row, or `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>> {
        loop {
            let (source, lines) = (self.source, &mut self.lines);
            if !self.csv.read_record(&mut self.record).map_err(|e| csv_error(e, source, lines))? {
                return Ok(None);
            }
            if !self.record.iter().all(|f| f.trim().is_empty()) {
                break;
            }
        }
        let line = self.record.position().map_or(0, |p| self.lines.line_at(p.byte()));
        let cells = Cells { record: &self.record, headers: &self.headers, source: self.source, line };
        for j in 0..self.record.len() {
            if self.headers.get(j).is_none_or(String::is_empty) && !cells.get(j).trim().is_empty() {
                return Err(
                    cells.error(j, "a value in a column without a name; remove it, or name the column")
                );
            }
        }
        let m = self.meta;
        let (q_id, version) = (cells.get(m[1]).trim(), cells.get(m[2]).trim());
        let version = whole(version).and_then(|v| u32::try_from(v).ok()).ok_or_else(|| {
            cells.error(
                m[2],
                format!("`{version}` is not a questionnaire version; write a whole number such as 1"),
            )
        })?;
        let k = self.questionnaires.iter().position(|q| q.id.as_str() == q_id && q.version == version);
        let k = k.ok_or_else(|| {
            cells.error(
                m[1],
                format!(
                    "questionnaire `{q_id}` version {version} is neither built in nor known here; \
                     import a Manyi JSON export that holds it first (or give it)"
                ),
            )
        })?;
        if self.layouts[k].is_none() {
            self.layouts[k] = Some(ColumnMap::new(&self.questionnaires[k], &self.headers, self.source)?);
        }
        let (q, layout) = (&self.questionnaires[k], self.layouts[k].as_ref().expect("made above"));
        let id = cells.get(m[0]).trim();
        let id = uuid::Uuid::parse_str(id).map_err(|_| {
            cells.error(m[0], format!("`{id}` is not a response id; every row needs the UUID Manyi gave it"))
        })?;
        let free = |j: usize| Some(cells.get(j)).filter(|v| !v.is_empty()).map(unneutralise);
        let mut row = Row {
            line,
            id: ResponseId(id),
            questionnaire: q,
            channel: cells.need(m[3], cells.coded(m[3])?)?,
            status: cells.need(m[4], cells.coded(m[4])?)?,
            tags: std::array::from_fn(|k| free(m[TAG_COLUMNS_AT + k])),
            business_type: cells.coded(m[TAG_COLUMNS_AT + FREE_TAGS])?,
            customer_class: cells.coded(m[TAG_COLUMNS_AT + FREE_TAGS + 1])?,
            started_at: cells.need(m[STARTED_AT], cells.time(m[STARTED_AT])?)?,
            submitted_at: cells.time(m[STARTED_AT + 1])?,
            disposition: cells.disposition(m[STARTED_AT + 2])?,
            answers: Vec::with_capacity(layout.items.len()),
            notes: Vec::new(),
            masked_phones: 0,
            layout,
            headers: &self.headers,
            source: self.source,
            submitted_column: m[STARTED_AT + 1],
        };
        for &(i, source) in &layout.items {
            let item = &q.items[i];
            let answer = match source {
                Source::Own(j) => decode(item, cells.get(j)).map_err(|reason| cells.error(j, reason))?,
                Source::Pair(f, d) => cells.kano(f, d)?,
                Source::Tag(key) => row.tag_answer(item, key),
            };
            if let Some(answer) = answer {
                if matches!((&item.kind, &answer), (ItemKind::Text { format: TextFormat::Phone, .. }, Answer::Text(t)) if t.contains('*'))
                {
                    row.masked_phones += 1;
                }
                row.answers.push((i, answer));
            }
        }
        for &(i, j) in &layout.notes {
            if !cells.get(j).is_empty() {
                row.notes.push((i, unneutralise(cells.get(j))));
            }
        }
        Ok(Some(row))
    }
}

/// The number of rows a table of this text seems to have (its lines after the header).
pub(crate) fn expected_rows(text: &[u8]) -> usize {
    let lines = memchr::memchr_iter(b'\n', text).count() + usize::from(!text.ends_with(b"\n"));
    lines.saturating_sub(1)
}

impl Row<'_> {
    /// The tags.
    pub fn tag_set(&self) -> Tags {
        Tags {
            business_type: self.business_type,
            customer_class: self.customer_class,
            ..Tags::of_free(self.tags.map(|t| t.map(TagValue::new)))
        }
    }

    /// The value of a tag, as its code or text.
    fn tag_value(&self, key: TagKey) -> Option<&str> {
        match (key.free_index(), key) {
            (Some(k), _) => self.tags[k],
            (None, TagKey::BusinessType) => self.business_type.map(|b| b.code()),
            (None, _) => self.customer_class.map(|c| c.code()),
        }
    }

    /// The answer of an item that sets `key`: the tag's value, if it is one of the item's
    /// options and the item is shown for the answers before it.
    fn tag_answer(&self, item: &Item, key: TagKey) -> Option<Answer> {
        let value = self.tag_value(key)?;
        let q = self.questionnaire;
        let answer_of =
            |id: &ItemId| self.answers.iter().find(|(i, _)| q.items[*i].id == *id).map(|(_, a)| a);
        (item.kind.options().iter().any(|o| o.code.as_str() == value) && q.is_shown(item, &answer_of))
            .then(|| Answer::Choice(ChoiceCode::new(value)))
    }

    /// The response, its answers moved out of the row.
    pub fn take_response(&mut self) -> Response {
        let q = self.questionnaire;
        Response {
            id: self.id,
            questionnaire: q.reference(),
            channel: self.channel,
            status: self.status,
            tags: self.tag_set(),
            started_at: self.started_at,
            submitted_at: self.submitted_at,
            answers: self.answers.drain(..).map(|(i, a)| (q.items[i].id.clone(), a)).collect(),
            notes: self.notes.iter().map(|(i, n)| (q.items[*i].id.clone(), (*n).to_owned())).collect(),
            disposition: self.disposition,
        }
    }

    /// The error of a rule the response breaks (as [`Response::validate`] words it): at the
    /// column of `item`, or of `submitted_at` for a rule about the response as a whole.
    pub fn invalid(&self, item: Option<String>, fault: ResponseFault) -> Error {
        let i =
            item.as_deref().and_then(|id| self.questionnaire.items.iter().position(|i| i.id.as_str() == id));
        let column = match (&item, i) {
            (None, _) => Some(self.submitted_column),
            (Some(_), Some(i)) => self.layout.column_of[i],
            (Some(_), None) => None,
        };
        let mut reason =
            Error::InvalidResponse { response: self.id.to_string(), item: item.clone(), fault }.to_string();
        let mut position = Position { line: Some(self.line), ..Position::default() }.in_file(self.source);
        match column {
            Some(j) => {
                position =
                    Position::at(self.line, j as u64 + 1).in_file(self.source).with_field(&self.headers[j])
            }
            None => reason.push_str(&format!(" (the table has no column `{}`)", item.unwrap_or_default())),
        }
        Error::Input { position, reason }
    }
}

fn csv_error(e: csv::Error, source: &str, lines: &mut LineCounter) -> Error {
    let line = e.position().map_or(1, |p| lines.line_at(p.byte()));
    Error::Input {
        position: Position { line: Some(line), ..Position::default() }.in_file(source),
        reason: format!("not readable as CSV: {e}; {NOT_A_TABLE}?"),
    }
}

#[cfg(test)]
mod tests;
