//! The analysts' workbook: every table of an [`Export`] as a sheet, and a sheet explaining each
//! formula, written with `rust_xlsxwriter` to bytes (the browser offers them as a download, the
//! CLI writes them to a file).
//!
//! Decisions, the same in the browser and on the command line:
//! - **Text** is always written with `write_string`: a string cell, which Excel and WPS never
//!   evaluate, so it holds the text exactly as given — a comment beginning with `=` or `-` shows as
//!   the customer typed it. (The CSV files, which a spreadsheet does evaluate, put an apostrophe
//!   before such text.)
//! - **Numbers** are number cells, unrounded (General format); counts are whole numbers; flags are
//!   booleans; missing values are empty cells.
//! - **Timestamps** are Excel date-times (`yyyy-mm-dd hh:mm:ss`) in the device's local time, so
//!   they sort, filter and subtract as dates; an Excel date has no offset, so each date-time column
//!   is followed by `<column>_utc_offset` (`+08:00`), which keeps devices in different offsets
//!   comparable. The CSV and JSON files write the same moments as ISO 8601 text with the offset.
//! - **Creation time**: the document's creation time is the export time passed in, converted to
//!   UTC, so the same data exported at the same time gives the same bytes.
//!
//! On the clock: `rust_xlsxwriter` 0.102 reads the system clock (`std::time::SystemTime`)
//! whenever a `DocProperties` is made — inside `Workbook::new()` and again while saving — and only
//! then lets the caller's creation time replace it. The value never reaches the file, so the
//! output is deterministic, but on `wasm32-unknown-unknown` std's clock panics ("time not
//! implemented on this platform"). The browser app must therefore enable the crate's `wasm`
//! feature in its own manifest (Cargo unifies features, and the crate then asks JavaScript's
//! `Date.now()` instead); the core does not, so that it has no web dependency.

mod formulas;

use super::export::Export;
use super::table::{format_number, Cell, Table};
use crate::error::{Error, ExportFault, ExportPart, Result};
use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

pub use formulas::FORMULAS;

/// The name of the sheet explaining the formulas (after the tables' sheets).
pub const FORMULAS_SHEET: &str = "formulas";

/// The most data rows a sheet holds (Excel's 1,048,576 rows less the header).
pub const MAX_ROWS: usize = 1_048_575;

fn failed(part: ExportPart) -> impl Fn(XlsxError) -> Error {
    move |e| Error::Export { part: part.clone(), fault: ExportFault::Writer(e.to_string()) }
}

fn sheet(name: &str) -> ExportPart {
    ExportPart::Sheet(name.to_owned())
}

impl Export {
    /// The workbook: one sheet per table (`responses`, `index`, `kano`, `drivers`, `weights`,
    /// `dictionary`) with a frozen, filterable header row, then the `formulas` sheet with what
    /// was exported and how each figure is computed. A table with more rows than a sheet holds is
    /// an error that says to use the CSV files.
    pub fn to_xlsx(&self) -> Result<Vec<u8>> {
        let mut wb = Workbook::new();
        // Level 3 rather than 6: a third faster for 100,000 responses, 14.7 MB instead of 12.9 MB.
        wb.set_zip_compression_level(3);
        let about = |key: &str| {
            self.about
                .rows
                .iter()
                .find(|r| r[0] == Cell::from(key))
                .map_or(String::new(), |r| r[3].to_field())
        };
        let properties = DocProperties::new()
            .set_title(format!("满意 Manyi: {}", about("title")))
            .set_subject(about("questionnaire"))
            .set_author("Manyi")
            .set_comment(format!("Exported at {}", self.exported_at.to_rfc3339()))
            .set_creation_datetime(&creation_time(self.exported_at)?);
        wb.set_properties(&properties);
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border_bottom(FormatBorder::Thin);
        for (name, table) in &self.tables {
            if table.rows.len() > MAX_ROWS {
                return Err(Error::Export {
                    part: sheet(name),
                    fault: ExportFault::TooManyRows { rows: table.rows.len(), most: MAX_ROWS },
                });
            }
            let ws = wb.add_worksheet();
            ws.set_name(*name).map_err(failed(sheet(name)))?;
            let columns = sheet_columns(table);
            write_table(ws, table, &columns, 0, &header).map_err(failed(sheet(name)))?;
            let last_row = table.rows.len() as u32;
            let last_col = columns.len().saturating_sub(1) as u16;
            ws.set_freeze_panes(1, 0).map_err(failed(sheet(name)))?;
            ws.autofilter(0, 0, last_row, last_col).map_err(failed(sheet(name)))?;
            for (c, width) in column_widths(table, &columns).into_iter().enumerate() {
                ws.set_column_width(c as u16, width).map_err(failed(sheet(name)))?;
            }
        }
        let ws = wb.add_worksheet();
        formulas_sheet(ws, &self.about, &header).map_err(failed(sheet(FORMULAS_SHEET)))?;
        wb.save_to_buffer().map_err(failed(ExportPart::Workbook))
    }
}

/// The export time as the UTC date-time Excel stores as the creation time.
fn creation_time(at: DateTime<FixedOffset>) -> Result<ExcelDateTime> {
    let utc = at.naive_utc();
    let year = u16::try_from(utc.year()).unwrap_or(0);
    ExcelDateTime::from_ymd(year, utc.month() as u8, utc.day() as u8)
        .and_then(|d| d.and_hms(utc.hour() as u16, utc.minute() as u8, utc.second()))
        .map_err(failed(ExportPart::CreationTime))
}

