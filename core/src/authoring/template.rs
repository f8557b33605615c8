//! Starting points: a new questionnaire of each mode, a new item of each kind, and the five-point
//! satisfaction scale with its labels (DOMAIN.md §2).

use super::edit::KindChoice;
use crate::questionnaire::item::{Item, ItemId, ItemKind, RatingScale, ScaleId, TextFormat};
use crate::questionnaire::{Dimension, Mode, Questionnaire, QuestionnaireId, ScoringRules};
use crate::scoring::composite::Renormalisation;
use crate::text::Text;
use std::collections::BTreeMap;

/// 非常不满意 very dissatisfied … 非常满意 very satisfied.
pub fn satisfaction_labels() -> Vec<Text> {
    [
        ("非常不满意", "Very dissatisfied"),
        ("不满意", "Dissatisfied"),
        ("一般", "Neutral"),
        ("满意", "Satisfied"),
        ("非常满意", "Very satisfied"),
    ]
    .into_iter()
    .map(|(zh, en)| Text::new(zh, en))
    .collect()
}

/// The scale a new rating item uses: the questionnaire's first, or a new 1–5 `satisfaction`
/// scale with its labels.
pub fn ensure_scale(q: &mut Questionnaire) -> ScaleId {
    if let Some(name) = q.scales.keys().next() {
        return name.clone();
    }
    let name = ScaleId::new("satisfaction");
    q.scales.insert(name.clone(), RatingScale { min: 1, max: 5, labels: satisfaction_labels() });
    name
}

/// A new item's kind with its starting settings (a rating on `scale`; two blank options; a
/// minutes counter with a stopwatch and no curve).
pub fn kind(kind: KindChoice, scale: &ScaleId) -> ItemKind {
    match kind {
        KindChoice::Rating => ItemKind::Rating { scale: scale.clone(), not_applicable: false },
        KindChoice::Recommend => ItemKind::Recommend,
        KindChoice::SingleChoice | KindChoice::MultipleChoice => {
            let mut options = Vec::new();
            for _ in 0..2 {
                options.push(super::edit::new_option(&options));
            }
            if kind == KindChoice::SingleChoice {
                ItemKind::SingleChoice { options }
            } else {
                ItemKind::MultipleChoice { options }
            }
        }
        KindChoice::YesNo => ItemKind::YesNo { not_applicable: true, red_line: false },
        KindChoice::Number => ItemKind::Number {
            min: Some(0.0),
            max: None,
            unit: Some(Text::new("分钟", "minutes")),
            curve: None,
            stopwatch: true,
        },
        KindChoice::Text => ItemKind::Text { format: TextFormat::Free, max_length: None },
        KindChoice::KanoPair => {
            ItemKind::KanoPair { functional: Text::default(), dysfunctional: Text::default() }
        }
    }
}

/// A new item's kind for `q`, adding the satisfaction scale if a rating needs one.
pub fn kind_for(q: &mut Questionnaire, choice: KindChoice) -> ItemKind {
    let scale = if choice == KindChoice::Rating { ensure_scale(q) } else { ScaleId::new("satisfaction") };
    kind(choice, &scale)
}

/// A new item with blank texts.
pub fn item(id: ItemId, kind: ItemKind) -> Item {
    Item {
        id,
        text: Text::default(),
        help: None,
        dimension: None,
        weight: 1.0,
        required: false,
        show_if: None,
        tag: None,
        kind,
    }
}

/// A new questionnaire of `mode`, version 1, with one blank item to start from: a rating for a
/// self-completed or interviewer questionnaire, a section with a yes/no check for a checklist
/// (scored with weights renormalised within each section).
pub fn new_questionnaire(id: QuestionnaireId, mode: Mode) -> Questionnaire {
    let mut q = Questionnaire {
        id,
        version: 1,
        mode,
        title: Text::default(),
        intro: None,
        script: Vec::new(),
        scales: BTreeMap::new(),
        dimensions: Vec::new(),
        items: Vec::new(),
        scoring: ScoringRules::default(),
    };
    match mode {
        Mode::Checklist => {
            q.scoring.renormalise = Renormalisation::WithinDimension;
            q.dimensions.push(Dimension { id: "section_1".into(), title: Text::default(), weight: 1.0 });
            let mut check =
                item(ItemId::new("item_1"), kind(KindChoice::YesNo, &ScaleId::new("satisfaction")));
            check.dimension = Some("section_1".into());
            q.items.push(check);
        }
        Mode::SelfCompleted | Mode::Interviewer => {
            let k = kind_for(&mut q, KindChoice::Rating);
            let mut rating = item(ItemId::new("item_1"), k);
            rating.required = true;
            q.items.push(rating);
        }
    }
    q
}
