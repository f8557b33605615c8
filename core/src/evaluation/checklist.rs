//! An evaluator working through a checklist on a visit, one page per section: the visit's setup
//! (evaluator, hall, date and time), the sections with their items, notes and stopwatches, a
//! summary with the scores, and submission. A pure state machine: times and ids come in with the
//! actions; answers are checked by the response model and scored by [`super::score_visit`].

mod sections;
pub use sections::{sections, Section, SectionKind};

use super::stopwatch::{Stopwatch, WatchAction};
use super::{score_visit, VisitScore};
use crate::error::ResponseFault;
use crate::questionnaire::item::{Item, ItemId, ItemKind};
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::tags::{TagKey, Tags};
use crate::response::{Channel, Response, Status};
use crate::Error;
use chrono::{DateTime, Duration, FixedOffset};
use std::collections::BTreeMap;
use std::rc::Rc;
use uuid::Uuid;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChecklistScreen {
    /// Evaluator, hall, date and time of the visit.
    Setup,
    /// Section `n`.
    Section(usize),
    /// The scores, what is still open, and submit.
    Summary,
    /// Submitted.
    Done,
}

/// Who visits which hall, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitSetup {
    /// The evaluator's id.
    pub evaluator: String,
    /// The hall visited.
    pub hall: String,
    /// When the visit began.
    pub visited_at: DateTime<FixedOffset>,
}

/// Why the checklist refused a move.
#[derive(Debug, Clone, PartialEq)]
pub enum ChecklistProblem {
    /// The evaluator's id is blank.
    NoEvaluator,
    /// The hall is blank.
    NoHall,
    /// The visit time is later than now.
    VisitInFuture,
    /// A required item is still open (submission refused).
    Missing(ItemId),
    /// Core refused an answer (e.g. a number outside the item's range): the item and core's
    /// error, typed (the screen says it in its language).
    Refused(ItemId, Error),
}

/// Everything an evaluator does.
#[derive(Debug, Clone, PartialEq)]
pub enum ChecklistAction {
    /// Begin a visit.
    Start {
        /// The response's UUID.
        id: Uuid,
        /// Evaluator, hall, time.
        setup: VisitSetup,
        /// Now (a visit cannot begin later).
        now: DateTime<FixedOffset>,
    },
    /// Continue a draft found in storage, with its stopwatches.
    Resume {
        /// The draft.
        draft: Box<Response>,
        /// Its stopwatches.
        stopwatches: BTreeMap<ItemId, Stopwatch>,
    },
    /// Correct the setup of the visit in progress.
    ChangeSetup {
        /// The new setup.
        setup: VisitSetup,
        /// Now.
        now: DateTime<FixedOffset>,
    },
    /// Answer an item.
    Answer {
        /// The item.
        item: ItemId,
        /// The answer.
        answer: Answer,
    },
    /// Take an answer back.
    Clear {
        /// The item.
        item: ItemId,
    },
    /// Write (or, when blank, remove) the note on an item.
    Note {
        /// The item.
        item: ItemId,
        /// The note.
        text: String,
    },
    /// Start, stop or reset the stopwatch of a timed item; stopping records its minutes.
    Watch {
        /// The timed item.
        item: ItemId,
        /// What to do.
        action: WatchAction,
        /// Now, in ms since the epoch.
        now_ms: i64,
    },
    /// Show a section, the summary or the setup.
    Show(ChecklistScreen),
    /// Submit the visit.
    Submit {
        /// Now.
        at: DateTime<FixedOffset>,
    },
    /// After a submission, set up the next visit.
    NewVisit,
}

/// The checklist's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    /// The checklist.
    pub questionnaire: Rc<Questionnaire>,
    /// Its pages.
    pub sections: Rc<Vec<Section>>,
    /// The screen shown.
    pub screen: ChecklistScreen,
    /// The visit being recorded (or just submitted).
    pub draft: Option<Response>,
    /// The stopwatches of the visit's timed items.
    pub stopwatches: BTreeMap<ItemId, Stopwatch>,
    /// Why the last move was refused.
    pub problem: Option<ChecklistProblem>,
    /// The evaluator and hall of the last visit, to start the next with.
    pub last: Option<(String, String)>,
}

