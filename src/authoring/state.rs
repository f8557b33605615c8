//! The editor's state: the list, or one questionnaire being edited (its saved form beside it, to
//! tell unsaved changes), or one being run; which item is open; what the last edit or save said.

use manyi_core::authoring::{apply, Edit, Move};
use manyi_core::questionnaire::surveyjs::Note;
use manyi_core::questionnaire::Questionnaire;
use manyi_core::Text;
use std::rc::Rc;
use yew::Reducible;

/// Which screen the editor shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum EditorScreen {
    /// Every questionnaire.
    #[default]
    List,
    /// One questionnaire being edited.
    Edit,
    /// A saved questionnaire being tried out (试填): in memory, nothing stored.
    Run(Rc<Questionnaire>),
}

/// The editor's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EditorState {
    /// The screen.
    pub screen: EditorScreen,
    /// The questionnaire being edited.
    pub draft: Option<Questionnaire>,
    /// It as last saved (`None` for a new one).
    pub saved: Option<Questionnaire>,
    /// The item whose settings are open.
    pub open_item: Option<usize>,
    /// What the last edit, save or import said.
    pub message: Option<(bool, Text)>,
    /// What a SurveyJS import skipped, renamed or changed in the draft (shown until it is closed).
    pub imported: Option<Vec<Note>>,
    /// 返回列表 was pressed with unsaved changes: asked whether to let them go.
    pub leaving: bool,
}

impl EditorState {
    /// Whether the draft differs from what was saved.
    pub fn dirty(&self) -> bool {
        self.draft.is_some() && self.draft != self.saved
    }
}

/// What changes it.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorAction {
    /// Edit a questionnaire (`true`: it is stored already).
    Open(Box<Questionnaire>, bool),
    /// Edit a questionnaire converted from SurveyJS (not stored yet), with what the conversion
    /// skipped, renamed or changed.
    OpenImported(Box<Questionnaire>, Vec<Note>),
    /// A change to the draft.
    Edit(Edit),
    /// Open (or close) an item's settings.
    OpenItem(Option<usize>),
    /// The draft was saved as this (its version may have changed).
    Saved(Box<Questionnaire>, Text),
    /// Something to tell (`true` for a problem).
    Tell(bool, Text),
    /// Try a saved questionnaire out (试填).
    Run(Rc<Questionnaire>),
    /// Back to the list (asks first when the draft has unsaved changes).
    Close,
    /// Back to the list, letting the unsaved changes go.
    Discard,
    /// Not back to the list after all: keep editing.
    StayEditing,
}

impl Reducible for EditorState {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            EditorAction::Open(q, stored) => {
                s = EditorState {
                    screen: EditorScreen::Edit,
                    saved: stored.then(|| (*q).clone()),
                    draft: Some(*q),
                    ..EditorState::default()
                };
            }
            EditorAction::OpenImported(q, notes) => {
                s = EditorState {
                    screen: EditorScreen::Edit,
                    draft: Some(*q),
                    imported: Some(notes),
                    ..EditorState::default()
                };
            }
            EditorAction::Edit(edit) => {
                let Some(q) = s.draft.as_mut() else { return self };
                let follow = match &edit {
                    Edit::AddItem(_) => Some(q.items.len()),
                    Edit::MoveItem(at, Move::Up) if s.open_item == Some(*at) => at.checked_sub(1),
                    Edit::MoveItem(at, Move::Down) if s.open_item == Some(*at) => Some(at + 1),
                    Edit::RemoveItem(_) => None,
                    _ => s.open_item,
                };
                match apply(q, edit) {
                    Ok(()) => {
                        s.message = None;
                        s.open_item = follow.filter(|k| *k < q.items.len());
                    }
                    Err(e) => s.message = Some((true, e.0)),
                }
            }
            EditorAction::OpenItem(k) => s.open_item = k,
            EditorAction::Saved(q, said) => {
                s.draft = Some((*q).clone());
                s.saved = Some(*q);
                s.message = Some((false, said));
            }
            EditorAction::Tell(problem, said) => s.message = Some((problem, said)),
            EditorAction::Run(q) => s.screen = EditorScreen::Run(q),
            EditorAction::Close if s.screen == EditorScreen::Edit && s.dirty() => s.leaving = true,
            EditorAction::StayEditing => s.leaving = false,
            EditorAction::Close | EditorAction::Discard => {
                s = EditorState {
                    message: s.message.filter(|_| s.screen == EditorScreen::List),
                    ..EditorState::default()
                }
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests;
