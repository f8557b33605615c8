//! Kano study files: answer pairs (`attribute,functional,dysfunctional`) or category counts
//! (`attribute,A,O,M,I,R,Q`).

use super::TidyCsv;
use crate::error::Result;
use crate::scoring::kano::{KanoAnswer, KanoCounts};

/// The answer pairs of each attribute, attributes in the order they first appear.
pub type KanoPairs = Vec<(String, Vec<(KanoAnswer, KanoAnswer)>)>;

/// Reads `attribute,functional,dysfunctional` rows (answer codes 1 like … 5 dislike). A row with
/// either answer blank is a missing answer and is skipped.
pub fn read_kano_pairs(bytes: &[u8], source: &str) -> Result<KanoPairs> {
    let csv = TidyCsv::parse(bytes, source)?;
    let (a, f, d) = (csv.column("attribute")?, csv.column("functional")?, csv.column("dysfunctional")?);
    let mut out: KanoPairs = Vec::new();
    for (line, rec) in &csv.records {
        let attribute = TidyCsv::field(rec, a);
        if attribute.is_empty() {
            return Err(csv.error(*line, a, "the attribute is blank; name the attribute on every row"));
        }
        let (fv, dv) = (TidyCsv::field(rec, f), TidyCsv::field(rec, d));
        let slot = match out.iter().position(|(name, _)| name == attribute) {
            Some(i) => i,
            None => {
                out.push((attribute.to_owned(), Vec::new()));
                out.len() - 1
            }
        };
        if fv.is_empty() || dv.is_empty() {
            continue;
        }
        let answer = |value: &str, col: usize| {
            value.parse::<u8>().ok().and_then(|c| KanoAnswer::try_from(c).ok()).ok_or_else(|| {
                csv.error(*line, col, format!("`{value}` is not an answer code; use 1 (like) to 5 (dislike)"))
            })
        };
        out[slot].1.push((answer(fv, f)?, answer(dv, d)?));
    }
    Ok(out)
}

/// Reads `attribute,A,O,M,I,R,Q` rows of category counts (whole numbers ≥ 0).
pub fn read_kano_counts(bytes: &[u8], source: &str) -> Result<Vec<(String, KanoCounts)>> {
    let csv = TidyCsv::parse(bytes, source)?;
    let a = csv.column("attribute")?;
    let cols = ["A", "O", "M", "I", "R", "Q"].map(|c| csv.column(c));
    let mut idx = [0usize; 6];
    for (i, c) in cols.into_iter().enumerate() {
        idx[i] = c?;
    }
    let mut out: Vec<(String, KanoCounts)> = Vec::new();
    for (line, rec) in &csv.records {
        let attribute = TidyCsv::field(rec, a);
        if attribute.is_empty() {
            return Err(csv.error(*line, a, "the attribute is blank; name the attribute on every row"));
        }
        if out.iter().any(|(n, _)| n == attribute) {
            return Err(csv.error(
                *line,
                a,
                format!("`{attribute}` appears twice; give one row per attribute"),
            ));
        }
        let mut v = [0u64; 6];
        for (slot, &col) in v.iter_mut().zip(&idx) {
            let field = TidyCsv::field(rec, col);
            *slot = if field.is_empty() {
                0
            } else {
                field.parse().map_err(|_| {
                    csv.error(*line, col, format!("`{field}` is not a count; write a whole number ≥ 0"))
                })?
            };
        }
        let [a_, o, m, i, r, q] = v;
        out.push((attribute.to_owned(), KanoCounts { a: a_, o, m, i, r, q }));
    }
    Ok(out)
}
