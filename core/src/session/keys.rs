//! Answers keyed in by an agent who types fast (the call desk): which keys answer an item of each
//! kind, what a key typed so far means, and what Enter confirms. Pure, so the desk only turns key
//! events into calls here.
//!
//! The rule for numbers, whatever the scale: **type the number, Enter confirms**, as in CATI
//! systems. Digits build the number typed; a digit that cannot continue it starts a new one, so
//! a slip is corrected by typing again. On 1–5 every digit is a whole answer, as before; on 0–10,
//! `1` then `0` is 10 (1 is shown chosen in between); on 1–20, `1`, `7` is 17. Options are
//! numbered from 1 the same way. A multiple choice toggles an option as soon as its number is
//! unambiguous (at once with up to nine options; with more, `1` waits for a second digit, and
//! Space, Enter or a digit that cannot follow it takes it alone). 未使用/不适用 is `0` where no answer is written with a 0
//! (1–5, yes/no), else `.` (the numeric keypad's key beside 0), which is accepted everywhere.
//! Yes / no are `Y` / `N`; a Kano pair is two digits 1–5, functional then dysfunctional.

use crate::questionnaire::item::{ChoiceCode, Item, ItemKind};
use crate::questionnaire::Questionnaire;
use crate::response::answer::{Answer, KanoPairAnswer};
use crate::scoring::kano::KanoAnswer;
use crate::text::Text;

/// How an item's answer is keyed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A point of a scale (a rating, 0–10), typed as its number.
    Points {
        /// The lowest point.
        min: i32,
        /// The highest point.
        max: i32,
    },
    /// An option, typed as its number (1 is the first).
    Options {
        /// The options' codes in display order.
        codes: Vec<ChoiceCode>,
        /// Any number of them may be chosen.
        multiple: bool,
    },
    /// `Y` / `N`.
    YesNo,
    /// Two digits 1–5: functional, then dysfunctional.
    KanoPair,
    /// A number typed in a field.
    Number,
    /// Text typed in a field.
    Text,
}

/// The keys of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemKeys {
    /// How its answer is keyed.
    pub entry: Entry,
    /// Whether 未使用/不适用 is offered.
    pub not_applicable: bool,
}

/// What has been keyed on an item and not yet confirmed with Enter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Keyed {
    /// The digits of a number being typed (shown, so the agent sees what Enter takes).
    pub digits: String,
    /// The answer keyed so far (for a multiple choice: the options chosen so far).
    pub answer: Option<Answer>,
}

/// What Enter does with what was keyed.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirmed {
    /// Record this answer.
    Answer(Answer),
    /// Take the answer back (every option of a multiple choice untoggled, a field emptied).
    Clear,
    /// Nothing was keyed: go on with the answer given before, if any.
    Keep,
}

/// One answer offered on screen with the key (or number) that gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyChoice {
    /// What to type: `4`, `10`, `Y`, `0`, `.`.
    pub key: String,
    /// The answer it gives (for a multiple choice: the option it toggles).
    pub answer: Answer,
    /// Its label (the scale's label, the option's text), empty if it has none.
    pub label: Text,
}

/// The scales whose points are all listed on screen; a wider one is typed from its range.
const LISTED_POINTS: i32 = 21;

fn digit(key: &str) -> Option<char> {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_digit() || c == '-' => Some(c),
        _ => None,
    }
}

/// The digits after typing `key` on `digits`, and the value they make if it is one of `values`;
/// `None` when neither the continued number nor the key alone begins any value.
fn type_digit(values: &[i64], digits: &str, key: char) -> Option<(String, Option<i64>)> {
    let attempt = |typed: String| {
        let value = typed.parse::<i64>().ok().filter(|v| values.contains(v));
        let begins = values.iter().any(|v| v.to_string().starts_with(&typed));
        (value.is_some() || begins).then_some((typed, value))
    };
    attempt(format!("{digits}{key}")).or_else(|| attempt(key.to_string()))
}

/// Whether some value is written longer than `typed` and begins with it.
fn continues(values: &[i64], typed: &str) -> bool {
    values.iter().map(|v| v.to_string()).any(|v| v.len() > typed.len() && v.starts_with(typed))
}

impl ItemKeys {
    /// The keys of `item` of `q`.
    pub fn of(q: &Questionnaire, item: &Item) -> ItemKeys {
        let entry = match &item.kind {
            ItemKind::Rating { .. } | ItemKind::Recommend => {
                let points = q.rating_points(item).unwrap_or(1..=5);
                Entry::Points { min: *points.start(), max: *points.end() }
            }
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => Entry::Options {
                codes: options.iter().map(|o| o.code.clone()).collect(),
                multiple: matches!(item.kind, ItemKind::MultipleChoice { .. }),
            },
            ItemKind::YesNo { .. } => Entry::YesNo,
            ItemKind::KanoPair { .. } => Entry::KanoPair,
            ItemKind::Number { .. } => Entry::Number,
            ItemKind::Text { .. } => Entry::Text,
        };
        ItemKeys { entry, not_applicable: item.kind.offers_not_applicable() }
    }

