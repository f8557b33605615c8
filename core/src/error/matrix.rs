//! What is wrong with a pairwise-comparison matrix, as data: the kind of fault and the numbers
//! it is about, so the app says it (and what to enter instead) in either language. The row and
//! column of the entry at fault are beside it in [`super::Error::InvalidMatrix`].

use serde::{Deserialize, Serialize};
use std::fmt;

/// The fault of a pairwise-comparison matrix, at the row and column its error names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MatrixFault {
    /// No criteria at all: compare at least one (a 1×1 matrix `[1]`).
    Empty,
    /// More criteria than can be compared at once (the random index is tabulated up to `most`):
    /// group them into a hierarchy.
    TooMany {
        /// The criteria given.
        criteria: usize,
        /// The most that can be compared at once.
        most: usize,
    },
    /// A row with another number of entries than the matrix has rows: the matrix must be square.
    NotSquare {
        /// The entries of the row at fault.
        entries: usize,
        /// The rows of the matrix.
        rows: usize,
    },
    /// An entry that is zero, negative or not a number: enter how many times more important
    /// the row is than the column, e.g. 3 or 1/3.
    NotPositive {
        /// The entry.
        value: f64,
    },
    /// A diagonal entry other than 1: a criterion compared with itself is 1.
    Diagonal {
        /// The entry.
        value: f64,
    },
    /// An entry that is not the reciprocal of its mirror (the entry at column, row): enter
    /// 1/`mirror` exactly (a fraction such as 1/3, not 0.333).
    NotReciprocal {
        /// The entry.
        value: f64,
        /// The mirror entry it should be the reciprocal of.
        mirror: f64,
    },
}

impl fmt::Display for MatrixFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MatrixFault::Empty => {
                f.write_str("the matrix is empty; compare at least one criterion (a 1×1 matrix [1])")
            }
            MatrixFault::TooMany { criteria, most } => write!(
                f,
                "the matrix has {criteria} criteria; at most {most} can be compared at once (the random \
                 index is tabulated up to {most}); group the criteria into a hierarchy"
            ),
            MatrixFault::NotSquare { entries, rows } => {
                write!(
                    f,
                    "the row has {entries} entries but there are {rows} rows; the matrix must be square"
                )
            }
            MatrixFault::NotPositive { value } => write!(
                f,
                "{value} is not a positive number; enter how many times more important, e.g. 3 or 1/3"
            ),
            MatrixFault::Diagonal { value } => {
                write!(f, "{value} is on the diagonal; a criterion compared with itself is 1")
            }
            MatrixFault::NotReciprocal { value, mirror } => write!(
                f,
                "{value} is not the reciprocal of {mirror}; enter 1/{mirror} (type fractions such as 1/3 \
                 exactly, not 0.333)"
            ),
        }
    }
}
