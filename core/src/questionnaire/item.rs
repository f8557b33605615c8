//! Items of a questionnaire and the kinds of answer they take.

use crate::id::string_id;
use crate::questionnaire::condition::Condition;
use crate::response::tags::TagKey;
use crate::tagged;
use crate::text::Text;
use serde::{Deserialize, Serialize};

string_id!(
    /// The stable id of an item, e.g. `wait`; it is the item's column name in every export.
    ItemId
);
string_id!(
    /// The id of a dimension (a checklist section), e.g. `guidance`.
    DimensionId
);
string_id!(
    /// The name of a rating scale defined once in a questionnaire, e.g. `satisfaction`.
    ScaleId
);
string_id!(
    /// The code of a choice option, e.g. `payment`; stored in responses and exports.
    ChoiceCode
);

fn one() -> f64 {
    1.0
}

fn is_one(w: &f64) -> bool {
    *w == 1.0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One question, statement or checklist point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id (lower-case letters, digits, `_`), unique in the questionnaire.
    pub id: ItemId,
    /// What is asked or checked.
    pub text: Text,
    /// An optional hint shown under the text (or read to the interviewer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// The dimension (section) whose index this item counts towards; items without one are not in
    /// the weighted index (context questions, `overall`, comments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<DimensionId>,
    /// Stated weight within its dimension (≥ 0, default 1); normalised within the dimension.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: f64,
    /// Whether a complete response must answer the item (when it is shown).
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Shown only when this condition on earlier answers holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// The response tag that the answer also sets (business type or customer class).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<TagKey>,
    /// What kind of answer the item takes.
    pub kind: ItemKind,
}

/// The kind of answer an item takes. In JSON an object with its `type` (`{"type": "rating",
/// "scale": "satisfaction"}`); read through a struct of every kind's fields (`tagged`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// A point on one of the questionnaire's rating scales (e.g. the five faces, 1–5).
    Rating {
        /// The scale, defined in the questionnaire's `scales`.
        scale: ScaleId,
        /// Whether 未使用/不适用 (not used / not applicable) is offered.
        #[serde(default, skip_serializing_if = "is_false")]
        not_applicable: bool,
    },
    /// 0–10 "how likely are you to recommend…", for the net promoter score.
    Recommend,
    /// Exactly one of the options.
    SingleChoice {
        /// The options, in display order.
        options: Vec<Choice>,
    },
    /// Any number of the options.
    MultipleChoice {
        /// The options, in display order.
        options: Vec<Choice>,
    },
    /// Yes / no (and not applicable, if offered). Scored yes = 100, no = 0.
    YesNo {
        /// Whether N/A is offered.
        #[serde(default, skip_serializing_if = "is_false")]
        not_applicable: bool,
        /// A red-line item: "yes" means the violation happened; the whole response then scores 0
        /// and is flagged. Red-line items carry no weight of their own.
        #[serde(default, skip_serializing_if = "is_false")]
        red_line: bool,
    },
    /// A number, e.g. minutes waited (from a stopwatch).
    Number {
        /// Lowest accepted value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// Highest accepted value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// Unit shown beside the number, e.g. 分钟 / minutes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<Text>,
        /// How the number scores 0–100 when the item is in a dimension.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        curve: Option<LinearCurve>,
        /// Whether the app offers a stopwatch to measure it.
        #[serde(default, skip_serializing_if = "is_false")]
        stopwatch: bool,
    },
    /// Free text (never required of a kiosk customer).
    Text {
        /// What the text is, so the app can offer the right keyboard and exports can mask it.
        #[serde(default)]
        format: TextFormat,
        /// Maximum length in characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_length: Option<u32>,
    },
    /// A Kano pair: "if the service had it" and "if it did not", each answered 1 like … 5 dislike.
    KanoPair {
        /// The functional question.
        functional: Text,
        /// The dysfunctional question.
        dysfunctional: Text,
    },
}

/// The `type` of an item kind in JSON.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindName {
    Rating,
    Recommend,
    SingleChoice,
    MultipleChoice,
    YesNo,
    Number,
    Text,
    KanoPair,
}

/// An item kind as read: its `type` and the fields of every kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemKindFields {
    #[serde(rename = "type")]
    kind: KindName,
    scale: Option<ScaleId>,
    not_applicable: Option<bool>,
    options: Option<Vec<Choice>>,
    red_line: Option<bool>,
    min: Option<f64>,
    max: Option<f64>,
    unit: Option<Text>,
    curve: Option<LinearCurve>,
    stopwatch: Option<bool>,
    format: Option<TextFormat>,
    max_length: Option<u32>,
    functional: Option<Text>,
    dysfunctional: Option<Text>,
}

impl TryFrom<ItemKindFields> for ItemKind {
    type Error = String;