    /// Whether the answer is typed in a field (a number, a text): keys are the field's, but Enter.
    pub fn in_field(&self) -> bool {
        matches!(self.entry, Entry::Number | Entry::Text)
    }

    /// The values typed as numbers: the points, or the options' numbers.
    fn values(&self) -> Vec<i64> {
        match &self.entry {
            Entry::Points { min, max } => (i64::from(*min)..=i64::from(*max)).collect(),
            Entry::Options { codes, .. } => (1..=codes.len() as i64).collect(),
            Entry::KanoPair => (1..=5).collect(),
            _ => Vec::new(),
        }
    }

    /// The key shown for 未使用/不适用: `0` where no answer is written with a 0, else `.`.
    pub fn not_applicable_key(&self) -> Option<&'static str> {
        let zero_used = self.values().iter().any(|v| v.to_string().contains('0'));
        self.not_applicable.then_some(if zero_used { "." } else { "0" })
    }

    fn answer_of(&self, value: i64) -> Option<Answer> {
        match &self.entry {
            Entry::Points { .. } => i32::try_from(value).ok().map(Answer::Rating),
            Entry::Options { codes, multiple: false } => {
                usize::try_from(value - 1).ok().and_then(|i| codes.get(i)).cloned().map(Answer::Choice)
            }
            _ => None,
        }
    }

    /// Toggles option `value` (1-based) in the options keyed so far (or given before).
    fn toggle(&self, keyed: &Keyed, given: Option<&Answer>, value: i64) -> Option<Answer> {
        let Entry::Options { codes, multiple: true } = &self.entry else { return None };
        let code = usize::try_from(value - 1).ok().and_then(|i| codes.get(i))?;
        let mut chosen = match keyed.answer.as_ref().or(given) {
            Some(Answer::Choices(c)) => c.clone(),
            _ => Vec::new(),
        };
        match chosen.iter().position(|c| c == code) {
            Some(at) => {
                chosen.remove(at);
            }
            None => chosen.push(code.clone()),
        }
        // Kept in the options' order, whatever order they were typed in.
        chosen.sort_by_key(|c| codes.iter().position(|o| o == c));
        Some(Answer::Choices(chosen))
    }

    /// What `key` (a `KeyboardEvent.key`) makes of what was keyed, `given` being the answer
    /// recorded before; `None` when the key means nothing on this item.
    pub fn press(&self, keyed: &Keyed, given: Option<&Answer>, key: &str) -> Option<Keyed> {
        let chosen = |answer: Answer| Some(Keyed { digits: String::new(), answer: Some(answer) });
        if self.in_field() {
            return None;
        }
        let na = self.not_applicable && (key == "." || key == "," || Some(key) == self.not_applicable_key());
        if na {
            return chosen(Answer::NotApplicable);
        }
        match &self.entry {
            Entry::YesNo => match key {
                "y" | "Y" => chosen(Answer::Yes),
                "n" | "N" => chosen(Answer::No),
                _ => None,
            },
            Entry::KanoPair => {
                let code = digit(key)
                    .and_then(|d| d.to_digit(10))
                    .and_then(|d| KanoAnswer::try_from(d as u8).ok())?;
                match keyed.digits.parse::<u8>().ok().and_then(|f| KanoAnswer::try_from(f).ok()) {
                    Some(functional) => {
                        chosen(Answer::Kano(KanoPairAnswer { functional, dysfunctional: code }))
                    }
                    None => Some(Keyed { digits: key.to_owned(), answer: keyed.answer.clone() }),
                }
            }
            Entry::Options { multiple: true, .. } => {
                if key == " " {
                    return self.take_pending(keyed, given);
                }
                let values = self.values();
                let d = digit(key)?;
                let (typed, value) = type_digit(&values, &keyed.digits, d)?;
                // A digit that starts a new number takes the pending one first: with twelve
                // options, 1 then 3 is options 1 and 3 (there is no 13).
                let keyed = match typed.len() == 1 && !keyed.digits.is_empty() {
                    true => self.take_pending(keyed, given).unwrap_or_else(|| keyed.clone()),
                    false => keyed.clone(),
                };
                match value {
                    Some(v) if !continues(&values, &typed) => {
                        Some(Keyed { digits: String::new(), answer: self.toggle(&keyed, given, v) })
                    }
                    _ => Some(Keyed { digits: typed, answer: keyed.answer.clone() }),
                }
            }
            Entry::Points { .. } | Entry::Options { .. } => {
                let (typed, value) = type_digit(&self.values(), &keyed.digits, digit(key)?)?;
                Some(Keyed { digits: typed, answer: value.and_then(|v| self.answer_of(v)) })
            }
            Entry::Number | Entry::Text => None,
        }
    }

    /// A multiple choice's pending number taken alone (Space, or Enter before confirming).
    fn take_pending(&self, keyed: &Keyed, given: Option<&Answer>) -> Option<Keyed> {
        if !matches!(self.entry, Entry::Options { multiple: true, .. }) {
            return None;
        }
        let value = keyed.digits.parse::<i64>().ok().filter(|v| self.values().contains(v))?;
        Some(Keyed { digits: String::new(), answer: self.toggle(keyed, given, value) })
    }

    /// The answer picked with the mouse: point or option number `value` chosen (a multiple
    /// choice's option toggled), as if its number had been typed alone.
    pub fn pick(&self, keyed: &Keyed, given: Option<&Answer>, answer: &Answer) -> Keyed {
        let answer = match (&self.entry, answer) {
            (Entry::Options { codes, multiple: true }, Answer::Choice(code)) => {
                codes.iter().position(|c| c == code).and_then(|i| self.toggle(keyed, given, i as i64 + 1))
            }
            _ => Some(answer.clone()),
        };
        Keyed { digits: String::new(), answer }
    }

    /// What Enter confirms.
    pub fn confirm(&self, keyed: &Keyed, given: Option<&Answer>) -> Confirmed {
        let keyed = self.take_pending(keyed, given).unwrap_or_else(|| keyed.clone());
        match keyed.answer {
            Some(Answer::Choices(c)) if c.is_empty() => Confirmed::Clear,
            Some(a) => Confirmed::Answer(a),
            None => Confirmed::Keep,
        }
    }

    /// What Enter confirms in a field holding `text`: blank takes the answer back; a number
    /// field's text must be a number (`Err` says so).
    pub fn confirm_field(&self, text: &str) -> Result<Confirmed, Text> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Confirmed::Clear);
        }
        match self.entry {
            Entry::Number => text
                .replace('，', ".")
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .map(|x| Confirmed::Answer(Answer::Number(x)))
                .ok_or_else(|| Text::new(format!("“{text}”不是数字"), format!("“{text}” is not a number"))),
            _ => Ok(Confirmed::Answer(Answer::Text(text.to_owned()))),
        }
    }

    /// The answers offered on screen, each with what to type. A scale wider than 21 points is
    /// typed from its range and not listed.
    pub fn choices(&self, q: &Questionnaire, item: &Item) -> Vec<KeyChoice> {
        let mut out = Vec::new();
        match (&self.entry, &item.kind) {
            (Entry::Points { min, max }, _) if max - min < LISTED_POINTS => {
                let scale = q.rating_scale(item);
                for x in *min..=*max {
                    let label = scale.as_ref().and_then(|s| s.label(x)).cloned().unwrap_or_default();
                    out.push(KeyChoice { key: x.to_string(), answer: Answer::Rating(x), label });
                }
            }
            (Entry::Options { .. }, kind) => {
                for (i, o) in kind.options().iter().enumerate() {
                    let answer = Answer::Choice(o.code.clone());
                    out.push(KeyChoice { key: (i + 1).to_string(), answer, label: o.label.clone() });
                }
            }
            (Entry::YesNo, _) => {
                out.push(KeyChoice { key: "Y".into(), answer: Answer::Yes, label: Text::new("是", "Yes") });
                out.push(KeyChoice { key: "N".into(), answer: Answer::No, label: Text::new("否", "No") });
            }
            _ => {}
        }
        if let Some(key) = self.not_applicable_key() {
            let label = Text::new("未使用/不适用", "Not used / not applicable");
            out.push(KeyChoice { key: key.into(), answer: Answer::NotApplicable, label });
        }
        out
    }

    /// What the keys do on this item, for the legend beside it.
    pub fn hint(&self) -> Text {
        let range = |what: (&str, &str), from: i64, to: i64| {
            let two = to >= 10 || from < 0;
            let (zh_more, en_more) =
                if two { ("，两位数连续输入", ", several digits in a row") } else { ("", "") };
            Text::new(format!("{from}–{to} {}{zh_more}", what.0), format!("{from}–{to} {}{en_more}", what.1))
        };
        match &self.entry {
            Entry::Points { min, max } => {
                range(("选分值", "choose the point"), i64::from(*min), i64::from(*max))
            }
            Entry::Options { codes, multiple: false } => {
                range(("选选项", "choose the option"), 1, codes.len() as i64)
            }
            Entry::Options { codes, multiple: true } => {
                let t = range(("勾选/取消选项", "toggle an option"), 1, codes.len() as i64);
                Text::new(format!("{}；空格分隔", t.zh), format!("{}; Space separates", t.en))
            }
            Entry::YesNo => Text::new("Y 是，N 否", "Y yes, N no"),
            Entry::KanoPair => {
                Text::new("两个数字 1–5：先正向，后反向", "two digits 1–5: functional, then dysfunctional")
            }
            Entry::Number => Text::new("输入数字", "type the number"),
            Entry::Text => {
                Text::new("输入文字，Shift+Enter 换行", "type the text, Shift+Enter for a new line")
            }
        }
    }
}

#[cfg(test)]
mod tests;
