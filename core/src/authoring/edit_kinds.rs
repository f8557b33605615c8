//! The editor's changes to the settings of one kind of item: scale and N/A of ratings, red lines,
//! number range, unit, stopwatch and curve, text format, choice options, Kano questions.

use super::edit::{item, moved, new_option, not_this_kind, refuse, set_text, Edit, EditError, Side};
use super::references::rename_option;
use crate::questionnaire::item::{ChoiceCode, ItemKind};
use crate::questionnaire::Questionnaire;

/// Applies an edit of an item's kind-specific settings.
pub(super) fn apply(q: &mut Questionnaire, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetScaleOf(at, name) => {
            if !q.scales.contains_key(&name) {
                return refuse(format!("没有量表 `{name}`"), format!("there is no scale `{name}`"));
            }
            match &mut item(q, at)?.kind {
                ItemKind::Rating { scale, .. } => *scale = name,
                _ => return not_this_kind("量表", "scale"),
            }
        }
        Edit::SetNotApplicable(at, on) => match &mut item(q, at)?.kind {
            ItemKind::Rating { not_applicable, .. } | ItemKind::YesNo { not_applicable, .. } => {
                *not_applicable = on
            }
            _ => return not_this_kind("“不适用”选项", "N/A option"),
        },
        Edit::SetRedLine(at, on) => match &mut item(q, at)?.kind {
            ItemKind::YesNo { red_line, .. } => *red_line = on,
            _ => return not_this_kind("红线设置", "red-line setting"),
        },
        Edit::SetNumberRange(at, lo, hi) => match &mut item(q, at)?.kind {
            ItemKind::Number { min, max, .. } => (*min, *max) = (lo, hi),
            _ => return not_this_kind("取值范围", "range"),
        },
        Edit::SetUnit(at, lang, text) => match &mut item(q, at)?.kind {
            ItemKind::Number { unit, .. } => super::edit::set_optional(unit, lang, text),
            _ => return not_this_kind("单位", "unit"),
        },
        Edit::SetStopwatch(at, on) => match &mut item(q, at)?.kind {
            ItemKind::Number { stopwatch, .. } => *stopwatch = on,
            _ => return not_this_kind("秒表", "stopwatch"),
        },
        Edit::SetCurve(at, c) => match &mut item(q, at)?.kind {
            ItemKind::Number { curve, .. } => *curve = c,
            _ => return not_this_kind("计分曲线", "scoring curve"),
        },
        Edit::SetTextFormat(at, f) => match &mut item(q, at)?.kind {
            ItemKind::Text { format, .. } => *format = f,
            _ => return not_this_kind("文字格式", "text format"),
        },
        Edit::SetMaxLength(at, n) => match &mut item(q, at)?.kind {
            ItemKind::Text { max_length, .. } => *max_length = n,
            _ => return not_this_kind("长度限制", "length limit"),
        },
        Edit::AddOption(at) => match &mut item(q, at)?.kind {
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => {
                let o = new_option(options);
                options.push(o);
            }
            _ => return not_this_kind("选项", "options"),
        },
        Edit::RemoveOption(at, k) => match &mut item(q, at)?.kind {
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options }
                if k < options.len() =>
            {
                options.remove(k);
            }
            _ => return not_this_kind("这个选项", "such option"),
        },
        Edit::MoveOption(at, k, way) => match &mut item(q, at)?.kind {
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => {
                moved(options, k, way)?
            }
            _ => return not_this_kind("选项", "options"),
        },
        Edit::SetOptionCode(at, k, code) => {
            let new = ChoiceCode::new(code.trim());
            let i = item(q, at)?;
            let of = i.id.clone();
            let old = match &mut i.kind {
                ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options }
                    if k < options.len() =>
                {
                    std::mem::replace(&mut options[k].code, new.clone())
                }
                _ => return not_this_kind("这个选项", "such option"),
            };
            for c in q.items.iter_mut().filter_map(|i| i.show_if.as_mut()) {
                rename_option(c, &of, &old, &new);
            }
        }
        Edit::SetOptionLabel(at, k, lang, text) => match &mut item(q, at)?.kind {
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options }
                if k < options.len() =>
            {
                set_text(&mut options[k].label, lang, text)
            }
            _ => return not_this_kind("这个选项", "such option"),
        },
        Edit::SetKanoQuestion(at, side, lang, text) => match &mut item(q, at)?.kind {
            ItemKind::KanoPair { functional, dysfunctional } => {
                let t = if side == Side::Functional { functional } else { dysfunctional };
                set_text(t, lang, text)
            }
            _ => return not_this_kind("Kano 问题", "Kano questions"),
        },
        _ => unreachable!("only kind settings come here"),
    }
    Ok(())
}
