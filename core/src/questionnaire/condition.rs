//! Show-if conditions: an item is shown only when a condition on earlier answers holds.

use crate::questionnaire::item::{ChoiceCode, ItemId};
use crate::response::answer::Answer;
use crate::tagged;
use serde::{Deserialize, Serialize};

/// A condition on earlier answers. In JSON: `{"op": "at_most", "item": "overall", "value": 2}`
/// (read through a struct of every op's fields: `tagged`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
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

/// The `op` of a condition in JSON.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Op {
    Answered,
    Chosen,
    AtMost,
    AtLeast,
    Yes,
    No,
    All,
    Any,
    Not,
}

/// A condition as read: its `op` and the fields of every op.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionFields {
    op: Op,
    item: Option<ItemId>,
    any_of: Option<Vec<ChoiceCode>>,
    value: Option<f64>,
    all: Option<Vec<Condition>>,
    any: Option<Vec<Condition>>,
    not: Option<Box<Condition>>,
}

impl TryFrom<ConditionFields> for Condition {
    type Error = String;

    fn try_from(f: ConditionFields) -> Result<Condition, String> {
        let present = [
            ("item", f.item.is_some()),
            ("any_of", f.any_of.is_some()),
            ("value", f.value.is_some()),
            ("all", f.all.is_some()),
            ("any", f.any.is_some()),
            ("not", f.not.is_some()),
        ];
        let check = |op: &str, allowed: &[&str]| tagged::only(op, &present, allowed);
        let item = || tagged::required(f.item.clone(), "item");
        Ok(match f.op {
            Op::Answered => {
                check("answered", &["item"])?;
                Condition::Answered { item: item()? }
            }
            Op::Chosen => {
                check("chosen", &["item", "any_of"])?;
                Condition::Chosen { item: item()?, any_of: tagged::required(f.any_of, "any_of")? }
            }
            Op::AtMost => {
                check("at_most", &["item", "value"])?;
                Condition::AtMost { item: item()?, value: tagged::required(f.value, "value")? }
            }
            Op::AtLeast => {
                check("at_least", &["item", "value"])?;
                Condition::AtLeast { item: item()?, value: tagged::required(f.value, "value")? }
            }
            Op::Yes => {
                check("yes", &["item"])?;
                Condition::Yes { item: item()? }
            }
            Op::No => {
                check("no", &["item"])?;
                Condition::No { item: item()? }
            }
            Op::All => {
                check("all", &["all"])?;
                Condition::All { all: tagged::required(f.all, "all")? }
            }
            Op::Any => {
                check("any", &["any"])?;
                Condition::Any { any: tagged::required(f.any, "any")? }
            }
            Op::Not => {
                check("not", &["not"])?;
                Condition::Not { not: tagged::required(f.not, "not")? }
            }
        })
    }
}

tagged::deserialize_through!(Condition, ConditionFields);

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

    #[test]
    fn read_as_strictly_as_written() {
        let error = |json: &str| serde_json::from_str::<Condition>(json).unwrap_err().to_string();
        assert!(error(r#"{"op":"yes","item":"a","value":2}"#).contains("unknown field `value` of `yes`"));
        assert!(error(r#"{"op":"at_most","item":"a"}"#).contains("missing field `value`"));
        assert!(error(r#"{"op":"yes","item":"a","colour":"red"}"#).contains("unknown field `colour`"));
        assert!(error(r#"{"item":"a"}"#).contains("missing field `op`"));
        // The op may come anywhere in the object, as serde's tagged enums allow.
        let c = Condition::Not { not: Box::new(Condition::AtLeast { item: ItemId::new("a"), value: 4.0 }) };
        let read: Condition =
            serde_json::from_str(r#"{"not":{"value":4,"item":"a","op":"at_least"},"op":"not"}"#).unwrap();
        assert_eq!(read, c);
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"op":"not","not":{"op":"at_least","item":"a","value":4.0}}"#
        );
    }
}
