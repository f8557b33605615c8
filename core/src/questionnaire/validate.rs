//! The rules a questionnaire must keep, each checked with a problem that names the item and says,
//! in both languages, what is wrong and what to do (an editor lists them; loading stops at the
//! first, as an [`Error`]).

use super::condition::Condition;
use super::item::{Item, ItemKind};
use super::Questionnaire;
use crate::error::Error;
use crate::id::is_machine_id;
use crate::response::tags::TagKey;
use crate::text::Text;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One rule a questionnaire breaks: where (an item, a dimension or `scale NAME`; none for the
/// questionnaire as a whole) and what is wrong and what to do, in zh-CN and English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// The item, dimension or scale at fault, if the problem is in one.
    pub item: Option<String>,
    /// What is wrong and what to do.
    pub text: Text,
}

impl Problem {
    /// The problem as core's error (in both languages), naming questionnaire `q`.
    pub fn to_error(&self, q: &Questionnaire) -> Error {
        Error::InvalidQuestionnaire {
            questionnaire: q.id.to_string(),
            item: self.item.clone(),
            reason: self.text.clone(),
        }
    }
}

struct Problems<'q> {
    q: &'q Questionnaire,
    found: Vec<Problem>,
}

impl Problems<'_> {
    fn add(&mut self, item: Option<&str>, zh: impl Into<String>, en: impl Into<String>) {
        self.found.push(Problem { item: item.map(str::to_owned), text: Text::new(zh, en) });
    }
}

pub(super) fn problems(q: &Questionnaire) -> Vec<Problem> {
    let mut p = Problems { q, found: Vec::new() };
    check_header(&mut p);
    check_scales(&mut p);
    check_dimensions(&mut p);
    let mut position = HashMap::new();
    for (index, item) in q.items.iter().enumerate() {
        position.entry(item.id.as_str()).or_insert(index);
    }
    for (index, item) in q.items.iter().enumerate() {
        let id = item.id.as_str();
        if !is_machine_id(id) {
            p.add(
                Some(id),
                "题目编号是导出文件的列名：请只用小写字母、数字和 `_`，并以字母开头",
                "item ids are column names: use lower-case letters, digits and `_`, starting with a letter",
            );
        }
        let reserved = crate::io::responses::META_COLUMNS
            .iter()
            .chain(&crate::io::responses::SCORE_COLUMNS)
            .any(|c| *c == id);
        if reserved && item.tag.map(|t| t.code()) != Some(id) {
            p.add(
                Some(id),
                "这个编号是每个导出文件都有的列（元数据或得分），请换一个编号",
                "this id is a column of every export (metadata or score); choose another id",
            );
        }
        if position[id] != index {
            p.add(
                Some(id),
                "题目编号重复，每个题目需要自己的编号",
                "duplicate item id; every item needs its own id",
            );
        }
        check_item(&mut p, item);
        if let Some(condition) = &item.show_if {
            check_condition(&mut p, item, condition, &position, index);
        }
    }
    check_overall(&mut p);
    p.found
}

fn check_header(p: &mut Problems) {
    let q = p.q;
    if !is_machine_id(q.id.as_str()) {
        p.add(
            None,
            "问卷编号只能用小写字母、数字和 `_`，并以字母开头",
            "the questionnaire id must be lower-case letters, digits and `_`, starting with a letter",
        );
    }
    if q.version == 0 {
        p.add(None, "版本号从 1 开始", "versions start at 1");
    }
    if q.title.zh.trim().is_empty() && q.title.en.trim().is_empty() {
        p.add(None, "请填写问卷标题", "give the questionnaire a title");
    }
    if q.items.is_empty() {
        p.add(None, "问卷至少需要一个题目", "a questionnaire needs at least one item");
    }
}

fn check_scales(p: &mut Problems) {
    for (name, scale) in &p.q.scales {
        let name = format!("scale {name}");
        let points = scale.max - scale.min + 1;
        if scale.min >= scale.max {
            p.add(
                Some(&name),
                format!("最低分 {} 必须小于最高分 {}", scale.min, scale.max),
                format!("the lowest point {} must be below the highest {}", scale.min, scale.max),
            );
        } else if !scale.labels.is_empty() && scale.labels.len() != points as usize {
            let n = scale.labels.len();
            p.add(
                Some(&name),
                format!("{points} 个分值却有 {n} 个标签；请每个分值一个标签，或都不要标签"),
                format!("{n} labels for {points} points; give one label per point or none"),
            );
        }
    }
}

