//! Rules that turn an attribute's category counts into its one reported category.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{KanoCategory, KanoCounts};
use crate::{Error, Result};

/// How an attribute's class is chosen from its counts. Written as `mode`, `moai:0.06` or
/// `oam` (see [`FromStr`](#impl-FromStr-for-ClassRule)); serialised the same way.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum ClassRule {
    /// The most frequent category; equal counts broken M > O > A > I > R > Q
    /// (Berger et al. 1993, extended to R and Q).
    #[default]
    Mode,
    /// When the category strength is at most `threshold` (a share, e.g. 0.06), the first of
    /// M, O, A, I that is one of the two most frequent of M, O, A, I, R (equal counts ranked
    /// in that order) and was chosen by at least one respondent; otherwise, or when there is no
    /// such category (e.g. every answer is Q), the mode. It prefers the category with the
    /// larger effect on satisfaction when the counts do not clearly separate.
    Moai {
        /// Largest category strength (0–1) at which the M > O > A > I preference applies.
        threshold: f64,
    },
    /// If O + A + M > I + R + Q, the largest of O, A, M (equal counts: M, O, A); otherwise the
    /// largest of I, R, Q (equal counts: I, R, Q).
    Oam,
}

/// The threshold `moai` uses when none is written.
pub const DEFAULT_MOAI_THRESHOLD: f64 = 0.06;

impl ClassRule {
    /// Checks the rule's parameter: the `moai` threshold must be a number from 0 to 1.
    pub fn validate(&self) -> Result<()> {
        match *self {
            ClassRule::Moai { threshold } if !(0.0..=1.0).contains(&threshold) => {
                Err(Error::InvalidArgument {
                    what: "Kano class rule `moai`".into(),
                    reason: format!(
                        "threshold {threshold} is not a share from 0 to 1; write e.g. `moai:0.06`"
                    ),
                })
            }
            _ => Ok(()),
        }
    }

    /// The class of an attribute with these counts.
    pub fn apply(&self, counts: &KanoCounts) -> KanoCategory {
        use KanoCategory::*;
        match *self {
            ClassRule::Mode => counts.largest_of(&KanoCategory::TIE_ORDER),
            ClassRule::Moai { threshold } => {
                let mode = counts.largest_of(&KanoCategory::TIE_ORDER);
                if counts.category_strength() <= threshold {
                    let (first, second) = counts.top_two();
                    // A category nobody chose is never preferred (e.g. when every answer is Q).
                    [M, O, A, I]
                        .into_iter()
                        .find(|&c| (c == first || c == second) && counts.get(c) > 0)
                        .unwrap_or(mode)
                } else {
                    mode
                }
            }
            ClassRule::Oam => {
                if counts.o + counts.a + counts.m > counts.i + counts.r + counts.q {
                    counts.largest_of(&[M, O, A])
                } else {
                    counts.largest_of(&[I, R, Q])
                }
            }
        }
    }
}

impl fmt::Display for ClassRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClassRule::Mode => write!(f, "mode"),
            ClassRule::Moai { threshold } => write!(f, "moai:{threshold}"),
            ClassRule::Oam => write!(f, "oam"),
        }
    }
}

impl FromStr for ClassRule {
    type Err = Error;

    /// Parses `mode`, `oam`, `moai:THRESHOLD` (a share from 0 to 1, e.g. `moai:0.06`) or bare
    /// `moai` (threshold [`DEFAULT_MOAI_THRESHOLD`]). Case and surrounding spaces are ignored.
    fn from_str(s: &str) -> Result<Self> {
        let text = s.trim().to_ascii_lowercase();
        let bad = |reason: String| Error::InvalidArgument { what: "Kano class rule".into(), reason };
        let rule = match text.split_once(':') {
            None if text == "mode" => ClassRule::Mode,
            None if text == "oam" => ClassRule::Oam,
            None if text == "moai" => ClassRule::Moai { threshold: DEFAULT_MOAI_THRESHOLD },
            Some(("moai", value)) => {
                let threshold = value.trim().parse::<f64>().map_err(|_| {
                    bad(format!("`{value}` in `{s}` is not a number; write e.g. `moai:0.06`"))
                })?;
                ClassRule::Moai { threshold }
            }
            _ => return Err(bad(format!("`{s}` is not a rule; use `mode`, `moai:0.06` or `oam`"))),
        };
        rule.validate()?;
        Ok(rule)
    }
}

impl From<ClassRule> for String {
    fn from(rule: ClassRule) -> String {
        rule.to_string()
    }
}

