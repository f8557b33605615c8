//! Every change the questionnaire editor makes, as a value: header, scales, dimensions (checklist
//! sections), items and their kinds, options, show-if conditions, red lines and time curves.
//! Renaming an id also renames every reference to it. An edit may leave the questionnaire
//! breaking a rule (an empty text, a weight of 0 everywhere): the editor lists those problems from
//! [`Questionnaire::explain`]; an edit is refused only when it cannot be made at all.

use super::references::rename_item;
use super::template;
use crate::questionnaire::condition::Condition;
use crate::questionnaire::item::{
    Choice, ChoiceCode, DimensionId, Item, ItemId, ItemKind, LinearCurve, ScaleId, TextFormat,
};
use crate::questionnaire::{Dimension, Mode, Questionnaire, QuestionnaireId};
use crate::response::tags::TagKey;
use crate::scoring::composite::Renormalisation;
use crate::text::{Lang, Text};

/// Which way a dimension, item or option moves in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// One place earlier.
    Up,
    /// One place later.
    Down,
}

/// Which question of a Kano pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// "If the service had it".
    Functional,
    /// "If it did not".
    Dysfunctional,
}

/// The kinds of item an editor offers, without their settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindChoice {
    /// A point on a rating scale.
    Rating,
    /// 0–10 recommend.
    Recommend,
    /// One option.
    SingleChoice,
    /// Any options.
    MultipleChoice,
    /// Yes / no (N/A, red line).
    YesNo,
    /// A number (minutes, with a stopwatch and a curve).
    Number,
    /// Free text.
    Text,
    /// A Kano pair.
    KanoPair,
}

impl KindChoice {
    /// Every kind, in the order an editor lists them.
    pub const ALL: [KindChoice; 8] = [
        KindChoice::Rating,
        KindChoice::YesNo,
        KindChoice::Number,
        KindChoice::SingleChoice,
        KindChoice::MultipleChoice,
        KindChoice::Text,
        KindChoice::Recommend,
        KindChoice::KanoPair,
    ];

    /// The kind of an item.
    pub fn of(kind: &ItemKind) -> KindChoice {
        match kind {
            ItemKind::Rating { .. } => KindChoice::Rating,
            ItemKind::Recommend => KindChoice::Recommend,
            ItemKind::SingleChoice { .. } => KindChoice::SingleChoice,
            ItemKind::MultipleChoice { .. } => KindChoice::MultipleChoice,
            ItemKind::YesNo { .. } => KindChoice::YesNo,
            ItemKind::Number { .. } => KindChoice::Number,
            ItemKind::Text { .. } => KindChoice::Text,
            ItemKind::KanoPair { .. } => KindChoice::KanoPair,
        }
    }

    /// Its name for people.
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            KindChoice::Rating => ("评分", "Rating"),
            KindChoice::Recommend => ("推荐意愿 0–10", "Recommend 0–10"),
            KindChoice::SingleChoice => ("单选", "Single choice"),
            KindChoice::MultipleChoice => ("多选", "Multiple choice"),
            KindChoice::YesNo => ("是/否", "Yes / no"),
            KindChoice::Number => ("数值（时间）", "Number (time)"),
            KindChoice::Text => ("文字", "Text"),
            KindChoice::KanoPair => ("Kano 配对题", "Kano pair"),
        };
        Text::new(zh, en)
    }

    /// Its code, as in the JSON `type` field.
    pub fn code(self) -> &'static str {
        template::kind(self, &ScaleId::new("s")).name()
    }
}

