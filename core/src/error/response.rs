//! Why an answer or a response breaks a rule of its questionnaire, as data (with what was found),
//! so the app says it in either language.

use crate::response::phone::PhoneProblem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The rule an answer or a response breaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ResponseFault {
    /// The questionnaire has no such item.
    NoSuchItem,
    /// The item is not shown for the earlier answers (so it cannot be answered).
    NotShown,
    /// A phone number that breaks the call-back rule.
    Phone(PhoneProblem),
    /// The rating item's scale is not defined.
    ScaleUndefined,
    /// A rating off the item's scale.
    OffScale {
        /// The rating.
        value: i32,
        /// The scale's lowest point.
        from: i32,
        /// The scale's highest point.
        to: i32,
    },
    /// A choice that is not one of the options.
    NotAnOption {
        /// The code chosen.
        code: String,
    },
    /// An option chosen twice.
    ChosenTwice {
        /// The code.
        code: String,
    },
    /// A number that is not finite.
    NotFinite,
    /// A number outside the item's range.
    OutsideRange {
        /// The number.
        value: f64,
        /// The least allowed, if any.
        min: Option<f64>,
        /// The most allowed, if any.
        max: Option<f64>,
    },
    /// A text longer than the item keeps.
    TooLong {
        /// Its characters.
        chars: usize,
        /// The most kept.
        limit: u32,
    },
    /// N/A for an item that does not offer it (the item's kind, as in the JSON `type`).
    NoNotApplicable {
        /// The item's kind.
        kind: String,
    },
    /// An answer of the wrong kind for the item.
    WrongAnswer {
        /// The item's kind.
        kind: String,
        /// The answer, as a cell.
        answer: String,
    },
    /// A value a tag cannot take (the tag's own words).
    Tag(String),
    /// The response is closed: it cannot change.
    Closed,
    /// The response answers another questionnaire version.
    OtherQuestionnaire {
        /// The version it answers.
        answers: String,
        /// The version it was read with.
        expected: String,
    },
    /// A draft with a submission time.
    DraftSubmitted,
    /// A closed response without its submission time.
    NoSubmissionTime,
    /// Submitted before it was started.
    SubmittedBeforeStarted,
    /// Answered, but hidden by its show-if condition.
    AnsweredHidden,
    /// A note on an item the questionnaire does not have.
    NoteOnUnknownItem,
    /// Required, but not answered (in a complete response).
    Required,
}

impl fmt::Display for ResponseFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bound = |b: &Option<f64>| b.map_or("…".to_owned(), |m| m.to_string());
        match self {
            ResponseFault::NoSuchItem => f.write_str("no such item in the questionnaire"),
            ResponseFault::NotShown => f.write_str("the item is not shown for the earlier answers"),
            ResponseFault::Phone(problem) => write!(f, "{problem}"),
            ResponseFault::ScaleUndefined => f.write_str("the item's scale is not defined"),
            ResponseFault::OffScale { value, from, to } => write!(f, "{value} is off the scale {from}–{to}"),
            ResponseFault::NotAnOption { code } => write!(f, "`{code}` is not one of the options"),
            ResponseFault::ChosenTwice { code } => write!(f, "`{code}` is chosen twice"),
            ResponseFault::NotFinite => f.write_str("the number is not finite"),
            ResponseFault::OutsideRange { value, min, max } => {
                write!(f, "{value} is outside {}–{}", bound(min), bound(max))
            }
            ResponseFault::TooLong { chars, limit } => {
                write!(f, "the text has {chars} characters; at most {limit} are kept")
            }
            ResponseFault::NoNotApplicable { kind } => write!(f, "a {kind} item does not offer N/A"),
            ResponseFault::WrongAnswer { kind, answer } => {
                write!(f, "a {kind} item cannot take this answer ({answer})")
            }
            ResponseFault::Tag(words) => f.write_str(words),
            ResponseFault::Closed => f.write_str("the response is already closed; it cannot change"),
            ResponseFault::OtherQuestionnaire { answers, expected } => {
                write!(f, "it answers {answers}, not {expected}")
            }
            ResponseFault::DraftSubmitted => f.write_str("a draft has no submission time"),
            ResponseFault::NoSubmissionTime => f.write_str("a closed response needs its submission time"),
            ResponseFault::SubmittedBeforeStarted => f.write_str("it was submitted before it was started"),
            ResponseFault::AnsweredHidden => f.write_str("answered, but hidden by its show-if condition"),
            ResponseFault::NoteOnUnknownItem => {
                f.write_str("a note on an item the questionnaire does not have")
            }
            ResponseFault::Required => f.write_str("required, but not answered"),
        }
    }
}
