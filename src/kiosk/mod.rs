//! The hall kiosk, in two pages with a wasm each: the customer's (`/`, what a hall tablet
//! downloads for customers: the attract and closed screens, the survey with the idle countdown
//! over it, the thanks, the first start's PIN) and the staff screen behind the PIN (`staff/`:
//! the device's data and exports, the settings, the PIN), which customers never download. The
//! rules are core's (`manyi_core::kiosk`, `manyi_core::session`); this is the shell. `state`
//! holds every transition of the customer's page (pure, tested natively); `startup` and
//! `runtime` its effects.

mod app;
pub mod runtime;
pub mod staff;
pub mod startup;
pub mod state;
pub mod survey;
pub mod texts;

pub use app::{KioskApp, KioskContext};

/// The note the kiosk leaves in the tab when a response could not be saved, for the staff screen.
pub const SAVE_FAILURE: &str = "manyi.save-failure";

/// Mounts the kiosk on the page (the kiosk's wasm entry).
pub fn start() {
    crate::app::mount::<KioskApp>();
}