/// A column of a sheet: a column of the table, or the UTC offset of the date-time column before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SheetColumn {
    /// The table's column with this index.
    Table(usize),
    /// The offsets of the date-times of the table's column with this index.
    Offset(usize),
}

/// The sheet's columns: the table's, each date-time column followed by its offsets.
fn sheet_columns(t: &Table) -> Vec<SheetColumn> {
    let mut times = vec![false; t.columns.len()];
    for row in &t.rows {
        for (c, cell) in row.iter().enumerate() {
            if matches!(cell, Cell::DateTime(_)) {
                times[c] = true;
            }
        }
    }
    let mut columns = Vec::with_capacity(t.columns.len());
    for (c, time) in times.into_iter().enumerate() {
        columns.push(SheetColumn::Table(c));
        if time {
            columns.push(SheetColumn::Offset(c));
        }
    }
    columns
}

/// The header of a sheet column.
fn header_of(t: &Table, column: SheetColumn) -> String {
    match column {
        SheetColumn::Table(c) => t.columns[c].clone(),
        SheetColumn::Offset(c) => format!("{}_utc_offset", t.columns[c]),
    }
}

/// Writes the header at `top` and the rows below it, in the sheet's `columns`.
fn write_table(
    ws: &mut Worksheet,
    t: &Table,
    columns: &[SheetColumn],
    top: u32,
    header: &Format,
) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    for (c, column) in columns.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, header_of(t, *column), header)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = top + 1 + r as u32;
        for (c, column) in columns.iter().enumerate() {
            match (
                column,
                row.get(match column {
                    SheetColumn::Table(k) | SheetColumn::Offset(k) => *k,
                }),
            ) {
                (SheetColumn::Table(_), Some(cell)) => write_cell(ws, r, c as u16, cell, &date)?,
                (SheetColumn::Offset(_), Some(Cell::DateTime(t))) => {
                    ws.write_string(r, c as u16, t.format("%:z").to_string())?;
                }
                _ => {}
            }
        }
    }
    Ok(())
}

fn write_cell(ws: &mut Worksheet, r: u32, c: u16, cell: &Cell, date: &Format) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Number(x) if x.is_finite() => {
            ws.write_number(r, c, *x)?;
        }
        Cell::Number(_) => {}
        Cell::Integer(x) => {
            ws.write_number(r, c, *x as f64)?;
        }
        Cell::Bool(b) => {
            ws.write_boolean(r, c, *b)?;
        }
        Cell::Text(t) => {
            ws.write_string(r, c, t)?;
        }
        Cell::DateTime(t) => match local_time(*t) {
            Ok(excel) => {
                ws.write_datetime_with_format(r, c, &excel, date)?;
            }
            // A year Excel cannot hold (before 1900 or after 9999): the ISO 8601 text.
            Err(_) => {
                ws.write_string(r, c, t.to_rfc3339())?;
            }
        },
    }
    Ok(())
}

/// The wall-clock time of `t` in its own offset, as an Excel date-time.
fn local_time(t: DateTime<FixedOffset>) -> Result<ExcelDateTime, XlsxError> {
    let local = t.naive_local();
    let year = u16::try_from(local.year()).unwrap_or(0);
    let seconds = f64::from(local.second()) + f64::from(local.nanosecond()) / 1e9;
    ExcelDateTime::from_ymd(year, local.month() as u8, local.day() as u8)?.and_hms(
        local.hour() as u16,
        local.minute() as u8,
        seconds,
    )
}

/// Widths in character units from the header and the first rows: wide (CJK) characters count
/// two, numbers at most 12, date-times 19, offsets 6; between 6 and 50.
fn column_widths(t: &Table, columns: &[SheetColumn]) -> Vec<f64> {
    let width = |cell: &Cell| match cell {
        Cell::Text(s) => display_width(s),
        Cell::Number(x) => format_number(*x).len().min(12),
        Cell::Integer(x) => x.to_string().len(),
        Cell::Bool(_) => 5,
        Cell::DateTime(_) => 19,
        Cell::Empty => 0,
    };
    let mut widths: Vec<usize> = columns.iter().map(|c| display_width(&header_of(t, *c))).collect();
    for row in t.rows.iter().take(1000) {
        for (w, column) in widths.iter_mut().zip(columns) {
            let n = match column {
                SheetColumn::Table(c) => row.get(*c).map_or(0, width),
                SheetColumn::Offset(_) => 6,
            };
            *w = (*w).max(n);
        }
    }
    widths.into_iter().map(|w| (w + 2).clamp(6, 50) as f64).collect()
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// What was exported (the about rows), a blank row, then each formula in Chinese and English.
fn formulas_sheet(ws: &mut Worksheet, about: &Table, header: &Format) -> Result<(), XlsxError> {
    ws.set_name(FORMULAS_SHEET)?;
    let wrap = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    write_table(ws, about, &sheet_columns(about), 0, header)?;
    let mut formulas = Table::new(["figure", "中文", "English"]);
    for (figure, zh, en) in FORMULAS {
        formulas.push(vec![figure.into(), zh.into(), en.into()]);
    }
    write_table(ws, &formulas, &sheet_columns(&formulas), about.rows.len() as u32 + 2, header)?;
    ws.set_column_width(0, 18)?;
    ws.set_column_format(1, &wrap)?;
    ws.set_column_format(2, &wrap)?;
    ws.set_column_width(1, 60)?;
    ws.set_column_width(2, 70)?;
    ws.set_column_width(3, 32)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests;
