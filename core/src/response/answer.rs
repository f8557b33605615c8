//! One answer to one item.

use crate::questionnaire::item::ChoiceCode;
use crate::scoring::kano::KanoAnswer;
use serde::{Deserialize, Serialize};

/// An answer. In JSON: `{"rating": 4}`, `"not_applicable"`, `{"choice": "payment"}`,
/// `{"choices": ["a", "b"]}`, `"yes"`, `"no"`, `{"number": 12.5}`, `{"text": "…"}`,
/// `{"kano": {"functional": 1, "dysfunctional": 5}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A point on a rating scale, or 0–10 for a recommend item.
    Rating(i32),
    /// 未使用/不适用: not used / not applicable. The item drops out of the scores.
    NotApplicable,
    /// The code of the chosen option.
    Choice(ChoiceCode),
    /// The codes of the chosen options.
    Choices(Vec<ChoiceCode>),
    /// Yes.
    Yes,
    /// No.
    No,
    /// A number.
    Number(f64),
    /// Free text.
    Text(String),
    /// Both answers of a Kano pair.
    Kano(KanoPairAnswer),
}

/// The two answers of a Kano pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KanoPairAnswer {
    /// "If the service had it".
    pub functional: KanoAnswer,
    /// "If it did not".
    pub dysfunctional: KanoAnswer,
}

impl Answer {
    /// The answer as a number (a rating or a number), if it is one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Answer::Rating(x) => Some(f64::from(*x)),
            Answer::Number(x) => Some(*x),
            _ => None,
        }
    }

    /// The answer as a short text for a table cell: the point, the code(s), yes/no, the text.
    pub fn cell(&self) -> String {
        match self {
            Answer::Rating(x) => x.to_string(),
            Answer::NotApplicable => "NA".to_owned(),
            Answer::Choice(c) => c.to_string(),
            Answer::Choices(cs) => cs.iter().map(ToString::to_string).collect::<Vec<_>>().join(";"),
            Answer::Yes => "yes".to_owned(),
            Answer::No => "no".to_owned(),
            Answer::Number(x) => x.to_string(),
            Answer::Text(t) => t.clone(),
            Answer::Kano(k) => format!("{}/{}", k.functional.code(), k.dysfunctional.code()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_forms() {
        let cases = [
            (Answer::Rating(4), r#"{"rating":4}"#),
            (Answer::NotApplicable, r#""not_applicable""#),
            (Answer::Choice(ChoiceCode::new("payment")), r#"{"choice":"payment"}"#),
            (Answer::Yes, r#""yes""#),
            (Answer::Number(12.5), r#"{"number":12.5}"#),
            (
                Answer::Kano(KanoPairAnswer {
                    functional: KanoAnswer::Like,
                    dysfunctional: KanoAnswer::Dislike,
                }),
                r#"{"kano":{"functional":1,"dysfunctional":5}}"#,
            ),
        ];
        for (answer, json) in cases {
            assert_eq!(serde_json::to_string(&answer).unwrap(), json);
            assert_eq!(serde_json::from_str::<Answer>(json).unwrap(), answer);
        }
        assert!(serde_json::from_str::<Answer>(r#"{"kano":{"functional":6,"dysfunctional":1}}"#).is_err());
    }
}
