//! `manyi kano FILE [--table] [--rule] [--counts]`.

use crate::output::{name, read, Output};
use manyi_core::analyses::{kano_of_counts, kano_of_pairs};
use manyi_core::io::tables::kano_table;
use manyi_core::io::tidy::{read_kano_counts, read_kano_pairs};
use manyi_core::scoring::kano::KanoOptions;
use std::path::Path;

/// Runs the command.
pub fn run(out: &Output, file: &Path, table: &str, rule: &str, counts: bool) -> Result<(), String> {
    let options = KanoOptions {
        table: table.parse().map_err(|e| format!("--table {table}: {e}"))?,
        rule: rule.parse().map_err(|e| format!("--rule {rule}: {e}"))?,
    };
    let bytes = read(file)?;
    let results = if counts {
        kano_of_counts(&read_kano_counts(&bytes, &name(file)).map_err(|e| e.to_string())?, &options)
    } else {
        kano_of_pairs(&read_kano_pairs(&bytes, &name(file)).map_err(|e| e.to_string())?, &options)
    }
    .map_err(|e| format!("{}: {e}", name(file)))?;
    out.table(&kano_table(&results))
}
