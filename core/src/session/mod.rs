//! A person working through a questionnaire, screen by screen: the draft response, the screen
//! shown and every move (answer, next, back, submit), as a pure state machine the app's screens
//! render. Times and ids come in with the moves; answers are checked by the response model.

pub mod fitness;
pub mod keys;
pub mod plan;
pub mod survey;

#[cfg(test)]
mod tests;
