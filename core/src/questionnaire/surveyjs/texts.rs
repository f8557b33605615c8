//! SurveyJS's localizable strings → Manyi's zh/en texts.
//!
//! A SurveyJS string is either plain text or an object by locale, `{"default": …, "zh-cn": …,
//! "en": …}` (packages/survey-core/src/localizablestring.ts; `default` is
//! `settings.localization.defaultLocaleName`). Plain text and `default` are in the survey's default
//! language, which the JSON does not name (it is `surveyLocalization.defaultLocale` of the page
//! that ran it, `"en"` unless changed): they fill the language they are written in — Chinese when
//! they hold Han characters, English otherwise. An explicit `zh-cn` (else `zh`, else `zh-tw`) and
//! `en` take precedence. Other locales have no place in Manyi and are reported once per survey.

use crate::text::Text;
use serde_json::Value;
use std::collections::BTreeSet;

/// Whether `s` holds a Han character (CJK Unified Ideographs and their extension A).
fn has_han(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'))
}

/// The locales a survey used that Manyi drops, collected while converting.
#[derive(Debug, Default)]
pub(super) struct Locales {
    pub(super) dropped: BTreeSet<String>,
}

impl Locales {
    /// The text of a localizable string value, if it has any text.
    pub(super) fn text(&mut self, v: Option<&Value>) -> Option<Text> {
        match v? {
            Value::String(s) => plain(s),
            Value::Number(_) | Value::Bool(_) => plain(&super::values::js_string(v?)),
            Value::Object(by_locale) => {
                let get = |k: &str| {
                    by_locale
                        .iter()
                        .find(|(key, _)| key.eq_ignore_ascii_case(k))
                        .and_then(|(_, v)| v.as_str())
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                };
                for key in by_locale.keys() {
                    let k = key.to_ascii_lowercase();
                    if !matches!(k.as_str(), "default" | "en" | "zh-cn" | "zh" | "zh-tw") {
                        self.dropped.insert(key.clone());
                    }
                }
                let default = get("default");
                let zh = get("zh-cn")
                    .or_else(|| get("zh"))
                    .or_else(|| get("zh-tw"))
                    .or(default.filter(|d| has_han(d)));
                let en = get("en").or(default.filter(|d| !has_han(d)));
                if zh.is_none() && en.is_none() {
                    return None;
                }
                Some(Text::new(zh.unwrap_or_default(), en.unwrap_or_default()))
            }
            _ => None,
        }
    }
}

fn plain(s: &str) -> Option<Text> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else if has_han(s) {
        Some(Text::new(s, ""))
    } else {
        Some(Text::new("", s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_default_fills_the_language_it_is_written_in() {
        let mut l = Locales::default();
        assert_eq!(l.text(Some(&json!("How satisfied?"))), Some(Text::new("", "How satisfied?")));
        assert_eq!(l.text(Some(&json!("满意吗？"))), Some(Text::new("满意吗？", "")));
        assert_eq!(
            l.text(Some(&json!({"default": "Satisfied?", "zh-cn": "满意吗？"}))),
            Some(Text::new("满意吗？", "Satisfied?"))
        );
        assert_eq!(
            l.text(Some(&json!({"default": "满意吗？", "en": "Satisfied?", "de": "Zufrieden?"}))),
            Some(Text::new("满意吗？", "Satisfied?"))
        );
        // An explicit locale wins over the default written in the same language.
        assert_eq!(
            l.text(Some(&json!({"default": "Satisfied", "en": "Happy?"}))),
            Some(Text::new("", "Happy?"))
        );
        assert_eq!(l.dropped.iter().collect::<Vec<_>>(), ["de"]);
        assert_eq!(l.text(Some(&json!(""))), None);
        assert_eq!(l.text(None), None);
    }
}
