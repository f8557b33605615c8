//! The converter on SurveyJS JSON written here after SurveyJS's documentation; each expected
//! value is worked out from survey-core's source (the file is named), not from this converter.

mod conditions;

use super::{from_surveyjs, Action, Conversion};
use crate::questionnaire::item::{ChoiceCode, ItemId, ItemKind, RatingScale};
use crate::response::answer::Answer;
use crate::text::Text;
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub(super) fn convert(survey: Value) -> Conversion {
    from_surveyjs(&survey.to_string(), "test.json", "test").unwrap_or_else(|e| panic!("{e}"))
}

pub(super) fn one_page(elements: Value) -> Conversion {
    convert(json!({"pages": [{"name": "p1", "elements": elements}]}))
}

fn scale_of(c: &Conversion, item: &str) -> RatingScale {
    let q = &c.questionnaire;
    q.rating_scale(q.item(item).unwrap_or_else(|| panic!("no item {item}"))).expect("a rating")
}

pub(super) fn choice(code: &str) -> Answer {
    Answer::Choice(ChoiceCode::new(code))
}

pub(super) fn choices(codes: &[&str]) -> Answer {
    Answer::Choices(codes.iter().map(|c| ChoiceCode::new(*c)).collect())
}

/// Whether `item` is shown with these answers.
pub(super) fn shown(c: &Conversion, item: &str, answers: &[(&str, Answer)]) -> bool {
    let map: BTreeMap<ItemId, Answer> = answers.iter().map(|(k, a)| (ItemId::new(*k), a.clone())).collect();
    let q = &c.questionnaire;
    q.is_shown(q.item(item).unwrap(), &|id: &ItemId| map.get(id))
}

pub(super) fn notes_of(c: &Conversion, action: Action) -> Vec<(String, String)> {
    c.notes.iter().filter(|n| n.action == action).map(|n| (n.path.clone(), n.what.clone())).collect()
}

#[test]
fn rating_scales_follow_survey_core_defaults() {
    // question_rating.ts: rateMin 1, rateMax 5, rateStep 1; `rateMax: 10` alone is 1–10; with
    // `rateMin: 0` it is 0–10; generated values have no text of their own (no labels).
    let c = one_page(json!([
        {"type": "rating", "name": "plain"},
        {"type": "rating", "name": "ten", "rateMax": 10},
        {"type": "rating", "name": "nps", "rateMin": 0, "rateMax": 10},
        {"type": "rating", "name": "count", "rateCount": 7, "rateMin": 1},
    ]));
    assert_eq!(scale_of(&c, "plain"), RatingScale { min: 1, max: 5, labels: vec![] });
    assert_eq!(scale_of(&c, "ten"), RatingScale { min: 1, max: 10, labels: vec![] });
    assert_eq!(scale_of(&c, "nps"), RatingScale { min: 0, max: 10, labels: vec![] });
    // rateMin 1 and rateCount 7 without rateMax: rateMax = 1 + 1 × (7 − 1) = 7 (endLoadingFromJson).
    assert_eq!(scale_of(&c, "count"), RatingScale { min: 1, max: 7, labels: vec![] });
    assert!(c.notes.is_empty(), "{:?}", c.notes);
}

#[test]
fn rating_labels_descriptions_steps_and_smileys() {
    let c = one_page(json!([
        {"type": "rating", "name": "labelled", "rateValues": ["1|很差", {"value": 2, "text": "差"}, 3, {"value": 4, "text": {"default": "Good", "zh-cn": "好"}}]},
        {"type": "rating", "name": "described", "minRateDescription": "Not at all", "maxRateDescription": "Very"},
        {"type": "rating", "name": "tens", "rateMin": 0, "rateMax": 100, "rateStep": 10},
        {"type": "rating", "name": "faces", "rateType": "smileys", "rateMin": 0, "rateMax": 10},
        {"type": "rating", "name": "uneven", "rateValues": [3, 6, 10]},
    ]));
    let l = |zh: &str, en: &str| Text::new(zh, en);
    assert_eq!(scale_of(&c, "labelled").labels, [l("很差", ""), l("差", ""), l("3", "3"), l("好", "Good")]);
    assert_eq!((scale_of(&c, "labelled").min, scale_of(&c, "labelled").max), (1, 4));
    assert_eq!(
        scale_of(&c, "described").labels,
        [l("", "Not at all"), l("2", "2"), l("3", "3"), l("4", "4"), l("", "Very")]
    );
    // 0, 10, …, 100: eleven values a step of 10 apart become points 1–11 labelled with the values.
    let tens = scale_of(&c, "tens");
    assert_eq!((tens.min, tens.max), (1, 11));
    assert_eq!(tens.labels[10], l("100", "100"));
    // Smileys show at most ten values (calculateRateValues): 0–9.
    assert_eq!((scale_of(&c, "faces").min, scale_of(&c, "faces").max), (0, 9));
    // Unequally spaced values are no scale: a single choice keeping them as codes.
    let uneven = c.questionnaire.item("uneven").unwrap();
    let codes: Vec<&str> = uneven.kind.options().iter().map(|o| o.code.as_str()).collect();
    assert_eq!(codes, ["v3", "v6", "v10"]);
    let changed = notes_of(&c, Action::Changed);
    assert!(changed.contains(&("pages[0].elements[2]".into(), "rateValues".into())), "{changed:?}");
    assert!(changed.contains(&("pages[0].elements[4]".into(), "rating".into())), "{changed:?}");
}

