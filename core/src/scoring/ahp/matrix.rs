//! The pairwise-comparison matrix of AHP: parsing a judgement cell and validating the matrix.

use super::MAX_CRITERIA;
use crate::error::{Error, MatrixFault, Result};
use serde::{Deserialize, Serialize};

/// How far a_ij · a_ji may stray from 1 (relative), and a diagonal entry from 1.
///
/// Tight enough that `0.333` for 1/3 is rejected with a message to type `1/3` instead: the judgements are
/// used exactly as entered, so a rounded reciprocal would silently move the weights.
pub const RECIPROCAL_TOLERANCE: f64 = 1e-6;

/// Parses one cell of a pairwise-comparison matrix: a positive number (`3`, `0.5`) or a fraction (`1/3`,
/// also with the full-width slash `1／3`).
///
/// The error says what was wrong and what to type; the caller adds the file, line and column.
pub fn parse_judgement(cell: &str) -> std::result::Result<f64, String> {
    let cell = cell.trim();
    let number = |s: &str| -> std::result::Result<f64, String> {
        let s = s.trim();
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ => Err(format!(
                "`{cell}` is not a judgement; type a positive number such as 3 or 0.5, or a fraction such as 1/3"
            )),
        }
    };
    if cell.is_empty() {
        return Err("the cell is empty; type a judgement such as 3, 0.5 or 1/3 (1 on the diagonal)".into());
    }
    let value = match cell.split_once(['/', '／']) {
        Some((numerator, denominator)) => {
            let (a, b) = (number(numerator)?, number(denominator)?);
            if b == 0.0 {
                return Err(format!(
                    "`{cell}` divides by zero; a judgement is a positive number such as 1/3"
                ));
            }
            a / b
        }
        None => number(cell)?,
    };
    if value <= 0.0 || !value.is_finite() {
        return Err(format!(
            "`{cell}` is not positive; a judgement is how many times more important the row is than the \
             column, e.g. 3, or 1/3 for the reverse"
        ));
    }
    Ok(value)
}

/// A validated pairwise-comparison matrix: square, 1 ≤ n ≤ [`MAX_CRITERIA`], every entry finite and
/// positive, 1 on the diagonal and a_ji = 1/a_ij (within [`RECIPROCAL_TOLERANCE`]).
///
/// Entry a_ij says how many times more important criterion i (row) is than criterion j (column).
/// It serialises as its rows, `[[1, 3], [0.333…, 1]]`, and is validated again when read back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Vec<f64>>", into = "Vec<Vec<f64>>")]
pub struct PairwiseMatrix {
    rows: Vec<Vec<f64>>,
}

fn invalid(row: usize, column: usize, fault: MatrixFault) -> Error {
    Error::InvalidMatrix { row: row + 1, column: column + 1, fault }
}

impl PairwiseMatrix {
    /// Validates `rows` as a pairwise-comparison matrix. Errors name the 1-based row and column of the
    /// first entry at fault and the kind of fault ([`MatrixFault`], which says what to enter instead).
    pub fn new(rows: Vec<Vec<f64>>) -> Result<Self> {
        let n = rows.len();
        if n == 0 {
            return Err(invalid(0, 0, MatrixFault::Empty));
        }
        if n > MAX_CRITERIA {
            return Err(invalid(MAX_CRITERIA, 0, MatrixFault::TooMany { criteria: n, most: MAX_CRITERIA }));
        }
        for (i, row) in rows.iter().enumerate() {
            if row.len() != n {
                let fault = MatrixFault::NotSquare { entries: row.len(), rows: n };
                return Err(invalid(i, row.len().min(n), fault));
            }
        }
        for (i, row) in rows.iter().enumerate() {
            for (j, &value) in row.iter().enumerate() {
                if !value.is_finite() || value <= 0.0 {
                    return Err(invalid(i, j, MatrixFault::NotPositive { value }));
                }
            }
        }
        for (i, row) in rows.iter().enumerate() {
            if (row[i] - 1.0).abs() > RECIPROCAL_TOLERANCE {
                return Err(invalid(i, i, MatrixFault::Diagonal { value: row[i] }));
            }
            for j in 0..i {
                let (mirror, value) = (rows[j][i], row[j]);
                if (mirror * value - 1.0).abs() > RECIPROCAL_TOLERANCE {
                    return Err(invalid(i, j, MatrixFault::NotReciprocal { value, mirror }));
                }
            }
        }
        Ok(PairwiseMatrix { rows })
    }

