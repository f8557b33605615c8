//! The pages of a checklist: one per dimension (section), then the red lines, then anything else.

use crate::questionnaire::item::{DimensionId, Item, ItemId, ItemKind};
use crate::questionnaire::Questionnaire;
use crate::text::Text;

/// What a page of the checklist holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SectionKind {
    /// The items of a dimension.
    Dimension(DimensionId),
    /// The red-line items outside any dimension.
    RedLines,
    /// Every other item outside any dimension (remarks …).
    Other,
}

/// One page of the checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// What it holds.
    pub kind: SectionKind,
    /// Its title.
    pub title: Text,
    /// Its items, in questionnaire order.
    pub items: Vec<ItemId>,
}

/// The pages of a checklist: one per dimension, then the red lines, then anything else; a page
/// with no item is left out.
pub fn sections(q: &Questionnaire) -> Vec<Section> {
    let red = |i: &Item| matches!(i.kind, ItemKind::YesNo { red_line: true, .. });
    let ids =
        |keep: &dyn Fn(&Item) -> bool| q.items.iter().filter(|i| keep(i)).map(|i| i.id.clone()).collect();
    let mut out: Vec<Section> = q
        .dimensions
        .iter()
        .map(|d| Section {
            kind: SectionKind::Dimension(d.id.clone()),
            title: d.title.clone(),
            items: ids(&|i: &Item| i.dimension.as_ref() == Some(&d.id)),
        })
        .collect();
    out.push(Section {
        kind: SectionKind::RedLines,
        title: Text::new("红线项目", "Red lines"),
        items: ids(&|i: &Item| i.dimension.is_none() && red(i)),
    });
    out.push(Section {
        kind: SectionKind::Other,
        title: Text::new("其他", "Other"),
        items: ids(&|i: &Item| i.dimension.is_none() && !red(i)),
    });
    out.retain(|s| !s.items.is_empty());
    out
}
