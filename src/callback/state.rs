//! The callback workspace's state and every transition of it. `reduce` is pure: the clock and
//! new ids come in with the actions, and storage happens around it — a call's end is computed
//! here and put in `saving` for the page to store, and applied only once stored.

use super::keys::{KeyPress, KeyScreen};
use super::texts::T;
use chrono::{DateTime, FixedOffset};
use manyi_core::callback::call_list::RejectedRow;
use manyi_core::callback::problem::{Problem, ProblemId, ProblemLog};
use manyi_core::callback::{
    Call, CallList, Case, CaseFilter, CaseKey, Finished, OutcomeKind, SchedulingRules,
};
use manyi_core::questionnaire::library::Library;
use manyi_core::questionnaire::QuestionnaireRef;
use manyi_core::response::answer::Answer;
use manyi_core::response::Status;
use manyi_core::session::keys::{ItemKeys, Keyed};
use manyi_core::session::survey::Screen;
use manyi_core::Text;
use std::rc::Rc;
use uuid::Uuid;
use yew::Reducible;

/// The parts of the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The queue of cases, and a case's history.
    Queue,
    /// The problem records (closed loop).
    Problems,
    /// The outcome rates.
    Rates,
    /// Import and export.
    Files,
}

/// Whether the workspace has read its records.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    /// Reading.
    Loading,
    /// Read.
    Ready,
    /// The store could not be read.
    Failed(String),
}

/// The agent's settings, kept on the desk PC.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The agent's id (回访员工号), recorded with every call.
    pub agent: String,
    /// Show phone numbers in full in lists and exports (a staff setting).
    pub show_phone_numbers: bool,
}

/// Something to tell the agent.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// An error (else a confirmation).
    pub error: bool,
    /// What to say.
    pub text: Text,
}

impl Message {
    pub(super) fn error(text: Text) -> Message {
        Message { error: true, text }
    }

    pub(super) fn error_with(what: T, detail: impl std::fmt::Display) -> Message {
        let t = what.text();
        Message::error(Text::new(format!("{}（{detail}）", t.zh), format!("{} ({detail})", t.en)))
    }
}

/// What an import of a call-list file did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    /// The file's name.
    pub file: String,
    /// `UTF-8` or `GB18030`.
    pub encoding: &'static str,
    /// New cases.
    pub added: usize,
    /// Tickets already in the list (left as they were).
    pub already_listed: usize,
    /// Bad rows, with their lines.
    pub rejected: Vec<RejectedRow>,
}

/// What the agent's side of a call shows besides the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallPanel {
    /// The keys of the current step.
    Keys,
    /// The outcomes to end the call with.
    Outcomes,
    /// The appointment time field.
    Appointment,
}

/// A call in progress on the desk.
#[derive(Debug, Clone, PartialEq)]
pub struct CallDesk {
    /// The call (and its interview).
    pub call: Call,
    /// What was keyed on the question shown and not yet confirmed with Enter.
    pub keyed: Keyed,
    /// What the side panel shows.
    pub panel: CallPanel,
    /// The appointment time typed (`2026-11-03T15:00`), proposed at the next opening an hour on.
    pub appointment_text: String,
    /// Why the appointment time was refused.
    pub appointment_error: Option<Text>,
    /// An outcome that closes the case, keyed and waiting for Enter (Esc goes back).
    pub confirm: Option<OutcomeKind>,
}

impl CallDesk {
    fn new(call: Call) -> CallDesk {
        CallDesk {
            call,
            keyed: Keyed::default(),
            panel: CallPanel::Keys,
            appointment_text: String::new(),
            appointment_error: None,
            confirm: None,
        }
    }
}

/// A finished call waiting to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveCall {
    /// The case's place in the list.
    pub order: u64,
    /// Everything the call changed.
    pub finished: Finished,
    /// When it ended.
    pub at: DateTime<FixedOffset>,
}