/// One change to a questionnaire. Dimensions, items and options are addressed by their position.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// The questionnaire's id.
    SetId(String),
    /// Its title in one language.
    SetTitle(Lang, String),
    /// Its introduction in one language (no introduction when both are empty).
    SetIntro(Lang, String),
    /// Who fills it in.
    SetMode(Mode),
    /// How the weights of N/A and missing items are redistributed.
    SetRenormalise(Renormalisation),
    /// The overall-satisfaction item.
    SetOverall(Option<ItemId>),
    /// A new, empty line of the interviewer's script.
    AddScriptLine,
    /// A line of the script in one language.
    SetScriptLine(usize, Lang, String),
    /// Removes a line of the script.
    RemoveScriptLine(usize),
    /// A new 1–5 scale.
    AddScale,
    /// Renames a scale (and every item using it).
    RenameScale(ScaleId, String),
    /// Removes a scale no item uses.
    RemoveScale(ScaleId),
    /// A scale's lowest and highest points (its labels follow, blank for new points).
    SetScaleRange(ScaleId, i32, i32),
    /// Whether a scale has one label per point (blank ones when turned on) or none.
    SetScaleLabelled(ScaleId, bool),
    /// The label of one point of a scale, in one language.
    SetScaleLabel(ScaleId, i32, Lang, String),
    /// A new dimension (section) at the end.
    AddDimension,
    /// Removes a dimension; its items are then in none.
    RemoveDimension(usize),
    /// Moves a dimension.
    MoveDimension(usize, Move),
    /// Renames a dimension (and its items' references).
    SetDimensionId(usize, String),
    /// A dimension's title in one language.
    SetDimensionTitle(usize, Lang, String),
    /// A dimension's weight.
    SetDimensionWeight(usize, f64),
    /// A new item of this kind at the end.
    AddItem(KindChoice),
    /// Removes an item (and makes it no longer the overall item).
    RemoveItem(usize),
    /// Moves an item.
    MoveItem(usize, Move),
    /// Renames an item (and every show-if condition and the overall item naming it).
    SetItemId(usize, String),
    /// An item's text in one language.
    SetItemText(usize, Lang, String),
    /// An item's hint in one language (no hint when both are empty).
    SetItemHelp(usize, Lang, String),
    /// Another kind for an item, with that kind's starting settings.
    SetItemKind(usize, KindChoice),
    /// The dimension (section) of an item.
    SetItemDimension(usize, Option<DimensionId>),
    /// An item's weight within its dimension.
    SetItemWeight(usize, f64),
    /// Whether an item must be answered.
    SetRequired(usize, bool),
    /// The response tag a single-choice item sets.
    SetTag(usize, Option<TagKey>),
    /// The condition under which an item is shown (always, for `None`).
    SetShowIf(usize, Option<Condition>),
    /// The scale of a rating item.
    SetScaleOf(usize, ScaleId),
    /// Whether a rating or yes/no item offers N/A.
    SetNotApplicable(usize, bool),
    /// Whether a yes/no item is a red line.
    SetRedLine(usize, bool),
    /// A number item's lowest and highest accepted values.
    SetNumberRange(usize, Option<f64>, Option<f64>),
    /// A number item's unit in one language.
    SetUnit(usize, Lang, String),
    /// Whether a number item offers a stopwatch.
    SetStopwatch(usize, bool),
    /// A number item's scoring curve.
    SetCurve(usize, Option<LinearCurve>),
    /// What a text item holds.
    SetTextFormat(usize, TextFormat),
    /// A text item's maximum length.
    SetMaxLength(usize, Option<u32>),
    /// A new option at the end of a choice item.
    AddOption(usize),
    /// Removes an option of a choice item.
    RemoveOption(usize, usize),
    /// Moves an option of a choice item.
    MoveOption(usize, usize, Move),
    /// Renames an option's code (and the show-if conditions naming it).
    SetOptionCode(usize, usize, String),
    /// An option's label in one language.
    SetOptionLabel(usize, usize, Lang, String),
    /// One question of a Kano pair in one language.
    SetKanoQuestion(usize, Side, Lang, String),
}

/// Why an edit cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub Text);

pub(super) fn refuse<T>(zh: impl Into<String>, en: impl Into<String>) -> Result<T, EditError> {
    Err(EditError(Text::new(zh, en)))
}

pub(super) fn set_text(t: &mut Text, lang: Lang, value: String) {
    match lang {
        Lang::Zh => t.zh = value,
        Lang::En => t.en = value,
    }
}

/// A text that disappears when both languages are empty.
pub(super) fn set_optional(t: &mut Option<Text>, lang: Lang, value: String) {
    let mut text = t.take().unwrap_or_default();
    set_text(&mut text, lang, value);
    *t = (!(text.zh.is_empty() && text.en.is_empty())).then_some(text);
}

pub(super) fn moved<T>(list: &mut [T], at: usize, way: Move) -> Result<(), EditError> {
    let to = match way {
        Move::Up => at.checked_sub(1),
        Move::Down => (at + 1 < list.len()).then_some(at + 1),
    };
    match to {
        Some(to) if at < list.len() => {
            list.swap(at, to);
            Ok(())
        }
        _ => refuse("已经到头了", "it cannot move further"),
    }
}

pub(super) fn item(q: &mut Questionnaire, at: usize) -> Result<&mut Item, EditError> {
    match q.items.get_mut(at) {
        Some(i) => Ok(i),
        None => refuse(format!("没有第 {} 题", at + 1), format!("there is no item {}", at + 1)),
    }
}

fn dimension(q: &mut Questionnaire, at: usize) -> Result<&mut Dimension, EditError> {
    match q.dimensions.get_mut(at) {
        Some(d) => Ok(d),
        None => refuse(format!("没有第 {} 个维度", at + 1), format!("there is no dimension {}", at + 1)),
    }
}

pub(super) fn not_this_kind<T>(what_zh: &str, what_en: &str) -> Result<T, EditError> {
    refuse(format!("这个题型没有{what_zh}"), format!("this kind of item has no {what_en}"))
}

/// Parses a number typed by a person: ASCII or full-width digits, `.` or `,` or `．` as the
/// decimal mark, spaces ignored.
pub fn parse_number(text: &str) -> Result<f64, EditError> {
    let normal: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            ',' | '．' | '，' => '.',
            '－' | '−' => '-',
            other => other,
        })
        .collect();
    match normal.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => refuse(format!("“{text}”不是数字"), format!("“{text}” is not a number")),
    }
}

