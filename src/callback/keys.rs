//! The agent's keyboard: which key does what on each screen of a call. Pure, so it is tested
//! natively; the page turns key events into [`KeyPress`] and the state applies the [`Command`].

use manyi_core::callback::OutcomeKind;
use manyi_core::session::keys::ItemKeys;

/// A key pressed, as the page saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPress {
    /// `KeyboardEvent.key`: `"4"`, `"Enter"`, `"y"`, `"Backspace"`, `"Escape"` …
    pub key: String,
    /// Shift held.
    pub shift: bool,
    /// The text of the field the key was pressed in (a comment, the appointment time), if any.
    pub field: Option<String>,
}

impl KeyPress {
    /// A key pressed outside any text field.
    pub fn key(key: &str) -> KeyPress {
        KeyPress { key: key.to_owned(), shift: false, field: None }
    }

    /// A key pressed in a text field holding `text`.
    pub fn in_field(key: &str, text: &str) -> KeyPress {
        KeyPress { key: key.to_owned(), shift: false, field: Some(text.to_owned()) }
    }
}

/// Where the agent is, as far as keys are concerned.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyScreen {
    /// The queue, no call: Enter starts a call on the open case, N opens the next case.
    Case,
    /// The call is ringing or the customer is being greeted: outcome letters, Enter begins the
    /// interview, Esc cancels the call (nothing is recorded).
    Dialling,
    /// A question of the interview, with the keys of its item (core's `session::keys`): a
    /// number or text is typed in a field (Enter confirms, Shift+Enter is a new line in a text),
    /// anything else is keyed (digits, `Y`/`N`, the N/A key; Enter confirms).
    Question(ItemKeys),
    /// The interview is submitted: Enter records the call as complete.
    Submitted,
    /// The list of outcomes to end the call with (opened with Esc during the interview).
    Outcomes,
    /// The appointment time field: Enter confirms, Esc goes back.
    Appointment,
    /// An outcome that closes the case, asked: Enter records it, Esc goes back to the call.
    Confirm(OutcomeKind),
}

/// What a key asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Start the call on the open case.
    StartCall,
    /// Open the next case to call.
    NextCase,
    /// Begin the interview (the customer agreed).
    BeginInterview,
    /// A key on a question: core says what it keys (a digit, `Y`, …), if anything.
    Press(String),
    /// Confirm the answer keyed, or go on with the one given before (skip an optional question).
    Confirm,
    /// Confirm what the question's field holds (a number, a text; blank: no answer).
    ConfirmField(String),
    /// The previous question.
    Back,
    /// End the call with an outcome (an appointment opens the time field first).
    Outcome(OutcomeKind),
    /// Open the list of outcomes.
    OpenOutcomes,
    /// Close the list of outcomes or the appointment field.
    CloseOutcomes,
    /// Confirm the appointment at the time typed (`2026-11-03T15:00`).
    ConfirmAppointment(String),
    /// Drop the call before anything was recorded.
    CancelCall,
    /// Record the outcome asked about.
    ConfirmOutcome(OutcomeKind),
    /// Do not record it: back to the call.
    CancelOutcome,
}

/// The key that opens the next case from the queue.
pub const NEXT_CASE_KEY: char = 'N';

/// The letter of each outcome an agent may type (shown beside each outcome on screen). Complete
/// has none: Enter records it once the interview is submitted.
pub fn outcome_letter(kind: OutcomeKind) -> Option<char> {
    Some(match kind {
        OutcomeKind::NoAnswer => 'A',
        OutcomeKind::Busy => 'B',
        OutcomeKind::MachineMessageLeft => 'M',
        OutcomeKind::MachineNoMessage => 'U',
        OutcomeKind::WrongNumber => 'W',
        OutcomeKind::Disconnected => 'D',
        OutcomeKind::TechnicalProblem => 'T',
        OutcomeKind::Refusal => 'R',
        OutcomeKind::Appointment => 'S',
        OutcomeKind::Partial => 'P',
        OutcomeKind::BreakOff => 'X',
        OutcomeKind::Complete => return None,
    })
}

