//! SurveyJS `visibleIf` expressions → Manyi show-if conditions that hold for exactly the same
//! answers.
//!
//! For an item with a finite set of answers (a rating's points, a single choice's options, yes/no)
//! the operator is evaluated on every value the SurveyJS question can take and on no answer at
//! all, with survey-core's own semantics (see `values.rs`); the condition names the points, codes
//! or yes/no that satisfy it, and becomes "not …" of the others when an empty answer satisfies it
//! too (`{q} != 3`, `{q} noneof [...]`, `{q} notcontains 'a'` are true while `q` is unanswered,
//! expressions.ts). So strict comparisons need no new kind of condition: `{q} > 3` on a 1–5 rating
//! is "at least 4". Multiple choices and numbers are translated operator by operator.

use super::expression::Expr;
use super::values::{as_number, Op};
use crate::questionnaire::condition::Condition;
use crate::questionnaire::item::{ChoiceCode, ItemId};
use serde_json::Value;

/// What answers a converted item takes, with the SurveyJS value behind each.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Answers {
    /// Rating points: the SurveyJS value and the Manyi point, lowest first.
    Points(Vec<(Value, i32)>),
    /// Options: the SurveyJS value and the Manyi code.
    Codes { options: Vec<(Value, ChoiceCode)>, multiple: bool },
    /// Yes/no: SurveyJS's `valueTrue` and `valueFalse`.
    YesNo { yes: Value, no: Value },
    /// A number.
    Number,
    /// Free text.
    Text,
}

/// A condition, or a constant: it always holds or never does (the item named is the one the
/// constant came from, so that "never" can still be written as a condition).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tri {
    Always(ItemId),
    Never(ItemId),
    When(Condition),
}

impl Tri {
    /// The condition to write: none for "always", a contradiction for "never".
    pub(super) fn into_condition(self) -> Option<Condition> {
        match self {
            Tri::Always(_) => None,
            Tri::Never(item) => Some(Condition::All {
                all: vec![
                    Condition::Answered { item: item.clone() },
                    Condition::Not { not: Box::new(Condition::Answered { item }) },
                ],
            }),
            Tri::When(c) => Some(c),
        }
    }

    fn not(self) -> Tri {
        match self {
            Tri::Always(i) => Tri::Never(i),
            Tri::Never(i) => Tri::Always(i),
            Tri::When(Condition::Not { not }) => Tri::When(*not),
            Tri::When(c) => Tri::When(Condition::Not { not: Box::new(c) }),
        }
    }
}

/// Everything true together.
pub(super) fn all(parts: Vec<Tri>) -> Tri {
    let mut conds = Vec::new();
    let mut always = None;
    for p in parts {
        match p {
            Tri::Never(i) => return Tri::Never(i),
            Tri::Always(i) => always = Some(i),
            Tri::When(Condition::All { all }) => conds.extend(all),
            Tri::When(c) => conds.push(c),
        }
    }
    match conds.len() {
        0 => Tri::Always(always.expect("at least one part")),
        1 => Tri::When(conds.pop().expect("one")),
        _ => Tri::When(Condition::All { all: conds }),
    }
}

fn any(parts: Vec<Tri>) -> Tri {
    let mut conds = Vec::new();
    let mut never = None;
    for p in parts {
        match p {
            Tri::Always(i) => return Tri::Always(i),
            Tri::Never(i) => never = Some(i),
            Tri::When(Condition::Any { any }) => conds.extend(any),
            Tri::When(c) => conds.push(c),
        }
    }
    match conds.len() {
        0 => Tri::Never(never.expect("at least one part")),
        1 => Tri::When(conds.pop().expect("one")),
        _ => Tri::When(Condition::Any { any: conds }),
    }
}

/// Finds the converted item of a SurveyJS name, with its answers, or says why there is none.
pub(super) type Lookup<'a> = &'a dyn Fn(&str) -> Result<(ItemId, Answers), String>;