    /// The number of criteria n.
    pub fn size(&self) -> usize {
        self.rows.len()
    }

    /// The rows of the matrix.
    pub fn rows(&self) -> &[Vec<f64>] {
        &self.rows
    }
}

impl TryFrom<Vec<Vec<f64>>> for PairwiseMatrix {
    type Error = Error;
    fn try_from(rows: Vec<Vec<f64>>) -> Result<Self> {
        PairwiseMatrix::new(rows)
    }
}

impl From<PairwiseMatrix> for Vec<Vec<f64>> {
    fn from(m: PairwiseMatrix) -> Self {
        m.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix_error(rows: Vec<Vec<f64>>) -> (usize, usize, String) {
        match PairwiseMatrix::new(rows) {
            Err(Error::InvalidMatrix { row, column, fault }) => (row, column, fault.to_string()),
            other => panic!("expected InvalidMatrix, got {other:?}"),
        }
    }
    #[test]
    fn non_reciprocal_entry_is_named() {
        let (row, column, reason) =
            matrix_error(vec![vec![1.0, 2.0, 4.0], vec![0.5, 1.0, 3.0], vec![0.25, 3.0, 1.0]]);
        assert_eq!((row, column), (3, 2));
        assert!(reason.contains("reciprocal of 3") && reason.contains("1/3"), "{reason}");
        // 0.333 is 1e-3 away from 1/3: rejected, with the advice to type 1/3, as data.
        assert!(matches!(
            PairwiseMatrix::new(vec![vec![1.0, 3.0], vec![0.333, 1.0]]),
            Err(Error::InvalidMatrix { row: 2, column: 1, fault: MatrixFault::NotReciprocal { value, mirror } })
                if value == 0.333 && mirror == 3.0
        ));
        // 0.333333333 is within the tolerance.
        assert!(PairwiseMatrix::new(vec![vec![1.0, 3.0], vec![0.333333333, 1.0]]).is_ok());
    }

    #[test]
    fn zero_negative_and_bad_diagonal_are_named() {
        let (row, column, reason) = matrix_error(vec![vec![1.0, 0.0], vec![2.0, 1.0]]);
        assert_eq!((row, column), (1, 2));
        assert!(reason.contains("not a positive number"), "{reason}");
        assert_eq!(matrix_error(vec![vec![1.0, 2.0], vec![-0.5, 1.0]]).0, 2);
        assert_eq!(matrix_error(vec![vec![1.0, f64::NAN], vec![0.5, 1.0]]).1, 2);
        let (row, column, reason) = matrix_error(vec![vec![1.0, 2.0], vec![0.5, 2.0]]);
        assert_eq!((row, column), (2, 2));
        assert!(reason.contains("diagonal"), "{reason}");
    }

    #[test]
    fn shape_errors() {
        assert_eq!(matrix_error(vec![]).0, 1);
        let (row, column, reason) = matrix_error(vec![vec![1.0, 2.0], vec![0.5]]);
        assert_eq!((row, column), (2, 2));
        assert!(reason.contains("square"));
        let big = vec![vec![1.0; 11]; 11];
        let (row, _, reason) = matrix_error(big);
        assert_eq!(row, 11);
        assert!(reason.contains("hierarchy"));
    }

    #[test]
    fn parses_judgements() {
        assert_eq!(parse_judgement("3"), Ok(3.0));
        assert_eq!(parse_judgement(" 0.5 "), Ok(0.5));
        assert_eq!(parse_judgement("1/3"), Ok(1.0 / 3.0));
        assert_eq!(parse_judgement("1 ／ 4"), Ok(0.25));
        for bad in ["", "abc", "0", "-2", "1/0", "inf", "NaN", "1/x", "0/3"] {
            assert!(parse_judgement(bad).is_err(), "{bad} accepted");
        }
        assert!(parse_judgement("1/0").unwrap_err().contains("zero"));
    }

    #[test]
    fn serialises_as_rows_and_validates_when_read() {
        let m = PairwiseMatrix::new(vec![vec![1.0, 2.0], vec![0.5, 1.0]]).unwrap();
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, "[[1.0,2.0],[0.5,1.0]]");
        assert_eq!(serde_json::from_str::<PairwiseMatrix>(&json).unwrap(), m);
        assert!(serde_json::from_str::<PairwiseMatrix>("[[1.0,2.0],[2.0,1.0]]").is_err());
    }
}
