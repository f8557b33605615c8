//! Small preferences in localStorage (only these: responses live in IndexedDB).

use manyi_core::Lang;

const LANG_KEY: &str = "manyi.lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language chosen last on this device (zh-CN when none was).
pub fn load_lang() -> Lang {
    local_storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|stored| [Lang::Zh, Lang::En].into_iter().find(|&l| code(l) == stored))
        .unwrap_or_default()
}

/// Remembers the language. A full or blocked storage only loses the preference.
pub fn save_lang(lang: Lang) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(LANG_KEY, code(lang));
    }
}

/// The BCP 47 code of a language.
pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

/// Tells the page which language it is in (`<html lang>`), for screen readers and fonts.
pub fn show_lang(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code(lang));
    }
}

/// A small text remembered on this device under `key` (e.g. the evaluator's id).
pub fn load_text(key: &str) -> Option<String> {
    local_storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Remembers a small text under `key`. A full or blocked storage only loses it.
pub fn save_text(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(key, value);
    }
}