/// Translates `expr`; `lookup` finds the converted item of a SurveyJS name (or says why not).
pub(super) fn translate(expr: &Expr, lookup: Lookup) -> Result<Tri, String> {
    match expr {
        Expr::Or(parts) => Ok(any(parts.iter().map(|p| translate(p, lookup)).collect::<Result<_, _>>()?)),
        Expr::And(parts) => Ok(all(parts.iter().map(|p| translate(p, lookup)).collect::<Result<_, _>>()?)),
        Expr::Not(inner) => Ok(translate(inner, lookup)?.not()),
        Expr::Empty(notempty, inner) => match &**inner {
            Expr::Var(name) => {
                let (item, _) = lookup(name)?;
                let answered = Tri::When(Condition::Answered { item });
                Ok(if *notempty { answered } else { answered.not() })
            }
            _ => Err("`empty` of something that is not a question".into()),
        },
        Expr::Compare(op, left, right) => match (&**left, constant(right), constant(left), &**right) {
            (Expr::Var(name), Some(c), _, _) => {
                let (item, answers) = lookup(name)?;
                compare(*op, item, &answers, &c)
            }
            (_, _, Some(c), Expr::Var(name)) => {
                let flipped =
                    op.flipped().ok_or(format!("`{}` with the question on its right", op.name()))?;
                let (item, answers) = lookup(name)?;
                compare(flipped, item, &answers, &c)
            }
            _ => Err(format!("`{}` between {} and {}", op.name(), describe(left), describe(right))),
        },
        Expr::Var(name) => match lookup(name)? {
            (item, Answers::YesNo { yes: Value::Bool(true), .. }) => Ok(Tri::When(Condition::Yes { item })),
            _ => Err(format!("`{{{name}}}` alone, as a truth value")),
        },
        other => Err(format!("{} as a condition", describe(other))),
    }
}

fn describe(e: &Expr) -> String {
    match e {
        Expr::Var(n) => format!("`{{{n}}}`"),
        Expr::Const(v) => format!("the constant {v}"),
        Expr::Array(_) => "a list".into(),
        Expr::Arithmetic(op) => format!("arithmetic (`{op}`)"),
        Expr::Function(f) => format!("the function `{f}()`"),
        _ => "a condition".into(),
    }
}

/// The constant value of a constant or a list of constants.
fn constant(e: &Expr) -> Option<Value> {
    match e {
        Expr::Const(v) => Some(v.clone()),
        Expr::Array(items) => items.iter().map(constant).collect::<Option<Vec<_>>>().map(Value::Array),
        _ => None,
    }
}

fn compare(op: Op, item: ItemId, answers: &Answers, c: &Value) -> Result<Tri, String> {
    let empty_holds = op.eval(None, Some(c));
    match answers {
        Answers::Points(points) => {
            let keep: Vec<bool> = points.iter().map(|(v, _)| op.eval(Some(v), Some(c))).collect();
            Ok(finite(&item, empty_holds, &keep, |sel| point_runs(&item, points, sel)))
        }
        Answers::Codes { options, multiple: false } => {
            let keep: Vec<bool> = options.iter().map(|(v, _)| op.eval(Some(v), Some(c))).collect();
            Ok(finite(&item, empty_holds, &keep, |sel| {
                let codes: Vec<ChoiceCode> =
                    options.iter().zip(sel).filter(|(_, s)| **s).map(|(o, _)| o.1.clone()).collect();
                if codes.len() == options.len() {
                    Condition::Answered { item: item.clone() }
                } else {
                    Condition::Chosen { item: item.clone(), any_of: codes }
                }
            }))
        }
        Answers::YesNo { yes, no } => {
            let keep = [op.eval(Some(yes), Some(c)), op.eval(Some(no), Some(c))];
            Ok(finite(&item, empty_holds, &keep, |sel| match sel {
                [true, false] => Condition::Yes { item: item.clone() },
                [false, true] => Condition::No { item: item.clone() },
                _ => Condition::Answered { item: item.clone() },
            }))
        }
        Answers::Codes { options, multiple: true } => multiple(op, item, options, c),
        Answers::Number => number(op, item, c),
        Answers::Text => match (op, c) {
            (Op::Equal, Value::String(s)) if s.is_empty() => {
                Ok(Tri::When(Condition::Answered { item }).not())
            }
            (Op::NotEqual, Value::String(s)) if s.is_empty() => Ok(Tri::When(Condition::Answered { item })),
            _ => Err(format!("`{}` on a text answer", op.name())),
        },
    }
}

/// The condition on a finite set of answers: `keep[k]` says whether answer k satisfies the
/// operator, `empty_holds` whether no answer does; `cond` names a non-empty, proper selection.
fn finite(item: &ItemId, empty_holds: bool, keep: &[bool], cond: impl Fn(&[bool]) -> Condition) -> Tri {
    let chosen = keep.iter().filter(|k| **k).count();
    if empty_holds {
        if chosen == keep.len() {
            return Tri::Always(item.clone());
        }
        let others: Vec<bool> = keep.iter().map(|k| !k).collect();
        Tri::When(cond(&others)).not()
    } else if chosen == 0 {
        Tri::Never(item.clone())
    } else {
        Tri::When(cond(keep))
    }
}

