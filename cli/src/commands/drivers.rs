//! `manyi drivers FILE --overall COLUMN --items a,b,c --scale MIN..MAX [--overall-scale MIN..MAX]
//! [--low L1..L2] [--high H1..H2]`.

use crate::output::{name, read, Output};
use manyi_core::analyses::drivers;
use manyi_core::io::tables::drivers_table;
use manyi_core::io::tidy::{read_ratings, RatingColumn};
use manyi_core::scoring::drivers::{Bands, PenaltyRewardOptions};
use manyi_core::scoring::scale::Scale;
use std::path::Path;

/// Runs the command: the items on `scales.0`, overall on `scales.1` (default the items'), the
/// low and high bands `bands`.
pub fn run(
    out: &Output,
    file: &Path,
    overall: &str,
    items: &[String],
    scales: (&str, Option<&str>),
    bands: (Option<&str>, Option<&str>),
) -> Result<(), String> {
    let (low, high) = bands;
    let scale = super::scale(scales.0, "scale")?;
    let overall_scale = scales.1.map_or(Ok(scale), |text| super::scale(text, "overall-scale"))?;
    let bands = match (low, high) {
        (None, None) if scale == Scale::ONE_TO_FIVE => Bands::default(),
        (Some(l), Some(h)) => Bands { low: super::band(l, "low")?, high: super::band(h, "high")? },
        (Some(l), None) if scale == Scale::ONE_TO_FIVE => {
            Bands { low: super::band(l, "low")?, ..Bands::default() }
        }
        (None, Some(h)) if scale == Scale::ONE_TO_FIVE => {
            Bands { high: super::band(h, "high")?, ..Bands::default() }
        }
        _ => {
            return Err(format!(
                "the default bands are for 1..5; on {scale} give both --low and --high",
                scale = format_args!("{}..{}", scale.min, scale.max)
            ))
        }
    };
    let mut columns = RatingColumn::all_on(items, scale);
    columns.push(RatingColumn { name: overall, scale: overall_scale });
    let rows = read_ratings(&read(file)?, &name(file), &columns, None).map_err(|e| e.to_string())?;
    let overall_values: Vec<Option<f64>> = rows.iter().map(|r| r.values[items.len()]).collect();
    let values: Vec<Vec<Option<f64>>> =
        (0..items.len()).map(|j| rows.iter().map(|r| r.values[j]).collect()).collect();
    let options = PenaltyRewardOptions { scale, bands, ..PenaltyRewardOptions::default() };
    let result =
        drivers(items, &overall_values, &values, &options).map_err(|e| format!("{}: {e}", name(file)))?;
    out.table(&drivers_table(&result))
}
