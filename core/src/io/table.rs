//! A table of typed cells, written as CSV (RFC 4180, optional UTF-8 BOM) or as a JSON array of
//! objects. Every score table of the CLI and the app goes through here, so the two agree.

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (an empty CSV field, JSON `null`).
    Empty,
    /// A number, written unrounded (shortest form that reads back to the same `f64`).
    Number(f64),
    /// A whole number.
    Integer(i64),
    /// True or false.
    Bool(bool),
    /// Text; neutralised in CSV files so a spreadsheet never runs it as a formula (a workbook's
    /// text cell is never a formula and keeps the text exactly).
    Text(String),
    /// A moment with the device's UTC offset: ISO 8601 text in CSV and JSON
    /// (`2026-03-02T09:15:00+08:00`), an Excel date-time in the local time with the offset in a
    /// column of its own in a workbook.
    DateTime(DateTime<FixedOffset>),
}

impl From<DateTime<FixedOffset>> for Cell {
    fn from(x: DateTime<FixedOffset>) -> Self {
        Cell::DateTime(x)
    }
}

impl From<Option<DateTime<FixedOffset>>> for Cell {
    fn from(x: Option<DateTime<FixedOffset>>) -> Self {
        x.map_or(Cell::Empty, Cell::DateTime)
    }
}

impl From<f64> for Cell {
    fn from(x: f64) -> Self {
        Cell::Number(x)
    }
}

impl From<Option<f64>> for Cell {
    fn from(x: Option<f64>) -> Self {
        x.map_or(Cell::Empty, Cell::Number)
    }
}

impl From<usize> for Cell {
    fn from(x: usize) -> Self {
        Cell::Integer(x as i64)
    }
}

impl From<u64> for Cell {
    fn from(x: u64) -> Self {
        Cell::Integer(x as i64)
    }
}

impl From<bool> for Cell {
    fn from(x: bool) -> Self {
        Cell::Bool(x)
    }
}

impl From<&str> for Cell {
    fn from(x: &str) -> Self {
        Cell::Text(x.to_owned())
    }
}

impl From<String> for Cell {
    fn from(x: String) -> Self {
        Cell::Text(x)
    }
}

/// Text that a spreadsheet would run as a formula — it begins with `=`, `+`, `-`, `−`, `@`, a tab
/// or a carriage return — gets a leading apostrophe, which Excel and WPS show as plain text.
pub fn neutralise(text: &str) -> String {
    if text.chars().next().is_some_and(starts_formula) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Whether text that begins with `c` would run as a formula.
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '\u{2212}' | '@' | '\t' | '\r')
}

/// The text [`neutralise`] was given: a leading apostrophe before a character it guards is
/// dropped. (Text that itself began with such an apostrophe, e.g. `'=x`, reads back without it:
/// the two cannot be told apart.)
pub fn unneutralise(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.chars().next().is_some_and(starts_formula) => rest,
        _ => field,
    }
}

impl Cell {
    /// The cell as CSV field text.
    pub fn to_field(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(x) => format_number(*x),
            Cell::Integer(x) => x.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Text(t) => neutralise(t),
            Cell::DateTime(t) => t.to_rfc3339(),
        }
    }

    /// The cell as a JSON value (text is not neutralised: JSON is read by programs).
    pub fn to_json(&self) -> Value {
        match self {
            Cell::Empty => Value::Null,
            Cell::Number(x) => serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number),
            Cell::Integer(x) => Value::from(*x),
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Text(t) => Value::String(t.clone()),
            Cell::DateTime(t) => Value::String(t.to_rfc3339()),
        }
    }
}

/// A number as text: unrounded, `NaN`/infinite written as empty.
pub fn format_number(x: f64) -> String {
    if x.is_finite() {
        // Avoid "-0".
        if x == 0.0 {
            "0".to_owned()
        } else {
            x.to_string()
        }
    } else {
        String::new()
    }
}

/// A table: column names and rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column names (stable: item ids, field names).
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

/// The UTF-8 byte-order mark, so that Excel opens a CSV file as UTF-8 and shows Chinese text.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Table {
    /// An empty table with these columns.
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = S>) -> Self {
        Table { columns: columns.into_iter().map(Into::into).collect(), rows: Vec::new() }
    }

    /// Adds a row; it must have one cell per column.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len(), "row length");
        self.rows.push(row);
    }

    /// The table as CSV (RFC 4180: CRLF line ends, fields quoted when needed), with a BOM if asked.
    pub fn to_csv(&self, bom: bool) -> Vec<u8> {
        self.to_csv_part(true, bom)
    }

    /// Part of a CSV file: the rows, after the header row if asked, after a BOM if asked. The
    /// parts of a large table, written in turn, make the file [`Table::to_csv`] would.
    pub fn to_csv_part(&self, header: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(BOM);
        }
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
        if header {
            w.write_record(&self.columns).expect("writing to memory cannot fail");
        }
        for row in &self.rows {
            w.write_record(row.iter().map(Cell::to_field)).expect("writing to memory cannot fail");
        }
        w.into_inner().expect("writing to memory cannot fail")
    }

    /// The table as a JSON array of objects keyed by column name.
    pub fn to_json_value(&self) -> Value {
        Value::Array(
            self.rows
                .iter()
                .map(|row| {
                    let mut obj = Map::new();
                    for (c, cell) in self.columns.iter().zip(row) {
                        obj.insert(c.clone(), cell.to_json());
                    }
                    Value::Object(obj)
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_bom_quoting_and_neutralised_formulas() {
        let mut t = Table::new(["group", "index", "note"]);
        t.push(vec!["城东, 一厅".into(), 75.0.into(), "=HYPERLINK(\"x\")".into()]);
        t.push(vec!["-2".into(), Cell::Empty, "@SUM(A1)".into()]);
        t.push(vec!["ok".into(), (-0.0).into(), "say \"hi\"".into()]);
        let csv = t.to_csv(true);
        assert!(csv.starts_with(BOM));
        let text = String::from_utf8(csv[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "group,index,note\r\n\"城东, 一厅\",75,\"'=HYPERLINK(\"\"x\"\")\"\r\n'-2,,'@SUM(A1)\r\nok,0,\"say \"\"hi\"\"\"\r\n"
        );
    }

    #[test]
    fn neutralised_text_reads_back() {
        for text in
            ["=HYPERLINK(\"x\")", "-2", "+1 排队", "\u{2212}3", "@SUM(A1)", "\tx", "plain", "'quoted", ""]
        {
            assert_eq!(unneutralise(&neutralise(text)), text);
        }
        assert_eq!(unneutralise("'=x"), "=x");
        assert_eq!(unneutralise("'a"), "'a");
    }

    #[test]
    fn numbers_are_unrounded() {
        assert_eq!(format_number(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(format_number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(format_number(f64::NAN), "");
    }

    #[test]
    fn json_array_of_objects() {
        let mut t = Table::new(["a", "b", "c"]);
        t.push(vec![Cell::Integer(3), Cell::Empty, "=x".into()]);
        assert_eq!(t.to_json_value().to_string(), r#"[{"a":3,"b":null,"c":"=x"}]"#);
    }
}