/// The selected points as runs of neighbouring points: "at least", "at most", "between", "answered".
fn point_runs(item: &ItemId, points: &[(Value, i32)], sel: &[bool]) -> Condition {
    let (first, last) = (points[0].1, points[points.len() - 1].1);
    let mut runs = Vec::new();
    let mut k = 0;
    while k < points.len() {
        if !sel[k] {
            k += 1;
            continue;
        }
        let start = k;
        while k + 1 < points.len() && sel[k + 1] {
            k += 1;
        }
        let (a, b) = (points[start].1, points[k].1);
        let item = item.clone();
        runs.push(match (a == first, b == last) {
            (true, true) => Condition::Answered { item },
            (true, false) => Condition::AtMost { item, value: f64::from(b) },
            (false, true) => Condition::AtLeast { item, value: f64::from(a) },
            (false, false) => Condition::All {
                all: vec![
                    Condition::AtLeast { item: item.clone(), value: f64::from(a) },
                    Condition::AtMost { item, value: f64::from(b) },
                ],
            },
        });
        k += 1;
    }
    if runs.len() == 1 {
        runs.pop().expect("one")
    } else {
        Condition::Any { any: runs }
    }
}

/// A checkbox's answer is the list of chosen values.
fn multiple(op: Op, item: ItemId, options: &[(Value, ChoiceCode)], c: &Value) -> Result<Tri, String> {
    let codes_equal = |r: &Value| -> Vec<ChoiceCode> {
        options
            .iter()
            .filter(|(v, _)| super::values::equal(Some(v), Some(r)))
            .map(|(_, k)| k.clone())
            .collect()
    };
    let chosen = |codes: Vec<ChoiceCode>| {
        if codes.is_empty() {
            Tri::Never(item.clone())
        } else {
            Tri::When(Condition::Chosen { item: item.clone(), any_of: codes })
        }
    };
    let listed: Vec<Value> = match c {
        Value::Array(a) => a.clone(),
        other => vec![other.clone()],
    };
    if listed.is_empty() {
        return Err(format!("`{}` with an empty list", op.name()));
    }
    let each = || all(listed.iter().map(|r| chosen(codes_equal(r))).collect());
    let any_listed = || chosen(listed.iter().flat_map(codes_equal).collect());
    Ok(match op {
        Op::Contains | Op::AllOf => each(),
        Op::NotContains => each().not(),
        Op::AnyOf => any_listed(),
        Op::NoneOf => any_listed().not(),
        Op::Equal | Op::NotEqual => {
            let exact = match c {
                Value::Array(_) => {
                    let named: Vec<ChoiceCode> = listed.iter().flat_map(codes_equal).collect();
                    let others: Vec<ChoiceCode> =
                        options.iter().map(|(_, k)| k.clone()).filter(|k| !named.contains(k)).collect();
                    let mut parts = vec![each()];
                    if !others.is_empty() {
                        parts.push(chosen(others).not());
                    }
                    all(parts)
                }
                Value::String(s) if s.is_empty() => {
                    Tri::When(Condition::Answered { item: item.clone() }).not()
                }
                // A list of choices never equals a single value (helpers.ts, checkIfValuesEqual).
                _ => Tri::Never(item.clone()),
            };
            if op == Op::Equal {
                exact
            } else {
                exact.not()
            }
        }
        _ => return Err(format!("`{}` on a multiple choice", op.name())),
    })
}

fn number(op: Op, item: ItemId, c: &Value) -> Result<Tri, String> {
    let bound = |v: &Value| match v {
        Value::Number(_) | Value::String(_) => as_number(v).filter(|_| !super::values::is_empty(Some(v))),
        _ => None,
    };
    let at_least = |x| Tri::When(Condition::AtLeast { item: item.clone(), value: x });
    let at_most = |x| Tri::When(Condition::AtMost { item: item.clone(), value: x });
    let answered = || Tri::When(Condition::Answered { item: item.clone() });
    let equal = |x| all(vec![at_least(x), at_most(x)]);
    let list = || match c {
        Value::Array(a) => a.iter().map(|v| bound(v).map(equal)).collect::<Option<Vec<_>>>(),
        other => bound(other).map(|x| vec![equal(x)]),
    };
    if matches!(c, Value::Array(a) if a.is_empty()) {
        return Err(format!("`{}` with an empty list", op.name()));
    }
    let x = bound(c);
    let need = || format!("`{}` on a number with {c}, which is not a number", op.name());
    Ok(match op {
        Op::Equal => equal(x.ok_or_else(need)?),
        Op::NotEqual => equal(x.ok_or_else(need)?).not(),
        Op::GreaterOrEqual => at_least(x.ok_or_else(need)?),
        Op::LessOrEqual => at_most(x.ok_or_else(need)?),
        Op::Greater => all(vec![answered(), at_most(x.ok_or_else(need)?).not()]),
        Op::Less => all(vec![answered(), at_least(x.ok_or_else(need)?).not()]),
        Op::AnyOf => any(list().ok_or_else(need)?),
        Op::NoneOf => any(list().ok_or_else(need)?).not(),
        _ => return Err(format!("`{}` on a number", op.name())),
    })
}
