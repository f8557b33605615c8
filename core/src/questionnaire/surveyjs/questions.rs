//! Each SurveyJS question type that Manyi can hold → an item kind and the answers behind it.
//! Sources in packages/survey-core/src: question_rating.ts (via `rating.rs`),
//! question_baseselect.ts (`showNoneItem`/`hasNone`, `showRefuseItem`, `showDontKnowItem`,
//! `showOtherItem`/`hasOther`, placed after the choices in `settings.specialChoicesOrder` order
//! with the values of `settings.noneItemValue` "none", `refuseItemValue` "refused",
//! `dontKnowItemValue` "dontknow" and "other", texts from localization/english.ts and
//! simplified-chinese.ts), question_dropdown.ts (`choicesMin`/`choicesMax`/`choicesStep`),
//! question_checkbox.ts, question_imagepicker.ts (`multiSelect`), question_boolean.ts
//! (`valueTrue`/`valueFalse`, else true/false), question_text.ts (`inputType`, `min`, `max`,
//! `maxLength`) and question_comment.ts; the matrix in `matrix.rs`.

use super::choices::{item_values, ItemValue};
use super::condition::Answers;
use super::elements::{join, Walk};
use super::ids::Taken;
use super::rating::{points, rate_values, Points};
use super::values::{as_number, js_string};
use super::Action;
use crate::questionnaire::item::{Choice, ChoiceCode, ItemKind, RatingScale, ScaleId, TextFormat};
use crate::text::Text;
use serde_json::{Map, Value};

type Converted = Result<(ItemKind, Answers), (String, String)>;

impl Walk {
    pub(super) fn rating(&mut self, e: &Map<String, Value>, path: &str, name: &str) -> Converted {
        let values = rate_values(e, &mut self.locales).map_err(|why| {
            (
                format!("`{name}`：评分题没有可用的分值（{why}）"),
                format!("`{name}`: the rating has no usable values ({why})"),
            )
        })?;
        self.conditional_values(&values, path, name);
        let min_text = self.locales.text(e.get("minRateDescription").or(e.get("mininumRateDescription")));
        let max_text = self.locales.text(e.get("maxRateDescription").or(e.get("maximumRateDescription")));
        match points(&values) {
            Points::Same { min, max } => {
                let custom =
                    min_text.is_some() || max_text.is_some() || values.iter().any(|v| v.text.is_some());
                let labels = if custom { labels(&values, min_text, max_text) } else { Vec::new() };
                let scale = self.scale(min, max, labels);
                let answers = values
                    .iter()
                    .map(|v| (v.value.clone(), as_number(&v.value).unwrap_or(0.0) as i32))
                    .collect();
                Ok((ItemKind::Rating { scale, not_applicable: false }, Answers::Points(answers)))
            }
            Points::Indexed => {
                self.indexed_note(&values, path, name);
                let scale = self.scale(1, values.len() as i32, labels(&values, min_text, max_text));
                let answers = values.iter().zip(1..).map(|(v, p)| (v.value.clone(), p)).collect();
                Ok((ItemKind::Rating { scale, not_applicable: false }, Answers::Points(answers)))
            }
            Points::NotAScale => {
                self.note(
                    path,
                    "rating",
                    Action::Changed,
                    format!("`{name}`：分值不是等距的数字，导入为单选题"),
                    format!("`{name}`: its values are not equally spaced numbers, so it is a single choice"),
                );
                Ok(self.options(values, path, name, false))
            }
        }
    }

    pub(super) fn indexed_note(&mut self, values: &[ItemValue], path: &str, name: &str) {
        let list = values.iter().map(|v| js_string(&v.value)).collect::<Vec<_>>().join(", ");
        let n = values.len();
        self.note(
            path,
            "rateValues",
            Action::Changed,
            format!("`{name}`：分值 {list} 记为 1–{n} 分（标签保留原值，换算到 0–100 的得分相同）"),
            format!("`{name}`: the values {list} are points 1–{n} (labelled with the values; they rescale to the same 0–100 scores)"),
        );
    }

    pub(super) fn conditional_values(&mut self, values: &[ItemValue], path: &str, name: &str) {
        if values.iter().any(|v| v.conditional) {
            self.note(
                path,
                "visibleIf",
                Action::Skipped,
                format!("`{name}`：选项自己的显示条件未导入"),
                format!("`{name}`: the conditions of single options are dropped"),
            );
        }
    }

