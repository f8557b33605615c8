//! Writing results: a table as CSV or JSON, or a JSON object, to stdout or a file.

use crate::args::Format;
use manyi_core::io::table::Table;
use std::io::Write;
use std::path::Path;

/// Where and how to write.
pub struct Output<'a> {
    /// CSV or JSON.
    pub format: Format,
    /// A file, or standard output.
    pub path: Option<&'a Path>,
}

impl Output<'_> {
    /// Writes a table: CSV (with a BOM when going to a file) or a JSON array of objects.
    pub fn table(&self, table: &Table) -> Result<(), String> {
        match self.format {
            Format::Csv => self.bytes(&table.to_csv(self.path.is_some())),
            Format::Json => self.json(&table.to_json_value()),
        }
    }

    /// Writes a JSON value (pretty) — or, for CSV, the given table.
    pub fn object_or_table(&self, value: &serde_json::Value, table: &Table) -> Result<(), String> {
        match self.format {
            Format::Json => self.json(value),
            Format::Csv => self.table(table),
        }
    }

    fn json(&self, value: &serde_json::Value) -> Result<(), String> {
        let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| e.to_string())?;
        bytes.push(b'\n');
        self.bytes(&bytes)
    }

    /// Writes raw bytes to the file or standard output.
    pub fn bytes(&self, bytes: &[u8]) -> Result<(), String> {
        match self.path {
            Some(path) => {
                std::fs::write(path, bytes).map_err(|e| format!("{}: cannot write: {e}", path.display()))
            }
            None => {
                std::io::stdout().lock().write_all(bytes).map_err(|e| format!("cannot write output: {e}"))
            }
        }
    }
}

/// Reads a whole file, with an error naming it.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

/// The file name to show in messages.
pub fn name(path: &Path) -> String {
    path.display().to_string()
}