    fn try_from(f: ItemKindFields) -> Result<ItemKind, String> {
        let present = [
            ("scale", f.scale.is_some()),
            ("not_applicable", f.not_applicable.is_some()),
            ("options", f.options.is_some()),
            ("red_line", f.red_line.is_some()),
            ("min", f.min.is_some()),
            ("max", f.max.is_some()),
            ("unit", f.unit.is_some()),
            ("curve", f.curve.is_some()),
            ("stopwatch", f.stopwatch.is_some()),
            ("format", f.format.is_some()),
            ("max_length", f.max_length.is_some()),
            ("functional", f.functional.is_some()),
            ("dysfunctional", f.dysfunctional.is_some()),
        ];
        let check = |tag: &str, allowed: &[&str]| tagged::only(tag, &present, allowed);
        Ok(match f.kind {
            KindName::Rating => {
                check("rating", &["scale", "not_applicable"])?;
                let scale = tagged::required(f.scale, "scale")?;
                ItemKind::Rating { scale, not_applicable: f.not_applicable.unwrap_or(false) }
            }
            KindName::Recommend => {
                check("recommend", &[])?;
                ItemKind::Recommend
            }
            KindName::SingleChoice => {
                check("single_choice", &["options"])?;
                ItemKind::SingleChoice { options: tagged::required(f.options, "options")? }
            }
            KindName::MultipleChoice => {
                check("multiple_choice", &["options"])?;
                ItemKind::MultipleChoice { options: tagged::required(f.options, "options")? }
            }
            KindName::YesNo => {
                check("yes_no", &["not_applicable", "red_line"])?;
                let (not_applicable, red_line) =
                    (f.not_applicable.unwrap_or(false), f.red_line.unwrap_or(false));
                ItemKind::YesNo { not_applicable, red_line }
            }
            KindName::Number => {
                check("number", &["min", "max", "unit", "curve", "stopwatch"])?;
                let stopwatch = f.stopwatch.unwrap_or(false);
                ItemKind::Number { min: f.min, max: f.max, unit: f.unit, curve: f.curve, stopwatch }
            }
            KindName::Text => {
                check("text", &["format", "max_length"])?;
                ItemKind::Text { format: f.format.unwrap_or_default(), max_length: f.max_length }
            }
            KindName::KanoPair => {
                check("kano_pair", &["functional", "dysfunctional"])?;
                let functional = tagged::required(f.functional, "functional")?;
                ItemKind::KanoPair {
                    functional,
                    dysfunctional: tagged::required(f.dysfunctional, "dysfunctional")?,
                }
            }
        })
    }
}

tagged::deserialize_through!(ItemKind, ItemKindFields);

impl ItemKind {
    /// A short name of the kind, as in the JSON `type` field.
    pub fn name(&self) -> &'static str {
        match self {
            ItemKind::Rating { .. } => "rating",
            ItemKind::Recommend => "recommend",
            ItemKind::SingleChoice { .. } => "single_choice",
            ItemKind::MultipleChoice { .. } => "multiple_choice",
            ItemKind::YesNo { .. } => "yes_no",
            ItemKind::Number { .. } => "number",
            ItemKind::Text { .. } => "text",
            ItemKind::KanoPair { .. } => "kano_pair",
        }
    }

    /// Whether the item offers "not applicable".
    pub fn offers_not_applicable(&self) -> bool {
        matches!(
            self,
            ItemKind::Rating { not_applicable: true, .. } | ItemKind::YesNo { not_applicable: true, .. }
        )
    }

    /// The options of a choice item.
    pub fn options(&self) -> &[Choice] {
        match self {
            ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => options,
            _ => &[],
        }
    }
}

/// What a free-text item holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// Any text, e.g. a comment.
    #[default]
    Free,
    /// A phone number (masked in lists and exports unless staff allow it).
    Phone,
}

/// An option of a choice item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable code stored in responses.
    pub code: ChoiceCode,
    /// What the person sees.
    pub label: Text,
}

/// A linear scoring curve for a number: 100 at `full` (and beyond it, away from `zero`), 0 at `zero`
/// (and beyond), linear in between. With `full` < `zero` smaller is better, e.g. minutes waited:
/// full marks up to the pledged time, nothing from the limit on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinearCurve {
    /// The value up to which the item scores 100.
    pub full: f64,
    /// The value from which the item scores 0.
    pub zero: f64,
}

impl LinearCurve {
    /// The 0–100 score of `x`.
    pub fn score(&self, x: f64) -> f64 {
        let t = (x - self.full) / (self.zero - self.full);
        100.0 * (1.0 - t.clamp(0.0, 1.0))
    }
}

/// A rating scale: its points and a label for each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingScale {
    /// The lowest point, e.g. 1.
    pub min: i32,
    /// The highest point, e.g. 5.
    pub max: i32,
    /// One label per point from `min` to `max` (e.g. 非常不满意 … 非常满意), or none.
    #[serde(default)]
    pub labels: Vec<Text>,
}

impl RatingScale {
    /// The label of `point`, if the scale has labels.
    pub fn label(&self, point: i32) -> Option<&Text> {
        usize::try_from(point - self.min).ok().and_then(|i| self.labels.get(i))
    }

    /// The scale as numbers, for rescaling to 0–100.
    pub fn scale(&self) -> crate::scoring::scale::Scale {
        crate::scoring::scale::Scale { min: f64::from(self.min), max: f64::from(self.max) }
    }

    /// The points from lowest to highest.
    pub fn points(&self) -> std::ops::RangeInclusive<i32> {
        self.min..=self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_time_curve_by_hand() {
        // Full marks up to 15 minutes, none from 45: 30 minutes is halfway, so 50.
        let c = LinearCurve { full: 15.0, zero: 45.0 };
        assert_eq!(c.score(0.0), 100.0);
        assert_eq!(c.score(15.0), 100.0);
        assert_eq!(c.score(30.0), 50.0);
        assert!((c.score(39.0) - 20.0).abs() < 1e-12);
        assert_eq!(c.score(60.0), 0.0);
    }

    #[test]
    fn rising_curve() {
        let c = LinearCurve { full: 10.0, zero: 0.0 };
        assert_eq!(c.score(2.5), 25.0);
        assert_eq!(c.score(12.0), 100.0);
    }

    #[test]
    fn item_json_is_strict() {
        let json = r#"{"id":"wait","text":{"zh":"等候","en":"Wait"},"weigth":2,"kind":{"type":"recommend"}}"#;
        let err = serde_json::from_str::<Item>(json).unwrap_err().to_string();
        assert!(err.contains("unknown field `weigth`"), "{err}");
    }
}
