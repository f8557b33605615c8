//! One file per screen. Pages read the app's context and compose components; they hold no logic
//! beyond turning a tap into an action.

mod question;
mod results;
mod start;
mod survey;
mod thanks;

pub use results::ResultsPage;
pub use survey::SurveyPage;
