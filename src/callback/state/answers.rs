//! The interview's answers keyed in: what a key or a click gives on the question shown (core's
//! `session::keys`), Enter confirming it and going on, and the field of a number or a text.
//! Part of the pure state, tested natively.

use super::{Desk, Message};
use crate::callback::texts::T;
use chrono::{DateTime, FixedOffset};
use manyi_core::callback::Case;
use manyi_core::questionnaire::item::ItemId;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::response::answer::Answer;
use manyi_core::session::keys::{Confirmed, ItemKeys, Keyed};
use manyi_core::session::survey::{Screen, SurveyAction};

/// The question shown, as the keys need it.
struct Shown {
    page: usize,
    item: ItemId,
    keys: ItemKeys,
    given: Option<Answer>,
    required: bool,
}

impl Desk {
    /// The question of the interview on screen, if one is.
    fn shown(&self) -> Option<Shown> {
        let survey = self.call.as_ref()?.call.interview.as_ref()?;
        let Screen::Page(page) = survey.screen else { return None };
        let q = &survey.questionnaire;
        let item = q.item(survey.plan.pages.get(page)?.items.first()?.as_str())?;
        let given = survey.draft.as_ref()?.answer_of(&item.id).cloned();
        Some(Shown {
            page,
            item: item.id.clone(),
            keys: ItemKeys::of(q, item),
            given,
            required: item.required,
        })
    }

    /// A key on the question: what it keys, if anything (core decides).
    pub(super) fn press_key(&mut self, key: &str) -> bool {
        let Some(s) = self.shown() else { return false };
        self.with_call(|d| match s.keys.press(&d.keyed, s.given.as_ref(), key) {
            Some(keyed) if keyed != d.keyed => {
                d.keyed = keyed;
                true
            }
            _ => false,
        })
    }

    /// An answer clicked: chosen (a multiple choice's option toggled), waiting for Enter.
    pub(super) fn pick(&mut self, answer: &Answer) -> bool {
        let Some(s) = self.shown() else { return false };
        self.with_call(|d| {
            let keyed = s.keys.pick(&d.keyed, s.given.as_ref(), answer);
            std::mem::replace(&mut d.keyed, keyed.clone()) != keyed
        })
    }

    /// Enter on a keyed question: records what was keyed and goes on; with nothing keyed, goes
    /// on with the answer given before, or past an optional question.
    pub(super) fn confirm(&mut self, at: DateTime<FixedOffset>) -> bool {
        let Some(s) = self.shown() else { return false };
        let keyed = self.call.as_ref().map(|d| d.keyed.clone()).unwrap_or_default();
        match s.keys.confirm(&keyed, s.given.as_ref()) {
            Confirmed::Answer(a) => self.record(&s, Some(a), at, true),
            Confirmed::Clear => self.record(&s, None, at, true),
            Confirmed::Keep if s.given.is_some() || !s.required => self.go_on(&s, at),
            Confirmed::Keep => false,
        }
    }

    /// Enter in a question's field: records the number or text (blank: none) and goes on, or
    /// says why a number was not taken. With `go_on` false (Esc to the outcomes), only keeps
    /// what was typed, if it can be kept.
    pub(super) fn confirm_field(&mut self, text: &str, at: DateTime<FixedOffset>, go_on: bool) -> bool {
        let Some(s) = self.shown() else { return false };
        match s.keys.confirm_field(text) {
            Ok(Confirmed::Answer(a)) => self.record(&s, Some(a), at, go_on),
            Ok(_) if s.given.is_some() => self.record(&s, None, at, go_on),
            Ok(_) if go_on && !s.required => self.go_on(&s, at),
            Ok(_) => false,
            Err(why) if go_on => {
                self.message = Some(Message::error(why));
                true
            }
            Err(_) => false,
        }
    }

    /// Records `answer` (none: takes the given one back), then goes on if the question is
    /// answered or optional. An answer core refuses (a number off its range) is said, and the
    /// question stays.
    fn record(&mut self, s: &Shown, answer: Option<Answer>, at: DateTime<FixedOffset>, go_on: bool) -> bool {
        let (page, item) = (s.page, s.item.clone());
        if let Some(a) = &answer {
            let refused = self.call.as_ref().and_then(|d| {
                let survey = d.call.interview.as_ref()?;
                let mut r = survey.draft.clone()?;
                r.answer(&survey.questionnaire, item.as_str(), a.clone()).err()
            });
            if let Some(e) = refused {
                self.message = Some(Message::error_with(T::AnswerRefused, e));
                return true;
            }
        }
        self.message = None;
        let answered = answer.is_some();
        self.with_call(|d| {
            d.keyed = Keyed::default();
            let action = match answer {
                Some(answer) => SurveyAction::Answer { page, item: item.clone(), answer, at },
                None => SurveyAction::Clear { page, item: item.clone() },
            };
            d.call.apply(action);
            true
        });
        if go_on && (answered || !s.required) {
            self.go_on(s, at);
        }
        true
    }

    /// On to the next question (the interview is submitted after the last). A one-key question
    /// has moved on already when answered: the move, named on its page, is then ignored.
    fn go_on(&mut self, s: &Shown, at: DateTime<FixedOffset>) -> bool {
        self.with_call(|d| {
            d.keyed = Keyed::default();
            d.call.apply(SurveyAction::Next { page: s.page, at });
            true
        })
    }

    /// The questionnaire of `case`'s interview, if it is on this device.
    pub fn script_of(&self, case: &Case) -> Option<&Questionnaire> {
        self.library.get(&case.script_or_builtin())
    }
}