    /// The questionnaire's scale with these points and labels, added if it is new.
    pub(super) fn scale(&mut self, min: i32, max: i32, labels: Vec<Text>) -> ScaleId {
        let scale = RatingScale { min, max, labels };
        if let Some((id, _)) = self.scales.iter().find(|(_, s)| **s == scale) {
            return id.clone();
        }
        let end = |x: i32| if x < 0 { format!("m{}", -i64::from(x)) } else { x.to_string() };
        let base = format!("points_{}_{}", end(min), end(max));
        let id = (1..)
            .map(|n| if n == 1 { base.clone() } else { format!("{base}_{n}") })
            .find(|id| !self.scales.contains_key(id.as_str()))
            .expect("a free name");
        self.scales.insert(ScaleId::new(id.clone()), scale);
        ScaleId::new(id)
    }

    pub(super) fn choice(&mut self, e: &Map<String, Value>, path: &str, name: &str, kind: &str) -> Converted {
        let multiple = matches!(kind, "checkbox" | "tagbox")
            || (kind == "imagepicker" && e.get("multiSelect") == Some(&Value::Bool(true)));
        let mut values = item_values(e.get("choices"), &mut self.locales);
        self.conditional_values(&values, path, name);
        if kind == "dropdown" {
            let n = |k: &str, d: f64| e.get(k).and_then(as_number).unwrap_or(d);
            let (lo, hi, step) = (n("choicesMin", 0.0), n("choicesMax", 0.0), n("choicesStep", 1.0));
            if hi > lo && step > 0.0 {
                let mut x = lo;
                while x <= hi && values.len() < 1000 {
                    values.push(ItemValue { value: Value::from(x as i64), text: None, conditional: false });
                    x += step;
                }
            }
        }
        let flag = |a: &str, b: &str| e.get(a).or(e.get(b)) == Some(&Value::Bool(true));
        let specials = [
            (flag("showNoneItem", "hasNone"), "none", "noneText", ("无", "None")),
            (flag("showRefuseItem", ""), "refused", "refuseText", ("拒绝回答", "Refuse to answer")),
            (flag("showDontKnowItem", ""), "dontknow", "dontKnowText", ("不知道", "Don't know")),
            (flag("showOtherItem", "hasOther"), "other", "otherText", ("填写其他答案", "Other (describe)")),
        ];
        for (shown, value, text_key, (zh, en)) in specials {
            if shown {
                let text = self.locales.text(e.get(text_key)).unwrap_or_else(|| Text::new(zh, en));
                values.push(ItemValue { value: Value::from(value), text: Some(text), conditional: false });
            }
        }
        if flag("showOtherItem", "hasOther") {
            self.note(
                path,
                "showOtherItem",
                Action::Skipped,
                format!("`{name}`：“其他”选项保留，但其填写框未导入"),
                format!("`{name}`: the \"other\" option is kept, its text box is dropped"),
            );
        }
        let dropped = [
            ("showSelectAllItem", "hasSelectAll", "“全选”", "the \"select all\" option"),
            ("maxSelectedChoices", "", "最多可选数", "the most choices allowed"),
            ("minSelectedChoices", "", "最少须选数", "the fewest choices allowed"),
        ];
        for (a, b, zh, en) in dropped {
            if e.get(a).or(e.get(b)).is_some_and(|v| v != &Value::Bool(false) && v != &Value::from(0)) {
                self.note(
                    &join(path, a),
                    a,
                    Action::Skipped,
                    format!("`{name}`：{zh}未导入"),
                    format!("`{name}`: {en} is dropped"),
                );
            }
        }
        if e.get("choicesOrder").and_then(Value::as_str).is_some_and(|o| o != "none") {
            self.note(&join(path, "choicesOrder"), "choicesOrder", Action::Skipped, format!("`{name}`：选项排序（升序、降序或随机）未导入，按原顺序显示"), format!("`{name}`: the choices' order (ascending, descending or random) is dropped; they show as listed"));
        }
        if kind == "imagepicker" {
            self.note(
                path,
                "imagepicker",
                Action::Changed,
                format!("`{name}`：图片未导入，选项只显示文字"),
                format!("`{name}`: the images are dropped; the options show their texts"),
            );
        }
        let exclusive = specials[..3].iter().any(|(shown, ..)| *shown)
            || e.get("choices")
                .and_then(Value::as_array)
                .is_some_and(|cs| cs.iter().any(|c| c.get("isExclusive") == Some(&Value::Bool(true))));
        if multiple && exclusive {
            self.note(
                path,
                kind,
                Action::Changed,
                format!("`{name}`：“无”“拒绝回答”“不知道”等排他选项在满意中是普通选项，可与其他选项同时选"),
                format!("`{name}`: exclusive options (none, refuse, don't know) are ordinary options in Manyi and can be chosen with others"),
            );
        }
        if values.len() < 2 {
            return Err((
                format!("`{name}`：选择题少于两个选项"),
                format!("`{name}`: a choice with fewer than two options"),
            ));
        }
        Ok(self.options(values, path, name, multiple))
    }