impl Checklist {
    /// A checklist of `q` on its setup screen.
    pub fn new(q: Questionnaire) -> Checklist {
        Checklist {
            sections: Rc::new(sections(&q)),
            questionnaire: Rc::new(q),
            screen: ChecklistScreen::Setup,
            draft: None,
            stopwatches: BTreeMap::new(),
            problem: None,
            last: None,
        }
    }

    /// The score of the visit so far (or as submitted).
    pub fn score(&self) -> Option<VisitScore> {
        score_visit(&self.questionnaire, self.draft.as_ref()?).ok()
    }

    /// The shown items of the visit still without an answer, in order.
    pub fn open_items(&self) -> Vec<&Item> {
        let Some(r) = &self.draft else { return Vec::new() };
        r.shown_items(&self.questionnaire).into_iter().filter(|i| r.answer_of(&i.id).is_none()).collect()
    }

    /// The section holding `item`.
    pub fn section_of(&self, item: &ItemId) -> Option<usize> {
        self.sections.iter().position(|s| s.items.contains(item))
    }

    /// Applies a move; returns whether anything changed.
    pub fn apply(&mut self, action: ChecklistAction) -> bool {
        let before = (self.screen, self.problem.clone());
        let changed = match action {
            ChecklistAction::Start { id, setup, now } => self.start(id, setup, now),
            ChecklistAction::Resume { draft, stopwatches } => self.resume(*draft, stopwatches),
            ChecklistAction::ChangeSetup { setup, now } => self.change_setup(setup, now),
            ChecklistAction::Answer { item, answer } => self.answer(&item, answer),
            ChecklistAction::Clear { item } => self.edit_draft(|q, r| r.clear(q, item.as_str()).is_ok()),
            ChecklistAction::Note { item, text } => self.note(item, text),
            ChecklistAction::Watch { item, action, now_ms } => self.watch(item, action, now_ms),
            ChecklistAction::Show(screen) => self.show(screen),
            ChecklistAction::Submit { at } => self.submit(at),
            ChecklistAction::NewVisit => self.new_visit(),
        };
        changed || before != (self.screen, self.problem.clone())
    }

    fn drafting(&self) -> bool {
        self.draft.as_ref().is_some_and(|r| r.status == Status::Draft)
    }

    fn check_setup(&mut self, setup: &VisitSetup, now: DateTime<FixedOffset>) -> Option<Tags> {
        self.problem = if setup.evaluator.trim().is_empty() {
            Some(ChecklistProblem::NoEvaluator)
        } else if setup.hall.trim().is_empty() {
            Some(ChecklistProblem::NoHall)
        } else if setup.visited_at > now + Duration::minutes(1) {
            Some(ChecklistProblem::VisitInFuture)
        } else {
            None
        };
        if self.problem.is_some() {
            return None;
        }
        let mut tags = Tags::default();
        TagKey::Interviewer.set(&mut tags, &setup.evaluator).expect("a free tag");
        TagKey::Hall.set(&mut tags, &setup.hall).expect("a free tag");
        Some(tags)
    }

    fn start(&mut self, id: Uuid, setup: VisitSetup, now: DateTime<FixedOffset>) -> bool {
        if self.screen != ChecklistScreen::Setup || self.drafting() {
            return false;
        }
        let Some(tags) = self.check_setup(&setup, now) else { return false };
        self.draft =
            Some(Response::start(id, &self.questionnaire, Channel::Evaluation, tags, setup.visited_at));
        self.stopwatches.clear();
        self.screen =
            if self.sections.is_empty() { ChecklistScreen::Summary } else { ChecklistScreen::Section(0) };
        true
    }

    fn resume(&mut self, draft: Response, stopwatches: BTreeMap<ItemId, Stopwatch>) -> bool {
        let usable = draft.status == Status::Draft && draft.questionnaire == self.questionnaire.reference();
        if self.drafting() || !usable {
            return false;
        }
        let open =
            draft.shown_items(&self.questionnaire).into_iter().find(|i| draft.answer_of(&i.id).is_none());
        self.screen = match open.and_then(|i| self.section_of(&i.id)) {
            Some(s) => ChecklistScreen::Section(s),
            None => ChecklistScreen::Summary,
        };
        self.draft = Some(draft);
        self.stopwatches = stopwatches;
        true
    }

    fn change_setup(&mut self, setup: VisitSetup, now: DateTime<FixedOffset>) -> bool {
        if !self.drafting() {
            return false;
        }
        let Some(tags) = self.check_setup(&setup, now) else { return false };
        let r = self.draft.as_mut().expect("drafting");
        r.tags.interviewer = tags.interviewer;
        r.tags.hall = tags.hall;
        r.started_at = setup.visited_at;
        true
    }

