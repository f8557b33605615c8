//! The rules a response keeps: answers fit their items, hidden items stay unanswered, a complete
//! response answers every required shown item.

use super::answer::Answer;
use super::{Response, Status};
use crate::error::ResponseFault;
use crate::questionnaire::item::{Item, ItemId, ItemKind};
use crate::questionnaire::Questionnaire;
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeMap;

/// Why an answer does not fit its item, if it does not.
pub(crate) fn check_answer(q: &Questionnaire, item: &Item, answer: &Answer) -> Result<(), ResponseFault> {
    match (&item.kind, answer) {
        (kind, Answer::NotApplicable) if kind.offers_not_applicable() => Ok(()),
        (ItemKind::Rating { .. } | ItemKind::Recommend, Answer::Rating(x)) => {
            let points = q.rating_points(item).ok_or(ResponseFault::ScaleUndefined)?;
            if points.contains(x) {
                Ok(())
            } else {
                Err(ResponseFault::OffScale { value: *x, from: *points.start(), to: *points.end() })
            }
        }
        (ItemKind::SingleChoice { options }, Answer::Choice(code)) => {
            if options.iter().any(|o| &o.code == code) {
                Ok(())
            } else {
                Err(ResponseFault::NotAnOption { code: code.to_string() })
            }
        }
        (ItemKind::MultipleChoice { options }, Answer::Choices(codes)) => {
            for (i, code) in codes.iter().enumerate() {
                if !options.iter().any(|o| &o.code == code) {
                    return Err(ResponseFault::NotAnOption { code: code.to_string() });
                }
                if codes[..i].contains(code) {
                    return Err(ResponseFault::ChosenTwice { code: code.to_string() });
                }
            }
            Ok(())
        }
        (ItemKind::YesNo { .. }, Answer::Yes | Answer::No) => Ok(()),
        (ItemKind::Number { min, max, .. }, Answer::Number(x)) => {
            if !x.is_finite() {
                Err(ResponseFault::NotFinite)
            } else if min.is_some_and(|m| *x < m) || max.is_some_and(|m| *x > m) {
                Err(ResponseFault::OutsideRange { value: *x, min: *min, max: *max })
            } else {
                Ok(())
            }
        }
        (ItemKind::Text { max_length, .. }, Answer::Text(t)) => match max_length {
            Some(limit) if t.chars().count() > *limit as usize => {
                Err(ResponseFault::TooLong { chars: t.chars().count(), limit: *limit })
            }
            _ => Ok(()),
        },
        (ItemKind::KanoPair { .. }, Answer::Kano(_)) => Ok(()),
        (kind, Answer::NotApplicable) => Err(ResponseFault::NoNotApplicable { kind: kind.name().to_owned() }),
        (kind, _) => Err(ResponseFault::WrongAnswer {
            kind: kind.name().to_owned(),
            answer: answer.cell().to_string(),
        }),
    }
}

/// The answers of a response as the checks read them: by item id, and all of them in item-id order
/// (the order of `Response::answers`), so that every reader reports the same first problem.
pub(crate) trait AnswerSet {
    /// The answer to the item with this id.
    fn answer(&self, id: &str) -> Option<&Answer>;

    /// Calls `f` with each answer in item-id order, and the item of `q` it answers (if any), until
    /// `f` fails.
    fn try_each<'s, E>(
        &'s self,
        q: &Questionnaire,
        f: impl FnMut(&str, Option<&Item>, &'s Answer) -> Result<(), E>,
    ) -> Result<(), E>;
}

impl AnswerSet for BTreeMap<ItemId, Answer> {
    fn answer(&self, id: &str) -> Option<&Answer> {
        self.get(id)
    }

    fn try_each<'s, E>(
        &'s self,
        q: &Questionnaire,
        mut f: impl FnMut(&str, Option<&Item>, &'s Answer) -> Result<(), E>,
    ) -> Result<(), E> {
        for (id, answer) in self {
            f(id.as_str(), q.item(id.as_str()), answer)?;
        }
        Ok(())
    }
}

/// What the checks read of a response besides its answers.
pub(crate) struct Header {
    /// How far it got.
    pub status: Status,
    /// When it was started.
    pub started_at: DateTime<FixedOffset>,
    /// When it was submitted or closed.
    pub submitted_at: Option<DateTime<FixedOffset>>,
}

/// The first rule the response breaks: the item (if any) and why.
pub(super) fn check_response(r: &Response, q: &Questionnaire) -> Result<(), (Option<String>, ResponseFault)> {
    if r.questionnaire != q.reference() {
        let fault = ResponseFault::OtherQuestionnaire {
            answers: r.questionnaire.to_string(),
            expected: q.reference().to_string(),
        };
        return Err((None, fault));
    }
    let header = Header { status: r.status, started_at: r.started_at, submitted_at: r.submitted_at };
    check_parts(q, &header, &r.answers, r.notes.keys().map(ItemId::as_str))
}

/// The first rule broken by a response to `q` (whose questionnaire reference is already known to
/// be `q`'s) with this header, answers and notes on these items.
pub(crate) fn check_parts<'n>(
    q: &Questionnaire,
    r: &Header,
    answers: &impl AnswerSet,
    mut notes: impl Iterator<Item = &'n str>,
) -> Result<(), (Option<String>, ResponseFault)> {
    match (r.status, r.submitted_at) {
        (Status::Draft, Some(_)) => return Err((None, ResponseFault::DraftSubmitted)),
        (Status::Complete | Status::BreakOff, None) => return Err((None, ResponseFault::NoSubmissionTime)),
        (_, Some(at)) if at < r.started_at => return Err((None, ResponseFault::SubmittedBeforeStarted)),
        _ => {}
    }
    let shown = |item: &Item| q.is_shown(item, &|id: &ItemId| answers.answer(id.as_str()));
    answers.try_each(q, |id, item, answer| {
        let item = item.ok_or((Some(id.to_owned()), ResponseFault::NoSuchItem))?;
        check_answer(q, item, answer).map_err(|reason| (Some(id.to_owned()), reason))?;
        if !shown(item) {
            return Err((Some(id.to_owned()), ResponseFault::AnsweredHidden));
        }
        Ok(())
    })?;
    if let Some(id) = notes.find(|id| q.item(id).is_none()) {
        return Err((Some(id.to_owned()), ResponseFault::NoteOnUnknownItem));
    }
    if r.status == Status::Complete {
        for item in q.items.iter().filter(|i| shown(i)) {
            if item.required && answers.answer(item.id.as_str()).is_none() {
                return Err((Some(item.id.to_string()), ResponseFault::Required));
            }
        }
    }
    Ok(())
}
