//! The hall kiosk around the customer's survey: the attract and closed screens, the idle
//! countdown, the staff screens behind a PIN (settings, data, exports), and the timers that
//! drive them. The rules are core's (`manyi_core::kiosk`); this is the shell.

pub mod closed;
pub mod countdown;
mod data;
pub mod export;
pub mod form;
mod gate;
mod pin_pad;
mod runtime;
mod staff;
pub mod startup;
pub mod state;
pub mod texts;

pub use gate::{SetPin, StaffGate};
pub use runtime::KioskRuntime;
pub use staff::StaffPage;
