//! Decoding the cells of a responses table read back: each as [`super::ResponsesLayout::row`]
//! wrote it, or as a spreadsheet program saved it again.

use crate::error::{Error, Position, Result};
use crate::io::table::unneutralise;
use crate::questionnaire::item::{ChoiceCode, Item, ItemKind};
use crate::response::answer::{Answer, KanoPairAnswer};
use crate::response::disposition::Disposition;
use crate::scoring::kano::KanoAnswer;
use chrono::{DateTime, FixedOffset};
use std::str::FromStr;

/// The cells of one record.
#[derive(Clone, Copy)]
pub(super) struct Cells<'a> {
    pub record: &'a csv::StringRecord,
    pub headers: &'a [String],
    pub source: &'a str,
    pub line: u64,
}

impl<'a> Cells<'a> {
    pub fn get(&self, j: usize) -> &'a str {
        self.record.get(j).unwrap_or("")
    }

    pub fn error(&self, j: usize, reason: impl Into<String>) -> Error {
        let mut position = Position::at(self.line, j as u64 + 1).in_file(self.source);
        position.field = self.headers.get(j).filter(|h| !h.is_empty()).cloned();
        Error::Input { position, reason: reason.into() }
    }

    /// The value of a column every response fills.
    pub fn need<T>(&self, j: usize, value: Option<T>) -> Result<T> {
        value.ok_or_else(|| self.error(j, "empty; every response has one, as Manyi exports it"))
    }

    /// A code of a coded column (channel, status, business type …); `None` when blank.
    pub fn coded<T: FromStr<Err = String>>(&self, j: usize) -> Result<Option<T>> {
        let text = self.get(j).trim();
        (!text.is_empty()).then(|| text.parse().map_err(|e: String| self.error(j, e))).transpose()
    }

    pub fn time(&self, j: usize) -> Result<Option<DateTime<FixedOffset>>> {
        let text = self.get(j).trim();
        (!text.is_empty())
            .then(|| {
                DateTime::parse_from_rfc3339(text).map_err(|_| {
                    self.error(
                        j,
                        format!(
                            "`{text}` is not a time with its UTC offset; write it as Manyi exports it, \
                             e.g. 2026-11-02T09:00:00+08:00"
                        ),
                    )
                })
            })
            .transpose()
    }

    /// A call outcome: its code, or the number a spreadsheet made of it (2.2 for 2.20).
    pub fn disposition(&self, j: usize) -> Result<Option<Disposition>> {
        let text = self.get(j).trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse::<Disposition>()
            .or_else(|e| {
                let x: f64 = text.parse().map_err(|_| e.clone())?;
                Disposition::ALL.iter().copied().find(|d| d.code().parse() == Ok(x)).ok_or(e)
            })
            .map(Some)
            .map_err(|e| self.error(j, e))
    }

    /// A Kano pair from its two columns: both answered, or neither.
    pub fn kano(&self, f: Option<usize>, d: Option<usize>) -> Result<Option<Answer>> {
        let code = |j: Option<usize>| -> Result<Option<KanoAnswer>> {
            let Some(j) = j else { return Ok(None) };
            let text = self.get(j).trim();
            if text.is_empty() {
                return Ok(None);
            }
            whole(text).and_then(|x| u8::try_from(x).ok()).and_then(|x| KanoAnswer::try_from(x).ok()).map(Some).ok_or_else(
                || self.error(j, format!("`{text}` is not a Kano answer; write 1 (like), 2 (expect), 3 (neutral), 4 (live with) or 5 (dislike)")),
            )
        };
        match (code(f)?, code(d)?) {
            (None, None) => Ok(None),
            (Some(functional), Some(dysfunctional)) => {
                Ok(Some(Answer::Kano(KanoPairAnswer { functional, dysfunctional })))
            }
            (functional, _) => {
                let blank = if functional.is_none() { f.or(d) } else { d.or(f) };
                Err(self.error(
                    blank.expect("one of the pair has a column"),
                    "a Kano pair needs both answers; write the functional and the dysfunctional one (1–5), or neither",
                ))
            }
        }
    }
}

/// A whole number, also as a spreadsheet may write it (`4.0`).
pub(super) fn whole(text: &str) -> Option<i64> {
    text.parse::<i64>().ok().or_else(|| {
        let x: f64 = text.parse().ok()?;
        (x.fract() == 0.0 && x.abs() < 1e15).then_some(x as i64)
    })
}

/// The answer in a cell of `item`'s column, as [`super::ResponsesLayout::row`] writes it; `None`
/// when the cell is blank.
pub(super) fn decode(item: &Item, cell: &str) -> std::result::Result<Option<Answer>, String> {
    if let ItemKind::Text { .. } = item.kind {
        return Ok((!cell.is_empty()).then(|| Answer::Text(unneutralise(cell).to_owned())));
    }
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let na = text.eq_ignore_ascii_case("na") || text == "不适用";
    let answer = match &item.kind {
        ItemKind::Rating { .. } | ItemKind::Recommend if na => Answer::NotApplicable,
        ItemKind::Rating { .. } | ItemKind::Recommend => {
            let point = whole(text).and_then(|x| i32::try_from(x).ok());
            Answer::Rating(point.ok_or_else(|| {
                format!("`{text}` is not a point of the scale; write a whole number such as 4, or NA")
            })?)
        }
        ItemKind::SingleChoice { .. } => Answer::Choice(ChoiceCode::new(text)),
        ItemKind::MultipleChoice { .. } => Answer::Choices(
            text.split(';').map(str::trim).filter(|c| !c.is_empty()).map(ChoiceCode::new).collect(),
        ),
        ItemKind::YesNo { .. } if na => Answer::NotApplicable,
        ItemKind::YesNo { .. } if text.eq_ignore_ascii_case("yes") || text == "是" => Answer::Yes,
        ItemKind::YesNo { .. } if text.eq_ignore_ascii_case("no") || text == "否" => Answer::No,
        ItemKind::YesNo { .. } => return Err(format!("`{text}` is not an answer; write yes, no or NA")),
        ItemKind::Number { .. } => match text.parse::<f64>() {
            Ok(x) if x.is_finite() => Answer::Number(x),
            _ => return Err(format!("`{text}` is not a number; write it with a dot, e.g. 12.5")),
        },
        ItemKind::Text { .. } | ItemKind::KanoPair { .. } => unreachable!("read above and in pairs"),
    };
    Ok(Some(answer))
}