/// The workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Desk {
    /// Whether the records are read.
    pub load: Load,
    /// The questionnaires of the device: the cases' interview scripts.
    pub library: Rc<Library>,
    /// The script the next imported call list's cases are interviewed with (`None`: the
    /// built-in callback interview).
    pub import_script: Option<QuestionnaireRef>,
    /// Calling hours, delays and the attempt cap.
    pub rules: Rc<SchedulingRules>,
    /// The cases.
    pub list: Rc<CallList>,
    /// The problem records.
    pub problems: Rc<ProblemLog>,
    /// The agent's settings.
    pub settings: Settings,
    /// The queue's filter.
    pub filter: CaseFilter,
    /// The case open in the queue.
    pub selected: Option<CaseKey>,
    /// The call in progress.
    pub call: Option<CallDesk>,
    /// A finished call being stored.
    pub saving: Option<Rc<SaveCall>>,
    /// The part shown.
    pub tab: Tab,
    /// The last import.
    pub import: Option<Rc<ImportReport>>,
    /// Something to tell.
    pub message: Option<Message>,
    /// The problem record open for editing.
    pub editing: Option<ProblemId>,
    /// The time the queue is shown for (updated by ticks and actions).
    pub now: DateTime<FixedOffset>,
}

/// Everything that changes the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum DeskAction {
    /// The records were read (and a call in progress resumed).
    Loaded {
        cases: Vec<Case>,
        problems: Vec<Problem>,
        call: Option<Box<Call>>,
        library: Rc<Library>,
        at: DateTime<FixedOffset>,
    },
    /// They could not be.
    LoadFailed(String),
    /// The clock moved on.
    Tick(DateTime<FixedOffset>),
    /// Show another part.
    Tab(Tab),
    /// Filter the queue.
    Filter(CaseFilter),
    /// Open a case (or close it).
    Select(Option<CaseKey>),
    /// Open the next case to call.
    NextCase,
    /// New settings.
    Settings(Settings),
    /// Cases were stored (an import, kiosk requests).
    CasesAdded { cases: Vec<Case>, import: Option<ImportReport> },
    /// A key of the agent's keyboard.
    Key { press: KeyPress, at: DateTime<FixedOffset>, id: Uuid },
    /// An answer of the question shown, clicked (Enter confirms it, as a key would).
    Pick(Answer),
    /// The script of the next call list imported.
    ImportScript(Option<QuestionnaireRef>),
    /// The call in `saving` was stored.
    CallSaved,
    /// It could not be (the call stays open to try again).
    SaveFailed(String),
    /// A problem record was stored.
    ProblemSaved(Problem),
    /// Open a problem record for editing (or close it).
    EditProblem(Option<ProblemId>),
    /// Tell the agent something.
    Notify(Message),
    /// Hide the message.
    Dismiss,
}

impl Desk {
    /// The workspace before its records are read.
    pub fn new(settings: Settings, now: DateTime<FixedOffset>) -> Desk {
        Desk {
            load: Load::Loading,
            library: Rc::new(Library::default()),
            import_script: None,
            rules: Rc::new(SchedulingRules::default()),
            list: Rc::default(),
            problems: Rc::default(),
            settings,
            filter: CaseFilter::default(),
            selected: None,
            call: None,
            saving: None,
            tab: Tab::Queue,
            import: None,
            message: None,
            editing: None,
            now,
        }
    }

    /// The case with this key.
    pub fn case(&self, key: &CaseKey) -> Option<&Case> {
        self.list.case(key)
    }

    /// What the keys do now; `None` when they do nothing (another tab, a call being stored).
    pub fn key_screen(&self) -> Option<KeyScreen> {
        if self.saving.is_some() {
            return None;
        }
        let Some(desk) = &self.call else {
            return (self.tab == Tab::Queue).then_some(KeyScreen::Case);
        };
        if let Some(kind) = desk.confirm {
            return Some(KeyScreen::Confirm(kind));
        }
        match desk.panel {
            CallPanel::Outcomes => return Some(KeyScreen::Outcomes),
            CallPanel::Appointment => return Some(KeyScreen::Appointment),
            CallPanel::Keys => {}
        }
        let Some(survey) = &desk.call.interview else { return Some(KeyScreen::Dialling) };
        if desk.call.is_submitted() {
            return Some(KeyScreen::Submitted);
        }
        let Screen::Page(page) = survey.screen else { return Some(KeyScreen::Dialling) };
        let q = &survey.questionnaire;
        let item = q.item(survey.plan.pages.get(page)?.items.first()?.as_str())?;
        Some(KeyScreen::Question(ItemKeys::of(q, item)))
    }

