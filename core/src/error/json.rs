//! A file that is not JSON of the kind expected, as data: where the parser stopped, what the file
//! should have been and what kind of fault it met, so the app says it in either language and the
//! place is said once (serde_json's own " at line L column C" is left out of the words).

use super::{Error, Position};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a JSON file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JsonExpected {
    /// A Manyi export (a bundle of a questionnaire and its responses).
    Export,
    /// A Manyi questionnaire.
    Questionnaire,
    /// Any JSON (a SurveyJS survey, read as JSON first).
    Json,
}

impl fmt::Display for JsonExpected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonExpected::Export => "not a Manyi export",
            JsonExpected::Questionnaire => "not a valid questionnaire",
            JsonExpected::Json => "not valid JSON",
        })
    }
}

/// The kind of fault the JSON parser met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JsonFault {
    /// Something that is not JSON stands here (a character too many or missing): the file was
    /// changed by hand or by another program.
    Syntax,
    /// The file ends before its JSON does: it was cut short (copied or saved only in part).
    CutShort,
    /// JSON, but not of the shape expected (a field missing, a value of the wrong type).
    Shape,
}

impl JsonFault {
    /// The kind of `e`.
    pub fn of(e: &serde_json::Error) -> JsonFault {
        match e.classify() {
            serde_json::error::Category::Eof => JsonFault::CutShort,
            serde_json::error::Category::Data => JsonFault::Shape,
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => JsonFault::Syntax,
        }
    }
}

/// What a serde_json error says without the place it appends (` at line L column C`): beside a
/// [`Position`], the place is said once, by the position.
pub fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&place) {
        Some(reason) => reason.to_owned(),
        None => text,
    }
}

impl Error {
    /// The error of reading `source` as `expected` when serde_json stopped with `e`, at
    /// `line` and `column` of the file (serde's own unless the text read began inside the file).
    pub fn json(
        source: &str,
        expected: JsonExpected,
        e: &serde_json::Error,
        line: usize,
        column: usize,
    ) -> Error {
        Error::Json {
            position: Position::at(line as u64, column as u64).in_file(source),
            expected,
            fault: JsonFault::of(e),
            detail: json_reason(e),
        }
    }

    /// [`Error::json`] at serde_json's own place.
    pub fn json_at(source: &str, expected: JsonExpected, e: &serde_json::Error) -> Error {
        Error::json(source, expected, e, e.line(), e.column())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_error_says_its_place_once() {
        // `{"id": }`: the value is missing where `}` stands, line 1, column 8 (counting `{` as 1).
        let e = crate::questionnaire::Questionnaire::from_json(r#"{"id": }"#, "q.json").unwrap_err();
        assert_eq!(e.to_string(), "q.json, line 1, column 8: not a valid questionnaire: expected value");
        assert!(matches!(
            e,
            Error::Json { fault: JsonFault::Syntax, expected: JsonExpected::Questionnaire, .. }
        ));
    }

    #[test]
    fn the_kinds_of_fault() {
        let fault = |json: &str| JsonFault::of(&serde_json::from_str::<Vec<u8>>(json).unwrap_err());
        // `[1,` ends inside the array; `[1 x]` has a stray `x`; `{}` is an object, not an array.
        assert_eq!(fault("[1,"), JsonFault::CutShort);
        assert_eq!(fault("[1 x]"), JsonFault::Syntax);
        assert_eq!(fault("{}"), JsonFault::Shape);
    }
}
