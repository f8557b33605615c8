use super::*;
use manyi_core::authoring::template::new_questionnaire;
use manyi_core::authoring::KindChoice;
use manyi_core::questionnaire::Mode;
use manyi_core::Lang;

fn act(s: Rc<EditorState>, a: EditorAction) -> Rc<EditorState> {
    s.reduce(a)
}

#[test]
fn edits_open_the_new_item_follow_moves_and_report_refusals() {
    let q = new_questionnaire("q".into(), Mode::SelfCompleted);
    let mut s = act(Rc::default(), EditorAction::Open(Box::new(q), false));
    assert!(s.dirty(), "a new questionnaire is unsaved");
    s = act(s, EditorAction::Edit(Edit::AddItem(KindChoice::YesNo)));
    assert_eq!(s.open_item, Some(1));
    s = act(s, EditorAction::Edit(Edit::MoveItem(1, Move::Up)));
    assert_eq!(s.open_item, Some(0));
    s = act(s, EditorAction::Edit(Edit::SetRedLine(1, true)));
    let (problem, text) = s.message.clone().unwrap();
    assert!(problem && text.get(Lang::En).contains("red-line"), "{text:?}");
    s = act(s, EditorAction::Edit(Edit::SetTitle(Lang::Zh, "问卷".into())));
    assert_eq!(s.message, None);
    let saved = s.draft.clone().unwrap();
    s = act(s, EditorAction::Saved(Box::new(saved), Text::new("已保存", "Saved")));
    assert!(!s.dirty());
    s = act(s, EditorAction::Edit(Edit::RemoveItem(0)));
    assert_eq!((s.open_item, s.dirty()), (None, true));
}

#[test]
fn a_surveyjs_import_opens_an_unsaved_draft_with_its_notes() {
    let json = r#"{"elements": [{"type": "rating", "name": "Q1"}, {"type": "file", "name": "photo"}]}"#;
    let c = manyi_core::questionnaire::surveyjs::from_surveyjs(json, "s.json", "s").unwrap();
    let s = act(Rc::default(), EditorAction::OpenImported(Box::new(c.questionnaire), c.notes));
    assert_eq!(s.screen, EditorScreen::Edit);
    assert!(s.dirty() && s.saved.is_none(), "the import is a new draft to save");
    let notes: Vec<(&str, &str)> =
        s.imported.as_ref().unwrap().iter().map(|n| (n.path.as_str(), n.what.as_str())).collect();
    assert_eq!(notes, [("elements[0]", "name"), ("elements[1]", "file")]);
    let s = act(act(s, EditorAction::Close), EditorAction::Discard);
    assert_eq!(s.imported, None, "the notes go with the draft");
}

#[test]
fn back_to_the_list_asks_before_unsaved_changes_go() {
    let q = new_questionnaire("q".into(), Mode::SelfCompleted);
    let s = act(Rc::default(), EditorAction::Open(Box::new(q.clone()), true));
    // Unchanged: straight back to the list.
    assert_eq!(act(s.clone(), EditorAction::Close).screen, EditorScreen::List);
    // Changed: asked; staying keeps the draft, letting it go drops it.
    let s = act(s, EditorAction::Edit(Edit::SetTitle(Lang::Zh, "网点回访".into())));
    let asked = act(s, EditorAction::Close);
    assert_eq!((asked.screen.clone(), asked.leaving), (EditorScreen::Edit, true));
    let stayed = act(asked.clone(), EditorAction::StayEditing);
    assert_eq!((stayed.leaving, stayed.dirty()), (false, true));
    assert_eq!(stayed.draft.as_ref().unwrap().title.zh, "网点回访");
    let gone = act(asked, EditorAction::Discard);
    assert_eq!((gone.screen.clone(), gone.draft.is_none()), (EditorScreen::List, true));
}
