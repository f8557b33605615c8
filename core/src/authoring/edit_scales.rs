//! The editor's changes to rating scales: add, rename, remove, range and labels.

use super::edit::{refuse, set_text, Edit, EditError};
use super::template;
use crate::questionnaire::item::{ItemKind, RatingScale, ScaleId};
use crate::questionnaire::Questionnaire;
use crate::text::Text;

fn scale<'q>(q: &'q mut Questionnaire, name: &ScaleId) -> Result<&'q mut RatingScale, EditError> {
    match q.scales.get_mut(name) {
        Some(s) => Ok(s),
        None => refuse(format!("没有量表 `{name}`"), format!("there is no scale `{name}`")),
    }
}

fn users(q: &Questionnaire, name: &ScaleId) -> Vec<String> {
    q.items
        .iter()
        .filter(|i| matches!(&i.kind, ItemKind::Rating { scale, .. } if scale == name))
        .map(|i| i.id.to_string())
        .collect()
}

/// Applies a scale edit.
pub(super) fn apply(q: &mut Questionnaire, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddScale => {
            let n =
                (1..).find(|n| !q.scales.contains_key(format!("scale_{n}").as_str())).expect("a free name");
            q.scales.insert(
                ScaleId::new(format!("scale_{n}")),
                RatingScale { min: 1, max: 5, labels: Vec::new() },
            );
        }
        Edit::RenameScale(old, new) => {
            let new = ScaleId::new(new.trim());
            if new == old {
                return Ok(());
            }
            if q.scales.contains_key(&new) {
                return refuse(format!("已有量表 `{new}`"), format!("there is already a scale `{new}`"));
            }
            if !crate::id::is_machine_id(new.as_str()) {
                return refuse(
                    "量表名称只能用小写字母、数字和 `_`，并以字母开头",
                    "scale names are lower-case letters, digits and `_`, starting with a letter",
                );
            }
            let s = q.scales.remove(&old).ok_or_else(|| {
                super::edit::EditError(Text::new(
                    format!("没有量表 `{old}`"),
                    format!("there is no scale `{old}`"),
                ))
            })?;
            q.scales.insert(new.clone(), s);
            for i in &mut q.items {
                if let ItemKind::Rating { scale, .. } = &mut i.kind {
                    if *scale == old {
                        *scale = new.clone();
                    }
                }
            }
        }
        Edit::RemoveScale(name) => {
            let used = users(q, &name);
            if !used.is_empty() {
                let list = used.join(", ");
                return refuse(
                    format!("量表 `{name}` 正被题目 {list} 使用，不能删除"),
                    format!("scale `{name}` is used by {list}; it cannot be removed"),
                );
            }
            scale(q, &name)?;
            q.scales.remove(&name);
        }
        Edit::SetScaleRange(name, min, max) => {
            if min >= max || max - min > 10 {
                return refuse(
                    "最低分须小于最高分，且最多 11 个分值",
                    "the lowest point must be below the highest, with at most 11 points",
                );
            }
            let s = scale(q, &name)?;
            if !s.labels.is_empty() {
                // Keep each point's label where the point stays in the range.
                let old = std::mem::take(&mut s.labels);
                let old_min = s.min;
                s.labels = (min..=max)
                    .map(|p| {
                        usize::try_from(p - old_min)
                            .ok()
                            .and_then(|k| old.get(k))
                            .cloned()
                            .unwrap_or_default()
                    })
                    .collect();
            }
            s.min = min;
            s.max = max;
        }
        Edit::SetScaleLabelled(name, labelled) => {
            let s = scale(q, &name)?;
            s.labels = if labelled {
                if s.min == 1 && s.max == 5 {
                    template::satisfaction_labels()
                } else {
                    s.points().map(|_| Text::default()).collect()
                }
            } else {
                Vec::new()
            };
        }
        Edit::SetScaleLabel(name, point, lang, text) => {
            let s = scale(q, &name)?;
            if s.labels.is_empty() {
                s.labels = s.points().map(|_| Text::default()).collect();
            }
            let k = usize::try_from(point - s.min).ok().filter(|k| *k < s.labels.len());
            match k {
                Some(k) => set_text(&mut s.labels[k], lang, text),
                None => {
                    return refuse(format!("量表没有 {point} 分"), format!("the scale has no point {point}"))
                }
            }
        }
        _ => unreachable!("only scale edits come here"),
    }
    Ok(())
}
