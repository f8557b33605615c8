//! Rating files: one row per respondent, a column per item; and item weight files.

use super::{is_missing, TidyCsv};
use crate::error::{Error, Position, Result};
use crate::scoring::scale::Scale;

/// One respondent's ratings of the requested items, and his group if one was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingRow {
    /// 1-based line in the file.
    pub line: u64,
    /// The value of the grouping column, if any.
    pub group: Option<String>,
    /// One value per requested column; `None` when blank or `NA`.
    pub values: Vec<Option<f64>>,
}

/// A column of a rating file and the scale its values lie on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatingColumn<'a> {
    /// The column's name in the header.
    pub name: &'a str,
    /// Its scale: an item's, or overall's (e.g. 0–10 beside items on 1–5).
    pub scale: Scale,
}

impl<'a> RatingColumn<'a> {
    /// Each of `names` on `scale`.
    pub fn all_on(names: &'a [String], scale: Scale) -> Vec<RatingColumn<'a>> {
        names.iter().map(|name| RatingColumn { name, scale }).collect()
    }
}

/// Reads the `columns` (and the `group` column, if given) of a rating file, one value per
/// column in their order. Every value must be a number on its column's scale.
pub fn read_ratings(
    bytes: &[u8],
    source: &str,
    columns: &[RatingColumn],
    group: Option<&str>,
) -> Result<Vec<RatingRow>> {
    let csv = TidyCsv::parse(bytes, source)?;
    let cols: Vec<(usize, Scale)> =
        columns.iter().map(|c| Ok((csv.column(c.name)?, c.scale))).collect::<Result<_>>()?;
    let group_col = group.map(|g| csv.column(g)).transpose()?;
    let mut rows = Vec::new();
    for (line, rec) in &csv.records {
        let mut values = Vec::with_capacity(cols.len());
        for &(c, scale) in &cols {
            let field = TidyCsv::field(rec, c);
            if is_missing(field) {
                values.push(None);
                continue;
            }
            let x: f64 = field.parse().ok().filter(|x: &f64| x.is_finite()).ok_or_else(|| {
                csv.error(
                    *line,
                    c,
                    format!("`{field}` is not a number; write a rating, or leave it blank (or NA)"),
                )
            })?;
            if !scale.contains(x) {
                return Err(csv.error(
                    *line,
                    c,
                    format!(
                        "{x} is off the scale {}..{} given for the column; correct it or the scale",
                        scale.min, scale.max
                    ),
                ));
            }
            values.push(Some(x));
        }
        let group = group_col.map(|g| TidyCsv::field(rec, g).to_owned());
        rows.push(RatingRow { line: *line, group, values });
    }
    Ok(rows)
}

/// Reads an `item,weight` file and returns the weights of `items` in their order. Every
/// requested item needs a weight ≥ 0, and every weight must belong to a requested item.
pub fn read_weights(bytes: &[u8], source: &str, items: &[String]) -> Result<Vec<f64>> {
    let csv = TidyCsv::parse(bytes, source)?;
    let (ic, wc) = (csv.column("item")?, csv.column("weight")?);
    let mut found: Vec<Option<f64>> = vec![None; items.len()];
    for (line, rec) in &csv.records {
        let item = TidyCsv::field(rec, ic);
        let slot = items.iter().position(|i| i == item).ok_or_else(|| {
            csv.error(
                *line,
                ic,
                format!(
                    "`{item}` is not one of the items ({}); remove the row or add it to --items",
                    items.join(", ")
                ),
            )
        })?;
        let field = TidyCsv::field(rec, wc);
        let w: f64 =
            field.parse().ok().filter(|w: &f64| w.is_finite() && *w >= 0.0).ok_or_else(|| {
                csv.error(*line, wc, format!("`{field}` is not a weight; write a number ≥ 0"))
            })?;
        if found[slot].replace(w).is_some() {
            return Err(csv.error(*line, ic, format!("`{item}` has two weights; keep one row per item")));
        }
    }
    items
        .iter()
        .zip(found)
        .map(|(item, w)| {
            w.ok_or_else(|| Error::Input {
                position: Position { file: Some(source.to_owned()), ..Position::default() },
                reason: format!("no weight for item `{item}`; add a row `{item},<weight>`"),
            })
        })
        .collect()
}

/// Reads a 0–10 column (e.g. "how likely are you to recommend"); blanks and `NA` are skipped.
pub fn read_nps_column(bytes: &[u8], source: &str, column: &str) -> Result<Vec<u8>> {
    let csv = TidyCsv::parse(bytes, source)?;
    let c = csv.column(column)?;
    let mut out = Vec::new();
    for (line, rec) in &csv.records {
        let field = TidyCsv::field(rec, c);
        if is_missing(field) {
            continue;
        }
        let x = field
            .parse::<u8>()
            .ok()
            .filter(|x| *x <= 10)
            .ok_or_else(|| csv.error(*line, c, format!("`{field}` is not a score from 0 to 10")))?;
        out.push(x);
    }
    Ok(out)
}
