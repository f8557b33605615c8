//! `manyi nps FILE --column NAME`.

use crate::output::{name, read, Output};
use manyi_core::io::tables::nps_table;
use manyi_core::io::tidy::read_nps_column;
use manyi_core::scoring::nps::{nps, DEFAULT_CONFIDENCE};
use std::path::Path;

/// Runs the command.
pub fn run(out: &Output, file: &Path, column: &str) -> Result<(), String> {
    let scores = read_nps_column(&read(file)?, &name(file), column).map_err(|e| e.to_string())?;
    let r = nps(&scores, DEFAULT_CONFIDENCE).map_err(|e| format!("{}: {e}", name(file)))?;
    let table = nps_table(&r);
    let object = table.to_json_value().as_array().and_then(|a| a.first().cloned()).unwrap_or_default();
    out.object_or_table(&object, &table)
}