fn letter(key: &str) -> Option<char> {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c.to_ascii_uppercase()),
        _ => None,
    }
}

fn outcome_of(key: &str, allowed: &[OutcomeKind]) -> Option<Command> {
    let l = letter(key)?;
    allowed.iter().copied().find(|k| outcome_letter(*k) == Some(l)).map(Command::Outcome)
}

/// The command of `press` on `screen`; `allowed` are the outcomes the call may end with now.
/// Keys typed into a text field are the field's, except Enter and Esc.
pub fn command(press: &KeyPress, screen: &KeyScreen, allowed: &[OutcomeKind]) -> Option<Command> {
    let key = press.key.as_str();
    let in_field = press.field.is_some();
    match screen {
        KeyScreen::Case if in_field => None,
        KeyScreen::Case if key == "Enter" => Some(Command::StartCall),
        KeyScreen::Case => (letter(key) == Some(NEXT_CASE_KEY)).then_some(Command::NextCase),
        KeyScreen::Confirm(kind) => match key {
            "Enter" => Some(Command::ConfirmOutcome(*kind)),
            "Escape" => Some(Command::CancelOutcome),
            _ => None,
        },
        KeyScreen::Dialling if in_field => None,
        KeyScreen::Dialling => match key {
            "Enter" => Some(Command::BeginInterview),
            "Escape" => Some(Command::CancelCall),
            _ => outcome_of(key, allowed),
        },
        KeyScreen::Question(_) if key == "Escape" => Some(Command::OpenOutcomes),
        KeyScreen::Question(keys) if keys.in_field() => match key {
            "Enter" if !press.shift => Some(Command::ConfirmField(press.field.clone().unwrap_or_default())),
            "Backspace" | "ArrowLeft" if !in_field => Some(Command::Back),
            _ => None,
        },
        KeyScreen::Question(_) | KeyScreen::Submitted if in_field => None,
        KeyScreen::Question(_) => match key {
            "Enter" => Some(Command::Confirm),
            "Backspace" | "ArrowLeft" => Some(Command::Back),
            _ => Some(Command::Press(key.to_owned())),
        },
        KeyScreen::Submitted => (key == "Enter").then_some(Command::Outcome(OutcomeKind::Complete)),
        KeyScreen::Outcomes => match key {
            "Escape" => Some(Command::CloseOutcomes),
            _ if in_field => None,
            _ => outcome_of(key, allowed),
        },
        KeyScreen::Appointment => match key {
            "Enter" => Some(Command::ConfirmAppointment(press.field.clone().unwrap_or_default())),
            "Escape" => Some(Command::CloseOutcomes),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use manyi_core::callback::call::{NO_INTERVIEW_OUTCOMES, UNFINISHED_INTERVIEW_OUTCOMES};
    use manyi_core::session::keys::Entry;

    fn question(entry: Entry, not_applicable: bool) -> KeyScreen {
        KeyScreen::Question(ItemKeys { entry, not_applicable })
    }

    #[test]
    fn keys_on_a_question_go_to_core_enter_confirms_backspace_goes_back() {
        let rating = question(Entry::Points { min: 1, max: 5 }, false);
        let c = |k: &str| command(&KeyPress::key(k), &rating, &[]);
        // What a digit keys is core's to say (session::keys); here it is passed on.
        assert_eq!(c("4"), Some(Command::Press("4".into())));
        assert_eq!(c("y"), Some(Command::Press("y".into())));
        assert_eq!(c("Enter"), Some(Command::Confirm));
        assert_eq!(c("Backspace"), Some(Command::Back));
        assert_eq!(c("Escape"), Some(Command::OpenOutcomes));
        // Keys typed in a field (none on a rating screen, but never taken from one).
        assert_eq!(command(&KeyPress::in_field("4", "4"), &rating, &[]), None);
    }

    #[test]
    fn a_field_keeps_its_keys_but_enter_and_esc() {
        let text = question(Entry::Text, false);
        let enter = KeyPress::in_field("Enter", "电工很耐心");
        assert_eq!(command(&enter, &text, &[]), Some(Command::ConfirmField("电工很耐心".into())));
        let new_line = KeyPress { shift: true, ..enter.clone() };
        assert_eq!(command(&new_line, &text, &[]), None);
        assert_eq!(command(&KeyPress::in_field("Backspace", "x"), &text, &[]), None);
        assert_eq!(command(&KeyPress::in_field("5", "1"), &question(Entry::Number, false), &[]), None);
        assert_eq!(command(&KeyPress::in_field("Escape", "x"), &text, &[]), Some(Command::OpenOutcomes));
        // Out of the field (the focus elsewhere on the step), Backspace goes back.
        assert_eq!(command(&KeyPress::key("Backspace"), &text, &[]), Some(Command::Back));
    }

    #[test]
    fn outcome_letters_only_for_the_outcomes_allowed() {
        let dialling = |k: &str| command(&KeyPress::key(k), &KeyScreen::Dialling, &NO_INTERVIEW_OUTCOMES);
        assert_eq!(dialling("a"), Some(Command::Outcome(OutcomeKind::NoAnswer)));
        assert_eq!(dialling("S"), Some(Command::Outcome(OutcomeKind::Appointment)));
        assert_eq!(dialling("x"), None, "break-off needs answers");
        assert_eq!(dialling("Enter"), Some(Command::BeginInterview));
        assert_eq!(dialling("Escape"), Some(Command::CancelCall));
        let menu = |k: &str| command(&KeyPress::key(k), &KeyScreen::Outcomes, &UNFINISHED_INTERVIEW_OUTCOMES);
        assert_eq!(
            (menu("x"), menu("p"), menu("a")),
            (
                Some(Command::Outcome(OutcomeKind::BreakOff)),
                Some(Command::Outcome(OutcomeKind::Partial)),
                None
            )
        );
        assert_eq!(menu("Escape"), Some(Command::CloseOutcomes));
        // Every letter is distinct, and none is Y or N (answers).
        let letters: Vec<char> = OutcomeKind::ALL.iter().filter_map(|k| outcome_letter(*k)).collect();
        let mut unique = letters.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), letters.len());
        assert!(!letters.contains(&'Y') && !letters.contains(&'N'));
    }

    #[test]
    fn submit_appointment_and_case() {
        assert_eq!(
            command(&KeyPress::key("Enter"), &KeyScreen::Submitted, &[OutcomeKind::Complete]),
            Some(Command::Outcome(OutcomeKind::Complete))
        );
        let time = KeyPress::in_field("Enter", "2026-11-03T15:00");
        assert_eq!(
            command(&time, &KeyScreen::Appointment, &[]),
            Some(Command::ConfirmAppointment("2026-11-03T15:00".into()))
        );
        assert_eq!(command(&KeyPress::key("Enter"), &KeyScreen::Case, &[]), Some(Command::StartCall));
        assert_eq!(command(&KeyPress::key("n"), &KeyScreen::Case, &[]), Some(Command::NextCase));
        assert_eq!(command(&KeyPress::in_field("n", "A0"), &KeyScreen::Case, &[]), None);
        let ask = KeyScreen::Confirm(OutcomeKind::Refusal);
        assert_eq!(
            command(&KeyPress::key("Enter"), &ask, &[]),
            Some(Command::ConfirmOutcome(OutcomeKind::Refusal))
        );
        assert_eq!(command(&KeyPress::key("Escape"), &ask, &[]), Some(Command::CancelOutcome));
        assert_eq!(command(&KeyPress::key("r"), &ask, &[]), None);
        assert_eq!(command(&KeyPress::in_field("Enter", "A07"), &KeyScreen::Case, &[]), None);
    }
}
