//! The agent's settings on this desk PC, in localStorage (small preferences only: the records
//! live in IndexedDB).

use super::state::Settings;

const AGENT_KEY: &str = "manyi.callback.agent";
const PHONES_KEY: &str = "manyi.callback.show_phone_numbers";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The settings saved last (none: no agent id, phone numbers masked).
pub fn load() -> Settings {
    let Some(s) = local_storage() else { return Settings::default() };
    let get = |key: &str| s.get_item(key).ok().flatten();
    Settings {
        agent: get(AGENT_KEY).unwrap_or_default(),
        show_phone_numbers: get(PHONES_KEY).as_deref() == Some("true"),
    }
}

/// Saves the settings. A full or blocked storage only loses them.
pub fn save(settings: &Settings) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(AGENT_KEY, settings.agent.trim());
        let _ = s.set_item(PHONES_KEY, if settings.show_phone_numbers { "true" } else { "false" });
    }
}
