//! Grouping keys: by tag, channel, month or week of the response.

use crate::response::tags::TagKey;
use crate::response::Response;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The key of a group that has no value for the grouping (e.g. no hall tag).
pub const NO_VALUE: &str = "(none)";

/// How responses are grouped for an index table.
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
    /// The key of `r`'s group.
    pub fn key(self, r: &Response) -> String {
        let when = r.submitted_at.unwrap_or(r.started_at);
        match self {
            GroupBy::All => "all".to_owned(),
            GroupBy::Tag(tag) => tag.get(&r.tags).unwrap_or_else(|| NO_VALUE.to_owned()),
            GroupBy::Channel => r.channel.code().to_owned(),
            GroupBy::Month => when.format("%Y-%m").to_string(),
            GroupBy::Week => when.format("%G-W%V").to_string(),
            GroupBy::Questionnaire => r.questionnaire.to_string(),
        }
    }

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
                    "cannot group by `{other}`; use all, hall, counter, staff, device, interviewer, \
                     business_type, customer_class, channel, month, week or questionnaire"
                )
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::builtin::Builtin;
    use crate::response::Channel;
    use chrono::DateTime;

    #[test]
    fn keys() {
        let q = Builtin::Hall.questionnaire();
        // 23:30 on 30 November at +08:00 is already December in UTC: the local month counts.
        let start = DateTime::parse_from_rfc3339("2026-11-30T23:30:00+08:00").unwrap();
        let mut r = Response::start(uuid::Uuid::nil(), &q, Channel::Hall, Default::default(), start);
        TagKey::Hall.set(&mut r.tags, "城东").unwrap();
        assert_eq!(GroupBy::Month.key(&r), "2026-11");
        assert_eq!(GroupBy::Week.key(&r), "2026-W49");
        assert_eq!(GroupBy::Tag(TagKey::Hall).key(&r), "城东");
        assert_eq!(GroupBy::Tag(TagKey::Staff).key(&r), NO_VALUE);
        assert_eq!(GroupBy::Channel.key(&r), "hall");
        assert_eq!(GroupBy::Questionnaire.key(&r), "hall v1");
        assert_eq!("customer_class".parse::<GroupBy>(), Ok(GroupBy::Tag(TagKey::CustomerClass)));
        assert!("colour".parse::<GroupBy>().unwrap_err().contains("cannot group by `colour`"));
    }
}