    fn call_saved(&mut self) -> bool {
        let Some(save) = self.saving.take() else { return false };
        let finished = &save.finished;
        let list = Rc::make_mut(&mut self.list);
        match list.cases.iter_mut().find(|c| c.key == finished.case.key) {
            Some(c) => *c = finished.case.clone(),
            None => list.cases.push(finished.case.clone()),
        }
        if let Some(p) = &finished.problem {
            Rc::make_mut(&mut self.problems).problems.push(p.clone());
        }
        self.call = None;
        self.selected = Some(finished.case.key.clone());
        let outcome = finished.case.attempts.last().map(|a| a.outcome.kind().label()).unwrap_or_default();
        let saved = T::CallRecorded.text();
        self.message = Some(Message {
            error: false,
            text: Text::new(format!("{}{}", saved.zh, outcome.zh), format!("{}{}", saved.en, outcome.en)),
        });
        self.now = save.at;
        true
    }
}

impl Reducible for Desk {
    type Action = DeskAction;

    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            DeskAction::Loaded { cases, problems, call, library, at } => {
                next.library = library;
                next.list = Rc::new(CallList { cases });
                next.problems = Rc::new(ProblemLog { problems });
                next.selected = call.as_ref().map(|c| c.case.clone());
                next.call = call.map(|call| CallDesk::new(*call));
                next.load = Load::Ready;
                next.now = at;
                true
            }
            DeskAction::LoadFailed(why) => {
                next.load = Load::Failed(why);
                true
            }
            DeskAction::Tick(at) => std::mem::replace(&mut next.now, at) != at,
            DeskAction::Tab(tab) => {
                next.message = None;
                std::mem::replace(&mut next.tab, tab) != tab || self.message.is_some()
            }
            DeskAction::Filter(f) => {
                next.filter = f;
                true
            }
            DeskAction::Select(key) => {
                next.message = None;
                std::mem::replace(&mut next.selected, key.clone()) != key
            }
            DeskAction::NextCase => next.next_case(),
            DeskAction::Settings(s) => std::mem::replace(&mut next.settings, s.clone()) != s,
            DeskAction::CasesAdded { cases, import } => {
                let list = Rc::make_mut(&mut next.list);
                for case in cases {
                    if list.case(&case.key).is_none() {
                        list.cases.push(case);
                    }
                }
                if let Some(report) = import {
                    next.import = Some(Rc::new(report));
                }
                true
            }
            DeskAction::Key { press, at, id } => next.key(&press, at, id),
            DeskAction::Pick(answer) => next.pick(&answer),
            DeskAction::ImportScript(script) => {
                std::mem::replace(&mut next.import_script, script.clone()) != script
            }
            DeskAction::CallSaved => next.call_saved(),
            DeskAction::SaveFailed(why) => {
                next.saving = None;
                next.message = Some(Message::error_with(T::SaveFailed, why));
                true
            }
            DeskAction::ProblemSaved(p) => {
                let log = Rc::make_mut(&mut next.problems);
                match log.problems.iter_mut().find(|q| q.id == p.id) {
                    Some(q) => *q = p,
                    None => log.problems.push(p),
                }
                next.editing = None;
                true
            }
            DeskAction::EditProblem(id) => std::mem::replace(&mut next.editing, id) != id,
            DeskAction::Notify(m) => next.message.replace(m.clone()) != Some(m),
            DeskAction::Dismiss => next.message.take().is_some(),
        };
        if changed {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// Whether the interview's draft should be stored with the call in progress (it has answers and
/// is not closed).
pub fn draft_to_keep(desk: &CallDesk) -> Option<&manyi_core::response::Response> {
    desk.call.response().filter(|r| r.status == Status::Draft && !r.answers.is_empty())
}

mod answers;
mod keyed;
#[cfg(test)]
mod tests;
