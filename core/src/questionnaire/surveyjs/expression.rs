//! SurveyJS's expression language, as far as show-if conditions need it: a parser following
//! survey-core's grammar (packages/survey-core/src/expressions/grammar.pegjs) — `or`/`||` binds
//! loosest, then `and`/`&&`, then comparisons (`=`, `==`, `!=`, `<`, `<=`, `>`, `>=` and their word
//! forms), arithmetic, and tightest `contains`/`notcontains`/`anyof`/`allof`/`noneof`; `!`/`negate`
//! before a factor, `empty`/`notempty` after an atom; keywords in any case. Arithmetic and
//! function calls are parsed so that the condition can be reported, not converted.

use super::values::Op;
use serde_json::Value;

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Not(Box<Expr>),
    Compare(Op, Box<Expr>, Box<Expr>),
    /// `x empty` (false) or `x notempty` (true).
    Empty(bool, Box<Expr>),
    /// `{name}`.
    Var(String),
    Const(Value),
    Array(Vec<Expr>),
    /// Arithmetic (`+ - * / % ^`), which a show-if condition cannot say.
    Arithmetic(&'static str),
    /// A function call such as `age({birthdate})` or `iif(…)`.
    Function(String),
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Var(String),
    Str(String),
    Num(f64),
    Word(String),
    Sym(&'static str),
}

fn tokens(s: &str) -> Result<Vec<Tok>, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    const SYMS: [&str; 20] = [
        "<=", ">=", "==", "!=", "&&", "||", "*=", "=", "<", ">", "!", "+", "-", "*", "/", "%", "^", "(", ")",
        ",",
    ];
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '{' {
            let end = chars[i..].iter().position(|&c| c == '}').ok_or("a `{` is never closed")? + i;
            out.push(Tok::Var(chars[i + 1..end].iter().collect::<String>().trim().to_owned()));
            i = end + 1;
        } else if c == '\'' || c == '"' {
            let mut text = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err(format!("a {c}…{c} string is never closed")),
                    Some('\\') if matches!(chars.get(i + 1), Some('\'' | '"')) => {
                        text.push(chars[i + 1]);
                        i += 2;
                    }
                    Some(&d) if d == c => break,
                    Some(&d) => {
                        text.push(d);
                        i += 1;
                    }
                }
            }
            i += 1;
            out.push(Tok::Str(text));
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            out.push(Tok::Num(text.parse().map_err(|_| format!("`{text}` is not a number"))?));
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Tok::Word(chars[start..i].iter().collect()));
        } else if c == '[' || c == ']' {
            out.push(Tok::Sym(if c == '[' { "[" } else { "]" }));
            i += 1;
        } else {
            let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
            let sym = SYMS.iter().find(|s| rest.starts_with(**s)).ok_or(format!("unexpected `{c}`"))?;
            out.push(Tok::Sym(sym));
            i += sym.chars().count();
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Tok>,
    at: usize,
}

