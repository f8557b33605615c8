//! The six Kano categories and their names in the product's two languages.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{Error, Text};

/// A Kano category, written as its single letter in JSON ("A", "O", "M", "I", "R", "Q").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KanoCategory {
    /// Attractive (excitement): satisfies when present, no harm when absent.
    A,
    /// One-dimensional (performance): the more the better.
    O,
    /// Must-be (basic): dissatisfies when absent, taken for granted when present.
    M,
    /// Indifferent: no effect either way.
    I,
    /// Reverse: the respondent would rather not have it.
    R,
    /// Questionable: contradictory answers (e.g. likes both having and not having it).
    Q,
}

impl KanoCategory {
    /// All categories in the tie-break order of Berger et al. (1993) extended to R and Q:
    /// M, O, A, I, R, Q.
    pub const TIE_ORDER: [KanoCategory; 6] = [
        KanoCategory::M,
        KanoCategory::O,
        KanoCategory::A,
        KanoCategory::I,
        KanoCategory::R,
        KanoCategory::Q,
    ];

    /// The single letter, e.g. `'A'`.
    pub fn letter(self) -> char {
        match self {
            KanoCategory::A => 'A',
            KanoCategory::O => 'O',
            KanoCategory::M => 'M',
            KanoCategory::I => 'I',
            KanoCategory::R => 'R',
            KanoCategory::Q => 'Q',
        }
    }

    /// The category's name, zh-CN and English.
    pub fn name(self) -> Text {
        match self {
            KanoCategory::A => Text::new("激励质量特征", "attractive (excitement)"),
            KanoCategory::O => Text::new("绩效质量特征", "one-dimensional (performance)"),
            KanoCategory::M => Text::new("基本质量特征", "must-be (basic)"),
            KanoCategory::I => Text::new("无差异", "indifferent"),
            KanoCategory::R => Text::new("反向", "reverse"),
            KanoCategory::Q => Text::new("可疑", "questionable"),
        }
    }
}

impl fmt::Display for KanoCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

impl FromStr for KanoCategory {
    type Err = Error;

    /// Parses the single letter, in either case.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_uppercase().as_str() {
            "A" => Ok(KanoCategory::A),
            "O" => Ok(KanoCategory::O),
            "M" => Ok(KanoCategory::M),
            "I" => Ok(KanoCategory::I),
            "R" => Ok(KanoCategory::R),
            "Q" => Ok(KanoCategory::Q),
            _ => Err(Error::InvalidArgument {
                what: "Kano category".into(),
                reason: format!("`{s}` is not a Kano category; use one of A, O, M, I, R, Q"),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_form_is_the_letter() {
        for c in KanoCategory::TIE_ORDER {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.letter()));
            assert_eq!(serde_json::from_str::<KanoCategory>(&json).unwrap(), c);
            assert_eq!(c.to_string().parse::<KanoCategory>().unwrap(), c);
        }
        assert!("X".parse::<KanoCategory>().is_err());
    }

    #[test]
    fn names_in_both_languages() {
        assert_eq!(KanoCategory::A.name(), Text::new("激励质量特征", "attractive (excitement)"));
        assert_eq!(KanoCategory::O.name().zh, "绩效质量特征");
        assert_eq!(KanoCategory::M.name().zh, "基本质量特征");
        assert_eq!(KanoCategory::I.name().en, "indifferent");
        assert_eq!(KanoCategory::R.name().zh, "反向");
        assert_eq!(KanoCategory::Q.name().en, "questionable");
    }
}
