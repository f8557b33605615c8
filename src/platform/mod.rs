//! The browser at the edge: clock, ids, preferences and the address bar. Nothing else in the app
//! touches these, so the state and view code stays pure.

pub mod clock;
pub mod device;
pub mod files;
pub mod location;
pub mod prefs;
pub mod timer;

use uuid::Uuid;

/// A new response id: a version-4 UUID from the browser's cryptographic random source.
pub fn new_id() -> Uuid {
    Uuid::new_v4()
}

/// Sixteen random bytes (a salt for the PIN's hash), from the same source as the UUIDs.
pub fn random_salt() -> [u8; 16] {
    Uuid::new_v4().into_bytes()
}

/// Goes to `route`: a new hash on this page, or another area's page.
pub fn go(route: location::Route) {
    location::go(route);
}

/// Scrolls the page back to its top, as a new screen should start there.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