fn check_dimensions(p: &mut Problems) {
    let q = p.q;
    let mut seen = HashSet::new();
    for d in &q.dimensions {
        let id = d.id.as_str();
        if !is_machine_id(id) {
            p.add(
                Some(id),
                "维度编号只能用小写字母、数字和 `_`，并以字母开头",
                "dimension ids must be lower-case letters, digits and `_`, starting with a letter",
            );
        }
        if !seen.insert(id) {
            p.add(Some(id), "维度编号重复", "duplicate dimension id");
        }
        if !(d.weight.is_finite() && d.weight >= 0.0) {
            p.add(
                Some(id),
                format!("维度权重 {} 必须是不小于 0 的数", d.weight),
                format!("dimension weight {} must be a number ≥ 0", d.weight),
            );
        }
        let weighted: Vec<&Item> = q.items.iter().filter(|i| i.dimension.as_ref() == Some(&d.id)).collect();
        let total: f64 = weighted.iter().filter(|i| carries_weight(i)).map(|i| i.weight).sum();
        if weighted.is_empty() {
            p.add(
                Some(id),
                "这个维度没有题目：请添加题目或删除该维度",
                "the dimension has no items; add items or remove it",
            );
        } else if total <= 0.0 && weighted.iter().any(|i| carries_weight(i)) {
            p.add(
                Some(id),
                "该维度所有题目的权重都是 0，请至少给一个题目权重",
                "the item weights of the dimension are all 0; give at least one item a weight",
            );
        }
    }
    if !q.dimensions.is_empty() && q.dimensions.iter().map(|d| d.weight).sum::<f64>() <= 0.0 {
        p.add(
            None,
            "所有维度的权重都是 0，请至少给一个维度权重",
            "the dimension weights are all 0; give at least one dimension a weight",
        );
    }
}

/// Whether an item in a dimension counts towards the weighted index (red lines act as a gate instead).
pub(crate) fn carries_weight(item: &Item) -> bool {
    match &item.kind {
        ItemKind::Rating { .. } | ItemKind::Recommend => true,
        ItemKind::YesNo { red_line, .. } => !red_line,
        ItemKind::Number { curve, .. } => curve.is_some(),
        _ => false,
    }
}

fn check_item(p: &mut Problems, item: &Item) {
    let q = p.q;
    let id = item.id.as_str();
    if item.text.zh.trim().is_empty() && item.text.en.trim().is_empty() {
        p.add(Some(id), "题目没有文字", "the item has no text");
    }
    if !(item.weight.is_finite() && item.weight >= 0.0) {
        p.add(
            Some(id),
            format!("权重 {} 必须是不小于 0 的数", item.weight),
            format!("weight {} must be a number ≥ 0", item.weight),
        );
    }
    if let Some(d) = &item.dimension {
        if q.dimension(d.as_str()).is_none() {
            p.add(
                Some(id),
                format!("维度 `{d}` 未定义，请在维度中添加"),
                format!("dimension `{d}` is not defined; add it to `dimensions`"),
            );
        }
        let red_line = matches!(item.kind, ItemKind::YesNo { red_line: true, .. });
        if !carries_weight(item) && !red_line {
            let kind = item.kind.name();
            p.add(
                Some(id),
                format!("{kind} 类题目不能计分；只有评分、0–10 推荐、是/否题和带计分曲线的数值题可以属于维度"),
                format!(
                    "a {kind} item cannot be scored; only rating, recommend, yes/no and number items with a curve belong to a dimension"
                ),
            );
        }
    }
    match &item.kind {
        ItemKind::Rating { scale, .. } if !q.scales.contains_key(scale) => p.add(
            Some(id),
            format!("量表 `{scale}` 未定义，请在量表中添加"),
            format!("scale `{scale}` is not defined; add it to `scales`"),
        ),
        ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => {
            check_options(p, id, options)
        }
        ItemKind::Number { min, max, curve, .. } => {
            if let (Some(lo), Some(hi)) = (min, max) {
                if lo > hi {
                    p.add(
                        Some(id),
                        format!("最小值 {lo} 大于最大值 {hi}"),
                        format!("min {lo} is above max {hi}"),
                    );
                }
            }
            if let Some(c) = curve {
                if !(c.full.is_finite() && c.zero.is_finite()) || c.full == c.zero {
                    p.add(
                        Some(id),
                        "计分曲线的满分点和零分点必须是两个不同的数",
                        "the curve's `full` and `zero` must be two different numbers",
                    );
                }
            }
        }
        ItemKind::KanoPair { functional, dysfunctional }
            if functional.zh.trim().is_empty() || dysfunctional.zh.trim().is_empty() =>
        {
            p.add(
                Some(id),
                "Kano 题需要正向（提供时）和反向（不提供时）两个问题",
                "a Kano pair needs both the functional and the dysfunctional question",
            )
        }
        _ => {}
    }
    if let Some(tag) = item.tag {
        check_tag_item(p, item, tag);
    }
}