impl TryFrom<String> for ClassRule {
    type Error = Error;
    fn try_from(s: String) -> Result<Self> {
        s.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use KanoCategory::*;

    fn counts(a: u64, o: u64, m: u64, i: u64, r: u64, q: u64) -> KanoCounts {
        KanoCounts { a, o, m, i, r, q }
    }

    #[test]
    fn parses_the_three_rules() {
        assert_eq!("mode".parse::<ClassRule>().unwrap(), ClassRule::Mode);
        assert_eq!(" OAM ".parse::<ClassRule>().unwrap(), ClassRule::Oam);
        assert_eq!("moai:0.06".parse::<ClassRule>().unwrap(), ClassRule::Moai { threshold: 0.06 });
        assert_eq!("moai".parse::<ClassRule>().unwrap(), ClassRule::Moai { threshold: 0.06 });
        for bad in ["", "median", "moai:", "moai:x", "moai:-0.1", "moai:1.5", "moai:NaN", "oam:1"] {
            let e = bad.parse::<ClassRule>().unwrap_err();
            assert!(matches!(e, Error::InvalidArgument { .. }), "{bad}: {e}");
        }
        let rule = ClassRule::Moai { threshold: 0.1 };
        assert_eq!(rule.to_string().parse::<ClassRule>().unwrap(), rule);
        assert_eq!(serde_json::to_string(&rule).unwrap(), "\"moai:0.1\"");
        assert_eq!(serde_json::from_str::<ClassRule>("\"oam\"").unwrap(), ClassRule::Oam);
    }

    #[test]
    fn mode_ties_follow_m_o_a_i_r_q() {
        let mode = ClassRule::Mode;
        assert_eq!(mode.apply(&counts(4, 4, 4, 4, 4, 4)), M);
        assert_eq!(mode.apply(&counts(4, 4, 0, 4, 4, 4)), O);
        assert_eq!(mode.apply(&counts(4, 0, 0, 4, 4, 4)), A);
        assert_eq!(mode.apply(&counts(0, 0, 0, 4, 4, 4)), I);
        assert_eq!(mode.apply(&counts(0, 0, 0, 0, 4, 4)), R);
        assert_eq!(mode.apply(&counts(0, 0, 0, 0, 0, 4)), Q);
        assert_eq!(mode.apply(&counts(5, 4, 4, 4, 4, 4)), A);
    }

    #[test]
    fn moai_applies_only_at_or_below_the_threshold() {
        // A 20, I 17, O 10, M 3 (N 50): strength (20 − 17)/50 = 0.06.
        let c = counts(20, 10, 3, 17, 0, 0);
        // 0.06 ≤ 0.06: of the two largest (A, I), A comes first in M, O, A, I.
        assert_eq!(ClassRule::Moai { threshold: 0.06 }.apply(&c), A);
        // I 20, A 17: strength 0.06 again; A is among the top two and precedes I.
        let c = counts(17, 10, 3, 20, 0, 0);
        assert_eq!(ClassRule::Moai { threshold: 0.06 }.apply(&c), A);
        // 0.06 > 0.05: plain mode, I.
        assert_eq!(ClassRule::Moai { threshold: 0.05 }.apply(&c), I);
        // O 30, M 28 (N 100, strength 0.02): M.
        let c = counts(20, 30, 28, 22, 0, 0);
        assert_eq!(ClassRule::Moai { threshold: 0.06 }.apply(&c), M);
        assert_eq!(ClassRule::Mode.apply(&c), O);
        // R among the top two is skipped: R 10, I 9 (N 20) → I.
        let c = counts(0, 0, 1, 9, 10, 0);
        assert_eq!(ClassRule::Moai { threshold: 0.06 }.apply(&c), I);
        // threshold 0 acts only on exact ties: O 5, A 5 → O (before A).
        let c = counts(5, 5, 0, 0, 0, 0);
        assert_eq!(ClassRule::Moai { threshold: 0.0 }.apply(&c), O);
        // Only Q: strength 0, but M and O (the "two largest", both 0) were never chosen → mode Q.
        assert_eq!(ClassRule::Moai { threshold: 0.06 }.apply(&counts(0, 0, 0, 0, 0, 4)), Q);
        // Q is the mode but A 7 = I 7 are the two largest of M, O, A, I, R: strength 0 → A.
        assert_eq!(ClassRule::Moai { threshold: 0.06 }.apply(&counts(7, 2, 1, 7, 0, 9)), A);
    }

    #[test]
    fn oam_compares_the_two_groups() {
        // O+A+M = 12 > I+R+Q = 11: largest of O, A, M; A 5 = O 5 → O.
        assert_eq!(ClassRule::Oam.apply(&counts(5, 5, 2, 9, 1, 1)), O);
        // 12 = 12 is not greater: largest of I, R, Q; I 4 = R 4 = Q 4 → I.
        assert_eq!(ClassRule::Oam.apply(&counts(6, 3, 3, 4, 4, 4)), I);
        // R 5 > I 4 = Q 4.
        assert_eq!(ClassRule::Oam.apply(&counts(6, 3, 3, 4, 5, 4)), R);
        // M 4 = O 4 = A 4 → M.
        assert_eq!(ClassRule::Oam.apply(&counts(4, 4, 4, 1, 1, 1)), M);
        // Q 6 > I, R.
        assert_eq!(ClassRule::Oam.apply(&counts(0, 0, 0, 2, 1, 6)), Q);
    }
}
