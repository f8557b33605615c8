//! The survey as a state machine: the draft response, the current screen, and every move a person
//! can make. Pure: times and ids come in with the actions, answers are checked by core.

use super::plan::{PageKind, Plan};
use crate::questionnaire::item::ItemId;
use crate::questionnaire::Questionnaire;
use crate::response::answer::Answer;
use crate::response::tags::Tags;
use crate::response::{Channel, Response, Status};
use crate::Error;
use chrono::{DateTime, FixedOffset};
use std::rc::Rc;
use uuid::Uuid;

/// A second tap sooner than this after a screen changed is taken as the rest of a double tap.
pub const DOUBLE_TAP_MS: i64 = 400;

/// Which screen of the survey is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The welcome screen with 开始 / Start.
    Start,
    /// Screen `n` of the plan.
    Page(usize),
    /// The thank-you screen after submitting.
    Thanks,
}

/// What a person did on the survey. Each move names the screen it was made on, so a move made on a
/// screen that is already gone (the second tap of a double tap) is ignored.
#[derive(Debug, Clone, PartialEq)]
pub enum SurveyAction {
    /// Start a new response.
    Start {
        /// Its UUID, made by the caller.
        id: Uuid,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Continue a draft found in storage.
    Resume {
        /// The draft.
        draft: Box<Response>,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Answer an item on screen `page`.
    Answer {
        /// The screen the answer was given on.
        page: usize,
        /// The item.
        item: ItemId,
        /// The answer.
        answer: Answer,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Remove the answer to an item on screen `page` (e.g. a comment emptied).
    Clear {
        /// The screen.
        page: usize,
        /// The item.
        item: ItemId,
    },
    /// Go on from screen `page`.
    Next {
        /// The screen.
        page: usize,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Go back from screen `page`.
    Back {
        /// The screen.
        page: usize,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Submit from screen `page`.
    Submit {
        /// The screen.
        page: usize,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Leave the thank-you screen for the start screen.
    Reset,
    /// End the session from any screen (the customer walked away): the draft leaves the state
    /// and the start screen returns. The caller has already closed and stored it (or deleted it).
    Abandon,
}

/// The survey's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    /// The questionnaire asked.
    pub questionnaire: Rc<Questionnaire>,
    /// Its screens.
    pub plan: Rc<Plan>,
    /// The screen shown.
    pub screen: Screen,
    /// The response being answered (draft), or just submitted (on the thank-you screen).
    pub draft: Option<Response>,
    /// A required item the person still has to answer, after a submit that core refused.
    pub missing: Option<ItemId>,
    /// The channel every new response records.
    pub channel: Channel,
    /// The tags every new response starts with (hall, counter, staff, device, interviewer).
    pub tags: Tags,
    /// When the screen was entered, to recognise the second tap of a double tap.
    entered_at: Option<DateTime<FixedOffset>>,
    /// Whether moves within [`DOUBLE_TAP_MS`] of a screen change are taken as a double tap.
    tap_guard: bool,
}

impl Survey {
    /// A survey of `q` on its start screen, in the hall channel with no tags.
    pub fn new(q: Questionnaire) -> Survey {
        let plan = Plan::new(&q);
        Survey::with_plan(q, plan)
    }

    /// A survey of `q` keyed in by an agent: one item a screen ([`Plan::one_item_a_screen`]) and
    /// no double-tap guard ([`Survey::without_tap_guard`]).
    pub fn keyed(q: Questionnaire) -> Survey {
        let plan = Plan::one_item_a_screen(&q);
        Survey::with_plan(q, plan).without_tap_guard()
    }

    fn with_plan(q: Questionnaire, plan: Plan) -> Survey {
        Survey {
            questionnaire: Rc::new(q),
            plan: Rc::new(plan),
            screen: Screen::Start,
            draft: None,
            missing: None,
            channel: Channel::Hall,
            tags: Tags::default(),
            entered_at: None,
            tap_guard: true,
        }
    }

    /// The same survey recording `channel` and starting every response with `tags`.
    pub fn with_context(mut self, channel: Channel, tags: Tags) -> Survey {
        self.channel = channel;
        self.tags = tags;
        self
    }

    /// The same survey without the double-tap guard, for answers keyed in (a callback agent types
    /// `4`, Enter, `5`, Enter faster than a tap and never double-taps a key).
    pub fn without_tap_guard(mut self) -> Survey {
        self.tap_guard = false;
        self
    }

    /// Applies a move; returns whether anything changed.
    pub fn apply(&mut self, action: SurveyAction) -> bool {
        match action {
            SurveyAction::Start { id, at } => self.start(id, at),
            SurveyAction::Resume { draft, at } => self.resume(*draft, at),
            SurveyAction::Answer { page, item, answer, at } => self.answer(page, &item, answer, at),
            SurveyAction::Clear { page, item } => self.clear(page, &item),
            SurveyAction::Next { page, at } => self.accepts(page, at) && self.next(page, at),
            SurveyAction::Back { page, at } => self.accepts(page, at) && self.back(page, at),
            SurveyAction::Submit { page, at } => self.accepts(page, at) && self.submit(at),
            SurveyAction::Reset => self.reset(),
            SurveyAction::Abandon => self.abandon(),
        }
    }

    /// Whether a move made on `page` at `at` counts: the page is still shown and the move is not
    /// the second tap of a double tap that changed the screen.
    fn accepts(&self, page: usize, at: DateTime<FixedOffset>) -> bool {
        self.screen == Screen::Page(page)
            && (!self.tap_guard
                || self.entered_at.is_none_or(|t| (at - t).num_milliseconds() >= DOUBLE_TAP_MS))
    }

    fn go(&mut self, screen: Screen, at: Option<DateTime<FixedOffset>>) {
        self.screen = screen;
        self.entered_at = at;
    }

    fn start(&mut self, id: Uuid, at: DateTime<FixedOffset>) -> bool {
        if self.screen != Screen::Start || self.draft.is_some() {
            return false;
        }
        let r = Response::start(id, &self.questionnaire, self.channel, self.tags.clone(), at);
        let first = self.plan.next(&self.questionnaire, &r, None);
        self.draft = Some(r);
        self.go(first.map_or(Screen::Start, Screen::Page), Some(at));
        true
    }

    fn resume(&mut self, draft: Response, at: DateTime<FixedOffset>) -> bool {
        let usable = draft.status == Status::Draft && draft.questionnaire == self.questionnaire.reference();
        if self.screen != Screen::Start || self.draft.is_some() || !usable {
            return false;
        }
        let page = self.plan.resume_at(&self.questionnaire, &draft);
        self.draft = Some(draft);
        self.go(page.map_or(Screen::Start, Screen::Page), Some(at));
        true
    }

    fn answer(&mut self, page: usize, item: &ItemId, answer: Answer, at: DateTime<FixedOffset>) -> bool {
        let on_page = self.plan.pages.get(page).is_some_and(|p| p.items.contains(item));
        // Typed answers (a comment, a number) are never the rest of a double tap: only taps are
        // held to the guard, so text typed at once on a new screen is kept.
        let typed = matches!(answer, Answer::Text(_) | Answer::Number(_));
        let counts = if typed { self.screen == Screen::Page(page) } else { self.accepts(page, at) };
        if !on_page || !counts {
            return false;
        }
        let q = Rc::clone(&self.questionnaire);
        let Some(r) = self.draft.as_mut() else { return false };
        if r.answer_of(item) == Some(&answer) && self.plan.pages[page].kind == PageKind::Form {
            return false;
        }
        if r.answer(&q, item.as_str(), answer).is_err() {
            // Core refused it. A tap the item does not take changes nothing; typed text that is
            // refused (a phone number with a digit deleted) must not leave the text typed before
            // in its place, unseen: the item is left unanswered.
            return typed && r.answer_of(item).is_some() && r.clear(&q, item.as_str()).is_ok();
        }
        if self.missing.as_ref() == Some(item) {
            self.missing = None;
        }
        if self.plan.pages[page].kind == PageKind::Tap {
            self.next(page, at);
        }
        true
    }

    fn clear(&mut self, page: usize, item: &ItemId) -> bool {
        let q = Rc::clone(&self.questionnaire);
        match self.draft.as_mut() {
            Some(r) if self.screen == Screen::Page(page) && r.answer_of(item).is_some() => {
                r.clear(&q, item.as_str()).is_ok()
            }
            _ => false,
        }
    }

    fn next(&mut self, page: usize, at: DateTime<FixedOffset>) -> bool {
        let Some(r) = self.draft.as_ref() else { return false };
        match self.plan.next(&self.questionnaire, r, Some(page)) {
            Some(next) => self.go(Screen::Page(next), Some(at)),
            // The last screen: going on means submitting.
            None => return self.submit(at),
        }
        true
    }

    fn back(&mut self, page: usize, at: DateTime<FixedOffset>) -> bool {
        let Some(r) = self.draft.as_ref() else { return false };
        match self.plan.previous(&self.questionnaire, r, page) {
            Some(previous) => {
                self.go(Screen::Page(previous), Some(at));
                true
            }
            None => false,
        }
    }

    fn submit(&mut self, at: DateTime<FixedOffset>) -> bool {
        let Some(r) = self.draft.as_mut() else { return false };
        match r.submit(&self.questionnaire, at) {
            Ok(()) => {
                self.missing = None;
                self.go(Screen::Thanks, Some(at));
            }
            Err(Error::InvalidResponse { item: Some(item), .. }) => {
                let page = self.plan.page_of(&item);
                self.missing = Some(ItemId::new(item));
                if let Some(page) = page {
                    self.go(Screen::Page(page), Some(at));
                }
            }
            Err(_) => return false,
        }
        true
    }

    fn abandon(&mut self) -> bool {
        if self.screen == Screen::Start && self.draft.is_none() {
            return false;
        }
        self.draft = None;
        self.missing = None;
        self.go(Screen::Start, None);
        true
    }

    fn reset(&mut self) -> bool {
        if self.screen != Screen::Thanks {
            return false;
        }
        self.draft = None;
        self.missing = None;
        self.go(Screen::Start, None);
        true
    }
}
