//! Why an export file could not be written, as data: which part of the workbook and what went
//! wrong, so the app says it in either language.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The part of a workbook being written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportPart {
    /// The sheet of this name.
    Sheet(String),
    /// The workbook's creation time (its properties).
    CreationTime,
    /// The workbook as a whole (putting it together).
    Workbook,
}

impl fmt::Display for ExportPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportPart::Sheet(name) => write!(f, "sheet `{name}`"),
            ExportPart::CreationTime => f.write_str("the creation time"),
            ExportPart::Workbook => f.write_str("the workbook"),
        }
    }
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFault {
    /// A table has more rows than a sheet holds: export CSV files instead.
    TooManyRows {
        /// The table's rows.
        rows: usize,
        /// The most a sheet holds.
        most: usize,
    },
    /// The XLSX writer failed: its own words (English).
    Writer(String),
}

impl fmt::Display for ExportFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportFault::TooManyRows { rows, most } => {
                write!(f, "{rows} rows do not fit in a sheet (at most {most}); export CSV files instead")
            }
            ExportFault::Writer(words) => f.write_str(words),
        }
    }
}
