//! The hall kiosk's rules, pure so they are tested natively: the staff's settings (tags, active
//! questionnaire, opening hours, idle policy, low-score threshold, PIN), when the hall is open,
//! what an idle customer's session becomes, and the staff screen's counts. The app supplies the
//! clock and the random salt.

pub mod hours;
pub mod idle;
pub mod low_score;
pub mod pin;
pub mod settings;
pub mod summary;

pub use hours::OpeningHours;
pub use idle::{Closing, IdlePhase, IdlePolicy, Partial};
pub use low_score::LowScoreRule;
pub use pin::{PinGuard, PinHash, PinProblem};
pub use settings::{KioskSettings, SettingProblem, Timing};
pub use summary::{follow_up, kiosk_own, to_export, FollowUp, StaffSummary};