fn check_options(p: &mut Problems, id: &str, options: &[super::item::Choice]) {
    if options.len() < 2 {
        p.add(Some(id), "选择题至少需要两个选项", "a choice item needs at least two options");
    }
    let mut codes = HashSet::new();
    for o in options {
        let code = &o.code;
        if !is_machine_id(code.as_str()) {
            p.add(
                Some(id),
                format!("选项代码 `{code}` 只能用小写字母、数字和 `_`"),
                format!("option code `{code}` must be lower-case letters, digits and `_`"),
            );
        }
        if !codes.insert(code) {
            p.add(Some(id), format!("选项代码 `{code}` 重复"), format!("duplicate option code `{code}`"));
        }
    }
}

fn check_tag_item(p: &mut Problems, item: &Item, tag: TagKey) {
    let id = item.id.as_str();
    let ItemKind::SingleChoice { options } = &item.kind else {
        p.add(Some(id), "只有单选题可以设置标签", "only a single-choice item can set a tag");
        return;
    };
    for o in options {
        if let Err(reason) = tag.check_code(o.code.as_str()) {
            p.add(Some(id), format!("选项代码 `{}` 不是{}的代码：{reason}", o.code, tag.label().zh), reason);
        }
    }
}

fn check_condition(
    p: &mut Problems,
    item: &Item,
    condition: &Condition,
    position: &HashMap<&str, usize>,
    index: usize,
) {
    let id = item.id.as_str();
    for target in condition.items() {
        match position.get(target.as_str()) {
            Some(&at) if at < index => {}
            Some(_) => p.add(
                Some(id),
                format!("显示条件引用了 `{target}`，但它不在本题之前"),
                format!("show_if refers to `{target}`, which is not asked before this item"),
            ),
            None => p.add(
                Some(id),
                format!("显示条件引用了 `{target}`，但没有这个在前的题目"),
                format!("show_if refers to `{target}`, which is not an earlier item"),
            ),
        }
    }
    check_condition_kinds(p, id, condition);
}

fn check_condition_kinds(p: &mut Problems, id: &str, condition: &Condition) {
    let q = p.q;
    let kind_of = |target: &str| q.item(target).map(|i| &i.kind);
    match condition {
        Condition::Chosen { item, any_of } => match kind_of(item.as_str()) {
            Some(k @ (ItemKind::SingleChoice { .. } | ItemKind::MultipleChoice { .. })) => {
                for code in any_of {
                    if !k.options().iter().any(|o| &o.code == code) {
                        p.add(
                            Some(id),
                            format!("显示条件：`{item}` 没有选项 `{code}`"),
                            format!("show_if: `{item}` has no option `{code}`"),
                        );
                    }
                }
            }
            Some(_) => p.add(
                Some(id),
                format!("显示条件：“选中”需要选择题，`{item}` 不是"),
                format!("show_if: `chosen` needs a choice item, `{item}` is not one"),
            ),
            None => {}
        },
        Condition::AtMost { item, .. } | Condition::AtLeast { item, .. } => match kind_of(item.as_str()) {
            Some(ItemKind::Rating { .. } | ItemKind::Recommend | ItemKind::Number { .. }) | None => {}
            Some(_) => p.add(
                Some(id),
                format!("显示条件：`{item}` 的答案不是数值，无法比较"),
                format!("show_if: `{item}` has no numeric answer to compare"),
            ),
        },
        Condition::Yes { item } | Condition::No { item } => match kind_of(item.as_str()) {
            Some(ItemKind::YesNo { .. }) | None => {}
            Some(_) => p.add(
                Some(id),
                format!("显示条件：`{item}` 不是是/否题"),
                format!("show_if: `{item}` is not a yes/no item"),
            ),
        },
        Condition::All { all: cs } | Condition::Any { any: cs } => {
            cs.iter().for_each(|c| check_condition_kinds(p, id, c))
        }
        Condition::Not { not } => check_condition_kinds(p, id, not),
        Condition::Answered { .. } => {}
    }
}

fn check_overall(p: &mut Problems) {
    let q = p.q;
    let Some(overall) = &q.scoring.overall else { return };
    let at = Some(overall.as_str());
    match q.item(overall.as_str()) {
        None => {
            p.add(at, "“总体满意度”指定的题目不存在", "scoring.overall names an item that does not exist")
        }
        Some(item) if !matches!(item.kind, ItemKind::Rating { .. } | ItemKind::Recommend) => {
            p.add(at, "总体满意度题必须是评分题", "the overall item must be a rating")
        }
        Some(item) if item.dimension.is_some() => p.add(
            at,
            "总体满意度是各维度要解释的结果，请把它移出维度",
            "the overall item is what the dimensions explain; take it out of its dimension",
        ),
        Some(_) => {}
    }
}
