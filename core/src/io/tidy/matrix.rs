//! AHP matrix files: first row `,name1,name2,…`, then one row `name,a1,a2,…` per criterion.

use super::TidyCsv;
use crate::error::{Error, Result};
use crate::scoring::ahp::{parse_judgement, PairwiseMatrix};

/// Reads a pairwise-comparison matrix and its criterion names. Cells may be fractions (`1/3`).
/// Errors, including a non-reciprocal pair, name the file, line and column of the cell.
pub fn read_matrix(bytes: &[u8], source: &str) -> Result<(Vec<String>, PairwiseMatrix)> {
    let csv = TidyCsv::parse(bytes, source)?;
    let names: Vec<String> = csv.headers.iter().skip(1).cloned().collect();
    if names.is_empty() {
        return Err(csv.error(1, 0, "the first row must name the criteria: `,name1,name2,…`"));
    }
    if csv.records.len() != names.len() {
        return Err(csv.error(
            csv.records.last().map_or(1, |(l, _)| *l),
            0,
            format!(
                "{} criteria in the header but {} rows; give one row per criterion",
                names.len(),
                csv.records.len()
            ),
        ));
    }
    let mut rows = Vec::with_capacity(names.len());
    for (k, (line, rec)) in csv.records.iter().enumerate() {
        let name = TidyCsv::field(rec, 0);
        if name != names[k] {
            return Err(csv.error(
                *line,
                0,
                format!(
                    "row {} is `{name}` but column {} is `{}`; list the criteria in the same order",
                    k + 1,
                    k + 1,
                    names[k]
                ),
            ));
        }
        let row = (1..=names.len())
            .map(|c| parse_judgement(TidyCsv::field(rec, c)).map_err(|reason| csv.error(*line, c, reason)))
            .collect::<Result<Vec<f64>>>()?;
        rows.push(row);
    }
    let lines: Vec<u64> = csv.records.iter().map(|(l, _)| *l).collect();
    let matrix = PairwiseMatrix::new(rows).map_err(|e| match e {
        Error::InvalidMatrix { row, column, fault } => csv.error(lines[row - 1], column, fault.to_string()),
        other => other,
    })?;
    Ok((names, matrix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_public_check_matrix() {
        let (names, m) = read_matrix(b",a,b,c\na,1,2,4\nb,1/2,1,3\nc,1/4,1/3,1\n", "m.csv").unwrap();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(m.rows()[2], [0.25, 1.0 / 3.0, 1.0]);
    }

    #[test]
    fn errors_point_at_the_cell() {
        let e = read_matrix(b",a,b\na,1,3\nb,1/2,1\n", "m.csv").unwrap_err().to_string();
        assert!(e.starts_with("m.csv, line 3, column 2 (`a`): 0.5 is not the reciprocal of 3"), "{e}");
        let e = read_matrix(b",a,b\na,1,x\nb,1,1\n", "m.csv").unwrap_err().to_string();
        assert!(e.starts_with("m.csv, line 2, column 3 (`b`)"), "{e}");
        let e = read_matrix(b",a,b\nb,1,1\na,1,1\n", "m.csv").unwrap_err().to_string();
        assert!(e.contains("row 1 is `b` but column 1 is `a`"), "{e}");
        let e = read_matrix(b",a,b\na,1,0\nb,1,1\n", "m.csv").unwrap_err().to_string();
        assert!(e.starts_with("m.csv, line 2, column 3"), "{e}");
    }
}
