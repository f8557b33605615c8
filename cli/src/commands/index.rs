//! `manyi index FILE --items a,b,c --scale MIN..MAX [--weights W.csv] [--by COLUMN]`.

use crate::output::{name, read, Output};
use manyi_core::analyses::index_of_ratings;
use manyi_core::io::tables::index_table;
use manyi_core::io::tidy::{read_ratings, read_weights, RatingColumn};
use manyi_core::scoring::index::IndexOptions;
use std::path::Path;

/// Runs the command.
pub fn run(
    out: &Output,
    file: &Path,
    items: &[String],
    scale: &str,
    weights: Option<&Path>,
    by: Option<&str>,
) -> Result<(), String> {
    let scale = super::scale(scale, "scale")?;
    let w = match weights {
        Some(path) => read_weights(&read(path)?, &name(path), items).map_err(|e| e.to_string())?,
        None => vec![1.0; items.len()],
    };
    let columns = RatingColumn::all_on(items, scale);
    let rows = read_ratings(&read(file)?, &name(file), &columns, by).map_err(|e| e.to_string())?;
    let groups = index_of_ratings(&rows, items, scale, &w, &IndexOptions::default())
        .map_err(|e| format!("{}: {e}", name(file)))?;
    out.table(&index_table(&groups))
}
