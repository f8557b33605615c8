//! The rules a response keeps: answers fit their items, hidden items stay unanswered, a complete
//! response answers every required shown item.

use super::answer::Answer;
use super::{Response, Status};
use crate::questionnaire::item::{Item, ItemKind};
use crate::questionnaire::Questionnaire;

/// Why an answer does not fit its item, if it does not.
pub(super) fn check_answer(q: &Questionnaire, item: &Item, answer: &Answer) -> Result<(), String> {
    match (&item.kind, answer) {
        (kind, Answer::NotApplicable) if kind.offers_not_applicable() => Ok(()),
        (ItemKind::Rating { .. } | ItemKind::Recommend, Answer::Rating(x)) => {
            let points = q.rating_points(item).ok_or("the item's scale is not defined")?;
            if points.contains(x) {
                Ok(())
            } else {
                Err(format!("{x} is off the scale {}–{}", points.start(), points.end()))
            }
        }
        (ItemKind::SingleChoice { options }, Answer::Choice(code)) => {
            if options.iter().any(|o| &o.code == code) {
                Ok(())
            } else {
                Err(format!("`{code}` is not one of the options"))
            }
        }
        (ItemKind::MultipleChoice { options }, Answer::Choices(codes)) => {
            for (i, code) in codes.iter().enumerate() {
                if !options.iter().any(|o| &o.code == code) {
                    return Err(format!("`{code}` is not one of the options"));
                }
                if codes[..i].contains(code) {
                    return Err(format!("`{code}` is chosen twice"));
                }
            }
            Ok(())
        }
        (ItemKind::YesNo { .. }, Answer::Yes | Answer::No) => Ok(()),
        (ItemKind::Number { min, max, .. }, Answer::Number(x)) => {
            if !x.is_finite() {
                Err("the number is not finite".to_owned())
            } else if min.is_some_and(|m| *x < m) || max.is_some_and(|m| *x > m) {
                Err(format!(
                    "{x} is outside {}–{}",
                    min.map_or("…".to_owned(), |m| m.to_string()),
                    max.map_or("…".to_owned(), |m| m.to_string())
                ))
            } else {
                Ok(())
            }
        }
        (ItemKind::Text { max_length, .. }, Answer::Text(t)) => match max_length {
            Some(limit) if t.chars().count() > *limit as usize => {
                Err(format!("the text has {} characters; at most {limit} are kept", t.chars().count()))
            }
            _ => Ok(()),
        },
        (ItemKind::KanoPair { .. }, Answer::Kano(_)) => Ok(()),
        (kind, Answer::NotApplicable) => Err(format!("a {} item does not offer N/A", kind.name())),
        (kind, _) => Err(format!("a {} item cannot take this answer ({})", kind.name(), answer.cell())),
    }
}

/// The first rule the response breaks: the item (if any) and why.
pub(super) fn check_response(r: &Response, q: &Questionnaire) -> Result<(), (Option<String>, String)> {
    if r.questionnaire != q.reference() {
        return Err((None, format!("it answers {}, not {}", r.questionnaire, q.reference())));
    }
    match (r.status, r.submitted_at) {
        (Status::Draft, Some(_)) => return Err((None, "a draft has no submission time".into())),
        (Status::Complete | Status::BreakOff, None) => {
            return Err((None, "a closed response needs its submission time".into()))
        }
        (_, Some(at)) if at < r.started_at => {
            return Err((None, "it was submitted before it was started".into()))
        }
        _ => {}
    }
    for (id, answer) in &r.answers {
        let item =
            q.item(id.as_str()).ok_or((Some(id.to_string()), "no such item in the questionnaire".into()))?;
        check_answer(q, item, answer).map_err(|reason| (Some(id.to_string()), reason))?;
        if !r.is_shown(q, item) {
            return Err((Some(id.to_string()), "answered, but hidden by its show-if condition".into()));
        }
    }
    for id in r.notes.keys() {
        if q.item(id.as_str()).is_none() {
            return Err((Some(id.to_string()), "a note on an item the questionnaire does not have".into()));
        }
    }
    if r.status == Status::Complete {
        for item in r.shown_items(q) {
            if item.required && !r.answers.contains_key(&item.id) {
                return Err((Some(item.id.to_string()), "required, but not answered".into()));
            }
        }
    }
    Ok(())
}
