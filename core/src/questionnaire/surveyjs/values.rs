//! SurveyJS's comparison of answer values with the constants of an expression, as survey-core
//! evaluates them (packages/survey-core/src/expressions/expressions.ts, `OperandMaker.binaryFunctions`
//! and `unaryFunctions`; packages/survey-core/src/helpers.ts, `Helpers.checkIfValuesEqual`,
//! `isValueEmpty`). The converter evaluates an operator on every value an item can take, so the
//! show-if condition it writes holds for exactly the answers SurveyJS's would.

use serde_json::Value;

/// A comparison or membership operator of a SurveyJS expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
    Contains,
    NotContains,
    AnyOf,
    NoneOf,
    AllOf,
}

impl Op {
    /// The operator with its operands swapped (`3 < {q}` is `{q} > 3`), if there is one.
    pub(super) fn flipped(self) -> Option<Op> {
        Some(match self {
            Op::Equal => Op::Equal,
            Op::NotEqual => Op::NotEqual,
            Op::Greater => Op::Less,
            Op::Less => Op::Greater,
            Op::GreaterOrEqual => Op::LessOrEqual,
            Op::LessOrEqual => Op::GreaterOrEqual,
            _ => return None,
        })
    }

    /// The operator's name in SurveyJS's expressions.
    pub(super) fn name(self) -> &'static str {
        match self {
            Op::Equal => "=",
            Op::NotEqual => "!=",
            Op::Greater => ">",
            Op::Less => "<",
            Op::GreaterOrEqual => ">=",
            Op::LessOrEqual => "<=",
            Op::Contains => "contains",
            Op::NotContains => "notcontains",
            Op::AnyOf => "anyof",
            Op::NoneOf => "noneof",
            Op::AllOf => "allof",
        }
    }

    /// `left op right` as survey-core computes it; `None` for an unanswered question.
    pub(super) fn eval(self, left: Option<&Value>, right: Option<&Value>) -> bool {
        match self {
            Op::Equal => equal(left, right),
            Op::NotEqual => !equal(left, right),
            Op::Greater => order(left, right).is_some_and(|o| o.is_gt()),
            Op::Less => order(left, right).is_some_and(|o| o.is_lt()),
            Op::GreaterOrEqual => equal(left, right) || order(left, right).is_some_and(|o| o.is_gt()),
            Op::LessOrEqual => equal(left, right) || order(left, right).is_some_and(|o| o.is_lt()),
            Op::Contains => contains_core(left, right, true),
            Op::NotContains => {
                if !truthy(left) && !is_empty(right) {
                    return true;
                }
                contains_core(left, right, false)
            }
            Op::AnyOf => any_of(left, right),
            Op::NoneOf => !any_of(left, right),
            Op::AllOf => {
                if !truthy(left) && !is_empty(right) {
                    return false;
                }
                match right {
                    Some(Value::Array(rs)) => rs.iter().all(|r| contains_core(left, Some(r), true)),
                    _ => contains_core(left, right, true),
                }
            }
        }
    }
}

/// `Helpers.isValueEmpty`: undefined, null, "", an empty array or an object of empty values.
pub(super) fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.values().all(|v| is_empty(Some(v))),
        Some(Value::Bool(_) | Value::Number(_)) => false,
    }
}

/// JavaScript's truthiness of a value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(_) | Value::Object(_)) => true,
    }
}

/// The value as a number where JavaScript's `isNaN` would say it is one (`Helpers.isConvertibleToNumber`).
pub(super) fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                Some(0.0)
            } else {
                t.parse::<f64>().ok().filter(|x| x.is_finite())
            }
        }
        _ => None,
    }
}

/// The value as JavaScript's `toString` writes it.
pub(super) fn js_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
            Some(x) => x.to_string(),
            None => n.to_string(),
        },
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".to_owned(),
        Value::Array(a) => a.iter().map(js_string).collect::<Vec<_>>().join(","),
        Value::Object(_) => "[object Object]".to_owned(),
    }
}

/// `OperandMaker.binaryFunctions.equal` → `Helpers.checkIfValuesEqual` with survey-core's default
/// comparator (case-insensitive, trimmed strings; numbers compared as numbers).
pub(super) fn equal(x: Option<&Value>, y: Option<&Value>) -> bool {
    let undefined = |v: Option<&Value>| matches!(v, None | Some(Value::Null));
    match (x, y) {
        (None, None) => return true,
        (Some(a), Some(b)) if a == b => return true,
        _ => {}
    }
    if matches!(x, Some(Value::Array(a)) if a.is_empty()) && y.is_none()
        || matches!(y, Some(Value::Array(a)) if a.is_empty()) && x.is_none()
    {
        return true;
    }
    if undefined(x) && matches!(y, Some(Value::String(s)) if s.is_empty())
        || undefined(y) && matches!(x, Some(Value::String(s)) if s.is_empty())
    {
        return true;
    }
    if let (Some(Value::String(a)), Some(Value::String(b))) = (x, y) {
        return a.trim().to_lowercase() == b.trim().to_lowercase();
    }
    if let (Some(a), Some(b)) = (x, y) {
        let scalar = |v: &Value| !matches!(v, Value::Array(_) | Value::Object(_) | Value::Null);
        if scalar(a) && scalar(b) {
            if let (Some(p), Some(q)) = (as_number(a), as_number(b)) {
                // parseInt/parseFloat of a boolean or of "" is NaN: those never compare as numbers.
                let nan = |v: &Value| {
                    matches!(v, Value::Bool(_)) || matches!(v, Value::String(s) if s.trim().is_empty())
                };
                if p == q && !nan(a) && !nan(b) {
                    return true;
                }
            }
        }
    }
    if is_empty(x) != is_empty(y) {
        return false;
    }
    match (x, y) {
        (Some(Value::Bool(b)), Some(Value::String(s))) | (Some(Value::String(s)), Some(Value::Bool(b))) => {
            b.to_string() == s.to_lowercase()
        }
        // JavaScript's loose `==` between two scalars that are not both strings.
        (Some(a @ (Value::Bool(_) | Value::Number(_))), Some(b @ (Value::Bool(_) | Value::Number(_)))) => {
            as_number(a) == as_number(b)
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            // `checkIfArraysEqual` with `ignoreOrder` (equal calls it with `strictCompare !== true`).
            a.len() == b.len() && a.iter().all(|p| b.iter().any(|q| equal(Some(p), Some(q))))
        }
        _ => false,
    }
}

