//! SurveyJS JSON → a Manyi questionnaire, with a list of everything that was skipped, renamed or
//! changed on the way, each with its JSON path and SurveyJS type.
//!
//! survey-core's own semantics are followed (packages/survey-core/src in surveyjs/survey-library;
//! each module names the file it follows): pages and panels are flattened in order, their
//! `visibleIf` joining their questions'; `rating` takes survey-core's defaults (`rating.rs`);
//! `radiogroup`, `dropdown`, `buttongroup` and a single-select `imagepicker` become single
//! choices, `checkbox`, `tagbox` and a multi-select `imagepicker` multiple choices, with their
//! values kept as codes where Manyi's rules allow (`ids.rs`); `boolean` is yes/no; `comment` and
//! `text` are text (`inputType: number` or `range` a number); a Likert `matrix` becomes one rated
//! item per row in a dimension named after the matrix; `visibleIf` becomes a show-if condition
//! that holds for the same answers (`condition.rs`); localized strings fill zh and en
//! (`texts.rs`). Whatever Manyi cannot represent is skipped and listed, never dropped silently.

mod choices;
mod condition;
mod elements;
mod expression;
mod ids;
mod matrix;
mod questions;
mod rating;
mod texts;
mod values;

#[cfg(test)]
mod tests;

use super::{Mode, Questionnaire, QuestionnaireId, ScoringRules};
use crate::error::{Error, Position, Result};
use crate::text::Text;
use serde::Serialize;

/// What happened to a part of the SurveyJS survey that did not come over as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Left out: Manyi cannot represent it (the questionnaire has everything else).
    Skipped,
    /// Kept under another id or code, because Manyi's rules refuse the SurveyJS one.
    Renamed,
    /// Kept, but represented differently (e.g. a rating whose values are not a scale became a
    /// single choice).
    Changed,
}

impl Action {
    /// The action in both languages.
    pub fn label(self) -> Text {
        match self {
            Action::Skipped => Text::new("未导入", "skipped"),
            Action::Renamed => Text::new("已改名", "renamed"),
            Action::Changed => Text::new("已转换", "changed"),
        }
    }
}

/// One thing that was skipped, renamed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// Where in the SurveyJS JSON, e.g. `pages[1].elements[3]` (`` for the survey itself).
    pub path: String,
    /// The SurveyJS type (`paneldynamic`, `rating`, …) or property (`visibleIf`, `triggers`, …).
    pub what: String,
    /// What happened.
    pub action: Action,
    /// What and why, in zh-CN and English.
    pub text: Text,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() { "(survey)" } else { &self.path };
        write!(f, "{path} ({}): {}: {}", self.what, self.action.label().en, self.text.en)
    }
}

/// A converted survey.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    /// The questionnaire (valid by Manyi's rules), version 1, self-completed.
    pub questionnaire: Questionnaire,
    /// Everything skipped, renamed or changed, in the order of the SurveyJS JSON.
    pub notes: Vec<Note>,
}

/// Converts SurveyJS JSON (`source` names it in errors) into a questionnaire with the id `id`
/// (made a machine id if it is not one, e.g. from a file name).
///
/// Fails with the place when the text is not JSON or not a SurveyJS survey (an object), and when
/// no question could be converted.
pub fn from_surveyjs(json: &str, source: &str, id: &str) -> Result<Conversion> {
    let value: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| Error::json_at(source, crate::error::JsonExpected::Json, &e))?;
    let serde_json::Value::Object(survey) = value else {
        return Err(Error::Input {
            position: Position::default().in_file(source),
            reason: "a SurveyJS survey is a JSON object (with `pages` or `elements`)".into(),
        });
    };
    let id = if crate::id::is_machine_id(id) { id.to_owned() } else { ids::derive(id, "q", 1) };
    let mut walk = elements::Walk::default();
    walk.survey(&survey);
    let converted = walk.finish();
    if converted.items.is_empty() {
        return Err(Error::Input {
            position: Position::default().in_file(source),
            reason: format!(
                "no question could be converted ({} part(s) skipped: {})",
                converted.notes.len(),
                converted.notes.iter().map(ToString::to_string).take(5).collect::<Vec<_>>().join("; ")
            ),
        });
    }
    let questionnaire = Questionnaire {
        title: converted.title.unwrap_or_else(|| Text::new(id.clone(), id.clone())),
        id: QuestionnaireId::new(id),
        version: 1,
        mode: Mode::SelfCompleted,
        intro: converted.intro,
        script: Vec::new(),
        scales: converted.scales,
        dimensions: converted.dimensions,
        items: converted.items,
        scoring: ScoringRules::default(),
    };
    questionnaire.validate()?;
    Ok(Conversion { questionnaire, notes: converted.notes })
}