    fn edit_draft(&mut self, f: impl FnOnce(&Questionnaire, &mut Response) -> bool) -> bool {
        if !self.drafting() {
            return false;
        }
        let q = Rc::clone(&self.questionnaire);
        f(&q, self.draft.as_mut().expect("drafting"))
    }

    fn answer(&mut self, item: &ItemId, answer: Answer) -> bool {
        if !self.drafting() {
            return false;
        }
        let q = Rc::clone(&self.questionnaire);
        let r = self.draft.as_mut().expect("drafting");
        if r.answer_of(item) == Some(&answer) {
            return false;
        }
        match r.answer(&q, item.as_str(), answer) {
            Ok(()) => {
                if matches!(&self.problem, Some(ChecklistProblem::Missing(i) | ChecklistProblem::Refused(i, _)) if i == item)
                {
                    self.problem = None;
                }
                true
            }
            Err(e) => {
                self.problem = Some(ChecklistProblem::Refused(item.clone(), e));
                false
            }
        }
    }

    fn note(&mut self, item: ItemId, text: String) -> bool {
        self.edit_draft(|q, r| {
            if q.item(item.as_str()).is_none() {
                return false;
            }
            let text = text.trim().to_owned();
            if text.is_empty() {
                r.notes.remove(&item).is_some()
            } else {
                r.notes.insert(item, text.clone()).as_ref() != Some(&text)
            }
        })
    }

    fn watch(&mut self, item: ItemId, action: WatchAction, now_ms: i64) -> bool {
        let timed =
            self.questionnaire.item(item.as_str()).is_some_and(|i| matches!(i.kind, ItemKind::Number { .. }));
        if !self.drafting() || !timed {
            return false;
        }
        let watch = self.stopwatches.entry(item.clone()).or_default();
        let changed = watch.apply(action, now_ms);
        if changed && action == WatchAction::Stop {
            let minutes = watch.minutes(now_ms);
            let bounded = match &self.questionnaire.item(item.as_str()).expect("timed").kind {
                ItemKind::Number { min, max, .. } => {
                    minutes.max(min.unwrap_or(f64::MIN)).min(max.unwrap_or(f64::MAX))
                }
                _ => minutes,
            };
            self.answer(&item, Answer::Number(bounded));
        }
        changed
    }

    fn show(&mut self, screen: ChecklistScreen) -> bool {
        let allowed = match screen {
            ChecklistScreen::Setup => true,
            ChecklistScreen::Section(s) => self.drafting() && s < self.sections.len(),
            ChecklistScreen::Summary => self.drafting(),
            ChecklistScreen::Done => false,
        };
        if allowed && self.screen != screen {
            self.screen = screen;
            return true;
        }
        false
    }

    fn submit(&mut self, at: DateTime<FixedOffset>) -> bool {
        if !self.drafting() {
            return false;
        }
        let q = Rc::clone(&self.questionnaire);
        let r = self.draft.as_mut().expect("drafting");
        match r.submit(&q, at.max(r.started_at)) {
            Ok(()) => {
                self.last = r
                    .tags
                    .interviewer
                    .as_ref()
                    .zip(r.tags.hall.as_ref())
                    .map(|(e, h)| (e.to_string(), h.to_string()));
                self.problem = None;
                self.screen = ChecklistScreen::Done;
                for w in self.stopwatches.values_mut() {
                    w.running_since = None;
                }
                true
            }
            Err(e) => {
                let Error::InvalidResponse { item: Some(item), fault, .. } = &e else { return false };
                let (item, required) = (ItemId::new(item), *fault == ResponseFault::Required);
                if let Some(s) = self.section_of(&item) {
                    self.screen = ChecklistScreen::Section(s);
                }
                self.problem = Some(if required {
                    ChecklistProblem::Missing(item)
                } else {
                    ChecklistProblem::Refused(item, e)
                });
                true
            }
        }
    }

    fn new_visit(&mut self) -> bool {
        if self.screen != ChecklistScreen::Done {
            return false;
        }
        self.draft = None;
        self.stopwatches.clear();
        self.problem = None;
        self.screen = ChecklistScreen::Setup;
        true
    }
}

#[cfg(test)]
mod tests;