/// Applies `edit` to `q`.
pub fn apply(q: &mut Questionnaire, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetId(id) => q.id = QuestionnaireId::new(id.trim()),
        Edit::SetTitle(lang, t) => set_text(&mut q.title, lang, t),
        Edit::SetIntro(lang, t) => set_optional(&mut q.intro, lang, t),
        Edit::SetMode(mode) => q.mode = mode,
        Edit::SetRenormalise(rule) => q.scoring.renormalise = rule,
        Edit::SetOverall(id) => q.scoring.overall = id,
        Edit::AddScriptLine => q.script.push(Text::default()),
        Edit::SetScriptLine(at, lang, t) => match q.script.get_mut(at) {
            Some(line) => set_text(line, lang, t),
            None => return refuse("没有这一行", "there is no such line"),
        },
        Edit::RemoveScriptLine(at) if at < q.script.len() => {
            q.script.remove(at);
        }
        Edit::RemoveScriptLine(_) => return refuse("没有这一行", "there is no such line"),
        Edit::AddScale
        | Edit::RenameScale(..)
        | Edit::RemoveScale(_)
        | Edit::SetScaleRange(..)
        | Edit::SetScaleLabelled(..)
        | Edit::SetScaleLabel(..) => super::edit_scales::apply(q, edit)?,
        Edit::AddDimension => {
            let n = (1..).find(|n| q.dimension(&format!("section_{n}")).is_none()).expect("a free id");
            q.dimensions.push(Dimension {
                id: DimensionId::new(format!("section_{n}")),
                title: Text::default(),
                weight: 1.0,
            });
        }
        Edit::RemoveDimension(at) => {
            let id = dimension(q, at)?.id.clone();
            q.dimensions.remove(at);
            for i in q.items.iter_mut().filter(|i| i.dimension.as_ref() == Some(&id)) {
                i.dimension = None;
            }
        }
        Edit::MoveDimension(at, way) => moved(&mut q.dimensions, at, way)?,
        Edit::SetDimensionId(at, new) => {
            let new = DimensionId::new(new.trim());
            let old = std::mem::replace(&mut dimension(q, at)?.id, new.clone());
            for i in q.items.iter_mut().filter(|i| i.dimension.as_ref() == Some(&old)) {
                i.dimension = Some(new.clone());
            }
        }
        Edit::SetDimensionTitle(at, lang, t) => set_text(&mut dimension(q, at)?.title, lang, t),
        Edit::SetDimensionWeight(at, w) => dimension(q, at)?.weight = w,
        Edit::AddItem(kind) => {
            let n =
                (q.items.len() + 1..).find(|n| q.item(&format!("item_{n}")).is_none()).expect("a free id");
            let kind = template::kind_for(q, kind);
            q.items.push(template::item(ItemId::new(format!("item_{n}")), kind));
        }
        Edit::RemoveItem(at) => {
            let id = item(q, at)?.id.clone();
            q.items.remove(at);
            if q.scoring.overall.as_ref() == Some(&id) {
                q.scoring.overall = None;
            }
        }
        Edit::MoveItem(at, way) => moved(&mut q.items, at, way)?,
        Edit::SetItemId(at, new) => {
            let new = ItemId::new(new.trim());
            let old = std::mem::replace(&mut item(q, at)?.id, new.clone());
            for c in q.items.iter_mut().filter_map(|i| i.show_if.as_mut()) {
                rename_item(c, &old, &new);
            }
            if q.scoring.overall.as_ref() == Some(&old) {
                q.scoring.overall = Some(new);
            }
        }
        Edit::SetItemText(at, lang, t) => set_text(&mut item(q, at)?.text, lang, t),
        Edit::SetItemHelp(at, lang, t) => set_optional(&mut item(q, at)?.help, lang, t),
        Edit::SetItemKind(at, kind) => {
            if KindChoice::of(&item(q, at)?.kind) == kind {
                return Ok(());
            }
            let new = template::kind_for(q, kind);
            let i = item(q, at)?;
            {
                i.kind = new;
                if i.tag.is_some() && kind != KindChoice::SingleChoice {
                    i.tag = None;
                }
            }
        }
        Edit::SetItemDimension(at, d) => item(q, at)?.dimension = d,
        Edit::SetItemWeight(at, w) => item(q, at)?.weight = w,
        Edit::SetRequired(at, r) => item(q, at)?.required = r,
        Edit::SetTag(at, tag) => item(q, at)?.tag = tag,
        Edit::SetShowIf(at, c) => item(q, at)?.show_if = c,
        _ => super::edit_kinds::apply(q, edit)?,
    }
    Ok(())
}

/// A new option for a choice item: the first free `option_N`.
pub(super) fn new_option(options: &[Choice]) -> Choice {
    let n = (options.len() + 1..)
        .find(|n| !options.iter().any(|o| o.code.as_str() == format!("option_{n}")))
        .expect("a free code");
    Choice { code: ChoiceCode::new(format!("option_{n}")), label: Text::default() }
}