/// The order of two values as JavaScript's `>` and `<` give it (numbers as numbers, strings by
/// code unit); `None` when either is undefined or null (`greater`/`less` are then false).
fn order(x: Option<&Value>, y: Option<&Value>) -> Option<std::cmp::Ordering> {
    let (a, b) = (x?, y?);
    if a.is_null() || b.is_null() {
        return None;
    }
    if let (Value::String(p), Value::String(q)) = (a, b) {
        return Some(p.encode_utf16().cmp(q.encode_utf16()));
    }
    let (p, q) = (as_number(a)?, as_number(b)?);
    p.partial_cmp(&q)
}

/// `OperandMaker.binaryFunctions.containsCore`.
fn contains_core(left: Option<&Value>, right: Option<&Value>, is_contains: bool) -> bool {
    if let Some(Value::Array(l)) = left {
        if l.is_empty() {
            return !is_contains;
        }
    }
    let Some(l) = left else { return false };
    if matches!(l, Value::Null | Value::String(_)) && !truthy(left) {
        return false;
    }
    let as_string = match l {
        Value::Array(_) => None,
        other => Some(js_string(other)),
    };
    if let Some(ls) = as_string {
        if !truthy(right) {
            return false;
        }
        let rs = js_string(right.expect("truthy")).to_lowercase();
        let found = ls.to_lowercase().contains(&rs);
        return if is_contains { found } else { !found };
    }
    let Value::Array(items) = l else { unreachable!("arrays only here") };
    let wanted: Vec<Option<&Value>> = match right {
        Some(Value::Array(rs)) => rs.iter().map(Some).collect(),
        other => vec![other],
    };
    for r in wanted {
        if !items.iter().any(|i| equal(Some(i), r)) {
            return !is_contains;
        }
    }
    is_contains
}

/// `OperandMaker.binaryFunctions.anyof`.
fn any_of(left: Option<&Value>, right: Option<&Value>) -> bool {
    if is_empty(left) && is_empty(right) {
        return true;
    }
    if is_empty(left) {
        return false;
    }
    if is_empty(right) {
        return true;
    }
    match (left, right) {
        (Some(l), Some(Value::Array(_))) if !l.is_array() => contains_core(right, left, true),
        (Some(Value::Array(_)), Some(r)) if !r.is_array() => contains_core(left, right, true),
        (_, Some(Value::Array(rs))) => rs.iter().any(|r| contains_core(left, Some(r), true)),
        _ => contains_core(right, left, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eval(op: Op, left: Option<Value>, right: Value) -> bool {
        op.eval(left.as_ref(), Some(&right))
    }

    #[test]
    fn empty_answers_as_survey_core_treats_them() {
        // expressions.ts: greater/less are false on null; notequal is !equal, so true.
        assert!(!eval(Op::Greater, None, json!(3)));
        assert!(!eval(Op::LessOrEqual, None, json!(3)));
        assert!(!eval(Op::Equal, None, json!(3)));
        assert!(eval(Op::NotEqual, None, json!(3)));
        // anyof with an empty left and a non-empty right is false; noneof is its negation.
        assert!(!eval(Op::AnyOf, None, json!(["a"])));
        assert!(eval(Op::NoneOf, None, json!(["a"])));
        // notcontains: `!left && right not empty` is true.
        assert!(eval(Op::NotContains, None, json!("a")));
        assert!(!eval(Op::Contains, None, json!("a")));
        // checkIfValuesEqual: undefined equals "".
        assert!(eval(Op::Equal, None, json!("")));
    }

    #[test]
    fn loose_equality_of_strings_and_numbers() {
        assert!(eval(Op::Equal, Some(json!("1")), json!(1)));
        assert!(eval(Op::Equal, Some(json!(" Yes ")), json!("yes")));
        assert!(eval(Op::Equal, Some(json!(true)), json!("true")));
        assert!(!eval(Op::Equal, Some(json!("a")), json!("b")));
        assert!(eval(Op::Greater, Some(json!("10")), json!(9)));
        assert!(eval(Op::Less, Some(json!("10")), json!("9")), "two strings compare as text");
    }

    #[test]
    fn contains_on_arrays_and_strings() {
        assert!(eval(Op::Contains, Some(json!(["a", "b"])), json!("B")));
        assert!(!eval(Op::Contains, Some(json!(["a", "b"])), json!("c")));
        assert!(eval(Op::Contains, Some(json!("Payment")), json!("pay")), "a substring of a string");
        assert!(eval(Op::AnyOf, Some(json!("b")), json!(["a", "b"])));
        assert!(eval(Op::AnyOf, Some(json!(["x", "b"])), json!(["a", "b"])));
        assert!(eval(Op::AllOf, Some(json!(["a", "b", "c"])), json!(["a", "b"])));
        assert!(!eval(Op::AllOf, Some(json!(["a"])), json!(["a", "b"])));
    }
}
