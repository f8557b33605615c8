//! Show-if conditions: an item is shown only when a condition on earlier answers holds.

use crate::questionnaire::item::{ChoiceCode, ItemId};
use crate::response::answer::Answer;
use serde::{Deserialize, Serialize};

/// A condition on earlier answers. In JSON: `{"op": "at_most", "item": "overall", "value": 2}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// The item has an answer (N/A included).
    Answered {
        /// The earlier item.
        item: ItemId,
    },
    /// A choice item's answer is (single) or includes (multiple) one of the codes.
    Chosen {
        /// The earlier item.
        item: ItemId,
        /// The codes, any of which satisfies the condition.
        any_of: Vec<ChoiceCode>,
    },
    /// A rating, 0–10 or number answer is at most `value` (N/A does not satisfy it).
    AtMost {
        /// The earlier item.
        item: ItemId,
        /// The bound, inclusive.
        value: f64,
    },
    /// A rating, 0–10 or number answer is at least `value` (N/A does not satisfy it).
    AtLeast {
        /// The earlier item.
        item: ItemId,
        /// The bound, inclusive.
        value: f64,
    },
    /// A yes/no item was answered yes.
    Yes {
        /// The earlier item.
        item: ItemId,
    },
    /// A yes/no item was answered no.
    No {
        /// The earlier item.
        item: ItemId,
    },
    /// All of the conditions hold.
    All {
        /// The conditions.
        all: Vec<Condition>,
    },
    /// Any of the conditions holds.
    Any {
        /// The conditions.
        any: Vec<Condition>,
    },
    /// The condition does not hold.
    Not {
        /// The condition.
        not: Box<Condition>,
    },
}

impl Condition {
    /// Whether the condition holds, given a way to look up earlier answers.
    pub fn holds<'a>(&self, answer_of: &impl Fn(&ItemId) -> Option<&'a Answer>) -> bool {
        match self {
            Condition::Answered { item } => answer_of(item).is_some(),
            Condition::Chosen { item, any_of } => match answer_of(item) {
                Some(Answer::Choice(code)) => any_of.contains(code),
                Some(Answer::Choices(codes)) => codes.iter().any(|c| any_of.contains(c)),
                _ => false,
            },
            Condition::AtMost { item, value } => {
                answer_of(item).and_then(Answer::number).is_some_and(|x| x <= *value)
            }
            Condition::AtLeast { item, value } => {
                answer_of(item).and_then(Answer::number).is_some_and(|x| x >= *value)
            }
            Condition::Yes { item } => matches!(answer_of(item), Some(Answer::Yes)),
            Condition::No { item } => matches!(answer_of(item), Some(Answer::No)),
            Condition::All { all } => all.iter().all(|c| c.holds(answer_of)),
            Condition::Any { any } => any.iter().any(|c| c.holds(answer_of)),
            Condition::Not { not } => !not.holds(answer_of),
        }
    }

    /// Every item the condition refers to.
    pub fn items(&self) -> Vec<&ItemId> {
        match self {
            Condition::Answered { item }
            | Condition::Chosen { item, .. }
            | Condition::AtMost { item, .. }
            | Condition::AtLeast { item, .. }
            | Condition::Yes { item }
            | Condition::No { item } => vec![item],
            Condition::All { all: cs } | Condition::Any { any: cs } => {
                cs.iter().flat_map(|c| c.items()).collect()
            }
            Condition::Not { not } => not.items(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn answers() -> BTreeMap<ItemId, Answer> {
        let mut a = BTreeMap::new();
        a.insert(ItemId::new("overall"), Answer::Rating(2));
        a.insert(ItemId::new("business"), Answer::Choice(ChoiceCode::new("repair")));
        a.insert(ItemId::new("consent"), Answer::Yes);
        a.insert(ItemId::new("kiosk_ease"), Answer::NotApplicable);
        a
    }

    fn holds(json: &str) -> bool {
        let a = answers();
        let c: Condition = serde_json::from_str(json).unwrap();
        c.holds(&|id: &ItemId| a.get(id))
    }

    #[test]
    fn conditions_on_answers() {
        assert!(holds(r#"{"op":"at_most","item":"overall","value":2}"#));
        assert!(!holds(r#"{"op":"at_least","item":"overall","value":3}"#));
        assert!(holds(r#"{"op":"chosen","item":"business","any_of":["repair","complaint"]}"#));
        assert!(holds(r#"{"op":"yes","item":"consent"}"#));
        assert!(!holds(r#"{"op":"no","item":"consent"}"#));
        assert!(holds(r#"{"op":"answered","item":"kiosk_ease"}"#));
        assert!(!holds(r#"{"op":"at_most","item":"kiosk_ease","value":5}"#), "N/A is not a low score");
        assert!(!holds(r#"{"op":"answered","item":"comment"}"#));
        assert!(holds(
            r#"{"op":"all","all":[{"op":"at_most","item":"overall","value":2},{"op":"yes","item":"consent"}]}"#
        ));
        assert!(holds(r#"{"op":"not","not":{"op":"answered","item":"comment"}}"#));
        assert!(holds(
            r#"{"op":"any","any":[{"op":"answered","item":"comment"},{"op":"yes","item":"consent"}]}"#
        ));
    }

    #[test]
    fn lists_referenced_items() {
        let c: Condition = serde_json::from_str(
            r#"{"op":"all","all":[{"op":"yes","item":"a"},{"op":"not","not":{"op":"answered","item":"b"}}]}"#,
        )
        .unwrap();
        let ids: Vec<&str> = c.items().into_iter().map(ItemId::as_str).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn unknown_op_is_an_error() {
        assert!(serde_json::from_str::<Condition>(r#"{"op":"maybe","item":"a"}"#).is_err());
    }
}
