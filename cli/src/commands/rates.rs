//! `manyi rates FILE --column COLUMN [--by COLUMN]`.

use crate::output::{name, read, Output};
use manyi_core::callback::export::rates_table;
use manyi_core::callback::final_codes::read_final_codes;
use manyi_core::callback::rates::rates_by_group;
use std::path::Path;

/// Runs the command: one row per group (`all` without `--by`).
pub fn run(out: &Output, file: &Path, column: &str, by: Option<&str>) -> Result<(), String> {
    let rows = read_final_codes(&read(file)?, &name(file), column, by).map_err(|e| e.to_string())?;
    out.table(&rates_table(&rates_by_group(rows)))
}
