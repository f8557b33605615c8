//! The Kano evaluation table: one functional and one dysfunctional answer give one category.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{KanoAnswer, KanoCategory};
use crate::Error;

/// Which evaluation table turns an answer pair into a category.
///
/// Only the standard table is offered. A variant for the modified table attributed to
/// Pouliot (co-author of Berger et al. 1993, *Kano's methods for understanding
/// customer-defined quality*, Center for Quality of Management Journal 2(4)) was asked for,
/// but its cells could not be verified from a published source, so it is deliberately not
/// guessed at. The enum is `#[non_exhaustive]` so that it can be added without breaking callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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
        match self {
            EvaluationTable::Standard => match (functional, dysfunctional) {
                (Like, Like) | (Dislike, Dislike) => C::Q,
                (Like, Dislike) => C::O,
                (Like, _) => C::A,
                (_, Dislike) => C::M,
                (Dislike, _) | (_, Like) => C::R,
                _ => C::I,
            },
        }
    }
}

impl FromStr for EvaluationTable {
    type Err = Error;

    /// Parses `standard`.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "standard" => Ok(EvaluationTable::Standard),
            "pouliot" => Err(Error::InvalidArgument {
                what: "Kano evaluation table".into(),
                reason:
                    "the Pouliot table is not available (its cells could not be verified); use `standard`"
                        .into(),
            }),
            _ => Err(Error::InvalidArgument {
                what: "Kano evaluation table".into(),
                reason: format!("`{s}` is not an evaluation table; use `standard`"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard table typed in from DOMAIN.md §3, row by row.
    const STANDARD: [&str; 5] = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"];

    #[test]
    fn every_cell_of_the_standard_table() {
        for (r, f) in KanoAnswer::ALL.into_iter().enumerate() {
            for (c, d) in KanoAnswer::ALL.into_iter().enumerate() {
                let expected = STANDARD[r].as_bytes()[c] as char;
                let got = EvaluationTable::Standard.classify(f, d);
                assert_eq!(got.letter(), expected, "functional {}, dysfunctional {}", f.code(), d.code());
            }
        }
    }

    #[test]
    fn parses_and_serialises_by_name() {
        assert_eq!("Standard".parse::<EvaluationTable>().unwrap(), EvaluationTable::Standard);
        assert_eq!(serde_json::to_string(&EvaluationTable::Standard).unwrap(), "\"standard\"");
        let e = "pouliot".parse::<EvaluationTable>().unwrap_err();
        assert!(e.to_string().contains("not available"), "{e}");
        assert!("kano".parse::<EvaluationTable>().is_err());
    }
}