    /// A choice item with codes kept where they are machine ids, derived and listed otherwise.
    fn options(
        &mut self,
        values: Vec<ItemValue>,
        path: &str,
        name: &str,
        multiple: bool,
    ) -> (ItemKind, Answers) {
        let mut codes = Taken::default();
        let mut renamed = Vec::new();
        let mut options = Vec::new();
        let mut answers = Vec::new();
        for (k, v) in values.into_iter().enumerate() {
            let raw = js_string(&v.value);
            let (code, changed) = codes.give(&raw, "v", k + 1);
            if changed {
                renamed.push(format!("{raw} → {code}"));
            }
            options.push(Choice { code: ChoiceCode::new(code.clone()), label: v.label() });
            answers.push((v.value, ChoiceCode::new(code)));
        }
        if !renamed.is_empty() {
            let list = renamed.join(", ");
            self.note(
                &join(path, "choices"),
                "choices",
                Action::Renamed,
                format!("`{name}`：选项值不符合满意的代码规则，改为：{list}"),
                format!("`{name}`: option values that are not Manyi codes are now: {list}"),
            );
        }
        let kind =
            if multiple { ItemKind::MultipleChoice { options } } else { ItemKind::SingleChoice { options } };
        (kind, Answers::Codes { options: answers, multiple })
    }

    pub(super) fn boolean(&mut self, e: &Map<String, Value>, path: &str, name: &str) -> (ItemKind, Answers) {
        let yes = e.get("valueTrue").cloned().unwrap_or(Value::Bool(true));
        let no = e.get("valueFalse").cloned().unwrap_or(Value::Bool(false));
        if ["labelTrue", "labelFalse"].iter().any(|k| e.contains_key(*k)) {
            self.note(
                path,
                "boolean",
                Action::Changed,
                format!("`{name}`：自定义的是/否文字未导入，显示为“是/否”"),
                format!("`{name}`: its own yes/no labels are dropped; it shows 是/否 (yes/no)"),
            );
        }
        (ItemKind::YesNo { not_applicable: false, red_line: false }, Answers::YesNo { yes, no })
    }

    pub(super) fn text(
        &mut self,
        e: &Map<String, Value>,
        path: &str,
        name: &str,
        kind: &str,
    ) -> (ItemKind, Answers) {
        let max_length =
            e.get("maxLength").and_then(Value::as_u64).filter(|n| *n > 0).and_then(|n| u32::try_from(n).ok());
        let input = if kind == "comment" {
            "text".to_owned()
        } else {
            e.get("inputType").and_then(Value::as_str).unwrap_or("text").to_ascii_lowercase()
        };
        match input.as_str() {
            "number" | "range" => {
                let bound = |k: &str| {
                    e.get(k)
                        .and_then(as_number)
                        .filter(|_| !matches!(e.get(k), Some(Value::String(s)) if s.trim().is_empty()))
                };
                let kind = ItemKind::Number {
                    min: bound("min"),
                    max: bound("max"),
                    unit: None,
                    curve: None,
                    stopwatch: false,
                };
                (kind, Answers::Number)
            }
            other => {
                let format = if other == "tel" { TextFormat::Phone } else { TextFormat::Free };
                if !matches!(other, "text" | "tel") {
                    self.note(
                        &join(path, "inputType"),
                        "inputType",
                        Action::Changed,
                        format!("`{name}`：输入类型 {other} 导入为任意文字"),
                        format!("`{name}`: the input type {other} is free text"),
                    );
                }
                (ItemKind::Text { format, max_length }, Answers::Text)
            }
        }
    }
}

/// One label per value: its text (or the value), the extremes' descriptions where given.
pub(super) fn labels(values: &[ItemValue], min_text: Option<Text>, max_text: Option<Text>) -> Vec<Text> {
    let mut labels: Vec<Text> = values.iter().map(ItemValue::label).collect();
    if let Some(t) = min_text {
        labels[0] = t;
    }
    if let (Some(t), Some(last)) = (max_text, labels.last_mut()) {
        *last = t;
    }
    labels
}
