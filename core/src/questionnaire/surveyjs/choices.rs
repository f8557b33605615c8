//! SurveyJS's item values (choices, rate values, matrix rows and columns) as survey-core reads
//! them (packages/survey-core/src/itemvalue.ts): a plain value, `"value|text"` split at the first
//! `settings.itemValueSeparator` (`|`), or an object `{value, text, …}` — `{text}` alone has its
//! text as value. An empty value (`null`, `""`) is no item. Without a text, the value is shown.

use super::texts::Locales;
use super::values::{is_empty, js_string};
use crate::text::Text;
use serde_json::Value;

/// One item value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ItemValue {
    /// The value stored in SurveyJS's results.
    pub(super) value: Value,
    /// Its text, when it has one of its own.
    pub(super) text: Option<Text>,
    /// Whether it had a `visibleIf` or `enableIf` of its own (which Manyi drops).
    pub(super) conditional: bool,
}

impl ItemValue {
    /// What the person sees: its text, or else its value.
    pub(super) fn label(&self) -> Text {
        self.text.clone().unwrap_or_else(|| {
            let s = js_string(&self.value);
            Text::new(s.clone(), s)
        })
    }
}

/// Splits `"value|text"`.
fn split(v: &Value) -> (Value, Option<String>) {
    match v {
        Value::String(s) => match s.split_once('|') {
            Some((value, text)) => {
                (Value::String(value.to_owned()), Some(text.to_owned()).filter(|t| !t.is_empty()))
            }
            None => (v.clone(), None),
        },
        _ => (v.clone(), None),
    }
}

/// The item values of a JSON array (anything else has none).
pub(super) fn item_values(v: Option<&Value>, locales: &mut Locales) -> Vec<ItemValue> {
    let Some(Value::Array(items)) = v else { return Vec::new() };
    let mut out = Vec::new();
    for item in items {
        if is_empty(Some(item)) {
            continue;
        }
        let parsed = match item {
            Value::Object(o) => {
                let raw = match o.get("value") {
                    Some(v) => v.clone(),
                    // `{text}` alone: the text is the value (ItemValue.setData).
                    None if o.len() == 1 => o.get("text").cloned().unwrap_or(Value::Null),
                    None => Value::Null,
                };
                let (value, split_text) = split(&raw);
                let text = locales.text(o.get("text")).or_else(|| {
                    split_text.as_deref().and_then(|t| locales.text(Some(&Value::String(t.to_owned()))))
                });
                let conditional = o.contains_key("visibleIf") || o.contains_key("enableIf");
                ItemValue { value, text, conditional }
            }
            other => {
                let (value, text) = split(other);
                ItemValue {
                    value,
                    text: text.and_then(|t| locales.text(Some(&Value::String(t)))),
                    conditional: false,
                }
            }
        };
        if !is_empty(Some(&parsed.value)) {
            out.push(parsed);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shorthand_objects_and_plain_values() {
        let mut l = Locales::default();
        let items = item_values(
            Some(
                &json!(["a|Apple", 2, {"value": "c", "text": {"default": "Cherry", "zh-cn": "樱桃"}}, {"text": "Date"}, null, ""]),
            ),
            &mut l,
        );
        let values: Vec<Value> = items.iter().map(|i| i.value.clone()).collect();
        assert_eq!(values, [json!("a"), json!(2), json!("c"), json!("Date")]);
        assert_eq!(items[0].label(), Text::new("", "Apple"));
        assert_eq!(items[1].label(), Text::new("2", "2"));
        assert_eq!(items[2].label(), Text::new("樱桃", "Cherry"));
    }
}