#[test]
fn choices_keep_their_codes() {
    let c = one_page(json!([
        {"type": "radiogroup", "name": "business", "title": {"default": "Business today", "zh-cn": "今天办理的业务"},
         "choices": ["payment|缴费", {"value": "repair", "text": {"zh-cn": "故障报修", "en": "Repair"}}, "inquiry"],
         "showNoneItem": true, "showOtherItem": true},
        {"type": "checkbox", "name": "channels", "choices": ["hall", "app", "Phone Line"], "showNoneItem": true},
        {"type": "dropdown", "name": "floor", "choicesMin": 1, "choicesMax": 3},
    ]));
    let q = &c.questionnaire;
    let business = q.item("business").unwrap();
    assert_eq!(business.text, Text::new("今天办理的业务", "Business today"));
    let options: Vec<(&str, Text)> =
        business.kind.options().iter().map(|o| (o.code.as_str(), o.label.clone())).collect();
    assert_eq!(
        options,
        [
            ("payment", Text::new("缴费", "")),
            ("repair", Text::new("故障报修", "Repair")),
            ("inquiry", Text::new("inquiry", "inquiry")),
            // question_baseselect.ts: none, then other, with simplified-chinese.ts / english.ts texts.
            ("none", Text::new("无", "None")),
            ("other", Text::new("填写其他答案", "Other (describe)")),
        ]
    );
    assert!(matches!(business.kind, ItemKind::SingleChoice { .. }));
    let channels = q.item("channels").unwrap();
    assert!(matches!(channels.kind, ItemKind::MultipleChoice { .. }));
    assert_eq!(channels.kind.options()[2].code.as_str(), "phone_line");
    assert_eq!(channels.kind.options()[3].code.as_str(), "none");
    // question_dropdown.ts: choicesMin 1 to choicesMax 3 by choicesStep 1 adds 1, 2, 3.
    let floor: Vec<&str> = q.item("floor").unwrap().kind.options().iter().map(|o| o.code.as_str()).collect();
    assert_eq!(floor, ["v1", "v2", "v3"]);
    let renamed = notes_of(&c, Action::Renamed);
    assert_eq!(
        renamed,
        [
            ("pages[0].elements[1].choices".into(), "choices".into()),
            ("pages[0].elements[2].choices".into(), "choices".into())
        ]
    );
    assert_eq!(notes_of(&c, Action::Skipped), [("pages[0].elements[0]".into(), "showOtherItem".into())]);
    // A checkbox's "none" clears the other choices in SurveyJS; in Manyi it is an ordinary option.
    assert_eq!(notes_of(&c, Action::Changed), [("pages[0].elements[1]".into(), "checkbox".into())]);
}

#[test]
fn boolean_text_number_and_comment() {
    let c = one_page(json!([
        {"type": "boolean", "name": "callback", "title": "May we call you back?"},
        {"type": "text", "name": "minutes", "inputType": "number", "min": 0, "max": 120},
        {"type": "text", "name": "phone", "inputType": "tel"},
        {"type": "text", "name": "email", "inputType": "email"},
        {"type": "comment", "name": "why", "maxLength": 200, "isRequired": true},
    ]));
    let kinds: Vec<Value> =
        c.questionnaire.items.iter().map(|i| serde_json::to_value(&i.kind).unwrap()).collect();
    assert_eq!(
        kinds,
        [
            json!({"type": "yes_no"}),
            json!({"type": "number", "min": 0.0, "max": 120.0}),
            json!({"type": "text", "format": "phone"}),
            json!({"type": "text", "format": "free"}),
            json!({"type": "text", "format": "free", "max_length": 200}),
        ]
    );
    assert!(c.questionnaire.item("why").unwrap().required);
    assert_eq!(
        notes_of(&c, Action::Changed),
        [("pages[0].elements[3].inputType".into(), "inputType".into())]
    );
}

#[test]
fn a_likert_matrix_is_a_dimension_of_rated_rows() {
    let c = one_page(json!([{
        "type": "matrix", "name": "service", "title": "服务评价", "isAllRowRequired": true,
        "columns": [{"value": 1, "text": "很不满意"}, {"value": 2, "text": "不满意"}, {"value": 3, "text": "一般"}, {"value": 4, "text": "满意"}, {"value": 5, "text": "很满意"}],
        "rows": [{"value": "speed", "text": "办理速度"}, {"value": "Staff Attitude", "text": "服务态度"}]
    }]));
    let q = &c.questionnaire;
    assert_eq!(q.dimensions.len(), 1);
    assert_eq!((q.dimensions[0].id.as_str(), q.dimensions[0].title.zh.as_str()), ("service", "服务评价"));
    let ids: Vec<&str> = q.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["service_speed", "service_staff_attitude"]);
    assert!(q
        .items
        .iter()
        .all(|i| i.required && i.dimension.as_ref().map(|d| d.as_str()) == Some("service")));
    let s = scale_of(&c, "service_speed");
    assert_eq!((s.min, s.max, s.labels[4].zh.as_str()), (1, 5, "很满意"));
    assert_eq!(notes_of(&c, Action::Renamed), [("pages[0].elements[0].rows[1]".into(), "name".into())]);
}

#[test]
fn text_columns_of_a_matrix_are_points_in_order() {
    let c = one_page(json!([{
        "type": "matrix", "name": "agree", "columns": ["Disagree", "Neutral", "Agree"], "rows": ["clean"]
    }]));
    let s = scale_of(&c, "agree_clean");
    assert_eq!((s.min, s.max, s.labels[2].en.as_str()), (1, 3, "Agree"));
    assert_eq!(notes_of(&c, Action::Changed), [("pages[0].elements[0]".into(), "rateValues".into())]);
}
