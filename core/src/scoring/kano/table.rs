//! The Kano evaluation table: one functional and one dysfunctional answer give one category.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{KanoAnswer, KanoCategory};
use crate::Error;

/// Which evaluation table turns an answer pair into a category (DOMAIN.md §3). Written and
/// serialised as `standard` or `pouliot`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvaluationTable {
    /// The table of DOMAIN.md §3 (Berger et al. 1993), rows = functional, columns =
    /// dysfunctional answer (1 like … 5 dislike):
    ///
    /// ```text
    /// func\dysf  1  2  3  4  5
    ///     1      Q  A  A  A  O
    ///     2      R  I  I  I  M
    ///     3      R  I  I  I  M
    ///     4      R  I  I  I  M
    ///     5      R  R  R  R  Q
    /// ```
    #[default]
    Standard,
    /// The Pouliot (1993) variant: the standard table with the pairs (2, 2) "expect / expect"
    /// and (4, 4) "live with / live with" questionable instead of indifferent — answers that
    /// neither want the feature nor mind its absence, yet claim to expect it or to put up with
    /// it both ways:
    ///
    /// ```text
    /// func\dysf  1  2  3  4  5
    ///     1      Q  A  A  A  O
    ///     2      R  Q  I  I  M
    ///     3      R  I  I  I  M
    ///     4      R  I  I  Q  M
    ///     5      R  R  R  R  Q
    /// ```
    Pouliot,
}

impl EvaluationTable {
    /// The category of one respondent's answer pair.
    ///
    /// ```
    /// use manyi_core::scoring::kano::{EvaluationTable, KanoAnswer, KanoCategory};
    /// let c = EvaluationTable::Standard.classify(KanoAnswer::Like, KanoAnswer::Dislike);
    /// assert_eq!(c, KanoCategory::O);
    /// ```
    pub fn classify(self, functional: KanoAnswer, dysfunctional: KanoAnswer) -> KanoCategory {
        use KanoAnswer::*;
        use KanoCategory as C;
        match (self, functional, dysfunctional) {
            (EvaluationTable::Pouliot, Expect, Expect) | (EvaluationTable::Pouliot, LiveWith, LiveWith) => {
                C::Q
            }
            (_, Like, Like) | (_, Dislike, Dislike) => C::Q,
            (_, Like, Dislike) => C::O,
            (_, Like, _) => C::A,
            (_, _, Dislike) => C::M,
            (_, Dislike, _) | (_, _, Like) => C::R,
            _ => C::I,
        }
    }
}

impl FromStr for EvaluationTable {
    type Err = Error;

    /// Parses `standard` or `pouliot` (case and surrounding spaces ignored).
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "standard" => Ok(EvaluationTable::Standard),
            "pouliot" => Ok(EvaluationTable::Pouliot),
            _ => Err(Error::InvalidArgument {
                what: "Kano evaluation table".into(),
                reason: format!("`{s}` is not an evaluation table; use `standard` or `pouliot`"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard table typed in from DOMAIN.md §3, row by row.
    const STANDARD: [&str; 5] = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"];
    /// The Pouliot variant: (2, 2) and (4, 4) are Q (DOMAIN.md §3).
    const POULIOT: [&str; 5] = ["QAAAO", "RQIIM", "RIIIM", "RIIQM", "RRRRQ"];

    #[test]
    fn every_cell_of_both_tables() {
        for (table, rows) in [(EvaluationTable::Standard, STANDARD), (EvaluationTable::Pouliot, POULIOT)] {
            for (r, f) in KanoAnswer::ALL.into_iter().enumerate() {
                for (c, d) in KanoAnswer::ALL.into_iter().enumerate() {
                    let expected = rows[r].as_bytes()[c] as char;
                    let got = table.classify(f, d);
                    assert_eq!(
                        got.letter(),
                        expected,
                        "{table:?}: functional {}, dysfunctional {}",
                        f.code(),
                        d.code()
                    );
                }
            }
        }
    }

    #[test]
    fn parses_and_serialises_by_name() {
        assert_eq!("Standard".parse::<EvaluationTable>().unwrap(), EvaluationTable::Standard);
        assert_eq!(" pouliot".parse::<EvaluationTable>().unwrap(), EvaluationTable::Pouliot);
        assert_eq!(serde_json::to_string(&EvaluationTable::Standard).unwrap(), "\"standard\"");
        assert_eq!(serde_json::to_string(&EvaluationTable::Pouliot).unwrap(), "\"pouliot\"");
        let e = "kano".parse::<EvaluationTable>().unwrap_err();
        assert!(e.to_string().contains("use `standard` or `pouliot`"), "{e}");
    }
}
