//! The rules a questionnaire must keep, each checked with an error that names the item.

use super::condition::Condition;
use super::item::{Item, ItemKind};
use super::Questionnaire;
use crate::error::Error;
use crate::id::is_machine_id;
use crate::response::tags::TagKey;
use std::collections::{HashMap, HashSet};

struct Problems<'q> {
    q: &'q Questionnaire,
    found: Vec<Error>,
}

impl Problems<'_> {
    fn add(&mut self, item: Option<&str>, reason: impl Into<String>) {
        self.found.push(Error::InvalidQuestionnaire {
            questionnaire: self.q.id.to_string(),
            item: item.map(str::to_owned),
            reason: reason.into(),
        });
    }
}

pub(super) fn problems(q: &Questionnaire) -> Vec<Error> {
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
                "item ids are column names: use lower-case letters, digits and `_`, starting with a letter",
            );
        }
        let reserved = crate::io::responses::META_COLUMNS
            .iter()
            .chain(&crate::io::responses::SCORE_COLUMNS)
            .any(|c| *c == id);
        if reserved && item.tag.map(|t| t.code()) != Some(id) {
            p.add(Some(id), "this id is a column of every export (metadata or score); choose another id");
        }
        if position[id] != index {
            p.add(Some(id), "duplicate item id; every item needs its own id");
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
            "the questionnaire id must be lower-case letters, digits and `_`, starting with a letter",
        );
    }
    if q.version == 0 {
        p.add(None, "versions start at 1");
    }
    if q.title.zh.trim().is_empty() && q.title.en.trim().is_empty() {
        p.add(None, "give the questionnaire a title");
    }
    if q.items.is_empty() {
        p.add(None, "a questionnaire needs at least one item");
    }
}

fn check_scales(p: &mut Problems) {
    for (name, scale) in &p.q.scales {
        let name = format!("scale {name}");
        if scale.min >= scale.max {
            p.add(
                Some(&name),
                format!("the lowest point {} must be below the highest {}", scale.min, scale.max),
            );
        } else if !scale.labels.is_empty() && scale.labels.len() != (scale.max - scale.min + 1) as usize {
            p.add(
                Some(&name),
                format!(
                    "{} labels for {} points; give one label per point or none",
                    scale.labels.len(),
                    scale.max - scale.min + 1
                ),
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
                "dimension ids must be lower-case letters, digits and `_`, starting with a letter",
            );
        }
        if !seen.insert(id) {
            p.add(Some(id), "duplicate dimension id");
        }
        if !(d.weight.is_finite() && d.weight >= 0.0) {
            p.add(Some(id), format!("dimension weight {} must be a number ≥ 0", d.weight));
        }
        let weighted: Vec<&Item> = q.items.iter().filter(|i| i.dimension.as_ref() == Some(&d.id)).collect();
        let total: f64 = weighted.iter().filter(|i| carries_weight(i)).map(|i| i.weight).sum();
        if weighted.is_empty() {
            p.add(Some(id), "the dimension has no items; add items or remove it");
        } else if total <= 0.0 && weighted.iter().any(|i| carries_weight(i)) {
            p.add(Some(id), "the item weights of the dimension are all 0; give at least one item a weight");
        }
    }
    if !q.dimensions.is_empty() && q.dimensions.iter().map(|d| d.weight).sum::<f64>() <= 0.0 {
        p.add(None, "the dimension weights are all 0; give at least one dimension a weight");
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
        p.add(Some(id), "the item has no text");
    }
    if !(item.weight.is_finite() && item.weight >= 0.0) {
        p.add(Some(id), format!("weight {} must be a number ≥ 0", item.weight));
    }
    if let Some(d) = &item.dimension {
        if q.dimension(d.as_str()).is_none() {
            p.add(Some(id), format!("dimension `{d}` is not defined; add it to `dimensions`"));
        }
        let red_line = matches!(item.kind, ItemKind::YesNo { red_line: true, .. });
        if !carries_weight(item) && !red_line {
            p.add(
                Some(id),
                format!(
                    "a {} item cannot be scored; only rating, recommend, yes/no and number items with a curve belong to a dimension",
                    item.kind.name()
                ),
            );
        }
    }
    match &item.kind {
        ItemKind::Rating { scale, .. } if !q.scales.contains_key(scale) => {
            p.add(Some(id), format!("scale `{scale}` is not defined; add it to `scales`"))
        }
        ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => {
            if options.len() < 2 {
                p.add(Some(id), "a choice item needs at least two options");
            }
            let mut codes = HashSet::new();
            for o in options {
                if !is_machine_id(o.code.as_str()) {
                    p.add(
                        Some(id),
                        format!("option code `{}` must be lower-case letters, digits and `_`", o.code),
                    );
                }
                if !codes.insert(&o.code) {
                    p.add(Some(id), format!("duplicate option code `{}`", o.code));
                }
            }
        }
        ItemKind::Number { min, max, curve, .. } => {
            if let (Some(lo), Some(hi)) = (min, max) {
                if lo > hi {
                    p.add(Some(id), format!("min {lo} is above max {hi}"));
                }
            }
            if let Some(c) = curve {
                if !(c.full.is_finite() && c.zero.is_finite()) || c.full == c.zero {
                    p.add(Some(id), "the curve's `full` and `zero` must be two different numbers");
                }
            }
        }
        ItemKind::KanoPair { functional, dysfunctional }
            if functional.zh.trim().is_empty() || dysfunctional.zh.trim().is_empty() =>
        {
            p.add(Some(id), "a Kano pair needs both the functional and the dysfunctional question")
        }
        _ => {}
    }
    if let Some(tag) = item.tag {
        check_tag_item(p, item, tag);
    }
}

fn check_tag_item(p: &mut Problems, item: &Item, tag: TagKey) {
    let id = item.id.as_str();
    let ItemKind::SingleChoice { options } = &item.kind else {
        p.add(Some(id), "only a single-choice item can set a tag");
        return;
    };
    for o in options {
        if let Err(reason) = tag.check_code(o.code.as_str()) {
            p.add(Some(id), reason);
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
            Some(_) => {
                p.add(Some(id), format!("show_if refers to `{target}`, which is not asked before this item"))
            }
            None => p.add(Some(id), format!("show_if refers to `{target}`, which is not an earlier item")),
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
                        p.add(Some(id), format!("show_if: `{item}` has no option `{code}`"));
                    }
                }
            }
            Some(_) => p.add(Some(id), format!("show_if: `chosen` needs a choice item, `{item}` is not one")),
            None => {}
        },
        Condition::AtMost { item, .. } | Condition::AtLeast { item, .. } => match kind_of(item.as_str()) {
            Some(ItemKind::Rating { .. } | ItemKind::Recommend | ItemKind::Number { .. }) | None => {}
            Some(_) => p.add(Some(id), format!("show_if: `{item}` has no numeric answer to compare")),
        },
        Condition::Yes { item } | Condition::No { item } => match kind_of(item.as_str()) {
            Some(ItemKind::YesNo { .. }) | None => {}
            Some(_) => p.add(Some(id), format!("show_if: `{item}` is not a yes/no item")),
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
    match q.item(overall.as_str()) {
        None => p.add(Some(overall.as_str()), "scoring.overall names an item that does not exist"),
        Some(item) if !matches!(item.kind, ItemKind::Rating { .. } | ItemKind::Recommend) => {
            p.add(Some(overall.as_str()), "the overall item must be a rating")
        }
        Some(item) if item.dimension.is_some() => p.add(
            Some(overall.as_str()),
            "the overall item is what the dimensions explain; take it out of its dimension",
        ),
        Some(_) => {}
    }
}
