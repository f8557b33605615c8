//! Readers of tidy CSV files an analyst may have from anywhere (one row per respondent or per
//! attribute). Every error names the file, line and column and says what to do.

mod kano;
mod matrix;
mod ratings;

pub use kano::{read_kano_counts, read_kano_pairs, KanoPairs};
pub use matrix::read_matrix;
pub use ratings::{read_nps_column, read_ratings, read_weights, RatingColumn, RatingRow};

use crate::error::{Error, Position, Result};
use crate::io::text::decode;

/// A parsed CSV file with its header, each record kept with its line number.
pub struct TidyCsv {
    source: String,
    /// The column names of the first line, trimmed.
    pub headers: Vec<String>,
    /// The records after the header, with their 1-based line numbers; blank lines are skipped.
    pub records: Vec<(u64, csv::StringRecord)>,
}

impl TidyCsv {
    /// Parses `bytes` (UTF-8 with or without BOM, or GB18030); `source` names the file in errors.
    pub fn parse(bytes: &[u8], source: &str) -> Result<Self> {
        let (text, _) = decode(bytes);
        let mut reader =
            csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(text.as_bytes());
        let mut lines = LineCounter::new(&text);
        let bad = |e: csv::Error, lines: &mut LineCounter| {
            let line = e.position().map_or(1, |p| lines.line_at(p.byte()));
            Error::Input {
                position: Position { file: Some(source.to_owned()), line: Some(line), ..Position::default() },
                reason: match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("{len} fields where the header has {expected_len}; every row needs one field per column")
                    }
                    _ => format!("not readable as CSV: {e}"),
                },
            }
        };
        let headers: Vec<String> =
            reader.headers().map_err(|e| bad(e, &mut lines))?.iter().map(|h| h.trim().to_owned()).collect();
        let mut records = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| bad(e, &mut lines))?;
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
            records.push((line, record));
        }
        Ok(TidyCsv { source: source.to_owned(), headers, records })
    }

    /// The index of the named column, or an error listing the columns there are.
    pub fn column(&self, name: &str) -> Result<usize> {
        self.headers.iter().position(|h| h == name).ok_or_else(|| Error::Input {
            position: Position { file: Some(self.source.clone()), line: Some(1), ..Position::default() },
            reason: format!(
                "no column `{name}`; the header has {}",
                self.headers.iter().map(|h| format!("`{h}`")).collect::<Vec<_>>().join(", ")
            ),
        })
    }

    /// An error at `line`, in column `index` (0-based), with a reason.
    pub fn error(&self, line: u64, index: usize, reason: impl Into<String>) -> Error {
        Error::Input {
            position: Position {
                file: Some(self.source.clone()),
                line: Some(line),
                column: Some(index as u64 + 1),
                field: self.headers.get(index).cloned(),
            },
            reason: reason.into(),
        }
    }

    /// The trimmed field `index` of a record.
    pub fn field(record: &csv::StringRecord, index: usize) -> &str {
        record.get(index).unwrap_or("").trim()
    }
}

/// The 1-based line on which a CSV record starts, from the byte offset the `csv` crate gives.
///
/// That offset (and the crate's own line count) points at the end of the previous record, before
/// its line terminator and any blank lines, so a CRLF file or a blank line would put a record on
/// the line above; the terminators are skipped here. Records must be asked for in file order.
pub struct LineCounter<'t> {
    text: &'t [u8],
    byte: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    /// A counter over the decoded text the reader reads.
    pub fn new(text: &'t str) -> Self {
        LineCounter { text: text.as_bytes(), byte: 0, line: 1 }
    }

    /// The line of the record whose position is at `byte`.
    pub fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = (byte as usize).clamp(self.byte, self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        self.line += self.text[self.byte..start].iter().filter(|&&b| b == b'\n').count() as u64;
        self.byte = start;
        self.line
    }
}

/// Whether a field means "not answered": blank or `NA` (any case).
pub fn is_missing(field: &str) -> bool {
    field.is_empty() || field.eq_ignore_ascii_case("na")
}

#[cfg(test)]
mod tests;
