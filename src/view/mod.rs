//! View models: what a screen shows, worked out from core's data without any markup, so it is
//! tested natively (crux's ViewModel).

pub mod clock_text;
pub mod results;
