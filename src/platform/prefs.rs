//! Small preferences in localStorage (only these: responses live in IndexedDB), and small notes
//! one page of the tab leaves for the next in sessionStorage.

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

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// A note another page of this tab left under `key` (e.g. the kiosk's last failed save, for
/// the staff screen).
pub fn tab_note(key: &str) -> Option<String> {
    session_storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Leaves a note under `key` for the next page of this tab, or removes it.
pub fn set_tab_note(key: &str, note: Option<&str>) {
    if let Some(s) = session_storage() {
        let _ = match note {
            Some(text) => s.set_item(key, text),
            None => s.remove_item(key),
        };
    }
}
