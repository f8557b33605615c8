//! The agent's keys applied to the workspace: each [`Command`] of the keyboard turned into the
//! change of the call (or the queue) it asks for. Part of the pure state, tested natively.

use super::{CallDesk, CallPanel, Desk, Message, SaveCall};
use crate::callback::appointment::{appointment_time, shown};
use crate::callback::keys::{command, Command, KeyPress, KeyScreen};
use crate::callback::texts::T;
use chrono::{DateTime, FixedOffset};
use manyi_core::callback::{Call, Outcome, OutcomeKind};
use manyi_core::session::keys::Keyed;
use manyi_core::session::survey::{Screen, SurveyAction};
use manyi_core::Text;
use std::rc::Rc;
use uuid::Uuid;

/// Whether an outcome closes the case, so that the agent is asked before it is recorded
/// (completing the interview is asked already: Enter on the submitted interview).
pub fn closes(kind: OutcomeKind) -> bool {
    kind != OutcomeKind::Complete && kind.outcome().is_some_and(|o| o.is_final())
}

impl Desk {
    /// The next case to call, opened; or a message that none can be called now.
    pub(super) fn next_case(&mut self) -> bool {
        match self.list.next_case(self.now, &self.filter).map(|c| c.key.clone()) {
            Some(key) => {
                self.selected = Some(key);
                self.message = None;
            }
            None => self.message = Some(Message::error(T::NoCaseNow.text())),
        }
        true
    }

    fn allowed(&self) -> Vec<OutcomeKind> {
        self.call.as_ref().map(|d| d.call.allowed_outcomes()).unwrap_or_default()
    }

    pub(super) fn key(&mut self, press: &KeyPress, at: DateTime<FixedOffset>, id: Uuid) -> bool {
        let Some(screen) = self.key_screen() else { return false };
        let Some(cmd) = command(press, &screen, &self.allowed()) else { return false };
        self.now = at;
        match cmd {
            Command::StartCall => self.start_call(at),
            Command::NextCase => self.next_case(),
            Command::BeginInterview => self.begin_interview(at, id),
            Command::Press(key) => self.press_key(&key),
            Command::Confirm => self.confirm(at),
            Command::ConfirmField(text) => self.confirm_field(&text, at, true),
            Command::Back => self.interview_move(|page| SurveyAction::Back { page, at }),
            Command::Outcome(OutcomeKind::Appointment) => {
                let proposed = self.rules.calling_hours.next_opening(at + chrono::Duration::hours(1));
                let text = proposed.map(shown).unwrap_or_default();
                self.with_call(|d| {
                    d.panel = CallPanel::Appointment;
                    d.appointment_text = text;
                    d.appointment_error = None;
                    true
                })
            }
            // An outcome that closes the case (a refusal, a wrong number …) is asked first.
            Command::Outcome(kind) if closes(kind) => {
                self.with_call(|d| d.confirm.replace(kind) != Some(kind))
            }
            Command::Outcome(kind) | Command::ConfirmOutcome(kind) => {
                self.with_call(|d| {
                    d.confirm = None;
                    true
                });
                kind.outcome().is_some_and(|o| self.finish(o, at, id))
            }
            Command::CancelOutcome => self.with_call(|d| d.confirm.take().is_some()),
            Command::OpenOutcomes => {
                // A number or text typed before Esc is kept (a partial interview keeps it too).
                if let (KeyScreen::Question(keys), Some(text)) = (&screen, &press.field) {
                    if keys.in_field() && !text.trim().is_empty() {
                        self.confirm_field(text, at, false);
                    }
                }
                self.with_call(|d| {
                    std::mem::replace(&mut d.panel, CallPanel::Outcomes) != CallPanel::Outcomes
                })
            }
            Command::CloseOutcomes => {
                self.with_call(|d| std::mem::replace(&mut d.panel, CallPanel::Keys) != CallPanel::Keys)
            }
            Command::ConfirmAppointment(text) => self.appointment(&text, at, id),
            Command::CancelCall => self.call.take().is_some(),
        }
    }

    pub(super) fn with_call(&mut self, f: impl FnOnce(&mut CallDesk) -> bool) -> bool {
        self.call.as_mut().is_some_and(f)
    }

    fn start_call(&mut self, at: DateTime<FixedOffset>) -> bool {
        let Some(case) = self.selected.as_ref().and_then(|k| self.list.case(k)) else { return false };
        if self.settings.agent.trim().is_empty() {
            self.message = Some(Message::error(T::NeedAgent.text()));
            return true;
        }
        match Call::start(case, &self.settings.agent, at) {
            Ok(call) => {
                self.call = Some(CallDesk::new(call));
                self.message = None;
            }
            Err(e) => self.message = Some(Message::error_with(T::CannotCall, e)),
        }
        true
    }

    fn begin_interview(&mut self, at: DateTime<FixedOffset>, id: Uuid) -> bool {
        let Some(case) = self.call.as_ref().and_then(|d| self.list.case(&d.call.case)) else { return false };
        let Some(q) = self.script_of(case).cloned() else {
            let script = case.script_or_builtin();
            self.message = Some(Message::error_with(T::ScriptMissing, script));
            return true;
        };
        let case = case.clone();
        self.with_call(|d| d.call.begin_interview(q, &case, id, at))
    }

    /// The screen of the interview and its first item, if a question is shown.
    pub(super) fn page(&self) -> Option<usize> {
        match self.call.as_ref()?.call.interview.as_ref()?.screen {
            Screen::Page(p) => Some(p),
            _ => None,
        }
    }

    fn interview_move(&mut self, make: impl FnOnce(usize) -> SurveyAction) -> bool {
        let Some(page) = self.page() else { return false };
        self.with_call(|d| {
            d.keyed = Keyed::default();
            d.call.apply(make(page))
        })
    }

    fn finish(&mut self, outcome: Outcome, at: DateTime<FixedOffset>, problem_id: Uuid) -> bool {
        let Some(desk) = self.call.as_mut() else { return false };
        let Some(order) = self.list.cases.iter().position(|c| c.key == desk.call.case) else { return false };
        match desk.call.finish(&self.list.cases[order], outcome, at, &self.rules, problem_id) {
            Ok(finished) => {
                self.saving = Some(Rc::new(SaveCall { order: order as u64, finished, at }));
                desk.panel = CallPanel::Keys;
            }
            Err(e) => self.message = Some(Message::error_with(T::CannotRecord, e)),
        }
        true
    }

    fn appointment(&mut self, text: &str, at: DateTime<FixedOffset>, id: Uuid) -> bool {
        self.with_call(|d| {
            d.appointment_text = text.to_owned();
            true
        });
        let error = match appointment_time(text, at) {
            None => Some(T::AppointmentFormat.text()),
            Some(t) if t <= at => Some(T::AppointmentPast.text()),
            Some(t) if !self.rules.calling_hours.contains(t) => {
                let next =
                    self.rules.calling_hours.next_opening(t).map(|n| n.format("%Y-%m-%d %H:%M").to_string());
                let base = T::AppointmentOutsideHours.text();
                let next = next.unwrap_or_default();
                Some(Text::new(format!("{}{next}", base.zh), format!("{}{next}", base.en)))
            }
            Some(t) => return self.finish(Outcome::Appointment { at: t }, at, id),
        };
        self.with_call(|d| {
            d.appointment_error = error;
            true
        })
    }
}
