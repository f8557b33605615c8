//! The one error type of `manyi-core`.
//!
//! Every variant says which rule was broken and where, so a message shown to a person can name the
//! questionnaire and item, or the file, line and column, and say what to do about it.

use serde::{Deserialize, Serialize};
use std::fmt;

mod export;
mod json;
mod matrix;
mod response;
mod shortage;
pub use export::{ExportFault, ExportPart};
pub use json::{json_reason, JsonExpected, JsonFault};
pub use matrix::MatrixFault;
pub use response::ResponseFault;
pub use shortage::{Figure, Part, Shortage};

/// Where in an input something was found: file, line and column as far as they are known.
///
/// Lines and columns count from 1. `field` names the column header or key when there is one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The file (or other source) name, if known.
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<u64>,
    /// 1-based column (character for JSON, field number for CSV).
    pub column: Option<u64>,
    /// The header of the CSV column or the JSON key, if known.
    pub field: Option<String>,
}

impl Position {
    /// A position at `line`, `column` of an unnamed source.
    pub fn at(line: u64, column: u64) -> Self {
        Position { line: Some(line), column: Some(column), ..Position::default() }
    }

    /// The same position in the named file.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// The same position, naming the column header or key.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        parts.push(self.file.clone().unwrap_or_else(|| "<input>".to_owned()));
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        if let Some(column) = self.column {
            parts.push(format!("column {column}"));
        }
        write!(f, "{}", parts.join(", "))?;
        if let Some(field) = &self.field {
            write!(f, " (`{field}`)")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in `manyi-core`.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum Error {
    /// A questionnaire breaks one of its rules: ids unique, weights ≥ 0, scale bounds ordered,
    /// show-if conditions pointing only to earlier items, choice codes unique, …
    #[error("questionnaire `{questionnaire}`{}: {}", item_suffix(.item), .reason.en)]
    InvalidQuestionnaire {
        /// The questionnaire's id.
        questionnaire: String,
        /// The item (or dimension) at fault, if the problem is in one.
        item: Option<String>,
        /// What is wrong and what to do, in zh-CN and English (the rules are worded in both
        /// where they are checked, with their data).
        reason: crate::text::Text,
    },

    /// A response does not fit its questionnaire: unknown item, answer of the wrong kind or out of
    /// range, a required item unanswered in a complete response, an answer to a hidden item, …
    #[error("response {response}{}: {fault}", item_suffix(.item))]
    InvalidResponse {
        /// The response's id.
        response: String,
        /// The item at fault, if the problem is in one.
        item: Option<String>,
        /// The rule broken, with what was found.
        fault: ResponseFault,
    },

    /// Input data (a file, a cell, a JSON value) could not be read.
    #[error("{position}: {reason}")]
    Input {
        /// Where the bad input is.
        position: Position,
        /// What is wrong and what to do.
        reason: String,
    },

    /// A file is not JSON of the kind expected: where the parser stopped, what the file should
    /// be and the kind of fault ([`JsonFault`]); `detail` is the parser's own words (English),
    /// without the place.
    #[error("{position}: {expected}: {detail}")]
    Json {
        /// Where the parser stopped.
        position: Position,
        /// What the file was read as.
        expected: JsonExpected,
        /// The kind of fault.
        fault: JsonFault,
        /// The parser's words, e.g. "expected value", "missing field `format`".
        detail: String,
    },

    /// A pairwise-comparison matrix is not square, has a non-positive entry or is not reciprocal
    /// ([`MatrixFault`] has the kinds and their numbers).
    #[error("pairwise-comparison matrix, row {row}, column {column}: {fault}")]
    InvalidMatrix {
        /// 1-based row.
        row: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong (and so what to do).
        fault: MatrixFault,
    },

    /// An argument or option is outside what the computation accepts (e.g. an empty band, a
    /// threshold below zero, an unknown item id).
    #[error("{what}: {reason}")]
    InvalidArgument {
        /// The argument or option.
        what: String,
        /// What is wrong and what to do.
        reason: String,
    },

    /// The data do not allow the figure to be computed (e.g. a regression with fewer
    /// respondents than coefficients, or a dummy that never varies).
    #[error("not enough data for {figure}{part}: {shortage}")]
    InsufficientData {
        /// The figure that could not be computed.
        figure: Figure,
        /// Which part of it.
        part: Part,
        /// What is short (and so what would be needed).
        shortage: Shortage,
    },

    /// An export could not be written: a table over a spreadsheet's limits (1,048,576 rows or
    /// 16,384 columns a sheet, 32,767 characters a cell) or the XLSX writer failed.
    #[error("cannot write {part}: {fault}")]
    Export {
        /// The part of the workbook being written.
        part: ExportPart,
        /// What went wrong (and so what to do).
        fault: ExportFault,
    },

    /// A CouchDB push, pull or setup stopped: the server's answer or the network said why
    /// ([`crate::sync::SyncError`] has the kinds).
    #[error(transparent)]
    Sync(#[from] crate::sync::SyncError),
}

fn item_suffix(item: &Option<String>) -> String {
    match item {
        Some(item) => format!(", item `{item}`"),
        None => String::new(),
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_error_names_file_line_column_and_field() {
        let e = Error::Input {
            position: Position::at(3, 2).in_file("kano.csv").with_field("functional"),
            reason: "`7` is not an answer code; use 1 (like) to 5 (dislike)".into(),
        };
        assert_eq!(
            e.to_string(),
            "kano.csv, line 3, column 2 (`functional`): `7` is not an answer code; use 1 (like) to 5 (dislike)"
        );
    }

    #[test]
    fn questionnaire_error_names_item() {
        let e = Error::InvalidQuestionnaire {
            questionnaire: "hall".into(),
            item: Some("wait".into()),
            reason: crate::text::Text::new("题目编号重复", "duplicate item id"),
        };
        assert_eq!(e.to_string(), "questionnaire `hall`, item `wait`: duplicate item id");
    }
}