fn word_is(t: Option<&Tok>, words: &[&str]) -> bool {
    matches!(t, Some(Tok::Word(w)) if words.iter().any(|k| w.eq_ignore_ascii_case(k)))
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }

    fn sym(&mut self, syms: &[&str]) -> Option<&'static str> {
        match self.peek() {
            Some(Tok::Sym(s)) if syms.contains(s) => {
                let s = *s;
                self.at += 1;
                Some(s)
            }
            _ => None,
        }
    }

    fn word(&mut self, words: &[&str]) -> Option<String> {
        if word_is(self.peek(), words) {
            self.at += 1;
            if let Some(Tok::Word(w)) = self.toks.get(self.at - 1) {
                return Some(w.to_ascii_lowercase());
            }
        }
        None
    }

    fn expression(&mut self) -> Result<Expr, String> {
        let mut parts = vec![self.and()?];
        while self.sym(&["||"]).is_some() || self.word(&["or"]).is_some() {
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 { parts.pop().expect("one") } else { Expr::Or(parts) })
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut parts = vec![self.comparison()?];
        while self.sym(&["&&"]).is_some() || self.word(&["and"]).is_some() {
            parts.push(self.comparison()?);
        }
        Ok(if parts.len() == 1 { parts.pop().expect("one") } else { Expr::And(parts) })
    }

    fn comparison_op(&mut self) -> Option<Op> {
        if let Some(s) = self.sym(&["<=", ">=", "==", "=", "!=", "<", ">"]) {
            return Some(match s {
                "<=" => Op::LessOrEqual,
                ">=" => Op::GreaterOrEqual,
                "==" | "=" => Op::Equal,
                "!=" => Op::NotEqual,
                "<" => Op::Less,
                _ => Op::Greater,
            });
        }
        let w = self.word(&["lessorequal", "greaterorequal", "equal", "notequal", "less", "greater"])?;
        Some(match w.as_str() {
            "lessorequal" => Op::LessOrEqual,
            "greaterorequal" => Op::GreaterOrEqual,
            "equal" => Op::Equal,
            "notequal" => Op::NotEqual,
            "less" => Op::Less,
            _ => Op::Greater,
        })
    }

    fn comparison(&mut self) -> Result<Expr, String> {
        let mut left = self.arithmetic()?;
        while let Some(op) = self.comparison_op() {
            let right = self.arithmetic()?;
            left = Expr::Compare(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn arithmetic(&mut self) -> Result<Expr, String> {
        let first = self.binary_function()?;
        let mut op = None;
        while let Some(s) =
            self.sym(&["+", "-", "*", "/", "%", "^"]).or_else(|| self.word(&["power"]).map(|_| "^"))
        {
            self.binary_function()?;
            op = Some(s);
        }
        Ok(match op {
            Some(s) => Expr::Arithmetic(s),
            None => first,
        })
    }

    fn binary_function(&mut self) -> Result<Expr, String> {
        let mut left = self.factor()?;
        loop {
            let op = if self.sym(&["*="]).is_some() {
                Op::Contains
            } else if let Some(w) =
                self.word(&["contains", "contain", "notcontains", "notcontain", "anyof", "allof", "noneof"])
            {
                match w.as_str() {
                    "contains" | "contain" => Op::Contains,
                    "notcontains" | "notcontain" => Op::NotContains,
                    "anyof" => Op::AnyOf,
                    "allof" => Op::AllOf,
                    _ => Op::NoneOf,
                }
            } else {
                return Ok(left);
            };
            let right = self.factor()?;
            left = Expr::Compare(op, Box::new(left), Box::new(right));
        }
    }

    fn factor(&mut self) -> Result<Expr, String> {
        if self.sym(&["("]).is_some() {
            let e = self.expression()?;
            self.sym(&[")"]);
            return Ok(e);
        }
        if self.sym(&["!"]).is_some() || self.word(&["negate"]).is_some() {
            return Ok(Expr::Not(Box::new(self.factor()?)));
        }
        if self.sym(&["["]).is_some() {
            let items = self.sequence("]")?;
            return Ok(Expr::Array(items));
        }
        if let (Some(Tok::Word(name)), Some(Tok::Sym("("))) = (self.peek(), self.toks.get(self.at + 1)) {
            let name = name.clone();
            self.at += 2;
            self.sequence(")")?;
            return Ok(Expr::Function(name));
        }
        let atom = self.atom()?;
        if let Some(w) = self.word(&["empty", "notempty"]) {
            return Ok(Expr::Empty(w == "notempty", Box::new(atom)));
        }
        Ok(atom)
    }

    fn sequence(&mut self, close: &'static str) -> Result<Vec<Expr>, String> {
        let mut items = Vec::new();
        if self.sym(&[close]).is_some() {
            return Ok(items);
        }
        loop {
            items.push(self.expression()?);
            if self.sym(&[","]).is_none() {
                self.sym(&[close]);
                return Ok(items);
            }
        }
    }

    fn atom(&mut self) -> Result<Expr, String> {
        let negative = self.sym(&["-"]).is_some();
        let tok = self.toks.get(self.at).cloned().ok_or("the expression ends too early")?;
        self.at += 1;
        Ok(match tok {
            Tok::Num(x) => Expr::Const(number(if negative { -x } else { x })),
            _ if negative => return Err("`-` before something that is not a number".into()),
            Tok::Var(name) => Expr::Var(name),
            Tok::Str(s) => Expr::Const(Value::String(s)),
            Tok::Word(w) if w.eq_ignore_ascii_case("true") || w.eq_ignore_ascii_case("false") => {
                Expr::Const(Value::Bool(w.eq_ignore_ascii_case("true")))
            }
            Tok::Word(w) if w == "undefined" || w == "null" => Expr::Const(Value::Null),
            Tok::Word(w) => Expr::Const(Value::String(w)),
            Tok::Sym(s) => return Err(format!("unexpected `{s}`")),
        })
    }
}

fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

/// Parses a SurveyJS expression.
pub(super) fn parse(text: &str) -> Result<Expr, String> {
    let mut p = Parser { toks: tokens(text)?, at: 0 };
    if p.toks.is_empty() {
        return Err("the expression is empty".into());
    }
    let e = p.expression()?;
    match p.peek() {
        None => Ok(e),
        Some(t) => Err(format!("cannot read the expression from {t:?} on")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn var(n: &str) -> Box<Expr> {
        Box::new(Expr::Var(n.into()))
    }

    fn konst(v: Value) -> Box<Expr> {
        Box::new(Expr::Const(v))
    }

    #[test]
    fn precedence_follows_the_grammar() {
        // `and` binds tighter than `or`; comparisons tighter than both.
        let e = parse("{a} = 1 or {b} > 2 and {c} notempty").unwrap();
        assert_eq!(
            e,
            Expr::Or(vec![
                Expr::Compare(Op::Equal, var("a"), konst(json!(1))),
                Expr::And(vec![
                    Expr::Compare(Op::Greater, var("b"), konst(json!(2))),
                    Expr::Empty(true, var("c")),
                ]),
            ])
        );
    }

    #[test]
    fn words_strings_arrays_and_case() {
        assert_eq!(
            parse("{q} AnyOf ['a', \"b c\"]").unwrap(),
            Expr::Compare(
                Op::AnyOf,
                var("q"),
                Box::new(Expr::Array(vec![Expr::Const(json!("a")), Expr::Const(json!("b c"))]))
            )
        );
        assert_eq!(parse("{q} = yes").unwrap(), Expr::Compare(Op::Equal, var("q"), konst(json!("yes"))));
        assert_eq!(parse("{q}=TRUE").unwrap(), Expr::Compare(Op::Equal, var("q"), konst(json!(true))));
        assert_eq!(
            parse("{q} <= -2.5").unwrap(),
            Expr::Compare(Op::LessOrEqual, var("q"), konst(json!(-2.5)))
        );
        assert_eq!(parse("!({q} empty)").unwrap(), Expr::Not(Box::new(Expr::Empty(false, var("q")))));
        assert_eq!(
            parse("{q} greaterorequal 3").unwrap(),
            Expr::Compare(Op::GreaterOrEqual, var("q"), konst(json!(3)))
        );
    }

    #[test]
    fn arithmetic_and_functions_are_recognised() {
        assert_eq!(
            parse("{a} + {b} > 3").unwrap(),
            Expr::Compare(Op::Greater, Box::new(Expr::Arithmetic("+")), konst(json!(3)))
        );
        assert_eq!(
            parse("age({birthdate}) >= 18").unwrap(),
            Expr::Compare(Op::GreaterOrEqual, Box::new(Expr::Function("age".into())), konst(json!(18)))
        );
        assert!(parse("{a} = 'open").is_err());
    }
}
