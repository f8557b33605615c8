//! How the index is grouped: by tag, channel, month or week of the response, or questionnaire.
//! Each response's key is read from the dataset's columns (`crate::dataset`), written as
//! [`GroupBy`]'s documentation says.

use crate::response::tags::TagKey;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The key of a group that has no value for the grouping (e.g. no hall tag).
pub const NO_VALUE: &str = "(none)";

/// How responses are grouped for an index table. A group's key is the tag's value (or
/// [`NO_VALUE`]), the channel's code, the month (`2026-11`) or ISO week (`2026-W45`) of
/// submission (else of the start) in the device's own offset, `hall v1`, or `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// One group, `all`.
    All,
    /// By a tag: hall, counter, staff, device, interviewer, business type, customer class.
    Tag(TagKey),
    /// By channel.
    Channel,
    /// By calendar month of submission, in the device's own offset (`2026-11`).
    Month,
    /// By ISO week of submission, in the device's own offset (`2026-W45`).
    Week,
    /// By questionnaire id and version (`hall v1`).
    Questionnaire,
}

impl GroupBy {
    /// The name used on the command line and in exports.
    pub fn name(self) -> &'static str {
        match self {
            GroupBy::All => "all",
            GroupBy::Tag(tag) => tag.code(),
            GroupBy::Channel => "channel",
            GroupBy::Month => "month",
            GroupBy::Week => "week",
            GroupBy::Questionnaire => "questionnaire",
        }
    }
}

impl FromStr for GroupBy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "all" => Ok(GroupBy::All),
            "channel" => Ok(GroupBy::Channel),
            "month" => Ok(GroupBy::Month),
            "week" => Ok(GroupBy::Week),
            "questionnaire" => Ok(GroupBy::Questionnaire),
            other => other.parse::<TagKey>().map(GroupBy::Tag).map_err(|_| {
                format!(
                    "cannot group by `{other}`; use all, {}, channel, month, week or questionnaire",
                    TagKey::CODES.join(", ")
                )
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for by in [
            GroupBy::All,
            GroupBy::Tag(TagKey::Hall),
            GroupBy::Tag(TagKey::CustomerClass),
            GroupBy::Channel,
            GroupBy::Month,
            GroupBy::Week,
            GroupBy::Questionnaire,
        ] {
            assert_eq!(by.name().parse::<GroupBy>(), Ok(by));
        }
        assert!("colour".parse::<GroupBy>().unwrap_err().contains("cannot group by `colour`"));
    }
}
